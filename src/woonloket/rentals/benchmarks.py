"""Benchmarks of the rentals app: matching a household against the whole
rental list, and the rental list page."""

from django.contrib.auth import get_user_model

from woonloket.cases.models import Case
from woonloket.core.bench import api_client, benchmark, get_ok, page_client

from .models import Listing


@benchmark("rentals.matches")
def matches():
    """Every open listing judged for one household of the demo counsellor."""
    user = get_user_model().objects.get(username="demo-woonbegeleider")
    case = Case.objects.filter(contact_person=user).exclude(status="afgesloten").first()
    url = f"/api/v1/rentals/matches?household_id={case.household_id}"
    return get_ok(api_client(user), url), Listing.objects.count()


@benchmark("rentals.list")
def listing_list():
    """The first page of the rental list, for a volunteer."""
    user = get_user_model().objects.get(username="demo-vrijwilliger")
    return get_ok(page_client(user), "/immolijst/"), Listing.objects.count()
