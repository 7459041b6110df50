"""The evictions API contract: register a petition (201, 422, 409), patch a
step, letters as PDF, outcome, fund check, mediations, figures."""

import pytest

from woonloket.cases.models import Case, Enrolment
from woonloket.clients.models import Household
from woonloket.core.models import AuditEntry
from woonloket.evictions.models import Petition, Step

from .conftest import payload


def test_a_petition_opens_a_case_for_the_municipalitys_counsellor_and_informs_the_ocmw(
        api, alice, carol, assigned, ocmw_izegem):
    response = api(carol).post("/evictions/petitions", payload())
    assert response.status_code == 201, response.content
    body = response.json()
    case = Case.objects.get(pk=body["case_id"])
    assert case.contact_person == alice and case.source == "vredegerecht"
    assert Enrolment.objects.filter(case=case, program="uithuiszetting",
                                    ended_on__isnull=True).exists()
    assert body["arrears_eur"] == 2150 and body["monthly_rent_eur"] == 720
    assert body["ocmw_id"] == ocmw_izegem.pk and body["contact_person_id"] == alice.pk
    kinds = [s["kind"] for s in body["steps"]]
    assert kinds == ["letter1", "home_visit", "card", "letter2", "contact", "intake", "hearing"]
    assert all(s["status"] == "open" for s in body["steps"])
    assert body["steps"][-1]["due_on"] == "2026-12-17"
    dues = [s["due_on"] for s in body["steps"]]
    assert dues == sorted(dues)
    visit = body["steps"][1]
    # received Friday 20/11, registered today (Monday 23/11): letter 1 on Tuesday
    # 24/11, the visit a week later at 9.00
    assert visit["planned_at"] == "2026-12-01T09:00:00+01:00"
    assert body["hearing_at"] == "2026-12-17T09:30:00+01:00"
    assert AuditEntry.objects.filter(object_type="evictions.petition", action="create").exists()


def test_the_tenant_is_matched_to_the_known_household_at_that_address(api, carol, alice,
                                                                     assigned):
    first = api(carol).post("/evictions/petitions", payload()).json()
    second = api(carol).post("/evictions/petitions", payload(
        roll_number="26A2000", tenant={"first_name": "Sofie", "last_name": "Vermeulen "},
    )).json()
    assert second["household_id"] == first["household_id"]
    assert second["case_id"] == first["case_id"]  # the open case is reused
    assert Household.objects.count() == 1
    other = api(carol).post("/evictions/petitions", payload(
        roll_number="26A3000", tenant={"first_name": "Jan", "last_name": "Peeters"})).json()
    assert other["household_id"] != first["household_id"]


def test_a_canton_that_does_not_serve_the_municipality_is_a_422(api, carol):
    response = api(carol).post("/evictions/petitions", payload(canton="waregem"))
    assert response.status_code == 422
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert "bedient de gemeente Izegem niet" in errors["canton"]
    assert not Petition.objects.exists() and not Household.objects.exists()


@pytest.mark.parametrize("change, field, message", [
    ({"canton": "atlantis"}, "canton", "Onbekend kanton"),
    ({"received_on": "2026-12-20"}, "hearing_at", "De zitting valt na"),
    ({"arrears_eur": -1}, "arrears_eur", "Moet minstens 0"),
    ({"landlord": {"kind": "bank", "name": "X"}}, "landlord.kind", "Kies een van"),
    ({"address": {"street": "Markt", "number": "1", "postal_code": "88"}}, "address.postal_code",
     "Heeft niet de juiste vorm"),
    ({"received_on": "20/11/2026"}, "received_on", "Geen geldige datum"),
])
def test_bad_petitions_are_a_422_in_dutch(api, carol, change, field, message):
    response = api(carol).post("/evictions/petitions", payload(**change))
    assert response.status_code == 422, response.content
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert errors[field].startswith(message), errors
    assert not Petition.objects.exists()


def test_the_same_roll_number_twice_is_a_409(api, carol):
    assert api(carol).post("/evictions/petitions", payload()).status_code == 201
    response = api(carol).post("/evictions/petitions", payload())
    assert response.status_code == 409
    assert response.json()["petition_id"] == Petition.objects.get().pk


def test_a_partner_of_another_organisation_neither_sees_nor_patches(api, carol, bob):
    body = api(carol).post("/evictions/petitions", payload()).json()
    assert api(bob).get(f"/evictions/petitions/{body['id']}").status_code == 404
    step = body["steps"][0]["id"]
    assert api(bob).patch(f"/evictions/steps/{step}", {"status": "done"}).status_code == 404
    assert api(bob).get("/evictions/petitions").json()["count"] == 0


