"""Reads of the rentals app: the rental list, matching for a household, the
support it is entitled to, the woonclub and its figures."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import Count, QuerySet, Sum
from django.http import Http404
from django.utils import timezone

from woonloket.cases.models import Case
from woonloket.clients.models import Household
from woonloket.clients.rules import MemberFacts, dependants
from woonloket.core import audit
from woonloket.core.access import actor_for

from . import rules
from .models import (
    Attendance,
    Landlord,
    Listing,
    SearchEntry,
    SocialRegistration,
    WoonclubSession,
)

OPEN_STATUSES = (Listing.Status.BESCHIKBAAR, Listing.Status.ONDER_OPTIE)


def listings(*, municipality_nis: str | None = None, max_rent_eur: Decimal | None = None,
             bedrooms: int | None = None, status: str | None = None,
             stale: bool | None = None, today: date | None = None) -> QuerySet[Listing]:
    """The region's rental list (not personal data: every staff member reads it)."""
    today = today or timezone.localdate()
    qs = Listing.objects.select_related("municipality", "landlord", "last_checked_by")
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    if max_rent_eur is not None:
        qs = qs.filter(rent_eur__lte=max_rent_eur)
    if bedrooms is not None:
        qs = qs.filter(bedrooms__gte=bedrooms)
    if status:
        qs = qs.filter(status=status)
    cutoff = today - timedelta(days=rules.STALE_AFTER_DAYS)
    if stale is True:
        qs = qs.filter(last_checked_on__lt=cutoff)
    elif stale is False:
        qs = qs.filter(last_checked_on__gte=cutoff)
    return qs.order_by("municipality__name", "rent_eur", "pk")


def landlords(user) -> QuerySet[Landlord]:
    actor = actor_for(user)
    qs = Landlord.objects.annotate(listing_count=Count("listings"))
    if not actor.is_platform_admin:
        qs = qs.filter(organisation_id__in=actor.organisation_ids)
    return qs.order_by("name")


def household_for(user, household_id: int, reason: str) -> Household:
    household = (Household.objects.visible_to(user).filter(pk=household_id)
                 .prefetch_related("members", "incomes").first())
    if household is None:
        raise Http404
    audit.record(user, audit.Action.READ, household, organisation_id=household.organisation_id,
                 reason=reason)
    return household


def _open_case(user, household: Household) -> Case | None:
    """The household's newest open case that the user may see."""
    return (Case.objects.visible_to(user).filter(household=household)
            .exclude(status="afgesloten")
            .select_related("social_registration", "search_profile")
            .order_by("-opened_on", "-pk").first())


def facts_of(household: Household, case: Case | None = None,
             moving_to_managed_home: bool | None = None) -> rules.HouseholdFacts:
    members = list(household.members.all())
    incomes = [i.monthly_eur for i in household.incomes.all()]
    registration = getattr(case, "social_registration", None) if case else None
    return rules.HouseholdFacts(
        members=tuple(rules.Member(m.relation, m.birth_date, m.is_dependant,
                                   m.has_recognised_disability) for m in members),
        tenure=household.tenure, municipality_nis=household.municipality_id,
        monthly_income_eur=sum(incomes, Decimal(0)) if incomes else None,
        savings_eur=household.savings_eur,
        # the applicant and partner are never ten laste of themselves
        dependants=dependants([MemberFacts(m.is_dependant, m.has_recognised_disability)
                               for m in members if m.relation not in ("self", "partner")]),
        registered_on=registration.registered_on if registration else None,
        moving_to_managed_home=moving_to_managed_home)


@dataclass(frozen=True)
class Support:
    social_housing: rules.Eligibility
    huurpremie: rules.Eligibility
    huursubsidie: rules.Eligibility


def support(user, household: Household, year: int, today: date | None = None) -> Support:
    today = today or timezone.localdate()
    facts = facts_of(household, _open_case(user, household))
    return Support(rules.social_housing(year, facts, today), rules.huurpremie(year, facts, today),
                   rules.huursubsidie(year, facts))


@dataclass(frozen=True)
class Match:
    listing: Listing
    affordable: bool
    suitable: bool
    monthly_cost_eur: Decimal
    support_eur: Decimal
    share: Decimal | None
    reasons: list[str]


