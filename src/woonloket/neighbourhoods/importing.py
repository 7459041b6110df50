"""Reading a CSV of dwellings column-wise and reducing it to per-neighbourhood
aggregates with the batch engine (no ORM here: services.py stores the result).

A million rows must go from CSV to results in seconds, so nothing here runs
Python code per dwelling that it can avoid: the file is read in chunks of
CHUNK rows by the csv module, each chunk is turned into one list per column,
distinct values are translated once (a column holds few distinct building
types or postal codes), checks are NumPy masks, the engine runs on arrays
(`scan_batch`), and the sums per neighbourhood are `np.bincount`s.

Only the first MAX_ERRORS rejected rows get their Dutch reason spelled out
(the same reasons the single-dwelling `dwelling_from` gives); the rest are
counted.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice, repeat

import numpy as np

from woonloket.clients.rules import fold
from woonloket.core import csvfile
from woonloket.core.errors import ServiceError
from woonloket.energy.engine import InputError, dwelling_from
from woonloket.energy.engine import inputs as engine_inputs
from woonloket.energy.engine.batch import potential_batch
from woonloket.energy.engine.parameters import LOWEST_INCOMES

from . import rules

REQUIRED = ("building_type", "construction_year")
GROUPING = ("neighbourhood", "neighbourhood_name", "street", "number", "postal_code",
            "municipality_nis")
# Every other input of the engine may be given (empty = unknown: the archetype's).
ENGINE_OPTIONAL = tuple(f for f in engine_inputs.FIELDS if f not in REQUIRED)
OCCUPANT = ("income_category",)
OPTIONAL = GROUPING + ENGINE_OPTIONAL + OCCUPANT
CATEGORICAL = engine_inputs.CHOICES
# Numeric inputs: (low, high, integer), as the engine checks them one by one.
NUMERIC = {**engine_inputs.NUMBERS, "income_category": (1, 4, True)}
COMBUSTION = engine_inputs.COMBUSTION
CHUNK = 100_000
MAX_ERRORS = 100
MAX_BYTES = 200_000_000
MAX_NAME = 200
MAX_CODE = 60


@dataclass
class Group:
    code: str
    name: str
    municipality_nis: str | None
    by_postal_code: bool


@dataclass
class Screening:
    """What a file comes to: per neighbourhood (in first-seen order) the sums."""

    groups: list[Group] = field(default_factory=list)
    dwellings: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    labels: np.ndarray = field(default_factory=lambda: np.zeros((len(rules.LABELS), 0), np.int64))
    primary_sum: np.ndarray = field(default_factory=lambda: np.zeros(0))
    delivered: np.ndarray = field(default_factory=lambda: np.zeros(0))
    saving_kwh: np.ndarray = field(default_factory=lambda: np.zeros(0))
    saving_eur: np.ndarray = field(default_factory=lambda: np.zeros(0))
    low_income: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    vulnerable: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    rows: int = 0
    rows_rejected: int = 0
    rows_by_postal_code: int = 0
    errors: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)

    def grow(self, n: int) -> None:
        extra = n - len(self.dwellings)
        if extra <= 0:
            return
        for name in ("dwellings", "primary_sum", "delivered", "saving_kwh", "saving_eur",
                     "low_income", "vulnerable"):
            old = getattr(self, name)
            setattr(self, name, np.concatenate([old, np.zeros(extra, old.dtype)]))
        self.labels = np.concatenate(
            [self.labels, np.zeros((len(rules.LABELS), extra), np.int64)], axis=1)




# Reading ------------------------------------------------------------------------

@dataclass
class Chunk:
    """Up to CHUNK rows: one tuple per column, the first physical line of each
    row, and the rows themselves on demand (for the reasons of bad rows)."""

    columns: list
    lines: np.ndarray
    row: Callable[[int], list[str]]

    @property
    def size(self) -> int:
        return len(self.lines)


def _decoded(raw: bytes) -> str:
    """The text as csvfile.reader decodes it (UTF-8 with or without BOM, else
    Windows-1252)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


