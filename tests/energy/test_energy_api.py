"""The back-office energy API: screenings, follow-up, coaching, quotes, contractors."""

from datetime import timedelta

import pytest

from woonloket.cases.models import Enrolment
from woonloket.core.models import AuditEntry
from woonloket.energy import services
from woonloket.energy.models import Scan, Screening, Trajectory

from .backoffice import *  # noqa: F403 - the fixtures (tina, case, screening, ...)
from .backoffice import DWELLING, TODAY, record


def body(case, **extra):
    data = {"case_id": case.pk, "visited_on": TODAY.isoformat(),
            "address": {"street": "Marktstraat", "number": "12", "box": "2",
                        "postal_code": "8870", "municipality_nis": "36008"},
            "is_owner_occupied": True, "income_category": 1, "dwelling": dict(DWELLING),
            "findings": [{"kind": "schimmel", "severity": "ernstig", "note": "Badkamer"}],
            "notes": "Huisbezoek met de bewoner."}
    data.update(extra)
    return data


def test_a_technician_posts_a_screening(api, tina, case):
    response = api(tina).post("/energy/screenings", body(case))
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["case_id"] == case.pk and out["organisation_id"] == case.lead_organisation_id
    assert (out["address"]["number"], out["address"]["box"]) == ("12", "2")
    assert out["is_owner_occupied"] is True
    assert out["findings"] == [{"kind": "schimmel", "severity": "ernstig", "note": "Badkamer"}]
    scan = out["scan"]
    assert scan["label"] in ("A+", "A", "B", "C", "D", "E", "F") and len(scan["token"]) >= 40
    for key in ("heat_need_kwh_m2", "heat_need_kwh", "primary_energy_kwh_m2", "co2_kg",
                "cost_eur", "archetype", "measures"):
        assert key in scan
    assert scan["income_category"] == 1 and out["income_category"] == 1
    got = api(tina).get(f"/energy/screenings/{out['id']}")
    assert got.status_code == 200 and got.json()["scan"]["token"] == scan["token"]


def test_the_address_defaults_to_the_case(api, tina, case):
    response = api(tina).post("/energy/screenings", body(case, address=None))
    assert response.status_code == 201, response.content
    assert response.json()["address"]["municipality_nis"] == "36008"


@pytest.mark.parametrize("change, field", [
    ({"dwelling": {"building_type": "kasteel", "construction_year": 1965}},
     "dwelling.building_type"),
    ({"dwelling": {"building_type": "open", "construction_year": 3000}},
     "dwelling.construction_year"),
    ({"dwelling": {"building_type": "open", "construction_year": 1990, "kleur": "rood"}},
     "dwelling.kleur"),
    ({"dwelling": {**DWELLING, "heating_system": "warmtepomp_lucht_water"}},
     "dwelling.heating_fuel"),
    ({"visited_on": (TODAY + timedelta(days=1)).isoformat()}, "visited_on"),
    ({"findings": [{"kind": "lawaai"}]}, "findings.0.kind"),
    ({"income_category": 5}, "income_category"),
    ({"address": {"municipality_nis": "99999"}}, "municipality_nis"),
])
def test_invalid_is_a_422_in_dutch(api, tina, case, change, field):
    response = api(tina).post("/energy/screenings", body(case, **change))
    assert response.status_code == 422, response.content
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert field in errors, errors
    assert not Scan.objects.exists() and not Screening.objects.exists()


def test_unknown_or_invisible_case_is_404(api, tina, bob, case):
    assert api(tina).post("/energy/screenings", body(case, case_id=999999)).status_code == 404
    assert api(bob).post("/energy/screenings", body(case)).status_code == 404
    assert api(bob).get("/energy/screenings/1").status_code == 404


def test_without_permission_it_is_403(api, make_user, org_a, case):
    calltaker = make_user("cato", "calltaker", org_a)
    assert api(calltaker).post("/energy/screenings", body(case)).status_code == 403


