"""Reads of the energy app: saved scans, and the back office (screenings,
renovation coaching, contractors, quotes) scoped with `visible_to`, audited,
with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from woonloket.core import audit
from woonloket.core.access import actor_for
from woonloket.core.models import Municipality

from .engine.inputs import LABELS_NL
from .engine.measures import CODES as MEASURE_CODES
from .engine.measures import NAMES as MEASURE_NAMES
from .models import (
    Contractor,
    FollowUp,
    Phase,
    Quote,
    Scan,
    Screening,
    ScreeningFinding,
    ScreeningPhoto,
    Trajectory,
    TrajectoryPhase,
)

PHASE_ORDER = [p.value for p in Phase]


def scan_by_token(token: str, origin: str | None = None) -> Scan:
    """A saved scan by its unguessable token (of that origin, when given), or 404.
    The public pages ask for citizens' scans only: a screening's scan belongs to
    a case."""
    scans = Scan.objects.filter(token=token)
    if origin:
        scans = scans.filter(origin=origin)
    scan = scans.first() if 0 < len(token) <= 64 else None
    if scan is None:
        raise Http404
    return scan


# Back office reads: screenings, renovation coaching, contractors and quotes ------------
#
# Screenings and trajectories hold personal data (an address, a household's home and
# its defects): read through `visible_to`, a detail read and a list page are audited.

SCAN_JSON = ("scan__inputs", "scan__result")


def screenings(user, *, case_id: int | None = None, municipality_nis: str | None = None,
               open_only: bool = False) -> QuerySet[Screening]:
    """The screenings the user may see, newest visit first (3 queries with their
    follow-ups, however many rows)."""
    qs = (Screening.objects.visible_to(user)
          .select_related("case", "municipality", "technician", "organisation", "scan")
          .defer(*SCAN_JSON)
          .prefetch_related(Prefetch("follow_ups", queryset=FollowUp.objects.order_by(
              "-decided_on", "-pk")), Prefetch("findings", queryset=ScreeningFinding.objects
                                                  .order_by("kind"))))
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    if open_only:
        qs = qs.filter(follow_ups__isnull=True)
    return qs.order_by("-visited_on", "-pk")


def screening_detail(user, screening_id: int, *, reason: str = "") -> Screening:
    """One screening the user may see (else 404), with its scan, findings, photos
    (without their bytes) and follow-ups; the read is audited."""
    screening = (
        Screening.objects.visible_to(user)
        .select_related("case", "case__household", "municipality", "technician",
                        "organisation", "scan")
        .prefetch_related(
            Prefetch("findings", queryset=ScreeningFinding.objects.order_by("kind")),
            Prefetch("photos", queryset=ScreeningPhoto.objects.defer("data").order_by("pk")),
            Prefetch("follow_ups", queryset=FollowUp.objects.select_related(
                "decided_by", "enrolment").order_by("-decided_on", "-pk")),
            Prefetch("trajectories", queryset=Trajectory.objects.order_by("-started_on")))
        .filter(pk=screening_id).first())
    if screening is None:
        raise Http404
    audit.record(user, audit.Action.READ, screening,
                 organisation_id=screening.case.lead_organisation_id, reason=reason)
    return screening


def screening_photo(user, screening_id: int, photo_id: int) -> ScreeningPhoto:
    """A photo of a screening the user may see (else 404); audited as a read."""
    photo = ScreeningPhoto.objects.filter(
        pk=photo_id, screening_id=screening_id,
        screening__in=Screening.objects.visible_to(user)).select_related(
        "screening__case").first()
    if photo is None:
        raise Http404
    audit.record(user, audit.Action.READ, photo,
                 organisation_id=photo.screening.case.lead_organisation_id, reason="foto")
    return photo


def audited_list(user, model, rows: list) -> list:
    """The rows of a list page, with one audit entry for the personal records shown."""
    if rows:
        audit.record_list(user, model, [r.pk for r in rows], reason="lijst")
    return rows


def trajectories(user, *, phase: str | None = None, case_id: int | None = None,
                 open_only: bool = False) -> QuerySet[Trajectory]:
    qs = (Trajectory.objects.visible_to(user)
          .select_related("case", "case__municipality", "coach", "organisation",
                          "before_scan", "after_scan")
          .defer("before_scan__inputs", "before_scan__result", "after_scan__inputs",
                 "after_scan__result")
          .annotate(quote_count=Count("quotes")))
    if phase:
        qs = qs.filter(phase=phase)
    if case_id is not None:
        qs = qs.filter(case_id=case_id)
    if open_only:
        qs = qs.filter(completed_on__isnull=True)
    return qs.order_by("-started_on", "-pk")


def phase_counts(user) -> dict[str, int]:
    """How many trajectories the user may see are in each phase (one query)."""
    counts = dict(Trajectory.objects.visible_to(user).order_by().values_list("phase")
                  .annotate(n=Count("pk")).values_list("phase", "n"))
    return {p.value: counts.get(p.value, 0) for p in Phase}


def trajectory_detail(user, trajectory_id: int, *, reason: str = "") -> Trajectory:
    trajectory = (
        Trajectory.objects.visible_to(user)
        .select_related("case", "case__household", "case__municipality", "coach",
                        "organisation", "screening", "before_scan", "after_scan")
        .prefetch_related(
            Prefetch("phases", queryset=TrajectoryPhase.objects.order_by("started_on", "pk")),
            Prefetch("quotes", queryset=Quote.objects.select_related("contractor")
                     .order_by("measure", "amount_excl_vat_eur", "pk")))
        .filter(pk=trajectory_id).first())
    if trajectory is None:
        raise Http404
    audit.record(user, audit.Action.READ, trajectory,
                 organisation_id=trajectory.case.lead_organisation_id, reason=reason)
    return trajectory


def contractors(user, *, speciality: str | None = None, municipality_nis: str | None = None,
                active_only: bool = False) -> QuerySet[Contractor]:
    """The contractor pools of the user's organisations (every pool for a platform
    administrator), filtered by speciality and municipality served."""
    actor = actor_for(user)
    qs = Contractor.objects.all()
    if not actor.is_platform_admin:
        qs = qs.filter(organisation_id__in=actor.organisation_ids)
    if speciality:
        # the codes are stored as a JSON list: '"dak"' matches only the code itself, on
        # SQLite and PostgreSQL alike
        qs = qs.filter(specialities__icontains=f'"{speciality}"')
    if municipality_nis:
        qs = qs.filter(municipalities__nis_code=municipality_nis)
    if active_only:
        qs = qs.filter(is_active=True)
    return (qs.select_related("organisation")
            .prefetch_related(Prefetch("municipalities",
                                       queryset=Municipality.objects.order_by("name")))
            .annotate(quote_count=Count("quotes", distinct=True)).order_by("name", "pk"))


def quote_contractors(trajectory: Trajectory) -> QuerySet[Contractor]:
    """The contractors a quote of this trajectory may come from: the active pool of the
    coaching organisation and of the case's lead organisation."""
    return Contractor.objects.filter(
        organisation_id__in={trajectory.organisation_id, trajectory.case.lead_organisation_id},
        is_active=True).order_by("name")


