"""API of the housing pool under /api/v1/housing/ (contract in issue 4)."""

from datetime import date

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from woonloket.api.pagination import BoundedLimitOffset
from woonloket.core.access import get_visible_or_404
from woonloket.core.errors import ServiceError
from woonloket.core.models import Region

from . import rules, selectors, services
from .models import Destination, HousingUnit, Registration, Stay

router = Router(tags=["woningenpool"])


class AddressIn(Schema):
    street: str = Field("", max_length=200)
    number: str = Field("", max_length=20)
    box: str = Field("", max_length=20)
    postal_code: str = Field("", max_length=4)
    municipality_nis: str | None = None


class UnitIn(Schema):
    municipality_nis: str | None = None
    kind: HousingUnit.Kind
    persons: int = Field(..., ge=1, le=50)
    address: AddressIn | str | None = None
    name: str = Field("", max_length=120)
    bedrooms: int = Field(1, ge=0, le=20)
    accessible: bool = False
    pets: bool = False
    in_crisis_network: bool = False
    in_regional_pool: bool = False
    status: HousingUnit.Status = HousingUnit.Status.BESCHIKBAAR
    notes: str = Field("", max_length=5000)
    organisation_id: int | None = None


class AddressOut(Schema):
    street: str
    number: str
    box: str
    postal_code: str
    municipality_nis: str


class UnitOut(Schema):
    id: int
    name: str
    kind: str
    municipality_nis: str = Field(..., alias="municipality_id")
    municipality: str
    organisation_id: int
    organisation: str
    persons: int
    bedrooms: int
    address: AddressOut
    accessible: bool
    pets: bool
    status: str
    in_crisis_network: bool
    in_regional_pool: bool

    @staticmethod
    def resolve_municipality(obj: HousingUnit) -> str:
        return obj.municipality.name

    @staticmethod
    def resolve_organisation(obj: HousingUnit) -> str:
        return obj.organisation.name

    @staticmethod
    def resolve_address(obj: HousingUnit) -> dict:
        return {"street": obj.street, "number": obj.number, "box": obj.box,
                "postal_code": obj.postal_code, "municipality_nis": obj.municipality_id}


class AvailableUnitOut(UnitOut):
    distance_km: float | None = None

    @staticmethod
    def resolve_distance_km(obj) -> float | None:
        return None if obj.distance_km is None else round(obj.distance_km, 1)


def _region(code: str | None) -> Region | None:
    if not code:
        return None
    region = Region.objects.filter(code=code).first()
    if region is None:
        raise ServiceError("Onbekende regio.", {"region": f"Onbekende regio: {code}."})
    return region


@router.post("/units", response={201: UnitOut})
def unit_create(request, payload: UnitIn):
    data = payload.dict(exclude={"address", "municipality_nis", "organisation_id"})
    address = payload.address
    nis = payload.municipality_nis
    if isinstance(address, AddressIn):
        nis = nis or address.municipality_nis
        data.update(address.dict(exclude={"municipality_nis"}))
    elif isinstance(address, str):
        data["street"] = address[:200]
    if not nis:
        raise ServiceError("De gemeente ontbreekt.", {"municipality_nis": "Dit veld is verplicht."})
    unit = services.unit_create(request.user, municipality_nis=nis,
                                organisation_id=payload.organisation_id, **data)
    return Status(201, selectors.units().get(pk=unit.pk))


class UnitFilter(Schema):
    region: str | None = None
    municipality_nis: str | None = None
    kind: HousingUnit.Kind | None = None
    organisation_id: int | None = None


@router.get("/units", response=list[UnitOut])
@paginate(BoundedLimitOffset)
def unit_list(request, filters: Query[UnitFilter]):
    data = filters.dict()
    return selectors.units(region=_region(data.pop("region")), **data)


@router.get("/units/{unit_id}", response=UnitOut)
def unit_detail(request, unit_id: int):
    return get_object_or_404(selectors.units(), pk=unit_id)


class AvailabilityFilter(Schema):
    first_night: date
    last_night: date | None = None
    kind: HousingUnit.Kind | None = None
    region: str | None = None
    municipality_nis: str | None = None
    persons: int | None = Field(None, ge=1, le=50)
    accessible: bool | None = None
    pets: bool | None = None
    in_crisis_network: bool | None = None
    near: str | None = Field(None, description="NIS-code: dichtste gemeente eerst")


@router.get("/availability", response=list[AvailableUnitOut])
@paginate(BoundedLimitOffset)
def availability(request, filters: Query[AvailabilityFilter]):
    data = filters.dict()
    last = data.pop("last_night") or data["first_night"]
    if last < data["first_night"]:
        raise ServiceError("De periode is niet geldig.",
                           {"last_night": "De laatste nacht ligt voor de eerste nacht."})
    if (last - data["first_night"]).days > 3660:
        raise ServiceError("De periode is te lang.", {"last_night": "Hoogstens tien jaar."})
    return selectors.availability(
        first_night=data.pop("first_night"), last_night=last, region=_region(data.pop("region")),
        crisis_network=data.pop("in_crisis_network"), **data)


