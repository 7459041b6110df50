"""The batch engine gives the single-dwelling results (to 1e-9 relative)."""

import random

import numpy as np
import pytest

from woonloket.energy.engine import Dwelling, scan, scan_batch
from woonloket.energy.engine.batch import potential_batch
from woonloket.energy.engine.inputs import (
    AIRTIGHTNESS,
    BUILDING_TYPES,
    FIELDS,
    GLAZING,
    HEATING_SYSTEMS,
    HOT_WATER,
    VENTILATION,
)
from woonloket.energy.engine.measures import deep_renovation

CATEGORICAL = {"building_type", "glazing", "airtightness", "ventilation", "heating_system",
               "heating_fuel", "hot_water"}


def _dwellings(count, seed=6):
    rng = random.Random(seed)

    def maybe(value):
        return value if rng.random() < 0.6 else None

    out = []
    for _ in range(count):
        system = maybe(rng.choice(HEATING_SYSTEMS))
        fuel = None
        if system in ("condensatieketel", "klassieke_ketel", "kachel"):
            fuel = maybe(rng.choice(["aardgas", "stookolie", "pellets"]))
        year = rng.randint(1850, 2026)
        out.append(Dwelling(
            rng.choice(BUILDING_TYPES), year, maybe(round(rng.uniform(35, 400), 1)),
            maybe(rng.choice([0, 4, 12, 24])), maybe(rng.choice([0, 6, 10])),
            maybe(rng.choice([0, 5, 8])), maybe(rng.choice(GLAZING)),
            maybe(rng.choice(AIRTIGHTNESS)), maybe(rng.choice(VENTILATION)), system, fuel,
            maybe(rng.randint(max(year, 1950), 2026)), maybe(rng.choice(HOT_WATER)),
            maybe(rng.choice([0, 2.5, 6])), maybe(rng.randint(1, 7))))
    return out


def _columns(dwellings):
    columns = {}
    for name in FIELDS:
        values = [getattr(d, name) for d in dwellings]
        if name in CATEGORICAL:
            columns[name] = np.array([v or "" for v in values])
        else:
            columns[name] = np.array([np.nan if v is None else v for v in values], dtype=float)
    return columns


def test_batch_equals_single_for_every_dwelling():
    dwellings = _dwellings(500)
    batch = scan_batch(_columns(dwellings))
    for i, dwelling in enumerate(dwellings):
        single = scan(dwelling)
        for key in ("heat_need_kwh_m2", "heat_need_kwh", "primary_energy_kwh_m2", "co2_kg",
                    "cost_eur"):
            assert batch[key][i] == pytest.approx(getattr(single, key), rel=1e-9, abs=1e-9), key
        assert batch["delivered_kwh"][i] == pytest.approx(single.total_delivered_kwh, rel=1e-9)
        assert batch["label"][i] == single.label


def test_batch_deep_renovation_equals_single():
    dwellings = _dwellings(200, seed=9)
    potential = potential_batch(_columns(dwellings))
    for i, dwelling in enumerate(dwellings):
        before, after = scan(dwelling), scan(deep_renovation(dwelling))
        assert potential["saving_eur"][i] == pytest.approx(before.cost_eur - after.cost_eur,
                                                           rel=1e-9, abs=1e-6)
        assert potential["label_after"][i] == after.label


def test_object_columns_and_missing_columns_are_accepted():
    columns = {"building_type": np.array(["open", "appartement"], dtype=object),
               "construction_year": np.array([1960, 1990])}
    batch = scan_batch(columns)
    assert batch["heat_need_kwh_m2"][0] == pytest.approx(
        scan(Dwelling("open", 1960)).heat_need_kwh_m2, rel=1e-12)
    assert batch["label"][1] == scan(Dwelling("appartement", 1990)).label
