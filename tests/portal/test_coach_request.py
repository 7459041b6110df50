"""Vraag een renovatiecoach: the citizen's form, the organisation it goes to,
and the back office's scoped list and actions."""

import pytest

from woonloket.cases.models import Case
from woonloket.core.models import AuditEntry, Organisation
from woonloket.energy.models import CoachRequest
from woonloket.portal import services

pytestmark = pytest.mark.django_db

CONTACT = {"name": "Jan Peeters", "email": "jan@example.be", "phone": "",
           "street": "Kortrijksestraat", "number": "12", "postal_code": "8870",
           "message": "Waar begin ik best?", "consent": "on"}


def ask(client, scan, data):
    return client.post(f"/energiescan/{scan.token}/renovatiecoach/", data)


def test_the_form_shows_the_consent_text_and_the_organisation(client, make_scan, org_a):
    scan = make_scan()
    html = client.get(f"/energiescan/{scan.token}/renovatiecoach/").content.decode()
    assert "Ik geef Woondienst Regio Izegem (test) toestemming" in html
    assert 'aria-describedby="consent-text"' in html
    assert "<script" not in html and "style=" not in html


def test_a_request_with_consent_goes_to_the_back_office(client, make_scan, org_a):
    scan = make_scan()
    response = ask(client, scan, CONTACT)
    assert response.status_code == 302
    assert response["Location"] == f"/energiescan/{scan.token}/renovatiecoach/bedankt/"
    request = CoachRequest.objects.get()
    assert request.organisation == org_a and request.municipality_id == "36008"
    assert request.scan == scan and request.status == "nieuw"
    assert request.name == "Jan Peeters" and request.postal_code == "8870"
    assert "Woondienst Regio Izegem (test)" in request.consent_text and request.consent_at
    entry = AuditEntry.objects.get(object_type="energy.coachrequest", action="create")
    assert entry.actor is None and entry.actor_name == "systeem"
    assert entry.organisation_id == org_a.pk and entry.object_id == str(request.pk)
    thanks = client.get(response["Location"])
    assert "uw vraag is doorgegeven" in thanks.content.decode()


def test_without_consent_nothing_is_kept(client, make_scan, org_a):
    scan = make_scan()
    response = ask(client, scan, {**CONTACT, "consent": ""})
    assert response.status_code == 422
    assert not CoachRequest.objects.exists()
    assert response.context["form"].errors["consent"] == [
        "Zonder uw toestemming kunnen we uw vraag niet doorgeven."]
    assert not AuditEntry.objects.filter(object_type="energy.coachrequest").exists()


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"email": "", "phone": ""}, "email", "Geef een e-mailadres of een telefoonnummer"),
    ({"name": ""}, "name", "Geef uw naam"),
    ({"email": "geen-adres"}, "email", "Dit is geen geldig e-mailadres."),
    ({"email": "", "phone": "bel me"}, "phone", "Dit is geen telefoonnummer"),
    ({"postal_code": "88"}, "postal_code", "Een postcode heeft 4 cijfers."),
])
def test_bad_contact_details(client, make_scan, org_a, changes, field, message):
    response = ask(client, make_scan(), {**CONTACT, **changes})
    assert response.status_code == 422
    assert message in response.context["form"].errors[field][0]
    assert not CoachRequest.objects.exists()


def test_a_phone_number_alone_is_enough(client, make_scan, org_a):
    assert ask(client, make_scan(), {**CONTACT, "email": "", "phone": "+32 51 12 34 56"}
               ).status_code == 302
    assert CoachRequest.objects.get().phone == "+32 51 12 34 56"


def test_no_organisation_for_the_municipality(client, make_scan, org_a):
    scan = make_scan(municipality_nis="11002")  # Antwerpen: no test organisation serves it
    page = client.get(f"/energiescan/{scan.token}/renovatiecoach/").content.decode()
    assert "nog geen organisatie die renovatiebegeleiding aanbiedt" in page
    assert "<form" not in page
    response = ask(client, scan, CONTACT)
    assert response.status_code == 200
    assert not CoachRequest.objects.exists()
    with pytest.raises(services.ServiceError, match="nog geen organisatie"):
        services.coach_request_create(scan, name="Jan", email="jan@example.be", consent=True)
    assert not CoachRequest.objects.exists()


