"""Reading a CSV of dwellings column-wise and summing the engine per
neighbourhood, checked against the single-dwelling engine."""

import random
from collections import defaultdict

import numpy as np
import pytest

from woonloket.core.errors import ServiceError
from woonloket.energy.engine import dwelling_from, evaluate, scan
from woonloket.energy.engine.measures import deep_renovation
from woonloket.neighbourhoods import importing, rules

from .conftest import GOOD_ROWS, HEADER, csv_bytes

KNOWN = frozenset({"36008", "36007", "34022"})
NAMES = {"36008": "Izegem", "36007": "Ingelmunster", "34022": "Kortrijk"}


def screen(raw, **kwargs):
    return importing.screen(raw, known_nis=KNOWN, municipality_names=NAMES, **kwargs)


def by_code(result):
    return {g.code: i for i, g in enumerate(result.groups)}


def single_path(rows):
    """Per group code: the figures computed one dwelling at a time."""
    header = HEADER.split(";")
    out = defaultdict(lambda: {"n": 0, "labels": defaultdict(int), "pe": 0.0, "delivered": 0.0,
                               "saving": 0.0, "saving_eur": 0.0, "low": 0})
    for line in rows:
        cells = dict(zip(header, line.split(";"), strict=True))
        code = cells["neighbourhood"] or rules.postal_group_code(cells["postal_code"],
                                                                 cells["municipality_nis"])
        data = {k: v for k, v in cells.items() if k in importing.engine_inputs.FIELDS and v}
        d = dwelling_from(data)
        r = evaluate(d)
        now, after = scan(d), scan(deep_renovation(d))
        o = out[code]
        o["n"] += 1
        o["labels"][r["label"]] += 1
        assert r["label"] == now.label
        o["pe"] += now.primary_energy_kwh_m2  # evaluate() rounds for the screen
        o["delivered"] += now.total_delivered_kwh
        o["saving"] += now.total_delivered_kwh - after.total_delivered_kwh
        o["saving_eur"] += now.cost_eur - after.cost_eur
        o["low"] += cells["income_category"] == "4"  # the lowest incomes
    return out


def test_aggregates_match_the_single_dwelling_engine(good_csv):
    result = screen(good_csv)
    assert result.rows == 12 and result.rows_rejected == 0 and result.errors == []
    expected = single_path(GOOD_ROWS)
    index = by_code(result)
    assert set(index) == set(expected) == {"36008A00-", "36008B01-", "8770-36007"}
    for code, e in expected.items():
        g = index[code]
        assert result.dwellings[g] == e["n"]
        assert {label: int(result.labels[li, g]) for li, label in enumerate(rules.LABELS)
                if result.labels[li, g]} == dict(e["labels"])
        assert result.primary_sum[g] == pytest.approx(e["pe"], rel=1e-9)
        assert result.delivered[g] == pytest.approx(e["delivered"], rel=1e-9)
        assert result.saving_kwh[g] == pytest.approx(e["saving"], rel=1e-9)
        assert result.saving_eur[g] == pytest.approx(e["saving_eur"], rel=1e-9)
        assert result.low_income[g] == e["low"]
    groups = {g.code: g for g in result.groups}
    assert groups["36008A00-"].name == "Centrum" and groups["36008A00-"].municipality_nis == "36008"
    postal = groups["8770-36007"]
    assert postal.by_postal_code and postal.name == "8770 Ingelmunster"
    assert result.rows_by_postal_code == 3


