"""Dashboard panels by permission: each app adds the panels its roles need.

A panel is a template plus a function that returns its context; the
dashboard shows the panels whose permission the user holds.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q

from .access import Actor
from .models import Municipality, Organisation, Region
from .roles import Perm


@dataclass(frozen=True)
class Panel:
    template: str
    perm: str | None
    context: Callable[[Any, Actor], dict[str, Any]]


PANELS: list[Panel] = []


def register(panel: Panel) -> None:
    PANELS.append(panel)


def panels_for(request, actor: Actor) -> list[dict[str, Any]]:
    return [
        {"template": p.template, **p.context(request, actor)}
        for p in PANELS
        if p.perm is None or actor.can(p.perm)
    ]


def _recent_audit(request, actor: Actor) -> dict[str, Any]:
    from .selectors import audit_entries_for

    return {"entries": list(audit_entries_for(request.user)[:8])}


def _reference(request, actor: Actor) -> dict[str, Any]:
    flemish = Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS)
    counts = flemish.aggregate(
        total=Count("pk"), with_population=Count("pk", filter=Q(population__isnull=False))
    )
    return {
        **counts,
        "regions": Region.objects.count(),
        "organisations": Organisation.objects.filter(is_active=True).count(),
    }


register(Panel("core/panels/audit.html", Perm.VIEW_AUDIT_LOG, _recent_audit))
register(Panel("core/panels/reference.html", Perm.MANAGE_REGIONS, _reference))
