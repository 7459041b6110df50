"""A coordinator opens the yearly report of a municipality."""

import io

import pytest
from django.core.management import call_command

from tests.pdftext import pdf_text
from woonloket.cases.demo import TODAY

from .test_case_walkthrough import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def test_a_coordinator_opens_the_report_of_a_municipality(live_server, page, screenshot):
    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    sign_in(page, base, "demo-coordinator")
    page.get_by_role("link", name="Rapporten").first.click()
    page.get_by_label("Jaar").fill(str(TODAY.year - 1))
    page.get_by_label("Gemeente").select_option(label="Izegem")
    page.get_by_role("button", name="Tonen").click()
    page.wait_for_url("**/rapporten/?*")
    assert page.get_by_role("heading", name=f"Jaarrapport {TODAY.year - 1}: Izegem").is_visible()
    assert page.get_by_text("Dakloosheid voorkomen").is_visible()
    assert page.locator("svg.trend").count() > 5
    screenshot(page, "reports-izegem")
    page.get_by_role("link", name="Wat elk cijfer precies telt").click()
    assert page.get_by_text("De datum van het contact beslist het jaar.").is_visible()
    screenshot(page, "reports-definitions")

    page.goto(base + f"/rapporten/infographic/regio-izegem/?year={TODAY.year}")
    assert page.get_by_role("heading", name="De vraag").is_visible()
    screenshot(page, "reports-infographic")
    printed = page.pdf(format="A4", print_background=True)
    text = pdf_text(printed)
    assert text.count("\f") == 1, "the infographic prints on one A4 page"
    assert "De vraag" in text and "Het aanbod" in text
    page.goto(base + "/overleg/")
    assert page.get_by_text("Minder dan twee lokale woonoverleggen").is_visible()
    screenshot(page, "meetings-list")
    page.locator("tbody a").first.click()
    page.wait_for_url("**/overleg/*/")
    screenshot(page, "meetings-detail")
