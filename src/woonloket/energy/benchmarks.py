"""Benchmarks of the energy app: the public scan (engine, measures, packages
and the saved scan in one request), the screening list and one trajectory with
its quote comparison, for the demo counsellor."""

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

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


@benchmark("energy.scan")
def public_scan():
    """POST /api/v1/energy/scan for a 1965 semi-detached house with a few answers
    (the rate limit is off for the run: it measures the scan, not the limit)."""
    client = Client()
    body = {"building_type": "halfopen", "construction_year": 1965,
            "heated_floor_area_m2": 150, "glazing": "dubbel", "income_category": 3,
            "municipality_nis": "36008"}

    def call():
        with override_settings(WOONLOKET_SCAN_RATE=0):
            response = client.post("/api/v1/energy/scan", body, content_type="application/json")
        assert response.status_code == 200, response.content
        return response
    return call, 1
