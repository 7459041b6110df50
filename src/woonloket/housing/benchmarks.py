"""Benchmarks of the housing pool: availability search and the occupancy board."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count

from woonloket.cases.demo import TODAY
from woonloket.core.bench import api_client, benchmark, get_ok, page_client
from woonloket.core.models import Region

from .models import HousingUnit

COORDINATOR = "demo-coordinator"
FIRST, LAST = TODAY, TODAY + timedelta(days=6)


def _coordinator():
    return get_user_model().objects.get(username=COORDINATOR)


def _floor_availability():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT u.id, u.name, m.name FROM housing_housingunit u "
            "JOIN core_municipality m ON m.nis_code = u.municipality_id "
            "WHERE u.status = 'beschikbaar' AND NOT EXISTS (SELECT 1 FROM housing_stay s "
            "WHERE s.unit_id = u.id AND s.first_night <= %s AND s.occupied_until > %s) "
            "AND NOT EXISTS (SELECT 1 FROM housing_stay s WHERE s.unit_id = u.id "
            "AND s.first_night <= %s AND s.occupied_until IS NULL) "
            "ORDER BY m.name, u.name LIMIT 50", [LAST, FIRST, LAST])
        return cursor.fetchall()


@benchmark("housing.availability", floor=_floor_availability)
def availability():
    """Free homes for a week across every region, nearest to Izegem first."""
    url = (f"/api/v1/housing/availability?first_night={FIRST}&last_night={LAST}"
           f"&near=36008&limit=50")
    return get_ok(api_client(_coordinator()), url), HousingUnit.objects.count()


@benchmark("housing.board")
def board():
    """The occupancy board of the region with the most homes, 12 weeks."""
    region = (Region.objects.annotate(n=Count("municipalities__housing_units"))
              .order_by("-n").first())
    url = f"/woningen/bezetting/?region={region.code}&start={FIRST}&weeks=12"
    rows = HousingUnit.objects.filter(municipality__regions=region).count()
    return get_ok(page_client(_coordinator()), url), rows
