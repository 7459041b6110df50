"""One dwelling through the engine: defaults from the archetype, the heat
balance, the systems, and the result (always an estimate, not an EPC)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from . import parameters as p
from .archetypes import Archetype, archetype_for
from .inputs import COMBUSTION, Dwelling
from .physics import CARRIERS, Envelope, Rates, Systems, balance, delivery, geometry_of

DEFAULT_YEAR = 2025


def r_insulation(cm: float | None) -> float:
    """Thermal resistance (m2K/W) of added insulation of `cm` centimetres."""
    return (cm or 0.0) / 100.0 / p.INSULATION_LAMBDA


def default_heating(construction_year: int) -> str:
    """Condensing boilers became the rule for homes built from 2006 on (assumption)."""
    return "condensatieketel" if construction_year >= 2006 else "klassieke_ketel"


def default_heating_year(construction_year: int, year: int) -> int:
    return max(construction_year, year - p.DEFAULT_HEATING_AGE)


def _factor(table: tuple[tuple[int, float], ...], installed: int) -> float:
    return next(value for start, value in table if installed >= start)


def heating_factors(system: str, fuel: str, installed: int) -> dict[str, float]:
    """Delivered energy per kWh of heat need, by carrier."""
    out = dict.fromkeys(CARRIERS, 0.0)
    if system == "condensatieketel":
        out[fuel] = _factor(p.CONDENSING, installed)
    elif system == "klassieke_ketel":
        out[fuel] = _factor(p.NON_CONDENSING, installed)
    elif system == "kachel":
        out[fuel] = p.STOVE
    elif system == "warmtepomp_lucht_water":
        out["elektriciteit"] = p.HEAT_PUMP
    elif system == "warmtepomp_hybride":  # the heat pump and, on cold days, the boiler
        out["elektriciteit"] = p.HYBRID_HEAT_PUMP_SHARE * p.HEAT_PUMP
        out[fuel] = (1 - p.HYBRID_HEAT_PUMP_SHARE) * _factor(p.CONDENSING, installed)
    else:  # elektrische_verwarming
        out["elektriciteit"] = p.DIRECT_ELECTRIC
    return out


def hot_water_factors(hot_water: str, system: str, fuel: str, installed: int) -> dict[str, float]:
    """Delivered energy per kWh of hot-water need, by carrier."""
    out = dict.fromkeys(CARRIERS, 0.0)
    if hot_water == "met_verwarming":
        if system in ("warmtepomp_lucht_water",):
            out["elektriciteit"] = p.HEAT_PUMP_HOT_WATER
        elif system in ("condensatieketel", "klassieke_ketel", "warmtepomp_hybride"):
            table = p.NON_CONDENSING if system == "klassieke_ketel" else p.CONDENSING
            out[fuel] = _factor(table, installed) * p.HOT_WATER_WITH_BOILER
        else:  # a stove or direct electric heating: an electric boiler does the water
            out["elektriciteit"] = p.HOT_WATER_FACTOR["elektrische_boiler"]
    elif hot_water == "gasgeiser":
        out["aardgas"] = p.HOT_WATER_FACTOR["gasgeiser"]
    else:
        out["elektriciteit"] = p.HOT_WATER_FACTOR[hot_water]
    return out


@dataclass(frozen=True)
class Completed:
    """A dwelling with every default applied, and the numbers the physics needs."""

    dwelling: Dwelling
    archetype: Archetype
    envelope: Envelope
    systems: Systems
    defaults_used: tuple[str, ...] = field(default=())


def complete(d: Dwelling, year: int = DEFAULT_YEAR) -> Completed:
    """Fill every unknown input from the archetype and the defaults above."""
    arch = archetype_for(d.building_type, d.construction_year)
    used = tuple(name for name in ("heated_floor_area_m2", "roof_insulation_cm",
                                   "wall_insulation_cm", "floor_insulation_cm", "glazing",
                                   "airtightness", "ventilation", "heating_system",
                                   "heating_fuel", "heating_year", "hot_water", "pv_kwp",
                                   "occupants") if getattr(d, name) is None)
    area = d.heated_floor_area_m2 or arch.default_area
    system = d.heating_system or default_heating(d.construction_year)
    fuel = d.heating_fuel or ("aardgas" if system in COMBUSTION else "elektriciteit")
    installed = d.heating_year or default_heating_year(d.construction_year, year)
    hot_water = d.hot_water or "met_verwarming"
    ventilation = d.ventilation or "natuurlijk"
    u_window, g_window = p.GLAZING[d.glazing] if d.glazing else (arch.u_window, arch.g_window)
    filled = Dwelling(
        building_type=d.building_type, construction_year=d.construction_year,
        heated_floor_area_m2=area, roof_insulation_cm=d.roof_insulation_cm or 0.0,
        wall_insulation_cm=d.wall_insulation_cm or 0.0,
        floor_insulation_cm=d.floor_insulation_cm or 0.0, glazing=d.glazing,
        airtightness=d.airtightness, ventilation=ventilation, heating_system=system,
        heating_fuel=fuel, heating_year=installed, hot_water=hot_water,
        pv_kwp=d.pv_kwp or 0.0, occupants=d.occupants,
    )
    envelope = Envelope(
        area=area, r_roof=r_insulation(d.roof_insulation_cm),
        r_walls=r_insulation(d.wall_insulation_cm), r_floors=r_insulation(d.floor_insulation_cm),
        u_window=u_window, g_window=g_window,
        n_infiltration=p.INFILTRATION[d.airtightness] if d.airtightness else arch.n_infiltration,
        recovery=p.VENTILATION_RECOVERY if ventilation == "balans_wtw" else 0.0,
    )
    hot_water_kwh = (d.occupants * p.HOT_WATER_KWH_PER_PERSON if d.occupants
                     else arch.q_w_nd * area)
    systems = Systems(
        heating=heating_factors(system, fuel, installed),
        hot_water=hot_water_factors(hot_water, system, fuel, installed),
        aux_kwh_m2=p.VENTILATION_AUX_KWH_M2[ventilation], hot_water_kwh=hot_water_kwh,
        pv_kwh=(d.pv_kwp or 0.0) * p.PV_YIELD_KWH_PER_KWP,
    )
    return Completed(filled, arch, envelope, systems, used)


def rates(year: int) -> Rates:
    carriers = p.carriers()
    price = p.prices(year)
    return Rates(
        primary={c: carriers[c][0] for c in CARRIERS}, co2={c: carriers[c][1] for c in CARRIERS},
        price={c: price[c].value for c in CARRIERS}, pv_value=price["zonnestroom"].value,
        label_bounds=tuple(bound for _label, bound in p.label_scale() if bound is not None),
    )


@dataclass(frozen=True)
class ScanResult:
    completed: Completed
    year: int
    heat_need_kwh_m2: float
    heat_need_kwh: float
    hot_water_kwh: float
    delivered_kwh: dict[str, float]
    pv_kwh: float
    primary_energy_kwh_m2: float
    label: str
    co2_kg: float
    cost_eur: float
    losses_kwh: dict[str, float]
    gains_kwh: dict[str, float]
    terms: dict[str, float]   # h_tr, h_ve, F_red, q_ht, q_sol, q_int, eta (per m2)

    @property
    def total_delivered_kwh(self) -> float:
        return sum(self.delivered_kwh.values())


def label_for(index: int) -> str:
    return p.label_scale()[int(index)][0]


def scan(d: Dwelling, year: int = DEFAULT_YEAR) -> ScanResult:
    """The estimate for one dwelling."""
    c = complete(d, year)
    heat = balance(geometry_of(c.archetype), c.envelope)
    out = delivery(heat["heat_need_kwh"], c.envelope.area, c.systems, rates(year))
    return ScanResult(
        completed=c, year=year, heat_need_kwh_m2=float(heat["heat_need_kwh_m2"]),
        heat_need_kwh=float(heat["heat_need_kwh"]), hot_water_kwh=float(c.systems.hot_water_kwh),
        delivered_kwh={k: float(v) for k, v in out["delivered"].items()},
        pv_kwh=float(c.systems.pv_kwh),
        primary_energy_kwh_m2=float(out["primary_energy_kwh_m2"]),
        label=label_for(out["label_index"]), co2_kg=float(out["co2_kg"]),
        cost_eur=float(out["cost_eur"]),
        losses_kwh={k: float(v) for k, v in heat["losses"].items()},
        gains_kwh={k: float(v) for k, v in heat["gains"].items()},
        terms={k: float(heat[k]) for k in ("h_tr", "h_ve", "f_red", "q_ht", "q_sol", "q_int",
                                           "eta")},
    )


def as_json(value: Any) -> Any:
    """Round floats for the API (1 decimal; 2 for ratios)."""
    if isinstance(value, float):
        return round(value, 1)
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [as_json(v) for v in value]
    return value
