"""Benchmarks of the reports: every key figure for every Flemish municipality,
and the report page of one municipality."""

from django.contrib.auth import get_user_model
from django.db import connection

from woonloket.cases.demo import TODAY
from woonloket.core.bench import benchmark, get_ok, page_client
from woonloket.core.models import Municipality

from . import selectors

YEAR = TODAY.year - 1


def _floor_cases():
    """The four contact figures (clients, priority clients, contacts, priority
    contacts) per municipality in one hand-written SQL aggregate: the same
    numbers as the heaviest family of the dictionary."""
    first, after = f"{YEAR}-01-01", f"{YEAR + 1}-01-01"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.municipality_id, count(DISTINCT c.household_id), "
            "count(DISTINCT c.household_id) FILTER (WHERE c.is_priority AND "
            "c.priority_since < %s AND (c.closed_on IS NULL OR c.closed_on >= %s)), count(*), "
            "count(*) FILTER (WHERE c.is_priority AND c.priority_since < %s AND "
            "(c.closed_on IS NULL OR c.closed_on >= %s)) "
            "FROM cases_contact k JOIN cases_case c ON c.id = k.case_id "
            "WHERE k.at >= %s AND k.at < %s AND k.channel <> 'overleg' "
            "GROUP BY c.municipality_id",
            [after, first, after, first, first, after])
        return cursor.fetchall()


@benchmark("reports.figures_all", floor=_floor_cases)
def figures_all():
    """All key figures, all 285 Flemish municipalities, one year (floor: the
    heaviest family, the four contact figures, in one hand-written SQL aggregate)."""
    rows = Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS).count()
    return (lambda: selectors.all_municipalities(YEAR)), rows


@benchmark("reports.report_page")
def report_page():
    """The yearly report page of Izegem (five years of every figure)."""
    user = get_user_model().objects.get(username="demo-coordinator")
    return get_ok(page_client(user), f"/rapporten/?year={YEAR}&municipality=36008"), 1
