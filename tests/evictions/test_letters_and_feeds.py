"""Letters as real PDFs (text extracted with poppler's pdftotext), the day's
batch, templates per organisation, and the ICS feeds (parsed with icalendar)."""

from datetime import datetime
from pathlib import Path

import pytest
from django.utils import timezone
from icalendar import Calendar

from tests.pdftext import pdf_text
from woonloket.core import icsfeed as feeds
from woonloket.core.errors import ServiceError
from woonloket.evictions import selectors, services
from woonloket.evictions.models import CourtSession, Letter, Step

from .conftest import petition_in

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def test_letter1_names_the_tenant_the_visit_and_the_hearing(petition, alice, tmp_path):
    letter = services.letter_issue(alice, petition, "letter1")
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "letter1.pdf").write_bytes(bytes(letter.pdf))  # to look at (pdftoppm)
    text = pdf_text(bytes(letter.pdf))
    assert "Sofie Vermeulen" in text
    assert "Roeselaarsestraat 14" in text and "8870 IZEGEM" in text
    assert "dinsdag 1 december 2026 om 9.00 uur" in " ".join(text.split())
    assert "donderdag 17 december 2026" in " ".join(text.split())
    assert "BLAUWE ENVELOP" in text
    assert "051 33 73 00" in text and "Alice" in text


def test_the_card_and_letter2_are_not_for_the_blue_envelope(petition, alice, tmp_path):
    card_pdf = bytes(services.letter_issue(alice, petition, "card").pdf)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "card.pdf").write_bytes(card_pdf)
    card = pdf_text(card_pdf)
    assert "niet thuis" in card and "BLAUWE ENVELOP" not in card
    second = pdf_text(bytes(services.letter_issue(alice, petition, "letter2").pdf))
    assert "nodigen u uit" in " ".join(second.split())


def test_an_organisations_template_is_used_and_checked(petition, carol, alice, tmp_path):
    services.template_save(carol, organisation_id=None, kind="letter1",
                           sender="Woondienst Regio Izegem\nKortrijksestraat 1",
                           body="Dag {naam}, wij komen op {bezoekdatum} om {bezoekuur}.",
                           signature="{begeleider}")
    text = pdf_text(bytes(services.letter_issue(alice, petition, "letter1").pdf))
    assert "Dag Sofie Vermeulen, wij komen op dinsdag 1 december 2026" in " ".join(text.split())
    with pytest.raises(ServiceError) as error:
        services.template_save(carol, organisation_id=None, kind="letter1", sender="X",
                               body="Dag {voornaam}", signature="x")
    assert "Onbekend veld: {voornaam}" in error.value.errors["body"]


def test_user_text_in_a_template_is_escaped(petition, carol, alice, tmp_path):
    services.template_save(carol, organisation_id=None, kind="card", sender="<b>X</b>",
                           body="<script>alert(1)</script> {naam}", signature="x")
    text = pdf_text(bytes(services.letter_issue(alice, petition, "card").pdf))
    assert "<script>alert(1)</script> Sofie Vermeulen" in text


def test_the_day_batch_prints_every_letter_due_as_one_pdf_and_keeps_each(
        alice, assigned, ocmw_izegem, tmp_path):
    first = services.petition_register(alice, petition_in())
    second = services.petition_register(alice, petition_in(
        roll_number="26A9", first_name="Jan", last_name="Peeters", number="20"))
    Step.objects.filter(kind="letter1").update(due_on=timezone.localdate())
    pdf = services.letters_for_day(alice, [first, second], timezone.localdate())
    text = pdf_text(pdf)
    assert "Sofie Vermeulen" in text and "Jan Peeters" in text
    assert Letter.objects.filter(kind="letter1").count() == 2
    assert services.letters_for_day(alice, [first], datetime(2026, 11, 20).date()) is None


def test_the_counsellor_feed_parses_and_has_no_names(petition, alice, carol, client):
    session = services.court_session_create(
        carol, organisation_id=None, canton="izegem",
        starts_at=datetime(2026, 12, 17, 9, 0), ends_at=datetime(2026, 12, 17, 12, 0),
        place="Vredegerecht Izegem, Kasteelstraat", counsellor_ids=[alice.pk])
    token = feeds.token_for(alice, "mine")
    response = client.get(f"/uithuiszettingen/agenda/{token}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert f"hearing-{petition.pk}@woonloket" in events
    assert f"session-{session.pk}@woonloket" in events
    visit = [e for uid, e in events.items() if uid.startswith("visit-")][0]
    assert visit.decoded("dtstart") == timezone.localtime(
        petition.steps.get(kind="home_visit").planned_at)
    assert b"Vermeulen" not in response.content


def test_a_feed_token_works_for_its_scope_only_and_dies_with_the_password(alice, client):
    token = feeds.token_for(alice, "mine")
    assert client.get(f"/uithuiszettingen/agenda/kanton/izegem/{token}.ics").status_code == 404
    assert client.get(f"/uithuiszettingen/agenda/{token}x.ics").status_code == 404
    alice.set_password("a new and long passphrase")
    alice.save()
    assert client.get(f"/uithuiszettingen/agenda/{token}.ics").status_code == 404


def test_the_canton_feed_holds_sessions_and_hearings(petition, carol, client):
    services.court_session_create(
        carol, organisation_id=None, canton="izegem", starts_at=datetime(2026, 12, 17, 9, 0),
        ends_at=datetime(2026, 12, 17, 12, 0), mode=CourtSession.Mode.ON_CALL)
    token = feeds.token_for(carol, "canton:izegem")
    response = client.get(f"/uithuiszettingen/agenda/kanton/izegem/{token}.ics")
    summaries = [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]
    assert "Zitting vredegerecht Izegem (oproepbaar)" in summaries
    assert any(s.endswith(f"dossier {petition.case_id}") for s in summaries)


def test_a_court_duty_keeps_the_visit_slot_free(alice, carol, assigned, ocmw_izegem):
    services.court_session_create(
        carol, organisation_id=None, canton="izegem", starts_at=datetime(2026, 12, 1, 8, 30),
        ends_at=datetime(2026, 12, 1, 12, 0), counsellor_ids=[alice.pk])
    first = services.petition_register(alice, petition_in())
    second = services.petition_register(alice, petition_in(roll_number="26A77", number="99",
                                                           first_name="Jan", last_name="Claes"))
    visits = [timezone.localtime(p.steps.get(kind="home_visit").planned_at) for p in
              (first, second)]
    assert visits == [timezone.make_aware(datetime(2026, 12, 1, 13, 30)),
                      timezone.make_aware(datetime(2026, 12, 1, 14, 30))]
    assert selectors.counsellor_events(alice)
