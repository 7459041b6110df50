"""API: households and the people search."""

from datetime import date
from decimal import Decimal

from ninja import Field, Query, Router, Schema, Status

from woonloket.core.access import get_visible_or_404

from . import selectors, services
from .models import Household, Person, Tenure

router = Router(tags=["gezinnen"])


class MemberIn(Schema):
    first_name: str = Field(..., max_length=100)
    last_name: str = Field(..., max_length=100)
    birth_date: date | None = None
    national_number: str | None = Field(None, max_length=20)
    relation: Person.Relation
    sex: Person.Sex | None = None
    phone: str = Field("", max_length=30)
    is_dependant: bool = False
    has_recognised_disability: bool = False


class HouseholdIn(Schema):
    members: list[MemberIn] = Field(..., min_length=1, max_length=30)
    municipality_nis: str
    tenure: Tenure
    monthly_income_eur: Decimal | None = Field(None, ge=0, max_digits=10, decimal_places=2)
    savings_eur: Decimal | None = Field(None, ge=0, max_digits=12, decimal_places=2)
    street: str = Field("", max_length=150)
    number: str = Field("", max_length=10)
    box: str = Field("", max_length=10)
    postal_code: str = Field("", max_length=4)
    organisation_id: int | None = None


class MemberOut(Schema):
    id: int
    first_name: str
    last_name: str
    birth_date: date | None
    relation: str
    national_number: str | None


class HouseholdOut(Schema):
    id: int
    organisation_id: int
    municipality_nis: str = Field(..., alias="municipality_id")
    tenure: str
    monthly_income_eur: Decimal | None
    members: list[MemberOut]

    @staticmethod
    def resolve_monthly_income_eur(obj: Household) -> Decimal | None:
        amounts = [i.monthly_eur for i in obj.incomes.all()]
        return sum(amounts, Decimal(0)) if amounts else None

    @staticmethod
    def resolve_members(obj: Household) -> list[Person]:
        return list(obj.members.all())


def _household(user, household_id: int) -> Household:
    return get_visible_or_404(
        Household.objects.prefetch_related("members", "incomes"), user, pk=household_id
    )


@router.post("/households", response={201: HouseholdOut})
def household_create(request, payload: HouseholdIn):
    data = services.HouseholdIn(
        **payload.dict(exclude={"members"}),
        members=[services.MemberIn(**{**m.dict(), "sex": m.sex or ""}) for m in payload.members],
    )
    household = services.household_register(request.user, data)
    return Status(201, _household(request.user, household.pk))


@router.get("/households/{household_id}", response=HouseholdOut)
def household_detail(request, household_id: int):
    return _household(request.user, household_id)


class PersonOut(Schema):
    id: int
    first_name: str
    last_name: str
    birth_date: date | None
    household_id: int
    municipality_nis: str = Field(..., alias="household.municipality_id")


class PeopleOut(Schema):
    count: int
    items: list[PersonOut]


class PeopleFilter(Schema):
    q: str = Field(..., min_length=2, max_length=100,
                   description="naam (fouten en accenten mogen), rijksregisternummer of adres")


@router.get("/people", response=PeopleOut, tags=["zoeken"])
def people(request, filters: Query[PeopleFilter]):
    found = selectors.people_search(request.user, filters.q)
    return {"count": len(found), "items": found}
