"""API of eviction prevention under /api/v1/evictions/ (contract in issue 5)."""

from datetime import date, datetime
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from woonloket.api.pagination import BoundedLimitOffset
from woonloket.cases.selectors import case_detail
from woonloket.core import csvfile
from woonloket.core.access import get_visible_or_404
from woonloket.core.errors import ServiceError

from . import importing, rules, selectors, services
from .models import LandlordKind, Mediation, Petition, Step

router = Router(tags=["uithuiszettingen"])


class LandlordIn(Schema):
    kind: LandlordKind
    name: str = Field(..., min_length=1, max_length=200)
    contact: str = Field("", max_length=200)


class TenantIn(Schema):
    first_name: str = Field(..., min_length=1, max_length=100)
    last_name: str = Field(..., min_length=1, max_length=100)
    birth_date: date | None = None


class AddressIn(Schema):
    street: str = Field(..., min_length=1, max_length=150)
    number: str = Field(..., min_length=1, max_length=10)
    box: str = Field("", max_length=10)
    postal_code: str = Field(..., pattern=r"^\d{4}$")
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")


class PetitionIn(Schema):
    canton: str = Field(..., min_length=1, max_length=60)
    roll_number: str = Field(..., min_length=1, max_length=40)
    received_on: date
    hearing_at: datetime
    landlord: LandlordIn
    tenant: TenantIn
    address: AddressIn
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
    arrears_eur: Decimal = Field(..., ge=0, max_digits=10, decimal_places=2)
    monthly_rent_eur: Decimal = Field(..., ge=0, max_digits=10, decimal_places=2)
    reason: Petition.Reason = Petition.Reason.ARREARS
    lead_organisation_id: int | None = None


class StepOut(Schema):
    id: int
    kind: str
    due_on: date
    status: str
    done_on: date | None
    outcome: str
    note: str
    planned_at: datetime | None

    @staticmethod
    def resolve_planned_at(obj: Step) -> datetime | None:
        return timezone.localtime(obj.planned_at) if obj.planned_at else None


class LandlordOut(Schema):
    kind: str
    name: str
    contact: str


class PetitionOut(Schema):
    id: int
    case_id: int
    household_id: int
    organisation_id: int
    ocmw_id: int | None
    canton: str = Field(..., alias="canton_id")
    roll_number: str
    received_on: date
    hearing_at: datetime
    landlord: LandlordOut
    tenant_name: str
    address: dict
    municipality_nis: str = Field(..., alias="municipality_id")
    arrears_eur: float  # amounts as JSON numbers (DESIGN "API conventions")
    monthly_rent_eur: float
    reason: str
    contact_person_id: int | None
    outcome: str
    outcome_on: date | None
    served_on: date | None
    earliest_eviction_on: date | None = Field(None, alias="earliest_eviction")
    closed_on: date | None
    steps: list[StepOut]

    @staticmethod
    def resolve_hearing_at(obj: Petition) -> datetime:
        return timezone.localtime(obj.hearing_at)

    @staticmethod
    def resolve_landlord(obj: Petition) -> dict:
        return {"kind": obj.landlord_kind, "name": obj.landlord_name,
                "contact": obj.landlord_contact}

    @staticmethod
    def resolve_address(obj: Petition) -> dict:
        return {"street": obj.street, "number": obj.number, "box": obj.box,
                "postal_code": obj.postal_code, "municipality_nis": obj.municipality_id}

    @staticmethod
    def resolve_contact_person_id(obj: Petition) -> int | None:
        return obj.case.contact_person_id

    @staticmethod
    def resolve_steps(obj: Petition) -> list[Step]:
        return list(obj.steps.all())


def _read(request, petition_id: int, reason: str) -> Petition:
    return selectors.petition_detail(request.user, petition_id, reason=reason)


@router.post("/petitions", response={201: PetitionOut})
def petition_create(request, payload: PetitionIn):
    nis = payload.address.municipality_nis or payload.municipality_nis
    if nis is None:
        raise ServiceError("De gegevens zijn niet geldig.",
                           {"address.municipality_nis": "De NIS-code van de gemeente is "
                                                        "verplicht."})
    petition = services.petition_register(request.user, services.PetitionIn(
        canton=payload.canton.strip().lower(), roll_number=payload.roll_number,
        received_on=payload.received_on, hearing_at=payload.hearing_at,
        landlord_kind=payload.landlord.kind, landlord_name=payload.landlord.name,
        landlord_contact=payload.landlord.contact, first_name=payload.tenant.first_name,
        last_name=payload.tenant.last_name, birth_date=payload.tenant.birth_date,
        street=payload.address.street, number=payload.address.number, box=payload.address.box,
        postal_code=payload.address.postal_code, municipality_nis=nis,
        arrears_eur=payload.arrears_eur, monthly_rent_eur=payload.monthly_rent_eur,
        reason=payload.reason, lead_organisation_id=payload.lead_organisation_id,
    ), source=Petition.Source.API)
    return Status(201, selectors.petitions(request.user, open_only=False).get(pk=petition.pk))


class PetitionFilter(Schema):
    mine: bool = False
    open: bool = True
    canton: str | None = None
    municipality_nis: str | None = None