def test_energiehuis_first_then_woondienst(make_scan, org_a, energiehuis):
    ocmw = Organisation.objects.create(name="OCMW Izegem (test)", kind="ocmw")
    ocmw.municipalities.set(["36008"])
    assert services.coach_organisation("36008") == energiehuis
    energiehuis.is_active = False
    energiehuis.save()
    assert services.coach_organisation("36008") == org_a  # woondienst before the OCMW
    org_a.is_active = False
    org_a.save()
    assert services.coach_organisation("36008") == ocmw
    assert services.coach_organisation("11002") is None


# --- back office --------------------------------------------------------------------

@pytest.fixture
def coach_request(make_scan, org_a):
    return services.coach_request_create(make_scan(), consent=True, **{
        k: v for k, v in CONTACT.items() if k != "consent"})


def test_the_list_is_scoped(client, coach_request, alice, bob):
    client.force_login(alice)
    html = client.get("/energie/vragen/").content.decode()
    assert "Jan Peeters" in html and f"/energie/vragen/{coach_request.pk}/" in html
    listed = AuditEntry.objects.get(action="list", object_type="energy.coachrequest")
    assert listed.changes == {"ids": [str(coach_request.pk)]}
    client.force_login(bob)
    html = client.get("/energie/vragen/").content.decode()
    assert "Jan Peeters" not in html and "Geen vragen gevonden." in html
    assert client.get(f"/energie/vragen/{coach_request.pk}/").status_code == 404
    assert client.post(f"/energie/vragen/{coach_request.pk}/",
                       {"status": "afgehandeld"}).status_code == 404
    coach_request.refresh_from_db()
    assert coach_request.status == "nieuw"


def test_the_list_needs_a_login(client, coach_request):
    response = client.get("/energie/vragen/")
    assert response.status_code == 302 and "/account/aanmelden/" in response["Location"]


def test_status_filter_and_newest_first(client, make_scan, org_a, alice):
    first = services.coach_request_create(make_scan(), name="Eerste Aanvrager",
                                          phone="051 11 22 33", consent=True)
    second = services.coach_request_create(make_scan(), name="Tweede Aanvrager",
                                           phone="051 11 22 34", consent=True)
    services.coach_request_set_status(alice, first, "afgehandeld")
    client.force_login(alice)
    html = client.get("/energie/vragen/").content.decode()
    assert html.index("Tweede Aanvrager") < html.index("Eerste Aanvrager")
    html = client.get("/energie/vragen/?status=nieuw").content.decode()
    assert "Tweede Aanvrager" in html and "Eerste Aanvrager" not in html
    assert second.pk


def test_the_list_has_a_fixed_number_of_queries(client, make_scan, org_a, alice,
                                                count_queries):
    client.force_login(alice)

    def add(n):
        for i in range(n):
            services.coach_request_create(make_scan(), name=f"Aanvrager {i}",
                                          phone="051 11 22 33", consent=True)

    add(1)
    few = count_queries(lambda: client.get("/energie/vragen/"))
    add(6)
    many = count_queries(lambda: client.get("/energie/vragen/"))
    assert few == many


