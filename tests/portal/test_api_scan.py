"""POST /api/v1/energy/scan and GET /api/v1/energy/scan/{token}: public,
rate-limited, 422 with the field and a Dutch message."""

import pytest

from woonloket.energy.models import Scan

pytestmark = pytest.mark.django_db

URL = "/api/v1/energy/scan"
CONTRACT = ("heat_need_kwh_m2", "heat_need_kwh", "primary_energy_kwh_m2", "label", "co2_kg",
            "cost_eur", "archetype", "measures")
MEASURE = ("code", "investment_eur", "saving_eur", "premium_eur", "payback_years",
           "co2_saving_kg")


def post(client, body, ip="203.0.113.7"):
    return client.post(URL, body, content_type="application/json", REMOTE_ADDR=ip)


def test_a_scan_without_authentication(client):
    response = post(client, {"building_type": "halfopen", "construction_year": 1965})
    assert response.status_code == 200, response.content
    data = response.json()
    for key in CONTRACT:
        assert key in data
    assert data["label"] in ("A+", "A", "B", "C", "D", "E", "F")
    assert data["heat_need_kwh"] == pytest.approx(
        data["heat_need_kwh_m2"] * data["heated_floor_area_m2"], rel=0.01)
    assert data["measures"] and all(set(MEASURE) <= set(m) for m in data["measures"])
    assert data["is_estimate"] is True and "packages" in data and "losses_kwh" in data
    scan = Scan.objects.get()
    assert data["token"] == scan.token and scan.origin == "citizen"
    assert data["url"] == f"http://testserver/energiescan/{scan.token}/"
    assert scan.municipality_id is None and scan.income_category is None


def test_every_field(client):
    body = {"building_type": "gesloten", "construction_year": 1930,
            "heated_floor_area_m2": 110, "roof_insulation_cm": 12, "wall_insulation_cm": 0,
            "floor_insulation_cm": None, "glazing": "dubbel", "airtightness": "gemiddeld",
            "ventilation": "natuurlijk", "heating_system": "condensatieketel",
            "heating_fuel": "aardgas", "heating_year": 2015, "hot_water": "met_verwarming",
            "pv_kwp": 3.5, "occupants": 4, "income_category": 1, "municipality_nis": "36008"}
    response = post(client, body)
    assert response.status_code == 200, response.content
    scan = Scan.objects.get()
    assert scan.municipality_id == "36008" and scan.income_category == 1
    assert scan.inputs["heated_floor_area_m2"] == 110 and scan.inputs["pv_kwp"] == 3.5
    assert "floor_insulation_cm" in response.json()["defaults_used"]


def test_the_lowest_incomes_get_the_highest_premium(client):
    base = {"building_type": "open", "construction_year": 1960}
    lowest_incomes = {m["code"]: m["premium_eur"] for m in post(
        client, {**base, "income_category": 4}).json()["measures"]}
    highest_incomes = {m["code"]: m["premium_eur"] for m in post(
        client, {**base, "income_category": 1}).json()["measures"]}
    unknown = {m["code"]: m["premium_eur"] for m in post(client, base).json()["measures"]}
    assert sum(lowest_incomes.values()) > sum(highest_incomes.values())
    assert unknown == highest_incomes  # "weet ik niet": the premium every household gets


