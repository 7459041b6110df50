"""API of the energy back office under /api/v1/energy/ (contract in issue 6):
screenings at home, the follow-up decision, renovation coaching with quotes
and the result, the contractor pool. The public scan is in api_public.py."""

from datetime import date
from decimal import Decimal
from typing import Literal

from django.http import Http404
from django.utils import timezone
from ninja import Field, Query, Router, Schema, Status

from woonloket.api.pagination import BoundedLimitOffset
from woonloket.api.schemas import AddressIn, Id
from woonloket.cases.models import Case
from woonloket.core.access import get_visible_or_404, require_member
from woonloket.core.audit import record_list
from woonloket.core.errors import ServiceError

from . import selectors, services
from .engine.inputs import (
    BUILDING_TYPES,
    FIELDS,
    MAX_YEAR,
    MIN_YEAR,
)
from .models import (
    Contractor,
    Finding,
    FollowUp,
    FollowUpKind,
    Phase,
    Quote,
    Screening,
    Severity,
    Speciality,
    Trajectory,
)
from .schemas import DwellingIn

router = Router(tags=["energie"])


class DwellingChanges(DwellingIn):
    """Dwelling fields that are all optional: what the works changed (the rest stays
    as before), or the dwelling of a screening given beside its other fields."""

    building_type: Literal[BUILDING_TYPES] | None = None
    construction_year: int | None = Field(None, ge=MIN_YEAR, le=MAX_YEAR)


class FindingIn(Schema):
    kind: Finding
    severity: Severity = Severity.LICHT
    note: str = Field("", max_length=500)


class ScreeningIn(DwellingChanges):
    """The dwelling as observed under `dwelling`, or its fields beside the others
    (as in POST /scan); the visit is today when `visited_on` is left out."""

    case_id: Id
    visited_on: date | None = None
    address: AddressIn | None = None
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
    is_owner_occupied: bool = False
    income_category: int | None = Field(None, ge=1, le=4)
    dwelling: DwellingIn | None = None
    findings: list[FindingIn] = Field(default_factory=list, max_length=20)
    notes: str = Field("", max_length=10000)
    organisation_id: Id | None = None


class FindingOut(Schema):
    kind: str
    severity: str
    note: str


class FollowUpOut(Schema):
    id: int
    screening_id: int
    kind: str
    reason: str
    decided_on: date
    decided_by: str
    enrolment_id: int | None
    program: str | None


class ScreeningOut(Schema):
    id: int
    case_id: int
    organisation_id: int
    technician: str
    visited_on: date
    address: dict
    is_owner_occupied: bool
    income_category: int | None
    notes: str
    scan: dict = Field(..., description="De bewaarde scan: `token`, `label` en elke sleutel van "
                       "het resultaat van de rekenmotor (heat_need_kwh_m2, heat_need_kwh, "
                       "primary_energy_kwh_m2, co2_kg, cost_eur, archetype, measures, ...).")
    findings: list[FindingOut]
    photos: list[dict]
    follow_ups: list[FollowUpOut]
    trajectory_ids: list[int]


class ScreeningListOut(Schema):
    id: int
    case_id: int
    organisation_id: int
    visited_on: date
    municipality_nis: str
    label: str
    primary_energy_kwh_m2: float
    findings: list[FindingOut]
    follow_up: str | None


class ScreeningPage(Schema):
    count: int
    items: list[ScreeningListOut]


def _follow_up(f: FollowUp) -> dict:
    return {"id": f.pk, "screening_id": f.screening_id, "kind": f.kind, "reason": f.reason,
            "decided_on": f.decided_on, "decided_by": f.decided_by.get_username(),
            "enrolment_id": f.enrolment_id,
            "program": f.kind if f.kind != FollowUpKind.GEEN_ACTIE else None}


def _findings(s: Screening) -> list[dict]:
    return [{"kind": f.kind, "severity": f.severity, "note": f.note} for f in s.findings.all()]


def _screening(s: Screening) -> dict:
    return {
        "id": s.pk, "case_id": s.case_id, "organisation_id": s.organisation_id,
        "technician": s.technician.get_username(), "visited_on": s.visited_on,
        "address": {"street": s.street, "number": s.number, "box": s.box,
                    "postal_code": s.postal_code,
                    "municipality_nis": s.municipality_id},
        "is_owner_occupied": s.is_owner_occupied, "income_category": s.scan.income_category,
        "notes": s.notes, "scan": {**s.scan.result, "token": s.scan.token,
                                   "label": s.scan.label},
        "findings": _findings(s),
        "photos": [{"id": p.pk, "caption": p.caption, "content_type": p.content_type}
                   for p in s.photos.all()],
        "follow_ups": [_follow_up(f) for f in s.follow_ups.all()],
        "trajectory_ids": [t.pk for t in s.trajectories.all()],
    }


