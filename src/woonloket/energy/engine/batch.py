"""The scan engine on NumPy arrays: many dwellings at once, the same results
as `scan()` for each (the same formulas in physics.py; categorical inputs
resolved by the same functions, once per distinct combination).

Columns are named as the Dwelling fields. Categorical columns hold the
string codes ("" = unknown), numeric columns floats (NaN = unknown);
building_type and construction_year are required and assumed valid (the
caller validates rows, as neighbourhoods/importing.py does).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from . import parameters as p
from .archetypes import BANDS, TYPE_CODES, archetype_for
from .inputs import COMBUSTION, FUELS, HEATING_SYSTEMS, HOT_WATER
from .physics import CARRIERS, Envelope, Geometry, Systems, balance, delivery, geometry_of
from .scan import (
    DEFAULT_YEAR,
    heating_factors,
    hot_water_factors,
    rates,
)

Columns = Mapping[str, np.ndarray]
TYPES = tuple(TYPE_CODES)
BAND_FIRST_YEARS = np.array([last + 1 for _band, last in BANDS[:-1]])
STANDARD_HEAT_PUMP = "warmtepomp_lucht_water"


def _codes(columns: Columns, name: str, n: int) -> np.ndarray:
    """A categorical column as a fixed-width string array (fast comparisons)."""
    values = columns.get(name)
    if values is None:
        return np.full(n, "", dtype="U1")
    array: np.ndarray = np.asarray(values)
    return array if array.dtype.kind == "U" else array.astype(str)


def _numbers(columns: Columns, name: str, n: int) -> np.ndarray:
    values = columns.get(name)
    return np.full(n, np.nan) if values is None else np.asarray(values, dtype=float)


def _distinct(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct small non-negative keys and each row's position among them
    (counting instead of sorting: linear in the rows)."""
    present = np.flatnonzero(np.bincount(key))
    position = np.zeros(int(present[-1]) + 1, dtype=np.int64)
    position[present] = np.arange(len(present))
    return present, position[key]


def _index(codes: np.ndarray, choices: tuple[str, ...]) -> np.ndarray:
    """Each code's position in `choices`; -1 where unknown ("")."""
    out = np.full(len(codes), -1, dtype=np.int64)
    for i, code in enumerate(choices):
        out[codes == code] = i
    return out


def _spread(values: list[float], inverse: np.ndarray) -> Any:
    """Per-row values from per-key values; one number when every key has the same."""
    if len(set(values)) == 1:  # the climate, and parts no archetype has
        return values[0]
    return np.array(values)[inverse]


