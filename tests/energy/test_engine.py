"""The scan engine: formulas against a hand calculation, monotonicity, defaults,
bad input, labels, premiums by income category, measures and packages."""

import csv
import itertools
import math

import pytest

from woonloket.energy.engine import InputError, dwelling_from, evaluate, measures, packages, scan
from woonloket.energy.engine import parameters as p
from woonloket.energy.engine.archetypes import DATA, archetypes
from woonloket.energy.engine.inputs import FIELDS, GLAZING, Dwelling
from woonloket.energy.engine.scan import label_for


def _row(code):
    with DATA.open(encoding="utf-8") as handle:
        return next(r for r in csv.DictReader(handle) if r["Code_BuildingType"] == code)


def test_a_terraced_house_of_1960_matches_the_hand_calculation():
    """BE.N.TH.02.Gen with every default, worked out from the CSV row with the
    formulas of shared/data/README.md, step by step."""
    r = {k: float(v) for k, v in _row("BE.N.TH.02.Gen").items() if not k.startswith("Code")}
    a = r["A_C_Ref"]
    # Roof_2, Wall_2 and Floor_2 border an unheated space: R_add = 0.3 m2K/W.
    elements = [(e, 1 / (1 / r[f"U_{e}"] + r[f"R_Add_UnheatedSpace_{e}"]))
                for e in ("Roof_1", "Roof_2", "Wall_1", "Wall_2", "Floor_1", "Floor_2")]
    h_opaque = sum(r[f"b_Transmission_{e}"] * u * r[f"A_Calc_{e}"] for e, u in elements)
    h_window = r["U_Window_1"] * r["A_Calc_Window_1"]
    h_door = r["U_Door_1"] * r["A_Calc_Door_1"]
    envelope = sum(r[f"A_Calc_{e}"] for e, _u in elements) + r["A_Calc_Window_1"] \
        + r["A_Calc_Door_1"]
    h_tr = (h_opaque + h_window + h_door + 0.1 * envelope) / a
    h_ve = 0.34 * (0.4 + 0.4) * 2.5
    f_red = r["F_red_htr1"] + (r["F_red_htr4"] - r["F_red_htr1"]) * (min(max(h_tr, 1), 4) - 1) / 3
    assert (r["F_red_htr1"], r["F_red_htr4"]) == (0.9, 0.8)
    q_ht = 0.024 * (h_tr + h_ve) * f_red * (20 - 6.2) * 210
    solar = {"East": 202, "South": 340, "West": 202, "North": 110}
    q_sol = sum(0.6 * 0.7 * 0.9 * r["g_gl_n_Window_1"] * r[f"A_Calc_Window_{o}"] * i
                for o, i in solar.items()) / a
    q_int = 0.024 * 3 * 210
    tau = 45 / (h_tr + h_ve)
    a_h = 0.8 + tau / 30
    gamma = (q_sol + q_int) / q_ht
    eta = (1 - gamma ** a_h) / (1 - gamma ** (a_h + 1))
    need = q_ht - eta * (q_sol + q_int)

    result = scan(Dwelling("gesloten", 1960))

    assert result.completed.archetype.code == "BE.N.TH.02.Gen"
    assert result.completed.envelope.area == pytest.approx(a)
    assert result.terms["h_tr"] == pytest.approx(h_tr, rel=1e-12)
    assert result.terms["q_sol"] == pytest.approx(q_sol, rel=1e-12)
    assert result.heat_need_kwh_m2 == pytest.approx(need, rel=1e-12)
    assert round(need, 1) == 196.0  # the figure as the engine printed it on 2026-12-02
    # Gas boiler of the period (non-condensing, installed 2010: e_g 1.16) with
    # hot water on the same boiler (10 kWh/m2 x 1.16 x 1.1).
    gas = need * a * 1.16 + 10 * a * 1.16 * 1.1
    assert result.delivered_kwh["aardgas"] == pytest.approx(gas, rel=1e-12)
    assert result.primary_energy_kwh_m2 == pytest.approx(gas / a, rel=1e-12)
    assert result.co2_kg == pytest.approx(gas * 0.201, rel=1e-12)
    assert result.cost_eur == pytest.approx(gas * p.prices(2025)["aardgas"].value, rel=1e-12)
    assert result.label == "C"