def matches(user, household: Household, *, year: int | None = None,
            today: date | None = None) -> list[Match]:
    """Every open listing judged for the household: affordable after the rent
    support it would get there, and suitable (bedrooms, accessibility, pets,
    preferred municipalities); the good ones first, then by cost share."""
    today = today or timezone.localdate()
    year = year or today.year
    case = _open_case(user, household)
    profile = getattr(case, "search_profile", None) if case else None
    wanted = set(profile.municipalities.values_list("pk", flat=True)) if profile else set()
    max_share = profile.max_share if profile else rules.DEFAULT_MAX_SHARE
    base = facts_of(household, case)
    needed = rules.bedrooms_needed(base.members)
    premium = rules.huurpremie(year, base, today)
    managed = rules.huursubsidie(year, facts_of(household, case, moving_to_managed_home=True))
    found = []
    for listing in listings(status=None, today=today).filter(status__in=OPEN_STATUSES):
        managed_home = listing.landlord is not None and listing.landlord.kind in (
            Landlord.Kind.SVK, Landlord.Kind.WOONMAATSCHAPPIJ)
        help_ = managed if managed_home else premium
        amount = help_.monthly_amount_eur if help_.status == rules.ELIGIBLE else None
        check = rules.affordability(listing.rent_eur, listing.charges_eur,
                                    base.monthly_income_eur, amount or Decimal(0), max_share)
        reasons = [check.reason]
        if help_.status == rules.UNKNOWN and year not in rules.RENT_SUPPORT:
            reasons.append(f"Zonder huurpremie of -subsidie: geen bevestigde bedragen voor "
                           f"{year}.")
        if amount:
            reasons.append(f"Met {'huursubsidie' if managed_home else 'huurpremie'} "
                           f"(raming € {amount}).")
        suitable = True
        if listing.bedrooms < needed:
            suitable = False
            reasons.append(f"{listing.bedrooms} slaapkamer(s); het gezin heeft er {needed} "
                           f"nodig.")
        if profile and profile.needs_accessible and not listing.accessible:
            suitable = False
            reasons.append("Niet toegankelijk.")
        if profile and profile.has_pets and not listing.pets:
            suitable = False
            reasons.append("Geen huisdieren toegelaten.")
        if wanted and listing.municipality_id not in wanted:
            suitable = False
            reasons.append(f"{listing.municipality.name} is geen gewenste gemeente.")
        found.append(Match(listing, check.affordable, suitable, check.monthly_cost_eur,
                           amount or Decimal(0), check.share, reasons))
    return sorted(found, key=lambda m: (not (m.affordable and m.suitable), not m.suitable,
                                        m.share if m.share is not None else Decimal(9),
                                        m.listing.pk))


def search_log(user, case: Case) -> QuerySet[SearchEntry]:
    return (SearchEntry.objects.visible_to(user).filter(case=case)
            .select_related("listing__municipality", "recorded_by"))


def sessions(user) -> QuerySet[WoonclubSession]:
    actor = actor_for(user)
    qs = (WoonclubSession.objects.annotate(
        households=Count("attendance", distinct=True),
        persons=Sum("attendance__persons")).prefetch_related("buddies"))
    if not actor.is_platform_admin:
        qs = qs.filter(organisation_id__in=actor.organisation_ids)
    return qs.order_by("-held_on", "-pk")


def attendance_of(user, session: WoonclubSession) -> QuerySet[Attendance]:
    return (Attendance.objects.visible_to(user).filter(session=session)
            .select_related("case__household", "case__municipality"))


def woonclub_figures(user, year: int) -> list[dict]:
    """Per antenna point: sessions, households and persons that came (each
    household once), how many found a home (a signed lease in the search log
    that year), the volunteers who were buddy."""
    actor = actor_for(user)
    qs = WoonclubSession.objects.filter(held_on__year=year)
    if not actor.is_platform_admin:
        qs = qs.filter(organisation_id__in=actor.organisation_ids)
    rows: dict[str, dict] = {}
    attendance = (Attendance.objects.filter(session__in=qs)
                  .values_list("session__antenna", "case_id", "case__household_id", "persons"))
    housed = set(SearchEntry.objects.filter(step=SearchEntry.Step.SIGNED, on__year=year)
                 .values_list("case_id", flat=True))
    for antenna, case_id, household, persons in attendance:
        row = rows.setdefault(antenna, {"antenna": antenna, "households": {}, "housed": set(),
                                        "buddies": set(), "sessions": 0})
        row["households"][household] = max(row["households"].get(household, 0), persons)
        if case_id in housed:
            row["housed"].add(household)
    for antenna, n in qs.values_list("antenna").annotate(n=Count("pk")):
        rows.setdefault(antenna, {"antenna": antenna, "households": {}, "housed": set(),
                                  "buddies": set(), "sessions": 0})["sessions"] = n
    for antenna, buddy in qs.filter(buddies__isnull=False).values_list("antenna", "buddies"):
        rows[antenna]["buddies"].add(buddy)
    out = []
    for row in sorted(rows.values(), key=lambda r: r["antenna"]):
        households = len(row["households"])
        out.append({"antenna": row["antenna"], "sessions": row["sessions"],
                    "households": households, "persons": sum(row["households"].values()),
                    "housed": len(row["housed"]), "volunteers": len(row["buddies"]),
                    "housed_share": round(100 * len(row["housed"]) / households, 1)
                    if households else None})
    return out


def stale_count(today: date | None = None) -> int:
    today = today or timezone.localdate()
    return Listing.objects.filter(
        status__in=OPEN_STATUSES,
        last_checked_on__lt=today - timedelta(days=rules.STALE_AFTER_DAYS)).count()



def registrations_due(user, *, horizon_days: int = 30) -> QuerySet[SocialRegistration]:
    """Registrations for social housing of the user's cases to update soon (or late)."""
    until = timezone.localdate() + timedelta(days=horizon_days)
    return (SocialRegistration.objects.visible_to(user)
            .filter(case__contact_person=user, update_due_on__lte=until)
            .exclude(case__status="afgesloten").select_related("case__municipality")
            .order_by("update_due_on"))
