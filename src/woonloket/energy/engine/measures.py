"""Renovation measures: what each changes in the dwelling, what it costs,
saves and earns in premium; the ranked list and the packages that reach a label.

A measure is applicable when it improves the element it touches (a roof that
is already well insulated gets no roof measure; an apartment gets no wall,
roof, floor or PV measure: those are decisions of the building's owners).
Ranking: shortest payback (investment minus premium, over the yearly saving)
first; a measure that saves nothing comes last.
Packages: from the dwelling as it is, add at each step the measure with the
most primary energy saved per euro (after premium) until the label is
reached; D, then C, then A, each package holding the previous one (the
renovation obligation after purchase asks label D within five years of a
deed from 2023 on for a home with label E or F).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import parameters as p
from .inputs import Dwelling, with_changes
from .scan import DEFAULT_YEAR, ScanResult, r_insulation, scan

ROOF_ADD_CM = 16.0      # about R 4.5 m2K/W
CAVITY_CM = 6.0
INSIDE_WALL_CM = 8.0    # about R 2.0
OUTSIDE_WALL_CM = 14.0  # about R 4.0
FLOOR_ADD_CM = 10.0
U_THRESHOLD = 0.4       # an element above this U (W/m2K) is worth insulating (assumption)
PV_ADD_KWP = 4.0

NAMES = {
    "dakisolatie": "Dakisolatie", "spouwmuurisolatie": "Spouwmuurisolatie",
    "binnenisolatie_muur": "Muurisolatie aan de binnenkant",
    "buitenisolatie_muur": "Muurisolatie aan de buitenkant", "vloerisolatie": "Vloerisolatie",
    "hoogrendementsglas": "Hoogrendementsglas (nieuwe ramen)",
    "luchtdichtheid": "Luchtdicht maken", "ventilatie_wtw": "Ventilatie met warmteterugwinning",
    "warmtepomp_lucht_water": "Warmtepomp lucht/water", "warmtepomp_hybride": "Hybride warmtepomp",
    "condensatieketel": "Condensatieketel", "zonnepanelen": "Zonnepanelen",
    "warmtepompboiler": "Warmtepompboiler",
}
CODES = tuple(NAMES)
# Measures that exclude each other: one way of insulating the walls, one heat generator.
GROUPS = ({"spouwmuurisolatie", "binnenisolatie_muur", "buitenisolatie_muur"},
          {"warmtepomp_lucht_water", "warmtepomp_hybride", "condensatieketel"})
HOUSE_ONLY = {"dakisolatie", "spouwmuurisolatie", "binnenisolatie_muur", "buitenisolatie_muur",
              "vloerisolatie", "zonnepanelen"}


def _u(parts: tuple[tuple[float, float, float, float], ...], cm: float | None) -> float:
    """Area-weighted U of an element with `cm` added insulation."""
    area = sum(a for a, *_ in parts)
    if not area:
        return 0.0
    return sum(a / (1 / u + r_add + r_insulation(cm)) for a, u, _b, r_add in parts) / area


@dataclass(frozen=True)
class Measure:
    code: str
    applies: Callable[[ScanResult], bool]
    change: Callable[[Dwelling], dict[str, Any]]
    quantity: Callable[[ScanResult], float]   # in the cost table's unit


def _added(cm: float | None, more: float) -> float:
    return min((cm or 0.0) + more, 50.0)


def _areas(r: ScanResult) -> dict[str, float]:
    """Element areas of the dwelling (the archetype's, scaled as in physics.balance)."""
    arch, area = r.completed.archetype, r.completed.envelope.area
    k = area / arch.default_area
    per = 1 / arch.n_apartments
    apartment = arch.code.split(".")[2] == "MFH"
    wall_scale = k if apartment else k ** 0.5
    return {
        "roof": sum(a for a, *_ in arch.roof) * k * (per if apartment else 1),
        "walls": sum(a for a, *_ in arch.walls) * wall_scale * (per if apartment else 1),
        "floors": sum(a for a, *_ in arch.floors) * k * (per if apartment else 1),
        "windows": arch.window_area * k * (per if apartment else 1),
    }


def _u_now(r: ScanResult, element: str) -> float:
    d, arch = r.completed.dwelling, r.completed.archetype
    cm = {"roof": d.roof_insulation_cm, "walls": d.wall_insulation_cm,
          "floors": d.floor_insulation_cm}[element]
    return _u(getattr(arch, element), cm)


def _is_apartment(r: ScanResult) -> bool:
    return r.completed.dwelling.building_type == "appartement"


def _uninsulated_walls(r: ScanResult) -> bool:
    return _u_now(r, "walls") > U_THRESHOLD


def _boiler(r: ScanResult) -> bool:
    return r.completed.dwelling.heating_system in ("condensatieketel", "klassieke_ketel")


def _no_heat_pump(r: ScanResult) -> bool:
    return r.completed.dwelling.heating_system not in ("warmtepomp_lucht_water",
                                                       "warmtepomp_hybride")


MEASURES = (
    Measure("dakisolatie", lambda r: _u_now(r, "roof") > U_THRESHOLD,
            lambda d: {"roof_insulation_cm": _added(d.roof_insulation_cm, ROOF_ADD_CM)},
            lambda r: _areas(r)["roof"]),
    Measure("spouwmuurisolatie",
            lambda r: _uninsulated_walls(r) and 1946 <= r.completed.dwelling.construction_year
            <= 1990 and not r.completed.dwelling.wall_insulation_cm,
            lambda d: {"wall_insulation_cm": _added(d.wall_insulation_cm, CAVITY_CM)},
            lambda r: _areas(r)["walls"]),
    Measure("binnenisolatie_muur", _uninsulated_walls,
            lambda d: {"wall_insulation_cm": _added(d.wall_insulation_cm, INSIDE_WALL_CM)},
            lambda r: _areas(r)["walls"]),
    Measure("buitenisolatie_muur", _uninsulated_walls,
            lambda d: {"wall_insulation_cm": _added(d.wall_insulation_cm, OUTSIDE_WALL_CM)},
            lambda r: _areas(r)["walls"]),
    Measure("vloerisolatie", lambda r: _u_now(r, "floors") > U_THRESHOLD,
            lambda d: {"floor_insulation_cm": _added(d.floor_insulation_cm, FLOOR_ADD_CM)},
            lambda r: _areas(r)["floors"]),
    Measure("hoogrendementsglas",
            lambda r: r.completed.envelope.u_window > p.GLAZING["hoogrendement"][0],
            lambda d: {"glazing": "hoogrendement"}, lambda r: _areas(r)["windows"]),
    Measure("luchtdichtheid",
            lambda r: r.completed.envelope.n_infiltration > p.INFILTRATION["goed"],
            lambda d: {"airtightness": "goed"}, lambda r: 1.0),
    Measure("ventilatie_wtw", lambda r: r.completed.dwelling.ventilation != "balans_wtw",
            lambda d: {"ventilation": "balans_wtw"}, lambda r: 1.0),
    Measure("warmtepomp_lucht_water",
            lambda r: r.completed.dwelling.heating_system != "warmtepomp_lucht_water",
            lambda d: {"heating_system": "warmtepomp_lucht_water", "heating_fuel": "elektriciteit",
                       "heating_year": None}, lambda r: 1.0),
    Measure("warmtepomp_hybride", lambda r: _boiler(r),
            lambda d: {"heating_system": "warmtepomp_hybride", "heating_year": None},
            lambda r: 1.0),
    Measure("condensatieketel",
            lambda r: r.completed.dwelling.heating_system == "klassieke_ketel",
            lambda d: {"heating_system": "condensatieketel", "heating_year": None},
            lambda r: 1.0),
    Measure("zonnepanelen", lambda r: (r.completed.dwelling.pv_kwp or 0) < 3,
            lambda d: {"pv_kwp": (d.pv_kwp or 0) + PV_ADD_KWP}, lambda r: PV_ADD_KWP),
    Measure("warmtepompboiler",
            lambda r: r.completed.dwelling.hot_water != "warmtepompboiler" and _no_heat_pump(r),
            lambda d: {"hot_water": "warmtepompboiler"}, lambda r: 1.0),
)
BY_CODE = {m.code: m for m in MEASURES}


def applicable(r: ScanResult) -> list[Measure]:
    return [m for m in MEASURES
            if m.applies(r) and not (_is_apartment(r) and m.code in HOUSE_ONLY)]


def apply(d: Dwelling, codes: list[str] | tuple[str, ...], year: int) -> Dwelling:
    """The dwelling after the measures (a new heater counts as installed in `year`)."""
    for code in codes:
        changes = BY_CODE[code].change(d)
        if "heating_year" in changes:
            changes["heating_year"] = year
        d = with_changes(d, **changes)
    return d


@dataclass(frozen=True)
class MeasureResult:
    code: str
    name: str
    quantity: float
    unit: str
    investment_eur: float
    premium_eur: float
    premium_confirmed: bool
    saving_kwh: float
    saving_eur: float
    co2_saving_kg: float
    payback_years: float | None
    label_after: str
    primary_energy_kwh_m2_after: float


def _money(m: Measure, before: ScanResult, category: int, year: int) -> tuple[float, float,
                                                                             bool, float, str]:
    cost = p.costs(year)[m.code]
    quantity = m.quantity(before)
    investment = cost.per_unit * quantity + cost.fixed
    premium = p.premiums(year).get((m.code, category))
    amount = premium.amount(quantity, investment) if premium else 0.0
    confirmed = premium.confirmed if premium else False
    return investment, amount, confirmed, quantity, cost.unit


def judge(m: Measure, before: ScanResult, category: int, year: int) -> MeasureResult:
    """One measure on its own, on the dwelling as it is."""
    after = scan(apply(before.completed.dwelling, (m.code,), year), year)
    investment, premium, confirmed, quantity, unit = _money(m, before, category, year)
    saving_eur = before.cost_eur - after.cost_eur
    return MeasureResult(
        code=m.code, name=NAMES[m.code], quantity=quantity, unit=unit,
        investment_eur=investment, premium_eur=premium, premium_confirmed=confirmed,
        saving_kwh=before.total_delivered_kwh - after.total_delivered_kwh,
        saving_eur=saving_eur, co2_saving_kg=before.co2_kg - after.co2_kg,
        payback_years=(investment - premium) / saving_eur if saving_eur > 0 else None,
        label_after=after.label, primary_energy_kwh_m2_after=after.primary_energy_kwh_m2,
    )


def _rank_key(m: MeasureResult) -> tuple[int, float, float]:
    return (m.payback_years is None, m.payback_years or 0.0, -m.saving_eur)


def measures(d: Dwelling, income_category: int | None = None,
             year: int = DEFAULT_YEAR) -> list[MeasureResult]:
    """Every applicable measure on its own, ranked (shortest payback first)."""
    before = scan(d, year)
    category = income_category or p.DEFAULT_INCOME_CATEGORY
    return sorted((judge(m, before, category, year) for m in applicable(before)), key=_rank_key)


@dataclass(frozen=True)
class Package:
    target: str
    reached: bool
    codes: tuple[str, ...]
    investment_eur: float
    premium_eur: float
    saving_eur: float
    label_after: str
    primary_energy_kwh_m2_after: float


def _excluded(chosen: list[str]) -> set[str]:
    out = set(chosen)
    for group in GROUPS:
        if out & group:
            out |= group
    return out


def _label_rank(label: str) -> int:
    return [name for name, _bound in p.label_scale()].index(label)


def packages(d: Dwelling, income_category: int | None = None, year: int = DEFAULT_YEAR,
             targets: tuple[str, ...] = ("D", "C", "A")) -> list[Package]:
    """The cheapest-first packages that reach each target label (nested)."""
    category = income_category or p.DEFAULT_INCOME_CATEGORY
    original = scan(d, year)
    chosen: list[str] = []
    current = original
    out = []
    for target in targets:
        while _label_rank(current.label) > _label_rank(target):
            best: tuple[float, str, ScanResult] | None = None
            for m in applicable(current):
                if m.code in _excluded(chosen):
                    continue
                after = scan(apply(current.completed.dwelling, (m.code,), year), year)
                gain = current.primary_energy_kwh_m2 - after.primary_energy_kwh_m2
                if gain <= 0:
                    continue
                investment, premium, *_ = _money(m, current, category, year)
                ratio = gain / max(investment - premium, 1.0)
                if best is None or ratio > best[0]:
                    best = (ratio, m.code, after)
            if best is None:
                break
            chosen.append(best[1])
            current = best[2]
        investment = premium = 0.0
        step = original
        for code in chosen:
            cost = _money(BY_CODE[code], step, category, year)
            investment, premium = investment + cost[0], premium + cost[1]
            step = scan(apply(step.completed.dwelling, (code,), year), year)
        out.append(Package(
            target=target, reached=_label_rank(current.label) <= _label_rank(target),
            codes=tuple(chosen), investment_eur=investment, premium_eur=premium,
            saving_eur=original.cost_eur - current.cost_eur, label_after=current.label,
            primary_energy_kwh_m2_after=current.primary_energy_kwh_m2,
        ))
    return out


def deep_renovation(d: Dwelling, year: int = DEFAULT_YEAR) -> Dwelling:
    """The standard deep renovation that sizes a neighbourhood's saving potential:
    roof +16 cm, floor +10 cm, walls +6 cm cavity filling (1946-1990, walls not
    yet insulated) or +14 cm outside insulation (houses only), high-performance
    glazing, air tightness "goed" and an air/water heat pump. Its columnar twin
    is batch.deep_renovation_columns."""
    changes: dict[str, Any] = {
        "glazing": d.glazing if d.glazing == "driedubbel" else "hoogrendement",
        "airtightness": d.airtightness if d.airtightness == "zeer_goed" else "goed",
        "heating_system": "warmtepomp_lucht_water", "heating_fuel": "elektriciteit",
        "heating_year": year,
    }
    if d.building_type != "appartement":
        cavity = 1946 <= d.construction_year <= 1990 and not d.wall_insulation_cm
        changes.update(
            roof_insulation_cm=_added(d.roof_insulation_cm, ROOF_ADD_CM),
            floor_insulation_cm=_added(d.floor_insulation_cm, FLOOR_ADD_CM),
            wall_insulation_cm=_added(d.wall_insulation_cm,
                                      CAVITY_CM if cavity else OUTSIDE_WALL_CM))
    return with_changes(d, **changes)