def _case(user, case_id: int) -> Case:
    return get_visible_or_404(Case.objects, user, pk=case_id)


@router.post("/screenings", response={201: ScreeningOut})
def screening_create(request, payload: ScreeningIn):
    """A screening at home on a case: the engine's inputs as observed (saved as a scan,
    origin "screening") with the comfort and safety findings."""
    case = _case(request.user, payload.case_id)
    address = payload.address.dict() if payload.address else {}
    nis = payload.municipality_nis or address.get("municipality_nis") or case.municipality_id
    dwelling = {**payload.dict(include=set(FIELDS), exclude_none=True),
                **(payload.dwelling.dict(exclude_none=True) if payload.dwelling else {})}
    screening = services.screening_record(
        request.user, case, visited_on=payload.visited_on or timezone.localdate(),
        dwelling=dwelling, municipality_nis=nis,
        street=address.get("street", ""), number=address.get("number", ""),
        box=address.get("box", ""), postal_code=address.get("postal_code", ""),
        is_owner_occupied=payload.is_owner_occupied,
        income_category=payload.income_category, notes=payload.notes,
        findings=[f.dict() for f in payload.findings], organisation_id=payload.organisation_id)
    return Status(201, _screening(selectors.screening_detail(
        request.user, screening.pk, reason="api")))


class ScreeningFilter(Schema):
    case_id: Id | None = None
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
    open_only: bool = False


@router.get("/screenings", response=ScreeningPage)
def screening_list(request, filters: Query[ScreeningFilter],
                   page: Query[BoundedLimitOffset.Input]):
    """The screenings the caller may see, newest visit first (`?case_id=`,
    `?municipality_nis=`, `?open_only=true` for those without a follow-up)."""
    require_member(request.user)
    qs = selectors.screenings(request.user, **filters.dict())
    items = list(qs[page.offset:page.offset + page.limit])
    if items:
        record_list(request.user, Screening, [s.pk for s in items], reason="api")
    return {"count": qs.count(), "items": [{
        "id": s.pk, "case_id": s.case_id, "organisation_id": s.organisation_id,
        "visited_on": s.visited_on, "municipality_nis": s.municipality_id,
        "label": s.scan.label, "primary_energy_kwh_m2": s.scan.primary_energy_kwh_m2,
        "findings": _findings(s),
        "follow_up": next((f.kind for f in s.follow_ups.all()), None)} for s in items]}


@router.get("/screenings/{int:screening_id}", response=ScreeningOut)
def screening_get(request, screening_id: int):
    return _screening(selectors.screening_detail(request.user, screening_id, reason="api"))


class FollowUpIn(Schema):
    kind: FollowUpKind
    reason: str = Field(..., min_length=1, max_length=5000)
    decided_on: date | None = None


@router.post("/screenings/{int:screening_id}/follow-up", response={201: FollowUpOut})
def follow_up_create(request, screening_id: int, payload: FollowUpIn):
    """The follow-up decided for a screening; it becomes a program (enrolment) on the
    case, or links the one already running (`geen_actie`: none)."""
    screening = Screening.objects.visible_to(request.user).select_related("case").filter(
        pk=screening_id).first()
    if screening is None:
        raise Http404
    follow_up = services.follow_up_decide(request.user, screening, kind=payload.kind,
                                          reason=payload.reason, decided_on=payload.decided_on)
    return Status(201, _follow_up(follow_up))


# Renovation coaching ---------------------------------------------------------------------

class PhaseOut(Schema):
    phase: str
    started_on: date
    note: str


class QuoteOut(Schema):
    id: int
    contractor_id: int
    contractor: str
    measure: str
    received_on: date
    amount_excl_vat_eur: float
    vat_percent: int
    amount_incl_vat_eur: float
    quantity: float | None
    unit: str
    warranty_years: int | None
    lead_time_weeks: int | None
    notes: str
    chosen: bool


class TrajectoryOut(Schema):
    id: int
    case_id: int
    organisation_id: int
    screening_id: int | None
    coach: str
    phase: str
    started_on: date
    phases: list[PhaseOut]
    notes: str
    completed_on: date | None
    before: dict | None
    after: dict | None
    quotes: list[QuoteOut]


