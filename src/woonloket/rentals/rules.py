"""Pure rules for finding a home: bedrooms a household needs, affordability,
and the support it is entitled to (social housing registration, Vlaamse
huurpremie, Vlaamse huursubsidie) with dated parameters and their source.
No ORM, no request. A year without confirmed parameters answers "unknown"
and says so; it never silently reuses another year's figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
STALE_AFTER_DAYS = 14
DEFAULT_MAX_SHARE = Decimal("0.35")

ELIGIBLE, NOT_ELIGIBLE, UNKNOWN = "eligible", "not_eligible", "unknown"


@dataclass(frozen=True)
class Member:
    relation: str  # self, partner, child, parent, other
    birth_date: date | None
    is_dependant: bool
    has_recognised_disability: bool


@dataclass(frozen=True)
class HouseholdFacts:
    """What the rules need to know of a household (amounts in euro)."""

    members: tuple[Member, ...]
    tenure: str
    municipality_nis: str
    monthly_income_eur: Decimal | None
    savings_eur: Decimal | None
    dependants: int
    # social housing registration in the central register, if any
    registered_on: date | None = None
    # moving into an SVK- or woonmaatschappij-managed home (None: not known)
    moving_to_managed_home: bool | None = None
    # the current home is inadequate (ongeschikt/onbewoonbaar; None: not known)
    current_home_inadequate: bool | None = None


def is_stale(last_checked_on: date | None, today: date) -> bool:
    """A listing nobody checked for 14 days (or never) is stale."""
    return last_checked_on is None or (today - last_checked_on).days > STALE_AFTER_DAYS


def bedrooms_needed(members: tuple[Member, ...]) -> int:
    """One bedroom for the applicant (with partner), one per other adult and
    one per two children. Our reading of practice, not the legal occupancy
    standard (Vlaamse Codex Wonen), which is about floor area."""
    adults = [m for m in members if m.relation not in ("child",)]
    children = [m for m in members if m.relation == "child"]
    couple = any(m.relation == "partner" for m in members)
    other_adults = max(0, len(adults) - (2 if couple else 1))
    return 1 + other_adults + (len(children) + 1) // 2


@dataclass(frozen=True)
class Affordability:
    affordable: bool
    monthly_cost_eur: Decimal
    support_eur: Decimal
    share: Decimal | None  # cost after support / net income
    reason: str


def affordability(rent_eur: Decimal, charges_eur: Decimal, monthly_income_eur: Decimal | None,
                  support_eur: Decimal = Decimal(0),
                  max_share: Decimal = DEFAULT_MAX_SHARE) -> Affordability:
    """Rent and charges, after the rent support the household would get, at
    most `max_share` (default 35 %) of the net monthly income."""
    cost = (rent_eur + charges_eur).quantize(CENT)
    net = max(Decimal(0), cost - support_eur).quantize(CENT)
    if not monthly_income_eur or monthly_income_eur <= 0:
        return Affordability(False, cost, support_eur, None, "Het inkomen is niet gekend.")
    share = (net / monthly_income_eur).quantize(Decimal("0.001"), ROUND_HALF_UP)
    limit = (monthly_income_eur * max_share).quantize(CENT, ROUND_HALF_UP)
    if net <= limit:
        return Affordability(True, cost, support_eur, share,
                             f"€ {net} per maand is {_pct(share)} van het inkomen "
                             f"(hoogstens {_pct(max_share)}).")
    return Affordability(False, cost, support_eur, share,
                         f"Te duur: € {net} per maand is {_pct(share)} van het inkomen; "
                         f"hoogstens € {limit} ({_pct(max_share)}).")


def _pct(share: Decimal) -> str:
    return f"{(share * 100).quantize(Decimal('0.1'))} %".replace(".", ",")


# Parameters -----------------------------------------------------------------------------

@dataclass(frozen=True)
class SocialHousingLimits:
    year: int
    single: Decimal
    single_disabled: Decimal
    others: Decimal
    per_dependant: Decimal
    savings_test: bool
    source: str


_VLAANDEREN = "vlaanderen.be, inkomens- en vermogensgrenzen sociale huur (geïndexeerd)"
SOCIAL_HOUSING = {
    2023: SocialHousingLimits(2023, Decimal(28105), Decimal(30460), Decimal(42156),
                              Decimal(2356), False, _VLAANDEREN),
    2024: SocialHousingLimits(2024, Decimal(29515), Decimal(31987), Decimal(44270),
                              Decimal(2475), True, _VLAANDEREN),
}


@dataclass(frozen=True)
class RentSupportCaps:
    year: int
    base: Decimal
    per_dependant: Decimal
    max_dependants: int
    increased: dict[str, tuple[Decimal, Decimal]]  # NIS code -> (base, per dependant)
    source: str


RENT_SUPPORT = {
    2024: RentSupportCaps(
        2024, Decimal("177.76"), Decimal("29.63"), 4,
        # municipalities with an increased cap: Kortrijk and Roeselare (others not
        # confirmed here; add them with their source)
        {"34022": (Decimal("195.54"), Decimal("32.59")),
         "36015": (Decimal("195.54"), Decimal("32.59"))},
        "vlaanderen.be, Vlaamse huurpremie en huursubsidie: maximumbedragen 2024"),
}


@dataclass
class Eligibility:
    status: str
    reasons: list[str] = field(default_factory=list)
    monthly_amount_eur: Decimal | None = None
    source: str = ""


def _no_parameters(year: int, what: str) -> Eligibility:
    return Eligibility(UNKNOWN, [f"Geen bevestigde parameters voor {what} in {year}."])


def _single(facts: HouseholdFacts) -> bool:
    adults = [m for m in facts.members if not m.is_dependant]
    return len(adults) <= 1 and facts.dependants == 0


def income_limit(limits: SocialHousingLimits, facts: HouseholdFacts) -> tuple[Decimal, str]:
    """The household's limit and how it was chosen."""
    if _single(facts):
        disabled = any(m.has_recognised_disability for m in facts.members)
        if disabled:
            return limits.single_disabled, "alleenstaande met een handicap"
        return limits.single, "alleenstaande"
    limit = limits.others + limits.per_dependant * facts.dependants
    return limit, f"gezin met {facts.dependants} persoon/personen ten laste"


