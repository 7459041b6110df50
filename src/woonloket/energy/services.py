"""Every write of the energy app: saving a scan, and the back office (screening at
home, the follow-up decision, renovation coaching, contractors and quotes), one
function per use case, in a transaction, with its permission check and audit entry."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from stdnum.be import vat as be_vat
from stdnum.exceptions import ValidationError

from woonloket.cases.models import Case, Program, Status
from woonloket.cases.services import enrolment_add
from woonloket.core import audit
from woonloket.core.access import actor_for, get_visible_or_404, require
from woonloket.core.errors import Conflict, ServiceError
from woonloket.core.models import Municipality
from woonloket.core.roles import Perm

from . import selectors
from .engine import Dwelling, InputError, dwelling_from, evaluate
from .engine.inputs import COMBUSTION, FIELDS
from .models import (
    Contractor,
    Finding,
    FollowUp,
    FollowUpKind,
    Phase,
    Quote,
    Scan,
    Screening,
    ScreeningFinding,
    ScreeningPhoto,
    Severity,
    Speciality,
    Trajectory,
    TrajectoryPhase,
)
from .selectors import MEASURE_CODES, PHASE_ORDER


def scan_save(dwelling: Dwelling, *, origin: str, municipality_nis: str | None = None,
              income_category: int | None = None) -> Scan:
    """Run the engine and keep inputs and result under an unguessable token.

    A scan on its own is no personal data (no address, no name): nothing to
    audit until it is tied to a household (a screening, a coach request).
    """
    if municipality_nis and not Municipality.objects.filter(pk=municipality_nis).exists():
        raise ServiceError("Onbekende gemeente.",
                           {"municipality_nis": "Onbekende gemeente."})
    result = evaluate(dwelling, income_category, timezone.localdate().year)
    return Scan.objects.create(
        token=secrets.token_urlsafe(32), origin=origin, municipality_id=municipality_nis,
        income_category=income_category, inputs=result["inputs"], result=result,
        label=result["label"], primary_energy_kwh_m2=Decimal(str(result["primary_energy_kwh_m2"])),
    )


Audit = audit.Action

# Back office: screening at home, follow-up decision, renovation coaching ---------------
#
# Who may do what (no new permission in core/roles.py):
# - a screening is recorded by a technician (TECHNICAL_VISITS, for the organisation they
#   work for) on a case they may see, or by whoever may edit the case itself
#   (EDIT_PERSONAL_DATA in its lead organisation);
# - the follow-up is decided by the local contact point: EDIT_PERSONAL_DATA in the case's
#   lead organisation (it becomes a program on the case);
# - renovation coaching is done by an energy coach (TECHNICAL_VISITS) or a counsellor
#   who may edit the case; the coach, the trajectory's organisation (TECHNICAL_VISITS or
#   EDIT_PERSONAL_DATA) and the case's editors move it on and add quotes;
# - the contractor pool of an organisation is kept by its members with
#   EDIT_PERSONAL_DATA (counsellors, coordinators) or TECHNICAL_VISITS (energy coaches):
#   the people who send households to contractors. MANAGE_HOUSING_POOL is about the
#   crisis homes, and an Energiehuis has no coordinator of its own.

MAX_PHOTO_BYTES = 2 * 1024 * 1024
MAX_PHOTOS = 12
PHOTO_TYPES = {b"\xff\xd8\xff": "image/jpeg", b"\x89PNG\r\n\x1a\n": "image/png"}
QUOTE_UNITS = ("m²", "m", "stuk", "kWp", "woning")
MAX_QUOTE_EUR = Decimal("9999999.99")

# What the occupant reads beside each finding in the screening report.
FINDING_ADVICE = {
    Finding.VOCHT: "Zoek de oorzaak (een lek, opstijgend vocht of condensatie) en laat die "
                   "herstellen. Verlucht elke dag en droog de was niet binnen zonder verluchting.",
    Finding.SCHIMMEL: "Verwijder de schimmel, verlucht en verwarm de kamer genoeg. Komt ze "
                      "terug, dan is er een vochtprobleem dat hersteld moet worden.",
    Finding.TOCHT: "Dicht kieren aan ramen en deuren met tochtstrips; laat de "
                   "ventilatieroosters wel open.",
    Finding.KOUDE: "Verwarm de leefruimtes voldoende. Isoleren (eerst het dak) helpt het "
                   "meest: zie de maatregelen en premies hieronder.",
    Finding.CO_RISICO: "Laat het toestel meteen nakijken door een erkend technicus en gebruik "
                       "het niet in een ruimte zonder verluchting. Plaats een CO-melder. Bij "
                       "hoofdpijn, misselijkheid of duizeligheid: verlaat de woning en bel 112.",
    Finding.ELEKTRISCHE_VEILIGHEID: "Laat de elektrische installatie nakijken door een "
                                    "elektricien of een erkend keuringsorganisme. Gebruik geen "
                                    "beschadigde stekkers of verlengsnoeren.",
    Finding.GEBREKEN: "De woondienst bekijkt met u of een woningkwaliteitsonderzoek nodig is. "
                      "Huurt u de woning, meld de gebreken dan schriftelijk aan de verhuurder.",
}


@dataclass
class PhotoIn:
    name: str
    data: bytes
    caption: str = ""


def photo_type(data: bytes) -> str | None:
    """The content type a photo's first bytes prove (JPEG or PNG), else None."""
    return next((kind for magic, kind in PHOTO_TYPES.items() if data.startswith(magic)), None)