@router.get("/petitions", response=list[PetitionOut])
@paginate(BoundedLimitOffset)
def petition_list(request, filters: Query[PetitionFilter]):
    return selectors.petitions(request.user, mine=filters.mine, open_only=filters.open,
                               canton=filters.canton, municipality_nis=filters.municipality_nis)


@router.get("/petitions/{int:petition_id}", response=PetitionOut)
def petition_detail(request, petition_id: int):
    return _read(request, petition_id, "API")


class ImportOut(Schema):
    created: int
    skipped_duplicates: int
    errors: list[dict]
    petition_ids: list[int]


@router.post("/petitions/import", response=ImportOut)
def petition_import(request, file: UploadedFile | None = File(None),  # noqa: B008 - ninja
                    lead_organisation_id: int | None = None):
    """A CSV file as multipart field `file` (or the body with Content-Type text/csv)."""
    raw = csvfile.request_bytes(request, file)
    return importing.petitions_import(request.user, raw, lead_organisation_id)


class StepPatch(Schema):
    status: Step.Status
    done_on: date | None = None
    note: str | None = Field(None, max_length=5000)
    outcome: str | None = Field(None, max_length=20)
    planned_at: datetime | None = None


@router.patch("/steps/{int:step_id}", response=StepOut)
def step_update(request, step_id: int, payload: StepPatch):
    step = get_visible_or_404(Step.objects.all(), request.user, pk=step_id)
    return services.step_update(request.user, step, **payload.dict())


@router.get("/petitions/{int:petition_id}/letters/{kind}.pdf", response={200: None},
            openapi_extra={"responses": {200: {"content": {"application/pdf": {}}}}})
def letter_pdf(request, petition_id: int, kind: str):
    """Render the letter now; the exact PDF is kept on the case timeline."""
    petition = _read(request, petition_id, f"brief {kind}")
    if kind not in rules.LETTER_KINDS:
        raise ServiceError("Onbekende brief.", {"kind": "Kies letter1, card of letter2."})
    letter = services.letter_issue(request.user, petition, kind)
    response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{kind}-{petition.roll_number}.pdf"'
    return response


class OutcomeIn(Schema):
    outcome: Petition.Outcome
    outcome_on: date
    note: str = Field("", max_length=5000)
    served_on: date | None = None
    new_hearing_at: datetime | None = None


@router.post("/petitions/{int:petition_id}/outcome", response=PetitionOut)
def outcome_record(request, petition_id: int, payload: OutcomeIn):
    petition = _read(request, petition_id, "uitspraak")
    services.outcome_record(request.user, petition, **payload.dict())
    return selectors.petitions(request.user, open_only=False).get(pk=petition.pk)


class FundIn(Schema):
    year: int = Field(..., ge=2020, le=2100)
    landlord_kind: LandlordKind
    arrears_eur: Decimal = Field(..., ge=0, max_digits=10, decimal_places=2)
    monthly_rent_eur: Decimal = Field(..., ge=0, max_digits=10, decimal_places=2)
    support_agreement: bool | None = None


class FundOut(Schema):
    status: str
    reasons: list[str]
    months: float | None
    advance_eur: float | None
    referral: str
    cap_eur: float | None
    source: str


@router.post("/fund-check", response=FundOut, tags=["uithuiszettingen"])
def fund_check(request, payload: FundIn):
    """The anti-eviction fund rule (pure; nothing is stored)."""
    result = rules.fund_eligibility(payload.year, landlord_kind=payload.landlord_kind,
                                    arrears_eur=payload.arrears_eur,
                                    monthly_rent_eur=payload.monthly_rent_eur,
                                    support_agreement=payload.support_agreement)
    params = result.parameters
    return {**result.__dict__, "cap_eur": params.cap_eur if params else None,
            "source": params.source if params else ""}


class MediationIn(Schema):
    case_id: int
    subject: Mediation.Subject
    landlord_kind: LandlordKind
    landlord_name: str = Field(..., min_length=1, max_length=200)
    protocol_partner_id: int | None = None
    opened_on: date | None = None


class MediationOut(Schema):
    id: int
    case_id: int
    municipality_nis: str = Field(..., alias="municipality_id")
    subject: str
    landlord_kind: str
    landlord_name: str
    protocol_partner_id: int | None
    opened_on: date
    outcome: str
    closed_on: date | None


@router.post("/mediations", response={201: MediationOut})
def mediation_create(request, payload: MediationIn):
    case = case_detail(request.user, payload.case_id, reason="huurbemiddeling")
    data = payload.dict(exclude={"case_id"})
    return Status(201, services.mediation_open(request.user, case, **data))


@router.get("/mediations", response=list[MediationOut])
@paginate(BoundedLimitOffset)
def mediation_list(request, open: bool = False):
    return selectors.mediations(request.user, open_only=open)


class FiguresQuery(Schema):
    year: int = Field(..., ge=2000, le=2100)
    group: str = Field("municipality", pattern="^(canton|municipality|month)$")


@router.get("/figures")
def figures(request, query: Query[FiguresQuery]):
    """Petitions and mediations per canton, municipality or month of one year."""
    def clean(rows):
        return [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in row.items()}
                for row in rows]
    return {"year": query.year, "group": query.group,
            "petitions": clean(selectors.petition_figures(request.user, year=query.year,
                                                          group=query.group)),
            "mediations": clean(selectors.mediation_figures(request.user, year=query.year,
                                                            group=query.group))}

