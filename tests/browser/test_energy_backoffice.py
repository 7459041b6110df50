"""A technician records a screening at home; the counsellor decides the
follow-up; the renovation coach compares the quotes a household received."""

import io
import struct
import zlib

import pytest
from django.core.management import call_command

from tests.pdftext import pdf_text
from woonloket.energy.models import Screening, Trajectory

from .conftest import ARTIFACTS
from .test_case_walkthrough import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("reference_data")]


def _png(width=64, height=48) -> bytes:
    """A small real PNG (a grey gradient) to upload as a photo."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(
            ">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + bytes((x * 4 + y) % 256 for x in range(width))
                    for y in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0,
                                                               0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def test_screening_follow_up_and_quotes(live_server, browser, page, screenshot, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    base = live_server.url
    case = Screening.objects.order_by("pk").first().case

    sign_in(page, base, "demo-technicus")
    page.get_by_role("link", name="Energie", exact=True).first.click()
    page.wait_for_url("**/energie/screenings/")
    assert page.get_by_role("heading", name="Screenings aan huis").is_visible()
    page.goto(base + f"/dossiers/{case.pk}/energie/")
    page.get_by_role("link", name="Nieuwe screening").click()
    page.wait_for_url("**/energie/screening/")
    page.get_by_label("Woningtype").select_option("gesloten")
    page.get_by_label("Bouwjaar").fill("1932")
    page.get_by_label("Beglazing").select_option("enkel")
    page.get_by_label("Luchtdichtheid").select_option("slecht")
    page.get_by_label("Verwarming", exact=True).select_option("kachel")
    page.get_by_label("Brandstof").select_option("stookolie")
    page.get_by_label("Inkomenscategorie (Mijn VerbouwPremie)").select_option("1")
    page.get_by_label("Vocht", exact=True).select_option("ernstig")
    page.get_by_label("Toelichting bij: Vocht").fill("Opstijgend vocht in de voorkamer")
    page.get_by_label("CO-risico", exact=True).select_option("dringend")
    page.get_by_label("Toelichting bij: CO-risico").fill("Kachel zonder goede trek")
    photo = tmp_path / "voorkamer.png"
    photo.write_bytes(_png())
    page.get_by_label("Foto's (JPEG of PNG, hoogstens 2 MB per foto)").set_input_files(
        str(photo))
    screenshot(page, "energy-screening-form")
    # first without a construction year: a Dutch message, nothing saved
    page.get_by_label("Bouwjaar").fill("")
    page.get_by_role("button", name="Screening bewaren").click()
    assert page.get_by_text("Dit veld is verplicht.").first.is_visible()
    screenshot(page, "energy-screening-form-errors")
    page.get_by_label("Bouwjaar").fill("1932")
    page.get_by_label("Foto's (JPEG of PNG, hoogstens 2 MB per foto)").set_input_files(
        str(photo))
    page.get_by_role("button", name="Screening bewaren").click()
    page.wait_for_url("**/energie/screenings/*/")
    assert page.get_by_text("De screening is bewaard.").is_visible()
    assert page.get_by_text("Schatting, geen EPC").first.is_visible()
    assert page.get_by_text("Opstijgend vocht in de voorkamer").is_visible()
    assert page.evaluate("[...document.images].every(i => i.complete && i.naturalWidth > 0)")
    screenshot(page, "energy-screening")
    screening = Screening.objects.order_by("-pk").first()
    pdf = page.request.get(base + f"/energie/screenings/{screening.pk}/rapport.pdf")
    assert pdf.status == 200
    (ARTIFACTS / "energy-screening-report.pdf").write_bytes(pdf.body())
    assert "schatting, geen EPC" in " ".join(pdf_text(pdf.body()).split())
    page.get_by_role("button", name="Afmelden").click()

    sign_in(page, base, "demo-woonbegeleider")
    page.goto(base + f"/energie/screenings/{screening.pk}/")
    page.get_by_role("combobox", name="Opvolging").select_option("woningkwaliteitsonderzoek")
    page.get_by_label("Reden").fill("CO-risico en vocht: eerst de woningkwaliteit onderzoeken.")
    page.get_by_role("button", name="Opvolging bewaren").click()
    assert page.get_by_text("De opvolging is bewaard.").is_visible()
    assert screening.case.enrolments.filter(program="woningkwaliteitsonderzoek").exists()
    screenshot(page, "energy-screening-follow-up")

    trajectory = Trajectory.objects.filter(phase="offertes").first()
    page.goto(base + "/energie/renovatiebegeleiding/")
    screenshot(page, "energy-trajectories")
    page.goto(base + f"/energie/renovatiebegeleiding/{trajectory.pk}/")
    screenshot(page, "energy-trajectory")
    page.get_by_role("link", name="Offertes vergelijken").click()
    page.wait_for_url("**/offertes/")
    assert page.get_by_text("goedkoopst").first.is_visible()
    assert page.get_by_text("Schatting scan").first.is_visible()
    screenshot(page, "energy-quote-comparison")
    done = Trajectory.objects.filter(after_scan__isnull=False).first()
    page.goto(base + f"/energie/renovatiebegeleiding/{done.pk}/")
    screenshot(page, "energy-trajectory-result")
    page.goto(base + "/energie/aannemers/")
    screenshot(page, "energy-contractors")
    page.goto(base + "/overzicht/")
    screenshot(page, "energy-dashboard")
