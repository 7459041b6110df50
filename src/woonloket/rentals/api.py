"""API of the rentals app under /api/v1/rentals/ (contract in issue 8)."""

from datetime import date
from decimal import Decimal

from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from woonloket.api.pagination import BoundedLimitOffset
from woonloket.api.schemas import AddressIn
from woonloket.core import csvfile
from woonloket.core.access import require_member
from woonloket.core.errors import ServiceError

from . import selectors, services
from .models import Landlord, Listing

router = Router(tags=["woningzoektocht"])


class LandlordIn(Schema):
    kind: Landlord.Kind = Landlord.Kind.PRIVATE
    name: str = Field(..., min_length=1, max_length=200)
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)


class ListingIn(Schema):
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
    kind: Listing.Kind
    bedrooms: int = Field(..., ge=0, le=20)
    floor_area_m2: int | None = Field(None, ge=5, le=2000)
    rent_eur: Decimal = Field(..., gt=0, max_digits=7, decimal_places=2)
    charges_eur: Decimal = Field(Decimal(0), ge=0, max_digits=7, decimal_places=2)
    epc_label: str | None = Field(None, pattern=r"^(A\+|[A-F])$")
    available_from: date | None = None
    status: Listing.Status = Listing.Status.BESCHIKBAAR
    address: AddressIn | None = None
    landlord: LandlordIn | None = None
    source: Listing.Source = Listing.Source.VOLUNTEER
    accessible: bool = False
    pets: bool = False
    garden: bool = False
    notes: str = Field("", max_length=5000)
    organisation_id: int | None = None


class ListingPatch(Schema):
    municipality_nis: str | None = Field(None, pattern=r"^\d{5}$")
    kind: Listing.Kind | None = None
    bedrooms: int | None = Field(None, ge=0, le=20)
    floor_area_m2: int | None = Field(None, ge=5, le=2000)
    rent_eur: Decimal | None = Field(None, gt=0, max_digits=7, decimal_places=2)
    charges_eur: Decimal | None = Field(None, ge=0, max_digits=7, decimal_places=2)
    epc_label: str | None = Field(None, pattern=r"^(A\+|[A-F])?$")
    available_from: date | None = None
    status: Listing.Status | None = None
    address: AddressIn | None = None
    landlord: LandlordIn | None = None
    source: Listing.Source | None = None
    accessible: bool | None = None
    pets: bool | None = None
    garden: bool | None = None
    notes: str | None = Field(None, max_length=5000)


class LandlordOut(Schema):
    id: int
    kind: str
    name: str
    phone: str
    email: str


class ListingOut(Schema):
    id: int
    organisation_id: int
    municipality_nis: str = Field(..., alias="municipality_id")
    municipality: str
    kind: str
    bedrooms: int
    floor_area_m2: int | None
    rent_eur: float
    charges_eur: float
    epc_label: str | None
    available_from: date | None
    status: str
    address: dict
    landlord: LandlordOut | None
    source: str
    accessible: bool
    pets: bool
    garden: bool
    notes: str
    last_checked_on: date
    stale: bool

    @staticmethod
    def resolve_municipality(obj: Listing) -> str:
        return obj.municipality.name

    @staticmethod
    def resolve_epc_label(obj: Listing) -> str | None:
        return obj.epc_label or None

    @staticmethod
    def resolve_address(obj: Listing) -> dict:
        return {"street": obj.street, "number": obj.number, "box": obj.box,
                "postal_code": obj.postal_code, "municipality_nis": obj.municipality_id}

    @staticmethod
    def resolve_stale(obj: Listing) -> bool:
        return obj.is_stale(timezone.localdate())


def _values(payload, exclude_unset: bool) -> tuple[dict, services.LandlordIn | None]:
    data = payload.dict(exclude_unset=exclude_unset)
    address = data.pop("address", None) or {}
    landlord = data.pop("landlord", None)
    nis = data.get("municipality_nis") or address.pop("municipality_nis", None)
    address.pop("municipality_nis", None)
    if nis:
        data["municipality_nis"] = nis
    data.update(address)
    return data, services.LandlordIn(**landlord) if landlord else None


