"""Writes of the neighbourhood screening: an import of dwellings becomes one
DwellingImport and its per-neighbourhood results, in one transaction, audited.

Who may import: a member with Perm.EDIT_PERSONAL_DATA in the organisation the
import is for (woonbegeleider, coordinator, partner worker): the import is
matched with the case data that user may see, and the organisation's members
who may see personal data read the result."""

from __future__ import annotations

import time

from django.db import transaction

from woonloket.core import audit
from woonloket.core.access import acting_organisation, actor_for
from woonloket.core.errors import ServiceError
from woonloket.core.roles import Perm

from . import importing, rules, selectors
from .models import DwellingImport, NeighbourhoodResult


def dwellings_import(user, raw: bytes, *, file_name: str = "",
                     organisation_id: int | None = None) -> DwellingImport:
    """Run the batch engine over the file and store one row per neighbourhood.

    The import is refused (422) when the file lacks columns or not one row can
    be used; otherwise the good rows count, the bad ones are reported (line and
    Dutch reason; the first 100 kept, all counted). No dwelling is stored.
    """
    started = time.perf_counter()
    organisation = acting_organisation(user, Perm.EDIT_PERSONAL_DATA, organisation_id,
                                       "organisation_id")
    names = selectors.municipality_names()
    checked = actor_for(user).can(Perm.VIEW_PERSONAL_DATA, organisation)
    vulnerable = selectors.vulnerable_addresses(organisation) if checked else {}
    screening = importing.screen(raw, known_nis=frozenset(names), vulnerable_addresses=vulnerable,
                                 municipality_names=names)
    if not screening.rows:
        message = "Geen enkele rij kon gebruikt worden."
        raise ServiceError(message, {"file": message},
                           extra={"rows_rejected": screening.rows_rejected,
                                  "row_errors": screening.errors})
    results = _results(screening)
    with transaction.atomic():
        dwelling_import = DwellingImport.objects.create(
            organisation_id=organisation, uploaded_by=user if user.is_authenticated else None,
            file_name=(file_name or "")[:200], rows=screening.rows,
            rows_rejected=screening.rows_rejected,
            errors=screening.notes + screening.errors[:importing.MAX_ERRORS],
            neighbourhoods=len(results), rows_by_postal_code=screening.rows_by_postal_code,
            vulnerable_checked=checked)
        for result in results:
            result.dwelling_import = dwelling_import
        NeighbourhoodResult.objects.bulk_create(results, batch_size=1000)
        dwelling_import.duration_ms = round((time.perf_counter() - started) * 1000)
        dwelling_import.save(update_fields=["duration_ms"])
        audit.record(user, audit.Action.CREATE, dwelling_import, organisation_id=organisation,
                     changes={"file_name": dwelling_import.file_name, "rows": screening.rows,
                              "rows_rejected": screening.rows_rejected,
                              "neighbourhoods": len(results)})
    return dwelling_import


def _results(screening: importing.Screening) -> list[NeighbourhoodResult]:
    out = []
    for g, group in enumerate(screening.groups):
        dwellings = int(screening.dwellings[g])
        if not dwellings:  # every row of it was rejected
            continue
        counts = {label: int(screening.labels[li, g]) for li, label in enumerate(rules.LABELS)}
        share_ef = sum(counts[label] for label in rules.POOR_LABELS) / dwellings
        vulnerable = rules.vulnerable_disclosed(dwellings, int(screening.vulnerable[g]))
        vulnerable_share = vulnerable / dwellings
        saving_kwh = float(screening.saving_kwh[g])
        out.append(NeighbourhoodResult(
            code=group.code, name=group.name, municipality_id=group.municipality_nis,
            by_postal_code=group.by_postal_code, dwellings=dwellings, label_counts=counts,
            share_ef=round(share_ef, 4),
            mean_primary_energy_kwh_m2=round(float(screening.primary_sum[g]) / dwellings, 1),
            delivered_kwh=round(float(screening.delivered[g])), saving_kwh=round(saving_kwh),
            saving_eur=round(float(screening.saving_eur[g])),
            low_income=int(screening.low_income[g]), vulnerable_known=vulnerable,
            vulnerable_share=round(vulnerable_share, 4),
            score=round(rules.campaign_score(saving_kwh / dwellings, share_ef, vulnerable_share),
                        2),
            rank=0))
    ranks = rules.ranks([rules.RankInput(r.code, r.dwellings, r.score) for r in out])
    for result, rank in zip(out, ranks, strict=True):
        result.rank = rank
    return out


def export_recorded(user, dwelling_import: DwellingImport) -> None:
    """An XLSX of the import's neighbourhoods left woonloket: in the audit log."""
    audit.record(user, audit.Action.EXPORT, dwelling_import,
                 organisation_id=dwelling_import.organisation_id,
                 changes={"format": "xlsx", "neighbourhoods": dwelling_import.neighbourhoods})
