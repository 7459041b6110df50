"""Benchmarks of the neighbourhood screening (issue 6, "Speed"):

- `energy.batch_1m`: 1 000 000 synthetic dwellings from CSV bytes to stored
  per-neighbourhood results (the import service end to end: parsing, checks,
  the batch engine now and after the deep renovation, the vulnerable-household
  match, the DB writes of the ~500 aggregates and the audit entry). Must stay
  ≤ 30 s on the 2-core machine. Run it with a small repeat:
  `manage.py bench --only energy.batch_1m --repeat 1` (the harness runs the
  call once for the query count, then min(3, repeat) warm-ups, then `repeat`
  measured calls).
- `energy.batch_speedup`: the batch engine on 100 000 dwellings; its rows
  and p50 give the time per dwelling, compared with `energy.single_scan`
  (the single-dwelling `scan()` on 300 dwellings). Speed-up =
  (single p50 / 300) / (batch p50 / 100 000); must be ≥ 50×.

The CSV is synthetic and deterministic (NumPy generator, seed 2026), written
once to var/bench/ and reused: ~500 neighbourhoods (statistical-sector-like
codes in 25 municipalities of South-West Flanders), building types, build
years and floor areas drawn per neighbourhood, known measures for part of the
dwellings, 5 % without neighbourhood (grouped by postal code) and 0.1 % bad
rows. The distributions are made up for load, not Flemish statistics.
"""

from __future__ import annotations

import time
from pathlib import Path

import numpy as np
from django.conf import settings
from django.contrib.auth import get_user_model

from woonloket.core.bench import benchmark
from woonloket.energy.engine import dwelling_from, scan, scan_batch

from . import importing
from .models import DwellingImport
from .services import dwellings_import

BENCH_DIR = Path(settings.REPO_DIR) / "var" / "bench"
ROWS_1M = 1_000_000
BATCH_ROWS = 100_000
SINGLE_ROWS = 300

# NIS code and main postal code of 25 municipalities of South-West Flanders.
TOWNS = (
    ("36008", "8870"), ("34022", "8500"), ("36015", "8800"), ("34040", "8790"),
    ("34027", "8930"), ("34013", "8530"), ("37022", "8700"), ("36007", "8770"),
    ("34041", "8560"), ("34042", "8550"), ("34023", "8520"), ("34025", "8860"),
    ("34009", "8540"), ("34002", "8570"), ("34003", "8580"), ("36006", "8830"),
    ("36010", "8880"), ("36012", "8890"), ("36019", "8840"), ("36011", "8810"),
    ("37020", "8850"), ("37021", "8750"), ("37011", "8740"), ("37002", "8720"),
    ("37017", "8710"),
)
HEADER = ("neighbourhood;street;number;postal_code;municipality_nis;building_type;"
          "construction_year;heated_floor_area_m2;roof_insulation_cm;wall_insulation_cm;"
          "floor_insulation_cm;glazing;heating_system;heating_fuel;pv_kwp;occupants;"
          "income_category")
STREETS = ("Kerkstraat", "Stationsstraat", "Molenstraat", "Nieuwstraat", "Dorpsstraat",
           "Meensesteenweg", "Kortrijksestraat", "Sint-Jansstraat", "Rozenlaan", "Beukenlaan",
           "Brugsesteenweg", "Ieperstraat", "Hoogstraat", "Zuidstraat", "Noordlaan", "Veldstraat")
TYPES = np.array(["open", "halfopen", "gesloten", "appartement"])
TYPE_AREA = np.array([175.0, 145.0, 125.0, 85.0])
BANDS = np.array([1900, 1930, 1958, 1980, 1998, 2015])  # band centres of the build years
GLAZING = np.array(["enkel", "dubbel", "hoogrendement", "driedubbel"])
SYSTEMS = np.array(["condensatieketel", "klassieke_ketel", "warmtepomp_lucht_water",
                    "kachel"])


def csv_path(rows: int) -> Path:
    return BENCH_DIR / f"dwellings-{rows}.csv"


