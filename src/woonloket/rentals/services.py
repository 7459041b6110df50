"""Every write of the rentals app: one function per use case, in a
transaction, with its permission check and audit entry."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from woonloket.cases.models import Case, Program
from woonloket.cases.services import enrolment_add
from woonloket.core import audit, csvfile
from woonloket.core.access import acting_organisation, require
from woonloket.core.errors import ServiceError
from woonloket.core.models import Municipality
from woonloket.core.roles import Perm
from woonloket.core.selectors import organisations_serving

from .models import (
    Agreement,
    Attendance,
    Landlord,
    Listing,
    SearchEntry,
    SearchProfile,
    SocialRegistration,
    WoonclubSession,
)

Audit = audit.Action
LISTING_FIELDS = ["municipality_nis", "kind", "bedrooms", "floor_area_m2", "rent_eur",
                  "charges_eur", "epc_label", "available_from", "status", "street", "number",
                  "box", "postal_code", "source", "accessible", "pets", "garden", "notes"]
MAX_RENT = Decimal("99999.99")
_TEXT = {"epc_label", "street", "number", "box", "postal_code", "notes", "external_ref"}
# The registration in the central register is to be updated regularly; two
# years is the reminder woonloket proposes (unconfirmed: check the current rule).
REGISTRATION_UPDATE_AFTER = timedelta(days=2 * 365)


@dataclass
class LandlordIn:
    kind: str
    name: str
    phone: str = ""
    email: str = ""


NOT_NULL = ("municipality_nis", "kind", "bedrooms", "rent_eur", "charges_eur", "status",
            "source", "accessible", "pets", "garden")


def _listing_errors(values: dict) -> dict[str, str]:
    errors: dict[str, str] = {name: "Dit veld is verplicht." for name in NOT_NULL
                              if name in values and values[name] is None}
    if errors:
        return errors
    if "municipality_nis" in values and not Municipality.objects.filter(
            pk=values["municipality_nis"]).exists():
        errors["municipality_nis"] = f"Onbekende NIS-code: {values['municipality_nis']}."
    if "kind" in values and values["kind"] not in Listing.Kind.values:
        errors["kind"] = "Kies kamer, studio, appartement of huis."
    if "status" in values and values["status"] not in Listing.Status.values:
        errors["status"] = "Onbekende status."
    if "source" in values and values["source"] not in Listing.Source.values:
        errors["source"] = "Onbekende bron."
    if values.get("epc_label") and values["epc_label"] not in dict(Listing.EPC_LABELS):
        errors["epc_label"] = "Kies een EPC-label van A+ tot F."
    if "bedrooms" in values and not 0 <= (values["bedrooms"] or 0) <= 20:
        errors["bedrooms"] = "Tussen 0 en 20 slaapkamers."
    if values.get("floor_area_m2") is not None and not 5 <= values["floor_area_m2"] <= 2000:
        errors["floor_area_m2"] = "Tussen 5 en 2000 m²."
    if "rent_eur" in values and not (Decimal(0) < values["rent_eur"] <= MAX_RENT):
        errors["rent_eur"] = "De huur ligt tussen 0 en 99 999,99 euro."
    if "charges_eur" in values and not (0 <= (values["charges_eur"] or 0) <= MAX_RENT):
        errors["charges_eur"] = "De kosten liggen tussen 0 en 99 999,99 euro."
    postal = values.get("postal_code")
    if postal and (not postal.isdigit() or len(postal) != 4):
        errors["postal_code"] = "Een Belgische postcode heeft 4 cijfers."
    for name, longest in (("street", 150), ("number", 10), ("box", 10), ("notes", 5000)):
        if len(values.get(name) or "") > longest:
            errors[name] = f"Te lang: hoogstens {longest} tekens."
    return errors


def _landlord(organisation_id: int, data: LandlordIn | None) -> Landlord | None:
    if data is None or not data.name.strip():
        return None
    if data.kind not in Landlord.Kind.values:
        raise ServiceError("Onbekende soort verhuurder.",
                           {"landlord.kind": "Kies private, agency, svk of woonmaatschappij."})
    landlord, created = Landlord.objects.get_or_create(
        organisation_id=organisation_id, kind=data.kind, name=data.name.strip()[:200],
        defaults={"phone": data.phone.strip()[:30], "email": data.email.strip()[:254]})
    if not created and (data.phone or data.email):
        landlord.phone = data.phone.strip()[:30] or landlord.phone
        landlord.email = data.email.strip()[:254] or landlord.email
        landlord.save(update_fields=["phone", "email"])
    return landlord


@transaction.atomic
def listing_create(user, *, organisation_id: int | None = None,
                   landlord: LandlordIn | None = None, **values) -> Listing:
    """A volunteer (or counsellor) adds a home for rent; checked today by them."""
    organisation_id = acting_organisation(
        user, Perm.MANAGE_LISTINGS, organisation_id, "organisation_id",
        preferred=organisations_serving(values.get("municipality_nis")))
    values = {k: v for k, v in values.items() if k in LISTING_FIELDS or k == "external_ref"}
    for name in ("municipality_nis", "kind", "bedrooms", "rent_eur"):
        values.setdefault(name, None)
    errors = _listing_errors(values)
    if errors:
        raise ServiceError("De woning is niet geldig.", errors)
    listing = Listing(organisation_id=organisation_id, last_checked_on=timezone.localdate(),
                      last_checked_by=user, landlord=_landlord(organisation_id, landlord),
                      municipality_id=values.pop("municipality_nis"),
                      **{k: ("" if v is None and k in _TEXT else v) for k, v in values.items()})
    listing.save()
    audit.record(user, Audit.CREATE, listing, organisation_id=organisation_id,
                 changes={"municipality": listing.municipality_id, "rent": str(listing.rent_eur)})
    return listing


@transaction.atomic
def listing_update(user, listing: Listing, *, landlord: LandlordIn | None = None,
                   checked: bool = True, **values) -> Listing:
    """Change what is known of a listing; saving it counts as checking it."""
    require(user, Perm.MANAGE_LISTINGS, [listing.organisation_id])
    values = {k: v for k, v in values.items() if k in LISTING_FIELDS}
    errors = _listing_errors(values)
    if errors:
        raise ServiceError("De woning is niet geldig.", errors)
    fields = [f if f != "municipality_nis" else "municipality" for f in values]
    before = audit.snapshot(listing, fields)
    for name, value in values.items():
        if name == "municipality_nis":
            listing.municipality_id = value
        else:
            setattr(listing, name, "" if value is None and name in _TEXT else value)
    if landlord is not None:
        listing.landlord = _landlord(listing.organisation_id, landlord)
    if checked:
        listing.last_checked_on, listing.last_checked_by = timezone.localdate(), user
    listing.save()
    audit.record(user, Audit.UPDATE, listing, organisation_id=listing.organisation_id,
                 changes=audit.diff(before, audit.snapshot(listing, fields)))
    return listing


# CSV import ---------------------------------------------------------------------------

IMPORT_REQUIRED = ("municipality_nis", "kind", "bedrooms", "rent_eur")
IMPORT_OPTIONAL = ("charges_eur", "street", "number", "box", "postal_code", "floor_area_m2",
                   "epc_label", "available_from", "status", "source", "landlord_kind",
                   "landlord_name", "landlord_phone", "landlord_email", "accessible", "pets",
                   "garden", "notes", "ref")
YES = {"ja", "j", "yes", "y", "1", "true", "x"}


@dataclass
class ListingImport:
    created: int = 0
    updated: int = 0
    errors: list[dict] = field(default_factory=list)


def _listing_values(row: dict[str, str]) -> tuple[dict, LandlordIn | None]:
    csvfile.missing(row, IMPORT_REQUIRED)

    def whole(name: str) -> int | None:
        if not row.get(name):
            return None
        if not (row[name].isascii() and row[name].isdigit()):
            raise csvfile.RowError(f"{name}: geen geheel getal ({row[name]!r}).")
        return int(row[name])
    values = {
        "municipality_nis": row["municipality_nis"], "kind": row["kind"].lower(),
        "bedrooms": whole("bedrooms"), "floor_area_m2": whole("floor_area_m2"),
        "rent_eur": csvfile.parse_amount(row["rent_eur"], "rent_eur"),
        "charges_eur": csvfile.parse_amount(row["charges_eur"], "charges_eur")
        if row.get("charges_eur") else Decimal(0),
        "epc_label": row.get("epc_label", "").upper(),
        "available_from": csvfile.parse_date(row["available_from"], "available_from")
        if row.get("available_from") else None,
        "status": row.get("status") or Listing.Status.BESCHIKBAAR,
        "source": row.get("source") or Listing.Source.WEBSITE,
        **{k: row.get(k, "") for k in ("street", "number", "box", "postal_code", "notes")},
        **{k: row.get(k, "").lower() in YES for k in ("accessible", "pets", "garden")},
    }
    landlord = LandlordIn(row.get("landlord_kind") or "private", row["landlord_name"],
                          row.get("landlord_phone", ""), row.get("landlord_email", "")) \
        if row.get("landlord_name") else None
    return values, landlord


@transaction.atomic
def listings_import(user, raw: bytes, organisation_id: int | None = None) -> ListingImport:
    """Good rows are stored (a row with a `ref` already imported updates that
    listing), bad rows are reported with their line number and reason."""
    organisation_id = acting_organisation(user, Perm.MANAGE_LISTINGS, organisation_id,
                                          "organisation_id")
    reader = csvfile.reader(raw, IMPORT_REQUIRED, IMPORT_OPTIONAL)
    result = ListingImport()
    try:
        for row in reader:
            values = csvfile.cells(row)
            if not any(values.values()):
                continue
            try:
                with transaction.atomic():
                    _import_listing(user, organisation_id, values, result)
            except csvfile.RowError as exc:
                result.errors.append({"line": reader.line_num, "message": str(exc)})
            except ServiceError as exc:
                result.errors.append({"line": reader.line_num,
                                      "message": csvfile.service_message(exc)})
    except csv.Error:
        result.errors.append({"line": reader.line_num + 1, "message": csvfile.BROKEN_LINE})
    return result


def _import_listing(user, organisation_id: int, row: dict[str, str],
                    result: ListingImport) -> None:
    values, landlord = _listing_values(row)
    ref = row.get("ref", "")[:100]
    known = Listing.objects.filter(organisation_id=organisation_id, external_ref=ref).first() \
        if ref else None
    if known is not None:
        listing_update(user, known, landlord=landlord, **values)
        result.updated += 1
    else:
        listing_create(user, organisation_id=organisation_id, landlord=landlord,
                       external_ref=ref, **values)
        result.created += 1


# Landlords ----------------------------------------------------------------------------

@transaction.atomic
def landlord_save(user, landlord: Landlord | None, *, organisation_id: int | None = None,
                  kind: str, name: str, phone: str = "", email: str = "",
                  open_to_target_group: bool = False, notes: str = "") -> Landlord:
    if landlord is None:
        organisation_id = acting_organisation(user, Perm.MANAGE_LISTINGS, organisation_id,
                                              "organisation_id")
        landlord = Landlord(organisation_id=organisation_id)
    require(user, Perm.MANAGE_LISTINGS, [landlord.organisation_id])
    if kind not in Landlord.Kind.values or not name.strip():
        raise ServiceError("De verhuurder is niet geldig.",
                           {"name": "De naam is verplicht."} if not name.strip()
                           else {"kind": "Onbekende soort."})
    if Landlord.objects.filter(organisation_id=landlord.organisation_id, kind=kind,
                               name=name.strip()).exclude(pk=landlord.pk).exists():
        message = "Deze verhuurder staat er al."
        raise ServiceError(message, {"name": message})
    landlord.kind, landlord.name, landlord.phone, landlord.email = kind, name.strip(), phone, email
    landlord.open_to_target_group, landlord.notes = open_to_target_group, notes
    landlord.save()
    audit.record(user, Audit.UPDATE, landlord, organisation_id=landlord.organisation_id)
    return landlord


@transaction.atomic
def agreement_add(user, landlord: Landlord, *, made_on: date, text: str) -> Agreement:
    require(user, Perm.MANAGE_LISTINGS, [landlord.organisation_id])
    if not text.strip():
        raise ServiceError("Beschrijf de afspraak.", {"text": "Beschrijf de afspraak."})
    if made_on > timezone.localdate():
        raise ServiceError("De datum ligt in de toekomst.", {"made_on": "In de toekomst."})
    agreement = Agreement.objects.create(landlord=landlord, made_on=made_on, text=text.strip(),
                                         recorded_by=user)
    audit.record(user, Audit.CREATE, agreement, organisation_id=landlord.organisation_id)
    return agreement


# The case's search ------------------------------------------------------------------------

def _require_case(user, case: Case) -> None:
    require(user, Perm.EDIT_PERSONAL_DATA, [case.lead_organisation_id])
    if case.status == "afgesloten":
        raise ServiceError("Het dossier is afgesloten.", {"case": "Het dossier is afgesloten."})


def _enrol(user, case: Case, program: str) -> None:
    if not case.enrolments.filter(program=program, ended_on__isnull=True).exists():
        enrolment_add(user, case, program=program, started_on=timezone.localdate())


@transaction.atomic
def profile_save(user, case: Case, *, municipality_nis: list[str], needs_accessible: bool,
                 has_pets: bool, max_share: Decimal) -> SearchProfile:
    _require_case(user, case)
    if not Decimal("0.10") <= max_share <= Decimal("0.60"):
        raise ServiceError("Het deel van het inkomen ligt tussen 10 en 60 %.",
                           {"max_share": "Tussen 0,10 en 0,60."})
    profile, _created = SearchProfile.objects.update_or_create(case=case, defaults={
        "needs_accessible": needs_accessible, "has_pets": has_pets, "max_share": max_share})
    profile.municipalities.set(municipality_nis)
    _enrol(user, case, Program.WONINGZOEKTOCHT)
    audit.record(user, Audit.UPDATE, profile, organisation_id=case.lead_organisation_id,
                 changes={"municipalities": sorted(municipality_nis),
                          "max_share": str(max_share)})
    return profile


@transaction.atomic
def search_entry_add(user, case: Case, *, step: str, on: date, listing_id: int | None = None,
                     visit_at: datetime | None = None, visit_with: str = "", reason: str = "",
                     discrimination_signal: bool = False, note: str = "") -> SearchEntry:
    _require_case(user, case)
    errors = {}
    if step not in SearchEntry.Step.values:
        errors["step"] = "Onbekende stap."
    if step == SearchEntry.Step.REFUSED and not reason.strip():
        errors["reason"] = "Geef de reden van de weigering."
    if step == SearchEntry.Step.VISIT and visit_at is None:
        errors["visit_at"] = "Geef het tijdstip van het bezoek."
    if on > timezone.localdate():
        errors["on"] = "De datum ligt in de toekomst."
    if listing_id is not None and not Listing.objects.filter(pk=listing_id).exists():
        errors["listing_id"] = "Onbekende woning."
    if errors:
        raise ServiceError("De stap is niet geldig.", errors)
    if visit_at is not None and timezone.is_naive(visit_at):
        visit_at = timezone.make_aware(visit_at)
    entry = SearchEntry.objects.create(
        case=case, listing_id=listing_id, step=step, on=on, visit_at=visit_at,
        visit_with=visit_with.strip()[:200], reason=reason.strip()[:300],
        discrimination_signal=discrimination_signal, note=note.strip(), recorded_by=user)
    _enrol(user, case, Program.WONINGZOEKTOCHT)
    audit.record(user, Audit.CREATE, entry, organisation_id=case.lead_organisation_id,
                 changes={"step": step, "listing": listing_id,
                          "discrimination_signal": discrimination_signal})
    return entry


@transaction.atomic
def registration_save(user, case: Case, *, registered_on: date, woonmaatschappij: str,
                      fast_track_applied_on: date | None = None,
                      update_due_on: date | None = None) -> SocialRegistration:
    _require_case(user, case)
    today = timezone.localdate()
    errors = {}
    if registered_on > today:
        errors["registered_on"] = "De inschrijving ligt in de toekomst."
    if not woonmaatschappij.strip():
        errors["woonmaatschappij"] = "Bij welke woonmaatschappij?"
    if fast_track_applied_on and fast_track_applied_on > today:
        errors["fast_track_applied_on"] = "Die datum ligt in de toekomst."
    if errors:
        raise ServiceError("De inschrijving is niet geldig.", errors)
    registration, _created = SocialRegistration.objects.update_or_create(case=case, defaults={
        "registered_on": registered_on, "woonmaatschappij": woonmaatschappij.strip()[:200],
        "fast_track_applied_on": fast_track_applied_on,
        "update_due_on": update_due_on or registered_on + REGISTRATION_UPDATE_AFTER})
    audit.record(user, Audit.UPDATE, registration, organisation_id=case.lead_organisation_id,
                 changes={"registered_on": str(registered_on)})
    return registration


# Woonclub -----------------------------------------------------------------------------

@transaction.atomic
def session_create(user, *, organisation_id: int | None = None, antenna: str, held_on: date,
                   what_was_done: str = "", buddy_ids: list[int] | None = None
                   ) -> WoonclubSession:
    organisation_id = acting_organisation(user, Perm.EDIT_PERSONAL_DATA, organisation_id,
                                          "organisation_id")
    errors = {}
    if not antenna.strip():
        errors["antenna"] = "Welk antennepunt?"
    if held_on > timezone.localdate() + timedelta(days=366):
        errors["held_on"] = "Die datum ligt te ver."
    buddies = list(dict.fromkeys(buddy_ids or []))
    known = set(get_user_model().objects.filter(
        pk__in=buddies, memberships__organisation_id=organisation_id).values_list("pk",
                                                                                  flat=True))
    if set(buddies) - known:
        errors["buddy_ids"] = "Kies vrijwilligers van de organisatie."
    if errors:
        raise ServiceError("De woonclub is niet geldig.", errors)
    session = WoonclubSession.objects.create(organisation_id=organisation_id,
                                             antenna=antenna.strip()[:120], held_on=held_on,
                                             what_was_done=what_was_done.strip())
    session.buddies.set(buddies)
    audit.record(user, Audit.CREATE, session, organisation_id=organisation_id)
    return session


@transaction.atomic
def attendance_add(user, session: WoonclubSession, case: Case, *, persons: int = 1,
                   from_loi: bool = False) -> Attendance:
    _require_case(user, case)
    require(user, Perm.EDIT_PERSONAL_DATA, [session.organisation_id])
    if not 1 <= persons <= 20:
        raise ServiceError("Tussen 1 en 20 personen.", {"persons": "Tussen 1 en 20 personen."})
    attendance, _created = Attendance.objects.update_or_create(
        session=session, case=case, defaults={"persons": persons, "from_loi": from_loi})
    _enrol(user, case, Program.WOONCLUB)
    audit.record(user, Audit.CREATE, attendance, organisation_id=case.lead_organisation_id,
                 changes={"session": session.pk})
    return attendance

