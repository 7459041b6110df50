"""The scan engine's inputs: one dwelling, every field with a default.

Codes are the API's (stable); `LABELS_NL` holds the Dutch words for screens.
Three answers (building type, construction year and, optionally, the heated
floor area) already give a result: `complete()` fills the rest from the
archetype, and tells which fields it filled.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

BUILDING_TYPES = ("open", "halfopen", "gesloten", "appartement")
GLAZING = ("enkel", "dubbel", "hoogrendement", "driedubbel")
AIRTIGHTNESS = ("slecht", "gemiddeld", "goed", "zeer_goed")
VENTILATION = ("natuurlijk", "mechanische_afvoer", "balans_wtw")
HEATING_SYSTEMS = ("condensatieketel", "klassieke_ketel", "warmtepomp_lucht_water",
                   "warmtepomp_hybride", "elektrische_verwarming", "kachel")
FUELS = ("aardgas", "stookolie", "elektriciteit", "pellets")
HOT_WATER = ("met_verwarming", "elektrische_boiler", "warmtepompboiler", "gasgeiser")

LABELS_NL: dict[str, str] = {
    "open": "Open bebouwing (vrijstaand)", "halfopen": "Halfopen bebouwing",
    "gesloten": "Gesloten bebouwing (rijwoning)", "appartement": "Appartement",
    "enkel": "Enkel glas", "dubbel": "Gewoon dubbel glas",
    "hoogrendement": "Hoogrendementsglas (HR)", "driedubbel": "Driedubbel glas",
    "slecht": "Tochtig", "gemiddeld": "Gemiddeld", "goed": "Goed (recent gerenoveerd)",
    "zeer_goed": "Zeer goed (gemeten, blowerdoortest)",
    "natuurlijk": "Natuurlijk (roosters of geen)",
    "mechanische_afvoer": "Mechanische afvoer (systeem C)",
    "balans_wtw": "Balansventilatie met warmteterugwinning (systeem D)",
    "condensatieketel": "Condensatieketel", "klassieke_ketel": "Klassieke ketel",
    "warmtepomp_lucht_water": "Warmtepomp lucht/water",
    "warmtepomp_hybride": "Hybride warmtepomp (met ketel)",
    "elektrische_verwarming": "Elektrische verwarming (accumulatoren, convectoren)",
    "kachel": "Kachel", "aardgas": "Aardgas", "stookolie": "Stookolie",
    "elektriciteit": "Elektriciteit", "pellets": "Pellets (hout)",
    "met_verwarming": "Met de verwarming", "elektrische_boiler": "Elektrische boiler",
    "warmtepompboiler": "Warmtepompboiler", "gasgeiser": "Gasgeiser (doorstromer)",
}

MIN_YEAR = 1800
MAX_YEAR = 2030  # a dwelling being built may be scanned a few years ahead
MAX_AREA = 2000.0            # a house
MAX_BUILDING_AREA = 35000.0  # an apartment may be given with its building's area (the
                             # result per m2 is the same): TABULA's largest block is 30 982 m2
MIN_AREA = 15.0
MAX_INSULATION_CM = 50.0
MAX_PV_KWP = 50.0


class InputError(ValueError):
    """Invalid input: `errors` maps each field to a Dutch message."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


@dataclass(frozen=True)
class Dwelling:
    """One dwelling as the engine sees it. `None` means "unknown: the archetype's"."""

    building_type: str
    construction_year: int
    heated_floor_area_m2: float | None = None
    roof_insulation_cm: float | None = None   # added since construction
    wall_insulation_cm: float | None = None
    floor_insulation_cm: float | None = None
    glazing: str | None = None
    airtightness: str | None = None
    ventilation: str | None = None
    heating_system: str | None = None
    heating_fuel: str | None = None
    heating_year: int | None = None           # year the heating was installed
    hot_water: str | None = None
    pv_kwp: float | None = None
    occupants: int | None = None


FIELDS = tuple(f.name for f in fields(Dwelling))
CHOICES = {"building_type": BUILDING_TYPES, "glazing": GLAZING, "airtightness": AIRTIGHTNESS,
            "ventilation": VENTILATION, "heating_system": HEATING_SYSTEMS,
            "heating_fuel": FUELS, "hot_water": HOT_WATER}
NUMBERS = {  # field: (low, high, integer)
    "construction_year": (MIN_YEAR, MAX_YEAR, True),
    "heated_floor_area_m2": (MIN_AREA, MAX_BUILDING_AREA, False),
    "roof_insulation_cm": (0, MAX_INSULATION_CM, False),
    "wall_insulation_cm": (0, MAX_INSULATION_CM, False),
    "floor_insulation_cm": (0, MAX_INSULATION_CM, False),
    "heating_year": (1950, MAX_YEAR, True),
    "pv_kwp": (0, MAX_PV_KWP, False),
    "occupants": (1, 20, True),
}
# Systems that burn a fuel (a hybrid heat pump's boiler too); the others run on
# electricity only.
COMBUSTION = ("condensatieketel", "klassieke_ketel", "kachel", "warmtepomp_hybride")


def dwelling_from(data: dict[str, Any]) -> Dwelling:
    """A Dwelling from loose data (API body, form, CSV row), validated.

    Raises InputError with a Dutch message per bad field; unknown keys are
    refused too, so a typo never silently falls back to a default.
    """
    errors: dict[str, str] = {}
    values: dict[str, Any] = {}
    for key in data:
        if key not in FIELDS:
            errors[key] = "Dit veld bestaat niet."
    for name in FIELDS:
        raw = data.get(name)
        if raw is None or raw == "":
            if name in ("building_type", "construction_year"):
                errors[name] = "Dit veld is verplicht."
            continue
        if name in CHOICES:
            if raw not in CHOICES[name]:
                errors[name] = "Kies een van: " + ", ".join(CHOICES[name]) + "."
            else:
                values[name] = raw
            continue
        low, high, integer = NUMBERS[name]
        if name == "heated_floor_area_m2" and data.get("building_type") != "appartement":
            high = MAX_AREA
        try:
            number = float(raw) if not isinstance(raw, bool) else float("nan")
        except (TypeError, ValueError):
            errors[name] = "Verwacht een getal."
            continue
        if number != number or (integer and number != int(number)):
            errors[name] = "Verwacht een geheel getal." if integer else "Verwacht een getal."
        elif not low <= number <= high:
            errors[name] = f"Moet tussen {low:g} en {high:g} liggen."
        else:
            values[name] = int(number) if integer else number
    fuel, system = values.get("heating_fuel"), values.get("heating_system")
    if fuel and system and system not in COMBUSTION and fuel != "elektriciteit":
        errors["heating_fuel"] = ("Een warmtepomp lucht/water of elektrische verwarming werkt "
                                  "op elektriciteit.")
    if fuel == "elektriciteit" and system in COMBUSTION:
        errors["heating_fuel"] = ("Een ketel, een kachel of de ketel van een hybride warmtepomp "
                                  "stookt aardgas, stookolie of pellets.")
    if ("heating_year" in values and "construction_year" in values
            and values["heating_year"] < values["construction_year"]):
        errors["heating_year"] = "De verwarming kan niet ouder zijn dan de woning."
    if errors:
        raise InputError(errors)
    return Dwelling(**values)


def as_dict(dwelling: Dwelling) -> dict[str, Any]:
    return {name: getattr(dwelling, name) for name in FIELDS}


def with_changes(dwelling: Dwelling, **changes: Any) -> Dwelling:
    return replace(dwelling, **changes)
