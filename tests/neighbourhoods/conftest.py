"""Neighbourhood screening fixtures: small CSV files and households whose case
data marks them as vulnerable (or not)."""

from datetime import date

import pytest

from woonloket.cases.services import case_close, case_open, enrolment_add, priority_assess
from woonloket.clients.services import HouseholdIn, MemberIn, household_register

HEADER = ("neighbourhood;neighbourhood_name;street;number;postal_code;municipality_nis;"
          "building_type;construction_year;heated_floor_area_m2;roof_insulation_cm;"
          "wall_insulation_cm;floor_insulation_cm;glazing;heating_system;heating_fuel;pv_kwp;"
          "occupants;income_category")

# Twelve dwellings in two sectors of Izegem and one postal-code group of Ingelmunster.
GOOD_ROWS = [
    "36008A00-;Centrum;Kerkstraat;12;8870;36008;gesloten;1925;110;;;;enkel;;;;2;4",
    "36008A00-;Centrum;Kerkstraat;14;8870;36008;gesloten;1930;;0;0;0;dubbel;klassieke_ketel;"
    "aardgas;;;",
    "36008A00-;Centrum;Sint-Jansstraat;3A;8870;36008;halfopen;1965;150;6;;;dubbel;;;;3;2",
    "36008A00-;Centrum;Molenstraat;1;8870;36008;open;1975;210;12;6;;hoogrendement;"
    "condensatieketel;aardgas;4;4;",
    "36008A00-;Centrum;Molenstraat;2;8870;36008;appartement;1995;80;;;;dubbel;;;;1;4",
    "36008B01-;Bosmolens;Bosmolenstraat;7;8870;36008;open;2012;180;20;14;10;driedubbel;"
    "warmtepomp_lucht_water;elektriciteit;6;4;1",
    "36008B01-;Bosmolens;Bosmolenstraat;9;8870;36008;halfopen;2005;;;;;;;;;;",
    "36008B01-;Bosmolens;Bosmolenstraat;11;8870;36008;open;1985;;;;;;kachel;stookolie;;;3",
    ";;Stationsstraat;5;8770;36007;gesloten;1950;120;;;;enkel;;;;;",
    ";;Stationsstraat;7;8770;36007;gesloten;1952;;;;;;;;;;",
    ";;Stationsstraat;9;8770;36007;appartement;1972;70;;;;;;;;2;",
    "36008A00-;Centrum;Kerkstraat;16;8870;36008;gesloten;1910;95;;;;;;;;;",
]


def csv_bytes(rows, header=HEADER, encoding="utf-8", delimiter=";") -> bytes:
    lines = [header, *rows]
    if delimiter != ";":
        lines = [line.replace(";", delimiter) for line in lines]
    return ("\n".join(lines) + "\n").encode(encoding)


@pytest.fixture
def good_csv() -> bytes:
    return csv_bytes(GOOD_ROWS)


@pytest.fixture
def make_household():
    """A household of `user`'s organisation at an address, with an open case."""
    def make(user, street, number, postal_code="8870", municipality_nis="36008", *,
             priority=False, program=None, closed=False):
        household = household_register(user, HouseholdIn(
            municipality_nis=municipality_nis, tenure="owner", street=street, number=number,
            postal_code=postal_code, members=[MemberIn("Jan", f"Test{street}{number}", "self")]))
        case = case_open(user, household_id=household.pk, municipality_nis=municipality_nis,
                         themes=["energie"], source="loket")
        if priority:
            priority_assess(user, case, severe_housing_problem=True,
                            other_problems="schulden", limited_self_reliance=False)
        if program:
            enrolment_add(user, case, program=program, started_on=date(2026, 11, 2))
        if closed:
            case_close(user, case, reason="doel bereikt", result="opgelost")
        return household
    return make
