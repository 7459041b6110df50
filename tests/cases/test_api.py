"""The case-management API contract: households, cases, contacts, referrals, people."""

from datetime import timedelta

import pytest
from django.utils import timezone

from woonloket.cases.models import Case
from woonloket.clients.models import Household, Person
from woonloket.core.models import AuditEntry


def test_a_household_is_registered_with_its_members(api, alice, org_a, household_payload):
    response = api(alice).post("/households", household_payload())
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["organisation_id"] == org_a.pk and body["municipality_nis"] == "36008"
    assert body["monthly_income_eur"] == "1450.50" or body["monthly_income_eur"] == 1450.5
    assert [m["first_name"] for m in body["members"]] == ["Céline", "Lotte"]
    assert AuditEntry.objects.filter(object_type="clients.household", action="create").exists()


@pytest.mark.parametrize("change, field, message", [
    ({"municipality_nis": "99999"}, "municipality_nis", "Onbekende NIS-code"),
    ({"tenure": "kasteel"}, "tenure", "Kies een van"),
    ({"monthly_income_eur": -5}, "monthly_income_eur", "Moet minstens 0"),
    ({"members": []}, "members", "Te weinig"),
])
def test_bad_household_input_is_a_422(api, alice, household_payload, change, field, message):
    response = api(alice).post("/households", household_payload(**change))
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors[field].startswith(message), errors
    assert not Household.objects.exists() and not Person.objects.exists()


def test_an_invalid_national_number_is_refused_in_dutch(api, alice, household_payload):
    payload = household_payload()
    payload["members"][0]["national_number"] = "85073003329"
    response = api(alice).post("/households", payload)
    assert response.status_code == 422
    assert response.json()["errors"] == [{
        "field": "members.0.national_number",
        "message": "Dit rijksregisternummer klopt niet (controlecijfers of geboortedatum).",
    }]


def test_a_known_national_number_is_a_conflict(api, alice, household_payload):
    first = api(alice).post("/households", household_payload()).json()
    response = api(alice).post("/households", household_payload())
    assert response.status_code == 409
    assert f"gezin #{first['id']}" in response.json()["errors"][0]["message"]
    assert Household.objects.count() == 1


def test_a_case_is_opened_and_becomes_priority_at_the_third_contact(api, alice, case_of):
    case = case_of(alice)
    assert case["status"] == "aangemeld" and case["is_priority"] is False
    assert case["themes"] == ["dreigende_dakloosheid", "huurwetgeving"]
    assert case["contact_person_id"] == alice.pk
    now = timezone.now()
    for days in (10, 5, 1):
        response = api(alice).post(f"/cases/{case['id']}/contacts", {
            "at": (now - timedelta(days=days)).isoformat(), "channel": "loket",
            "minutes": 30, "summary": "Gesprek over de huurachterstand.",
        })
        assert response.status_code == 201, response.content
    body = api(alice).get(f"/cases/{case['id']}").json()
    assert body["is_priority"] is True and body["status"] == "intake"
    assert body["priority_since"] == timezone.localdate(now - timedelta(days=1)).isoformat()
    assert body["priority_reason"] == "3 contacten met de cliënt"


def test_consultations_do_not_count_as_contacts_with_the_client(api, alice, case_of):
    case = case_of(alice)
    for _ in range(3):
        api(alice).post(f"/cases/{case['id']}/contacts", {
            "at": timezone.now().isoformat(), "channel": "overleg", "minutes": 15,
            "summary": "Overleg met OCMW.",
        })
    assert api(alice).get(f"/cases/{case['id']}").json()["is_priority"] is False


@pytest.mark.parametrize("payload, field", [
    ({"channel": "duif", "minutes": 5, "summary": "x"}, "channel"),
    ({"channel": "loket", "minutes": -1, "summary": "x"}, "minutes"),
    ({"channel": "loket", "minutes": 5, "summary": ""}, "summary"),
    ({"channel": "loket", "minutes": 5, "summary": "x", "at": "gisteren"}, "at"),
    ({"channel": "loket", "minutes": 5, "summary": "x", "at": "2099-01-01T10:00:00"}, "at"),
])
def test_bad_contacts_are_422(api, alice, case_of, payload, field):
    case = case_of(alice)
    payload = {"at": timezone.now().isoformat(), **payload}
    response = api(alice).post(f"/cases/{case['id']}/contacts", payload)
    assert response.status_code == 422
    assert field in [e["field"] for e in response.json()["errors"]]


