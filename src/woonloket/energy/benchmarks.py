"""Benchmarks of the energy back office: the screening list and one trajectory
with its quote comparison, for the demo counsellor."""

from django.contrib.auth import get_user_model

from woonloket.core.bench import benchmark, get_ok, page_client

from .models import Screening, Trajectory


@benchmark("energy.screenings")
def screening_list():
    """The first page of the screenings of the demo counsellor's organisation."""
    user = get_user_model().objects.get(username="demo-woonbegeleider")
    return get_ok(page_client(user), "/energie/screenings/"), Screening.objects.count()


@benchmark("energy.quotes")
def quote_comparison():
    """The quote comparison of a demo trajectory (every quote beside the estimate)."""
    user = get_user_model().objects.get(username="demo-woonbegeleider")
    trajectory = Trajectory.objects.order_by("pk").first()
    url = f"/energie/renovatiebegeleiding/{trajectory.pk}/offertes/"
    return get_ok(page_client(user), url), trajectory.quotes.count()
