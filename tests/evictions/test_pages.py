"""Pages of eviction prevention: board, registering by form and CSV, a
petition worked through, sessions, figures, settings, mediation; bad input
gets Dutch messages; lists have a fixed number of queries."""

from datetime import date, datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from woonloket.cases.models import Case
from woonloket.evictions import services
from woonloket.evictions.models import Assignment, Mediation, OutreachSettings, Petition, Step

from .conftest import petition_in
from .test_import import FILE

FORM = {"canton": "izegem", "roll_number": "26A555", "received_on": "2026-11-20",
        "hearing_at": "2026-12-17T09:30", "first_name": "Sofie", "last_name": "Vermeulen",
        "street": "Roeselaarsestraat", "number": "14", "postal_code": "8870",
        "municipality": "36008", "landlord_kind": "private", "landlord_name": "Mandel",
        "arrears_eur": "2150", "monthly_rent_eur": "720", "reason": "arrears"}


def _login(client, user):
    client.force_login(user)
    return client


def test_a_counsellor_registers_a_petition_by_form(client, alice, assigned):
    response = _login(client, alice).post("/uithuiszettingen/nieuw/", FORM)
    petition = Petition.objects.get()
    assert response.status_code == 302 and response.url == f"/uithuiszettingen/{petition.pk}/"
    page = client.get(response.url).content.decode()
    assert "Sofie Vermeulen" in page and "Brief 1 (blauwe envelop)" in page
    assert "gepland" in page and "Fonds ter bestrijding" in page


def test_a_bad_form_gets_dutch_messages_and_stores_nothing(client, alice):
    page = _login(client, alice).post("/uithuiszettingen/nieuw/", {
        **FORM, "canton": "waregem", "postal_code": "88"}).content.decode()
    assert "Vier cijfers." in page
    page = client.post("/uithuiszettingen/nieuw/", {**FORM, "canton": "waregem"}
                       ).content.decode()
    assert "bedient de gemeente Izegem niet" in page
    assert not Petition.objects.exists() and not Case.objects.exists()


def test_the_board_shows_current_step_days_left_and_overdue(client, alice, petition):
    Step.objects.filter(petition=petition, kind="letter1").update(due_on=date(2026, 11, 20))
    page = _login(client, alice).get("/uithuiszettingen/?mine=on").content.decode()
    assert "Sofie Vermeulen" in page and "24 dagen" in page
    assert 'class="badge prio">Brief 1 (blauwe envelop)' in page


def test_a_counsellor_works_through_the_steps_on_the_page(client, alice, petition):
    _login(client, alice)
    visit = petition.steps.get(kind="home_visit")
    url = f"/uithuiszettingen/{petition.pk}/stappen/{visit.pk}/"
    prefix = f"step{visit.pk}"
    response = client.post(url, {f"{prefix}-status": "done", f"{prefix}-outcome": "niet_thuis",
                                 f"{prefix}-done_on": "2026-11-23", f"{prefix}-note": "bus"})
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.status == "done" and visit.outcome == "niet_thuis" and visit.note == "bus"
    response = client.post(url, {f"{prefix}-status": "done", f"{prefix}-outcome": "verstuurd",
                                 f"{prefix}-done_on": "2026-11-23"}, follow=True)
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_letters_are_made_from_the_page_and_shown_on_the_case_timeline(client, alice, petition):
    _login(client, alice)
    response = client.post(f"/uithuiszettingen/{petition.pk}/brieven/letter1/maken/")
    letter = petition.letters.get()
    assert response.url == f"/uithuiszettingen/{petition.pk}/brieven/{letter.pk}.pdf"
    pdf = client.get(response.url)
    assert pdf["Content-Type"] == "application/pdf" and pdf.content == bytes(letter.pdf)
    timeline = client.get(f"/dossiers/{petition.case_id}/").content.decode()
    assert f"/uithuiszettingen/{petition.pk}/brieven/{letter.pk}.pdf" in timeline
    assert "Verzoekschrift uithuiszetting 26A1234" in timeline