# The quote comparison ------------------------------------------------------------------

@dataclass
class QuoteColumn:
    quote: Quote
    incl_vat_eur: Decimal
    per_unit_eur: Decimal | None
    cheapest: bool = False


@dataclass
class MeasureGroup:
    code: str
    name: str
    estimate: dict | None  # the engine's estimate for this measure on the home before
    columns: list[QuoteColumn] = field(default_factory=list)

    @property
    def cheapest(self) -> QuoteColumn | None:
        return next((c for c in self.columns if c.cheapest), None)

    @property
    def estimate_per_unit(self) -> Decimal | None:
        """The engine's investment per unit (m², kWp) where it counts one."""
        e = self.estimate or {}
        if not e.get("quantity") or e.get("unit") in (None, "", "woning"):
            return None
        return (Decimal(str(e["investment_eur"])) / Decimal(str(e["quantity"]))).quantize(CENT)

    @property
    def estimate_excl_vat(self) -> Decimal | None:
        """The engine's investment (incl. 6 % VAT) without the VAT, beside the quotes."""
        if not self.estimate:
            return None
        return (Decimal(str(self.estimate["investment_eur"])) / Decimal("1.06")).quantize(CENT)

    @property
    def has_notes(self) -> bool:
        return any(c.quote.notes for c in self.columns)


CENT = Decimal("0.01")


def incl_vat(quote: Quote) -> Decimal:
    return (quote.amount_excl_vat_eur * (100 + quote.vat_percent) / 100).quantize(CENT)


