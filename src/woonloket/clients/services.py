"""Every write on households and persons: validated, in one transaction, audited."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from woonloket.core import audit
from woonloket.core.access import acting_organisation
from woonloket.core.errors import Conflict, ServiceError
from woonloket.core.models import Municipality
from woonloket.core.roles import Perm

from . import rules
from .models import Household, Income, Person, Tenure


@dataclass
class MemberIn:
    first_name: str
    last_name: str
    relation: str
    birth_date: date | None = None
    national_number: str | None = None
    sex: str = ""
    phone: str = ""
    is_dependant: bool = False
    has_recognised_disability: bool = False


@dataclass
class HouseholdIn:
    municipality_nis: str
    tenure: str
    members: list[MemberIn]
    monthly_income_eur: Decimal | None = None
    savings_eur: Decimal | None = None
    street: str = ""
    number: str = ""
    box: str = ""
    postal_code: str = ""
    organisation_id: int | None = None


def _member_errors(m: MemberIn, prefix: str = "") -> dict[str, str]:
    """What is wrong with one member (keys prefixed); normalises the national
    number and fills the birth date from it."""
    errors: dict[str, str] = {}
    if not m.first_name.strip():
        errors[f"{prefix}first_name"] = "De voornaam is verplicht."
    if not m.last_name.strip():
        errors[f"{prefix}last_name"] = "De familienaam is verplicht."
    if m.relation not in Person.Relation.values:
        errors[f"{prefix}relation"] = "Onbekende relatie."
    if m.birth_date and m.birth_date > date.today():
        errors[f"{prefix}birth_date"] = "De geboortedatum ligt in de toekomst."
    if m.national_number:
        try:
            m.national_number = rules.national_number(m.national_number)
        except rules.InvalidNationalNumber as exc:
            errors[f"{prefix}national_number"] = str(exc)
        else:
            encoded = rules.birth_date_of(m.national_number)
            if m.birth_date and encoded and encoded != m.birth_date:
                errors[f"{prefix}birth_date"] = (
                    "De geboortedatum past niet bij het rijksregisternummer."
                )
            m.birth_date = m.birth_date or encoded
    return errors


def _validated_members(members: list[MemberIn]) -> list[MemberIn]:
    if not members:
        raise ServiceError("Een gezin heeft minstens één lid.",
                           {"members": "Voeg minstens één lid toe."})
    errors: dict[str, str] = {}
    seen: set[str] = set()
    for i, m in enumerate(members):
        errors.update(_member_errors(m, f"members.{i}."))
        if m.national_number and m.national_number in seen:
            errors[f"members.{i}.national_number"] = "Dit nummer staat al bij een ander lid."
        if m.national_number:
            seen.add(m.national_number)
    if sum(m.relation == Person.Relation.SELF for m in members) != 1:
        errors.setdefault("members", "Precies één lid is de aanvrager (relation: self).")
    if errors:
        raise ServiceError("De gezinsgegevens zijn niet geldig.", errors)
    return members


@transaction.atomic
def household_register(user, data: HouseholdIn) -> Household:
    """Register a household with its members (and its total income, if given)."""
    from woonloket.core.selectors import organisations_serving

    organisation_id = acting_organisation(
        user, Perm.EDIT_PERSONAL_DATA, data.organisation_id, "organisation_id",
        preferred=organisations_serving(data.municipality_nis),
    )
    return household_create_for(user, organisation_id, data)


def household_create_for(user, organisation_id: int, data: HouseholdIn) -> Household:
    """Register a household owned by `organisation_id` on behalf of another
    service's use case that has checked its own permission (a crisis-network
    calltaker registers the person for the ambulant service)."""
    errors = {}
    if not Municipality.objects.filter(nis_code=data.municipality_nis).exists():
        errors["municipality_nis"] = f"Onbekende NIS-code: {data.municipality_nis}."
    if data.tenure not in Tenure.values:
        errors["tenure"] = "Onbekende woonsituatie."
    for name in ("monthly_income_eur", "savings_eur"):
        value = getattr(data, name)
        if value is not None and value < 0:
            errors[name] = "Een bedrag kan niet negatief zijn."
    if errors:
        raise ServiceError("De gezinsgegevens zijn niet geldig.", errors)
    members = _validated_members(data.members)
    numbers = [m.national_number for m in members if m.national_number]
    taken = Person.objects.filter(national_number__in=numbers).values_list(
        "national_number", "household_id"
    )
    if taken:
        number, household_id = taken[0]
        index = numbers.index(number)
        raise Conflict(
            "Deze persoon is al geregistreerd.",
            {f"members.{index}.national_number":
             f"Dit rijksregisternummer hoort al bij gezin #{household_id}."},
        )
    household = Household.objects.create(
        organisation_id=organisation_id, municipality_id=data.municipality_nis,
        tenure=data.tenure, savings_eur=data.savings_eur, street=data.street,
        number=data.number, box=data.box, postal_code=data.postal_code,
    )
    people = [
        Person(household=household, organisation_id=organisation_id, relation=m.relation,
               first_name=m.first_name.strip(),
               last_name=m.last_name.strip(), birth_date=m.birth_date,
               national_number=m.national_number or None, sex=m.sex, phone=m.phone,
               is_dependant=m.is_dependant, has_recognised_disability=m.has_recognised_disability,
               search_key=rules.search_key(m.first_name, m.last_name))
        for m in members
    ]
    Person.objects.bulk_create(people)
    if data.monthly_income_eur is not None:
        Income.objects.create(household=household, source=Income.Source.OTHER,
                              monthly_eur=data.monthly_income_eur, recorded_by=user)
    audit.record(user, audit.Action.CREATE, household, organisation_id=organisation_id,
                 changes={"members": len(people), "municipality": data.municipality_nis})
    return household


def duplicate_candidates(user, member: MemberIn, limit: int = 5,
                         address: rules.AddressFacts | None = None,
                         for_organisation: int | None = None) -> list[tuple[Person, str]]:
    """Known persons (visible to the user and, when given, held by the
    organisation a write is for) that are probably `member`, with the reason;
    with an address, also persons with a similar name living there."""
    from woonloket.core.access import held_by_q

    facts = rules.PersonFacts(member.first_name, member.last_name, member.birth_date,
                              member.national_number)
    candidates = Person.objects.visible_to(user).select_related("household")
    if for_organisation is not None:
        candidates = candidates.filter(held_by_q(Person, for_organisation))
    pool = candidates.filter(national_number=member.national_number) if member.national_number \
        else candidates.none()
    if member.birth_date:
        pool = pool | candidates.filter(birth_date=member.birth_date)
    if address and address.postal_code and address.number:
        pool = pool | candidates.filter(household__postal_code=address.postal_code.strip(),
                                        household__number__iexact=address.number.strip())
    found = []
    for person in pool[:200]:
        home = person.household
        same_home = address is not None and rules.same_address(address, rules.AddressFacts(
            home.street, home.number, home.postal_code))
        reason = rules.duplicate_reason(facts, rules.PersonFacts(
            person.first_name, person.last_name, person.birth_date, person.national_number),
            same_home=same_home)
        if reason:
            found.append((person, reason))
    return found[:limit]


@transaction.atomic
def household_merge(user, *, keep: Household, merge: Household) -> Household:
    """Move every member, income and case of `merge` into `keep`; `merge` stays as
    a pointer (merged_into) so that old references still lead somewhere."""
    if keep.pk == merge.pk:
        message = "Een gezin kan niet met zichzelf samengevoegd worden."
        raise ServiceError(message, {"other": message})
    for household in (keep, merge):
        _require_household_editor(user, household)
    moved = {
        "members": merge.members.update(household=keep, organisation=keep.organisation_id),
        "incomes": merge.incomes.update(household=keep),
        "cases": merge.cases.update(household=keep),
    }
    # One applicant remains: the one of the household that is kept.
    applicant = keep.members.filter(relation=Person.Relation.SELF).order_by("pk").first()
    keep.members.filter(relation=Person.Relation.SELF).exclude(pk=applicant.pk).update(
        relation=Person.Relation.OTHER
    )
    merge.merged_into = keep
    merge.save(update_fields=["merged_into"])
    audit.record(user, audit.Action.UPDATE, keep, organisation_id=keep.organisation_id,
                 reason="gezinnen samengevoegd", changes={"merged": merge.pk, **moved})
    return keep


def _require_household_editor(user, household: Household) -> None:
    from woonloket.core.access import require

    if not Household.objects.visible_to(user).filter(pk=household.pk).exists():
        raise ServiceError("Onbekend gezin.", {"household": "Onbekend gezin."})
    owners = [household.organisation_id,
              *household.cases.values_list("lead_organisation_id", flat=True)]
    require(user, Perm.EDIT_PERSONAL_DATA, owners)


@transaction.atomic
def member_add(user, household: Household, member: MemberIn) -> Person:
    _require_household_editor(user, household)
    if member.relation == Person.Relation.SELF:
        raise ServiceError("Het gezin heeft al een aanvrager.",
                           {"relation": "Het gezin heeft al een aanvrager."})
    errors = _member_errors(member)
    if errors:
        raise ServiceError("Het gezinslid is niet geldig.", errors)
    if member.national_number and Person.objects.filter(
            national_number=member.national_number).exists():
        raise Conflict("Deze persoon is al geregistreerd.",
                       {"national_number": "Dit rijksregisternummer is al gekend."})
    person = Person.objects.create(
        household=household, organisation_id=household.organisation_id,
        relation=member.relation, first_name=member.first_name.strip(),
        last_name=member.last_name.strip(), birth_date=member.birth_date,
        national_number=member.national_number or None, sex=member.sex, phone=member.phone,
        is_dependant=member.is_dependant,
        has_recognised_disability=member.has_recognised_disability,
    )
    audit.record(user, audit.Action.CREATE, person, organisation_id=household.organisation_id,
                 changes={"household": household.pk, "relation": member.relation})
    return person


@transaction.atomic
def income_add(user, household: Household, *, source: str, monthly_eur: Decimal,
               person_id: int | None = None) -> Income:
    _require_household_editor(user, household)
    errors = {}
    if source not in Income.Source.values:
        errors["source"] = "Onbekende bron van inkomen."
    if monthly_eur < 0:
        errors["monthly_eur"] = "Een bedrag kan niet negatief zijn."
    if person_id is not None and not household.members.filter(pk=person_id).exists():
        errors["person"] = "Deze persoon hoort niet bij het gezin."
    if errors:
        raise ServiceError("Het inkomen is niet geldig.", errors)
    income = Income.objects.create(household=household, person_id=person_id, source=source,
                                   monthly_eur=monthly_eur, recorded_by=user)
    audit.record(user, audit.Action.CREATE, income, organisation_id=household.organisation_id,
                 changes={"source": source, "monthly_eur": str(monthly_eur)})
    return income


HOUSEHOLD_FIELDS = ["tenure", "savings_eur", "street", "number", "box", "postal_code"]


@transaction.atomic
def household_update(user, household: Household, **values) -> Household:
    _require_household_editor(user, household)
    if values.get("tenure") not in Tenure.values:
        raise ServiceError("Onbekende woonsituatie.", {"tenure": "Onbekende woonsituatie."})
    if values.get("savings_eur") is not None and values["savings_eur"] < 0:
        raise ServiceError("Een bedrag kan niet negatief zijn.",
                           {"savings_eur": "Een bedrag kan niet negatief zijn."})
    before = audit.snapshot(household, HOUSEHOLD_FIELDS)
    for name in HOUSEHOLD_FIELDS:
        setattr(household, name, values.get(name, getattr(household, name)))
    household.save()
    changed = sorted(audit.diff(before, audit.snapshot(household, HOUSEHOLD_FIELDS)))
    audit.record(user, audit.Action.UPDATE, household, organisation_id=household.organisation_id,
                 changes={"fields": changed})
    return household


PERSON_FIELDS = ["first_name", "last_name", "birth_date", "sex", "national_number", "language",
                 "nationality", "phone", "email", "is_dependant", "has_recognised_disability",
                 "situation_notes"]


@transaction.atomic
def person_update(user, person: Person, **values) -> Person:
    """Change a person's details; the national number is checked as on registration."""
    _require_household_editor(user, person.household)
    member = MemberIn(values["first_name"], values["last_name"], person.relation,
                      values.get("birth_date"), values.get("national_number") or None)
    errors = _member_errors(member)
    if errors:
        raise ServiceError("De gegevens zijn niet geldig.", errors)
    if member.national_number and Person.objects.filter(
            national_number=member.national_number).exclude(pk=person.pk).exists():
        raise Conflict("Dit rijksregisternummer hoort bij iemand anders.",
                       {"national_number": "Dit rijksregisternummer hoort bij iemand anders."})
    values.update(national_number=member.national_number, birth_date=member.birth_date)
    before = audit.snapshot(person, PERSON_FIELDS)
    for name in PERSON_FIELDS:
        setattr(person, name, values.get(name, getattr(person, name)))
    person.save()
    # a person's details are personal data: the audit keeps which fields changed, not values
    changed = sorted(audit.diff(before, audit.snapshot(person, PERSON_FIELDS)))
    audit.record(user, audit.Action.UPDATE, person, organisation_id=person.organisation_id,
                 changes={"fields": changed})
    return person
