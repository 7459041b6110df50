"""No double booking under concurrency: two bookings of the same night fired
at once from two threads (two database connections); exactly one wins, the
other gets a 409 with the conflicting stay. On PostgreSQL the exclusion
constraint decides; on SQLite the IMMEDIATE transaction serialises."""

import threading

import pytest
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client

from woonloket.core.services import api_token_create
from woonloket.housing.models import Stay


def _book_both_at_once(unit, cases, user, barrier=None) -> list:
    """Two API bookings of the same nights, one per thread (own connection)."""
    token = api_token_create(None, for_user=user)
    results: list = [None, None]

    def book(i):
        try:
            client = Client(headers={"Authorization": f"Bearer {token}"})
            if barrier is not None:
                barrier.wait(timeout=10)
            results[i] = client.post("/api/v1/housing/stays", {
                "unit_id": unit.pk, "case_id": cases[i].pk, "kind": "crisisopvang",
                "first_night": "2026-12-24", "last_night": "2026-12-26"},
                content_type="application/json")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    return results



@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_bookings_of_one_night_one_wins_one_gets_409(
        reference_data, carol, make_unit, make_case):
    unit = make_unit()
    cases = [make_case("Eerste"), make_case("Tweede")]
    results = _book_both_at_once(unit, cases, carol, threading.Barrier(2))
    statuses = sorted(r.status_code for r in results)
    assert statuses == [201, 409], [r.content for r in results]
    winner = next(r for r in results if r.status_code == 201).json()
    loser = next(r for r in results if r.status_code == 409).json()
    assert loser["conflicting_stay"]["id"] == winner["id"]
    assert Stay.objects.filter(unit=unit).count() == 1


@pytest.mark.django_db
def test_postgresql_refuses_overlapping_stays_even_without_the_service(make_unit, make_case):
    if connection.vendor != "postgresql":
        pytest.skip("the exclusion constraint exists on PostgreSQL only")
    unit, case = make_unit(), make_case()
    base = {"unit": unit, "organisation_id": unit.organisation_id, "case": case,
            "kind": "crisisopvang"}
    Stay.objects.create(first_night="2026-12-01", occupied_until="2026-12-05", **base)
    Stay.objects.create(first_night="2026-12-05", occupied_until=None, **base)  # touching: ok
    with pytest.raises(IntegrityError, match="stay_no_overlap"), transaction.atomic():
        Stay.objects.create(first_night="2026-12-04", occupied_until="2026-12-06", **base)


@pytest.mark.django_db(transaction=True)
def test_when_both_pass_the_check_the_constraint_still_lets_one_win(
        reference_data, carol, make_unit, make_case, monkeypatch):
    """Force the race: without the unit lock, both threads find no overlap
    before either inserts; they may deadlock on the constraint, and the one
    PostgreSQL aborts retries and gets the 409."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises the whole transaction: there is no such race")
    from woonloket.housing import services

    unit = make_unit()
    cases = [make_case("Eerste"), make_case("Tweede")]
    real = services.overlapping
    barrier = threading.Barrier(2)
    seen = threading.local()

    def racing_overlapping(*args, **kwargs):
        result = real(*args, **kwargs)
        if not getattr(seen, "checked", False):
            seen.checked = True
            found = list(result)
            barrier.wait(timeout=10)  # both have checked; neither has inserted
            return Stay.objects.filter(pk__in=[s.pk for s in found])
        return result

    monkeypatch.setattr(services, "overlapping", racing_overlapping)
    monkeypatch.setattr(services, "_lock_unit", lambda unit_id: None)
    results = _book_both_at_once(unit, cases, carol)
    assert sorted(r.status_code for r in results) == [201, 409], [r.content for r in results]
    assert Stay.objects.filter(unit=unit).count() == 1
