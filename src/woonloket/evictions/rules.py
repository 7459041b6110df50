"""Pure rules of eviction prevention: the outreach sequence and its due dates,
what an outcome makes unnecessary, the proposed home-visit slot, letter
placeholders, the earliest eviction date and the anti-eviction fund.
No ORM, no request.
"""

from __future__ import annotations

import calendar
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import ROUND_HALF_UP, Decimal

from woonloket.core.workdays import (
    ONE_DAY,
    is_working_day,
    on_or_after_working_day,
    previous_working_day,
)

# The outreach sequence -------------------------------------------------------------

STEP_KINDS = ("letter1", "home_visit", "card", "letter2", "contact", "intake", "hearing")
STEP_LABELS = {
    "letter1": "Brief 1 (blauwe envelop)",
    "home_visit": "Huisbezoek",
    "card": "Kaartje achtergelaten",
    "letter2": "Brief 2 (uitnodiging)",
    "contact": "Contact gelegd",
    "intake": "Intake",
    "hearing": "Zitting bijgewoond",
}
LETTER_KINDS = ("letter1", "card", "letter2")

# (kind, days after the previous step) – the defaults follow the practice of the
# housing services: letter 1 the working day after the copy arrives, the visit a
# week later (the letter announces it), the card at the visit, letter 2 five
# days later, contact and intake before the hearing.
DEFAULT_SEQUENCE: tuple[tuple[str, int], ...] = (
    ("letter1", 1), ("home_visit", 7), ("card", 0), ("letter2", 5),
    ("contact", 5), ("intake", 3), ("hearing", 0),
)
MAX_DELAY_DAYS = 60


def sequence_errors(sequence: Sequence[tuple[str, int]]) -> list[str]:
    """Why an organisation's sequence cannot be used (empty: it can).

    Steps keep the canonical order (steps may be left out), each once, the
    hearing last, delays between 0 and 60 days.
    """
    errors = []
    kinds = [kind for kind, _delay in sequence]
    unknown = [k for k in kinds if k not in STEP_KINDS]
    if unknown:
        errors.append(f"Onbekende stap: {', '.join(unknown)}.")
    elif len(set(kinds)) != len(kinds):
        errors.append("Elke stap komt hoogstens één keer voor.")
    elif kinds != sorted(kinds, key=STEP_KINDS.index):
        errors.append("De stappen volgen de vaste volgorde (brief 1 … zitting).")
    if "hearing" not in kinds:
        errors.append("De zitting is altijd de laatste stap.")
    if any(not 0 <= delay <= MAX_DELAY_DAYS for _kind, delay in sequence):
        errors.append(f"Een termijn ligt tussen 0 en {MAX_DELAY_DAYS} dagen.")
    return errors


@dataclass(frozen=True)
class StepState:
    done_on: date | None = None
    skipped: bool = False
    planned_on: date | None = None  # the home visit's announced date


def schedule(start: date, hearing_on: date, sequence: Sequence[tuple[str, int]],
             states: Mapping[str, StepState] | None = None) -> dict[str, date]:
    """The due date of every step, counted from `start` (the day the outreach
    starts: the petition's receipt, or its registration when that came later).

    Each step falls its delay after the previous step (its done date once it is
    done; a skipped step does not count), moved to a working day, and never
    later than the last working day before the hearing; the hearing step is
    due on the hearing day; a planned home visit is due on its planned day.
    Recomputing after a step is done reschedules the steps that follow it.
    """
    states = states or {}
    latest = max(start, previous_working_day(hearing_on))
    anchor = start
    due: dict[str, date] = {}
    for kind, delay in sequence:
        state = states.get(kind, StepState())
        if kind == "hearing":
            due[kind] = hearing_on
        elif state.planned_on is not None:
            due[kind] = state.planned_on
        else:
            due[kind] = min(on_or_after_working_day(anchor + timedelta(days=delay)), latest)
        if not state.skipped:
            anchor = state.done_on or due[kind]
    return due


# Outcomes and what they make unnecessary -----------------------------------------------

OUTCOMES: dict[str, tuple[tuple[str, str], ...]] = {
    "letter1": (("verstuurd", "Verstuurd"),),
    "home_visit": (("thuis", "Iemand thuis: gesprek gehad"), ("niet_thuis", "Niemand thuis"),
                   ("geweigerd", "Bezoek geweigerd")),
    "card": (("achtergelaten", "Kaartje in de bus"),),
    "letter2": (("verstuurd", "Verstuurd"),),
    "contact": (("telefoon", "Telefonisch"), ("loket", "Aan het loket"),
                ("huisbezoek", "Bij een huisbezoek"), ("mail", "Per e-mail")),
    "intake": (("gedaan", "Intake gedaan"),),
    "hearing": (("met_huurder", "Bijgewoond, met de huurder"),
                ("zonder_huurder", "Bijgewoond, zonder de huurder"),
                ("niet_bijgewoond", "Niet bijgewoond")),
}
HEARING_ATTENDED = frozenset({"met_huurder", "zonder_huurder"})
_OUTREACH_STEPS = ("card", "letter2")


