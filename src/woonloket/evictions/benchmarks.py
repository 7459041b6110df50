"""Benchmarks of eviction prevention: the board of open petitions and the
yearly figures per municipality."""

from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import Count, Q

from woonloket.cases.demo import TODAY
from woonloket.core.bench import api_client, benchmark, get_ok, page_client
from woonloket.core.models import Organisation

from .models import Petition


def _coordinator_of_busiest():
    """A coordinator of the housing service with the most open petitions."""
    org = (Organisation.objects.annotate(n=Count("petitions", filter=Q(
        petitions__closed_on__isnull=True))).order_by("-n").first())
    user = get_user_model().objects.filter(memberships__organisation=org,
                                           memberships__role="coordinator").first()
    return user or get_user_model().objects.get(username="demo-coordinator"), org


@benchmark("evictions.board")
def board():
    """The board of open petitions of the busiest housing service (first page)."""
    user, org = _coordinator_of_busiest()
    rows = Petition.objects.filter(organisation=org, closed_on__isnull=True).count()
    return get_ok(page_client(user), "/uithuiszettingen/"), rows


def _floor_figures():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT m.name, count(*), count(*) FILTER (WHERE p.reached_on IS NOT NULL), "
            "count(*) FILTER (WHERE p.intake_on IS NOT NULL), count(*) FILTER (WHERE "
            "p.hearing_attended), count(*) FILTER (WHERE p.evicted_on IS NOT NULL) "
            "FROM evictions_petition p JOIN core_municipality m "
            "ON m.nis_code = p.municipality_id WHERE p.received_on >= %s AND "
            "p.received_on < %s GROUP BY m.name ORDER BY m.name",
            [TODAY.replace(month=1, day=1), TODAY.replace(year=TODAY.year + 1, month=1, day=1)])
        return cursor.fetchall()


@benchmark("evictions.figures", floor=_floor_figures)
def figures():
    """Petition and mediation figures per municipality for one year, all petitions
    visible to a platform administrator."""
    admin = get_user_model().objects.filter(is_superuser=True).first() or \
        get_user_model().objects.create_superuser("bench-admin", password=None)
    rows = Petition.objects.filter(received_on__year=TODAY.year).count()
    return get_ok(api_client(admin), f"/api/v1/evictions/figures?year={TODAY.year}"), rows