def _visible_case(user, case: Case) -> Case:
    """The case as the user may see it (else 404), and still open."""
    found = get_visible_or_404(Case.objects, user, pk=case.pk)
    if found.status == Status.AFGESLOTEN:
        raise ServiceError("Het dossier is afgesloten.", {"case_id": "Het dossier is afgesloten."})
    return found


def _field_organisation(user, case: Case, organisation_id: int | None) -> int:
    """The organisation a screening or a coaching is done for: the technician's (energy
    coach's) own, or the case's lead organisation for whoever may edit the case."""
    actor = actor_for(user)
    technical = actor.organisations_with(Perm.TECHNICAL_VISITS)
    may_edit_case = actor.can(Perm.EDIT_PERSONAL_DATA, case.lead_organisation_id)
    if organisation_id is not None:
        if (organisation_id in technical or actor.is_platform_admin
                or (organisation_id == case.lead_organisation_id and may_edit_case)):
            return organisation_id
        raise PermissionDenied(Perm.TECHNICAL_VISITS)
    if len(technical) == 1:
        return next(iter(technical))
    if case.lead_organisation_id in technical or may_edit_case:
        return case.lead_organisation_id
    if technical:
        message = "U werkt voor meerdere organisaties: kies er een."
        raise ServiceError(message, {"organisation_id": f"Verplicht: {message}"})
    raise PermissionDenied(Perm.TECHNICAL_VISITS)


def _date_errors(errors: dict, name: str, value: date | None, *, not_before: date | None = None,
                 before_label: str = "") -> None:
    if value is None:
        errors[name] = "Dit veld is verplicht."
    elif value > timezone.localdate():
        errors[name] = "De datum ligt in de toekomst."
    elif not_before is not None and value < not_before:
        errors[name] = f"De datum ligt vóór {before_label} ({not_before:%d-%m-%Y})."


def _dwelling(data: dict, prefix: str = "dwelling.") -> tuple[Dwelling | None, dict[str, str]]:
    try:
        return dwelling_from(data), {}
    except InputError as exc:
        return None, {f"{prefix}{k}": v for k, v in exc.errors.items()}