def test_the_informed_ocmw_sees_the_petition(api, carol, make_user, ocmw_izegem):
    from woonloket.core.roles import Role

    worker = make_user("olga", Role.PARTNER, ocmw_izegem)
    body = api(carol).post("/evictions/petitions", payload()).json()
    seen = api(worker).get(f"/evictions/petitions/{body['id']}")
    assert seen.status_code == 200 and seen.json()["tenant_name"] == "Sofie Vermeulen"
    assert seen.json()["steps"] == []  # the housing service's work and notes stay its own
    step = body["steps"][0]["id"]
    assert api(worker).patch(f"/evictions/steps/{step}", {"status": "done"}).status_code == 404
    assert api(worker).get(f"/evictions/petitions/{body['id']}/letters/letter1.pdf"
                           ).status_code == 403


def test_a_visit_with_someone_home_settles_card_and_letter2_and_reschedules(api, carol):
    body = api(carol).post("/evictions/petitions", payload()).json()
    steps = {s["kind"]: s for s in body["steps"]}
    response = api(carol).patch(f"/evictions/steps/{steps['letter1']['id']}",
                                {"status": "done", "done_on": "2026-11-23", "note": "verstuurd"})
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "done" and response.json()["done_on"] == "2026-11-23"
    response = api(carol).patch(f"/evictions/steps/{steps['home_visit']['id']}",
                                {"status": "done", "done_on": "2026-11-23", "outcome": "thuis"})
    assert response.status_code == 200, response.content
    after = {s.kind: s for s in Step.objects.filter(petition_id=body["id"])}
    assert after["card"].status == "skipped" and after["letter2"].status == "skipped"
    assert after["contact"].status == "done" and str(after["contact"].done_on) == "2026-11-23"
    # the intake follows the visit now, not the original plan
    assert after["intake"].due_on.isoformat() < steps["intake"]["due_on"]


@pytest.mark.parametrize("patch, field", [
    ({"status": "klaar"}, "status"),
    ({"status": "done", "done_on": "2026-12-01"}, "done_on"),
    ({"status": "done", "outcome": "thuis"}, "outcome"),
])
def test_a_bad_step_update_is_a_422_and_changes_nothing(api, carol, patch, field):
    body = api(carol).post("/evictions/petitions", payload()).json()
    letter1 = body["steps"][0]["id"]
    response = api(carol).patch(f"/evictions/steps/{letter1}", patch)
    assert response.status_code == 422
    assert field in {e["field"] for e in response.json()["errors"]}
    assert Step.objects.get(pk=letter1).status == "open"