def _listing(pk: int) -> Listing:
    return get_object_or_404(selectors.listings(), pk=pk)


@router.post("/listings", response={201: ListingOut})
def listing_create(request, payload: ListingIn):
    values, landlord = _values(payload, exclude_unset=False)
    if not values.get("municipality_nis"):
        raise ServiceError("De gegevens zijn niet geldig.",
                           {"municipality_nis": "Dit veld is verplicht."})
    listing = services.listing_create(request.user, landlord=landlord, **values)
    return Status(201, _listing(listing.pk))


@router.patch("/listings/{int:listing_id}", response=ListingOut)
def listing_update(request, listing_id: int, payload: ListingPatch):
    values, landlord = _values(payload, exclude_unset=True)
    services.listing_update(request.user, _listing(listing_id), landlord=landlord, **values)
    return _listing(listing_id)


class ListingFilter(Schema):
    municipality_nis: str | None = None
    max_rent_eur: Decimal | None = Field(None, ge=0, max_digits=9, decimal_places=2)
    bedrooms: int | None = Field(None, ge=0, le=20)
    status: Listing.Status | None = None
    stale: bool | None = None


@router.get("/listings", response=list[ListingOut])
@paginate(BoundedLimitOffset)
def listing_list(request, filters: Query[ListingFilter]):
    require_member(request.user)
    return selectors.listings(**filters.dict())


@router.get("/listings/{int:listing_id}", response=ListingOut)
def listing_detail(request, listing_id: int):
    require_member(request.user)
    return _listing(listing_id)


class ImportOut(Schema):
    created: int
    updated: int
    errors: list[dict]


@router.post("/listings/import", response=ImportOut)
def listing_import(request, file: UploadedFile | None = File(None),  # noqa: B008 - ninja
                   organisation_id: int | None = None):
    """A CSV file as multipart field `file` (or the body with Content-Type text/csv)."""
    raw = csvfile.request_bytes(request, file)
    return services.listings_import(request.user, raw, organisation_id)


class MatchOut(Schema):
    listing_id: int
    affordable: bool
    suitable: bool
    monthly_cost_eur: float
    support_eur: float
    reasons: list[str]
    municipality: str
    rent_eur: float
    bedrooms: int


class MatchesOut(Schema):
    count: int
    items: list[MatchOut]


@router.get("/matches", response=MatchesOut)
def matches(request, household_id: int, year: int | None = Query(None, ge=2000, le=2100)):  # noqa: B008
    household = selectors.household_for(request.user, household_id, "woningen zoeken")
    items = [{"listing_id": m.listing.pk, "affordable": m.affordable, "suitable": m.suitable,
              "monthly_cost_eur": m.monthly_cost_eur, "support_eur": m.support_eur,
              "reasons": m.reasons, "municipality": m.listing.municipality.name,
              "rent_eur": m.listing.rent_eur, "bedrooms": m.listing.bedrooms}
             for m in selectors.matches(request.user, household, year=year)]
    return {"count": len(items), "items": items}


class EligibilityOut(Schema):
    status: str
    reasons: list[str]
    monthly_amount_eur: float | None = None
    source: str


class SupportOut(Schema):
    year: int
    social_housing: EligibilityOut
    huurpremie: EligibilityOut
    huursubsidie: EligibilityOut


@router.get("/eligibility", response=SupportOut)
def eligibility(request, household_id: int, year: int = Query(..., ge=2000, le=2100)):  # noqa: B008
    household = selectors.household_for(request.user, household_id, "steunmaatregelen")
    found = selectors.support(request.user, household, year)
    return {"year": year, "social_housing": found.social_housing.__dict__,
            "huurpremie": found.huurpremie.__dict__, "huursubsidie": found.huursubsidie.__dict__}
