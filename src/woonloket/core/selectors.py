"""Every read of the core app that users see, with a fixed number of queries."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet

from .access import actor_for
from .models import AuditEntry, Canton, Membership, Municipality, Organisation, Region
from .roles import Perm


def municipality_list(
    *, region_code: str | None = None, province_nis: str | None = None,
    flemish_only: bool = False, q: str | None = None,
) -> QuerySet[Municipality]:
    """Municipalities with their cantons (2 queries however many rows)."""
    qs = Municipality.objects.prefetch_related(
        Prefetch("cantons", queryset=Canton.objects.order_by("id"))
    )
    if region_code:
        qs = qs.filter(regions__code=region_code)
    if province_nis:
        qs = qs.filter(province_nis=province_nis)
    if flemish_only:
        qs = qs.filter(region_nis=Municipality.FLEMISH_REGION_NIS)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(nis_code__startswith=q))
    return qs.order_by("name")


def region_list() -> QuerySet[Region]:
    return Region.objects.prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
    ).order_by("name")


def organisation_list(*, kind: str | None = None, municipality_nis: str | None = None):
    qs = Organisation.objects.filter(is_active=True).prefetch_related(
        Prefetch("municipalities", queryset=Municipality.objects.order_by("name"))
    )
    if kind:
        qs = qs.filter(kind=kind)
    if municipality_nis:
        qs = qs.filter(municipalities=municipality_nis)
    return qs.order_by("name")


def organisations_serving(municipality_nis: str | None) -> list[int]:
    """Active organisations whose area holds the municipality, the natural lead
    of a write about it first: housing services, then OCMWs, then the others."""
    if not municipality_nis:
        return []
    rank = {Organisation.Kind.WOONDIENST: 0, Organisation.Kind.OCMW: 1}
    rows = Organisation.objects.filter(is_active=True, municipalities=municipality_nis
                                       ).values_list("pk", "kind", "name")
    return [pk for pk, _kind, _name in sorted(rows, key=lambda r: (rank.get(r[1], 2), r[2]))]


def memberships_of(user) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, organisation__is_active=True)
        .select_related("organisation")
        .annotate(municipality_count=Count("organisation__municipalities"))
        .order_by("organisation__name")
    )


def audit_entries_for(user, *, action: str | None = None, object_type: str | None = None):
    """The audit entries a reviewer may read: about the data of the organisations
    where they hold `view_audit_log`, or done by members of those organisations."""
    actor = actor_for(user)
    qs = AuditEntry.objects.select_related("organisation")
    if not actor.is_platform_admin:
        orgs = actor.organisations_with(Perm.VIEW_AUDIT_LOG)
        if not orgs:
            return qs.none()
        member_ids = Membership.objects.filter(organisation_id__in=orgs).values("user_id")
        qs = qs.filter(Q(organisation_id__in=orgs) | Q(actor_id__in=member_ids))
    if action:
        qs = qs.filter(action=action)
    if object_type:
        qs = qs.filter(object_type=object_type)
    return qs.order_by("-at", "-id")