def test_the_list_is_paginated_and_filtered(api, alice, tina, make_case):
    first = make_case("Eerste")
    for i in range(3):
        record(tina, first if i else make_case(f"Naam{i}"))
    out = api(alice).get("/energy/screenings", limit=2).json()
    assert out["count"] == 3 and len(out["items"]) == 2
    assert api(alice).get("/energy/screenings", case_id=first.pk).json()["count"] == 2
    assert api(alice).get("/energy/screenings", limit=0).status_code == 422
    assert AuditEntry.objects.filter(object_type="energy.screening", action="list").exists()


def test_follow_up_through_the_api(api, alice, tina, screening):
    url = f"/energy/screenings/{screening.pk}/follow-up"
    response = api(alice).post(url, {"kind": "woningkwaliteitsonderzoek",
                                     "reason": "Schimmel en vocht: onderzoek nodig."})
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["program"] == "woningkwaliteitsonderzoek" and out["enrolment_id"]
    assert Enrolment.objects.get(pk=out["enrolment_id"]).case_id == screening.case_id
    assert api(alice).post(url, {"kind": "geen_actie", "reason": ""}).status_code == 422
    assert api(alice).post(url, {"kind": "slopen", "reason": "x"}).status_code == 422
    assert api(tina).post(url, {"kind": "geen_actie", "reason": "x"}).status_code == 403
    assert api(alice).post("/energy/screenings/999999/follow-up",
                           {"kind": "geen_actie", "reason": "x"}).status_code == 404
    got = api(alice).get(f"/energy/screenings/{screening.pk}").json()
    assert [f["kind"] for f in got["follow_ups"]] == ["woningkwaliteitsonderzoek"]


def test_coaching_through_the_api(api, tina, carol, screening):
    response = api(tina).post("/energy/trajectories", {"case_id": screening.case_id})
    assert response.status_code == 201, response.content
    t = response.json()
    assert t["phase"] == "advies" and t["screening_id"] == screening.pk
    assert t["before"]["label"] == screening.scan.label and t["after"] is None
    assert api(tina).post("/energy/trajectories",
                          {"case_id": screening.case_id}).status_code == 409
    url = f"/energy/trajectories/{t['id']}"
    patched = api(tina).patch(url, {"phase": "uitvoering", "on": TODAY.isoformat()})
    assert patched.status_code == 200 and patched.json()["phase"] == "uitvoering"
    back = api(tina).patch(url, {"phase": "offertes", "on": TODAY.isoformat()})
    assert back.status_code == 422
    assert "alleen vooruit" in back.json()["errors"][0]["message"]
    assert api(tina).patch(url, {"phase": "klaar"}).status_code == 422
    contractor = api(carol).post("/energy/contractors", {
        "name": "Dakwerken Deprez", "specialities": ["dak"], "municipality_nis": ["36008"]})
    assert contractor.status_code == 201, contractor.content
    quote = api(tina).post(f"{url}/quotes", {
        "contractor_id": contractor.json()["id"], "measure": "dakisolatie",
        "received_on": TODAY.isoformat(), "amount_excl_vat_eur": 7000, "vat_percent": 6,
        "quantity": 80, "unit": "m²"})
    assert quote.status_code == 201, quote.content
    assert quote.json()["amount_incl_vat_eur"] == 7420
    assert api(tina).post(f"{url}/quotes", {**quote.json(), "vat_percent": 12}).status_code == 422
    result = api(tina).post(f"{url}/result", {"completed_on": TODAY.isoformat(),
                                              "changes": {"roof_insulation_cm": 20}})
    assert result.status_code == 200, result.content
    out = result.json()
    assert out["after"]["energy_kwh"] < out["before"]["energy_kwh"]
    # the works are done: the trajectory moved on to "oplevering", and only once
    assert [p["phase"] for p in out["phases"]] == ["advies", "uitvoering", "oplevering"]
    assert api(tina).post(f"{url}/result", {"completed_on": TODAY.isoformat(),
                                            "changes": {"pv_kwp": 4}}).status_code == 409
    listed = api(tina).get("/energy/trajectories", phase="oplevering").json()
    assert listed["count"] == 1 and listed["items"][0]["quote_count"] == 1
    assert api(carol).get("/energy/contractors", speciality="dak").json()["count"] == 1