def quote_comparison(trajectory: Trajectory) -> list[MeasureGroup]:
    """The trajectory's quotes grouped by measure, side by side: price incl. VAT, price
    per unit, the cheapest marked, beside the engine's estimated investment (uses the
    quotes prefetched by `trajectory_detail`)."""
    estimates = {m["code"]: m for m in (trajectory.before_scan.result.get("measures", [])
                                        if trajectory.before_scan else [])}
    groups: dict[str, MeasureGroup] = {}
    for quote in trajectory.quotes.all():
        group = groups.get(quote.measure)
        if group is None:
            estimate = estimates.get(quote.measure)
            if estimate and estimate.get("unit") == "m2":
                estimate = {**estimate, "unit": "m²"}
            group = groups[quote.measure] = MeasureGroup(
                quote.measure, MEASURE_NAMES.get(quote.measure, quote.measure), estimate)
        total = incl_vat(quote)
        per_unit = (total / quote.quantity).quantize(CENT) if quote.quantity else None
        group.columns.append(QuoteColumn(quote, total, per_unit))
    for group in groups.values():
        lowest = min(c.incl_vat_eur for c in group.columns)
        if any(c.incl_vat_eur != lowest for c in group.columns):  # ties are all the cheapest
            for column in group.columns:
                column.cheapest = column.incl_vat_eur == lowest
        group.columns.sort(key=lambda c: (c.incl_vat_eur, c.quote.pk))
    order = {code: i for i, code in enumerate(MEASURE_CODES)}
    return sorted(groups.values(), key=lambda g: order.get(g.code, 99))


def scan_figures(scan: Scan | None) -> dict | None:
    """The key figures of a saved scan for a page (None without a scan)."""
    if scan is None:
        return None
    r = scan.result
    return {"label": scan.label, "heat_need_kwh_m2": r.get("heat_need_kwh_m2"),
            "primary_energy_kwh_m2": r.get("primary_energy_kwh_m2"),
            "energy_kwh": round(sum((r.get("delivered_kwh") or {}).values())),
            "heat_need_kwh": r.get("heat_need_kwh"), "co2_kg": r.get("co2_kg"),
            "cost_eur": r.get("cost_eur")}


def phase_steps(trajectory: Trajectory) -> list[dict]:
    """Every phase in order with the date the trajectory entered it (None when not
    reached or skipped), from the prefetched phases."""
    reached = {p.phase: p for p in trajectory.phases.all()}
    current = PHASE_ORDER.index(trajectory.phase)
    steps = []
    for i, phase in enumerate(Phase):
        row = reached.get(phase.value)
        steps.append({"code": phase.value, "label": phase.label,
                      "on": row.started_on if row else None, "note": row.note if row else "",
                      "state": "current" if i == current else
                      ("done" if row else "skipped") if i < current else "todo"})
    return steps


INPUT_LABELS = {
    "building_type": "Woningtype", "construction_year": "Bouwjaar",
    "heated_floor_area_m2": "Verwarmde oppervlakte", "roof_insulation_cm": "Dakisolatie",
    "wall_insulation_cm": "Muurisolatie", "floor_insulation_cm": "Vloerisolatie",
    "glazing": "Beglazing", "airtightness": "Luchtdichtheid", "ventilation": "Ventilatie",
    "heating_system": "Verwarming", "heating_fuel": "Brandstof",
    "heating_year": "Verwarming geplaatst in", "hot_water": "Warm water",
    "pv_kwp": "Zonnepanelen", "occupants": "Bewoners",
}
INPUT_UNITS = {"heated_floor_area_m2": "m²", "roof_insulation_cm": "cm",
               "wall_insulation_cm": "cm", "floor_insulation_cm": "cm", "pv_kwp": "kWp"}


def _shown(name: str, value) -> str:
    if value is None:
        return "onbekend"
    if isinstance(value, str):
        return LABELS_NL.get(value, value)
    if isinstance(value, float):
        value = f"{value:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    unit = INPUT_UNITS.get(name)
    return f"{value} {unit}" if unit else str(value)


def scan_inputs(scan: Scan) -> list[tuple[str, str]]:
    """The inputs of a saved scan in Dutch, those filled from the archetype marked."""
    result = scan.result or {}
    inputs = result.get("inputs") or scan.inputs or {}
    defaults = set(result.get("defaults_used") or [])
    return [(INPUT_LABELS[name], _shown(name, inputs.get(name))
             + (" (standaard)" if name in defaults else ""))
            for name in INPUT_LABELS if name in inputs]


def defaults_used(scan: Scan) -> list[str]:
    return [INPUT_LABELS.get(n, n).lower() for n in (scan.result or {}).get("defaults_used", [])]