def _findings_errors(findings: list[dict]) -> dict[str, str]:
    errors: dict[str, str] = {}
    seen = set()
    for i, item in enumerate(findings):
        kind, severity = item.get("kind"), item.get("severity") or Severity.LICHT
        if kind not in Finding.values:
            errors[f"findings.{i}.kind"] = "Kies een van: " + ", ".join(Finding.values) + "."
        elif kind in seen:
            errors[f"findings.{i}.kind"] = "Deze vaststelling staat er al."
        seen.add(kind)
        if severity not in Severity.values:
            errors[f"findings.{i}.severity"] = "Kies licht, ernstig of dringend."
        if len(item.get("note") or "") > 500:
            errors[f"findings.{i}.note"] = "Te lang: hoogstens 500 tekens."
    return errors


def _photo_errors(photos: list[PhotoIn]) -> dict[str, str]:
    if len(photos) > MAX_PHOTOS:
        return {"photos": f"Hoogstens {MAX_PHOTOS} foto's per screening."}
    for photo in photos:
        if len(photo.data) > MAX_PHOTO_BYTES:
            return {"photos": f"{photo.name}: groter dan 2 MB."}
        if photo_type(photo.data) is None:
            return {"photos": f"{photo.name}: geen JPEG- of PNG-foto."}
    return {}


def _address_errors(street: str, number: str, box: str, postal_code: str,
                    municipality_nis: str | None) -> dict[str, str]:
    errors = {}
    if not municipality_nis:
        errors["municipality_nis"] = "Dit veld is verplicht."
    elif not Municipality.objects.filter(
            pk=municipality_nis, region_nis=Municipality.FLEMISH_REGION_NIS).exists():
        errors["municipality_nis"] = (f"Onbekende of geen Vlaamse gemeente: {municipality_nis} "
                                      "(de scan rekent met Vlaamse premies).")
    if postal_code and (not postal_code.isdigit() or len(postal_code) != 4):
        errors["postal_code"] = "Een Belgische postcode heeft 4 cijfers."
    if len(street) > 150:
        errors["street"] = "Te lang: hoogstens 150 tekens."
    for name, value in (("number", number), ("box", box)):
        if len(value) > 10:
            errors[name] = "Te lang: hoogstens 10 tekens."
    return errors


@transaction.atomic
def screening_record(user, case: Case, *, visited_on: date, dwelling: dict,
                     municipality_nis: str | None = None, street: str = "", number: str = "",
                     box: str = "", postal_code: str = "", is_owner_occupied: bool = False,
                     income_category: int | None = None, notes: str = "",
                     findings: list[dict] | None = None, photos: list[PhotoIn] | None = None,
                     organisation_id: int | None = None) -> Screening:
    """A screening at home: the engine's inputs as observed (saved as a scan), the
    comfort and safety findings and the photos, all or nothing."""
    case = _visible_case(user, case)
    organisation_id = _field_organisation(user, case, organisation_id)
    findings, photos = findings or [], photos or []
    street, number, box = street.strip(), number.strip(), box.strip()
    postal_code = postal_code.strip()
    municipality_nis = municipality_nis or case.municipality_id
    errors: dict[str, str] = {}
    _date_errors(errors, "visited_on", visited_on)
    observed, dwelling_errors = _dwelling(dwelling)
    errors.update(dwelling_errors)
    errors.update(_address_errors(street, number, box, postal_code, municipality_nis))
    if income_category is not None and income_category not in (1, 2, 3, 4):
        errors["income_category"] = "Kies inkomenscategorie 1, 2, 3 of 4."
    if len(notes) > 10000:
        errors["notes"] = "Te lang: hoogstens 10 000 tekens."
    errors.update(_findings_errors(findings))
    errors.update(_photo_errors(photos))
    if errors:
        raise ServiceError("De screening is niet geldig.", errors)
    scan = scan_save(observed, origin=Scan.Origin.SCREENING, municipality_nis=municipality_nis,
                     income_category=income_category)
    screening = Screening.objects.create(
        case=case, organisation_id=organisation_id, technician=user, visited_on=visited_on,
        street=street, number=number, box=box, postal_code=postal_code,
        municipality_id=municipality_nis, is_owner_occupied=is_owner_occupied, scan=scan,
        notes=notes.strip())
    ScreeningFinding.objects.bulk_create([
        ScreeningFinding(screening=screening, kind=f["kind"],
                         severity=f.get("severity") or Severity.LICHT,
                         note=(f.get("note") or "").strip()) for f in findings])
    ScreeningPhoto.objects.bulk_create([
        ScreeningPhoto(screening=screening, caption=(p.caption or p.name)[:200],
                       content_type=photo_type(p.data), data=p.data) for p in photos])
    audit.record(user, Audit.CREATE, screening, organisation_id=case.lead_organisation_id,
                 changes={"case": case.pk, "organisation": organisation_id,
                          "label": scan.label, "findings": [f["kind"] for f in findings],
                          "photos": len(photos)})
    return screening


