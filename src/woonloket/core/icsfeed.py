"""ICS calendar feeds (icalendar): hearings and visits, meetings.

A feed URL carries a signed token instead of a session, because calendar
apps cannot sign in. The signature is salted with the user's password hash:
a new password revokes every feed link of that user. A feed is read with the
user's current rights and holds no client names.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as IcsEvent

SALT = "woonloket.evictions.ics"  # kept: feed links given out before stay valid


@dataclass(frozen=True)
class Event:
    uid: str
    starts_at: datetime
    ends_at: datetime
    summary: str
    description: str = ""
    location: str = ""


def _signer(user) -> signing.Signer:
    return signing.Signer(salt=f"{SALT}:{user.password}")


def token_for(user, scope: str) -> str:
    """`scope` names what the feed shows: "mine", "canton:<id>", "body:<kind>:<area>"."""
    return _signer(user).sign(f"{user.pk}.{scope}")


def user_for(token: str, scope: str):
    """The active user a token was made for, when it is valid for `scope`."""
    user_id, _sep, rest = token.partition(".")
    if not (user_id.isascii() and user_id.isdigit()):
        return None
    user = get_user_model().objects.filter(pk=int(user_id), is_active=True).first()
    if user is None:
        return None
    try:
        value = _signer(user).unsign(token)
    except signing.BadSignature:
        return None
    return user if value == f"{user.pk}.{scope}" else None


def ics(name: str, events: list[Event]) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//woonloket//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now()
    for e in sorted(events, key=lambda e: e.starts_at):
        event = IcsEvent()
        event.add("uid", e.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", e.starts_at)
        event.add("dtend", e.ends_at)
        event.add("summary", e.summary)
        if e.description:
            event.add("description", e.description)
        if e.location:
            event.add("location", e.location)
        calendar.add_component(event)
    return calendar.to_ical()


def response(name: str, events: list[Event]):
    """The feed as an HTTP answer that calendar apps read (never cached)."""
    from django.http import HttpResponse

    answer = HttpResponse(ics(name, events), content_type="text/calendar; charset=utf-8")
    answer["Content-Disposition"] = 'inline; filename="woonloket.ics"'
    answer["Cache-Control"] = "private, no-store"
    return answer