def test_letters_are_pdfs_kept_on_the_case(api, carol):
    body = api(carol).post("/evictions/petitions", payload()).json()
    response = api(carol).get(f"/evictions/petitions/{body['id']}/letters/letter1.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    petition = Petition.objects.get()
    assert bytes(petition.letters.get().pdf) == response.content
    assert api(carol).get(f"/evictions/petitions/{body['id']}/letters/brief9.pdf"
                          ).status_code == 422


def test_an_eviction_judgment_shows_the_earliest_eviction_date(api, carol):
    body = api(carol).post("/evictions/petitions", payload(
        received_on="2026-10-01", hearing_at="2026-10-20T09:30:00")).json()
    response = api(carol).post(f"/evictions/petitions/{body['id']}/outcome", {
        "outcome": "eviction_judgment", "outcome_on": "2026-10-20", "served_on": "2026-10-31"})
    assert response.status_code == 200, response.content
    assert response.json()["earliest_eviction_on"] == "2026-11-30"
    response = api(carol).post(f"/evictions/petitions/{body['id']}/outcome", {
        "outcome": "settlement", "outcome_on": "2026-10-20", "served_on": "2026-10-31"})
    assert response.status_code == 422


def test_a_postponed_hearing_moves_the_hearing_step(api, carol):
    body = api(carol).post("/evictions/petitions", payload(
        received_on="2026-11-02", hearing_at="2026-11-19T09:30:00")).json()
    response = api(carol).post(f"/evictions/petitions/{body['id']}/outcome", {
        "outcome": "postponed", "outcome_on": "2026-11-19",
        "new_hearing_at": "2027-01-14T10:00:00"})
    assert response.status_code == 200, response.content
    hearing = [s for s in response.json()["steps"] if s["kind"] == "hearing"][0]
    assert hearing["due_on"] == "2027-01-14"


def test_the_fund_check_follows_the_rule(api, carol):
    response = api(carol).post("/evictions/fund-check", {
        "year": 2024, "landlord_kind": "svk", "arrears_eur": 4000, "monthly_rent_eur": 1000,
        "support_agreement": True})
    body = response.json()
    assert body["status"] == "eligible" and body["advance_eur"] == 1482
    assert body["cap_eur"] == 1482 and "vlaanderen.be" in body["source"]
    response = api(carol).post("/evictions/fund-check", {
        "year": 2026, "landlord_kind": "svk", "arrears_eur": 4000, "monthly_rent_eur": 1000})
    assert response.json()["status"] == "unknown"


def test_a_mediation_is_opened_on_a_case_and_counted(api, carol, alice, assigned):
    body = api(carol).post("/evictions/petitions", payload()).json()
    response = api(carol).post("/evictions/mediations", {
        "case_id": body["case_id"], "subject": "herstellingen", "landlord_kind": "private",
        "landlord_name": "Mandel"})
    assert response.status_code == 201, response.content
    figures = api(carol).get("/evictions/figures", year=2026).json()
    assert figures["petitions"][0]["petitions"] == 1
    assert figures["petitions"][0]["label"] == "Izegem"
    assert figures["mediations"][0]["mediations"] == 1
    assert api(carol).get("/evictions/figures", year=2026, group="week").status_code == 422


@pytest.mark.parametrize("kinds", [["woondienst", "ocmw"], ["ocmw"]])
def test_a_platform_admin_without_membership_registers_on_a_fresh_database(api, root, kinds):
    """As an acceptance test would: organisations by API, then a petition."""
    made = {kind: api(root).post("/organisations", {
        "name": f"{kind} Izegem", "kind": kind, "municipality_nis_codes": ["36008"]}).json()
        for kind in kinds}
    response = api(root).post("/evictions/petitions", payload())
    assert response.status_code == 201, response.content
    body = response.json()
    lead = made.get("woondienst", made["ocmw"])["id"]
    assert body["organisation_id"] == lead and body["ocmw_id"] == made["ocmw"]["id"]
    assert [s["kind"] for s in body["steps"]][0] == "letter1"
    assert body["contact_person_id"] is None  # nobody assigned yet: no visit slot either
    step = body["steps"][0]["id"]
    assert api(root).patch(f"/evictions/steps/{step}", {
        "status": "done", "done_on": "2026-11-23", "note": "verstuurd"}).status_code == 200
    pdf = api(root).get(f"/evictions/petitions/{body['id']}/letters/card.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"


@pytest.mark.parametrize("change, field", [
    ({"hearing_at": "9999-12-31T23:30:00Z"}, "hearing_at"),
    ({"hearing_at": "0001-01-01T09:00:00"}, "hearing_at"),
    ({"received_on": "2001-01-01"}, "received_on"),
    ({"hearing_at": "2028-01-10T09:00:00"}, "hearing_at"),       # more than a year away
    ({"roll_number": "R" * 41}, "roll_number"),
    ({"arrears_eur": 123456789012}, "arrears_eur"),
])
def test_out_of_range_values_are_a_422_not_a_500(api, carol, change, field):
    response = api(carol).post("/evictions/petitions", payload(**change))
    assert response.status_code == 422, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not Petition.objects.exists()


def test_a_canton_may_be_written_as_its_name(api, carol):
    response = api(carol).post("/evictions/petitions", payload(canton="Izegem"))
    assert response.status_code == 201 and response.json()["canton"] == "izegem"


def test_the_fund_check_refuses_absurd_amounts(api, carol):
    response = api(carol).post("/evictions/fund-check", {
        "year": 2024, "landlord_kind": "svk", "arrears_eur": 1e27, "monthly_rent_eur": 0.01})
    assert response.status_code == 422


def test_a_household_of_another_organisation_is_never_taken_over(api, root, carol, bob, org_b):
    from woonloket.clients.models import Household, Person

    theirs = Household.objects.create(organisation=org_b, municipality_id="36008",
                                      tenure="private_rent", street="Roeselaarsestraat",
                                      number="14", postal_code="8870")
    Person.objects.create(household=theirs, organisation=org_b, relation="self",
                          first_name="Sofie", last_name="Vermeulen")
    body = api(root).post("/evictions/petitions", payload(
        lead_organisation_id=carol.memberships.get().organisation_id)).json()
    assert body["household_id"] != theirs.pk


def test_reopening_a_visit_undoes_what_it_settled_and_a_patch_keeps_the_outcome(api, carol):
    body = api(carol).post("/evictions/petitions", payload()).json()
    visit = body["steps"][1]["id"]
    api(carol).patch(f"/evictions/steps/{visit}", {"status": "done", "outcome": "thuis"})
    response = api(carol).patch(f"/evictions/steps/{visit}", {"status": "done",
                                                              "note": "koffie gekregen"})
    assert response.json()["outcome"] == "thuis" and response.json()["note"] == "koffie gekregen"
    api(carol).patch(f"/evictions/steps/{visit}", {"status": "open"})
    statuses = dict(Step.objects.filter(petition_id=body["id"]).values_list("kind", "status"))
    assert statuses["card"] == statuses["letter2"] == statuses["contact"] == "open"
    api(carol).patch(f"/evictions/steps/{visit}", {"status": "done", "outcome": "niet_thuis"})
    assert Step.objects.get(petition_id=body["id"], kind="card").status == "open"


def test_the_hearing_step_is_not_done_before_the_hearing(api, carol):
    body = api(carol).post("/evictions/petitions", payload()).json()
    hearing = body["steps"][-1]["id"]
    response = api(carol).patch(f"/evictions/steps/{hearing}", {"status": "done"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["message"] == "De zitting is nog niet geweest."


def test_a_visit_is_planned_between_receipt_and_hearing(api, carol):
    body = api(carol).post("/evictions/petitions", payload()).json()
    visit = body["steps"][1]["id"]
    for moment in ("2026-12-17T10:00:00", "9999-12-31T23:59:00Z", "2026-11-01T10:00:00"):
        response = api(carol).patch(f"/evictions/steps/{visit}", {"status": "open",
                                                                  "planned_at": moment})
        assert response.status_code == 422, moment
    response = api(carol).patch(f"/evictions/steps/{visit}", {
        "status": "open", "planned_at": "2026-12-03T14:00:00"})
    assert response.json()["planned_at"] == "2026-12-03T14:00:00+01:00"
    assert response.json()["due_on"] == "2026-12-03"


def test_a_counsellor_who_left_is_not_assigned(api, carol, alice, assigned):
    alice.memberships.all().delete()
    response = api(carol).post("/evictions/petitions", payload())
    assert response.status_code == 201 and response.json()["contact_person_id"] == carol.pk


def test_no_organisation_in_the_municipality_asks_for_one(api, root):
    response = api(root).post("/evictions/petitions", payload())
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "lead_organisation_id"


def test_figures_count_reached_intake_attended_and_outcomes_by_canton(api, carol):
    open_one = api(carol).post("/evictions/petitions", payload()).json()
    past = api(carol).post("/evictions/petitions", payload(
        roll_number="26A0900", received_on="2026-10-01", hearing_at="2026-10-20T09:30:00",
        tenant={"first_name": "Jan", "last_name": "Peeters"})).json()
    steps = {s["kind"]: s["id"] for s in past["steps"]}
    api(carol).patch(f"/evictions/steps/{steps['home_visit']}",
                     {"status": "done", "done_on": "2026-10-09", "outcome": "thuis"})
    api(carol).patch(f"/evictions/steps/{steps['intake']}",
                     {"status": "done", "done_on": "2026-10-12", "outcome": "gedaan"})
    api(carol).patch(f"/evictions/steps/{steps['hearing']}",
                     {"status": "done", "done_on": "2026-10-20", "outcome": "met_huurder"})
    api(carol).post(f"/evictions/petitions/{past['id']}/outcome", {
        "outcome": "settlement", "outcome_on": "2026-10-20"})
    row = api(carol).get("/evictions/figures", year=2026, group="canton").json()["petitions"][0]
    assert (row["label"], row["petitions"], row["reached_n"], row["intake_n"],
            row["attended_n"]) == ("Izegem", 2, 1, 1, 1)
    assert row["reached_share"] == 50.0 and row["outcome_settlement"] == 1
    api(carol).patch(f"/evictions/steps/{steps['home_visit']}", {"status": "open"})
    row = api(carol).get("/evictions/figures", year=2026).json()["petitions"][0]
    assert row["reached_n"] == 1  # the intake still counts as contact
    assert open_one["id"] != past["id"]
    months = api(carol).get("/evictions/figures", year=2026, group="month").json()["petitions"]
    assert [(m["label"], m["petitions"]) for m in months] == [("2026-10-01", 1),
                                                              ("2026-11-01", 1)]