@pytest.mark.parametrize(("body", "field", "message"), [
    ({"heated_floor_area_m2": -50}, "heated_floor_area_m2", "Moet tussen 15 en 2000 liggen."),
    ({"pv_kwp": 60}, "pv_kwp", "Moet tussen 0 en 50 liggen."),
    ({"occupants": 0}, "occupants", "Moet tussen 1 en 20 liggen."),
    ({"roof_insulation_cm": -2}, "roof_insulation_cm", "Moet tussen 0 en 50 liggen."),
    ({"construction_year": 3000}, "construction_year", "Moet tussen 1800 en 2030 liggen."),
    ({"construction_year": 1965.5}, "construction_year", "Verwacht een geheel getal."),
    ({"construction_year": "ooit"}, "construction_year", "Verwacht een geheel getal."),
    ({"building_type": "kasteel"}, "building_type", "Kies een van:"),
    ({"glazing": "plexiglas"}, "glazing", "Kies een van:"),
    ({"heating_system": "kolenkachel"}, "heating_system", "Kies een van:"),
    ({"zwembad": True}, "zwembad", "Dit veld bestaat niet."),
    ({"income_category": 5}, "income_category", "Mag hoogstens 4 zijn."),
    ({"municipality_nis": "3600"}, "municipality_nis", "Heeft niet de juiste vorm."),
    ({"municipality_nis": "21004"}, "municipality_nis", "geen Vlaamse gemeente"),
    ({"municipality_nis": "99999"}, "municipality_nis", "geen Vlaamse gemeente"),
    ({"heating_system": "warmtepomp_lucht_water", "heating_fuel": "stookolie"},
     "heating_fuel",
     "Een warmtepomp lucht/water of elektrische verwarming werkt op elektriciteit."),
    ({"heating_year": 1955}, "heating_year", "De verwarming kan niet ouder zijn dan de woning."),
])
def test_bad_input_is_422_with_the_field_in_dutch(client, body, field, message):
    response = post(client, {"building_type": "halfopen", "construction_year": 1965, **body})
    assert response.status_code == 422, response.content
    data = response.json()
    assert data["detail"] == "De gegevens zijn niet geldig."
    fields = {e["field"]: e["message"] for e in data["errors"]}
    assert field in fields and message in fields[field], data
    assert not Scan.objects.exists()


def test_a_missing_required_field(client):
    response = post(client, {"construction_year": 1965})
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "building_type",
                                          "message": "Dit veld is verplicht."}]


def test_the_rate_limit_per_ip(client, settings):
    settings.WOONLOKET_SCAN_RATE = 3
    body = {"building_type": "appartement", "construction_year": 1990}
    for _ in range(3):
        assert post(client, body).status_code == 200
    response = post(client, body)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "te veel energiescans" in response.json()["detail"]
    assert response.json()["errors"] == []
    assert Scan.objects.count() == 3
    assert post(client, body, ip="198.51.100.20").status_code == 200  # another client


def test_get_a_saved_scan_by_its_token(client):
    token = post(client, {"building_type": "open", "construction_year": 2005}).json()["token"]
    response = client.get(f"{URL}/{token}")
    assert response.status_code == 200
    data = response.json()
    scan = Scan.objects.get()
    assert data["token"] == token and data["label"] == scan.label
    assert data["heat_need_kwh"] == scan.result["heat_need_kwh"]
    missing = client.get(f"{URL}/geen-bestaand-token")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Niet gevonden.", "errors": []}


def test_the_openapi_documents_the_rate_limit(client):
    doc = client.get("/api/v1/openapi.json").json()
    op = doc["paths"]["/api/v1/energy/scan"]["post"]
    assert "WOONLOKET_SCAN_RATE" in op["description"] and "429" in op["responses"]
    assert not op.get("security")
    schema = doc["components"]["schemas"]["ScanIn"]["properties"]
    assert schema["construction_year"]["minimum"] == 1800
    assert schema["heated_floor_area_m2"]["maximum"] == 35000  # a whole apartment building
    assert "2000 m² voor een huis" in schema["heated_floor_area_m2"]["description"]


def test_no_csrf_token_is_needed(db):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        URL, {"building_type": "open", "construction_year": 1975},
        content_type="application/json")
    assert response.status_code == 200


def test_a_scan_from_the_api_without_municipality_cannot_ask_a_coach(client, org_a):
    token = post(client, {"building_type": "open", "construction_year": 1975}).json()["token"]
    page = client.get(f"/energiescan/{token}/renovatiecoach/").content.decode()
    assert "hoort bij geen gemeente" in page and "<form" not in page


def test_an_empty_body_names_the_body(client):
    response = client.post("/api/v1/energy/scan", "", content_type="application/json")
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "body", "message": "Dit veld is verplicht."}]
