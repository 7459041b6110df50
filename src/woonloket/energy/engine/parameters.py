"""Dated, sourced parameters of the engine, read from the app's data files.

Each table has a year (where it changes per year), a source and a
`confirmed` flag; a figure that is not confirmed is reported as such with
every result. A year after the last year in a table uses that last year and
says so. Editing the CSV files (one new row per year) is how the tables are
configured; data/README.md lists them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"

INSULATION_LAMBDA = 0.035       # W/mK, mineral wool / PUR-like product (assumption)
PV_YIELD_KWH_PER_KWP = 850.0    # Flanders, shared/data/README.md
HOT_WATER_KWH_PER_PERSON = 750.0  # about 40 l/day at 45 K: woonloket assumption
VENTILATION_RECOVERY = 0.75     # heat recovery of system D (assumption)
# Auxiliary electricity of the fans, kWh per m2 and year (assumption).
VENTILATION_AUX_KWH_M2 = {"natuurlijk": 0.0, "mechanische_afvoer": 1.0, "balans_wtw": 2.5}

# Glazing: (U of the whole window W/m2K, g of the glass) - typical values (assumption).
GLAZING = {"enkel": (5.0, 0.85), "dubbel": (3.0, 0.75), "hoogrendement": (1.5, 0.6),
           "driedubbel": (0.9, 0.5)}
# Infiltration air change (1/h) by air tightness; TABULA's Belgian rows use 0.4 and 0.2.
INFILTRATION = {"slecht": 0.6, "gemiddeld": 0.4, "goed": 0.2, "zeer_goed": 0.1}

# Expenditure factors (delivered / need). Boilers per shared/data/README.md:
# condensing 1.04-1.07, non-condensing 1.16-1.58 by age; heat pump 0.37 of
# electricity; direct electric 1.0.
CONDENSING = ((2010, 1.04), (0, 1.07))                       # (installed from, e_g)
NON_CONDENSING = ((2000, 1.16), (1990, 1.30), (1980, 1.45), (0, 1.58))
HEAT_PUMP = 0.37
HEAT_PUMP_HOT_WATER = 0.45      # hot water at a higher temperature (assumption)
HYBRID_HEAT_PUMP_SHARE = 0.7    # share of the heat a hybrid's heat pump delivers (assumption)
STOVE = 1.25                    # local stove (assumption)
DIRECT_ELECTRIC = 1.0
HOT_WATER_FACTOR = {"elektrische_boiler": 1.1, "warmtepompboiler": 0.4, "gasgeiser": 1.25}
HOT_WATER_WITH_BOILER = 1.1     # combined boiler: storage and standby losses (assumption)
DEFAULT_HEATING_AGE = 15        # years, when the installation year is unknown (assumption)


@dataclass(frozen=True)
class Sourced:
    value: float
    confirmed: bool
    source: str


def _rows(name: str) -> list[dict[str, str]]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _yes(value: str) -> bool:
    return value.strip().lower() == "yes"


@cache
def label_scale() -> tuple[tuple[str, float | None], ...]:
    """(label, upper bound exclusive in kWh/m2 primary energy), best first."""
    return tuple((r["label"], float(r["below_kwh_m2"]) if r["below_kwh_m2"] else None)
                 for r in _rows("label_scale.csv"))


@cache
def carriers() -> dict[str, tuple[float, float]]:
    """carrier -> (primary energy factor, CO2 in kg per kWh)."""
    return {r["carrier"]: (float(r["primary_factor"]), float(r["co2_g_kwh"]) / 1000)
            for r in _rows("carriers.csv")}


Table = dict[int, dict[tuple[str, ...], dict[str, str]]]


def _by_year(name: str, key_fields: tuple[str, ...]) -> Table:
    table: Table = {}
    for row in _rows(name):
        table.setdefault(int(row["year"]), {})[tuple(row[k] for k in key_fields)] = row
    return table


def year_used(table: Table, year: int) -> int:
    """The table's year for `year`: that year, or the nearest earlier one, or the first."""
    earlier = [y for y in table if y <= year]
    return max(earlier) if earlier else min(table)


@cache
def prices(year: int) -> dict[str, Sourced]:
    """Energy prices in EUR per kWh of the carrier (and 'zonnestroom': the value of own PV)."""
    table = _by_year("prices.csv", ("carrier",))
    return {key[0]: Sourced(float(r["eur_per_kwh"]), _yes(r["confirmed"]), r["source"])
            for key, r in table[year_used(table, year)].items()}


@dataclass(frozen=True)
class Cost:
    unit: str
    per_unit: float
    fixed: float
    confirmed: bool
    source: str


@cache
def costs(year: int) -> dict[str, Cost]:
    """Investment cost per measure: per unit (m2, kWp) plus a fixed part."""
    table = _by_year("measure_costs.csv", ("measure",))
    return {key[0]: Cost(r["unit"], float(r["eur_per_unit"]), float(r["eur_fixed"]),
                         _yes(r["confirmed"]), r["source"])
            for key, r in table[year_used(table, year)].items()}


@dataclass(frozen=True)
class Premium:
    per_unit: float
    fixed: float
    max_share: float | None     # of the investment
    max_eur: float | None
    confirmed: bool
    source: str

    def amount(self, quantity: float, investment: float) -> float:
        value = self.per_unit * quantity + self.fixed
        if self.max_share is not None:
            value = min(value, self.max_share * investment)
        if self.max_eur is not None:
            value = min(value, self.max_eur)
        return max(value, 0.0)


# Mijn VerbouwPremie income categories: 4 = the lowest incomes (highest premium),
# 1 = the highest incomes (nibe.eu, 2025). Unknown income: category 1, the
# premium every household gets at least.
INCOME_CATEGORIES = (1, 2, 3, 4)
LOWEST_INCOMES = 4
DEFAULT_INCOME_CATEGORY = 1


def _optional(value: str) -> float | None:
    return float(value) if value.strip() else None


@cache
def premiums(year: int) -> dict[tuple[str, int], Premium]:
    """Mijn VerbouwPremie per (measure, income category); missing = no premium."""
    table = _by_year("premiums.csv", ("measure", "category"))
    return {(key[0], int(key[1])): Premium(float(r["eur_per_unit"] or 0),
                                           float(r["eur_fixed"] or 0),
                                           _optional(r["max_share"]), _optional(r["max_eur"]),
                                           _yes(r["confirmed"]), r["source"])
            for key, r in table[year_used(table, year)].items()}


def parameter_years() -> dict[str, int]:
    """The latest year of each dated table."""
    return {name: max(_by_year(f"{name}.csv", ("year",)))
            for name in ("prices", "measure_costs", "premiums")}


PARAMETER_TABLES = {"prices": "energieprijzen", "measure_costs": "investeringen",
                    "premiums": "premies"}