@dataclass(frozen=True)
class Consequence:
    skip: frozenset[str] = frozenset()
    mark_done: frozenset[str] = frozenset()


def outcome_error(kind: str, outcome: str) -> str | None:
    """Why `outcome` does not fit a step of `kind` (None: it fits; "" is allowed)."""
    if outcome and outcome not in dict(OUTCOMES[kind]):
        allowed = ", ".join(code for code, _label in OUTCOMES[kind])
        return f"Kies een van: {allowed}."
    return None


def reaches_client(kind: str, outcome: str) -> bool:
    """Contact is established by a home visit at which someone was home, by the
    contact step itself or by an intake."""
    return kind in ("contact", "intake") or (kind == "home_visit" and outcome == "thuis")


def consequence(kind: str, outcome: str, open_kinds: frozenset[str]) -> Consequence:
    """What a step done with this outcome settles among the still open steps.

    Once the client is reached, the card and the second letter are no longer
    needed and the contact step is done; a refused visit needs no card.
    """
    if reaches_client(kind, outcome):
        done = frozenset({"contact"} - {kind}) & open_kinds
        return Consequence(skip=frozenset(_OUTREACH_STEPS) & open_kinds, mark_done=done)
    if kind == "home_visit" and outcome == "geweigerd":
        return Consequence(skip=frozenset({"card"}) & open_kinds)
    return Consequence()


# The home-visit slot -----------------------------------------------------------------

@dataclass(frozen=True)
class WorkingHours:
    """When a counsellor makes home visits: blocks of local time on working days."""

    blocks: tuple[tuple[time, time], ...] = (
        (time(9, 0), time(12, 0)), (time(13, 30), time(16, 30)))
    visit_minutes: int = 60
    grid_minutes: int = 30


def propose_visit_slot(earliest: date, latest: date,
                       busy: Sequence[tuple[datetime, datetime]],
                       hours: WorkingHours | None = None) -> datetime | None:
    """The first start time from `earliest` to `latest` (inclusive, working days
    only) at which a visit fits inside the counsellor's hours without touching
    anything already planned (visits, court sessions). Naive local datetimes.
    None when there is no such time."""
    hours = hours or WorkingHours()
    length = timedelta(minutes=hours.visit_minutes)
    grid = timedelta(minutes=hours.grid_minutes)
    day = earliest
    while day <= latest:
        if is_working_day(day):
            for start_t, end_t in hours.blocks:
                start = datetime.combine(day, start_t)
                end = datetime.combine(day, end_t)
                while start + length <= end:
                    if not any(s < start + length and start < e for s, e in busy):
                        return start
                    start += grid
        day += ONE_DAY
    return None


# Letters -----------------------------------------------------------------------------

PLACEHOLDERS = {
    "naam": "naam van de huurder",
    "adres": "adres van de huurder",
    "bezoekdatum": "datum van het huisbezoek",
    "bezoekuur": "uur van het huisbezoek",
    "zittingsdatum": "datum van de zitting",
    "zittingsuur": "uur van de zitting",
    "vredegerecht": "het vredegerecht",
    "begeleider": "naam van de woonbegeleider",
    "telefoon": "telefoonnummer van de woonbegeleider",
}


def placeholder_errors(text: str) -> list[str]:
    """Placeholders in `text` that do not exist, or braces that do not close."""
    try:
        names = [name for _lit, name, _spec, _conv in string.Formatter().parse(text)
                 if name is not None]
    except ValueError:
        return ["Een accolade { of } staat los: gebruik {naam}, {bezoekdatum}, …"]
    unknown = sorted({n for n in names if n not in PLACEHOLDERS})
    return [f"Onbekend veld: {{{n}}}." for n in unknown]


def fill(text: str, values: Mapping[str, str]) -> str:
    """The text with its placeholders filled (unknown ones stay as written)."""
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), m.group(0)), text)


MONTHS_NL = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
             "september", "oktober", "november", "december")
WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


def long_date(day: date) -> str:
    """'dinsdag 3 maart 2026'."""
    return f"{WEEKDAYS_NL[day.weekday()]} {day.day} {MONTHS_NL[day.month - 1]} {day.year}"


def clock(moment: datetime | time) -> str:
    """'14.30 uur'."""
    return f"{moment.hour}.{moment.minute:02d} uur"


