"""Who may see which personal data: the one scoping mechanism of every app.

A model that holds personal data uses `ScopedQuerySet` as its manager and names
two paths in a `Scoping` inner class:

    class Scoping:
        owner = "lead_organisation"   # FK path(s) to the Organisation(s) that own the record
        shared_via = ""               # path to the object a Share points at ("" = itself)

`owner` may be a tuple of single-valued paths (a referral belongs to the
sending case's organisation and to the receiving one).
A user sees a record when one of their memberships with the permission
`view_personal_data` is in an owning organisation, or when that organisation
holds a valid `Share` of the record (or of the object it hangs under) for the
requested section. Platform administrators see everything. Nothing else
decides visibility: selectors call `visible_to`, never `objects.all()`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone

from .roles import Perm, role_has

DEFAULT_SECTION = "dossier"


@dataclass(frozen=True)
class Actor:
    """A user's memberships, loaded once per request (one query)."""

    user_id: int | None
    is_platform_admin: bool
    memberships: tuple[tuple[int, str], ...] = field(default=())

    def organisations_with(self, perm: str) -> frozenset[int]:
        return frozenset(org for org, role in self.memberships if role_has(role, perm))

    @property
    def organisation_ids(self) -> frozenset[int]:
        return frozenset(org for org, _role in self.memberships)

    @property
    def roles(self) -> frozenset[str]:
        return frozenset(role for _org, role in self.memberships)

    def can(self, perm: str, organisation_id: int | None = None) -> bool:
        if self.is_platform_admin:
            return True
        orgs = self.organisations_with(perm)
        return bool(orgs) if organisation_id is None else organisation_id in orgs


ANONYMOUS = Actor(user_id=None, is_platform_admin=False)


def actor_for(user) -> Actor:
    """The access facts of a user, cached on the user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return ANONYMOUS
    cached = getattr(user, "_woonloket_actor", None)
    if cached is None:
        memberships = tuple(
            user.memberships.filter(organisation__is_active=True)
            .order_by("organisation_id")
            .values_list("organisation_id", "role")
        )
        cached = Actor(user.pk, user.is_superuser, memberships)
        user._woonloket_actor = cached
    return cached


def user_can(user, perm: str, organisation_id: int | None = None) -> bool:
    return actor_for(user).can(perm, organisation_id)


def _related_model(model: type[models.Model], path: str) -> type[models.Model]:
    for part in filter(None, path.split("__")):
        model = model._meta.get_field(part).related_model
    return model


def visible_q(model: type[models.Model], user, section: str = DEFAULT_SECTION) -> Q:
    """The filter that limits `model` to the records `user` may see."""
    actor = actor_for(user)
    if actor.is_platform_admin:
        return Q()
    orgs = actor.organisations_with(Perm.VIEW_PERSONAL_DATA)
    if not orgs:
        return Q(pk__in=[])
    cache = user.__dict__.setdefault("_woonloket_shares", {})
    return _held_by(model, orgs, section, cache)


def held_by_q(model: type[models.Model], organisation_id: int,
              section: str = DEFAULT_SECTION) -> Q:
    """The records one organisation owns or holds a valid share of: for a write
    done on its behalf, so that it never reaches into another organisation's
    records, whoever the caller is (a platform administrator sees everything)."""
    return _held_by(model, frozenset({organisation_id}), section, {})


def _held_by(model: type[models.Model], orgs: frozenset[int], section: str, cache: dict) -> Q:
    scoping = model.Scoping
    shared_via = getattr(scoping, "shared_via", "")
    target = _related_model(model, shared_via)
    shared_ids = _shared_ids(cache, target, orgs, section)
    owned = Q()
    for path in (scoping.owner,) if isinstance(scoping.owner, str) else scoping.owner:
        owned |= Q(**{f"{path}__in": orgs})
    if not shared_ids:
        return owned
    target_pk = f"{shared_via}__pk" if shared_via else "pk"
    return owned | Q(**{f"{target_pk}__in": shared_ids})


def _shared_ids(cache: dict, target: type[models.Model], orgs: frozenset[int],
                section: str) -> list[int]:
    """Ids of `target` objects shared today with the organisations, for the section.

    Read once per request and user (cached on the user object) as a plain list,
    so that the visibility filter stays an OR of index lookups for the planner.
    """
    from .models import Share

    content_type = ContentType.objects.get_for_model(target)
    key = (content_type.pk, section, orgs)
    if key not in cache:
        today = timezone.localdate()
        cache[key] = list(
            Share.objects.filter(
                content_type=content_type, organisation_id__in=orgs, section=section,
                valid_from__lte=today,
            )
            .filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
            .values_list("object_id", flat=True)
        )
    return cache[key]


class ScopedQuerySet(models.QuerySet):
    def visible_to(self, user, section: str = DEFAULT_SECTION) -> ScopedQuerySet:
        return self.filter(visible_q(self.model, user, section))


def get_visible_or_404(queryset: ScopedQuerySet, user, section: str = DEFAULT_SECTION, **lookup):
    """The object if the user may see it; otherwise 404, never a hint that it exists."""
    try:
        return queryset.visible_to(user, section).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc


def acting_organisation(user, perm: str, organisation_id: int | None, field: str,
                        preferred: Iterable[int | None] = ()) -> int:
    """The organisation a write is done for (DESIGN "API conventions").

    Given explicitly, the user must hold `perm` there. Left out, it is the
    user's one organisation with `perm`; when that is not unique (or the user
    is a platform administrator without one) it is the first of `preferred`
    the user may act for (the organisation the write is about: a home's owner,
    a case's lead organisation); otherwise the caller must name it: a 422 that
    names `field`.
    """
    from django.core.exceptions import PermissionDenied

    from .errors import ServiceError

    actor = actor_for(user)
    orgs = actor.organisations_with(perm)
    if organisation_id is not None:
        from .models import Organisation

        if not Organisation.objects.filter(pk=organisation_id, is_active=True).exists():
            raise ServiceError("Onbekende organisatie.", {field: "Onbekende organisatie."})
        if not actor.is_platform_admin and organisation_id not in orgs:
            raise PermissionDenied(perm)
        return organisation_id
    if len(orgs) == 1:
        return next(iter(orgs))
    for candidate in preferred:
        if candidate is not None and (actor.is_platform_admin or candidate in orgs):
            return candidate
    if not orgs and not actor.is_platform_admin:
        raise PermissionDenied(perm)
    message = "U werkt voor meerdere organisaties: kies er een."
    raise ServiceError(message, {field: f"Verplicht: {message}"})


def require_member(user) -> None:
    """PermissionDenied unless the user works for an organisation (or runs the platform)."""
    from django.core.exceptions import PermissionDenied

    actor = actor_for(user)
    if not actor.organisation_ids and not actor.is_platform_admin:
        raise PermissionDenied


def require(user, perm: str, organisation_ids: Iterable[int] | None = None) -> None:
    """Raise PermissionDenied unless the user holds `perm` (in one of the organisations)."""
    from django.core.exceptions import PermissionDenied

    actor = actor_for(user)
    if organisation_ids is None:
        if actor.can(perm):
            return
    elif actor.is_platform_admin or actor.organisations_with(perm) & set(organisation_ids):
        return
    raise PermissionDenied(perm)