def test_losses_minus_used_gains_are_the_need():
    result = scan(Dwelling("halfopen", 1975, heated_floor_area_m2=140))
    losses = sum(result.losses_kwh.values())
    gains = sum(result.gains_kwh.values())
    assert losses - gains == pytest.approx(result.heat_need_kwh, rel=1e-9)


@pytest.mark.parametrize("element", ["roof_insulation_cm", "wall_insulation_cm",
                                     "floor_insulation_cm"])
def test_more_insulation_never_raises_the_need(element):
    for code in archetypes():
        kind = {"SFH": "open", "TH": "gesloten", "MFH": "appartement"}[code.split(".")[2]]
        kind = "halfopen" if code.endswith("Semi") else kind
        year = {"01": 1930, "02": 1960, "03": 1980, "04": 2000, "05": 2008, "06": 2015}[
            code.split(".")[3]]
        needs = [scan(Dwelling(kind, year, **{element: cm})).heat_need_kwh
                 for cm in (0, 2, 5, 10, 20, 40)]
        assert needs == sorted(needs, reverse=True), (code, element, needs)
        assert needs[-1] < needs[0], (code, element)


def test_better_glazing_and_air_tightness_never_raise_the_need():
    for kind, year in itertools.product(("open", "gesloten", "appartement"), (1930, 1985)):
        by_glass = [scan(Dwelling(kind, year, glazing=g)).heat_need_kwh for g in GLAZING]
        assert by_glass == sorted(by_glass, reverse=True)
        by_air = [scan(Dwelling(kind, year, airtightness=a)).heat_need_kwh
                  for a in ("slecht", "gemiddeld", "goed", "zeer_goed")]
        assert by_air == sorted(by_air, reverse=True)


def test_a_larger_house_needs_more_in_total_but_not_more_per_m2():
    small, large = (scan(Dwelling("open", 1965, heated_floor_area_m2=a)) for a in (120, 300))
    assert large.heat_need_kwh > small.heat_need_kwh
    assert large.heat_need_kwh_m2 < small.heat_need_kwh_m2


def test_three_answers_fill_every_other_input():
    for kind, year in itertools.product(("open", "halfopen", "gesloten", "appartement"),
                                        (1900, 1950, 1980, 2000, 2010, 2020)):
        result = evaluate(dwelling_from({"building_type": kind, "construction_year": year,
                                         "heated_floor_area_m2": 110}))
        optional = set(FIELDS) - {"building_type", "construction_year", "heated_floor_area_m2"}
        assert set(result["defaults_used"]) == optional
        filled = {k for k, v in result["inputs"].items() if v is not None}
        # glazing, air tightness and occupants stay "as typical for the period"
        assert filled == set(FIELDS) - {"glazing", "airtightness", "occupants"}
        assert result["heat_need_kwh_m2"] > 0 and result["label"] in {
            label for label, _b in p.label_scale()}


def test_an_apartment_without_area_takes_its_share_of_the_building():
    result = scan(Dwelling("appartement", 1960))
    arch = result.completed.archetype
    assert result.completed.envelope.area == pytest.approx(arch.a_ref / arch.n_apartments)