def social_housing(year: int, facts: HouseholdFacts, today: date,
                   parameters: dict[int, SocialHousingLimits] = SOCIAL_HOUSING) -> Eligibility:
    """May the household register for social housing?

    Income: the yearly income, here estimated as 12 × the net monthly income
    (the legal test uses the taxable income of three years earlier: an
    estimate), at most the year's limit (limit included). No home or building
    land in full ownership. The applicant is of age. Since 2024 the savings
    stay under the same amount. An unknown income makes the answer "unknown";
    unknown savings are named in the reasons as still to check.
    """
    limits = parameters.get(year)
    if limits is None:
        return _no_parameters(year, "sociale huur")
    reasons: list[str] = []
    status = ELIGIBLE
    limit, label = income_limit(limits, facts)
    if facts.monthly_income_eur is None:
        status = UNKNOWN
        reasons.append("Het inkomen is niet gekend.")
    else:
        # whole euros: 12 x a monthly amount in cents lands a few cents off a yearly limit
        yearly = (facts.monthly_income_eur * 12).quantize(Decimal(1), ROUND_HALF_UP)
        if yearly > limit:
            status = NOT_ELIGIBLE
            reasons.append(f"Inkomen (raming: 12 × netto maandinkomen) € {yearly} is hoger "
                           f"dan de grens van € {limit} ({label}, {year}).")
        else:
            reasons.append(f"Inkomen (raming: 12 × netto maandinkomen) € {yearly} is "
                           f"hoogstens € {limit} ({label}, {year}).")
    if facts.tenure == "owner":
        status = NOT_ELIGIBLE
        reasons.append("Het gezin is eigenaar van een woning.")
    applicant = next((m for m in facts.members if m.relation == "self"), None)
    if applicant and applicant.birth_date and _full_years(applicant.birth_date, today) < 18:
        status = NOT_ELIGIBLE
        reasons.append("De aanvrager is minderjarig.")
    if limits.savings_test:
        if facts.savings_eur is None:
            reasons.append("Vermogenstoets: het spaargeld is niet gekend (na te gaan).")
        elif facts.savings_eur > limit:
            status = NOT_ELIGIBLE
            reasons.append(f"Spaargeld € {facts.savings_eur} is hoger dan € {limit}.")
    return Eligibility(status, reasons, source=limits.source)


