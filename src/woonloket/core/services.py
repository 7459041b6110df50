"""Every write of the core app: one function per use case, in a transaction,
with its permission check and its audit entry."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from . import audit
from .access import require
from .errors import ServiceError
from .models import ApiToken, Membership, Municipality, Organisation, Region
from .population import read_population_file
from .roles import Perm, Role

User = get_user_model()
Action = audit.Action


def _known_municipalities(nis_codes: list[str], field_name: str) -> list[str]:
    codes = sorted(set(nis_codes))
    found = set(Municipality.objects.filter(nis_code__in=codes).values_list("nis_code", flat=True))
    unknown = [c for c in codes if c not in found]
    if unknown:
        raise ServiceError(
            "Onbekende NIS-code.",
            {field_name: f"Onbekende NIS-code: {', '.join(unknown)}."},
        )
    return codes


@transaction.atomic
def organisation_create(
    user, *, name: str, kind: str, municipality_nis_codes: list[str]
) -> Organisation:
    require(user, Perm.MANAGE_ORGANISATION)
    if not user.is_superuser:
        raise ServiceError("Alleen een platformbeheerder maakt nieuwe organisaties aan.")
    name = name.strip()
    if not name:
        raise ServiceError("De naam is verplicht.", {"name": "De naam is verplicht."})
    if kind not in Organisation.Kind.values:
        raise ServiceError("Onbekende soort organisatie.", {"kind": "Onbekende soort organisatie."})
    if Organisation.objects.filter(name__iexact=name).exists():
        raise ServiceError(
            "Er bestaat al een organisatie met die naam.",
            {"name": "Er bestaat al een organisatie met die naam."},
        )
    codes = _known_municipalities(municipality_nis_codes, "municipality_nis_codes")
    organisation = Organisation.objects.create(name=name, kind=kind)
    organisation.municipalities.set(codes)
    audit.record(
        user, Action.CREATE, organisation, organisation_id=organisation.pk,
        changes=audit.snapshot(organisation, ["name", "kind", "municipalities"]),
    )
    return organisation


@transaction.atomic
def region_save(
    user, *, region: Region | None, code: str, name: str, description: str,
    municipality_nis_codes: list[str],
) -> Region:
    """Create a region, or change one (its code stays: URLs and the API use it)."""
    require(user, Perm.MANAGE_REGIONS)
    codes = _known_municipalities(municipality_nis_codes, "municipalities")
    if not codes:
        message = "Kies minstens één gemeente."
        raise ServiceError(message, {"municipalities": message})
    fields = ["code", "name", "description", "municipalities"]
    if region is None:
        if Region.objects.filter(code=code).exists():
            raise ServiceError("Die code is al in gebruik.", {"code": "Die code is al in gebruik."})
        region = Region.objects.create(code=code, name=name, description=description)
        region.municipalities.set(codes)
        audit.record(user, Action.CREATE, region, changes=audit.snapshot(region, fields))
        return region
    before = audit.snapshot(region, fields)
    region.name, region.description = name, description
    region.save(update_fields=["name", "description"])
    region.municipalities.set(codes)
    audit.record(
        user, Action.UPDATE, region, changes=audit.diff(before, audit.snapshot(region, fields))
    )
    return region


@transaction.atomic
def membership_set(user, *, member, organisation: Organisation, role: str) -> Membership:
    """Give `member` a role in `organisation` (or change it)."""
    require(user, Perm.MANAGE_ORGANISATION, [organisation.pk])
    if role not in Role.values:
        raise ServiceError("Onbekende rol.", {"role": "Onbekende rol."})
    membership, created = Membership.objects.update_or_create(
        user=member, organisation=organisation, defaults={"role": role}
    )
    audit.record(
        user, Action.CREATE if created else Action.UPDATE, membership,
        organisation_id=organisation.pk, changes={"user": member.get_username(), "role": role},
    )
    return membership


@dataclass
class PopulationImport:
    source: str
    reference_date: date
    updated: int
    unknown_codes: list[str] = field(default_factory=list)


@transaction.atomic
def population_import(user, path: Path, reference_date: date | None = None) -> PopulationImport:
    """Store Statbel population figures; the whole file or nothing."""
    parsed = read_population_file(path, reference_date)
    municipalities = list(Municipality.objects.filter(nis_code__in=parsed.totals))
    for m in municipalities:
        m.population = parsed.totals[m.nis_code]
        m.population_date = parsed.reference_date
        m.population_source = parsed.source
    Municipality.objects.bulk_update(
        municipalities, ["population", "population_date", "population_source"], batch_size=500
    )
    known = {m.nis_code for m in municipalities}
    result = PopulationImport(
        source=parsed.source, reference_date=parsed.reference_date, updated=len(known),
        unknown_codes=sorted(set(parsed.totals) - known),
    )
    audit.record(
        user, Action.UPDATE, object_type="core.municipality", reason="import inwonertallen",
        changes={"source": parsed.source, "updated": result.updated,
                 "unknown_codes": result.unknown_codes},
    )
    return result


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def api_token_create(user, *, for_user, name: str = "") -> str:
    """Issue a bearer token; the raw value is returned once and never stored."""
    if user is not None and user != for_user and not user.is_superuser:
        raise ServiceError("Alleen een platformbeheerder geeft tokens uit voor anderen.")
    raw = "wl_" + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=for_user, name=name, digest=_digest(raw), prefix=raw[:8])
    audit.record(user, Action.TOKEN, token, changes={"user": for_user.get_username(), "name": name})
    return raw


def api_token_user(raw: str):
    """The active user behind a bearer token, or None."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user


def login_recorded(user, *, second_factor: bool = False) -> None:
    audit.record(user, Action.LOGIN, user, reason="tweede factor" if second_factor else "")


@transaction.atomic
def platform_admin_ensure(username: str):
    """The platform administrator `username`, created without a password if missing."""
    admin, created = User.objects.get_or_create(
        username=username, defaults={"is_staff": True, "is_superuser": True}
    )
    if not created and not admin.is_superuser:
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    if created:
        admin.set_unusable_password()
        admin.save(update_fields=["password"])
        audit.record(None, Action.CREATE, admin, reason="apitoken --create-admin")
    return admin