def _require_case_editor(user, case: Case) -> None:
    require(user, Perm.EDIT_PERSONAL_DATA, [case.lead_organisation_id])
    if case.status == Status.AFGESLOTEN:
        raise ServiceError("Het dossier is afgesloten.", {"case_id": "Het dossier is afgesloten."})


@transaction.atomic
def follow_up_decide(user, screening: Screening, *, kind: str, reason: str,
                     decided_on: date | None = None) -> FollowUp:
    """The local contact point decides what follows a screening; the chosen follow-up
    becomes a program on the case (the running one when it already runs)."""
    case = screening.case
    _require_case_editor(user, case)
    decided_on = decided_on or timezone.localdate()
    errors: dict[str, str] = {}
    if kind not in FollowUpKind.values:
        errors["kind"] = "Kies een opvolging."
    if not (reason or "").strip():
        errors["reason"] = "Geef de reden van deze beslissing."
    elif len(reason) > 5000:
        errors["reason"] = "Te lang: hoogstens 5000 tekens."
    _date_errors(errors, "decided_on", decided_on, not_before=screening.visited_on,
                 before_label="het bezoek")
    if errors:
        raise ServiceError("De opvolging is niet geldig.", errors)
    enrolment = None
    if kind != FollowUpKind.GEEN_ACTIE:
        enrolment = case.enrolments.filter(program=kind, ended_on__isnull=True).first()
        if enrolment is None:
            enrolment = enrolment_add(user, case, program=kind, started_on=decided_on)
    follow_up = FollowUp.objects.create(screening=screening, kind=kind, reason=reason.strip(),
                                        decided_on=decided_on, decided_by=user,
                                        enrolment=enrolment)
    audit.record(user, Audit.CREATE, follow_up, organisation_id=case.lead_organisation_id,
                 changes={"screening": screening.pk, "kind": kind,
                          "enrolment": enrolment.pk if enrolment else None})
    return follow_up


def may_edit_trajectory(user, trajectory: Trajectory) -> bool:
    """Whether the user may move the trajectory on, add quotes and the result."""
    actor = actor_for(user)
    return (trajectory.coach_id == user.pk
            or actor.can(Perm.TECHNICAL_VISITS, trajectory.organisation_id)
            or actor.can(Perm.EDIT_PERSONAL_DATA, trajectory.organisation_id)
            or actor.can(Perm.EDIT_PERSONAL_DATA, trajectory.case.lead_organisation_id))


def _require_trajectory_editor(user, trajectory: Trajectory) -> None:
    if not Trajectory.objects.visible_to(user).filter(pk=trajectory.pk).exists():
        raise Http404
    if not may_edit_trajectory(user, trajectory):
        raise PermissionDenied(Perm.TECHNICAL_VISITS)


