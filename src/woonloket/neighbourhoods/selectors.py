"""Reads of the neighbourhood screening, scoped to what the user may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from woonloket.cases.models import Case, Status
from woonloket.core import audit
from woonloket.core.access import get_visible_or_404, held_by_q
from woonloket.core.models import Municipality

from . import rules
from .models import DwellingImport, NeighbourhoodResult


def imports(user) -> QuerySet[DwellingImport]:
    """The imports of the user's organisations (newest first), one query."""
    return (DwellingImport.objects.visible_to(user)
            .select_related("organisation", "uploaded_by").order_by("-created_at", "-pk"))


def import_detail(user, import_id) -> DwellingImport:
    """One import the user may see, or 404 (never a hint that it exists). Its
    counts of known vulnerable households come from case data: the read is
    audited."""
    dwelling_import = get_visible_or_404(
        DwellingImport.objects.select_related("organisation", "uploaded_by"), user, pk=import_id)
    audit.record(user, audit.Action.READ, dwelling_import,
                 organisation_id=dwelling_import.organisation_id)
    return dwelling_import


def results(dwelling_import: DwellingImport) -> QuerySet[NeighbourhoodResult]:
    """The import's neighbourhoods, rank 1 (act first) first, one query."""
    return dwelling_import.results.select_related("municipality").order_by("rank")


def municipality_names() -> dict[str, str]:
    """NIS code -> name of every municipality (one query)."""
    return dict(Municipality.objects.values_list("nis_code", "name"))


def vulnerable_cases_q() -> Q:
    """The cases that mark their household as vulnerable (rules.is_vulnerable):
    open, and priority or with a running enrolment in a vulnerable program."""
    return ~Q(status=Status.AFGESLOTEN) & (
        Q(is_priority=True)
        | Q(enrolments__program__in=rules.VULNERABLE_PROGRAMS, enrolments__ended_on__isnull=True))


def vulnerable_addresses(organisation_id: int) -> dict[str, int]:
    """Address key -> number of known vulnerable households living there, over
    the cases the importing organisation holds (owns or was shared): the result
    is stored on that organisation's import, so nothing of another organisation
    may go in (one query; a household with several such cases counts once; a
    household without a full address cannot be matched)."""
    rows = (Case.objects.filter(held_by_q(Case, organisation_id)).filter(vulnerable_cases_q())
            .filter(household__merged_into__isnull=True)
            .values_list("household_id", "household__street", "household__number",
                         "household__postal_code").distinct())
    seen: set[int] = set()
    out: dict[str, int] = {}
    for household_id, street, number, postal_code in rows:
        if household_id in seen:
            continue
        seen.add(household_id)
        key = rules.address_key(street, number, postal_code)
        if key is not None:
            out[key] = out.get(key, 0) + 1
    return out