def _full_years(since: date, today: date) -> int:
    return today.year - since.year - ((today.month, today.day) < (since.month, since.day))


def _cap(caps: RentSupportCaps, facts: HouseholdFacts) -> Decimal:
    base, per = caps.increased.get(facts.municipality_nis, (caps.base, caps.per_dependant))
    return (base + per * min(facts.dependants, caps.max_dependants)).quantize(CENT)


WAITING_YEARS_FOR_PREMIUM = 4


def huurpremie(year: int, facts: HouseholdFacts, today: date,
               parameters: dict[int, RentSupportCaps] = RENT_SUPPORT) -> Eligibility:
    """Vlaamse huurpremie: a private tenant registered for social housing for at
    least four uninterrupted years. The estimate is the year's monthly maximum
    (more in municipalities with an increase); the exact amount depends on rent
    and income and is decided by the Flemish government."""
    caps = parameters.get(year)
    if caps is None:
        return _no_parameters(year, "de huurpremie")
    if facts.tenure != "private_rent":
        return Eligibility(NOT_ELIGIBLE, ["Alleen voor wie privaat huurt."], source=caps.source)
    if facts.registered_on is None:
        return Eligibility(UNKNOWN, ["Geen inschrijving voor sociale huur gekend: noteer "
                                     "de inschrijvingsdatum."], source=caps.source)
    years = _full_years(facts.registered_on, today)
    if years < WAITING_YEARS_FOR_PREMIUM:
        return Eligibility(NOT_ELIGIBLE, [
            f"{years} jaar ingeschreven; de huurpremie vraagt minstens "
            f"{WAITING_YEARS_FOR_PREMIUM} jaar ononderbroken."], source=caps.source)
    amount = _cap(caps, facts)
    return Eligibility(ELIGIBLE, [
        f"Privaat huurder, {years} jaar ingeschreven voor sociale huur.",
        f"Raming: hoogstens € {amount} per maand ({year})."], amount, caps.source)


def huursubsidie(year: int, facts: HouseholdFacts,
                 parameters: dict[int, RentSupportCaps] = RENT_SUPPORT) -> Eligibility:
    """Vlaamse huursubsidie: moving into a home managed by an SVK or a
    woonmaatschappij, coming from an inadequate home or out of homelessness."""
    caps = parameters.get(year)
    if caps is None:
        return _no_parameters(year, "de huursubsidie")
    reasons: list[str] = []
    homeless = facts.tenure in ("homeless", "crisis_shelter")
    origin = True if homeless or facts.current_home_inadequate else (
        None if facts.current_home_inadequate is None else False)
    if facts.moving_to_managed_home is False:
        return Eligibility(NOT_ELIGIBLE, ["Alleen bij een verhuis naar een woning van een SVK "
                                          "of woonmaatschappij."], source=caps.source)
    if origin is False:
        return Eligibility(NOT_ELIGIBLE, ["Alleen voor wie uit een ongeschikte of "
                                          "onbewoonbare woning of uit de dakloosheid komt."],
                           source=caps.source)
    if facts.moving_to_managed_home is None:
        reasons.append("Nog na te gaan: verhuist het gezin naar een woning van een SVK of "
                       "woonmaatschappij?")
    if origin is None:
        reasons.append("Nog na te gaan: is de huidige woning ongeschikt of onbewoonbaar?")
    amount = _cap(caps, facts)
    if reasons:
        return Eligibility(UNKNOWN, reasons, amount, caps.source)
    why = "uit de dakloosheid" if homeless else "uit een ongeschikte woning"
    return Eligibility(ELIGIBLE, [f"Verhuis naar een SVK- of woonmaatschappijwoning, {why}.",
                                  f"Raming: hoogstens € {amount} per maand ({year})."],
                       amount, caps.source)