@pytest.mark.parametrize(("data", "field", "message"), [
    ({"building_type": "open", "construction_year": 1960, "heated_floor_area_m2": -5},
     "heated_floor_area_m2", "Moet tussen"),
    ({"building_type": "open", "construction_year": 3000}, "construction_year", "Moet tussen"),
    ({"building_type": "kasteel", "construction_year": 1960}, "building_type", "Kies een van"),
    ({"construction_year": 1960}, "building_type", "verplicht"),
    ({"building_type": "open", "construction_year": 1960.5}, "construction_year", "geheel"),
    ({"building_type": "open", "construction_year": "oud"}, "construction_year", "getal"),
    ({"building_type": "open", "construction_year": 1960, "glazing": "kristal"}, "glazing",
     "Kies een van"),
    ({"building_type": "open", "construction_year": 1960, "roof_insulation": 10},
     "roof_insulation", "bestaat niet"),
    ({"building_type": "open", "construction_year": 1960, "pv_kwp": float("nan")}, "pv_kwp",
     "getal"),
    ({"building_type": "open", "construction_year": 1960, "heating_system":
      "warmtepomp_lucht_water", "heating_fuel": "stookolie"}, "heating_fuel", "elektriciteit"),
    ({"building_type": "open", "construction_year": 1990, "heating_year": 1980},
     "heating_year", "ouder"),
])
def test_bad_input_is_refused_with_a_dutch_message(data, field, message):
    with pytest.raises(InputError) as caught:
        dwelling_from(data)
    assert message in caught.value.errors[field]


@pytest.mark.parametrize(("primary", "label"), [
    (-1, "A+"), (0, "A"), (99.9, "A"), (100, "B"), (299.9, "C"), (300, "D"), (399.9, "D"),
    (450, "E"), (500, "F"), (900, "F")])
def test_label_scale(primary, label):
    import numpy as np

    bounds = [b for _l, b in p.label_scale() if b is not None]
    assert label_for(np.searchsorted(bounds, primary, side="right")) == label


def test_pv_lowers_primary_energy_by_its_yield():
    without = scan(Dwelling("open", 1985, heated_floor_area_m2=150))
    with_pv = scan(Dwelling("open", 1985, heated_floor_area_m2=150, pv_kwp=4))
    assert without.primary_energy_kwh_m2 - with_pv.primary_energy_kwh_m2 == pytest.approx(
        4 * 850 * 2.5 / 150)


def _premium(code, category):
    dwelling = Dwelling("open", 1960, heated_floor_area_m2=150)
    return next(m for m in measures(dwelling, category) if m.code == code)


def test_premium_grows_from_the_highest_to_the_lowest_income_category():
    roof = [_premium("dakisolatie", c).premium_eur for c in (1, 2, 3, 4)]
    assert roof == sorted(roof) and roof[0] < roof[-1]
    table = p.premiums(2025)
    measure = _premium("dakisolatie", 4)
    expected = min(table["dakisolatie", 4].per_unit * measure.quantity,
                   0.5 * measure.investment_eur)
    assert measure.premium_eur == pytest.approx(expected)
    assert measure.premium_confirmed is False


def test_heat_pump_premium_never_exceeds_the_invoice_share_of_the_category():
    for category, share in ((1, 0.20), (2, 0.25), (3, 0.35), (4, 0.50)):
        pump = _premium("warmtepomp_lucht_water", category)
        assert pump.premium_eur <= share * pump.investment_eur + 1e-9


def test_unknown_income_gets_the_premium_of_the_highest_incomes():
    dwelling = Dwelling("open", 1960)
    assert [m.premium_eur for m in measures(dwelling)] == [
        m.premium_eur for m in measures(dwelling, 1)]


def test_measures_are_ranked_by_payback_and_each_saves_energy():
    ranked = measures(Dwelling("halfopen", 1955), 3)
    paybacks = [m.payback_years for m in ranked if m.payback_years is not None]
    assert paybacks == sorted(paybacks)
    assert {"dakisolatie", "spouwmuurisolatie", "hoogrendementsglas"} <= {m.code for m in ranked}
    for m in ranked:
        if m.code != "zonnepanelen":
            assert m.saving_kwh > 0, m.code


def test_an_apartment_gets_no_measures_of_the_building():
    codes = {m.code for m in measures(Dwelling("appartement", 1965))}
    assert not codes & {"dakisolatie", "spouwmuurisolatie", "buitenisolatie_muur", "zonnepanelen"}
    assert "hoogrendementsglas" in codes