@transaction.atomic
def trajectory_start(user, case: Case, *, started_on: date | None = None,
                     screening: Screening | None = None, follow_up: FollowUp | None = None,
                     notes: str = "", organisation_id: int | None = None) -> Trajectory:
    """Renovation coaching of a case's home, by the user as coach: from a follow-up
    'renovatiebegeleiding' or directly on the case (then on its latest screening)."""
    case = _visible_case(user, case)
    organisation_id = _field_organisation(user, case, organisation_id)
    started_on = started_on or timezone.localdate()
    errors: dict[str, str] = {}
    if follow_up is not None:
        if follow_up.kind != FollowUpKind.RENOVATIEBEGELEIDING:
            errors["follow_up_id"] = "Deze opvolging is geen renovatiebegeleiding."
        screening = follow_up.screening
    if screening is None:
        screening = (Screening.objects.visible_to(user).filter(case=case)
                     .order_by("-visited_on", "-pk").first())
    elif screening.case_id != case.pk:
        errors["screening_id"] = "Deze screening hoort bij een ander dossier."
    _date_errors(errors, "started_on", started_on)
    if len(notes) > 10000:
        errors["notes"] = "Te lang: hoogstens 10 000 tekens."
    if errors:
        raise ServiceError("De renovatiebegeleiding is niet geldig.", errors)
    if Trajectory.objects.filter(case=case, completed_on__isnull=True).exclude(
            phase=Phase.NAZORG).exists():
        raise Conflict("Er loopt al een renovatiebegeleiding voor dit dossier.",
                       {"case_id": "Er loopt al een renovatiebegeleiding voor dit dossier."})
    trajectory = Trajectory.objects.create(
        case=case, organisation_id=organisation_id, screening=screening, coach=user,
        phase=Phase.ADVIES, started_on=started_on,
        before_scan_id=screening.scan_id if screening else None, notes=notes.strip())
    TrajectoryPhase.objects.create(trajectory=trajectory, phase=Phase.ADVIES,
                                   started_on=started_on)
    if actor_for(user).can(Perm.EDIT_PERSONAL_DATA, case.lead_organisation_id) and \
            not case.enrolments.filter(program=Program.RENOVATIEBEGELEIDING,
                                       ended_on__isnull=True).exists():
        enrolment_add(user, case, program=Program.RENOVATIEBEGELEIDING, started_on=started_on)
    audit.record(user, Audit.CREATE, trajectory, organisation_id=case.lead_organisation_id,
                 changes={"case": case.pk, "screening": screening.pk if screening else None,
                          "organisation": organisation_id})
    return trajectory


@transaction.atomic
def trajectory_phase(user, trajectory: Trajectory, *, phase: str, on: date,
                     note: str = "") -> Trajectory:
    """Move the trajectory on to a later phase (phases may be skipped, never undone)."""
    trajectory = Trajectory.objects.select_for_update().select_related("case").get(
        pk=trajectory.pk)
    _require_trajectory_editor(user, trajectory)
    errors: dict[str, str] = {}
    if phase not in PHASE_ORDER:
        errors["phase"] = "Kies een fase: " + ", ".join(PHASE_ORDER) + "."
    elif PHASE_ORDER.index(phase) <= PHASE_ORDER.index(trajectory.phase):
        current = Phase(trajectory.phase).label
        errors["phase"] = (f"Een fase kan alleen vooruit: de begeleiding staat al in fase "
                           f"‘{current}’.")
    last = trajectory.phases.order_by("-started_on").values_list("started_on", flat=True).first()
    _date_errors(errors, "on", on, not_before=last or trajectory.started_on,
                 before_label="de vorige fase")
    if len(note) > 500:
        errors["note"] = "Te lang: hoogstens 500 tekens."
    if errors:
        raise ServiceError("De fase is niet aangepast.", errors)
    before = trajectory.phase
    TrajectoryPhase.objects.create(trajectory=trajectory, phase=phase, started_on=on,
                                   note=note.strip())
    trajectory.phase = phase
    trajectory.save(update_fields=["phase"])
    audit.record(user, Audit.UPDATE, trajectory,
                 organisation_id=trajectory.case.lead_organisation_id,
                 changes={"phase": [before, phase], "on": on.isoformat()})
    return trajectory