def test_reading_a_request_is_audited(client, coach_request, alice):
    client.force_login(alice)
    response = client.get(f"/energie/vragen/{coach_request.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "jan@example.be" in html and "Waar begin ik best?" in html
    assert f"/energiescan/{coach_request.scan.token}/" in html
    entry = AuditEntry.objects.get(action="read", object_type="energy.coachrequest")
    assert entry.actor == alice and entry.organisation_id == coach_request.organisation_id


def test_take_up_and_close(client, coach_request, alice):
    client.force_login(alice)
    url = f"/energie/vragen/{coach_request.pk}/"
    assert client.post(url, {"status": "in_behandeling"}).status_code == 302
    coach_request.refresh_from_db()
    assert coach_request.status == "in_behandeling" and coach_request.handled_by == alice
    assert client.post(url, {"status": "afgehandeld"}).status_code == 302
    coach_request.refresh_from_db()
    assert coach_request.status == "afgehandeld"
    updates = AuditEntry.objects.filter(action="update", object_type="energy.coachrequest")
    assert [e.changes["status"] for e in updates.order_by("pk")] == [
        ["nieuw", "in_behandeling"], ["in_behandeling", "afgehandeld"]]
    # closed twice is refused in Dutch, without a 500
    response = client.post(url, {"status": "afgehandeld"}, follow=True)
    assert "al &#x27;afgehandeld&#x27;" in response.content.decode()


def test_open_a_case_from_the_request(client, coach_request, alice):
    client.force_login(alice)
    url = f"/energie/vragen/{coach_request.pk}/"
    page = client.get(url)
    assert page.context["open_form"].initial == {"first_name": "Jan", "last_name": "Peeters"}
    response = client.post(url, {"open_case": "1", "first_name": "Jan",
                                 "last_name": "Peeters", "tenure": "owner"})
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/dossiers/{case.pk}/"
    coach_request.refresh_from_db()
    assert coach_request.case == case and coach_request.status == "in_behandeling"
    assert case.lead_organisation_id == coach_request.organisation_id
    assert case.source == "loket" and list(case.themes.values_list("theme", flat=True)) == [
        "energie"]
    assert case.household.street == "Kortrijksestraat"
    person = case.household.members.get()
    assert (person.first_name, person.last_name) == ("Jan", "Peeters")
    # a second time is refused
    response = client.post(url, {"open_case": "1", "first_name": "Jan",
                                 "last_name": "Peeters", "tenure": "owner"}, follow=True)
    assert Case.objects.count() == 1
    assert "al een dossier geopend" in response.content.decode()


def test_an_energy_coach_takes_it_up_but_opens_no_case(client, coach_request, make_user,
                                                       org_a):
    coach = make_user("coach", "technician", org_a)
    client.force_login(coach)
    url = f"/energie/vragen/{coach_request.pk}/"
    html = client.get(url).content.decode()
    assert "In behandeling nemen" in html and "Open een dossier" not in html
    assert client.post(url, {"status": "in_behandeling"}).status_code == 302
    coach_request.refresh_from_db()
    assert coach_request.status == "in_behandeling" and coach_request.handled_by == coach
    response = client.post(url, {"open_case": "1", "first_name": "Jan",
                                 "last_name": "Peeters", "tenure": "owner"})
    assert response.status_code == 403 and not Case.objects.exists()


def test_open_a_case_needs_a_last_name(client, coach_request, alice):
    client.force_login(alice)
    response = client.post(f"/energie/vragen/{coach_request.pk}/",
                           {"open_case": "1", "first_name": "Jan", "last_name": "",
                            "tenure": "owner"})
    assert response.status_code == 200
    assert response.context["open_form"].errors["last_name"] == ["De familienaam is verplicht."]
    assert not Case.objects.exists()


def test_the_dashboard_shows_new_requests(client, coach_request, alice, bob):
    client.force_login(alice)
    html = client.get("/overzicht/").content.decode()
    assert "1 nieuwe vraag naar een renovatiecoach" in html
    assert "Jan Peeters" not in html  # no names on the dashboard
    client.force_login(bob)
    assert "nieuwe vraag naar een renovatiecoach" not in client.get("/overzicht/").content.decode()


def test_a_second_request_after_the_same_scan_is_refused(client, make_scan, org_a):
    scan = make_scan()
    assert ask(client, scan, CONTACT).status_code == 302
    again = ask(client, scan, CONTACT)
    assert again.status_code == 422
    assert "U vroeg al een renovatiecoach" in again.content.decode()
    assert CoachRequest.objects.count() == 1


def test_requests_share_the_rate_limit_of_the_scans(client, make_scan, org_a, settings):
    settings.WOONLOKET_SCAN_RATE = 2
    scans = [make_scan() for _ in range(3)]
    assert [ask(client, s, CONTACT).status_code for s in scans] == [302, 302, 429]
    assert CoachRequest.objects.count() == 2


def test_a_screening_scan_is_not_public(client, make_scan):
    scan = make_scan()
    scan.origin = "screening"
    scan.save(update_fields=["origin"])
    assert client.get(f"/energiescan/{scan.token}/").status_code == 404
    assert client.get(f"/api/v1/energy/scan/{scan.token}").status_code == 404
