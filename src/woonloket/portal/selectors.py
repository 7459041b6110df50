"""Reads of the portal's back office, scoped to what the user may see.

A coach request holds a citizen's contact details: the list is scoped with
`visible_to`, and opening one is written to the audit log.
"""

from __future__ import annotations

from woonloket.core import audit
from woonloket.core.access import get_visible_or_404
from woonloket.energy.models import CoachRequest


def coach_requests(user, *, status: str | None = None):
    """The coach requests the user may see, newest first (a fixed number of
    queries for any number of rows)."""
    qs = (CoachRequest.objects.visible_to(user)
          .select_related("municipality", "organisation", "scan")
          .order_by("-created_at", "-pk"))
    if status:
        qs = qs.filter(status=status)
    return qs


def coach_requests_new(user, *, limit: int = 8) -> tuple[list[CoachRequest], int]:
    """The newest requests nobody took up yet, and how many there are."""
    qs = coach_requests(user, status=CoachRequest.Status.NEW)
    return list(qs[:limit]), qs.count()


def coach_request_detail(user, request_id: int, *, reason: str = "") -> CoachRequest:
    """One request (404 unless the user may see it); the read is audited."""
    coach_request = get_visible_or_404(
        CoachRequest.objects.select_related("municipality", "organisation", "scan", "case",
                                            "handled_by"),
        user, pk=request_id)
    audit.record(user, audit.Action.READ, coach_request,
                 organisation_id=coach_request.organisation_id, reason=reason)
    return coach_request
