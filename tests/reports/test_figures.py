"""Each key figure on a small hand-built data set whose answer is known,
including the year boundary (31 December / 1 January); the API contract;
entered figures with their source; the PDF text and the XLSX numbers."""

import io
from datetime import date, datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.pdftext import pdf_text
from woonloket.cases import services as cases
from woonloket.cases.models import Case, Contact
from woonloket.clients.services import HouseholdIn, MemberIn, household_register
from woonloket.evictions.models import Petition
from woonloket.reports import dictionary, selectors, services

IZEGEM, INGELMUNSTER = "36008", "36007"


def _case(user, nis=IZEGEM, name="Peeters"):
    household = household_register(user, HouseholdIn(
        municipality_nis=nis, tenure="private_rent",
        members=[MemberIn("An", name, "self")]))
    return cases.case_open(user, household_id=household.pk, municipality_nis=nis,
                           themes=["woningzoektocht"], source="loket")


def _contact(case, user, when: datetime, channel="loket"):
    Contact.objects.create(case=case, at=timezone.make_aware(when), channel=channel, staff=user,
                           minutes=30, summary="x")


@pytest.fixture
def data(alice):
    """Izegem: case A with contacts on 31/12/2025 and 1/1/2026 and 2/1/2026 (priority
    from 2/1/2026); case B with one contact in 2026 and one 'overleg';
    Ingelmunster: case C with one contact in 2026."""
    a, b, c = _case(alice), _case(alice, name="Claes"), _case(alice, INGELMUNSTER, "Smet")
    _contact(a, alice, datetime(2025, 12, 31, 16))
    _contact(a, alice, datetime(2026, 1, 1, 10))
    _contact(a, alice, datetime(2026, 1, 2, 10))
    Case.objects.filter(pk=a.pk).update(is_priority=True, priority_since=date(2026, 1, 2))
    _contact(b, alice, datetime(2026, 3, 3, 10))
    _contact(b, alice, datetime(2026, 3, 4, 10), channel="overleg")
    _contact(c, alice, datetime(2026, 5, 5, 10))
    return a, b, c


def _values(year, ms=(IZEGEM,)):
    return dictionary.compute(year, list(ms), per_municipality=False)


def test_case_figures_count_the_year_the_contact_took_place(data):
    v2026, v2025 = _values(2026), _values(2025)
    assert v2026["clients"]["*"] == 2 and v2025["clients"]["*"] == 1
    assert v2026["contacts"]["*"] == 3           # the 'overleg' does not count
    assert v2025["contacts"]["*"] == 1           # 31 December stays in 2025
    assert v2026["priority_clients"]["*"] == 1 and v2026["priority_contacts"]["*"] == 2
    assert v2026["priority_clients_share"]["*"] == 50.0
    assert v2026["priority_contacts_share"]["*"] == pytest.approx(66.7)
    assert v2026["intensive_cases"]["*"] == 1 and v2025["intensive_cases"].get("*", 0) == 0
    both = _values(2026, (IZEGEM, INGELMUNSTER))
    assert both["clients"]["*"] == 3
    per = dictionary.compute(2026, [IZEGEM, INGELMUNSTER], per_municipality=True,
                             codes=["clients"])
    assert per["clients"] == {IZEGEM: 2, INGELMUNSTER: 1}


