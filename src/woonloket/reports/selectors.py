"""Reads of the reports: the area asked for, its figures over the years,
the figures from outside and the texts per priority."""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from woonloket.core.models import Municipality, Region
from woonloket.housing.models import HousingUnit
from woonloket.meetings.selectors import held_in, visible

from . import dictionary
from .dictionary import AREA, FIGURES
from .models import ExternalFigure, PriorityText

YEARS_SHOWN = 5


@dataclass(frozen=True)
class Area:
    kind: str  # municipality or region
    key: str   # NIS code or region code
    name: str
    municipalities: list[str]

    @property
    def query(self) -> str:
        return f"municipality_nis={self.key}" if self.kind == "municipality" \
            else f"region={self.key}"


def area(*, municipality_nis: str | None = None, region: str | None = None) -> Area:
    """The municipality or region asked for (404 when unknown)."""
    if municipality_nis:
        found = Municipality.objects.filter(pk=municipality_nis).first()
        if found is None:
            raise Http404
        return Area("municipality", found.pk, found.name, [found.pk])
    found_region = Region.objects.filter(code=region).first() if region else None
    if found_region is None:
        raise Http404
    return Area("region", found_region.code, found_region.name,
                list(found_region.municipalities.values_list("pk", flat=True)))


def figures(year: int, where: Area, codes=None) -> dict[str, float]:
    """{code: value} of the area for the year (0 where nothing was counted; a
    share or rate without a base stays missing)."""
    values = dictionary.compute(year, where.municipalities, per_municipality=False, codes=codes)
    out = {}
    for figure in FIGURES:
        if figure.code in values:
            found = values[figure.code].get(AREA)
            if found is not None or figure.unit != "%":
                out[figure.code] = found or 0
    return out


def all_municipalities(year: int) -> dict[str, dict[str, float]]:
    """Every figure for every Flemish municipality (the bench and the overview)."""
    flemish = list(Municipality.objects.filter(
        region_nis=Municipality.FLEMISH_REGION_NIS).values_list("pk", flat=True))
    return dictionary.compute(year, flemish, per_municipality=True)


@dataclass(frozen=True)
class Row:
    figure: dictionary.Figure
    values: list[float | None]  # oldest year first


def report(year: int, where: Area) -> tuple[list[int], list[Row]]:
    """Every figure of the area for the year and the four before it (a share or
    rate without a base stays missing, a count without rows is 0)."""
    years = list(range(year - YEARS_SHOWN + 1, year + 1))
    values = dictionary.compute_years(years, where.municipalities)
    rows = [Row(f, [values[f.code].get(y, None if f.unit == "%" else 0) for y in years])
            for f in FIGURES]
    return years, rows


def external(year: int, where: Area) -> list[ExternalFigure]:
    return list(ExternalFigure.objects.filter(
        municipality_id__in=where.municipalities, year__in=[year - 1, year])
        .select_related("municipality").order_by("code", "municipality__name", "-year"))


def priority_texts(year: int, where: Area) -> list[PriorityText]:
    qs = PriorityText.objects.filter(year=year)
    qs = qs.filter(municipality_id=where.key) if where.kind == "municipality" \
        else qs.filter(region__code=where.key)
    return list(qs)


def meetings_held(user, year: int, where: Area):
    """The meetings of the year about the area (the LWO of a municipality, the
    bodies of a region) that the user may see."""
    return list(held_in(year, where.municipalities, where.key if where.kind == "region"
                        else None).filter(pk__in=visible(user).values("pk")))


def external_totals(year: int, where: Area) -> dict[str, dict]:
    """Entered figures of the year summed over the area, with their sources."""
    out: dict[str, dict] = {}
    for figure in ExternalFigure.objects.filter(municipality_id__in=where.municipalities,
                                                year=year):
        item = out.setdefault(figure.code, {"value": 0, "sources": set()})
        item["value"] += float(figure.value)
        item["sources"].add(figure.source)
    return {code: {"value": v["value"], "sources": "; ".join(sorted(v["sources"]))}
            for code, v in out.items()}


def crisis_homes(where: Area) -> int:
    return HousingUnit.objects.filter(municipality_id__in=where.municipalities).exclude(
        status=HousingUnit.Status.UIT_POOL).count()
