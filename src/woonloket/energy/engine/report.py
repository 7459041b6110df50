"""The whole estimate of one dwelling as JSON-ready data: what the API answers
and what a saved scan keeps."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from . import parameters as p
from .archetypes import TYPE_NAMES
from .inputs import LABELS_NL, Dwelling, as_dict
from .measures import measures, packages
from .scan import DEFAULT_YEAR, as_json, scan

SOURCE = "TABULA/EPISCOPE building typology, IEE projects, episcope.eu"
RENOVATION_OBLIGATION = (
    "Wie een woning met label E of F koopt (akte vanaf 1 januari 2023), moet binnen vijf "
    "jaar label D halen (renovatieverplichting).")


def _sources(year: int) -> tuple[list[str], list[str]]:
    sources, unconfirmed = {SOURCE}, []
    for name, item in p.prices(year).items():
        sources.add(item.source)
        if not item.confirmed:
            unconfirmed.append(f"energieprijs {name}")
    for code, cost in p.costs(year).items():
        if not cost.confirmed:
            unconfirmed.append(f"investering {code}")
    if any(not premium.confirmed for premium in p.premiums(year).values()):
        unconfirmed.append("premiebedragen Mijn VerbouwPremie")
    for table, latest in p.parameter_years().items():
        if latest < year:
            name = p.PARAMETER_TABLES[table]
            unconfirmed.append(f"{name}: cijfers van {latest} gebruikt voor {year}")
    return sorted(sources), unconfirmed


def evaluate(d: Dwelling, income_category: int | None = None,
             year: int = DEFAULT_YEAR) -> dict[str, Any]:
    """Scan, ranked measures and packages of one dwelling."""
    r = scan(d, year)
    arch = r.completed.archetype
    ranked = measures(d, income_category, year)
    sources, unconfirmed = _sources(year)
    scale = p.label_scale()
    result: dict[str, Any] = as_json({
        "archetype": arch.code,
        "archetype_name": arch.name,
        "building_type_name": TYPE_NAMES[d.building_type],
        "inputs": as_dict(r.completed.dwelling),
        "defaults_used": list(r.completed.defaults_used),
        "heated_floor_area_m2": r.completed.envelope.area,
        "heat_need_kwh_m2": r.heat_need_kwh_m2,
        "heat_need_kwh": r.heat_need_kwh,
        "hot_water_kwh": r.hot_water_kwh,
        "delivered_kwh": r.delivered_kwh,
        "pv_kwh": r.pv_kwh,
        "primary_energy_kwh_m2": r.primary_energy_kwh_m2,
        "label": r.label,
        "co2_kg": r.co2_kg,
        "cost_eur": r.cost_eur,
        "losses_kwh": r.losses_kwh,
        "gains_kwh": r.gains_kwh,
        "income_category": income_category or p.DEFAULT_INCOME_CATEGORY,
        "measures": [asdict(m) for m in ranked],
        "packages": [{**asdict(pk), "codes": list(pk.codes)}
                     for pk in packages(d, income_category, year)],
        "renovation_obligation": RENOVATION_OBLIGATION if r.label in ("E", "F") else "",
        "label_scale": [{"label": label, "max": bound} for label, bound in scale],
        "names": {k: v for k, v in LABELS_NL.items()},
        "parameters": {"year": year, "sources": sources, "unconfirmed": unconfirmed},
        "is_estimate": True,
    })
    return result
