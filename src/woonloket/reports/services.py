"""Writes of the reports: figures from outside the system and the texts per
policy priority, by those who may view the reports."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from woonloket.core import audit
from woonloket.core.access import require
from woonloket.core.errors import ServiceError
from woonloket.core.models import Organisation, Region
from woonloket.core.roles import Perm

from .models import ExternalFigure, PriorityText
from .selectors import Area


def _require_area(user, municipalities: list[str]) -> list[int]:
    """Figures and texts of an area are written by those who report for it: a
    member (with `view_reports`) of an organisation working in one of its
    municipalities. Returns those organisations."""
    orgs = list(Organisation.objects.filter(municipalities__in=municipalities)
                .values_list("pk", flat=True).distinct())
    require(user, Perm.VIEW_REPORTS, orgs)
    return orgs


def _check_year(year: int) -> None:
    if not 2000 <= year <= timezone.localdate().year:
        raise ServiceError("Kies een jaar tot en met dit jaar.", {"year": "Ongeldig jaar."})


@transaction.atomic
def external_figure_save(user, *, municipality_nis: str, year: int, code: str, value: Decimal,
                         source: str) -> ExternalFigure:
    orgs = _require_area(user, [municipality_nis])
    _check_year(year)
    errors = {}
    if code not in ExternalFigure.Code.values:
        errors["code"] = "Onbekend cijfer."
    if value is None or value < 0 or value >= Decimal("1e10"):
        errors["value"] = "Een getal vanaf 0."
    if not source.strip():
        errors["source"] = "Vermeld de bron (wie, welk document, welke datum)."
    if errors:
        raise ServiceError("Het cijfer is niet geldig.", errors)
    figure, _created = ExternalFigure.objects.update_or_create(
        municipality_id=municipality_nis, year=year, code=code,
        defaults={"value": value, "source": source.strip()[:300], "entered_by": user})
    audit.record(user, audit.Action.UPDATE, figure, organisation_id=orgs[0] if orgs else None,
                 changes={"code": code, "value": str(value), "source": figure.source})
    return figure


@transaction.atomic
def priority_text_save(user, where: Area, *, year: int, title: str, text: str,
                       position: int = 1) -> PriorityText:
    _require_area(user, where.municipalities)
    _check_year(year)
    if not title.strip() or not text.strip():
        raise ServiceError("Geef de prioriteit en een korte tekst.",
                           {"title" if not title.strip() else "text": "Dit veld is verplicht."})
    area = {"municipality_id": where.key} if where.kind == "municipality" else {
        "region": Region.objects.get(code=where.key)}
    item = PriorityText.objects.create(year=year, title=title.strip()[:200], text=text.strip(),
                                       position=position, written_by=user, **area)
    audit.record(user, audit.Action.CREATE, item, changes={"area": where.key, "year": year})
    return item
