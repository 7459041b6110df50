"""A counsellor walks a new case through intake, contact and action plan."""

import io

import pytest
from django.core.management import call_command

from tests.pdftext import pdf_text

from .conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def sign_in(page, base, username):
    page.goto(base + "/account/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("woonloket-demo")
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/overzicht/")


def test_intake_contact_and_action_plan(live_server, page, screenshot):
    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    sign_in(page, base, "demo-woonbegeleider")
    page.get_by_role("link", name="Nieuw dossier").first.click()
    page.get_by_label("Voornaam").fill("Céline")
    page.get_by_label("Familienaam").fill("Van de Putte")
    page.get_by_label("Geboortedatum").fill("1985-07-30")
    page.get_by_label("Gemeente").select_option(label="Izegem")
    page.get_by_label("Woonsituatie").select_option("private_rent")
    page.get_by_label("Dreigende dakloosheid").check()
    page.get_by_label("Hoe kwam de vraag binnen?").select_option("loket")
    screenshot(page, "case-new")
    page.get_by_role("button", name="Dossier openen").click()
    page.wait_for_url("**/dossiers/*/")
    assert page.get_by_text("Dossier geopend.").is_visible()

    page.get_by_role("link", name="Intake").click()
    page.get_by_label("Woonsituatie").fill("Huurachterstand van drie maanden, opzeg gekregen.")
    page.get_by_label("Urgentie").select_option("hoog")
    for domain in ("Financieel", "Psychosociaal", "Gezondheid", "Administratief", "Juridisch",
                   "Werk en inkomen"):
        page.get_by_role("group", name=domain).get_by_label("2").check()
    screenshot(page, "case-intake")
    page.get_by_role("button", name="Intake bewaren").click()
    assert page.get_by_text("Intake bewaard.").is_visible()

    page.get_by_role("link", name="Dossier #").first.click()
    page.get_by_label("Kanaal").select_option("huisbezoek")
    page.get_by_label("Duur (minuten)").fill("45")
    page.get_by_label("Samenvatting").fill("Huisbezoek: afbetalingsplan besproken.")
    page.get_by_role("button", name="Contact bewaren").click()
    assert page.get_by_text("Contact bewaard.").is_visible()
    assert page.get_by_text("Huisbezoek: afbetalingsplan besproken.").is_visible()
    screenshot(page, "case-detail")

    page.get_by_role("link", name="Handelingsplan").click()
    page.get_by_label("Nieuw doel").fill("De huurachterstand wegwerken")
    page.get_by_role("button", name="Doel toevoegen").click()
    page.get_by_text("Actie toevoegen").first.click()
    page.locator("#id_action-description").fill("Afbetalingsplan opmaken met de verhuurder")
    page.get_by_label("Wie").select_option("client")
    page.get_by_role("button", name="Actie toevoegen").click()
    assert page.get_by_text("Actie toegevoegd.").is_visible()
    screenshot(page, "case-action-plan")

    response = page.request.get(base + page.url.removeprefix(base) + "../handelingsplan.pdf")
    assert response.headers["content-type"] == "application/pdf"
    pdf = ARTIFACTS / "handelingsplan.pdf"
    pdf.write_bytes(response.body())
    text = pdf_text(response.body())
    assert "De huurachterstand wegwerken" in text and "Céline Van de Putte" in text

    page.goto(base + "/dossiers/")
    page.get_by_role("link", name="#", exact=False).first.click()
    page.get_by_role("link", name="Gezin", exact=True).click()
    assert page.get_by_role("heading", name="Gezinsleden").is_visible()
    screenshot(page, "household")

    page.get_by_role("link", name="Mijn werk").first.click()
    screenshot(page, "my-work")
    page.goto(base + "/dossiers/")
    screenshot(page, "case-list")