def test_bad_case_input_is_422(api, alice, case_of):
    household_id = case_of(alice)["household_id"]
    response = api(alice).post("/cases", {
        "household_id": household_id, "municipality_nis": "36008", "themes": ["spoken"],
        "source": "loket",
    })
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "themes.0"
    response = api(alice).post("/cases", {
        "household_id": 999999, "municipality_nis": "36008", "themes": ["energie"],
        "source": "loket",
    })
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "household_id", "message": "Onbekend gezin."}]


def test_other_organisations_do_not_see_the_case(api, alice, bob, case_of):
    case = case_of(alice)
    assert api(bob).get(f"/cases/{case['id']}").status_code == 404
    assert api(bob).get("/cases").json()["count"] == 0
    assert api(bob).get("/people", q="Van de Putte").json()["count"] == 0
    response = api(bob).post(f"/cases/{case['id']}/contacts", {
        "at": timezone.now().isoformat(), "channel": "loket", "minutes": 5, "summary": "x"})
    assert response.status_code == 404


def test_case_list_filters(api, alice, case_of):
    case = case_of(alice)
    client = api(alice)
    assert client.get("/cases", municipality_nis="36008").json()["count"] == 1
    assert client.get("/cases", municipality_nis="34022").json()["count"] == 0
    assert client.get("/cases", status="aangemeld").json()["items"][0]["id"] == case["id"]
    assert client.get("/cases", is_priority="true").json()["count"] == 0
    assert client.get("/cases", status="zomaar").status_code == 422


def test_case_list_has_a_fixed_number_of_queries(api, alice, case_of, household_payload,
                                                  django_assert_num_queries):
    case_of(alice)
    client = api(alice)
    client.get("/cases")
    with django_assert_num_queries(6):
        client.get("/cases")
    for i in range(4):
        payload = household_payload()
        payload["members"][0]["national_number"] = None
        payload["members"][0]["first_name"] = f"Kind{i}"
        household = client.post("/households", payload).json()
        client.post("/cases", {"household_id": household["id"], "municipality_nis": "36008",
                               "themes": ["energie"], "source": "telefoon"})
    with django_assert_num_queries(6):
        assert client.get("/cases").json()["count"] == 5


class TestReferrals:
    def refer(self, api, user, case, to, **consent):
        return api(user).post("/referrals", {
            "case_id": case["id"], "to_organisation_id": to.pk, "reason": "Budgetbegeleiding",
            "consent": {"purpose": "budgetbegeleiding", "scope": ["dossier"],
                        "expires_on": (timezone.localdate() + timedelta(days=90)).isoformat(),
                        **consent},
        })

    def test_the_receiving_organisation_sees_what_the_consent_covers(
        self, api, alice, bob, org_b, case_of
    ):
        case = case_of(alice)
        api(alice).post(f"/cases/{case['id']}/contacts", {
            "at": timezone.now().isoformat(), "channel": "loket", "minutes": 5, "summary": "x"})
        response = self.refer(api, alice, case, org_b)
        assert response.status_code == 201, response.content
        referral = response.json()
        assert referral["status"] == "verstuurd"
        assert api(bob).get(f"/cases/{case['id']}").status_code == 200
        # the consent covers the dossier, not the contacts
        assert api(bob).get(f"/cases/{case['id']}/contacts").json() == []
        assert api(bob).get("/people", q="Van de Putte").json()["count"] == 2
        assert AuditEntry.objects.filter(actor=bob, action="read",
                                         object_type="cases.case").exists()

    def test_expired_consent_shows_nothing_more(self, api, alice, bob, org_b, case_of):
        from woonloket.core.models import Share

        case = case_of(alice)
        self.refer(api, alice, case, org_b)
        Share.objects.update(valid_until=timezone.localdate() - timedelta(days=1),
                             valid_from=timezone.localdate() - timedelta(days=30))
        assert api(bob).get(f"/cases/{case['id']}").status_code == 404

    def test_status_follows_the_workflow(self, api, alice, bob, org_b, case_of):
        case = case_of(alice)
        referral = self.refer(api, alice, case, org_b).json()
        path = f"/referrals/{referral['id']}"
        # only the receiving organisation accepts
        assert api(alice).patch(path, {"status": "aanvaard"}).status_code == 403
        assert api(bob).patch(path, {"status": "afgerond"}).status_code == 422
        assert api(bob).patch(path, {"status": "aanvaard"}).json()["status"] == "aanvaard"
        assert api(alice).patch(path, {"status": "afgerond"}).json()["status"] == "afgerond"
        assert api(bob).patch(path, {"status": "bestaat-niet"}).status_code == 422

    @pytest.mark.parametrize("consent, field", [
        ({"scope": ["alles"]}, "consent.scope.0"),
        ({"expires_on": "2000-01-01"}, "consent.expires_on"),
        ({"purpose": ""}, "consent.purpose"),
    ])
    def test_bad_referrals_are_422(self, api, alice, org_b, case_of, consent, field):
        case = case_of(alice)
        response = self.refer(api, alice, case, org_b, **consent)
        assert response.status_code == 422
        assert field in [e["field"] for e in response.json()["errors"]]

    def test_an_unknown_referral_is_404(self, api, bob):
        assert api(bob).patch("/referrals/999", {"status": "aanvaard"}).status_code == 404