def test_trajectories_of_others_are_404(api, bob, tina, screening):
    t = services.trajectory_start(tina, screening.case)
    assert api(bob).get(f"/energy/trajectories/{t.pk}").status_code == 404
    assert api(bob).patch(f"/energy/trajectories/{t.pk}",
                          {"phase": "offertes"}).status_code == 404
    assert api(bob).post("/energy/trajectories", {"case_id": screening.case_id}).status_code \
        == 404
    assert Trajectory.objects.count() == 1


@pytest.mark.parametrize("url", ["/energy/screenings?limit=100",
                                 "/energy/trajectories?limit=100",
                                 "/energy/contractors?limit=100"])
def test_api_lists_in_fixed_queries(count_queries, client, api, alice, tina, carol, make_case,
                                    url):
    caller = api(alice)

    def fill(n):
        for _ in range(n):
            case = make_case(f"Naam{Trajectory.objects.count()}")
            s = record(tina, case)
            services.follow_up_decide(alice, s, kind="renovatiebegeleiding", reason="x")
            services.trajectory_start(tina, case)
            services.contractor_save(carol, None, name=f"Aannemer {Trajectory.objects.count()}",
                                     specialities=["dak"], municipality_nis=["36008", "36007"])

    def call():
        path, _, query = url.partition("?")
        assert caller.get(path, **dict([query.split("=")])).status_code == 200
    fill(1)
    few = count_queries(call)
    fill(5)
    assert count_queries(call) == few


@pytest.mark.parametrize("path", ["/energy/screenings", "/energy/trajectories"])
def test_an_id_beyond_a_database_key_is_a_422_not_a_500(api, alice, path):
    response = api(alice).get(path, case_id=99999999999999999999)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "case_id"


def test_choices_are_listed_in_dutch(api, tina, case):
    response = api(tina).post("/energy/screenings", {
        "case_id": case.pk, "visited_on": str(TODAY), "dwelling": dict(DWELLING),
        "findings": [{"kind": "lekkage", "severity": "ernstig"}]})
    assert response.status_code == 422
    message = response.json()["errors"][0]["message"]
    assert " of " in message and " or " not in message


def test_works_do_not_change_the_type_or_age_of_a_home(api, tina, screening):
    t = services.trajectory_start(tina, screening.case)
    response = api(tina).post(f"/energy/trajectories/{t.pk}/result", {
        "completed_on": TODAY.isoformat(),
        "changes": {"building_type": "appartement", "roof_insulation_cm": 10}})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "changes.building_type"
    t.refresh_from_db()
    assert t.after_scan is None and t.phase == "advies"


def test_the_dwelling_may_also_be_given_beside_the_other_fields(api, tina, case):
    response = api(tina).post("/energy/screenings", {
        "case_id": case.pk, "building_type": "gesloten", "construction_year": 1930,
        "glazing": "enkel"})
    assert response.status_code == 201, response.content
    out = response.json()
    assert out["visited_on"] == TODAY.isoformat()
    scan = Screening.objects.get(pk=out["id"]).scan
    assert (scan.inputs["building_type"], scan.inputs["glazing"]) == ("gesloten", "enkel")
    missing = api(tina).post("/energy/screenings", {"case_id": case.pk})
    assert missing.status_code == 422
    assert {e["field"] for e in missing.json()["errors"]} >= {"dwelling.building_type"}


def test_a_platform_administrator_records_a_screening_for_the_case_organisation(api, root, case):
    response = api(root).post("/energy/screenings", {
        "case_id": case.pk, "building_type": "open", "construction_year": 1965})
    assert response.status_code == 201, response.content
    assert response.json()["organisation_id"] == case.lead_organisation_id
    listed = api(root).get("/energy/screenings", case_id=case.pk).json()
    assert listed["count"] == 1
