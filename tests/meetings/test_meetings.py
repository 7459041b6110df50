"""Meetings: planning, minutes and presence, actions in "Mijn werk", the LWO
flag, the yearly overview PDF, files, the calendar feeds, and the report."""

from datetime import datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from icalendar import Calendar

from tests.pdftext import pdf_text
from woonloket.core import icsfeed
from woonloket.core.errors import ServiceError
from woonloket.meetings import rules, selectors, services
from woonloket.meetings.models import Meeting, MeetingAction

NOW = timezone.localdate()


def _lwo(user, nis="36008", month=3):
    return services.meeting_create(user, kind="lwo", municipality_nis=nis,
                                   starts_at=datetime(NOW.year, month, 12, 14), place="Raadzaal",
                                   agenda="Kerncijfers")


def test_the_lwo_rule_flags_fewer_than_two_meetings():
    assert rules.lwo_shortfall({"36008": 2, "36007": 1}, ["36008", "36007", "34025"]) == {
        "36007": 1, "34025": 0}


def test_the_lwo_flag_counts_the_meetings_of_the_year(carol, org_a):
    _lwo(carol)
    _lwo(carol, month=9)
    _lwo(carol, nis="36007")
    services.meeting_create(carol, kind="lwo", municipality_nis="36007",
                            starts_at=datetime(NOW.year - 1, 12, 31, 20))   # last year
    assert selectors.lwo_flags(NOW.year, ["36008", "36007"]) == {"36007": 1}


def test_an_lwo_needs_a_municipality_and_bad_input_is_refused(carol):
    with pytest.raises(ServiceError) as error:
        services.meeting_create(carol, kind="lwo", starts_at=datetime(NOW.year, 1, 5, 9))
    assert "gemeente" in error.value.errors["municipality"]
    with pytest.raises(ServiceError):
        services.meeting_create(carol, kind="feest", region="regio-izegem",
                                starts_at=datetime(NOW.year, 1, 5, 9))
    assert not Meeting.objects.exists()


def test_minutes_actions_in_my_work_and_the_overview_pdf(client, carol, alice, org_a):
    meeting = _lwo(carol)
    client.force_login(carol)
    url = f"/overleg/{meeting.pk}/"
    client.post(url, {"report": "1", "minutes": "Goed overleg.",
                      "decisions": "Jaarrapport goedgekeurd\nWerkgroep opstarten",
                      "present_organisations": [org_a.pk], "present_people": [carol.pk]})
    meeting.refresh_from_db()
    assert meeting.decision_list == ["Jaarrapport goedgekeurd", "Werkgroep opstarten"]
    client.post(url, {"action": "1", "description": "Cijfers nakijken", "owner": alice.pk,
                      "due_on": (NOW + timedelta(days=7)).isoformat()})
    action = MeetingAction.objects.get()
    client.force_login(alice)
    page = client.get("/mijn-werk/").content.decode()
    assert "Cijfers nakijken" in page
    client.post(f"/overleg/acties/{action.pk}/gedaan/", {"next": "https://evil.example/"})
    action.refresh_from_db()
    assert action.done_on == NOW
    client.force_login(carol)
    pdf = client.get("/overleg/jaaroverzicht.pdf", {"kind": "lwo", "area": "36008",
                                                     "year": NOW.year})
    text = " ".join(pdf_text(pdf.content).split())
    assert "Jaaroverzicht" in text and "Jaarrapport goedgekeurd" in text and "Carol" in text


def test_files_are_kept_and_only_for_those_who_see_the_meeting(client, carol, bob):
    meeting = _lwo(carol)
    client.force_login(carol)
    client.post(f"/overleg/{meeting.pk}/", {
        "upload": "1", "file": SimpleUploadedFile("agenda.txt", b"punt 1", "text/plain")})
    item = meeting.files.get()
    download = client.get(f"/overleg/{meeting.pk}/bestanden/{item.pk}/")
    assert b"".join(download.streaming_content) == b"punt 1"
    assert 'filename="agenda.txt"' in download["Content-Disposition"]
    client.force_login(bob)
    assert client.get(f"/overleg/{meeting.pk}/").status_code == 404
    assert client.get(f"/overleg/{meeting.pk}/bestanden/{item.pk}/").status_code == 404


def test_the_feeds_parse(client, carol):
    meeting = _lwo(carol)
    token = icsfeed.token_for(carol, "body:lwo:36008")
    body = client.get(f"/overleg/agenda/lwo/36008/{token}.ics")
    events = list(Calendar.from_ical(body.content).walk("VEVENT"))
    assert [str(e["uid"]) for e in events] == [f"meeting-{meeting.pk}@woonloket"]
    person = client.get(f"/overleg/agenda/{icsfeed.token_for(carol, 'meetings')}.ics")
    assert len(list(Calendar.from_ical(person.content).walk("VEVENT"))) == 1
    assert client.get(f"/overleg/agenda/lwo/36007/{token}.ics").status_code == 404


def test_the_yearly_report_lists_the_meetings(client, carol):
    _lwo(carol)
    client.force_login(carol)
    page = client.get("/rapporten/", {"year": NOW.year, "municipality": "36008"}).content.decode()
    assert "Lokaal woonoverleg" in page


def test_the_list_page_shows_the_flag(client, carol):
    _lwo(carol)
    client.force_login(carol)
    page = client.get("/overleg/").content.decode()
    assert "Minder dan twee lokale woonoverleggen" in page and "Izegem" in page
    response = client.post("/overleg/", {"kind": "taskforce", "region": "regio-izegem",
                                         "starts_at": f"{NOW.year}-06-01T10:00"})
    assert response.status_code == 302
    assert Meeting.objects.filter(kind="taskforce").exists()


@pytest.mark.parametrize("query", [
    {"kind": "lwo", "area": "36008", "year": "99999"}, {"kind": "lwo", "area": "36008"},
    {"kind": "lwo", "area": "36008\nX", "year": "2026"}, {"kind": "feest", "area": "36008",
                                                         "year": "2026"},
    {"kind": "lwo", "area": "36008", "year": "0"},
])
def test_a_bad_overview_request_is_a_404(client, carol, query):
    client.force_login(carol)
    assert client.get("/overleg/jaaroverzicht.pdf", query).status_code == 404


def test_a_token_with_odd_digits_is_a_404(client):
    assert client.get("/overleg/agenda/\u00b2.abc.ics").status_code == 404


def test_a_member_of_two_organisations_names_the_organiser(client, carol, org_b):
    from woonloket.core.models import Membership

    Membership.objects.create(user=carol, organisation=org_b, role="coordinator")
    client.force_login(carol)
    response = client.post("/overleg/", {"kind": "taskforce", "region": "regio-izegem",
                                         "starts_at": f"{NOW.year}-06-01T10:00",
                                         "organisation": org_b.pk})
    assert response.status_code == 302
    assert Meeting.objects.get().organiser == org_b