class TestPeopleSearch:
    @pytest.fixture
    def people(self, api, alice, household_payload):
        client = api(alice)
        client.post("/households", household_payload())
        client.post("/households", {
            "members": [{"first_name": "Jan", "last_name": "Peeters", "relation": "self"}],
            "municipality_nis": "36007", "tenure": "social_rent", "street": "Stationsstraat",
            "number": "12",
        })
        return client

    @pytest.mark.parametrize("q, expected", [
        ("Vandeputte", {"Céline", "Lotte"}),
        ("van de putte", {"Céline", "Lotte"}),
        ("Celine", {"Céline"}),
        ("Céline Vandeputte", {"Céline"}),
        ("Vandeptte", {"Céline", "Lotte"}),  # a typo
        ("Peters", {"Jan"}),
        ("85.07.30-033.28", {"Céline"}),
        ("Stationsstraat 12", {"Jan"}),
    ])
    def test_it_finds_people_despite_typos_and_accents(self, people, q, expected):
        items = people.get("/people", q=q).json()["items"]
        found = [p["first_name"] for p in items]
        # the best matches come first; weaker ones (a relative) may follow
        assert set(found[:len(expected)]) == expected, found
        assert "Jan" not in found or "Jan" in expected

    def test_a_too_short_query_is_422(self, people):
        assert people.get("/people", q="a").status_code == 422

    def test_searches_are_audited(self, people, alice):
        people.get("/people", q="Peeters")
        assert AuditEntry.objects.filter(actor=alice, action="list",
                                         object_type="clients.person").exists()


def test_a_case_needs_the_lead_organisation_when_the_caller_has_several(
    api, alice, org_b, case_of
):
    from woonloket.core.models import Membership

    household_id = case_of(alice)["household_id"]
    Membership.objects.create(user=alice, organisation=org_b, role="woonbegeleider")
    response = api(alice).post("/cases", {"household_id": household_id,
                                          "municipality_nis": "36008", "themes": ["energie"],
                                          "source": "loket"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "lead_organisation_id"
    assert Case.objects.count() == 1


def test_people_search_has_a_fixed_number_of_queries(api, alice, household_payload,
                                                    django_assert_num_queries):
    client = api(alice)
    client.post("/households", household_payload())
    client.get("/people", q="Putte")
    # token, memberships, shared households, contained names, similar names, audit
    with django_assert_num_queries(6):
        client.get("/people", q="Putte")
    for i in range(5):
        payload = household_payload()
        payload["members"][0]["national_number"] = None
        payload["members"][0]["first_name"] = f"Anna{i}"
        client.post("/households", payload)
    with django_assert_num_queries(6):
        assert client.get("/people", q="Putte").json()["count"] == 12
