"""ICS calendar feeds (icalendar): per counsellor and per canton.

A feed URL carries a signed token instead of a session, because calendar
apps cannot sign in. The signature is salted with the user's password hash:
a new password revokes every feed link of that user. The feed is read with
the user's current rights, and holds no names (see selectors._hearing_event).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as IcsEvent

from .selectors import Event

SALT = "woonloket.evictions.ics"


def _signer(user) -> signing.Signer:
    return signing.Signer(salt=f"{SALT}:{user.password}")


def token_for(user, scope: str) -> str:
    """`scope` is "mine" or "canton:<id>"."""
    return _signer(user).sign(f"{user.pk}.{scope}")


def user_for(token: str, scope: str):
    """The active user a token was made for, when it is valid for `scope`."""
    user_id, _sep, rest = token.partition(".")
    if not user_id.isdigit():
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
    calendar.add("prodid", "-//woonloket//uithuiszettingen//NL")
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