@transaction.atomic
def trajectory_notes(user, trajectory: Trajectory, *, notes: str) -> Trajectory:
    _require_trajectory_editor(user, trajectory)
    if len(notes) > 10000:
        raise ServiceError("Te lang.", {"notes": "Te lang: hoogstens 10 000 tekens."})
    trajectory.notes = notes.strip()
    trajectory.save(update_fields=["notes"])
    audit.record(user, Audit.UPDATE, trajectory,
                 organisation_id=trajectory.case.lead_organisation_id, changes={"notes": "…"})
    return trajectory


def _inputs_of(scan: Scan) -> dict:
    return {k: v for k, v in (scan.inputs or {}).items() if k in FIELDS and v is not None}


@transaction.atomic
def trajectory_result(user, trajectory: Trajectory, *, completed_on: date,
                      changes: dict) -> Trajectory:
    """The works are done: the inputs before with what changed give the scan after.
    Recorded once; the trajectory moves on to "oplevering" when it was not there yet.
    Works change a home, not its type or age."""
    trajectory = Trajectory.objects.select_for_update().select_related("case").get(
        pk=trajectory.pk)
    _require_trajectory_editor(user, trajectory)
    if trajectory.after_scan_id:
        raise Conflict("Het resultaat van deze renovatie is al geregistreerd.",
                       {"changes": "Het resultaat is al geregistreerd."})
    before = trajectory.before_scan
    if before is None:
        message = "Er is geen scan vooraf: registreer eerst een screening voor dit dossier."
        raise ServiceError(message, {"changes": message})
    errors: dict[str, str] = {}
    _date_errors(errors, "completed_on", completed_on, not_before=trajectory.started_on,
                 before_label="de start van de begeleiding")
    changed = {k: v for k, v in changes.items() if v is not None and v != ""}
    unknown = sorted(set(changed) - set(FIELDS))
    if unknown:
        errors.update({f"changes.{k}": "Dit veld bestaat niet." for k in unknown})
    for name in ("building_type", "construction_year"):
        if name in changed and str(changed[name]) != str(_inputs_of(before).get(name)):
            errors[f"changes.{name}"] = "Werken veranderen het woningtype en het bouwjaar niet."
        changed.pop(name, None)
    reaches_delivery = PHASE_ORDER.index(trajectory.phase) < PHASE_ORDER.index(Phase.OPLEVERING)
    if reaches_delivery:
        last = trajectory.phases.order_by("-started_on").values_list(
            "started_on", flat=True).first()
        _date_errors(errors, "completed_on", completed_on,
                     not_before=last or trajectory.started_on, before_label="de vorige fase")
    base = _inputs_of(before)
    if "heating_system" in changed:
        # a new installation: its year is the year of the works, its fuel follows the
        # system unless given (a heat pump runs on electricity)
        base["heating_year"] = completed_on.year if completed_on else base.get("heating_year")
        if "heating_fuel" not in changed:
            base.pop("heating_fuel", None)
            if changed["heating_system"] not in COMBUSTION:
                base["heating_fuel"] = "elektriciteit"
    after, dwelling_errors = _dwelling({**base, **changed}, prefix="changes.")
    errors.update(dwelling_errors)
    if not changed and not errors:
        errors["changes"] = "Geef minstens één wijziging aan de woning."
    if errors:
        raise ServiceError("Het resultaat is niet geldig.", errors)
    scan = scan_save(after, origin=Scan.Origin.RESULT, municipality_nis=before.municipality_id,
                     income_category=before.income_category)
    trajectory.after_scan, trajectory.completed_on = scan, completed_on
    if reaches_delivery:
        TrajectoryPhase.objects.create(trajectory=trajectory, phase=Phase.OPLEVERING,
                                       started_on=completed_on, note="werken klaar")
        trajectory.phase = Phase.OPLEVERING
    trajectory.save(update_fields=["after_scan", "completed_on", "phase"])
    audit.record(user, Audit.UPDATE, trajectory,
                 organisation_id=trajectory.case.lead_organisation_id,
                 changes={"result": {"label": [before.label, scan.label],
                                     "changes": {k: str(v) for k, v in changed.items()}}})
    return trajectory