def test_bad_rows_are_reported_with_line_and_dutch_reason():
    rows = [
        GOOD_ROWS[0],
        "36008A00-;;Kerkstraat;1;8870;36008;villa;1965;;;;;;;;;;",           # line 3
        "36008A00-;;Kerkstraat;2;8870;36008;halfopen;3000;;;;;;;;;;",        # line 4
        "36008A00-;;Kerkstraat;3;8870;36008;halfopen;1965;-20;;;;;;;;;",     # line 5
        "",                                                                  # line 6: empty
        ";;Kerkstraat;4;;;halfopen;1965;;;;;;;;;;",                          # line 7
        "36008A00-;;Kerkstraat;5;8870;99999;halfopen;1965;;;;;;;;;;",        # line 8
        "36008A00-;;Kerkstraat;6;8870;36008;open;1980;;;;;;warmtepomp_lucht_water;aardgas;;;",
        "36008A00-;;Kerkstraat;7;8870;36008;open;1980;;;;;;;;;;7",           # line 10
        "36008A00-;;Kerkstraat;8;8870;36008;open;19x0;;;;;;;;;;",            # line 11
        "36008A00-;;Kerkstraat;9;8870;36008;Open;1980;125,5;;;;;;;;;",       # line 12: ok
        GOOD_ROWS[1],
    ]
    result = screen(csv_bytes(rows))
    assert result.rows == 3
    assert result.rows_rejected == 8
    lines = {e["line"]: e["message"] for e in result.errors}
    assert sorted(lines) == [3, 4, 5, 7, 8, 9, 10, 11]
    assert lines[3] == "building_type: Kies een van: open, halfopen, gesloten, appartement."
    assert lines[4] == "construction_year: Moet tussen 1800 en 2030 liggen."
    assert lines[5] == "heated_floor_area_m2: Moet tussen 15 en 2000 liggen."
    assert "Geef een wijk (neighbourhood) of een postcode" in lines[7]
    assert lines[8] == "municipality_nis: Onbekende NIS-code (99999)."
    assert lines[9] == ("heating_fuel: Een warmtepomp lucht/water of elektrische verwarming "
                        "werkt op elektriciteit.")
    assert lines[10].startswith("income_category: Kies 1, 2, 3 of 4")
    assert lines[11] == "construction_year: Verwacht een getal."


def test_only_the_first_hundred_errors_are_kept_but_all_are_counted():
    rows = ["36008A00-;;Kerkstraat;1;8870;36008;villa;1965;;;;;;;;;;"] * 250 + [GOOD_ROWS[0]]
    result = screen(csv_bytes(rows))
    assert result.rows == 1 and result.rows_rejected == 250
    assert len(result.errors) == 100 and result.errors[0]["line"] == 2
    assert result.errors[-1]["line"] == 101


def test_windows_1252_and_comma_separator():
    header = "neighbourhood,neighbourhood_name,building_type,construction_year,heated_floor_area_m2"
    rows = ["36008C00-,Sint-Eloois-Winkel Église,halfopen,1965,150",
            "36008C00-,Sint-Eloois-Winkel Église,gesloten,1930,"]
    result = screen(csv_bytes(rows, header=header, encoding="cp1252"))
    assert result.rows == 2 and result.rows_rejected == 0
    assert result.groups[0].name == "Sint-Eloois-Winkel Église"
    assert result.groups[0].municipality_nis == "36008"


def test_quoted_cells_take_the_csv_path_with_exact_line_numbers():
    header = "neighbourhood;neighbourhood_name;building_type;construction_year"
    rows = ['36008A00-;"Centrum; oud";gesloten;1925',
            '36008A00-;"Centrum\nmet een regelbreuk";gesloten;1925',
            "36008A00-;;kasteel;1925"]
    result = screen(csv_bytes(rows, header=header))
    assert result.rows == 2
    assert result.errors == [{"line": 5, "message": "building_type: Kies een van: open, "
                                                    "halfopen, gesloten, appartement."}]
    assert result.groups[0].name == "Centrum; oud"


def test_short_rows_are_padded_and_crlf_lines_read():
    header = "neighbourhood;building_type;construction_year;heated_floor_area_m2"
    raw = (header + "\r\n36008A00-;gesloten;1925\r\n36008A00-;open;1980;200\r\n").encode()
    result = screen(raw)
    assert result.rows == 2 and result.rows_rejected == 0


def test_fast_path_and_csv_path_agree(good_csv):
    quoted = good_csv.replace(b"neighbourhood;", b'"neighbourhood";', 1)
    a, b = screen(good_csv), screen(quoted)
    assert [g.code for g in a.groups] == [g.code for g in b.groups]
    assert (a.dwellings == b.dwellings).all() and np.allclose(a.saving_kwh, b.saving_kwh)