def test_eviction_mediation_and_kracht_wonen_figures(data, alice, org_a):
    from woonloket.core.models import Canton, Region
    from woonloket.evictions.models import Mediation
    from woonloket.housing.models import Registration

    a, b, _c = data
    common = dict(organisation=org_a, canton=Canton.objects.get(pk="izegem"),
                  municipality_id=IZEGEM, hearing_at=timezone.now(), landlord_kind="private",
                  landlord_name="X", tenant_name="An Peeters", street="Markt", number="1",
                  postal_code="8870", arrears_eur=1000, monthly_rent_eur=500, source="form",
                  created_by=alice)
    Petition.objects.create(case=a, household=a.household, roll_number="1",
                            received_on=date(2026, 1, 1), outreach_from=date(2026, 1, 1),
                            reached_on=date(2026, 1, 9), hearing_attended=True,
                            outcome="settlement", outcome_on=date(2026, 2, 1), **common)
    Petition.objects.create(case=b, household=b.household, roll_number="2",
                            received_on=date(2025, 12, 31), outreach_from=date(2025, 12, 31),
                            **common)
    Mediation.objects.create(organisation=org_a, case=a, municipality_id=IZEGEM,
                             subject="opzeg", landlord_kind="svk", landlord_name="SVK",
                             opened_on=date(2026, 6, 1), outcome="akkoord",
                             closed_on=date(2026, 7, 1), created_by=alice)
    Registration.objects.create(region=Region.objects.get(code="regio-izegem"),
                                organisation=org_a, case=a, registered_on=date(2026, 2, 2),
                                offered_on=date(2026, 3, 3), stage="aanbod_voorgesteld")
    v = _values(2026)
    assert v["eviction_petitions"]["*"] == 1 and v["eviction_reached_share"]["*"] == 100.0
    assert v["eviction_hearings_attended"]["*"] == 1
    assert v["eviction_outcome_settlement"]["*"] == 1
    assert _values(2025)["eviction_petitions"]["*"] == 1
    assert v["mediations"]["*"] == 1 and v["mediation_agreements"]["*"] == 1
    assert v["kracht_wonen_registrations"]["*"] == 1 and v["kracht_wonen_offers"]["*"] == 1


def test_crisis_nights_and_occupancy_over_the_year(alice, org_a, carol, data):
    from woonloket.housing import services as housing

    a, _b, _c = data
    unit = housing.unit_create(carol, municipality_nis=IZEGEM, kind="crisiswoning", persons=2)
    housing.stay_book(carol, unit_id=unit.pk, case_id=a.pk, kind="crisisopvang",
                      first_night=date(2025, 12, 30), last_night=date(2026, 1, 9))
    v = _values(2026)
    assert v["crisis_nights"]["*"] == 9                 # 1..9 January
    assert _values(2025)["crisis_nights"]["*"] == 2     # 30 and 31 December
    assert v["crisis_stays"].get("*", 0) == 0 and _values(2025)["crisis_stays"]["*"] == 1
    assert v["crisis_occupancy_rate"]["*"] == round(100 * 9 / 365, 1)


def test_the_api_returns_the_contract_codes(api, root, data):
    response = api(root).get("/reports/figures", year=2026, municipality_nis=IZEGEM)
    assert response.status_code == 200, response.content
    body = response.json()
    items = {i["code"]: i for i in body["items"]}
    for code in ("clients", "priority_clients", "contacts", "priority_contacts",
                 "intensive_cases", "crisis_shelter_questions", "eviction_petitions",
                 "kracht_wonen_registrations"):
        assert code in items, code
    assert items["clients"]["value"] == 2 and items["clients"]["name"] == "Cliënten"
    assert body["year"] == 2026
    region = api(root).get("/reports/figures", year=2026, region="regio-izegem").json()
    assert {i["code"]: i["value"] for i in region["items"]}["clients"] == 3
    definitions = api(root).get("/reports/figures/definitions").json()
    assert {d["code"] for d in definitions} >= set(items)
    assert all(d["definition"] for d in definitions)
    assert api(root).get("/reports/figures", year=2026).status_code == 422
    assert api(root).get("/reports/figures", year=2026, municipality_nis="99999"
                         ).status_code == 404


def test_a_counsellor_has_no_reports(api, alice):
    assert api(alice).get("/reports/figures", year=2026,
                          municipality_nis=IZEGEM).status_code == 403


def test_entered_figures_are_shown_with_their_source(api, carol, data):
    services.external_figure_save(carol, municipality_nis=IZEGEM, year=2026,
                                  code="candidate_tenants", value=Decimal(812),
                                  source="Woonmaatschappij Midwest, 1/1/2026")
    items = api(carol).get("/reports/figures", year=2026, municipality_nis=IZEGEM).json()["items"]
    entered = [i for i in items if i["code"] == "candidate_tenants"][0]
    assert entered["value"] == 812 and entered["source"] == "Woonmaatschappij Midwest, 1/1/2026"


