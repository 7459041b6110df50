"""Pages of the pool: search, unit and calendar, board, occupancy, the
calltaker screen, applications, kracht.wonen and the allocation key."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from woonloket.cases.models import Case
from woonloket.housing import rules, services
from woonloket.housing.admission import CRITERIA
from woonloket.housing.models import Application, NetworkTask, Registration, Stay

from .conftest import d

TODAY = timezone.localdate()


def _login(client, user):
    client.force_login(user)
    return client


def test_search_lists_free_units_nearest_first(client, carol, make_unit, make_case):
    far, near = make_unit("37017"), make_unit("36008")
    taken = make_unit("36008", name="Bezette woning")
    services.stay_book(carol, unit_id=taken.pk, case_id=make_case().pk, kind="crisisopvang",
                       first_night=TODAY, last_night=TODAY + timedelta(days=30))
    page = _login(client, carol).get("/woningen/", {
        "first_night": TODAY, "last_night": TODAY + timedelta(days=2),
        "region": "regio-izegem", "near": "36008"}).content.decode()
    assert "Bezette woning" not in page
    assert page.index(near.name) < page.index(far.name)
    assert "zelfde gemeente" in page


def test_search_with_a_reversed_period_says_so_in_dutch(client, carol):
    page = _login(client, carol).get("/woningen/", {
        "first_night": "2026-12-10", "last_night": "2026-12-01"}).content.decode()
    assert "De laatste nacht ligt voor de eerste nacht." in page


def test_a_coordinator_adds_a_unit_by_form(client, carol):
    response = _login(client, carol).post("/woningen/nieuw/", {
        "kind": "noodwoning", "municipality": "36007", "persons": 5, "bedrooms": 2,
        "status": "beschikbaar", "street": "Stationsstraat", "number": "3"})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Noodwoning Ingelmunster 1" in page and "Stationsstraat 3" in page


def test_a_partner_cannot_add_units(client, bob):
    assert _login(client, bob).get("/woningen/nieuw/").status_code == 403


def test_booking_on_the_unit_page_shows_the_stay_in_the_calendar(
        client, carol, make_unit, make_case):
    unit, case = make_unit(), make_case("Vermeulen")
    response = _login(client, carol).post(f"/woningen/{unit.pk}/", {
        "book": "1", "kind": "crisisopvang", "case_id": case.pk,
        "first_night": TODAY, "last_night": TODAY + timedelta(days=3)})
    assert response.status_code == 302
    page = client.get(f"/woningen/{unit.pk}/").content.decode()
    assert "Vermeulen" in page and "kind-crisisopvang" in page


def test_a_double_booking_on_the_unit_page_is_a_dutch_error(
        client, carol, make_unit, make_case):
    unit = make_unit()
    services.stay_book(carol, unit_id=unit.pk, case_id=make_case().pk, kind="crisisopvang",
                       first_night=TODAY, last_night=TODAY + timedelta(days=3))
    page = _login(client, carol).post(f"/woningen/{unit.pk}/", {
        "book": "1", "kind": "crisisopvang", "case_id": make_case("B").pk,
        "first_night": TODAY + timedelta(days=1)}).content.decode()
    assert "De woning is al bezet" in page or "Deze nachten zijn al geboekt." in page
    assert Stay.objects.count() == 1


def test_the_owner_sees_a_network_stay_the_partner_only_that_it_is_taken(
        client, carol, calltaker, bob, make_unit):
    """bob works for organisation B, neither the owner nor the booking network."""
    unit = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    services.network_book(calltaker, unit_id=unit.pk, first_name="Sam", last_name="Desmet",
                          persons=1, municipality_nis="36008", situation="Uit huis gezet.",
                          criteria=[c for c, _ in CRITERIA], tonight=TODAY)
    owner_page = _login(client, carol).get(f"/woningen/{unit.pk}/").content.decode()
    assert "Desmet" in owner_page
    client.logout()
    partner_page = _login(client, bob).get(f"/woningen/{unit.pk}/").content.decode()
    assert "Desmet" not in partner_page and "bezet" in partner_page


def test_the_board_shows_every_unit_with_bars_and_fixed_queries(
        client, carol, make_unit, make_case):
    _login(client, carol)
    unit = make_unit()
    services.stay_book(carol, unit_id=unit.pk, case_id=make_case("Eerst").pk,
                       kind="crisisopvang", first_night=TODAY + timedelta(days=20),
                       last_night=TODAY + timedelta(days=25))
    url = f"/woningen/bezetting/?region=regio-izegem&start={TODAY}&weeks=12"
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for i in range(6):
        other = make_unit("36007" if i % 2 else "37010")
        services.stay_book(carol, unit_id=other.pk, case_id=make_case(f"N{i}").pk,
                           kind="crisisopvang", first_night=TODAY + timedelta(days=i),
                           last_night=TODAY + timedelta(days=i + 5))
    services.stay_book(carol, unit_id=unit.pk, kind="onderhoud", first_night=TODAY,
                       last_night=TODAY + timedelta(days=2))
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert len(many.captured_queries) == len(few.captured_queries)
    assert page.count('class="bar kind-crisisopvang"') == 7
    assert page.count('class="bar kind-onderhoud"') == 1
    assert page.count('class="unit-label"') == 7


def test_occupancy_rate_per_unit_municipality_and_kind(client, carol, make_unit, make_case):
    unit = make_unit()
    services.stay_book(carol, unit_id=unit.pk, case_id=make_case().pk, kind="crisisopvang",
                       first_night=d("2026-01-01"), last_night=d("2026-01-15"))
    services.stay_book(carol, unit_id=unit.pk, kind="onderhoud", first_night=d("2026-01-21"),
                       last_night=d("2026-01-30"))
    page = _login(client, carol).get("/woningen/bezettingsgraad/", {
        "region": "regio-izegem", "period_from": "2026-01-01",
        "period_to": "2026-01-30"}).content.decode()
    # 15 occupied nights over 30 - 10 maintenance nights = 75 %
    assert "75 %" in page and "Izegem" in page


def _criteria():
    return [c for c, _ in CRITERIA]


def test_the_calltaker_books_a_bed_until_the_next_working_day(client, calltaker, make_unit):
    unit = make_unit(kind="crisisbed", persons=2, in_crisis_network=True)
    make_unit(kind="crisiswoning", in_crisis_network=False, name="Niet in het netwerk")
    _login(client, calltaker)
    page = client.get("/crisisnetwerk/").content.decode()
    assert f'name="unit_id" value="{unit.pk}"' in page and "Niet in het netwerk" not in page
    response = client.post("/crisisnetwerk/", {
        "criteria": _criteria(), "unit_id": unit.pk, "first_name": "Sam",
        "last_name": "Desmet", "persons": 1, "municipality": "36008",
        "situation": "Na een conflict op straat gezet."})
    assert response.status_code == 302, response.content.decode()[:3000]
    stay = Stay.objects.get()
    first, last = rules.network_booking_nights(TODAY)
    assert (stay.kind, stay.first_night, stay.last_night) == ("crisisnetwerk", first, last)
    assert stay.case.lead_organisation_id == unit.organisation_id
    task = NetworkTask.objects.get()
    assert task.due_on == rules.next_working_day(TODAY)
    assert task.organisation_id == unit.organisation_id
    assert f'name="unit_id" value="{unit.pk}"' not in client.get("/crisisnetwerk/").content.decode()


def test_the_calltaker_must_tick_every_criterion(client, calltaker, make_unit):
    unit = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    page = _login(client, calltaker).post("/crisisnetwerk/", {
        "criteria": _criteria()[:-1], "unit_id": unit.pk, "first_name": "Sam",
        "last_name": "Desmet", "persons": 1, "municipality": "36008",
        "situation": "x"}).content.decode()
    assert "Nog na te gaan" in page
    assert not Stay.objects.exists() and not Case.objects.exists()


def test_a_bed_too_small_for_the_household_is_refused(client, calltaker, make_unit):
    unit = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    page = _login(client, calltaker).post("/crisisnetwerk/", {
        "criteria": _criteria(), "unit_id": unit.pk, "first_name": "Sam",
        "last_name": "Desmet", "persons": 3, "municipality": "36008",
        "situation": "x"}).content.decode()
    assert "slaapt hoogstens 1 personen" in page
    assert not Stay.objects.exists()


def test_the_owner_sees_the_task_on_the_dashboard_and_marks_it_done(
        client, calltaker, alice, make_unit):
    unit = make_unit(kind="crisisbed", persons=1, in_crisis_network=True)
    services.network_book(calltaker, unit_id=unit.pk, first_name="Sam", last_name="Desmet",
                          persons=1, municipality_nis="36008", situation="x",
                          criteria=_criteria(), tonight=TODAY)
    page = _login(client, alice).get("/overzicht/").content.decode()
    assert "Opvolging na het crisisnetwerk" in page and "Sam Desmet" in page
    task = NetworkTask.objects.get()
    client.post(f"/crisisnetwerk/taken/{task.pk}/opgevolgd/", {"next": "/overzicht/"})
    task.refresh_from_db()
    assert task.done_on == TODAY and task.done_by == alice


def test_a_volunteer_has_no_calltaker_screen(client, make_user, org_a):
    volunteer = make_user("vera", "volunteer", org_a)
    assert _login(client, volunteer).get("/crisisnetwerk/").status_code == 403


def _scores(value=2):
    return {f"score_{c}": value for c in rules.CRITERION_CODES} | {
        f"motivation_{c}": "Uit het sociaal onderzoek." for c in rules.CRITERION_CODES}


def test_applications_are_ranked_and_granted_into_a_crisis_home(
        client, carol, make_unit, make_case):
    _login(client, carol)
    low, high, acute = make_case("Laag"), make_case("Hoog"), make_case("Brand")
    for case, score, extra in ((low, 1, {"inquiry_on": TODAY}), (high, 3, {"inquiry_on": TODAY}),
                               (acute, 0, {"acute": "on"})):
        response = client.post("/woningen/aanvragen/", {
            "case_id": case.pk, "applied_on": TODAY, **extra, **_scores(score)})
        assert response.status_code == 302
    page = client.get("/woningen/aanvragen/").content.decode()
    assert page.index(f"#{acute.pk}<") < page.index(f"#{high.pk}<") < page.index(f"#{low.pk}<")
    unit = make_unit()
    application = Application.objects.get(case=high)
    response = client.post(f"/woningen/aanvragen/{application.pk}/", {
        "status": "granted", "decision_reason": "Hoogste score.", "unit_id": unit.pk,
        "first_night": TODAY})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "granted" and application.stay.unit == unit


def test_an_application_without_inquiry_or_motivation_is_refused(client, carol, make_case):
    case = make_case()
    scores = _scores() | {"motivation_veiligheid": ""}
    page = _login(client, carol).post("/woningen/aanvragen/", {
        "case_id": case.pk, "applied_on": TODAY, **scores}).content.decode()
    assert "Dit veld is verplicht" in page or "Motiveer" in page
    page = client.post("/woningen/aanvragen/", {
        "case_id": case.pk, "applied_on": TODAY, **_scores()}).content.decode()
    assert "sociaal onderzoek" in page
    assert not Application.objects.exists()


def test_kracht_wonen_registration_by_form_and_funnel(client, alice, make_case):
    case = make_case()
    _login(client, alice)
    response = client.post("/kracht-wonen/", {"case_id": case.pk, "region": "w13"})
    assert response.status_code == 302
    registration = Registration.objects.get()
    client.post(f"/kracht-wonen/{registration.pk}/", {"stage": "aanbod_voorgesteld"})
    client.post(f"/kracht-wonen/{registration.pk}/", {
        "consultation": "1", "overleg-held_on": TODAY, "overleg-participants": "CAW, OCMW",
        "overleg-conclusions": "Team zet in."})
    page = client.get("/kracht-wonen/").content.decode()
    assert "Aanbod voorgesteld" in page
    registration.refresh_from_db()
    assert registration.stage == "aanbod_voorgesteld" and registration.offered_on == TODAY
    assert registration.consultations.count() == 1


@pytest.mark.parametrize("url", ["/woningen/", "/woningen/bezetting/",
                                 "/woningen/bezettingsgraad/", "/woningen/verdeelsleutel/"])
def test_pool_pages_need_a_login(client, url):
    assert client.get(url).status_code == 302


def test_allocation_page_explains_a_missing_population(client, carol):
    page = _login(client, carol).get("/woningen/verdeelsleutel/", {
        "region": "regio-izegem", "homes": 5}).content.decode()
    assert "Het inwonertal is onbekend voor" in page and "import_population" in page


def test_the_meldpunt_places_a_registration_in_a_temporary_home(
        client, carol, make_unit, make_case):
    case = make_case()
    unit = make_unit(kind="doorgangswoning", in_regional_pool=True)
    stay = services.stay_book(carol, unit_id=unit.pk, case_id=case.pk, kind="kracht_wonen",
                              first_night=TODAY, agreement_signed_on=TODAY,
                              conditions=["budgetbeheer"])
    registration = services.registration_create(carol, case_id=case.pk, region="w13")
    _login(client, carol)
    page = client.get(f"/kracht-wonen/{registration.pk}/").content.decode()
    assert unit.name in page  # offered as the temporary home
    client.post(f"/kracht-wonen/{registration.pk}/", {"stage": "tijdelijke_woning",
                                                      "stay_id": stay.pk})
    registration.refresh_from_db()
    assert registration.stage == "tijdelijke_woning" and registration.stay == stay
    assert registration.placed_on == TODAY
