"""A volunteer adds a listing on a phone; a counsellor looks at a case's search."""

import io

import pytest
from django.core.management import call_command

from woonloket.cases.models import Case
from woonloket.rentals.models import Listing

from .test_case_walkthrough import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def test_a_volunteer_adds_a_listing_on_a_phone(live_server, browser, page, screenshot):
    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    phone = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844},
                                is_mobile=True, has_touch=True)
    small = phone.new_page()
    sign_in(small, base, "demo-vrijwilliger")
    small.goto(base + "/immolijst/")
    assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(small, "rentals-list-phone")
    small.get_by_role("link", name="Woning toevoegen").click()
    small.get_by_label("Gemeente").select_option(label="Izegem")
    small.get_by_label("Soort").select_option("appartement")
    small.get_by_label("Slaapkamers").fill("2")
    small.get_by_label("Huur per maand (€)").fill("725")
    small.get_by_label("Kosten per maand (€)").fill("40")
    small.get_by_label("Straat").fill("Kortrijksestraat")
    small.get_by_label("Nummer").fill("88")
    small.get_by_label("Naam verhuurder of kantoor").fill("Immo Mandel")
    small.get_by_label("Huisdieren toegelaten").check()
    assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(small, "rentals-new-phone")
    small.get_by_role("button", name="Bewaren").click()
    small.wait_for_url("**/immolijst/")
    assert small.get_by_text("De woning is bewaard.").is_visible()
    listing = Listing.objects.get(street="Kortrijksestraat", number="88")
    assert listing.pets and listing.last_checked_by.username == "demo-vrijwilliger"
    phone.close()

    sign_in(page, base, "demo-woonbegeleider")
    case = Case.objects.filter(contact_person__username="demo-woonbegeleider").exclude(
        status="afgesloten").first()
    page.goto(base + f"/dossiers/{case.pk}/")
    page.get_by_role("link", name="Woningzoektocht").click()
    page.wait_for_url("**/woningzoektocht/")
    assert page.get_by_role("heading", name="Inschrijving sociale huur").first.is_visible()
    screenshot(page, "rentals-case-search")
    page.goto(base + "/woonclub/")
    screenshot(page, "rentals-woonclub")