def test_the_pdf_holds_the_figures_and_the_xlsx_numbers(api, carol, data, tmp_path):
    services.external_figure_save(carol, municipality_nis=IZEGEM, year=2026,
                                  code="allocations", value=Decimal(41), source="VMSW")
    where = selectors.area(municipality_nis=IZEGEM)
    services.priority_text_save(carol, where, year=2026, title="Dakloosheid voorkomen",
                                text="Meer huisbezoeken na een verzoekschrift.")
    pdf = api(carol).get("/reports/yearly.pdf", year=2026, municipality_nis=IZEGEM)
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content)
    assert "Jaarrapport 2026: Izegem" in text and "Dakloosheid voorkomen" in text
    clients_line = [line for line in text.splitlines() if line.strip().startswith("Cliënten ")][0]
    assert clients_line.split()[-1] == "2" and "VMSW" in text
    from openpyxl import load_workbook

    xlsx = api(carol).get("/reports/yearly.xlsx", year=2026, municipality_nis=IZEGEM)
    book = load_workbook(io.BytesIO(xlsx.content))
    assert "Dossiers" in book.sheetnames and "Van buiten woonloket" in book.sheetnames
    sheet = book["Dossiers"]
    row = [r for r in sheet.iter_rows(values_only=True) if r[0] == "Cliënten"][0]
    assert row[2:7] == (0, 0, 0, 1, 2) and all(isinstance(v, int | float) for v in row[2:7])
    assert book["Van buiten woonloket"]["D2"].value == 41.0


def test_the_report_page_and_the_definitions(client, carol, data):
    client.force_login(carol)
    page = client.get("/rapporten/", {"year": 2026, "municipality": IZEGEM}).content.decode()
    assert "Jaarrapport 2026: Izegem" in page and "<svg" in page
    response = client.post(f"/rapporten/?year=2026&municipality={IZEGEM}", {
        "external": "1", "municipality": IZEGEM, "code": "svk_stock", "value": "-3",
        "source": ""})
    assert "Vermeld" in response.content.decode() or "minstens 0" in response.content.decode()
    page = client.get("/rapporten/definities/").content.decode()
    assert "De datum van het contact beslist het jaar." in page


def test_all_municipalities_in_a_fixed_number_of_queries(data, django_assert_max_num_queries):
    with django_assert_max_num_queries(60):
        result = selectors.all_municipalities(2026)
    assert result["clients"][IZEGEM] == 2 and result["clients"][INGELMUNSTER] == 1


def test_the_infographic_of_a_region(client, carol, data):
    services.external_figure_save(carol, municipality_nis=IZEGEM, year=2026,
                                  code="candidate_tenants", value=Decimal(300), source="WM")
    services.external_figure_save(carol, municipality_nis=INGELMUNSTER, year=2026,
                                  code="candidate_tenants", value=Decimal(120), source="WM2")
    client.force_login(carol)
    page = client.get("/rapporten/infographic/regio-izegem/", {"year": 2026}).content.decode()
    assert "Regio Izegem" in page or "regio" in page.lower()
    assert "<strong>3</strong> gezinnen kwamen met een woonvraag" in page
    assert "<strong>420</strong> kandidaat-huurders" in page and "WM; WM2" in page
    assert client.get("/rapporten/infographic/atlantis/").status_code == 404


def test_the_years_at_once_equal_each_year_alone(data, alice, carol, org_a):
    from woonloket.housing import services as housing

    a, _b, _c = data
    unit = housing.unit_create(carol, municipality_nis=IZEGEM, kind="crisiswoning", persons=2)
    housing.stay_book(carol, unit_id=unit.pk, case_id=a.pk, kind="crisisopvang",
                      first_night=date(2025, 12, 30), last_night=date(2026, 1, 9))
    where = selectors.area(region="regio-izegem")
    together = dictionary.compute_years([2024, 2025, 2026], where.municipalities)
    for year in (2024, 2025, 2026):
        alone = selectors.figures(year, where)
        for code, value in alone.items():
            assert together[code].get(year, 0) == value, (code, year)


