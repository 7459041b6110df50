"""A counsellor registers a court petition and works through the outreach;
the coordinator looks at sessions, figures, settings and mediation."""

import io
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from woonloket.evictions.models import Petition

from .test_case_walkthrough import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def test_a_counsellor_works_through_a_petition(live_server, page, screenshot, browser):
    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    hearing = timezone.localdate() + timedelta(days=24)

    sign_in(page, base, "demo-woonbegeleider")
    page.get_by_role("link", name="Uithuiszettingen").first.click()
    page.wait_for_url("**/uithuiszettingen/")
    screenshot(page, "evictions-board")
    page.get_by_role("link", name="Nieuw verzoekschrift").click()
    page.get_by_label("Kanton (vredegerecht)").select_option("izegem")
    page.get_by_label("Rolnummer").fill("26A4242")
    page.get_by_label("Zitting (datum en uur)").fill(f"{hearing:%Y-%m-%d}T09:30")
    page.get_by_label("Voornaam huurder").fill("Sofie")
    page.get_by_label("Familienaam huurder").fill("Vermeulen")
    page.get_by_label("Straat").fill("Roeselaarsestraat")
    page.get_by_label("Huisnummer").fill("14")
    page.get_by_label("Postcode").fill("8870")
    page.get_by_label("Gemeente").select_option(label="Izegem")
    page.get_by_label("Naam verhuurder").fill("Vastgoed Mandel bv")
    page.get_by_label("Achterstal (€)").fill("2150")
    page.get_by_label("Huur per maand, met kosten (€)").fill("720")
    screenshot(page, "evictions-new")
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_url("**/uithuiszettingen/*/")
    assert page.get_by_text("Het verzoekschrift is geregistreerd.").is_visible()
    petition = Petition.objects.get(roll_number="26A4242")
    assert petition.case.contact_person.username == "demo-woonbegeleider"
    assert petition.ocmw is not None

    letter1 = petition.steps.get(kind="letter1")
    row = page.locator("tr", has=page.get_by_role("rowheader", name="Brief 1 (blauwe envelop)"))
    row.get_by_label("Status").select_option("done")
    row.get_by_label("Uitkomst").select_option("verstuurd")
    row.get_by_role("button", name="Bewaren").click()
    page.wait_for_url("**#stappen")
    letter1.refresh_from_db()
    assert letter1.status == "done" and letter1.outcome == "verstuurd"
    visit = page.locator("tr", has=page.get_by_role("rowheader", name="Huisbezoek"))
    visit.get_by_label("Status").select_option("done")
    visit.get_by_label("Uitkomst").select_option("thuis")
    visit.get_by_role("button", name="Bewaren").click()
    page.wait_for_url("**#stappen")
    statuses = dict(petition.steps.values_list("kind", "status"))
    assert statuses["card"] == "skipped" and statuses["contact"] == "done"
    screenshot(page, "evictions-petition")

    page.goto(base + "/uithuiszettingen/zittingen/")
    assert page.get_by_text("Mijn zittingen, huisbezoeken en dienstbeurten").is_visible()
    screenshot(page, "evictions-sessions")
    page.goto(base + f"/uithuiszettingen/cijfers/?year={timezone.localdate().year}")
    screenshot(page, "evictions-figures")
    page.goto(base + "/huurbemiddeling/")
    screenshot(page, "evictions-mediations")

    page.context.clear_cookies()
    sign_in(page, base, "demo-coordinator")
    page.goto(base + "/uithuiszettingen/instellingen/")
    screenshot(page, "evictions-settings")

    phone = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844})
    small = phone.new_page()
    sign_in(small, base, "demo-woonbegeleider")
    small.goto(base + f"/uithuiszettingen/{petition.pk}/")
    screenshot(small, "evictions-petition-phone")
    phone.close()
