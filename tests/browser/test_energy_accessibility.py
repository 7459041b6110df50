"""The energy pages pass axe-core (the WCAG 2.1 A/AA rules a machine can check;
axe-playwright-python ships axe-core, nothing is downloaded): the citizen's
wizard (empty and with errors), result and coach form, and the back-office
pages: no violation at all."""

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command

from woonloket.core.models import Organisation
from woonloket.energy.engine import dwelling_from
from woonloket.energy.models import Screening, Trajectory
from woonloket.energy.services import scan_save
from woonloket.neighbourhoods.models import DwellingImport

from .test_case_walkthrough import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]

WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG)
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}x)"
            for v in results.response["violations"]]


def test_the_energy_scan_pages_pass_axe(live_server, page):
    org = Organisation.objects.create(name="Energiehuis Midwest", kind="energiehuis")
    org.municipalities.set(["36008"])
    scan = scan_save(dwelling_from({"building_type": "halfopen", "construction_year": 1965}),
                     origin="citizen", municipality_nis="36008")
    base = live_server.url
    page.goto(base + "/energiescan/")
    assert violations(page) == []
    page.get_by_role("button", name="Bereken mijn schatting").click()
    assert page.locator(".error-summary").is_visible()
    assert violations(page) == []
    page.goto(base + f"/energiescan/{scan.token}/")
    assert violations(page) == []
    page.goto(base + f"/energiescan/{scan.token}/renovatiecoach/")
    assert violations(page) == []


def test_the_energy_back_office_pages_pass_axe(live_server, page):
    """Every back-office page of the energy chain, on the demo data, has no axe
    violation at all."""
    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    sign_in(page, base, "demo-coordinator")
    screening = Screening.objects.order_by("pk").first()
    trajectory = Trajectory.objects.order_by("pk").first()
    dwelling_import = DwellingImport.objects.order_by("pk").first()
    for url in ("/energie/screenings/", f"/energie/screenings/{screening.pk}/",
                f"/dossiers/{screening.case_id}/energie/", "/energie/renovatiebegeleiding/",
                f"/energie/renovatiebegeleiding/{trajectory.pk}/",
                f"/energie/renovatiebegeleiding/{trajectory.pk}/offertes/",
                "/energie/aannemers/", "/energie/vragen/", "/wijkscreening/",
                f"/wijkscreening/{dwelling_import.pk}/"):
        response = page.goto(base + url)
        assert response.status == 200, url
        results = Axe().run(page, options=WCAG)
        assert results.response["violations"] == [], (url, results.generate_report())
