"""The case pages: access by role and organisation, bad input, query counts."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from woonloket.cases import services
from woonloket.cases.models import Action, Case, Contact
from woonloket.clients.models import Household
from woonloket.clients.services import HouseholdIn, MemberIn, household_register
from woonloket.core.roles import Role


def open_case(user, first="Céline", last="Van de Putte", birth=date(1985, 7, 30)):
    household = household_register(user, HouseholdIn(
        municipality_nis="36008", tenure="private_rent",
        members=[MemberIn(first, last, "self", birth)]))
    return services.case_open(user, household_id=household.pk, municipality_nis="36008",
                              themes=["energie"], source="loket")


@pytest.fixture
def case(alice):
    return open_case(alice)


@pytest.mark.parametrize("path", ["/dossiers/{id}/", "/dossiers/{id}/handelingsplan/",
                                  "/dossiers/{id}/handelingsplan.pdf"])
def test_another_organisation_gets_a_404(client, bob, case, path):
    client.force_login(bob)
    assert client.get(path.format(id=case.pk)).status_code == 404


@pytest.mark.parametrize("role, status", [
    (Role.WOONBEGELEIDER, 200), (Role.COORDINATOR, 200), (Role.PARTNER, 200),
    (Role.CALLTAKER, 403), (Role.TECHNICIAN, 403), (Role.VOLUNTEER, 403), (Role.ADMIN, 403),
])
def test_who_may_open_a_new_case(client, make_user, org_a, role, status):
    client.force_login(make_user("u", role, org_a))
    assert client.get("/dossiers/nieuw/").status_code == status


@pytest.mark.parametrize("role, status", [(Role.VOLUNTEER, 403), (Role.ADMIN, 403),
                                          (Role.CALLTAKER, 200)])
def test_who_may_list_cases(client, make_user, org_a, role, status):
    client.force_login(make_user("u", role, org_a))
    assert client.get("/dossiers/").status_code == status


def test_a_calltaker_reads_but_does_not_edit(client, make_user, org_a, case):
    client.force_login(make_user("cato", Role.CALLTAKER, org_a))
    assert client.get(f"/dossiers/{case.pk}/").status_code == 200
    assert client.get(f"/dossiers/{case.pk}/intake/").status_code == 403
    response = client.post(f"/dossiers/{case.pk}/", {"channel": "loket", "minutes": 5,
                                                     "summary": "x", "at": "2026-01-01T10:00"})
    assert response.status_code == 403 and not Contact.objects.exists()


def test_a_new_case_from_the_form(client, alice):
    client.force_login(alice)
    response = client.post("/dossiers/nieuw/", {
        "first_name": "Jan", "last_name": "Peeters", "birth_date": "1970-02-03",
        "municipality": "36008", "tenure": "homeless", "themes": ["dreigende_dakloosheid"],
        "source": "loket", "monthly_income_eur": "980",
    })
    case = Case.objects.get()
    assert response.status_code == 302 and response.url == f"/dossiers/{case.pk}/"
    assert case.contact_person == alice and case.household.members.get().first_name == "Jan"


def test_a_probable_duplicate_is_shown_before_anything_is_stored(client, alice, case):
    client.force_login(alice)
    data = {"first_name": "Celine", "last_name": "Vandeputte", "birth_date": "1985-07-30",
            "municipality": "36008", "tenure": "private_rent", "themes": ["energie"],
            "source": "telefoon"}
    page = client.post("/dossiers/nieuw/", data).content.decode()
    assert "Is dit iemand die we al kennen?" in page and "gelijkaardige naam" in page
    assert Household.objects.count() == 1
    client.post("/dossiers/nieuw/", {**data, "confirm_new": "on"})
    assert Household.objects.count() == 2


@pytest.mark.parametrize("change, message", [
    ({"national_number": "85073003329"}, "Dit rijksregisternummer klopt niet"),
    ({"postal_code": "88"}, "Een postcode heeft 4 cijfers."),
    ({"themes": []}, "Dit veld is verplicht."),
    ({"birth_date": "2099-01-01"}, "De geboortedatum ligt in de toekomst."),
])
def test_bad_input_on_the_new_case_form(client, alice, change, message):
    client.force_login(alice)
    data = {"first_name": "Jan", "last_name": "Peeters", "municipality": "36008",
            "tenure": "homeless", "themes": ["energie"], "source": "loket", **change}
    response = client.post("/dossiers/nieuw/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Household.objects.exists() and not Case.objects.exists()


def test_a_contact_from_the_detail_page(client, alice, case):
    client.force_login(alice)
    response = client.post(f"/dossiers/{case.pk}/", {
        "at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"), "channel": "telefoon",
        "minutes": "10", "summary": "Belde over de huurwaarborg."})
    assert response.status_code == 302
    assert "Belde over de huurwaarborg." in client.get(f"/dossiers/{case.pk}/").content.decode()


def test_a_future_contact_gets_a_dutch_message(client, alice, case):
    client.force_login(alice)
    response = client.post(f"/dossiers/{case.pk}/", {
        "at": "2099-01-01T10:00", "channel": "telefoon", "minutes": "10", "summary": "x"})
    assert "Een contact ligt niet in de toekomst." in response.content.decode()


def test_the_case_list_has_a_fixed_number_of_queries(client, alice):
    client.force_login(alice)
    open_case(alice)
    with CaptureQueriesContext(connection) as one:
        client.get("/dossiers/")
    for i in range(5):
        open_case(alice, first=f"Persoon{i}", birth=date(1990, 1, i + 1))
    with CaptureQueriesContext(connection) as six:
        assert "6 dossiers" in client.get("/dossiers/").content.decode()
    assert len(six.captured_queries) == len(one.captured_queries)


def test_the_detail_page_has_a_fixed_number_of_queries(client, alice, case):
    client.force_login(alice)
    with CaptureQueriesContext(connection) as before:
        client.get(f"/dossiers/{case.pk}/")
    for day in range(1, 6):
        services.contact_register(alice, case, at=timezone.now() - timezone.timedelta(days=day),
                                  channel="loket", minutes=5, summary="x")
    with CaptureQueriesContext(connection) as after:
        client.get(f"/dossiers/{case.pk}/")
    # the read is audited (one insert) whatever the number of contacts
    assert len(after.captured_queries) == len(before.captured_queries)


def test_my_work_and_people_search_pages(client, alice, case):
    client.force_login(alice)
    assert f"#{case.pk}" in client.get("/mijn-werk/").content.decode()
    assert "Van de Putte" in client.get("/personen/", {"q": "vandeputte"}).content.decode()
    assert "minstens 2" in client.get("/personen/", {"q": "v"}).content.decode()


def test_the_household_page_adds_members_and_incomes(client, alice, bob, case):
    client.force_login(alice)
    path = f"/gezinnen/{case.household_id}/"
    assert client.post(path, {"member": "1", "member-first_name": "Lotte",
                              "member-last_name": "Van de Putte", "member-relation": "child",
                              "member-is_dependant": "on"}).status_code == 302
    lotte = case.household.members.get(first_name="Lotte")
    assert lotte.is_dependant
    assert client.post(path, {"income": "1", "income-person": lotte.pk,
                              "income-source": "child_benefit",
                              "income-monthly_eur": "180"}).status_code == 302
    page = client.get(path).content.decode()
    assert "Groeipakket (Lotte): € 180" in page
    bad = client.post(path, {"member": "1", "member-first_name": "X", "member-last_name": "Y",
                             "member-relation": "partner", "member-national_number": "123"})
    assert "11 cijfers" in bad.content.decode()
    client.force_login(bob)
    assert client.get(path).status_code == 404


def test_enrol_and_close_from_the_case_page(client, alice, case):
    client.force_login(alice)
    client.post(f"/dossiers/{case.pk}/traject/", {"program": "woonclub",
                                                  "started_on": "2026-01-05"})
    assert case.enrolments.get().program == "woonclub"
    response = client.post(f"/dossiers/{case.pk}/afsluiten/", {"reason": ""}, follow=True)
    assert "Dit veld is verplicht." in response.content.decode()
    client.post(f"/dossiers/{case.pk}/afsluiten/", {"reason": "Woning gevonden"})
    case.refresh_from_db()
    assert case.status == "afgesloten" and case.enrolments.get().ended_on is not None


def test_my_work_has_a_fixed_number_of_queries(client, alice):
    def busy_case(i):
        other = open_case(alice, first=f"Persoon{i}", birth=date(1991, 2, i + 1))
        goal = services.goal_add(alice, other, description="Doel")
        services.action_add(alice, goal, description="Bellen", who="staff",
                            due_on=timezone.localdate())
        services.evaluation_add(alice, other, held_on=timezone.localdate(), notes="ok",
                                next_on=timezone.localdate() + timezone.timedelta(days=3))

    client.force_login(alice)
    busy_case(0)
    with CaptureQueriesContext(connection) as one:
        client.get("/mijn-werk/")
    for i in range(1, 5):
        busy_case(i)
    with CaptureQueriesContext(connection) as five:
        page = client.get("/mijn-werk/").content.decode()
    assert "Mijn open dossiers (5)" in page and page.count("Bellen") == 5
    assert len(five.captured_queries) == len(one.captured_queries)


def test_a_person_is_edited_and_only_field_names_are_audited(client, alice, bob, case):
    from woonloket.core.models import AuditEntry

    person = case.household.members.get()
    client.force_login(alice)
    path = f"/personen/{person.pk}/bewerken/"
    data = {"first_name": "Céline", "last_name": "Van de Putte", "birth_date": "1985-07-30",
            "phone": "0470 12 34 56", "language": "Frans", "is_dependant": ""}
    assert client.post(path, data).status_code == 302
    person.refresh_from_db()
    assert person.phone == "0470 12 34 56" and person.language == "Frans"
    entry = AuditEntry.objects.filter(object_type="clients.person", action="update").get()
    assert entry.changes == {"fields": ["language", "phone"]}
    bad = client.post(path, {**data, "national_number": "85073003329"})
    assert "klopt niet" in bad.content.decode()
    client.force_login(bob)
    assert client.get(path).status_code == 404


def test_a_duplicate_household_is_merged_from_the_household_page(client, alice, bob, case):
    duplicate = open_case(alice, first="Celine", last="Vandeputte").household
    client.force_login(alice)
    path = f"/gezinnen/{case.household_id}/"
    assert client.post(path, {"merge": "1", "merge-other": duplicate.pk}).status_code == 302
    assert case.household.cases.count() == 2 and case.household.members.count() == 2
    for other in (case.household_id, 999999):
        response = client.post(path, {"merge": "1", "merge-other": other})
        assert response.status_code == 200
    assert "Onbekend gezin." in response.content.decode()
    bobs = open_case(bob, first="Bob", last="Claes").household
    response = client.post(path, {"merge": "1", "merge-other": bobs.pk})
    assert "Onbekend gezin." in response.content.decode()


@pytest.mark.parametrize("goal_id", ["abc", "", "999999"])
def test_an_action_for_a_bad_goal_is_a_404(client, alice, case, goal_id):
    services.goal_add(alice, case, description="Doel")
    client.force_login(alice)
    response = client.post(f"/dossiers/{case.pk}/handelingsplan/", {
        "action": "1", "goal_id": goal_id, "action-description": "x", "action-who": "client"})
    assert response.status_code == 404
    assert not Action.objects.exists()
