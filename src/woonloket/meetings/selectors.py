"""Reads of the meetings: a user sees the meetings their organisation organised
or was invited to, and those they were invited to themselves."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from woonloket.core.access import actor_for
from woonloket.core.icsfeed import Event

from . import rules
from .models import Kind, Meeting, MeetingAction


def visible(user) -> QuerySet[Meeting]:
    actor = actor_for(user)
    qs = Meeting.objects.all()
    if not actor.is_platform_admin:
        orgs = actor.organisation_ids
        qs = qs.filter(Q(organiser_id__in=orgs) | Q(invited_organisations__in=orgs)
                       | Q(invited_people=user)).distinct()
    return qs


def _year(year: int) -> tuple[datetime, datetime]:
    return (timezone.make_aware(datetime.combine(date(year, 1, 1), time.min)),
            timezone.make_aware(datetime.combine(date(year + 1, 1, 1), time.min)))


def meetings(user, *, kind: str | None = None, year: int | None = None,
             municipality_nis: str | None = None, region: str | None = None):
    qs = (visible(user).select_related("municipality", "region", "organiser")
          .annotate(present=Count("present_people", distinct=True),
                    open_actions=Count("actions", filter=Q(actions__done_on__isnull=True),
                                       distinct=True)))
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        first, after = _year(year)
        qs = qs.filter(starts_at__gte=first, starts_at__lt=after)
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    if region:
        qs = qs.filter(region__code=region)
    return qs.order_by("-starts_at", "-pk")


def meeting_detail(user, meeting_id: int) -> Meeting:
    meeting = (visible(user).select_related("municipality", "region", "organiser")
               .prefetch_related("invited_organisations", "present_organisations",
                                 "invited_people", "present_people").filter(pk=meeting_id)
               .first())
    if meeting is None:
        raise Http404
    return meeting


def lwo_flags(year: int, municipalities: list[str]) -> dict[str, int]:
    """Municipalities of the list with fewer than two LWO meetings in the year."""
    first, after = _year(year)
    counts = dict(Meeting.objects.filter(kind=Kind.LWO, municipality_id__in=municipalities,
                                         starts_at__gte=first, starts_at__lt=after)
                  .values_list("municipality_id").annotate(n=Count("pk")))
    return rules.lwo_shortfall(counts, municipalities)


def open_actions(user) -> QuerySet[MeetingAction]:
    return (MeetingAction.objects.filter(owner=user, done_on__isnull=True)
            .select_related("meeting").order_by("due_on"))


def held_in(year: int, municipalities: list[str], region: str | None = None):
    """Meetings of the year about these municipalities (or the region): for the report."""
    first, after = _year(year)
    area = Q(municipality_id__in=municipalities)
    if region:
        area |= Q(region__code=region)
    return (Meeting.objects.filter(area, starts_at__gte=first, starts_at__lt=after)
            .select_related("municipality", "region").order_by("starts_at"))


def body_events(user, kind: str, area: str) -> list[Event]:
    qs = visible(user).filter(kind=kind).filter(Q(municipality_id=area) | Q(region__code=area))
    return [_event(m) for m in qs.select_related("municipality", "region")]


def person_events(user) -> list[Event]:
    since = timezone.now() - timedelta(days=366)
    qs = visible(user).filter(starts_at__gte=since).filter(
        Q(invited_people=user) | Q(organiser__memberships__user=user)).distinct()
    return [_event(m) for m in qs.select_related("municipality", "region")]


def _event(m: Meeting) -> Event:
    return Event(f"meeting-{m.pk}@woonloket", m.starts_at, m.starts_at + timedelta(hours=2),
                 f"{m.get_kind_display()} {m.area_name}".strip(), m.agenda[:500], m.place)