def _quote(q: Quote) -> dict:
    return {"id": q.pk, "contractor_id": q.contractor_id, "contractor": q.contractor.name,
            "measure": q.measure, "received_on": q.received_on,
            "amount_excl_vat_eur": q.amount_excl_vat_eur, "vat_percent": q.vat_percent,
            "amount_incl_vat_eur": selectors.incl_vat(q), "quantity": q.quantity,
            "unit": q.unit, "warranty_years": q.warranty_years,
            "lead_time_weeks": q.lead_time_weeks, "notes": q.notes, "chosen": q.chosen}


def _trajectory(user, trajectory_id: int) -> dict:
    t = selectors.trajectory_detail(user, trajectory_id, reason="api")
    return {
        "id": t.pk, "case_id": t.case_id, "organisation_id": t.organisation_id,
        "screening_id": t.screening_id, "coach": t.coach.get_username(), "phase": t.phase,
        "started_on": t.started_on,
        "phases": [{"phase": p.phase, "started_on": p.started_on, "note": p.note}
                   for p in t.phases.all()],
        "notes": t.notes, "completed_on": t.completed_on,
        "before": selectors.scan_figures(t.before_scan),
        "after": selectors.scan_figures(t.after_scan),
        "quotes": [_quote(q) for q in t.quotes.all()],
    }


class TrajectoryIn(Schema):
    case_id: Id
    screening_id: Id | None = None
    follow_up_id: Id | None = None
    started_on: date | None = None
    notes: str = Field("", max_length=10000)
    organisation_id: Id | None = None


@router.post("/trajectories", response={201: TrajectoryOut})
def trajectory_create(request, payload: TrajectoryIn):
    """Renovation coaching of a case's home with the caller as coach: from a follow-up
    `renovatiebegeleiding`, a screening, or (left out) the case's latest screening."""
    case = _case(request.user, payload.case_id)
    visible = Screening.objects.visible_to(request.user).filter(case=case)
    screening = follow_up = None
    if payload.screening_id is not None:
        screening = visible.filter(pk=payload.screening_id).first()
        if screening is None:
            raise ServiceError("Onbekende screening.",
                               {"screening_id": "Onbekende screening voor dit dossier."})
    if payload.follow_up_id is not None:
        follow_up = FollowUp.objects.filter(pk=payload.follow_up_id,
                                            screening__in=visible).first()
        if follow_up is None:
            raise ServiceError("Onbekende opvolging.",
                               {"follow_up_id": "Onbekende opvolging voor dit dossier."})
    trajectory = services.trajectory_start(
        request.user, case, started_on=payload.started_on, screening=screening,
        follow_up=follow_up, notes=payload.notes, organisation_id=payload.organisation_id)
    return Status(201, _trajectory(request.user, trajectory.pk))


class TrajectoryFilter(Schema):
    phase: Phase | None = None
    case_id: Id | None = None
    open_only: bool = False


class TrajectoryListOut(Schema):
    id: int
    case_id: int
    organisation_id: int
    coach: str
    phase: str
    started_on: date
    completed_on: date | None
    quote_count: int
    label_before: str | None
    label_after: str | None


class TrajectoryPage(Schema):
    count: int
    items: list[TrajectoryListOut]


@router.get("/trajectories", response=TrajectoryPage)
def trajectory_list(request, filters: Query[TrajectoryFilter],
                    page: Query[BoundedLimitOffset.Input]):
    require_member(request.user)
    qs = selectors.trajectories(request.user, **filters.dict())
    items = list(qs[page.offset:page.offset + page.limit])
    if items:
        record_list(request.user, Trajectory, [t.pk for t in items], reason="api")
    return {"count": qs.count(), "items": [{
        "id": t.pk, "case_id": t.case_id, "organisation_id": t.organisation_id,
        "coach": t.coach.get_username(), "phase": t.phase, "started_on": t.started_on,
        "completed_on": t.completed_on, "quote_count": t.quote_count,
        "label_before": t.before_scan.label if t.before_scan else None,
        "label_after": t.after_scan.label if t.after_scan else None} for t in items]}


@router.get("/trajectories/{int:trajectory_id}", response=TrajectoryOut)
def trajectory_get(request, trajectory_id: int):
    return _trajectory(request.user, trajectory_id)


class TrajectoryPatch(Schema):
    phase: Phase | None = None
    on: date | None = None
    note: str = Field("", max_length=500)
    notes: str | None = Field(None, max_length=10000)


