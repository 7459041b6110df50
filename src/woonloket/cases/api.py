"""API: cases, contacts and referrals."""

from datetime import date, datetime

from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from woonloket.api.pagination import BoundedLimitOffset

from . import selectors, services
from .models import Case, Consent, Contact, Referral, Source, Theme
from .models import Status as CaseStatus

router = Router(tags=["dossiers"])


class CaseIn(Schema):
    household_id: int
    municipality_nis: str
    themes: list[Theme] = Field(..., min_length=1)
    source: Source
    lead_organisation_id: int | None = None
    contact_person_id: int | None = None


class CaseOut(Schema):
    id: int
    household_id: int
    municipality_nis: str = Field(..., alias="municipality_id")
    lead_organisation_id: int
    contact_person_id: int | None
    themes: list[str]
    source: str
    status: str
    opened_on: date
    closed_on: date | None
    is_priority: bool
    priority_reason: str
    priority_since: date | None
    contact_count: int

    @staticmethod
    def resolve_themes(obj: Case) -> list[str]:
        return [t.theme for t in obj.themes.all()]


class CaseFilter(Schema):
    municipality_nis: str | None = None
    status: CaseStatus | None = None
    is_priority: bool | None = None


@router.post("/cases", response={201: CaseOut})
def case_create(request, payload: CaseIn):
    case = services.case_open(request.user, **payload.dict())
    return Status(201, selectors.case_list(request.user).get(pk=case.pk))


@router.get("/cases", response=list[CaseOut])
@paginate(BoundedLimitOffset)
def case_list(request, filters: Query[CaseFilter]):
    return selectors.case_list(request.user, **filters.dict())


@router.get("/cases/{case_id}", response=CaseOut)
def case_detail(request, case_id: int):
    return selectors.case_detail(request.user, case_id, reason="API")


class ContactIn(Schema):
    at: datetime
    channel: Contact.Channel
    minutes: int = Field(..., ge=0, le=1440)
    summary: str = Field(..., min_length=1, max_length=10000)
    is_confidential: bool = False


class ContactOut(Schema):
    id: int
    case_id: int
    at: datetime
    channel: str
    minutes: int
    summary: str
    is_confidential: bool
    staff_id: int


@router.post("/cases/{case_id}/contacts", response={201: ContactOut})
def contact_create(request, case_id: int, payload: ContactIn):
    case = selectors.case_detail(request.user, case_id, reason="contact registreren")
    return Status(201, services.contact_register(request.user, case, **payload.dict()))


@router.get("/cases/{case_id}/contacts", response=list[ContactOut])
def contact_list(request, case_id: int):
    case = selectors.case_detail(request.user, case_id, reason="contacten")
    return list(selectors.case_contacts(request.user, case))


class ConsentIn(Schema):
    purpose: str = Field(..., min_length=1, max_length=300)
    scope: list[Consent.Scope] = Field(..., min_length=1)
    expires_on: date


class ReferralIn(Schema):
    case_id: int
    to_organisation_id: int
    reason: str = Field(..., min_length=1, max_length=5000)
    consent: ConsentIn


class ReferralOut(Schema):
    id: int
    case_id: int
    from_organisation_id: int
    to_organisation_id: int
    reason: str
    status: str
    consent: ConsentIn


class ReferralPatch(Schema):
    status: Referral.Status


@router.post("/referrals", response={201: ReferralOut}, tags=["doorverwijzingen"])
def referral_create(request, payload: ReferralIn):
    case = selectors.case_detail(request.user, payload.case_id, reason="doorverwijzen")
    referral = services.referral_create(
        request.user, case, to_organisation_id=payload.to_organisation_id,
        reason=payload.reason, **payload.consent.dict(),
    )
    return Status(201, referral)


@router.patch("/referrals/{referral_id}", response=ReferralOut, tags=["doorverwijzingen"])
def referral_update(request, referral_id: int, payload: ReferralPatch):
    return services.referral_set_status(request.user, referral_id, payload.status)