def test_a_recent_house_gets_no_insulation_measures():
    codes = {m.code for m in measures(Dwelling("open", 2018))}
    assert not codes & {"dakisolatie", "vloerisolatie", "binnenisolatie_muur"}


def test_packages_reach_d_c_and_a_nested():
    dwelling = Dwelling("open", 1935, heating_system="klassieke_ketel", heating_fuel="stookolie",
                        heating_year=1975)
    assert scan(dwelling).label in ("E", "F")
    d, c, a = packages(dwelling, 2)
    assert (d.target, c.target, a.target) == ("D", "C", "A")
    assert d.reached and c.reached
    assert set(d.codes) <= set(c.codes) <= set(a.codes)
    assert d.investment_eur <= c.investment_eur <= a.investment_eur
    assert scan(dwelling).primary_energy_kwh_m2 > d.primary_energy_kwh_m2_after
    result = evaluate(dwelling)
    assert "label D" in result["renovation_obligation"]


def test_the_result_carries_the_api_fields_and_its_sources():
    result = evaluate(dwelling_from({"building_type": "gesloten", "construction_year": 1925}), 4)
    for key in ("heat_need_kwh_m2", "heat_need_kwh", "primary_energy_kwh_m2", "label", "co2_kg",
                "cost_eur", "archetype", "measures"):
        assert key in result
    for measure in result["measures"]:
        assert {"code", "investment_eur", "saving_eur", "premium_eur", "payback_years",
                "co2_saving_kg"} <= set(measure)
    assert result["is_estimate"] is True
    assert any("episcope" in s for s in result["parameters"]["sources"])
    assert "premiebedragen Mijn VerbouwPremie" in result["parameters"]["unconfirmed"]
    assert not any(isinstance(v, float) and math.isnan(v) for v in result.values())


def test_a_hybrid_heat_pump_keeps_the_fuel_of_its_boiler():
    dwelling = dwelling_from({"building_type": "open", "construction_year": 1975,
                              "heating_system": "warmtepomp_hybride", "heating_fuel": "stookolie"})
    result = scan(dwelling)
    assert result.delivered_kwh["stookolie"] > 0 and result.delivered_kwh["elektriciteit"] > 0
    assert result.delivered_kwh["aardgas"] == 0
    with pytest.raises(InputError):
        dwelling_from({"building_type": "open", "construction_year": 1975,
                       "heating_system": "warmtepomp_hybride", "heating_fuel": "elektriciteit"})


@pytest.mark.parametrize(("kind", "year"), [("gesloten", 1971), ("appartement", 1960),
                                            ("open", 2008)])
def test_the_filled_in_dwelling_gives_the_same_result(kind, year):
    """Measures rescan the filled-in dwelling: it must reproduce the original exactly,
    or every saving would carry a difference of its own."""
    first = scan(Dwelling(kind, year))
    again = scan(first.completed.dwelling)
    assert again.cost_eur == first.cost_eur
    assert again.primary_energy_kwh_m2 == first.primary_energy_kwh_m2


def test_an_apartment_may_be_given_with_its_buildings_area_a_house_not():
    """TABULA's reference area of a multi-family archetype is the whole building's:
    the result per m2 is the apartment's."""
    arch = scan(Dwelling("appartement", 1960)).completed.archetype
    whole = scan(dwelling_from({"building_type": "appartement", "construction_year": 1960,
                                "heated_floor_area_m2": arch.a_ref}))
    assert whole.heat_need_kwh_m2 == pytest.approx(
        scan(Dwelling("appartement", 1960)).heat_need_kwh_m2, rel=1e-12)
    with pytest.raises(InputError) as caught:
        dwelling_from({"building_type": "open", "construction_year": 1960,
                       "heated_floor_area_m2": 2500})
    assert "2000" in caught.value.errors["heated_floor_area_m2"]
