"""Pages of the rentals app: the list with its stale flag, the phone form,
the printable list, landlords, a case's search and the woonclub."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tests.pdftext import pdf_text
from woonloket.cases.models import Case
from woonloket.rentals import services
from woonloket.rentals.models import Attendance, Landlord, Listing, SearchEntry

from .conftest import LISTING


def _login(client, user):
    client.force_login(user)
    return client


def _listing(user, **change):
    values = {**LISTING, **change}
    values.pop("address")
    landlord = values.pop("landlord")
    return services.listing_create(user, landlord=services.LandlordIn(**landlord), **values)


def test_a_volunteer_adds_a_listing_with_the_form(client, vera):
    response = _login(client, vera).post("/immolijst/nieuw/", {
        "municipality": "36008", "kind": "studio", "bedrooms": "0", "rent_eur": "540",
        "charges_eur": "30", "status": "beschikbaar", "source": "volunteer",
        "landlord_kind": "private", "landlord_name": "Mevrouw Lannoo"})
    assert response.status_code == 302
    listing = Listing.objects.get()
    assert listing.last_checked_by == vera and listing.landlord.name == "Mevrouw Lannoo"
    page = client.post("/immolijst/nieuw/", {"municipality": "36008", "kind": "studio",
                                             "bedrooms": "0", "rent_eur": "-5",
                                             "status": "beschikbaar", "source": "volunteer",
                                             "landlord_kind": "private"}).content.decode()
    assert "Zorg ervoor dat deze waarde minstens 1 is." in page
    assert Listing.objects.count() == 1


def test_a_listing_not_checked_for_14_days_is_flagged_and_rechecked(client, vera):
    listing = _listing(vera)
    Listing.objects.filter(pk=listing.pk).update(
        last_checked_on=timezone.localdate() - timedelta(days=15))
    page = _login(client, vera).get("/immolijst/").content.decode()
    assert "1 woning is langer dan 14 dagen niet nagekeken." in page and "na te kijken" in page
    client.post(f"/immolijst/{listing.pk}/", {"checked": "1"})
    listing.refresh_from_db()
    assert listing.last_checked_on == timezone.localdate()
    assert "na te kijken" not in client.get("/immolijst/").content.decode()


def test_the_list_per_municipality_prints_as_a_pdf(client, vera, tmp_path):
    _listing(vera)
    _listing(vera, status="verhuurd", rent_eur=999)
    response = _login(client, vera).get("/immolijst/lijst.pdf", {"municipality": "36008"})
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "Huurwoningen in Izegem" in text and "Grote Markt" not in text  # no address given
    assert "€ 650,00" in text or "€ 650.00" in text
    assert "999" not in text  # rented: not on the list


def test_landlords_and_their_agreements(client, carol):
    _login(client, carol)
    client.post("/verhuurders/", {"kind": "agency", "name": "Immo Leieland",
                                  "open_to_target_group": "on"})
    landlord = Landlord.objects.get()
    client.post(f"/verhuurders/{landlord.pk}/", {"agreement": "1", "made_on": "2026-11-02",
                                                 "text": "Eerst de woonclub verwittigen."})
    page = client.get(f"/verhuurders/{landlord.pk}/").content.decode()
    assert "Eerst de woonclub verwittigen." in page


def test_a_counsellor_follows_the_search_of_a_case(client, alice, vera, family):
    _listing(vera)
    case = Case.objects.get(household=family)
    _login(client, alice)
    page = client.get(f"/dossiers/{case.pk}/").content.decode()
    assert f"/dossiers/{case.pk}/woningzoektocht/" in page
    url = f"/dossiers/{case.pk}/woningzoektocht/"
    page = client.get(url).content.decode()
    assert "Inschrijving sociale huur" in page and "1 woning is betaalbaar en geschikt" in page
    listing = Listing.objects.get()
    client.post(url, {"entry": "1", "step": "refused", "on": "2026-11-02",
                      "listing_id": listing.pk, "reason": "",
                      "discrimination_signal": "on"})
    assert not SearchEntry.objects.exists()  # a refusal needs its reason
    client.post(url, {"entry": "1", "step": "refused", "on": "2026-11-02",
                      "listing_id": listing.pk, "reason": "Geen leefloon",
                      "discrimination_signal": "on"})
    assert SearchEntry.objects.get().discrimination_signal is True
    client.post(url, {"registration": "1", "registered_on": "2021-05-01",
                      "woonmaatschappij": "Woonmaatschappij Midwest"})
    page = client.get(url).content.decode()
    assert "signaal van discriminatie" in page and "Te actualiseren tegen 01/05/2023" in page
    assert case.enrolments.filter(program="woningzoektocht").exists()


def test_woonclub_sessions_attendance_and_figures(client, alice, vera, family):
    case = Case.objects.get(household=family)
    _login(client, alice)
    response = client.post("/woonclub/", {"antenna": "Izegem", "held_on": "2026-11-10",
                                           "buddies": [str(vera.pk)]})
    session_url = response.url
    client.post(session_url, {"case_id": case.pk, "persons": "3", "from_loi": "on"})
    assert Attendance.objects.get().persons == 3
    services.search_entry_add(alice, case, step="signed", on=timezone.localdate())
    page = client.get("/woonclub/?year=2026").content.decode()
    assert "Izegem" in page and "1 (100,0 %)" in page.replace("100.0", "100,0")
    page = client.post(session_url, {"case_id": 999999, "persons": "1"}).content.decode()
    assert "Onbekend dossier." in page


@pytest.mark.parametrize("kind, url", [
    ("page", "/immolijst/"), ("page", "/verhuurders/"), ("page", "/woonclub/"),
    ("api", "/rentals/listings?limit=100"), ("search", None), ("matches", None),
])
def test_list_queries_do_not_grow_with_rows(
        count_queries, client, api, alice, vera, family, kind, url):
    case = Case.objects.get(household=family)
    if kind == "search":
        url = f"/dossiers/{case.pk}/woningzoektocht/"
    if kind == "matches":
        kind, url = "api", f"/rentals/matches?household_id={family.pk}"

    def fill(n):
        for i in range(n):
            listing = _listing(vera, rent_eur=500 + i, landlord={"kind": "private",
                                                                "name": f"Verhuurder {i}"})
            services.search_entry_add(alice, case, step="shortlisted", on=timezone.localdate(),
                                      listing_id=listing.pk)
            session = services.session_create(alice, antenna=f"Punt {i % 3}",
                                              held_on=timezone.localdate(), buddy_ids=[vera.pk])
            services.attendance_add(alice, session, case)
    caller = api(alice)
    _login(client, alice)

    def call():
        response = caller.get(url) if kind == "api" else client.get(url)
        assert response.status_code == 200
    fill(1)
    few = count_queries(call)
    fill(6)
    assert count_queries(call) == few


def test_the_dashboard_reminds_to_update_a_registration(client, alice, family):
    case = Case.objects.get(household=family)
    services.registration_save(alice, case, registered_on=timezone.localdate() - timedelta(
        days=720), woonmaatschappij="Woonmaatschappij Midwest")
    page = _login(client, alice).get("/overzicht/").content.decode()
    assert "Inschrijving sociale huur te actualiseren" in page and f"#{case.pk}" in page


def test_a_landlord_added_twice_gets_a_dutch_message(client, carol):
    _login(client, carol)
    client.post("/verhuurders/", {"kind": "agency", "name": "Immo Leieland"})
    page = client.post("/verhuurders/", {"kind": "agency", "name": "Immo Leieland"})
    assert "Deze verhuurder staat er al." in page.content.decode()
    assert Landlord.objects.count() == 1