# Contractors and quotes -------------------------------------------------------------------

def pool_organisations(user) -> frozenset[int]:
    """The organisations whose contractor pool the user keeps."""
    actor = actor_for(user)
    return (actor.organisations_with(Perm.EDIT_PERSONAL_DATA)
            | actor.organisations_with(Perm.TECHNICAL_VISITS))


def _pool_organisation(user, organisation_id: int | None) -> int:
    actor = actor_for(user)
    orgs = pool_organisations(user)
    if organisation_id is not None:
        if organisation_id in orgs or actor.is_platform_admin:
            return organisation_id
        raise PermissionDenied(Perm.EDIT_PERSONAL_DATA)
    if len(orgs) == 1:
        return next(iter(orgs))
    if not orgs:
        raise PermissionDenied(Perm.EDIT_PERSONAL_DATA)
    message = "U werkt voor meerdere organisaties: kies er een."
    raise ServiceError(message, {"organisation_id": f"Verplicht: {message}"})


@transaction.atomic
def contractor_save(user, contractor: Contractor | None, *, name: str,
                    specialities: list[str], municipality_nis: list[str],
                    organisation_id: int | None = None, vat_number: str = "", phone: str = "",
                    email: str = "", agreements: str = "", is_active: bool = True) -> Contractor:
    """Add a contractor to the organisation's pool, or change one."""
    if contractor is None:
        contractor = Contractor(organisation_id=_pool_organisation(user, organisation_id))
    elif contractor.organisation_id not in pool_organisations(user) and \
            not actor_for(user).is_platform_admin:
        raise PermissionDenied(Perm.EDIT_PERSONAL_DATA)
    name = (name or "").strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "De naam is verplicht."
    elif len(name) > 200:
        errors["name"] = "Te lang: hoogstens 200 tekens."
    elif Contractor.objects.filter(organisation_id=contractor.organisation_id,
                                   name__iexact=name).exclude(pk=contractor.pk).exists():
        errors["name"] = "Deze aannemer staat al in de pool."
    unknown = [s for s in specialities if s not in Speciality.values]
    if unknown or not specialities:
        errors["specialities"] = (f"Onbekende specialiteit: {', '.join(unknown)}." if unknown
                                  else "Kies minstens één specialiteit.")
    known = set(Municipality.objects.filter(pk__in=municipality_nis)
                .values_list("pk", flat=True))
    if set(municipality_nis) - known:
        errors["municipality_nis"] = "Onbekende NIS-code: " + ", ".join(
            sorted(set(municipality_nis) - known)) + "."
    elif not municipality_nis:
        errors["municipality_nis"] = "Kies minstens één gemeente."
    vat_number = (vat_number or "").strip()
    if vat_number:
        try:
            vat_number = "BE" + be_vat.validate(vat_number)
        except ValidationError:
            errors["vat_number"] = "Geen geldig Belgisch ondernemingsnummer (BE0123456749)."
    if len(phone or "") > 30:
        errors["phone"] = "Te lang: hoogstens 30 tekens."
    if email and ("@" not in email or len(email) > 254):
        errors["email"] = "Geen geldig e-mailadres."
    if errors:
        raise ServiceError("De aannemer is niet geldig.", errors)
    created = contractor.pk is None
    contractor.name, contractor.vat_number = name, vat_number
    contractor.specialities = [s for s in Speciality.values if s in specialities]
    contractor.phone, contractor.email = (phone or "").strip(), (email or "").strip()
    contractor.agreements, contractor.is_active = (agreements or "").strip(), is_active
    contractor.save()
    contractor.municipalities.set(sorted(known))
    audit.record(user, Audit.CREATE if created else Audit.UPDATE, contractor,
                 organisation_id=contractor.organisation_id,
                 changes={"name": name, "specialities": contractor.specialities})
    return contractor


