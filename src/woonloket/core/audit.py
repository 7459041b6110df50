"""The audit log: every read of personal data and every change, written by
the services and selectors that do them (not by signals), in their transaction."""

from __future__ import annotations

import contextvars
from typing import Any

from django.db import models

from .models import AuditEntry

request_id_var: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

Action = AuditEntry.Action


def _actor_fields(user) -> dict[str, Any]:
    if user is None or not getattr(user, "is_authenticated", False):
        return {"actor": None, "actor_name": "systeem"}
    return {"actor": user, "actor_name": user.get_username()}


def record(
    user,
    action: str,
    obj: models.Model | None = None,
    *,
    object_type: str = "",
    object_id: str | int = "",
    organisation_id: int | None = None,
    reason: str = "",
    changes: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry. `organisation_id` is the organisation whose data it is."""
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
    return AuditEntry.objects.create(
        **_actor_fields(user),
        organisation_id=organisation_id,
        action=action,
        object_type=object_type,
        object_id=str(object_id),
        object_repr=f"{obj._meta.verbose_name} #{obj.pk}" if obj is not None else "",
        reason=reason[:300],
        changes=changes or {},
        request_id=request_id_var.get(),
    )


def record_list(user, model: type[models.Model], ids: list[Any], reason: str = "") -> AuditEntry:
    """One entry for a list of personal records shown together (a search, a list page)."""
    return record(
        user, Action.LIST, object_type=model._meta.label_lower, reason=reason,
        changes={"ids": [str(i) for i in ids]},
    )


def snapshot(obj: models.Model, fields: list[str]) -> dict[str, Any]:
    """The values of `fields` as JSON-safe data, for a before/after diff."""
    out: dict[str, Any] = {}
    for name in fields:
        field = obj._meta.get_field(name)
        if field.many_to_many:
            out[name] = sorted(str(pk) for pk in getattr(obj, name).values_list("pk", flat=True))
        else:
            value = getattr(obj, field.attname)
            out[name] = value if isinstance(value, (int, bool, type(None))) else str(value)
    return out


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Only what changed, as {field: [old, new]}."""
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}
