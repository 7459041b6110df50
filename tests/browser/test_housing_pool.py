"""The calltaker books a crisis bed for tonight; the coordinator looks at the pool."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from woonloket.housing import services
from woonloket.housing.models import NetworkTask, Stay

from .test_case_walkthrough import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def test_the_calltaker_books_a_bed_and_the_coordinator_sees_the_pool(
        live_server, page, screenshot, browser):
    call_command("seed_demo", stdout=io.StringIO())
    coordinator = get_user_model().objects.get(username="demo-coordinator")
    bed = services.unit_create(coordinator, municipality_nis="36008", kind="crisisbed",
                               persons=2, name="Crisisbed De Haven", in_crisis_network=True)
    base = live_server.url

    sign_in(page, base, "demo-calltaker")
    page.get_by_role("link", name="Crisisnetwerk").first.click()
    page.wait_for_url("**/crisisnetwerk/")
    screenshot(page, "housing-network")
    page.get_by_role("button", name="Bed boeken tot de volgende werkdag").click()
    assert page.get_by_text("Vink de toelatingsvoorwaarden aan.").is_visible()
    for box in page.get_by_role("group", name="Toelatingsvoorwaarden").get_by_role(
            "checkbox").all():
        box.check()
    page.get_by_label("Crisisbed De Haven").check()
    page.get_by_label("Voornaam").fill("Sam")
    page.get_by_label("Familienaam").fill("Desmet")
    page.get_by_label("Aantal personen").fill("1")
    page.get_by_label("Gemeente van herkomst").select_option(label="Izegem")
    page.get_by_label("Korte situatieschets").fill("Na een conflict buitengezet, geen netwerk.")
    page.get_by_role("button", name="Bed boeken tot de volgende werkdag").click()
    page.wait_for_url("**/verblijven/*/")
    assert page.get_by_text("Het crisisbed is geboekt.").is_visible()
    screenshot(page, "housing-network-booked")
    stay = Stay.objects.get(unit=bed)
    assert stay.kind == "crisisnetwerk"
    assert NetworkTask.objects.filter(stay=stay, organisation=bed.organisation).exists()

    phone = browser.new_context(locale="nl-BE", viewport={"width": 390, "height": 844})
    small = phone.new_page()
    sign_in(small, base, "demo-calltaker")
    small.goto(base + "/crisisnetwerk/")
    assert small.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(small, "housing-network-phone")
    phone.close()

    page.context.clear_cookies()
    sign_in(page, base, "demo-coordinator")
    assert page.get_by_text("Opvolging na het crisisnetwerk").is_visible()
    page.goto(base + "/woningen/")
    page.get_by_label("Gemeente van de aanvraag (dichtste eerst)").select_option(label="Izegem")
    page.get_by_role("button", name="Zoeken").click()
    assert page.get_by_text("vrije woning").first.is_visible()
    screenshot(page, "housing-availability")
    page.goto(base + "/woningen/bezetting/?region=regio-izegem&weeks=12")
    assert page.locator("svg.board rect.bar").count() > 20
    screenshot(page, "housing-board")
    page.goto(base + f"/woningen/{bed.pk}/")
    assert page.get_by_role("link", name="Desmet").first.is_visible()
    screenshot(page, "housing-unit")
    for url, name in (("/woningen/bezettingsgraad/?region=regio-izegem&period_from=2026-01-01"
                       "&period_to=2026-10-31", "housing-occupancy"),
                      ("/woningen/aanvragen/", "housing-applications"),
                      ("/kracht-wonen/", "housing-kracht-wonen"),
                      ("/woningen/verdeelsleutel/?region=w13&homes=28", "housing-allocation")):
        page.goto(base + url)
        assert page.locator("h1").is_visible()
        screenshot(page, name)