def synthetic_csv(rows: int, seed: int = 2026) -> bytes:
    """Deterministic CSV of `rows` dwellings in ~500 neighbourhoods (see above)."""
    rng = np.random.default_rng(seed)
    hoods = len(TOWNS) * 20
    town_of_hood = np.repeat(np.arange(len(TOWNS)), 20)
    # Each neighbourhood has its own mix of types and its own age.
    type_mix = rng.dirichlet([3.5, 2.2, 2.3, 2.0], size=hoods)
    age_mix = rng.dirichlet([0.8, 1.2, 2.5, 2.2, 1.5, 1.8], size=hoods)
    hood = rng.integers(0, hoods, rows)
    u = rng.random(rows)
    kind = (u[:, None] > np.cumsum(type_mix[hood], axis=1)).sum(axis=1).clip(0, 3)
    u = rng.random(rows)
    band = (u[:, None] > np.cumsum(age_mix[hood], axis=1)).sum(axis=1).clip(0, 5)
    year = (BANDS[band] + rng.integers(-8, 9, rows)).clip(1850, 2024)
    area = (TYPE_AREA[kind] * rng.lognormal(0, 0.25, rows)).clip(30, 600).round(0)
    known = rng.random((6, rows))
    roof = np.where(known[0] < 0.4, rng.choice([0, 4, 6, 8, 12, 16, 20], rows), -1)
    wall = np.where(known[1] < 0.3, rng.choice([0, 4, 6, 10, 14], rows), -1)
    floor = np.where(known[2] < 0.2, rng.choice([0, 4, 8, 10], rows), -1)
    glazing = np.where(known[3] < 0.6, GLAZING[rng.choice(4, rows, p=[.08, .52, .35, .05])], "")
    system_i = rng.choice(4, rows, p=[.45, .35, .12, .08])
    system = np.where(known[4] < 0.5, SYSTEMS[system_i], "")
    fuel = np.where(system == "", "", np.where(system_i == 2, "elektriciteit",
                                               np.where(rng.random(rows) < 0.8, "aardgas",
                                                        "stookolie")))
    pv = np.where(known[5] < 0.2, rng.integers(2, 9, rows), -1)
    occupants = np.where(rng.random(rows) < 0.6, rng.integers(1, 6, rows), -1)
    income = np.where(rng.random(rows) < 0.3, rng.integers(1, 5, rows), -1)
    no_hood = rng.random(rows) < 0.05
    street = rng.integers(0, len(STREETS), rows)
    number = rng.integers(1, 240, rows)

    def cell(values: np.ndarray) -> list[str]:
        return ["" if v < 0 else str(v) for v in values.tolist()]

    town = town_of_hood[hood]
    codes = [f"{TOWNS[t][0]}{chr(65 + h % 20)}{h % 7:02d}-" for t, h in
             zip(town.tolist(), hood.tolist(), strict=True)]
    columns = [
        ["" if n else c for n, c in zip(no_hood.tolist(), codes, strict=True)],
        [STREETS[s] for s in street.tolist()], [str(n) for n in number.tolist()],
        [TOWNS[t][1] for t in town.tolist()], [TOWNS[t][0] for t in town.tolist()],
        TYPES[kind].tolist(), [str(y) for y in year.tolist()],
        [str(int(a)) for a in area.tolist()], cell(roof), cell(wall), cell(floor),
        glazing.tolist(), system.tolist(), fuel.tolist(), cell(pv), cell(occupants),
        cell(income),
    ]
    lines = [";".join(row) for row in zip(*columns, strict=True)]
    bad = rng.choice(rows, rows // 1000, replace=False)
    for i in bad.tolist():  # a typo in the year or the type, as in real files
        parts = lines[i].split(";")
        if i % 2:
            parts[6] = parts[6][:2] + "x" + parts[6][3:]
        else:
            parts[5] = "villa"
        lines[i] = ";".join(parts)
    return (HEADER + "\n" + "\n".join(lines) + "\n").encode()


def cached_csv(rows: int) -> bytes:
    path = csv_path(rows)
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(synthetic_csv(rows))
        tmp.replace(path)
    return path.read_bytes()


def _bench_user():
    return get_user_model().objects.get(username="demo-woonbegeleider")


@benchmark("energy.batch_1m", repeat=3)
def batch_1m():
    """1 000 000 dwellings: CSV bytes → stored per-neighbourhood results (see module doc)."""
    raw = cached_csv(ROWS_1M)
    user = _bench_user()

    def call():
        done = dwellings_import(user, raw, file_name=csv_path(ROWS_1M).name)
        DwellingImport.objects.filter(pk=done.pk).delete()  # keep the demo database small
        return done
    return call, ROWS_1M


def engine_columns(rows: int) -> dict[str, np.ndarray]:
    """Synthetic dwellings as the batch engine's columns (good rows only)."""
    return importing.engine_columns(synthetic_csv(rows, seed=7))


def single_dwellings(columns: dict[str, np.ndarray], rows: int) -> list:
    """The first `rows` dwellings of the columns as Dwelling objects."""
    out = []
    for i in range(rows):
        data = {}
        for name, values in columns.items():
            value = values[i]
            if isinstance(value, str):
                if value:
                    data[name] = value
            elif not np.isnan(value):
                data[name] = float(value)
        out.append(dwelling_from(data))
    return out


@benchmark("energy.batch_speedup")
def batch_speedup():
    """`scan_batch` on 100 000 dwellings; compare its time per dwelling with
    energy.single_scan's (the same outputs, one dwelling at a time)."""
    columns = engine_columns(BATCH_ROWS)
    return (lambda: scan_batch(columns)), len(columns["building_type"])


@benchmark("energy.single_scan")
def single_scan():
    """The single-dwelling `scan()` on 300 dwellings, one call each."""
    dwellings = single_dwellings(engine_columns(1000), SINGLE_ROWS)
    return (lambda: [scan(d) for d in dwellings]), SINGLE_ROWS


def speedup(batch_rows: int = 20_000, single_rows: int = 200) -> tuple[float, float, float]:
    """(µs per dwelling batch, µs per dwelling single, speed-up): a quick measure
    for the tests and the report, best of three."""
    columns = engine_columns(batch_rows)
    dwellings = single_dwellings(columns, single_rows)
    n = len(columns["building_type"])
    batch, single = [], []
    for _ in range(3):
        start = time.perf_counter()
        scan_batch(columns)
        batch.append((time.perf_counter() - start) / n * 1e6)
        start = time.perf_counter()
        for d in dwellings:
            scan(d)
        single.append((time.perf_counter() - start) / single_rows * 1e6)
    return min(batch), min(single), min(single) / min(batch)
