"""Pure rules of the housing pool: working days, crisis-network stay limits,
allocation keys, selection ranking and occupancy. No ORM, no request.

A night is the date it starts. A run of nights [first, last] has the mornings
first+1 .. last+1.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from woonloket.core.workdays import ONE_DAY, is_working_day, next_working_day


def network_booking_nights(tonight: date) -> tuple[date, date]:
    """A crisis-network booking: from tonight until the next working day's
    morning, as (first night, last night)."""
    return tonight, next_working_day(tonight) - ONE_DAY


# Crisis network: the longest run of consecutive nights.
MAX_NIGHTS_WORKING_MORNINGS = 3
MAX_NIGHTS_BRIDGING = 5


@dataclass(frozen=True)
class LimitCheck:
    allowed: bool
    nights: int
    limit: int
    reason: str


def merge_run(nights: Iterable[tuple[date, date]], first: date, last: date) -> tuple[date, date]:
    """The run of consecutive nights that contains [first, last], joined with
    other stays that touch or overlap it (a re-admission that follows directly)."""
    ranges = sorted(nights)
    changed = True
    while changed:
        changed = False
        for a, b in ranges:
            if a <= last + ONE_DAY and b >= first - ONE_DAY and (a < first or b > last):
                first, last = min(first, a), max(last, b)
                changed = True
    return first, last


def network_stay_limit(first: date, last: date) -> LimitCheck:
    """At most 3 consecutive nights when every morning after them is a working
    day; at most 5 when at least one of those mornings is a Saturday, Sunday or
    Belgian public holiday (the run bridges a weekend or a holiday)."""
    nights = (last - first).days + 1
    mornings = [first + ONE_DAY * (i + 1) for i in range(nights)]
    bridging = any(not is_working_day(m) for m in mornings)
    limit = MAX_NIGHTS_BRIDGING if bridging else MAX_NIGHTS_WORKING_MORNINGS
    if nights <= limit:
        return LimitCheck(True, nights, limit, "")
    if bridging:
        reason = (f"Het crisisnetwerk vangt iemand hoogstens {limit} opeenvolgende nachten op "
                  f"wanneer het verblijf een weekend of feestdag overbrugt; dit verblijf telt "
                  f"{nights} nachten ({first:%d/%m/%Y} tot de ochtend van "
                  f"{last + ONE_DAY:%d/%m/%Y}).")
    else:
        reason = (f"Het crisisnetwerk vangt iemand hoogstens {limit} opeenvolgende nachten op "
                  f"wanneer elke ochtend erna een werkdag is; dit verblijf telt {nights} "
                  f"nachten ({first:%d/%m/%Y} tot de ochtend van "
                  f"{last + ONE_DAY:%d/%m/%Y}).")
    return LimitCheck(False, nights, limit, reason)


# Allocation key (verdeelsleutel) --------------------------------------------------

DEFAULT_INHABITANTS_PER_HOME = 10_000


def homes_for_population(total_population: int, per_inhabitants: int) -> int:
    """One home per `per_inhabitants` inhabitants, rounded half up."""
    quotient = Decimal(total_population) / Decimal(per_inhabitants)
    return int(quotient.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def allocation_key(homes: int, populations: Sequence[tuple[str, int]]) -> dict[str, int]:
    """Distribute `homes` over municipalities (nis_code, population) in proportion
    to population by the largest-remainder method: each gets the whole part of
    homes·pop/total; the remaining homes go to the largest fractions; ties go to
    the larger population, then to the lower NIS code."""
    total = sum(pop for _nis, pop in populations)
    if total <= 0:
        raise ValueError("total population must be positive")
    quotas: dict[str, int] = {}
    fractions = []
    for nis, pop in populations:
        whole, remainder = divmod(homes * pop, total)  # exact integer arithmetic
        quotas[nis] = whole
        fractions.append((-remainder, -pop, nis))
    left = homes - sum(quotas.values())
    for _r, _p, nis in sorted(fractions)[:left]:
        quotas[nis] += 1
    return quotas


# Crisis shelter selection ------------------------------------------------------------

CRITERIA = (
    ("inkomenszekerheid", "Inkomenszekerheid"),
    ("engagement", "Engagement tot samenwerking"),
    ("lokale_binding", "Lokale binding"),
    ("draagkracht", "Psychosociale draagkracht"),
    ("noodzaak", "Noodzaak van opvang"),
    ("begeleidbaarheid", "Begeleidbaarheid"),
    ("geen_alternatief", "Geen passend alternatief"),
    ("veiligheid", "Veiligheid"),
    ("ankerpunten", "Sociale ankerpunten"),
)
CRITERION_CODES = tuple(code for code, _label in CRITERIA)
SCORE_MIN, SCORE_MAX = 0, 3  # 0 ontbreekt, 1 zwak, 2 voldoende, 3 sterk


@dataclass(frozen=True)
class Candidate:
    id: int
    applied_on: date
    acute: bool
    scores: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.scores.get(code, 0) for code in CRITERION_CODES)


def rank_applications(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Order open applications when homes are scarce: acute material crises
    (fire, flood) first, then the highest total score over the nine criteria,
    then the earliest application, then the lowest id."""
    return sorted(candidates, key=lambda c: (not c.acute, -c.total, c.applied_on, c.id))


# Occupancy ---------------------------------------------------------------------------

def nights_in(first: date, end: date | None, period_first: date, period_end: date) -> int:
    """Nights of a stay [first, end) (end exclusive, None = open) that fall in
    the period [period_first, period_end)."""
    start = max(first, period_first)
    stop = period_end if end is None else min(end, period_end)
    return max(0, (stop - start).days)


def occupancy_rate(occupied: int, available: int) -> float | None:
    """Occupied nights over the nights a unit was available (not in maintenance)."""
    return None if available <= 0 else occupied / available
