"""Pages of the screening: the form with its Dutch errors, the screening page,
photos behind access, the occupant's PDF report, lists in fixed queries."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.pdftext import pdf_text
from woonloket.core.models import AuditEntry
from woonloket.energy import services
from woonloket.energy.models import Screening

from .backoffice import *  # noqa: F403 - the fixtures (tina, case, screening, ...)
from .backoffice import JPEG, PNG, TODAY, record

FORM = {"visited_on": TODAY.isoformat(), "street": "Marktstraat", "number": "12",
        "postal_code": "8870", "municipality": "36008", "income_category": "2",
        "building_type": "gesloten", "construction_year": "1930", "glazing": "enkel",
        "roof_insulation_cm": "", "heating_system": "klassieke_ketel",
        "heating_fuel": "stookolie", "finding_vocht": "ernstig",
        "finding_vocht_note": "Natte muur in de kelder", "finding_tocht": "licht",
        "notes": "Bewoner stookt enkel de leefruimte."}


def test_the_screening_form_records_a_screening(client, tina, case):
    client.force_login(tina)
    page = client.get(f"/dossiers/{case.pk}/energie/screening/")
    assert page.status_code == 200
    assert page.context["form"]["street"].value() == "Marktstraat"  # from the household
    photo = SimpleUploadedFile("kelder.png", PNG, content_type="image/png")
    response = client.post(f"/dossiers/{case.pk}/energie/screening/", {**FORM, "photos": [photo]})
    assert response.status_code == 302, response.context["form"].errors
    s = Screening.objects.get()
    assert response["Location"] == f"/energie/screenings/{s.pk}/"
    assert s.scan.inputs["heating_fuel"] == "stookolie" and s.photos.count() == 1
    assert {f.kind: f.severity for f in s.findings.all()} == {"vocht": "ernstig",
                                                              "tocht": "licht"}
    page = client.get(response["Location"])
    assert page.status_code == 200
    html = page.content.decode()
    assert "Schatting, geen EPC" in html and "Natte muur in de kelder" in html
    assert "Opvolging beslissen" not in html  # a technician does not decide the follow-up
    photo_url = f"/energie/screenings/{s.pk}/fotos/{s.photos.get().pk}/"
    assert photo_url in html
    shown = client.get(photo_url)
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert bytes(shown.content) == PNG


@pytest.mark.parametrize("change, field, message", [
    ({"construction_year": ""}, "construction_year", "Dit veld is verplicht."),
    ({"building_type": ""}, "building_type", "Dit veld is verplicht."),
    ({"construction_year": "3000"}, "construction_year", "Moet tussen 1800 en 2030 liggen."),
    ({"postal_code": "88"}, "postal_code", "Een Belgische postcode heeft 4 cijfers."),
    ({"heating_system": "warmtepomp_lucht_water"}, "heating_fuel", "werkt op elektriciteit"),
    ({"finding_vocht": ""}, "finding_vocht", "Kies de ernst"),
    ({"visited_on": (TODAY + timedelta(days=5)).isoformat()}, "visited_on", "in de toekomst"),
])
def test_form_errors_are_in_dutch(client, tina, case, change, field, message):
    client.force_login(tina)
    response = client.post(f"/dossiers/{case.pk}/energie/screening/", {**FORM, **change})
    assert response.status_code == 200
    assert any(message in e for e in response.context["form"].errors[field])
    assert not Screening.objects.exists()


def test_a_photo_that_is_no_photo_is_refused(client, tina, case):
    client.force_login(tina)
    fake = SimpleUploadedFile("foto.jpg", b"<html>niet echt</html>", content_type="image/jpeg")
    response = client.post(f"/dossiers/{case.pk}/energie/screening/", {**FORM, "photos": [fake]})
    assert response.status_code == 200
    assert "geen JPEG- of PNG-foto" in response.content.decode()
    assert not Screening.objects.exists()


def test_others_do_not_see_the_screening_or_its_photos(client, bob, tina, case):
    s = record(tina, case, photos=[services.PhotoIn("a.jpg", JPEG)])
    client.force_login(bob)
    assert client.get(f"/energie/screenings/{s.pk}/").status_code == 404
    assert client.get(f"/energie/screenings/{s.pk}/fotos/{s.photos.get().pk}/").status_code == 404
    assert client.get(f"/energie/screenings/{s.pk}/rapport.pdf").status_code == 404
    assert client.get(f"/dossiers/{case.pk}/energie/screening/").status_code == 404


def test_the_local_contact_point_decides_the_follow_up(client, alice, screening):
    client.force_login(alice)
    url = f"/energie/screenings/{screening.pk}/"
    response = client.post(url, {"kind": "premie_lening", "reason": "",
                                 "decided_on": TODAY.isoformat()})
    assert "Geef de reden van deze beslissing." in response.content.decode()
    response = client.post(url, {"kind": "premie_lening", "reason": "Mijn VerbouwLening",
                                 "decided_on": TODAY.isoformat()}, follow=True)
    assert "De opvolging is bewaard." in response.content.decode()
    assert screening.case.enrolments.filter(program="premie_lening").exists()


def test_a_technician_cannot_post_a_follow_up(client, tina, screening):
    client.force_login(tina)
    response = client.post(f"/energie/screenings/{screening.pk}/",
                           {"kind": "geen_actie", "reason": "x", "decided_on": TODAY})
    assert response.status_code == 403


def test_the_case_page_links_to_energy_and_the_timeline_shows_it(client, alice, screening):
    client.force_login(alice)
    page = client.get(f"/dossiers/{screening.case_id}/").content.decode()
    assert f"/dossiers/{screening.case_id}/energie/" in page
    assert "Screening aan huis" in page
    energy = client.get(f"/dossiers/{screening.case_id}/energie/")
    assert energy.status_code == 200 and f"/energie/screenings/{screening.pk}/" in (
        energy.content.decode())


def test_a_technician_who_may_only_see_the_case_gets_its_energy_link(client, tina, case):
    client.force_login(tina)
    page = client.get(f"/dossiers/{case.pk}/").content.decode()
    assert f"/dossiers/{case.pk}/energie/" in page
    assert f"/dossiers/{case.pk}/intake/" not in page  # the editors' actions stay hidden


def test_the_report_for_the_occupant(client, alice, screening):
    client.force_login(alice)
    response = client.get(f"/energie/screenings/{screening.pk}/rapport.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "Uw woning: energie en comfort" in text
    assert "schatting, geen EPC" in text
    assert f"Geschat label: {screening.scan.label}" in text
    assert "Vocht" in text and "CO-risico" in text and "bel 112" in text
    first = screening.scan.result["measures"][0]["name"]
    assert first in text and "Premie" in text and "inkomenscategorie 2" in text
    assert "TABULA/EPISCOPE building typology, IEE projects, episcope.eu" in text
    assert AuditEntry.objects.filter(object_type="energy.screening", action="read",
                                     reason="rapport").exists()


def test_the_screening_list_is_audited_and_filtered(client, alice, tina, make_case):
    record(tina, make_case("Peeters"))
    s = record(tina, make_case("Claes"))
    services.follow_up_decide(alice, s, kind="geen_actie", reason="Goed geïsoleerd.")
    client.force_login(alice)
    page = client.get("/energie/screenings/")
    assert page.status_code == 200 and len(page.context["page"].object_list) == 2
    assert AuditEntry.objects.filter(object_type="energy.screening", action="list").exists()
    assert len(client.get("/energie/screenings/?open_only=on").context["page"].object_list) == 1


@pytest.mark.parametrize("url", ["/energie/screenings/", "/overzicht/", "case-energy"])
def test_list_queries_do_not_grow_with_rows(count_queries, client, alice, tina, make_case, url):
    first = make_case("Eerste")
    record(tina, first)
    if url == "case-energy":
        url = f"/dossiers/{first.pk}/energie/"
    client.force_login(alice)

    def call():
        assert client.get(url).status_code == 200
    few = count_queries(call)
    for i in range(6):
        s = record(tina, make_case(f"Naam{i}") if i % 2 else first,
                   photos=[services.PhotoIn("a.png", PNG)])
        services.follow_up_decide(alice, s, kind="geen_actie", reason="x")
    assert count_queries(call) == few


def test_a_technician_starts_a_screening_by_case_number(client, tina, case):
    client.force_login(tina)
    page = client.get("/energie/screenings/")
    assert "Nieuwe screening voor dossier nr." in page.content.decode()
    response = client.get("/energie/screenings/", {"dossier": f"#{case.pk}"})
    assert response["Location"] == f"/dossiers/{case.pk}/energie/screening/"
    assert client.get("/dossiers/999999/energie/screening/").status_code == 404


def test_a_photo_over_2_mb_is_refused(client, tina, case):
    client.force_login(tina)
    big = SimpleUploadedFile("groot.png", PNG + b"\x00" * (3 * 1024 * 1024),
                             content_type="image/png")
    response = client.post(f"/dossiers/{case.pk}/energie/screening/", {**FORM, "photos": [big]})
    assert "groter dan 2 MB" in response.content.decode()
    assert not Screening.objects.exists()
