"""Pure rules of the neighbourhood screening: how a dwelling is grouped, how an
address is compared with the case data, who counts as a vulnerable household,
and how neighbourhoods are ranked for a campaign. No ORM, no request."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from woonloket.clients.rules import fold
from woonloket.energy import labels

# The Flemish EPC labels for dwellings, best first (as the engine gives them).
LABELS = ("A+", "A", "B", "C", "D", "E", "F")
POOR_LABELS = ("E", "F")


SECTOR_CODE = re.compile(r"^(\d{5})[A-Z0-9]{3}[A-Z0-9-]?$")
POSTAL_CODE = re.compile(r"^[1-9]\d{3}$")
NIS_CODE = re.compile(r"^\d{5}$")


def sector_municipality(code: str) -> str | None:
    """The municipality's NIS code of a Statbel statistical sector code
    ("36008A00-" lies in 36008 Izegem); None for a named area."""
    match = SECTOR_CODE.match(code.strip().upper())
    return match.group(1) if match else None


def postal_group_code(postal_code: str, municipality_nis: str) -> str:
    """The group of a dwelling whose file gives no neighbourhood: its postal code
    within its municipality (a postal code may span municipalities)."""
    return f"{postal_code}-{municipality_nis}"


def address_key(street: str, number: str, postal_code: str) -> str | None:
    """What two addresses must share to be "the same address": the folded
    street (case, accents, spaces, hyphens and apostrophes ignored, so
    "Sint-Jansstraat" = "sint jansstraat"), the folded house number ("12 A" =
    "12a") and the postal code. The box (bus) is not compared: a file of
    dwellings rarely has it. None when a part is missing."""
    street_key, number_key, postal = fold(street), fold(number), (postal_code or "").strip()
    if not street_key or not number_key or not postal:
        return None
    return f"{street_key}|{number_key}|{postal}"


# Running enrolments that mark a household as vulnerable for a renovation campaign.
VULNERABLE_PROGRAMS = ("noodkoopfonds", "ketelonderhoud", "renovatiebegeleiding")


def is_vulnerable(case_open: bool, is_priority: bool, running_programs: Iterable[str]) -> bool:
    """A household counts as a known vulnerable household when it has an open
    case (status not "afgesloten") that the importing organisation holds, and that
    case either

    - is in the priority target group (`is_priority`: the counsellor's
      assessment or three or more contacts, see cases.rules.priority), or
    - has a running enrolment (no end date) in one of VULNERABLE_PROGRAMS: the
      noodkoopfonds (owners who cannot afford their home), ketelonderhoud
      (maintenance for households who cannot pay it) or renovatiebegeleiding.

    A closed case does not count: what it knew may no longer hold.
    """
    if not case_open:
        return False
    return is_priority or any(p in VULNERABLE_PROGRAMS for p in running_programs)


def vulnerable_disclosed(dwellings: int, vulnerable: int) -> int:
    """Known vulnerable households of a neighbourhood as stored: none for a group
    smaller than MIN_CAMPAIGN_DWELLINGS, so that a file with one address per
    group cannot ask whether a household at that address has a case."""
    return vulnerable if dwellings >= MIN_CAMPAIGN_DWELLINGS else 0


def vulnerable_in_group(dwellings_at_address: int, vulnerable_households: int) -> int:
    """Known vulnerable households at one address, counted at most once per
    dwelling at that address: an apartment block with five dwellings in the
    file and two vulnerable households counts two, a single house with two
    households at its address counts one."""
    return min(dwellings_at_address, vulnerable_households)


# Ranking for a campaign ----------------------------------------------------------

MIN_CAMPAIGN_DWELLINGS = 10


def campaign_score(saving_kwh_per_dwelling: float, share_ef: float,
                   vulnerable_share: float) -> float:
    """How strongly a neighbourhood calls for a collective renovation campaign:

        score = saving potential per dwelling (kWh/yr, standard deep-renovation
                package) × (1 + share of E/F labels) × (1 + share of known
                vulnerable households)

    The saving per dwelling says how much a visit gains; the E/F share doubles
    it at most for a street where every home falls under the renovation
    obligation; the vulnerable share doubles it at most where the case data
    knows households that need help to renovate. Shares are 0..1.
    """
    return saving_kwh_per_dwelling * (1.0 + share_ef) * (1.0 + vulnerable_share)


@dataclass(frozen=True)
class RankInput:
    code: str
    dwellings: int
    score: float


def ranks(items: list[RankInput]) -> list[int]:
    """Rank 1 = act first: the highest score first. Neighbourhoods with fewer
    than MIN_CAMPAIGN_DWELLINGS dwellings come after all larger ones (too small
    for a campaign on their own); ties go to the larger neighbourhood, then to
    the code. Returns the rank of each item, in the order given."""
    order = sorted(range(len(items)), key=lambda i: (
        items[i].dwellings < MIN_CAMPAIGN_DWELLINGS, -items[i].score, -items[i].dwellings,
        items[i].code))
    out = [0] * len(items)
    for rank, index in enumerate(order, start=1):
        out[index] = rank
    return out


# The stacked label bar (server-side SVG) -----------------------------------------

@dataclass(frozen=True)
class Segment:
    label: str
    count: int
    x: float
    width: float
    fill: str
    text: str


def label_bar(counts: dict[str, int], width: float = 200.0) -> list[Segment]:
    """Segments of a stacked bar of `width` units, one per label present, in
    label order; widths proportional to the counts and adding up to `width`."""
    total = sum(int(counts.get(label, 0)) for label in LABELS)
    segments: list[Segment] = []
    if total <= 0:
        return segments
    x = 0.0
    for label in LABELS:
        n = int(counts.get(label, 0))
        if n <= 0:
            continue
        w = width * n / total
        segments.append(Segment(label, n, round(x, 2), round(w, 2), labels.COLOURS[label],
                                labels.INK[label]))
        x += w
    return segments