def test_referrals_woonclub_kracht_stages_and_evictions_carried_out(data, alice, org_a,
                                                                   org_b):
    from woonloket.core.models import Canton, Region
    from woonloket.housing.models import Registration
    from woonloket.rentals.models import Attendance, WoonclubSession

    a, b, _c = data
    cases.referral_create(alice, a, to_organisation_id=org_b.pk, reason="schulden",
                          purpose="budgetbegeleiding", scope=["dossier"],
                          expires_on=date(2030, 1, 1))
    session = WoonclubSession.objects.create(organisation=org_a, antenna="Izegem",
                                             held_on=date(2026, 3, 1))
    other = WoonclubSession.objects.create(organisation=org_a, antenna="Izegem",
                                           held_on=date(2026, 4, 1))
    for s in (session, other):
        Attendance.objects.create(session=s, case=a, persons=2)   # one household, twice
    Attendance.objects.create(session=session, case=b)
    Registration.objects.create(region=Region.objects.get(code="regio-izegem"),
                                organisation=org_a, case=a, registered_on=date(2025, 5, 1),
                                offered_on=date(2025, 6, 1), team_on=date(2025, 7, 1),
                                placed_on=date(2026, 1, 1), outflow_on=date(2026, 12, 31),
                                outflow="social", stage="doorstroom")
    Petition.objects.create(
        organisation=org_a, canton=Canton.objects.get(pk="izegem"), municipality_id=IZEGEM,
        case=a, household=a.household, roll_number="9", received_on=date(2025, 11, 1),
        outreach_from=date(2025, 11, 1), hearing_at=timezone.now(), landlord_kind="private",
        landlord_name="X", tenant_name="An", street="Markt", number="1", postal_code="8870",
        arrears_eur=1, monthly_rent_eur=1, source="form", created_by=alice,
        outcome="eviction_judgment", outcome_on=date(2025, 12, 1), served_on=date(2025, 12, 5),
        evicted_on=date(2026, 1, 6))
    v, last = _values(2026), _values(2025)
    assert v["referrals"]["*"] == 1 and v["referrals_ocmw"]["*"] == 1   # org_b is an OCMW
    assert v["referrals_caw"].get("*", 0) == 0
    assert v["woonclub_households"]["*"] == 2
    assert (last["kracht_wonen_registrations"]["*"], last["kracht_wonen_offers"]["*"],
            last["kracht_wonen_team"]["*"]) == (1, 1, 1)
    assert v["kracht_wonen_placements"]["*"] == 1 and v["kracht_wonen_outflow"]["*"] == 1
    assert v["evictions_carried_out"]["*"] == 1
    assert last["eviction_outcome_eviction_judgment"]["*"] == 1


def test_figures_of_another_area_cannot_be_entered(carol):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.external_figure_save(carol, municipality_nis="34022", year=2026,
                                      code="allocations", value=Decimal(1), source="x")


def test_energy_figures(data, alice, make_user, org_a):
    from woonloket.core.roles import Role
    from woonloket.energy import services as energy
    from woonloket.energy.engine import dwelling_from

    a, b, _c = data
    tech = make_user("tom", Role.TECHNICIAN, org_a)
    from woonloket.portal.services import coach_request_create

    for year, kind in ((1930, "gesloten"), (1930, "open"), (2015, "open")):
        scan = energy.scan_save(dwelling_from({"building_type": kind, "construction_year": year}),
                                origin="citizen", municipality_nis=IZEGEM)
    coach_request_create(scan, name="Jan Peeters", phone="051 12 34 56", consent=True)
    old = {"building_type": "open", "construction_year": 1935, "heating_system": "klassieke_ketel",
           "heating_fuel": "stookolie", "heating_year": 1975}
    bad = energy.screening_record(tech, a, visited_on=date(2026, 3, 1), dwelling=old,
                                  municipality_nis=IZEGEM)
    energy.screening_record(tech, b, visited_on=date(2026, 3, 2), municipality_nis=IZEGEM,
                            dwelling={"building_type": "open", "construction_year": 2015})
    energy.screening_record(tech, b, visited_on=date(2025, 12, 31), municipality_nis=IZEGEM,
                            dwelling={"building_type": "open", "construction_year": 2015})
    trajectory = energy.trajectory_start(tech, a, started_on=date(2026, 3, 5))
    energy.trajectory_result(tech, trajectory, completed_on=date(2026, 9, 1),
                             changes={"roof_insulation_cm": 20})
    assert bad.scan.label in ("E", "F")
    v = _values(2026)
    assert v["citizen_scans"]["*"] == 3 and v["coach_requests"]["*"] == 1
    assert v["screenings"]["*"] == 2 and v["screenings_ef"]["*"] == 1
    assert v["screenings_ef_share"]["*"] == 50.0
    assert v["renovations_started"]["*"] == 1 and v["renovations_done"]["*"] == 1
    assert _values(2025)["screenings"]["*"] == 1
