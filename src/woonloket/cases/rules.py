"""Pure rules of case management."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

PRIORITY_CONTACTS = 3


@dataclass(frozen=True)
class Priority:
    is_priority: bool
    reason: str
    since: date | None


def priority(
    contacts_with_client: list[date], assessed_on: date | None = None, assessment_reason: str = ""
) -> Priority:
    """Prioritaire doelgroep: a housing question that needs more than a simple
    informative answer.

    A case is priority from the day of its third contact with the client
    (consultations between professionals do not count), or from the day the
    counsellor records an assessment (severity of the housing problem, other
    problems, limited self-reliance) that says so — whichever comes first.
    """
    candidates: list[tuple[date, str]] = []
    if len(contacts_with_client) >= PRIORITY_CONTACTS:
        third = sorted(contacts_with_client)[PRIORITY_CONTACTS - 1]
        candidates.append((third, f"{len(contacts_with_client)} contacten met de cliënt"))
    if assessed_on is not None:
        candidates.append((assessed_on, assessment_reason or "inschatting van de begeleider"))
    if not candidates:
        return Priority(False, "", None)
    since, reason = min(candidates)
    return Priority(True, reason, since)