def _geometry(types: np.ndarray, years: np.ndarray) -> Geometry:
    """The archetype numbers per dwelling."""
    band = np.searchsorted(BAND_FIRST_YEARS, years, side="right")
    keys, inverse = _distinct(_index(types, TYPES) * len(BANDS) + band)
    geos = [geometry_of(archetype_for(TYPES[k // len(BANDS)], BANDS[k % len(BANDS)][1]))
            for k in keys.tolist()]

    def column(get: Any) -> Any:
        return _spread([float(get(g)) for g in geos], inverse)

    parts = {element: tuple(
        tuple(column(lambda g, e=element, i=i, j=j: g.parts[e][i][j]) for j in range(4))
        for i in range(len(geos[0].parts[element])))
        for element in geos[0].parts}
    scalar = {name: column(lambda g, name=name: getattr(g, name))
              for name in Geometry.__dataclass_fields__
              if name not in ("parts", "window_by_orientation", "solar")}
    return Geometry(
        parts=parts,
        window_by_orientation={o: column(lambda g, o=o: g.window_by_orientation[o])
                               for o in geos[0].window_by_orientation},
        solar={o: column(lambda g, o=o: g.solar[o]) for o in geos[0].solar},
        **scalar,
    )


def _lookup(codes: np.ndarray, table: Mapping[str, float], fallback: Any) -> np.ndarray:
    out = np.broadcast_to(np.asarray(fallback, dtype=float), codes.shape).copy()
    for code, value in table.items():
        out[codes == code] = value
    return out


def _systems(columns: Columns, n: int, years: np.ndarray, area: np.ndarray,
             q_w_nd: Any, year: int) -> Systems:
    """Heating and hot-water factors per dwelling: each distinct combination of
    system, fuel, installation year and hot water resolved by scan.py's functions."""
    system = _index(_codes(columns, "heating_system", n), HEATING_SYSTEMS)
    system = np.where(system >= 0, system, np.where(
        years >= 2006, HEATING_SYSTEMS.index("condensatieketel"),
        HEATING_SYSTEMS.index("klassieke_ketel")))
    combustion = np.array([s in COMBUSTION for s in HEATING_SYSTEMS])[system]
    fuel = _index(_codes(columns, "heating_fuel", n), FUELS)
    fuel = np.where(fuel >= 0, fuel, np.where(combustion, FUELS.index("aardgas"),
                                              FUELS.index("elektriciteit")))
    installed = _numbers(columns, "heating_year", n)
    installed = np.where(np.isnan(installed), np.maximum(years, year - p.DEFAULT_HEATING_AGE),
                         installed).astype(np.int64)
    hot_water = _index(_codes(columns, "hot_water", n), HOT_WATER)
    hot_water = np.where(hot_water >= 0, hot_water, HOT_WATER.index("met_verwarming"))
    first = int(installed.min())
    span = int(installed.max()) - first + 1
    keys, inverse = _distinct(((system * len(FUELS) + fuel) * len(HOT_WATER) + hot_water) * span
                              + installed - first)
    heating: dict[str, list[float]] = {c: [] for c in CARRIERS}
    dhw: dict[str, list[float]] = {c: [] for c in CARRIERS}
    for k in keys.tolist():
        when, rest = k % span + first, k // span
        w, rest = rest % len(HOT_WATER), rest // len(HOT_WATER)
        f, s = rest % len(FUELS), rest // len(FUELS)
        h = heating_factors(HEATING_SYSTEMS[s], FUELS[f], when)
        d = hot_water_factors(HOT_WATER[w], HEATING_SYSTEMS[s], FUELS[f], when)
        for c in CARRIERS:
            heating[c].append(h[c])
            dhw[c].append(d[c])
    occupants = _numbers(columns, "occupants", n)
    ventilation = _codes(columns, "ventilation", n)
    pv = _numbers(columns, "pv_kwp", n)
    return Systems(
        heating={c: _spread(v, inverse) for c, v in heating.items()},
        hot_water={c: _spread(v, inverse) for c, v in dhw.items()},
        aux_kwh_m2=_lookup(ventilation, p.VENTILATION_AUX_KWH_M2, 0.0),
        hot_water_kwh=np.where(np.isnan(occupants), q_w_nd * area,
                               occupants * p.HOT_WATER_KWH_PER_PERSON),
        pv_kwh=np.nan_to_num(pv) * p.PV_YIELD_KWH_PER_KWP,
    )


def _r(cm: np.ndarray) -> np.ndarray:
    resistance: np.ndarray = np.nan_to_num(cm) / 100.0 / p.INSULATION_LAMBDA
    return resistance


def scan_batch(columns: Columns, year: int = DEFAULT_YEAR) -> dict[str, np.ndarray]:
    """Need, primary energy, label, CO2 and cost of every dwelling in the columns."""
    types = _codes(columns, "building_type", len(columns["building_type"]))
    years = np.asarray(columns["construction_year"], dtype=np.int64)
    n = len(types)
    g = _geometry(types, years)
    area = _numbers(columns, "heated_floor_area_m2", n)
    area = np.where(np.isnan(area) | (area == 0), g.default_area, area)
    glazing = _codes(columns, "glazing", n)
    ventilation = _codes(columns, "ventilation", n)
    envelope = Envelope(
        area=area, r_roof=_r(_numbers(columns, "roof_insulation_cm", n)),
        r_walls=_r(_numbers(columns, "wall_insulation_cm", n)),
        r_floors=_r(_numbers(columns, "floor_insulation_cm", n)),
        u_window=_lookup(glazing, {k: v[0] for k, v in p.GLAZING.items()}, g.u_window),
        g_window=_lookup(glazing, {k: v[1] for k, v in p.GLAZING.items()}, g.g_window),
        n_infiltration=_lookup(_codes(columns, "airtightness", n), p.INFILTRATION,
                               g.n_infiltration),
        recovery=np.where(ventilation == "balans_wtw", p.VENTILATION_RECOVERY, 0.0),
    )
    systems = _systems(columns, n, years, area, g.q_w_nd, year)
    heat = balance(g, envelope)
    out = delivery(heat["heat_need_kwh"], area, systems, rates(year))
    labels = np.array([label for label, _bound in p.label_scale()], dtype=object)
    return {
        "heat_need_kwh_m2": heat["heat_need_kwh_m2"], "heat_need_kwh": heat["heat_need_kwh"],
        "primary_energy_kwh_m2": out["primary_energy_kwh_m2"],
        "label": labels[out["label_index"]], "co2_kg": out["co2_kg"],
        "cost_eur": out["cost_eur"], "delivered_kwh": out["delivered_kwh"],
    }


def deep_renovation_columns(columns: Columns, year: int = DEFAULT_YEAR) -> dict[str, Any]:
    """The columns after the standard deep renovation (measures.deep_renovation)."""
    types = _codes(columns, "building_type", len(columns["building_type"]))
    years = np.asarray(columns["construction_year"], dtype=np.int64)
    n = len(types)
    house = types != "appartement"
    out: dict[str, Any] = dict(columns)
    for name, more in (("roof_insulation_cm", 16.0), ("floor_insulation_cm", 10.0)):
        cm = np.nan_to_num(_numbers(columns, name, n))
        out[name] = np.where(house, np.minimum(cm + more, 50.0), _numbers(columns, name, n))
    walls = np.nan_to_num(_numbers(columns, "wall_insulation_cm", n))
    cavity = (years >= 1946) & (years <= 1990) & (walls == 0)
    out["wall_insulation_cm"] = np.where(
        house, np.minimum(walls + np.where(cavity, 6.0, 14.0), 50.0),
        _numbers(columns, "wall_insulation_cm", n))
    glazing = _codes(columns, "glazing", n)
    out["glazing"] = np.where(glazing == "driedubbel", glazing, "hoogrendement")
    air = _codes(columns, "airtightness", n)
    out["airtightness"] = np.where(air == "zeer_goed", air, "goed")
    out["heating_system"] = np.full(n, STANDARD_HEAT_PUMP)
    out["heating_fuel"] = np.full(n, "elektriciteit")
    out["heating_year"] = np.full(n, float(year))
    return out


def potential_batch(columns: Columns, year: int = DEFAULT_YEAR) -> dict[str, np.ndarray]:
    """The scan now and after the standard deep renovation, with the saving."""
    now = scan_batch(columns, year)
    after = scan_batch(deep_renovation_columns(columns, year), year)
    return {**now, "saving_kwh": now["delivered_kwh"] - after["delivered_kwh"],
            "saving_eur": now["cost_eur"] - after["cost_eur"], "label_after": after["label"],
            "primary_energy_kwh_m2_after": after["primary_energy_kwh_m2"]}

