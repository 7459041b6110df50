"""The housing API contract: units, availability, stays (201/409/422),
allocation key and kracht.wonen registrations."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from woonloket.core.models import AuditEntry, Municipality, Region
from woonloket.core.roles import Role
from woonloket.housing.models import HousingUnit, Stay

from .conftest import d

UNIT = {"municipality_nis": "36008", "kind": "crisiswoning", "persons": 4,
        "address": {"street": "Kortrijksestraat", "number": "12", "postal_code": "8870"},
        "accessible": True, "pets": False, "in_crisis_network": True}


def test_a_coordinator_adds_a_unit_to_the_pool(api, carol, org_a):
    response = api(carol).post("/housing/units", UNIT)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["municipality_nis"] == "36008" and body["organisation_id"] == org_a.pk
    assert body["address"]["street"] == "Kortrijksestraat" and body["accessible"] is True
    assert body["in_crisis_network"] is True and body["status"] == "beschikbaar"
    assert body["name"] == "Crisiswoning Izegem 1"
    assert AuditEntry.objects.filter(object_type="housing.housingunit", action="create").exists()


@pytest.mark.parametrize("change, field, message", [
    ({"kind": "kasteel"}, "kind", "Kies een van"),
    ({"persons": 0}, "persons", "Moet minstens 1"),
    ({"municipality_nis": "99999"}, "municipality_nis", "Onbekende NIS-code"),
    ({"municipality_nis": None, "address": "Markt 1"}, "municipality_nis", "Dit veld is verplicht"),
])
def test_a_bad_unit_is_a_422_in_dutch(api, carol, change, field, message):
    response = api(carol).post("/housing/units", {**UNIT, **change})
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors[field].startswith(message), errors
    assert not HousingUnit.objects.exists()


def test_a_partner_without_pool_rights_cannot_add_units(api, bob):
    assert api(bob).post("/housing/units", UNIT).status_code == 403


def test_a_member_of_two_organisations_must_name_one(api, carol, org_b):
    from woonloket.core.models import Membership

    Membership.objects.create(user=carol, organisation=org_b, role=Role.COORDINATOR)
    response = api(carol).post("/housing/units", UNIT)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "organisation_id"
    response = api(carol).post("/housing/units", {**UNIT, "organisation_id": org_b.pk})
    assert response.status_code == 201 and response.json()["organisation_id"] == org_b.pk


def _book(api, user, unit, case, first, last, kind="crisisopvang"):
    return api(user).post("/housing/stays", {
        "unit_id": unit.pk, "case_id": case.pk if case else None, "kind": kind,
        "first_night": first, "last_night": last})


def test_a_stay_is_booked_and_a_second_one_on_the_same_night_is_a_409(
        api, carol, make_unit, make_case):
    unit, case = make_unit(), make_case()
    first = _book(api, carol, unit, case, "2026-12-01", "2026-12-10")
    assert first.status_code == 201, first.content
    assert first.json()["occupied_until"] == "2026-12-11"
    clash = _book(api, carol, unit, make_case("Janssens"), "2026-12-10", "2026-12-12")
    assert clash.status_code == 409
    body = clash.json()
    assert body["conflicting_stay"]["id"] == first.json()["id"]
    assert "al bezet" in body["detail"]
    # the morning of departure is free for the next one
    assert _book(api, carol, unit, make_case("Claes"), "2026-12-11", "2026-12-12").status_code \
        == 201
    assert Stay.objects.count() == 2


def test_an_open_ended_stay_blocks_every_later_night(api, carol, make_unit, make_case):
    unit = make_unit()
    assert _book(api, carol, unit, make_case(), "2026-12-01", None).status_code == 201
    assert _book(api, carol, unit, make_case("B"), "2027-06-01", "2027-06-02").status_code == 409


def test_a_too_long_network_stay_is_a_422_with_the_rule(api, carol, make_unit, make_case):
    unit = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    response = _book(api, carol, unit, make_case(), "2026-11-23", "2026-11-26", "crisisnetwerk")
    assert response.status_code == 422
    assert "hoogstens 3 opeenvolgende nachten" in response.json()["detail"]
    assert not Stay.objects.exists()


def test_a_readmission_that_follows_directly_counts_together(api, carol, make_unit, make_case):
    unit = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    other = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    case = make_case()
    assert _book(api, carol, unit, case, "2026-11-23", "2026-11-24", "crisisnetwerk"
                 ).status_code == 201
    response = _book(api, carol, other, case, "2026-11-25", "2026-11-26", "crisisnetwerk")
    assert response.status_code == 422  # Mon-Thu is four weekday nights
    assert _book(api, carol, other, case, "2026-11-25", "2026-11-25", "crisisnetwerk"
                 ).status_code == 201


def test_a_unit_not_offered_to_the_network_cannot_be_booked_by_it(
        api, carol, make_unit, make_case):
    unit = make_unit(in_crisis_network=False)
    response = _book(api, carol, unit, make_case(), "2026-11-23", "2026-11-23", "crisisnetwerk")
    assert response.status_code == 422
    assert "niet aangeboden aan het crisisnetwerk" in response.json()["detail"]


def test_a_maintenance_block_needs_no_case_and_hides_the_unit(api, carol, make_unit):
    unit = make_unit()
    response = _book(api, carol, unit, None, "2026-12-01", "2026-12-05", "onderhoud")
    assert response.status_code == 201, response.content
    found = api(carol).get("/housing/availability", first_night="2026-12-03",
                           last_night="2026-12-03").json()
    assert found["count"] == 0


def test_a_stay_needs_a_case_the_user_may_see(api, carol, bob, make_unit, make_case, org_b):
    unit = make_unit()
    response = _book(api, carol, unit, None, "2026-12-01", "2026-12-02")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "case_id"


@pytest.mark.parametrize("payload, field", [
    ({"first_night": "2026-12-05", "last_night": "2026-12-01"}, "last_night"),
    ({"first_night": "morgen"}, "first_night"),
    ({"kind": "hotel"}, "kind"),
    ({"unit_id": 999999}, "unit_id"),
])
def test_bad_stays_are_422(api, carol, make_unit, make_case, payload, field):
    unit, case = make_unit(), make_case()
    body = {"unit_id": unit.pk, "case_id": case.pk, "kind": "crisisopvang",
            "first_night": "2026-12-01", "last_night": "2026-12-02", **payload}
    response = api(carol).post("/housing/stays", body)
    assert response.status_code == 422, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not Stay.objects.exists()


def test_availability_filters_and_puts_the_same_municipality_first(
        api, carol, make_unit, make_case):
    kortrijk = make_unit("34022", persons=2)
    izegem = make_unit("36008", persons=2)
    ingelmunster = make_unit("36007", persons=6, pets=True)
    taken = make_unit("36008", persons=6)
    _book(api, carol, taken, make_case(), "2026-12-01", "2026-12-31")
    client = api(carol)
    found = client.get("/housing/availability", first_night="2026-12-10",
                       last_night="2026-12-12", near="36008").json()
    assert [u["id"] for u in found["items"]] == [izegem.pk, ingelmunster.pk, kortrijk.pk]
    assert found["items"][0]["distance_km"] == 0.0
    assert 2 < found["items"][1]["distance_km"] < 6  # Izegem-Ingelmunster: about 3 km
    found = client.get("/housing/availability", first_night="2026-12-10",
                       last_night="2026-12-12", persons=5).json()
    assert [u["id"] for u in found["items"]] == [ingelmunster.pk]
    found = client.get("/housing/availability", first_night="2026-12-10",
                       municipality_nis="34022").json()
    assert [u["id"] for u in found["items"]] == [kortrijk.pk]
    found = client.get("/housing/availability", first_night="2027-01-01",
                       last_night="2027-01-02", region="regio-izegem", pets=True).json()
    assert [u["id"] for u in found["items"]] == [ingelmunster.pk]


def test_availability_input_errors_are_422(api, carol):
    client = api(carol)
    response = client.get("/housing/availability", first_night="2026-12-10",
                          last_night="2026-12-01")
    assert response.status_code == 422
    assert client.get("/housing/availability", first_night="x").status_code == 422
    assert client.get("/housing/availability", first_night="2026-12-01",
                      region="nergens").status_code == 422


def test_availability_has_a_fixed_number_of_queries(api, carol, make_unit):
    client = api(carol)
    make_unit()
    client.get("/housing/availability", first_night="2026-12-01")  # warm caches
    with CaptureQueriesContext(connection) as few:
        client.get("/housing/availability", first_night="2026-12-01", region="regio-izegem")
    for i in range(12):
        make_unit("36007" if i % 2 else "37017")
    with CaptureQueriesContext(connection) as many:
        body = client.get("/housing/availability", first_night="2026-12-01",
                          region="regio-izegem").json()
    assert body["count"] == 13
    assert len(many.captured_queries) == len(few.captured_queries)


def test_a_stay_is_extended_ended_and_its_destination_recorded(
        api, carol, make_unit, make_case):
    unit = make_unit()
    stay = _book(api, carol, unit, make_case(), "2026-12-01", "2026-12-10").json()
    blocker = _book(api, carol, unit, make_case("B"), "2026-12-20", "2026-12-22").json()
    client = api(carol)
    response = client.patch(f"/housing/stays/{stay['id']}", {"last_night": "2026-12-25"})
    assert response.status_code == 409
    assert response.json()["conflicting_stay"]["id"] == blocker["id"]
    response = client.patch(f"/housing/stays/{stay['id']}",
                            {"departed_on": "2026-12-08", "destination": "social_rent",
                             "conditions": ["budgetbeheer"]})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["occupied_until"] == "2026-12-08" and body["destination"] == "social_rent"
    assert body["conditions"] == ["budgetbeheer"]


def test_stays_are_only_visible_to_their_organisations(api, carol, bob, make_unit, make_case):
    unit = make_unit()
    stay = _book(api, carol, unit, make_case(), "2026-12-01", "2026-12-10").json()
    assert api(bob).get(f"/housing/stays/{stay['id']}").status_code == 404
    assert api(bob).get("/housing/stays").json()["count"] == 0
    assert api(carol).get("/housing/stays").json()["count"] == 1


@pytest.fixture
def w13_populations(db):
    region = Region.objects.get(code="w13")
    pops = {"34002": 14781, "34003": 10206, "34009": 12078, "34013": 28502, "34022": 77109,
            "34023": 13676, "34025": 5787, "34027": 33540, "34043": 2071, "34040": 38350,
            "34041": 31579, "34042": 24814, "33029": 18909, "37017": 9500}
    for m in region.municipalities.all():
        Municipality.objects.filter(pk=m.pk).update(
            population=pops[m.pk], population_date=d("2020-01-01"), population_source="test")
    return region


def test_allocation_key_by_homes_and_per_inhabitants(api, carol, make_unit, w13_populations):
    make_unit("34022", kind="doorgangswoning", in_regional_pool=True)
    client = api(carol)
    body = client.get("/housing/allocation-key", region="w13", homes=28).json()
    assert body["homes"] == 28 and body["total_population"] == 320902
    items = {i["nis_code"]: i for i in body["items"]}
    assert sum(i["quota"] for i in body["items"]) == 28
    assert items["34022"]["quota"] == 7 and items["34022"]["contributed"] == 1
    assert items["34043"]["quota"] == 0
    body = client.get("/housing/allocation-key", region="w13", per_inhabitants=10000).json()
    assert body["homes"] == 32 and body["per_inhabitants"] == 10000


def test_allocation_key_without_populations_says_which(api, carol):
    response = api(carol).get("/housing/allocation-key", region="regio-izegem", homes=5)
    assert response.status_code == 422
    assert "Izegem" in response.json()["detail"]
    assert api(carol).get("/housing/allocation-key", region="nergens").status_code == 422


def test_kracht_wonen_registration_moves_forward_through_the_funnel(
        api, carol, alice, make_case):
    case = make_case()
    client = api(alice)
    response = client.post("/housing/registrations", {"case_id": case.pk, "region": "w13"})
    assert response.status_code == 201, response.content
    reg = response.json()
    assert reg["stage"] == "aangemeld" and reg["registered_on"] == str(timezone.localdate())
    tomorrow = str(timezone.localdate() + timedelta(days=1))
    response = client.patch(f"/housing/registrations/{reg['id']}",
                            {"stage": "inzet_team", "on": tomorrow})
    assert response.status_code == 200 and response.json()["team_on"] == tomorrow
    assert response.json()["offered_on"] is None
    response = client.patch(f"/housing/registrations/{reg['id']}", {"stage": "aangemeld"})
    assert response.status_code == 422 and "terugzetten" in response.json()["detail"].lower() \
        or "terugzetten" in response.json()["errors"][0]["message"]
    response = client.patch(f"/housing/registrations/{reg['id']}",
                            {"stage": "doorstroom", "outflow": "social"})
    assert response.json()["stage"] == "doorstroom" and response.json()["outflow"] == "social"
    assert client.patch(f"/housing/registrations/{reg['id']}", {"stage": "x"}).status_code == 422


def test_a_registration_of_another_organisation_is_not_found(api, bob, make_case, alice):
    case = make_case()
    reg = api(alice).post("/housing/registrations", {"case_id": case.pk, "region": "w13"}).json()
    assert api(bob).patch(f"/housing/registrations/{reg['id']}",
                          {"stage": "inzet_team"}).status_code == 404
    assert api(bob).post("/housing/registrations",
                         {"case_id": case.pk, "region": "w13"}).status_code == 422


def test_a_platform_admin_books_for_the_home_owner_without_naming_it(
        api, root, make_unit, make_case, org_a):
    """The contract's stay body has no organisation: an administrator (no
    membership) books on behalf of the home's owner, registers for the case's."""
    unit, case = make_unit(), make_case()
    response = _book(api, root, unit, case, "2026-12-01", "2026-12-03")
    assert response.status_code == 201, response.content
    assert response.json()["organisation_id"] == org_a.pk
    response = api(root).post("/housing/registrations", {"case_id": case.pk, "region": "w13"})
    assert response.status_code == 201 and response.json()["organisation_id"] == org_a.pk
    assert api(root).post("/housing/units", UNIT).status_code == 422  # a unit names its owner
