"""Every list of the pool answers in a fixed number of queries."""

from datetime import timedelta

import pytest
from django.utils import timezone

from woonloket.housing import rules, services

TODAY = timezone.localdate()


def _fill(carol, make_unit, make_case, n):
    for i in range(n):
        case = make_case(f"Naam{i}")
        unit = make_unit("36007" if i % 2 else "36008")
        services.stay_book(carol, unit_id=unit.pk, case_id=case.pk, kind="crisisopvang",
                           first_night=TODAY - timedelta(days=5), last_night=TODAY + timedelta(
                               days=i))
        services.registration_create(carol, case_id=case.pk, region="w13")
        services.application_create(
            carol, case_id=case.pk, applied_on=TODAY, acute=False, inquiry_on=TODAY,
            scores={c: {"score": 2, "motivation": "x"} for c in rules.CRITERION_CODES})


@pytest.mark.parametrize("kind, url", [
    ("api", "/housing/units?limit=100"),
    ("api", "/housing/stays?limit=100"),
    ("api", "/housing/registrations?limit=100"),
    ("page", f"/woningen/?first_night={TODAY + timedelta(days=30)}"
             f"&last_night={TODAY + timedelta(days=31)}&region=regio-izegem&near=36008"),
    ("page", "/kracht-wonen/"),
    ("page", "/woningen/aanvragen/"),
    ("page", "/woningen/bezettingsgraad/?region=regio-izegem"
             f"&period_from={TODAY - timedelta(days=30)}&period_to={TODAY}"),
    ("page", "/crisisnetwerk/"),
])
def test_list_queries_do_not_grow_with_rows(
        count_queries, client, api, carol, make_unit, make_case, kind, url):
    if kind == "api":
        caller = api(carol)
        def call():
            assert caller.get(url).status_code == 200
    else:
        client.force_login(carol)
        def call():
            assert client.get(url).status_code == 200
    _fill(carol, make_unit, make_case, 1)
    few = count_queries(call)
    _fill(carol, make_unit, make_case, 8)
    assert count_queries(call) == few