# Hearings ----------------------------------------------------------------------------

def add_months(day: date, months: int) -> date:
    """The same day `months` later (the last day of a shorter month)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def earliest_eviction(served_on: date) -> date:
    """An eviction judgment cannot be carried out before one month after it was
    served (art. 1344quater Ger.W.)."""
    return add_months(served_on, 1)


# The anti-eviction fund ------------------------------------------------------------------

@dataclass(frozen=True)
class FundParameters:
    year: int
    cap_eur: Decimal
    source: str
    share: Decimal = Decimal("0.5")
    min_months: Decimal = Decimal(2)
    max_months: Decimal = Decimal(6)


_FUND_SOURCE = ("vlaanderen.be, Fonds ter bestrijding van uithuiszettingen "
                "(Besluit Vlaamse Regering van 29 november 2019, sinds 1 juni 2020)")
FUND_PARAMETERS = {
    year: FundParameters(year, Decimal(cap), _FUND_SOURCE)
    for year, cap in ((2022, 1316), (2023, 1477), (2024, 1482))
}


@dataclass(frozen=True)
class FundCheck:
    status: str  # eligible, not_eligible, unknown
    reasons: list[str] = field(default_factory=list)
    months: Decimal | None = None
    advance_eur: Decimal | None = None
    referral: str = ""
    parameters: FundParameters | None = None


def fund_eligibility(year: int, *, landlord_kind: str, arrears_eur: Decimal,
                     monthly_rent_eur: Decimal, support_agreement: bool | None,
                     parameters: Mapping[int, FundParameters] = FUND_PARAMETERS) -> FundCheck:
    """Can the anti-eviction fund (via the OCMW) help this tenant?

    Private or SVK tenant; arrears (rent and charges) from 2 up to 6 months of
    rent, both limits included; a support agreement OCMW–tenant–landlord. The
    fund advances 50 % of the arrears to the landlord, up to the year's cap;
    the tenant repays in a plan. A year without confirmed parameters says so.
    """
    params = parameters.get(year)
    if params is None:
        return FundCheck("unknown", [f"Geen bevestigde parameters van het fonds voor {year}."])
    if landlord_kind == "woonmaatschappij":
        return FundCheck("not_eligible", [
            "Het fonds is er voor huurders bij een private verhuurder of een SVK, "
            "niet bij een woonmaatschappij."], referral=(
            "Bespreek een afbetalingsplan met de woonmaatschappij; het OCMW kan "
            "budgetbegeleiding bieden."), parameters=params)
    if monthly_rent_eur <= 0:
        return FundCheck("unknown", ["De maandelijkse huur is niet gekend."], parameters=params)
    months = (arrears_eur / monthly_rent_eur).quantize(Decimal("0.01"), ROUND_HALF_UP)
    exact = arrears_eur / monthly_rent_eur
    advance = min(arrears_eur * params.share, params.cap_eur).quantize(
        Decimal("0.01"), ROUND_HALF_UP)
    if exact < params.min_months:
        return FundCheck("not_eligible", [
            f"De achterstal is {months} maanden huur; het fonds vraagt minstens "
            f"{params.min_months} maanden."], months, referral=(
            "Bemiddel een afbetalingsplan met de verhuurder."), parameters=params)
    if exact > params.max_months:
        return FundCheck("not_eligible", [
            f"De achterstal is {months} maanden huur; het fonds komt tussen tot "
            f"{params.max_months} maanden."], months, referral=(
            "Verwijs naar het OCMW voor schuldhulpverlening of een andere tussenkomst."),
            parameters=params)
    referral = ("Verwijs naar het OCMW van de gemeente van de huurder: sociaal onderzoek "
                "en begeleidingsovereenkomst OCMW–huurder–verhuurder; het OCMW dient de "
                "aanvraag bij het fonds in.")
    if support_agreement is None:
        return FundCheck("unknown", [
            "Nog na te gaan: is er een begeleidingsovereenkomst OCMW–huurder–verhuurder?"],
            months, advance, referral, params)
    if not support_agreement:
        return FundCheck("not_eligible", [
            "Zonder begeleidingsovereenkomst OCMW–huurder–verhuurder komt het fonds "
            "niet tussen."], months, advance, referral, params)
    return FundCheck("eligible", [
        f"Achterstal van {months} maanden huur bij een "
        f"{'SVK' if landlord_kind == 'svk' else 'private verhuurder'}, met "
        f"begeleidingsovereenkomst: het fonds schiet de verhuurder € {advance} voor "
        f"(50 %, hoogstens € {params.cap_eur} in {year})."], months, advance, referral, params)