def _visible_trajectory(user, trajectory_id: int) -> Trajectory:
    trajectory = Trajectory.objects.visible_to(user).select_related("case", "before_scan").filter(
        pk=trajectory_id).first()
    if trajectory is None:
        raise Http404
    return trajectory


@router.patch("/trajectories/{int:trajectory_id}", response=TrajectoryOut)
def trajectory_update(request, trajectory_id: int, payload: TrajectoryPatch):
    """Move on to a later phase from a date (`on`, default today; phases may be
    skipped, never undone) and/or replace the notes."""
    trajectory = _visible_trajectory(request.user, trajectory_id)
    if payload.phase is None and payload.notes is None:
        raise ServiceError("Niets te wijzigen.", {"phase": "Geef een fase of notities."})
    if payload.phase is not None:
        trajectory = services.trajectory_phase(request.user, trajectory, phase=payload.phase,
                                               on=payload.on or timezone.localdate(),
                                               note=payload.note)
    if payload.notes is not None:
        services.trajectory_notes(request.user, trajectory, notes=payload.notes)
    return _trajectory(request.user, trajectory_id)


class QuoteIn(Schema):
    contractor_id: Id
    measure: str = Field(..., max_length=30)
    received_on: date
    amount_excl_vat_eur: Decimal = Field(..., gt=0, max_digits=9, decimal_places=2)
    vat_percent: Literal[6, 21] = 6
    quantity: Decimal | None = Field(None, gt=0, max_digits=8, decimal_places=1)
    unit: str = Field("", max_length=10)
    warranty_years: int | None = Field(None, ge=0, le=50)
    lead_time_weeks: int | None = Field(None, ge=0, le=260)
    notes: str = Field("", max_length=500)
    chosen: bool = False


@router.post("/trajectories/{int:trajectory_id}/quotes", response={201: QuoteOut})
def quote_create(request, trajectory_id: int, payload: QuoteIn):
    """A quote the household received (measure: the engine's measure codes)."""
    trajectory = _visible_trajectory(request.user, trajectory_id)
    quote = services.quote_add(request.user, trajectory, **payload.dict())
    return Status(201, _quote(quote))


class ResultIn(Schema):
    completed_on: date
    changes: DwellingChanges


@router.post("/trajectories/{int:trajectory_id}/result", response=TrajectoryOut)
def trajectory_result(request, trajectory_id: int, payload: ResultIn):
    """The works are done: the inputs of the scan before with `changes` give the scan
    after (origin "result"); `before` and `after` in the answer compare them."""
    trajectory = _visible_trajectory(request.user, trajectory_id)
    services.trajectory_result(request.user, trajectory, completed_on=payload.completed_on,
                               changes=payload.changes.dict(exclude_none=True))
    return _trajectory(request.user, trajectory_id)


# Contractors -----------------------------------------------------------------------------

class ContractorIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    specialities: list[Speciality] = Field(..., min_length=1)
    municipality_nis: list[str] = Field(..., min_length=1)
    vat_number: str = Field("", max_length=20)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    agreements: str = Field("", max_length=10000)
    is_active: bool = True
    organisation_id: Id | None = None


class ContractorOut(Schema):
    id: int
    organisation_id: int
    name: str
    vat_number: str
    specialities: list[str]
    municipality_nis: list[str]
    phone: str
    email: str
    agreements: str
    is_active: bool

    @staticmethod
    def resolve_municipality_nis(obj: Contractor) -> list[str]:
        return [m.pk for m in obj.municipalities.all()]


class ContractorPage(Schema):
    count: int
    items: list[ContractorOut]


class ContractorFilter(Schema):
    speciality: Speciality | None = None
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")


@router.get("/contractors", response=ContractorPage)
def contractor_list(request, filters: Query[ContractorFilter],
                    page: Query[BoundedLimitOffset.Input]):
    """The contractor pools of the caller's organisations (`?speciality=`,
    `?municipality_nis=` served)."""
    require_member(request.user)
    qs = selectors.contractors(request.user, **filters.dict())
    return {"count": qs.count(), "items": list(qs[page.offset:page.offset + page.limit])}


@router.post("/contractors", response={201: ContractorOut})
def contractor_create(request, payload: ContractorIn):
    contractor = services.contractor_save(request.user, None, **payload.dict())
    return Status(201, selectors.contractors(request.user).get(pk=contractor.pk))
