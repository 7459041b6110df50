"""The rentals API contract: listings, matches and eligibility."""

from datetime import date

import pytest

from woonloket.cases.models import Case
from woonloket.core.models import AuditEntry
from woonloket.rentals import services
from woonloket.rentals.models import Landlord, Listing

from .conftest import LISTING


def test_a_volunteer_adds_and_updates_a_listing(api, vera, org_a):
    response = api(vera).post("/rentals/listings", LISTING)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organisation_id"] == org_a.pk and body["municipality_nis"] == "36008"
    assert body["rent_eur"] == 650 and body["landlord"]["name"] == "Immo Leieland"
    assert body["stale"] is False and body["address"]["street"] == "Grote Markt"
    response = api(vera).patch(f"/rentals/listings/{body['id']}", {"status": "onder_optie",
                                                                   "rent_eur": 640})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "onder_optie" and response.json()["rent_eur"] == 640
    assert Landlord.objects.count() == 1
    assert AuditEntry.objects.filter(object_type="rentals.listing", action="update").exists()


@pytest.mark.parametrize("change, field", [
    ({"kind": "kasteel"}, "kind"), ({"rent_eur": 0}, "rent_eur"),
    ({"municipality_nis": "99999"}, "municipality_nis"), ({"epc_label": "G"}, "epc_label"),
    ({"bedrooms": -1}, "bedrooms"), ({"rent_eur": 1e12}, "rent_eur"),
])
def test_a_bad_listing_is_a_422(api, vera, change, field):
    response = api(vera).post("/rentals/listings", {**LISTING, **change})
    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not Listing.objects.exists()


def test_a_partner_without_listing_rights_cannot_add(api, bob):
    assert api(bob).post("/rentals/listings", LISTING).status_code == 403


def test_listings_are_filtered(api, vera):
    api(vera).post("/rentals/listings", LISTING)
    api(vera).post("/rentals/listings", {**LISTING, "rent_eur": 900, "bedrooms": 3,
                                         "municipality_nis": "36007"})
    api(vera).post("/rentals/listings", {**LISTING, "status": "verhuurd"})
    assert api(vera).get("/rentals/listings").json()["count"] == 3
    assert api(vera).get("/rentals/listings", max_rent_eur=700).json()["count"] == 2
    assert api(vera).get("/rentals/listings", bedrooms=3).json()["count"] == 1
    assert api(vera).get("/rentals/listings", municipality_nis="36007").json()["count"] == 1
    assert api(vera).get("/rentals/listings", status="verhuurd").json()["count"] == 1


def test_matches_with_and_without_support(api, alice, vera, family):
    cheap = api(vera).post("/rentals/listings", LISTING).json()            # 700 of 2000: 35 %
    dear = api(vera).post("/rentals/listings", {**LISTING, "rent_eur": 800}).json()
    svk = api(vera).post("/rentals/listings", {
        **LISTING, "rent_eur": 800, "landlord": {"kind": "svk", "name": "SVK Midwest"}}).json()
    small = api(vera).post("/rentals/listings", {**LISTING, "bedrooms": 1}).json()
    body = api(alice).get("/rentals/matches", household_id=family.pk).json()
    items = {i["listing_id"]: i for i in body["items"]}
    assert items[cheap["id"]]["affordable"] and items[cheap["id"]]["suitable"]
    assert items[cheap["id"]]["monthly_cost_eur"] == 700 and items[cheap["id"]]["support_eur"] == 0
    assert not items[dear["id"]]["affordable"]
    assert any("Te duur" in r for r in items[dear["id"]]["reasons"])
    assert not items[small["id"]]["suitable"]
    assert any("slaapkamer" in r for r in items[small["id"]]["reasons"])
    # no support known yet for the SVK home: the current home is not known to be inadequate
    assert items[svk["id"]]["support_eur"] == 0
    assert body["items"][0]["listing_id"] == cheap["id"]


def test_eligibility_for_a_household(api, alice, family):
    response = api(alice).get("/rentals/eligibility", household_id=family.pk, year=2024)
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["social_housing"]["status"] == "eligible"  # 24 000 <= 44 270 + 2 475
    assert body["huurpremie"]["status"] == "unknown"       # no registration known
    assert body["huursubsidie"]["status"] == "unknown"
    assert "vlaanderen.be" in body["social_housing"]["source"]
    later = api(alice).get("/rentals/eligibility", household_id=family.pk, year=2026).json()
    assert later["social_housing"]["status"] == "unknown"
    assert "2026" in later["social_housing"]["reasons"][0]


