"""The dwelling as the API takes it (the public scan, a screening): exactly the
engine's fields; only the first two are required, a field left out is filled
from the archetype. Ranges are documented in the OpenAPI schema and checked by
the engine (`dwelling_from`), so the API and the forms give the same message."""

from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict

from .engine.inputs import (
    AIRTIGHTNESS,
    BUILDING_TYPES,
    FUELS,
    GLAZING,
    HEATING_SYSTEMS,
    HOT_WATER,
    MAX_AREA,
    MAX_BUILDING_AREA,
    MAX_INSULATION_CM,
    MAX_PV_KWP,
    MAX_YEAR,
    MIN_AREA,
    MIN_YEAR,
    VENTILATION,
)


def _range(low: float, high: float, **extra) -> dict:
    """Bounds for the OpenAPI schema only (the engine checks them)."""
    def plain(v: float) -> int | float:
        return int(v) if float(v).is_integer() else v
    return {"json_schema_extra": {"minimum": plain(low), "maximum": plain(high), **extra}}


class DwellingIn(Schema):
    """One dwelling: the engine's inputs."""

    model_config = ConfigDict(extra="forbid")

    building_type: Literal[BUILDING_TYPES]
    construction_year: int = Field(..., **_range(MIN_YEAR, MAX_YEAR))
    heated_floor_area_m2: float | None = Field(
        None, **_range(MIN_AREA, MAX_BUILDING_AREA),
        description=f"hoogstens {MAX_AREA:g} m² voor een huis; een appartement mag met de "
        "oppervlakte van het hele gebouw (de uitkomst per m² is dezelfde)")
    roof_insulation_cm: float | None = Field(None, **_range(0, MAX_INSULATION_CM),
                                             description="bijgeplaatst; leeg = onbekend")
    wall_insulation_cm: float | None = Field(None, **_range(0, MAX_INSULATION_CM))
    floor_insulation_cm: float | None = Field(None, **_range(0, MAX_INSULATION_CM))
    glazing: Literal[GLAZING] | None = None
    airtightness: Literal[AIRTIGHTNESS] | None = None
    ventilation: Literal[VENTILATION] | None = None
    heating_system: Literal[HEATING_SYSTEMS] | None = None
    heating_fuel: Literal[FUELS] | None = None
    heating_year: int | None = Field(None, **_range(1950, MAX_YEAR))
    hot_water: Literal[HOT_WATER] | None = None
    pv_kwp: float | None = Field(None, **_range(0, MAX_PV_KWP))
    occupants: int | None = Field(None, **_range(1, 20))