class _Rows:
    """The file in chunks. A plain file (no quotes, every line with all its
    columns, the common export) is split on its delimiter directly; anything
    else goes through the csv module, where a line it cannot read ends the file
    (reported as elsewhere)."""

    def __init__(self, raw: bytes, dict_reader, width: int):
        self.raw = raw
        self.reader = dict_reader.reader
        self.delimiter = self.reader.dialect.delimiter
        self.width = width
        self.broken_at: int | None = None

    def chunks(self) -> Iterator[Chunk]:
        text = _decoded(self.raw)
        if '"' not in text:
            if "\r" in text:
                text = text.replace("\r\n", "\n").replace("\r", "\n")
            lines = text.split("\n")
            if lines and lines[-1] == "":
                lines.pop()
            body = lines[1:]
            if body.count("") == 0 and all(
                    c == self.width - 1 for c in set(map(str.count, body,
                                                         repeat(self.delimiter)))):
                del text
                yield from self._split(body)
                return
        yield from self._csv()

    def _split(self, body: list[str]) -> Iterator[Chunk]:
        d, width = self.delimiter, self.width
        for start in range(0, len(body), CHUNK):
            part = body[start:start + CHUNK]
            flat = d.join(part).split(d)
            yield Chunk([flat[i::width] for i in range(width)],
                        np.arange(start + 2, start + 2 + len(part)),
                        lambda i, part=part: part[i].split(d))

    def _safe(self) -> Iterator[list[str]]:
        try:
            yield from self.reader
        except csv.Error:
            self.broken_at = self.reader.line_num + 1

    def _csv(self) -> Iterator[Chunk]:
        rows_iter = self._safe()
        width = self.width
        while True:
            before = self.reader.line_num
            rows = list(islice(rows_iter, CHUNK))
            if not rows:
                return
            after = self.reader.line_num
            if self.broken_at is None and after - before == len(rows):
                lines = np.arange(before + 1, before + 1 + len(rows))
            else:  # quoted line breaks inside cells: count them
                breaks = np.fromiter((sum(c.count("\n") for c in r) for r in rows),
                                     dtype=np.int64, count=len(rows))
                lines = before + 1 + np.arange(len(rows)) + np.concatenate(
                    [[0], np.cumsum(breaks)[:-1]])
            if any(len(r) != width for r in rows):
                pad = [""] * width
                rows = [r if len(r) == width else (r + pad)[:width] for r in rows]
            yield Chunk(list(zip(*rows, strict=True)), lines, rows.__getitem__)


def _lookup(col, table: dict, dtype, n: int) -> np.ndarray:
    """`table[value]` for every cell, as a NumPy array (the table holds every
    distinct value of the column)."""
    return np.fromiter(map(table.__getitem__, col), dtype=dtype, count=n)


NOT_A_NUMBER = -1e300  # marks a cell that does not read as a number


def _number(raw: str) -> float:
    text = raw.strip()
    if not text:
        return math.nan
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        return NOT_A_NUMBER
    return value if math.isfinite(value) else NOT_A_NUMBER