class StayIn(Schema):
    unit_id: int
    case_id: int | None = None
    kind: Stay.Kind
    first_night: date
    last_night: date | None = None
    organisation_id: int | None = None
    agreement_signed_on: date | None = None
    conditions: list[Stay.Condition] = []
    note: str = Field("", max_length=5000)


class StayOut(Schema):
    id: int
    unit_id: int
    case_id: int | None
    household_id: int | None
    organisation_id: int
    kind: str
    first_night: date
    last_night: date | None
    departed_on: date | None
    occupied_until: date | None
    agreement_signed_on: date | None
    conditions: list[str]
    destination: str
    note: str


class StayPatch(Schema):
    last_night: date | None = None
    departed_on: date | None = None
    destination: Destination | None = None
    agreement_signed_on: date | None = None
    conditions: list[Stay.Condition] | None = None
    note: str | None = Field(None, max_length=5000)


@router.post("/stays", response={201: StayOut})
def stay_create(request, payload: StayIn):
    return Status(201, services.stay_book(request.user, **payload.dict()))


class StayFilter(Schema):
    unit_id: int | None = None
    case_id: int | None = None
    kind: Stay.Kind | None = None


@router.get("/stays", response=list[StayOut])
@paginate(BoundedLimitOffset)
def stay_list(request, filters: Query[StayFilter]):
    qs = Stay.objects.visible_to(request.user).order_by("-first_night", "-id")
    return qs.filter(**{k: v for k, v in filters.dict().items() if v is not None})


@router.get("/stays/{stay_id}", response=StayOut)
def stay_detail(request, stay_id: int):
    return selectors.stay_detail(request.user, stay_id, reason="API")


@router.patch("/stays/{stay_id}", response=StayOut)
def stay_update(request, stay_id: int, payload: StayPatch):
    stay = selectors.stay_detail(request.user, stay_id, reason="verblijf wijzigen")
    return services.stay_update(request.user, stay, **payload.dict(exclude_unset=True))


class QuotaOut(Schema):
    nis_code: str
    name: str
    population: int | None
    quota: int
    contributed: int


class AllocationOut(Schema):
    region: str
    total_population: int
    homes: int
    per_inhabitants: int | None
    items: list[QuotaOut]


class AllocationFilter(Schema):
    region: str
    homes: int | None = Field(None, ge=0, le=100_000)
    per_inhabitants: int | None = Field(None, ge=1, le=10_000_000)


@router.get("/allocation-key", response=AllocationOut)
def allocation_key(request, filters: Query[AllocationFilter]):
    region = _region(filters.region)
    if filters.homes is not None and filters.per_inhabitants is not None:
        raise ServiceError("Geef homes of per_inhabitants, niet beide.",
                           {"homes": "Geef homes of per_inhabitants, niet beide."})
    per = None if filters.homes is not None else (filters.per_inhabitants or
                                                  rules.DEFAULT_INHABITANTS_PER_HOME)
    try:
        total, homes, items = selectors.allocation(region, homes=filters.homes,
                                                   per_inhabitants=per)
    except ValueError as exc:
        message = f"Het inwonertal is onbekend voor: {exc}."
        raise ServiceError(message, {"region": message}) from exc
    return {"region": region.code, "total_population": total, "homes": homes,
            "per_inhabitants": per, "items": items}


class RegistrationIn(Schema):
    case_id: int
    region: str
    registered_on: date | None = None
    organisation_id: int | None = None
    guidance_organisation_id: int | None = None
    note: str = Field("", max_length=5000)


class RegistrationPatch(Schema):
    stage: Registration.Stage
    on: date | None = None
    outflow: Registration.Outflow | None = None
    stay_id: int | None = None


class RegistrationOut(Schema):
    id: int
    case_id: int
    region: str
    organisation_id: int
    guidance_organisation_id: int | None
    stage: str
    registered_on: date
    offered_on: date | None
    team_on: date | None
    placed_on: date | None
    outflow_on: date | None
    outflow: str
    stay_id: int | None
    note: str

    @staticmethod
    def resolve_region(obj: Registration) -> str:
        return obj.region.code


@router.post("/registrations", response={201: RegistrationOut}, tags=["kracht.wonen"])
def registration_create(request, payload: RegistrationIn):
    return Status(201, services.registration_create(request.user, **payload.dict()))


@router.get("/registrations", response=list[RegistrationOut], tags=["kracht.wonen"])
@paginate(BoundedLimitOffset)
def registration_list(request, stage: Registration.Stage | None = None,
                      region: str | None = None):
    return selectors.registrations(request.user, stage=stage, region=_region(region))


@router.patch("/registrations/{registration_id}", response=RegistrationOut,
              tags=["kracht.wonen"])
def registration_update(request, registration_id: int, payload: RegistrationPatch):
    registration = get_visible_or_404(
        Registration.objects.select_related("case", "region"), request.user, pk=registration_id)
    data = payload.dict()
    return services.registration_set_stage(request.user, registration, stage=data["stage"],
                                           on=data["on"], outflow=data["outflow"] or "",
                                           stay_id=data["stay_id"])