def test_another_organisations_household_is_a_404(api, bob, family):
    assert api(bob).get("/rentals/eligibility", household_id=family.pk,
                        year=2024).status_code == 404
    assert api(bob).get("/rentals/matches", household_id=family.pk).status_code == 404
    assert api(bob).get("/rentals/eligibility", household_id=family.pk).status_code == 422


def test_the_csv_import_stores_good_rows_and_reports_bad_ones(api, vera):
    csv = (b"municipality_nis;kind;bedrooms;rent_eur;charges_eur;landlord_name;ref\n"
           b"36008;studio;0;520;30;Immo Leieland;W-1\n"
           b"36008;kasteel;2;700;0;;W-2\n"
           b"36008;huis;drie;900;0;;W-3\n"
           b"36007;huis;3;950,00;25;Familie Lannoo;W-4\n")
    body = api(vera).post_csv("/rentals/listings/import", csv).json()
    assert body["created"] == 2 and {e["line"] for e in body["errors"]} == {3, 4}
    again = api(vera).post_csv("/rentals/listings/import", csv).json()
    assert again["created"] == 0 and again["updated"] == 2
    assert Listing.objects.count() == 2


def test_a_platform_admin_without_membership_works_on_a_fresh_database(api, root):
    org = api(root).post("/organisations", {"name": "Woondienst Izegem", "kind": "woondienst",
                                            "municipality_nis_codes": ["36008"]}).json()
    response = api(root).post("/rentals/listings", LISTING)
    assert response.status_code == 201, response.content
    assert response.json()["organisation_id"] == org["id"]
    household = api(root).post("/households", {
        "municipality_nis": "36008", "tenure": "private_rent", "monthly_income_eur": 2459.58,
        "organisation_id": org["id"],
        "members": [{"first_name": "Ann", "last_name": "Peeters", "relation": "self"}]}).json()
    body = api(root).get("/rentals/eligibility", household_id=household["id"], year=2024).json()
    assert body["social_housing"]["status"] == "eligible"  # 29 514.96 <= 29 515
    matches = api(root).get("/rentals/matches", household_id=household["id"]).json()
    assert matches["items"][0]["listing_id"] == response.json()["id"]


def test_the_rent_premium_makes_a_listing_affordable(api, alice, vera, family):
    dear = api(vera).post("/rentals/listings", {**LISTING, "rent_eur": 800}).json()
    before = api(alice).get("/rentals/matches", household_id=family.pk, year=2024).json()
    item = [i for i in before["items"] if i["listing_id"] == dear["id"]][0]
    assert item["affordable"] is False and item["support_eur"] == 0
    services.registration_save(alice, Case.objects.get(household=family),
                               registered_on=date(2021, 1, 4), woonmaatschappij="Midwest")
    after = api(alice).get("/rentals/matches", household_id=family.pk, year=2024).json()
    item = [i for i in after["items"] if i["listing_id"] == dear["id"]][0]
    # 850 - 207.39 (177.76 + 29.63 for one dependant) = 642.61 <= 700 (35 % of 2 000)
    assert item["support_eur"] == 207.39 and item["affordable"] is True
    assert any("huurpremie" in r for r in item["reasons"])


@pytest.mark.parametrize("patch", [{"bedrooms": None}, {"rent_eur": None},
                                   {"accessible": None}, {"charges_eur": None}])
def test_a_null_in_a_patch_is_a_422(api, vera, patch):
    listing = api(vera).post("/rentals/listings", LISTING).json()
    response = api(vera).patch(f"/rentals/listings/{listing['id']}", patch)
    assert response.status_code == 422, response.content


def test_an_offset_beyond_reason_is_a_422(api, vera):
    assert api(vera).get("/rentals/listings", offset=10**19).status_code == 422


def test_odd_csv_amounts_and_digits_are_line_errors(api, vera):
    csv = ("municipality_nis;kind;bedrooms;rent_eur\n"
           "36008;studio;0;0,001\n"
           "36008;studio;²;500\n"
           "36008;studio;1;1.250\n").encode()
    body = api(vera).post_csv("/rentals/listings/import", csv).json()
    assert {e["line"] for e in body["errors"]} == {2, 3}
    assert Listing.objects.get().rent_eur == 1250


def test_an_admin_registers_a_household_without_naming_the_organisation(api, root):
    org = api(root).post("/organisations", {"name": "Woondienst Izegem", "kind": "woondienst",
                                            "municipality_nis_codes": ["36008"]}).json()
    response = api(root).post("/households", {
        "municipality_nis": "36008", "tenure": "private_rent",
        "members": [{"first_name": "Ann", "last_name": "Peeters", "relation": "self"}]})
    assert response.status_code == 201, response.content
    assert response.json()["organisation_id"] == org["id"]