@transaction.atomic
def quote_add(user, trajectory: Trajectory, *, contractor_id: int | None, measure: str,
              received_on: date, amount_excl_vat_eur: Decimal, vat_percent: int,
              quantity: Decimal | None = None, unit: str = "",
              warranty_years: int | None = None, lead_time_weeks: int | None = None,
              notes: str = "", chosen: bool = False) -> Quote:
    _require_trajectory_editor(user, trajectory)
    errors: dict[str, str] = {}
    contractor = selectors.quote_contractors(trajectory).filter(pk=contractor_id).first() \
        if contractor_id else None
    if contractor is None:
        errors["contractor_id"] = "Kies een aannemer uit de pool."
    if measure not in MEASURE_CODES:
        errors["measure"] = "Kies een maatregel: " + ", ".join(MEASURE_CODES) + "."
    _date_errors(errors, "received_on", received_on)
    if amount_excl_vat_eur is None or not Decimal(0) < amount_excl_vat_eur <= MAX_QUOTE_EUR:
        errors["amount_excl_vat_eur"] = "Het bedrag ligt tussen 0 en 9 999 999,99 euro."
    if vat_percent not in (6, 21):
        errors["vat_percent"] = "Het btw-tarief is 6 of 21 %."
    if quantity is not None and not Decimal(0) < quantity <= Decimal("9999999"):
        errors["quantity"] = "De hoeveelheid is groter dan 0."
    if (quantity is not None or unit) and unit not in QUOTE_UNITS:
        errors["unit"] = "Kies een eenheid: " + ", ".join(QUOTE_UNITS) + "."
    if warranty_years is not None and not 0 <= warranty_years <= 50:
        errors["warranty_years"] = "Tussen 0 en 50 jaar."
    if lead_time_weeks is not None and not 0 <= lead_time_weeks <= 260:
        errors["lead_time_weeks"] = "Tussen 0 en 260 weken."
    if len(notes or "") > 500:
        errors["notes"] = "Te lang: hoogstens 500 tekens."
    if errors:
        raise ServiceError("De offerte is niet geldig.", errors)
    if chosen:
        trajectory.quotes.filter(measure=measure, chosen=True).update(chosen=False)
    quote = Quote.objects.create(
        trajectory=trajectory, contractor=contractor, measure=measure, received_on=received_on,
        amount_excl_vat_eur=amount_excl_vat_eur, vat_percent=vat_percent, quantity=quantity,
        unit=unit if quantity is not None else "", warranty_years=warranty_years,
        lead_time_weeks=lead_time_weeks, notes=(notes or "").strip(), chosen=chosen)
    audit.record(user, Audit.CREATE, quote, organisation_id=trajectory.case.lead_organisation_id,
                 changes={"trajectory": trajectory.pk, "contractor": contractor.pk,
                          "measure": measure, "amount_excl_vat_eur": str(amount_excl_vat_eur)})
    return quote


@transaction.atomic
def quote_choose(user, quote: Quote) -> Quote:
    """The household chooses this quote for its measure (the others of it are not chosen)."""
    trajectory = quote.trajectory
    _require_trajectory_editor(user, trajectory)
    trajectory.quotes.filter(measure=quote.measure).exclude(pk=quote.pk).update(chosen=False)
    quote.chosen = True
    quote.save(update_fields=["chosen"])
    audit.record(user, Audit.UPDATE, quote, organisation_id=trajectory.case.lead_organisation_id,
                 changes={"chosen": [False, True]})
    return quote