def test_the_day_batch_button_returns_one_pdf(client, alice, petition):
    page = _login(client, alice).post("/uithuiszettingen/brieven-van-vandaag/", follow=True)
    assert "Vandaag zijn er geen brieven" in page.content.decode()  # letter 1 is for tomorrow
    Step.objects.filter(petition=petition, kind="letter1").update(due_on=date(2026, 11, 23))
    response = _login(client, alice).post("/uithuiszettingen/brieven-van-vandaag/")
    assert response["Content-Type"] == "application/pdf"
    assert petition.letters.filter(kind="letter1").count() == 1


def test_the_hearing_outcome_and_follow_up_are_recorded(client, alice, assigned, ocmw_izegem):
    petition = services.petition_register(alice, petition_in(
        received_on=date(2026, 9, 1), hearing_at=datetime(2026, 9, 24, 9, 30)))
    _login(client, alice)
    url = f"/uithuiszettingen/{petition.pk}/"
    response = client.post(url, {"outcome": "eviction_judgment", "outcome_on": "2026-09-24",
                                 "served_on": "2026-10-05"})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = client.get(url).content.decode()
    assert "5 november 2026" in page  # earliest eviction: service + 1 month
    response = client.post(url, {"follow_up": "1", "evicted_on": "2026-11-01"})
    assert "pas vanaf 05/11/2026" in response.content.decode()
    response = client.post(url, {"follow_up": "1", "evicted_on": "2026-11-06",
                                 "housed_on": "2026-11-06", "housed_where": "social_rent",
                                 "close": "on"})
    petition.refresh_from_db()
    assert petition.closed_on == date(2026, 11, 23) and petition.housed_where == "social_rent"


def test_csv_upload_page_reports_lines(client, carol):
    page = _login(client, carol).post("/uithuiszettingen/importeren/", {
        "file": SimpleUploadedFile("b.csv", FILE, "text/csv")}).content.decode()
    assert "nieuw geregistreerd" in page and "<td class=\"num\">4</td>" in page


def test_a_coordinator_configures_steps_counsellors_and_sessions(client, carol, alice, org_a):
    _login(client, carol)
    data = {"settings": "1", "visit_minutes": "45"}
    for kind, delay in [("letter1", 2), ("home_visit", 6), ("letter2", 4), ("contact", 3),
                        ("intake", 2), ("hearing", 0)]:
        data[f"use_{kind}"] = "on"
        data[f"delay_{kind}"] = str(delay)
    data["delay_card"] = "0"
    assert client.post("/uithuiszettingen/instellingen/", data).status_code == 302
    settings = OutreachSettings.objects.get(organisation=org_a)
    assert [k for k, _d in settings.sequence_pairs()] == [
        "letter1", "home_visit", "letter2", "contact", "intake", "hearing"]
    response = client.post("/uithuiszettingen/instellingen/", {
        "assign": "1", "municipality": "36007", "counsellor": str(alice.pk), "phone": "051"})
    assert response.status_code == 302
    assert Assignment.objects.get(municipality_id="36007").counsellor == alice
    page = client.post("/uithuiszettingen/instellingen/", {
        "assign": "1", "municipality": "34022", "counsellor": str(alice.pk)}).content.decode()
    assert "Selecteer een geldige keuze" in page
    response = client.post("/uithuiszettingen/zittingen/", {
        "canton": "izegem", "starts_at": "2026-12-17T09:00", "ends_at": "2026-12-17T12:00",
        "mode": "present", "counsellors": [str(alice.pk), str(carol.pk)]})
    assert response.status_code == 302
    page = client.get("/uithuiszettingen/zittingen/").content.decode()
    assert "Alice" in page and ".ics" in page
    page = client.post("/uithuiszettingen/zittingen/", {
        "canton": "izegem", "starts_at": "2026-12-17T12:00", "ends_at": "2026-12-17T09:00",
        "mode": "present"}).content.decode()
    assert "Een zitting eindigt na het begin." in page