def test_a_file_without_grouping_columns_is_refused():
    with pytest.raises(ServiceError) as exc:
        screen(b"building_type;construction_year\nopen;1980\n")
    assert "neighbourhood" in exc.value.errors["file"]
    with pytest.raises(ServiceError):
        screen(b"neighbourhood;construction_year\nA;1980\n")  # building_type missing
    with pytest.raises(ServiceError):
        screen(b"")


def test_unknown_columns_are_noted():
    raw = b"neighbourhood;building_type;construction_year;kleur\nA;open;1980;rood\n"
    result = screen(raw)
    assert result.rows == 1
    assert result.notes == [{"line": 1, "message": "Onbekende kolommen genegeerd: kleur."}]


def test_the_masks_reject_exactly_the_rows_the_engine_refuses():
    """Random messy rows: a row is used by the batch exactly when the single
    row check (dwelling_from plus grouping) finds no reason."""
    rng = random.Random(6)
    pick = {
        "neighbourhood": ["36008A00-", "", "Centrum"], "postal_code": ["8870", "", "0123", "88"],
        "municipality_nis": ["36008", "", "99999"],
        "building_type": ["open", "Halfopen", "", "villa", "appartement"],
        "construction_year": ["1965", "1799", "2031", "19x5", "", "1980.0", "1980.5"],
        "heated_floor_area_m2": ["", "120", "12,5", "14", "2001", "abc", "nan"],
        "roof_insulation_cm": ["", "0", "12", "51", "-1", "inf"],
        "glazing": ["", "dubbel", "triple"],
        "heating_system": ["", "kachel", "warmtepomp_hybride", "condensatieketel"],
        "heating_fuel": ["", "aardgas", "elektriciteit", "hout"],
        "heating_year": ["", "1960", "2020", "1949"],
        "occupants": ["", "0", "3", "2.5", "21"],
        "income_category": ["", "1", "4", "5", "x"],
    }
    header = list(pick)
    rows = [[rng.choice(pick[name]) if rng.random() < 0.12 else pick[name][0] for name in header]
            for _ in range(600)]
    raw = ("\n".join([";".join(header)] + [";".join(r) for r in rows]) + "\n").encode()
    result = importing.screen(raw, known_nis=KNOWN, municipality_names=NAMES)
    expected_bad = {i + 2 for i, r in enumerate(rows)
                    if importing.row_reasons(dict(zip(header, r, strict=True)), KNOWN)}
    assert result.rows_rejected == len(expected_bad)
    assert result.rows == 600 - len(expected_bad)
    assert {e["line"] for e in result.errors} <= expected_bad
    assert 0 < len(expected_bad) < 600


def test_vulnerable_addresses_are_matched_once_per_dwelling(good_csv):
    vulnerable = {
        rules.address_key("Kerkstraat", "12", "8870"): 1,       # Centrum
        rules.address_key("sint jansstraat", "3 a", "8870"): 2,  # Centrum, one dwelling there
        rules.address_key("Stationsstraat", "7", "8770"): 1,     # the postal-code group
        rules.address_key("Kerkstraat", "12", "8500"): 1,        # another postal code: no match
    }
    result = screen(good_csv, vulnerable_addresses=vulnerable)
    index = by_code(result)
    assert result.vulnerable[index["36008A00-"]] == 2
    assert result.vulnerable[index["8770-36007"]] == 1
    assert result.vulnerable[index["36008B01-"]] == 0


def test_a_code_with_a_line_break_is_refused_not_swallowed(alice, org_a):
    """A stray quote makes the csv module read a line break into a cell."""
    from woonloket.neighbourhoods.services import dwellings_import

    raw = ("neighbourhood;construction_year;building_type\n"
           + "".join(f"W1;19{60 + i};open\n" for i in range(3))
           + 'W"2;1960;open\n"abc\nopen;1970;x\n').encode()
    done = dwellings_import(alice, raw, file_name="quote.csv")
    codes = list(done.results.values_list("code", flat=True))
    assert all(code.isprintable() for code in codes)
    assert done.rows_rejected >= 1
