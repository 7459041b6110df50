"""The public energy scan: the questions, bad answers, the result page."""

import re

import pytest

from woonloket.energy.models import Scan

pytestmark = pytest.mark.django_db

URL = "/energiescan/"
THREE = {"municipality": "36008", "building_type": "halfopen", "construction_year": "1965"}


def test_the_form_is_public_accessible_and_has_no_inline_code(client):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<fieldset" in html and "<legend>" in html
    assert 'for="id_construction_year"' in html and 'id="id_construction_year"' in html
    assert "<script" not in html and "style=" not in html  # CSP: self only
    assert "portal/portal.css" in html
    assert html.count('class="question') <= 13  # ten questions (insulation has three parts)
    assert "Weet ik niet" in html and "Categorie 4: de laagste inkomens" in html


def test_three_answers_give_a_result(client):
    response = client.post(URL, THREE)
    scan = Scan.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/energiescan/{scan.token}/"
    assert len(scan.token) >= 40  # unguessable
    assert scan.origin == "citizen" and scan.municipality_id == "36008"
    assert scan.income_category is None
    assert scan.inputs["building_type"] == "halfopen"
    assert scan.inputs["construction_year"] == 1965


def test_every_answer_is_used(client):
    data = {**THREE, "heated_floor_area_m2": "120,5", "roof_insulation_cm": "12",
            "wall_insulation_cm": "0", "floor_insulation_cm": "", "glazing": "hoogrendement",
            "heating_system": "warmtepomp_lucht_water", "heating_fuel": "elektriciteit",
            "pv_kwp": "3,2", "occupants": "3", "income_category": "2"}
    assert client.post(URL, data).status_code == 302
    scan = Scan.objects.get()
    assert scan.income_category == 2
    inputs = scan.inputs
    assert inputs["heated_floor_area_m2"] == 120.5 and inputs["pv_kwp"] == 3.2
    assert inputs["roof_insulation_cm"] == 12 and inputs["wall_insulation_cm"] == 0
    assert inputs["glazing"] == "hoogrendement" and inputs["occupants"] == 3
    assert inputs["heating_system"] == "warmtepomp_lucht_water"
    assert "floor_insulation_cm" in scan.result["defaults_used"]


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"construction_year": "3000"}, "construction_year", "Moet tussen 1800 en 2030 liggen."),
    ({"construction_year": ""}, "construction_year", "Dit veld is verplicht."),
    ({"construction_year": "negentien"}, "construction_year", "Geef een geheel getal."),
    ({"heated_floor_area_m2": "-20"}, "heated_floor_area_m2", "Moet tussen 15 en 2000 liggen."),
    ({"heated_floor_area_m2": "groot"}, "heated_floor_area_m2", "Geef een getal."),
    ({"building_type": ""}, "building_type", "Kies het soort woning."),
    ({"building_type": "kasteel"}, "building_type", "Kies een van de soorten woning."),
    ({"municipality": ""}, "municipality", "Kies de gemeente van uw woning."),
    ({"municipality": "21004"}, "municipality", "Kies een Vlaamse gemeente uit de lijst."),
    ({"roof_insulation_cm": "-3"}, "roof_insulation_cm", "Selecteer een geldige keuze."),
    ({"glazing": "plexi"}, "glazing", "Selecteer een geldige keuze."),
    ({"income_category": "7"}, "income_category", "Selecteer een geldige keuze."),
    ({"pv_kwp": "80"}, "pv_kwp", "Moet tussen 0 en 50 liggen."),
    ({"occupants": "0"}, "occupants", "Moet tussen 1 en 20 liggen."),
    ({"heating_system": "warmtepomp_lucht_water", "heating_fuel": "aardgas"}, "heating_fuel",
     "Een warmtepomp lucht/water of elektrische verwarming werkt op elektriciteit."),
])
def test_bad_answers_are_refused_in_dutch_on_their_field(client, changes, field, message):
    response = client.post(URL, {**THREE, **changes})
    assert response.status_code == 422
    assert not Scan.objects.exists()
    html = response.content.decode()
    assert 'class="error-summary"' in html and f'href="#id_{field}' in html
    errors = response.context["form"].errors
    assert list(errors) == [field]
    assert message in errors[field][0], errors


def test_the_result_page(client, make_scan):
    scan = make_scan()
    response = client.get(f"/energiescan/{scan.token}/")
    assert response.status_code == 200
    html = response.content.decode()
    r = scan.result
    assert f"Geschat energielabel: {r['label']}" in html
    assert "Dit is een schatting, geen EPC." in html
    assert "TABULA/EPISCOPE building typology, IEE projects, episcope.eu" in html
    # the label scale with the dwelling's place, and its text alternative
    assert 'class="label-' in html and "current" in html and "uw woning" in html
    assert "op een schaal van A+ (zeer zuinig) tot F" in html
    # key figures
    for text in ("kWh/m²·jaar", "kWh/jaar", "Primaire energie", "CO₂-uitstoot", "Energiekosten"):
        assert text in html
    # the SVG chart: inline markup, no style attribute, bars for every loss and gain
    svg = re.search(r"<svg class=\"energy-chart\".*?</svg>", html, re.S).group(0)
    assert "style=" not in svg and 'role="img"' in svg
    assert svg.count("<rect") == len(r["losses_kwh"]) + len(r["gains_kwh"])
    assert "Ventilatie en tocht" in svg and "Zon door de ramen" in svg
    # ranked measures with their figures and the packages
    first = r["measures"][0]
    assert first["name"] in html and "niet bevestigd" in html
    assert html.index(r["measures"][0]["name"]) < html.index(r["measures"][-1]["name"])
    assert "Naar label D" in html and "Naar label C" in html and "Naar label A" in html
    assert f'href="/energiescan/{scan.token}/renovatiecoach/"' in html
    assert "<script" not in html


def test_an_empty_post_shows_the_errors(client):
    response = client.post(URL, {})
    assert response.status_code == 422
    assert set(response.context["form"].errors) == {"municipality", "building_type",
                                                     "construction_year"}


def test_the_result_is_not_indexed(client, make_scan):
    html = client.get(f"/energiescan/{make_scan().token}/").content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_an_unknown_link_is_404(client, db):
    assert client.get("/energiescan/onbestaand-token-dat-niet-bestaat/").status_code == 404


def test_the_wizard_shares_the_rate_limit(client, settings):
    settings.WOONLOKET_SCAN_RATE = 2
    assert client.post(URL, THREE).status_code == 302
    assert client.post(URL, THREE).status_code == 302
    response = client.post(URL, THREE)
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert "te veel energiescans" in response.content.decode()
    assert Scan.objects.count() == 2