def test_a_counsellor_cannot_change_the_settings(client, alice):
    assert _login(client, alice).get("/uithuiszettingen/instellingen/").status_code == 403


def test_a_template_is_edited_with_its_placeholders(client, carol):
    _login(client, carol)
    page = client.get("/uithuiszettingen/instellingen/sjablonen/letter2/").content.decode()
    assert "{zittingsdatum}" in page
    page = client.post("/uithuiszettingen/instellingen/sjablonen/letter2/", {
        "sender": "X", "body": "Dag {klant}", "signature": "Y"}).content.decode()
    assert "Onbekend veld: {klant}." in page


def test_mediation_from_start_to_outcome(client, alice, petition):
    _login(client, alice)
    response = client.post("/huurbemiddeling/", {
        "case_id": petition.case_id, "subject": "herstellingen", "landlord_kind": "private",
        "landlord_name": "Mandel", "opened_on": "2026-11-02"})
    mediation = Mediation.objects.get()
    assert response.url == f"/huurbemiddeling/{mediation.pk}/"
    client.post(response.url, {"meeting": "1", "held_on": "2026-11-10",
                               "participants": "huurder, verhuurder", "notes": "Akkoord"})
    client.post(response.url, {"close": "1", "outcome": "akkoord", "closed_on": "2026-11-10"})
    mediation.refresh_from_db()
    assert mediation.outcome == "akkoord" and mediation.meetings.count() == 1
    page = client.get("/uithuiszettingen/cijfers/?year=2026&group=municipality").content.decode()
    assert "Izegem" in page and "Huurbemiddelingen 2026" in page
    page = client.post("/huurbemiddeling/", {
        "case_id": 999999, "subject": "herstellingen", "landlord_kind": "private",
        "landlord_name": "X", "opened_on": "2026-11-02"}).content.decode()
    assert "Onbekend dossier." in page


def test_the_ocmw_sees_the_new_petition_on_its_dashboard(client, make_user, petition,
                                                         ocmw_izegem):
    from woonloket.core.roles import Role

    olga = make_user("olga", Role.PARTNER, ocmw_izegem)
    page = _login(client, olga).get("/overzicht/").content.decode()
    assert "Nieuw voor het OCMW" in page and "26A1234" in page
    client.post(f"/uithuiszettingen/{petition.pk}/gezien/")
    petition.refresh_from_db()
    assert petition.ocmw_seen_on == date(2026, 11, 23)


@pytest.mark.parametrize("kind, url", [
    ("page", "/uithuiszettingen/"),
    ("page", "/uithuiszettingen/zittingen/"),
    ("page", "/uithuiszettingen/cijfers/?year=2026&group=canton"),
    ("page", "/huurbemiddeling/"),
    ("page", "/overzicht/"),
    ("api", "/evictions/petitions?limit=100"),
    ("api", "/evictions/mediations?limit=100"),
])
def test_list_queries_do_not_grow_with_rows(
        count_queries, client, api, alice, carol, assigned, ocmw_izegem,
                                            kind, url):
    def fill(start, n):
        for i in range(start, start + n):
            p = services.petition_register(alice, petition_in(
                roll_number=f"R{i}", first_name=f"Naam{i}", number=str(100 + i)))
            services.mediation_open(alice, p.case, subject="opzeg", landlord_kind="svk",
                                    landlord_name="SVK")
            services.court_session_create(carol, organisation_id=None, canton="izegem",
                                          starts_at=datetime(2026, 12, 1 + i, 9),
                                          ends_at=datetime(2026, 12, 1 + i, 12),
                                          counsellor_ids=[alice.pk])
    if kind == "api":
        caller = api(alice)
        def call():
            assert caller.get(url).status_code == 200
    else:
        _login(client, alice)
        def call():
            assert client.get(url).status_code == 200
    fill(0, 1)
    few = count_queries(call)
    fill(1, 6)
    assert count_queries(call) == few
