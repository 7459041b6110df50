"""Writes of the meetings, by members of the organising organisation."""

from __future__ import annotations

from datetime import date, datetime

from django.db import transaction
from django.utils import timezone

from woonloket.core import audit
from woonloket.core.access import acting_organisation, actor_for
from woonloket.core.errors import ServiceError
from woonloket.core.models import Municipality, Region
from woonloket.core.roles import Perm

from .models import Kind, Meeting, MeetingAction, MeetingFile

MAX_FILE = 10_000_000


def _require_organiser(user, meeting: Meeting) -> None:
    from django.core.exceptions import PermissionDenied

    actor = actor_for(user)
    if not actor.is_platform_admin and meeting.organiser_id not in actor.organisation_ids:
        raise PermissionDenied


@transaction.atomic
def meeting_create(user, *, kind: str, starts_at: datetime, municipality_nis: str | None = None,
                   region: str | None = None, place: str = "", online: bool = False,
                   agenda: str = "", organisation_id: int | None = None,
                   invited_organisation_ids: list[int] | None = None,
                   invited_people_ids: list[int] | None = None) -> Meeting:
    organiser = acting_organisation(user, Perm.VIEW_PERSONAL_DATA, organisation_id,
                                    "organisation_id")
    errors = {}
    if kind not in Kind.values:
        errors["kind"] = "Onbekende soort overleg."
    if kind == Kind.LWO and not municipality_nis:
        errors["municipality"] = "Een lokaal woonoverleg hoort bij een gemeente."
    if municipality_nis and region:
        errors["region"] = "Kies een gemeente of een regio, niet beide."
    if municipality_nis and not Municipality.objects.filter(pk=municipality_nis).exists():
        errors["municipality"] = "Onbekende gemeente."
    region_obj = Region.objects.filter(code=region).first() if region else None
    if region and region_obj is None:
        errors["region"] = "Onbekende regio."
    if timezone.is_naive(starts_at):
        starts_at = timezone.make_aware(starts_at)
    if not 2000 <= starts_at.year <= 2100:
        errors["starts_at"] = "Geen geldige datum."
    if errors:
        raise ServiceError("Het overleg is niet geldig.", errors)
    meeting = Meeting.objects.create(
        kind=kind, municipality_id=municipality_nis or None, region=region_obj,
        organiser_id=organiser, starts_at=starts_at, place=place.strip()[:300], online=online,
        agenda=agenda.strip(), created_by=user)
    meeting.invited_organisations.set(invited_organisation_ids or [])
    meeting.invited_people.set(invited_people_ids or [])
    audit.record(user, audit.Action.CREATE, meeting, organisation_id=organiser,
                 changes={"kind": kind})
    return meeting


@transaction.atomic
def meeting_report(user, meeting: Meeting, *, minutes: str, decisions: str,
                   present_organisation_ids: list[int], present_people_ids: list[int]) -> Meeting:
    """After the meeting: minutes, decisions and who was there."""
    _require_organiser(user, meeting)
    meeting.minutes, meeting.decisions = minutes.strip(), decisions.strip()
    meeting.save(update_fields=["minutes", "decisions"])
    meeting.present_organisations.set(present_organisation_ids)
    meeting.present_people.set(present_people_ids)
    audit.record(user, audit.Action.UPDATE, meeting, organisation_id=meeting.organiser_id,
                 changes={"present_people": len(present_people_ids)})
    return meeting


@transaction.atomic
def action_add(user, meeting: Meeting, *, description: str, owner_id: int,
               due_on: date) -> MeetingAction:
    _require_organiser(user, meeting)
    if not description.strip():
        raise ServiceError("Beschrijf de actie.", {"description": "Beschrijf de actie."})
    action = MeetingAction.objects.create(meeting=meeting, description=description.strip()[:300],
                                          owner_id=owner_id, due_on=due_on)
    audit.record(user, audit.Action.CREATE, action, organisation_id=meeting.organiser_id)
    return action


@transaction.atomic
def action_done(user, action: MeetingAction) -> MeetingAction:
    if action.owner_id != user.pk:
        _require_organiser(user, action.meeting)
    if action.done_on is not None:
        return action
    action.done_on = timezone.localdate()
    action.save(update_fields=["done_on"])
    audit.record(user, audit.Action.UPDATE, action, organisation_id=action.meeting.organiser_id,
                 changes={"done_on": str(action.done_on)})
    return action


@transaction.atomic
def file_add(user, meeting: Meeting, upload) -> MeetingFile:
    _require_organiser(user, meeting)
    if upload.size > MAX_FILE:
        raise ServiceError("Een bestand is hoogstens 10 MB.", {"file": "Te groot."})
    item = MeetingFile.objects.create(meeting=meeting, name=upload.name[:200],
                                      content_type=(upload.content_type or "")[:100],
                                      data=upload.read(), uploaded_by=user)
    audit.record(user, audit.Action.CREATE, item, organisation_id=meeting.organiser_id,
                 changes={"name": item.name, "bytes": upload.size})
    return item