def _numbers(col, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Floats (NaN = empty) and a mask of cells that are not a number; each
    distinct text is read once (a column of years holds a few hundred)."""
    table = {v: _number(v) for v in set(col)}
    values = _lookup(col, table, float, n)
    bad = values == NOT_A_NUMBER
    if bad.any():
        values[bad] = math.nan
    return values, bad


def _choice_table(col, choices: tuple[str, ...]) -> dict[str, int]:
    """Distinct cell -> 0 (empty), 1.. (index in choices + 1) or -1 (unknown code)."""
    table = {}
    for raw in set(col):
        value = raw.strip().lower()
        table[raw] = 0 if not value else (choices.index(value) + 1 if value in choices else -1)
    return table


# Checking -----------------------------------------------------------------------

def row_reasons(values: dict[str, str], known_nis: frozenset[str]) -> list[str]:
    """The Dutch reasons why one row cannot be used (empty when it can): the
    engine's own checks (`dwelling_from`) plus the grouping and occupant columns.
    Used for the rows the masks reject, so the reasons are the engine's words."""
    reasons: list[str] = []
    engine: dict[str, object] = {}
    for name in engine_inputs.FIELDS:
        raw = (values.get(name) or "").strip()
        if not raw:
            continue
        if name in CATEGORICAL:
            engine[name] = raw.lower()
        else:
            engine[name] = raw.replace(",", ".")
    for name in REQUIRED:
        engine.setdefault(name, "")
    try:
        dwelling_from(engine)
    except InputError as exc:
        reasons.extend(f"{name}: {message}" for name, message in exc.errors.items())
    income = (values.get("income_category") or "").strip()
    if income:
        try:
            category = float(income.replace(",", "."))
        except ValueError:
            category = math.nan
        if category not in (1.0, 2.0, 3.0, 4.0):
            reasons.append("income_category: Kies 1, 2, 3 of 4 (4 = laagste inkomens).")
    reasons.extend(_group_reasons(values, known_nis))
    return reasons


def _group_reasons(values: dict[str, str], known_nis: frozenset[str]) -> list[str]:
    neighbourhood = (values.get("neighbourhood") or "").strip()
    postal = (values.get("postal_code") or "").strip()
    nis = (values.get("municipality_nis") or "").strip()
    reasons = []
    if nis and nis not in known_nis:
        reasons.append(f"municipality_nis: Onbekende NIS-code ({nis}).")
    if neighbourhood:
        if len(neighbourhood) > MAX_CODE:
            reasons.append(f"neighbourhood: Hoogstens {MAX_CODE} tekens.")
        elif not neighbourhood.isprintable():
            reasons.append("neighbourhood: Bevat een onzichtbaar teken (regeleinde of tab); "
                           "staat er een aanhalingsteken te veel?")
        return reasons
    if not postal or not nis:
        reasons.append("Geef een wijk (neighbourhood) of een postcode en NIS-code van de gemeente "
                       "(postal_code en municipality_nis).")
    elif not rules.POSTAL_CODE.match(postal):
        reasons.append(f"postal_code: Geen geldige postcode ({postal}).")
    return reasons


def _masks(col: dict[str, list], n: int):
    """The engine's columns for the chunk, and the mask of rows they make bad
    (the same checks as `dwelling_from`, on arrays)."""
    bad = np.zeros(n, bool)
    arrays: dict[str, np.ndarray] = {}
    for name, choices in CATEGORICAL.items():
        if name not in col:
            continue
        codes = _lookup(col[name], _choice_table(col[name], choices), np.int8, n)
        invalid = codes < 0
        if invalid.any():
            bad |= invalid
            codes[invalid] = 0
        arrays[name] = np.array(("",) + choices)[codes]
    if "building_type" in arrays:
        bad |= arrays["building_type"] == ""
    for name, (low, high, integer) in NUMERIC.items():
        if name not in col:
            continue
        values, not_number = _numbers(col[name], n)
        bad |= not_number
        known = ~np.isnan(values)
        with np.errstate(invalid="ignore"):
            bad |= known & ((values < low) | (values > high))
            if integer:
                bad |= known & (values != np.floor(values))
        arrays[name] = values
    if "heated_floor_area_m2" in arrays:  # a house is smaller than an apartment building
        with np.errstate(invalid="ignore"):
            bad |= (arrays["heated_floor_area_m2"] > engine_inputs.MAX_AREA) & (
                arrays["building_type"] != "appartement")
    bad |= np.isnan(arrays["construction_year"])
    if "heating_system" in arrays and "heating_fuel" in arrays:
        system, fuel = arrays["heating_system"], arrays["heating_fuel"]
        burns = np.isin(system, COMBUSTION)
        bad |= (system != "") & ~burns & (fuel != "") & (fuel != "elektriciteit")
        bad |= (fuel == "elektriciteit") & burns
    if "heating_year" in arrays:
        with np.errstate(invalid="ignore"):
            bad |= arrays["heating_year"] < arrays["construction_year"]
    return arrays, bad


class _Groups:
    """Which neighbourhood each row belongs to, chunk after chunk: the
    neighbourhood cell when it is filled in, else the postal code within the
    municipality. Distinct cells are resolved once; a new group takes its
    municipality and name from its first row."""

    def __init__(self, result: Screening, known_nis: frozenset[str], names: dict[str, str]):
        self.result = result
        self.known_nis = known_nis
        self.names = names
        self.index: dict[str, int] = {}

    def _group(self, code: str, row: int, col: dict, by_postal: bool) -> int:
        g = self.index.get(code)
        if g is None:
            g = self.index[code] = len(self.index)
            cell = {name: (values[row].strip() if values is not None else "")
                    for name, values in ((n, col.get(n)) for n in GROUPING)}
            name = "".join(c if c.isprintable() else " "
                           for c in cell["neighbourhood_name"])[:MAX_NAME]
            nis = cell["municipality_nis"]
            if by_postal:
                town = self.names.get(nis, nis)
                group = Group(code, name or f"{cell['postal_code']} {town}", nis, True)
            else:
                nis = nis or rules.sector_municipality(code) or ""
                group = Group(code, name or code, nis if nis in self.known_nis else None, False)
            self.result.groups.append(group)
        return g

    def _resolve(self, cells: list[str], n: int, resolve) -> np.ndarray:
        """Per row the group of its cell, `resolve(text, first_row)` once per distinct cell."""
        distinct = sorted(set(cells))
        local = _lookup(cells, {cell: k for k, cell in enumerate(distinct)}, np.int64, n)
        firsts = np.unique(local, return_index=True)[1]
        mapping = np.array([resolve(distinct[k], int(firsts[k])) for k in range(len(distinct))],
                           dtype=np.int64)
        return mapping[local]

    def of(self, col: dict, n: int) -> np.ndarray:
        """Group index per row; -1: cannot be grouped (see _group_reasons)."""
        hood, postal, nis = (col.get(name) for name in ("neighbourhood", "postal_code",
                                                         "municipality_nis"))
        if hood is not None:
            def by_hood(cell: str, row: int) -> int:
                code = cell.strip()
                if not code:
                    return -2  # grouped by postal code below
                if len(code) > MAX_CODE or not code.isprintable():
                    return -1
                return self._group(code, row, col, False)
            g_all = self._resolve(hood, n, by_hood)
        else:
            g_all = np.full(n, -2, np.int64)
        rest = np.flatnonzero(g_all == -2)
        if len(rest):
            g_all[rest] = -1
            if postal is not None and nis is not None:
                take = rest.tolist()
                keys = [rules.postal_group_code(postal[i].strip(), nis[i].strip()) for i in take]

                def by_postal(key: str, first: int) -> int:
                    code, _sep, town = key.partition("-")
                    if not (town and rules.POSTAL_CODE.match(code)):
                        return -1
                    return self._group(key, take[first], col, True)
                g_all[rest] = self._resolve(keys, len(take), by_postal)
        if nis is not None:
            known = {cell: not cell.strip() or cell.strip() in self.known_nis
                     for cell in set(nis)}
            if not all(known.values()):
                g_all[~_lookup(nis, known, bool, n)] = -1
        return g_all


# The whole file -----------------------------------------------------------------

def screen(raw: bytes, *, known_nis: frozenset[str],
           vulnerable_addresses: dict[str, int] | None = None,
           municipality_names: dict[str, str] | None = None) -> Screening:
    """Read the file and sum the batch engine's results per neighbourhood.

    `known_nis`: the municipalities' NIS codes; `vulnerable_addresses`: address
    key (rules.address_key) -> number of known vulnerable households there;
    `municipality_names` names the postal-code groups. A file without the
    needed columns is refused (ServiceError, 422); bad rows are reported.
    """
    dict_reader = csvfile.reader(raw, REQUIRED, OPTIONAL)
    header = list(dict_reader.fieldnames or [])
    if "neighbourhood" not in header and not {"postal_code", "municipality_nis"} <= set(header):
        message = ("Geef per woning een wijk (kolom neighbourhood) of een adres met postcode en "
                   "NIS-code (kolommen postal_code en municipality_nis).")
        raise ServiceError("Het bestand mist kolommen.", {"file": message})
    result = Screening()
    unknown = [h for h in header if h and h not in REQUIRED + OPTIONAL]
    if unknown:
        result.notes.append({"line": 1, "message": "Onbekende kolommen genegeerd: "
                                                   + ", ".join(unknown) + "."})
    width = len(header)
    positions = {name: i for i, name in enumerate(header) if name}
    groups = _Groups(result, known_nis, municipality_names or {})
    vulnerable = vulnerable_addresses or {}
    matched: dict[str, list[int]] = {}  # address key -> [dwellings, group]
    rows_reader = _Rows(raw, dict_reader, width)
    for chunk in rows_reader.chunks():
        n = chunk.size
        col = {name: chunk.columns[i] for name, i in positions.items()}
        arrays, bad = _masks(col, n)
        g_all = groups.of(col, n)
        bad |= g_all < 0
        if bad.any():
            for i in np.flatnonzero(bad).tolist():
                if not any(cell.strip() for cell in chunk.row(i)):
                    bad[i] = False  # an empty line: skipped, not an error
                    g_all[i] = -2
            if bad.any():
                _report(result, chunk, header, bad, known_nis)
        good_idx = np.flatnonzero(~bad & (g_all >= 0))
        if not len(good_idx):
            continue
        group = g_all[good_idx]
        result.grow(len(result.groups))
        engine_cols = {name: values[good_idx] for name, values in arrays.items()
                       if name in engine_inputs.FIELDS}
        out = potential_batch(engine_cols)
        _add(result, group, out, arrays.get("income_category"), good_idx)
        if vulnerable and "street" in col and "number" in col:
            _match(matched, vulnerable, col["street"], col["number"],
                   col.get("postal_code", [""] * n), good_idx, group)
        result.rows += len(good_idx)
    if rows_reader.broken_at is not None:
        result.errors.append({"line": rows_reader.broken_at, "message": csvfile.BROKEN_LINE})
    for key, (count, g) in matched.items():
        result.vulnerable[g] += rules.vulnerable_in_group(count, vulnerable[key])
    result.grow(len(result.groups))
    result.rows_by_postal_code = int(sum(
        int(result.dwellings[g]) for g, grp in enumerate(result.groups) if grp.by_postal_code))
    return result


def engine_columns(raw: bytes) -> dict[str, np.ndarray]:
    """The good rows of a file as the batch engine's columns (for benchmarks
    and tests that compare the batch with the single-dwelling path)."""
    dict_reader = csvfile.reader(raw, REQUIRED, OPTIONAL)
    header = list(dict_reader.fieldnames or [])
    positions = {name: i for i, name in enumerate(header) if name}
    parts: list[dict[str, np.ndarray]] = []
    for chunk in _Rows(raw, dict_reader, len(header)).chunks():
        arrays, bad = _masks({name: chunk.columns[i] for name, i in positions.items()},
                             chunk.size)
        parts.append({name: values[~bad] for name, values in arrays.items()
                      if name in engine_inputs.FIELDS})
    return {name: np.concatenate([p[name] for p in parts]) for name in parts[0]}


def _report(result: Screening, chunk: Chunk, header, bad, known_nis) -> None:
    bad_idx = np.flatnonzero(bad)
    result.rows_rejected += len(bad_idx)
    room = MAX_ERRORS - len(result.errors)
    for i in bad_idx[:max(room, 0)].tolist():
        values = dict(zip(header, chunk.row(i), strict=False))
        reasons = row_reasons(values, known_nis) or ["Deze rij kon niet gelezen worden."]
        result.errors.append({"line": int(chunk.lines[i]), "message": " ".join(reasons)})


def _add(result: Screening, group, out, income, good_idx) -> None:
    size = len(result.dwellings)
    result.dwellings += np.bincount(group, minlength=size)
    labels = np.asarray(out["label"]).astype(str)
    for li, label in enumerate(rules.LABELS):
        mask = labels == label
        if mask.any():
            result.labels[li] += np.bincount(group[mask], minlength=size)
    for name, target in (("primary_energy_kwh_m2", "primary_sum"), ("delivered_kwh", "delivered"),
                         ("saving_kwh", "saving_kwh"), ("saving_eur", "saving_eur")):
        values = np.asarray(out[name], dtype=float)
        getattr(result, target)[:] += np.bincount(group, weights=values, minlength=size)
    if income is not None:
        low = income[good_idx] == LOWEST_INCOMES
        if low.any():
            result.low_income += np.bincount(group[low], minlength=size)


def _match(matched, vulnerable, streets, numbers, postal, good_idx, group) -> None:
    """Count the file's dwellings at each address where the case data knows a
    vulnerable household (the address itself is not kept after the import)."""
    wanted: dict[str, set[tuple[str, str]]] = {}
    for key in vulnerable:
        street, number, code = key.split("|")
        wanted.setdefault(code, set()).add((street, number))
    by_cell = {cell: wanted.get(cell.strip()) for cell in set(postal)}
    if not any(by_cell.values()):
        return
    near = _lookup(postal, {cell: pairs is not None for cell, pairs in by_cell.items()}, bool,
                   len(postal))[good_idx]
    street_keys: dict[str, str] = {}
    number_keys: dict[str, str] = {}
    for j in np.flatnonzero(near).tolist():
        i = int(good_idx[j])
        pairs = by_cell[postal[i]]
        street, number = streets[i], numbers[i]
        s = street_keys.get(street)
        if s is None:
            s = street_keys[street] = fold(street)
        n = number_keys.get(number)
        if n is None:
            n = number_keys[number] = fold(number)
        if (s, n) in pairs:
            key = f"{s}|{n}|{postal[i].strip()}"
            entry = matched.get(key)
            if entry is None:
                matched[key] = [1, int(group[j])]
            else:
                entry[0] += 1
