"""Every write on the housing pool: one function per use case, in a
transaction, with its permission check and audit entry.

No double booking: `_insert_stay` checks for an overlapping stay and answers
409 with it; on PostgreSQL the exclusion constraint `stay_no_overlap` is the
guarantee under concurrency (a racing insert fails there and is answered the
same way); on SQLite every transaction starts IMMEDIATE (settings), so two
bookings are serialised and the second one sees the first.
"""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, OperationalError, transaction
from django.db.models import Q
from django.utils import timezone

from woonloket.cases.models import Case, Theme
from woonloket.cases.services import case_open_for
from woonloket.clients.models import Person, Tenure
from woonloket.clients.services import HouseholdIn, MemberIn, household_create_for
from woonloket.core import audit
from woonloket.core.access import acting_organisation, require
from woonloket.core.errors import Conflict, ServiceError
from woonloket.core.models import Municipality, Organisation, Region
from woonloket.core.roles import Perm

from . import rules
from .admission import CRITERIA as ADMISSION_CRITERIA
from .models import (
    Application,
    Consultation,
    Destination,
    HousingUnit,
    NetworkTask,
    Registration,
    Stay,
)

Audit = audit.Action

UNIT_FIELDS = ("kind", "name", "street", "number", "box", "postal_code", "persons", "bedrooms",
               "accessible", "pets", "status", "in_crisis_network", "in_regional_pool", "notes")


def _unit_errors(data: dict) -> dict[str, str]:
    errors = {}
    if "kind" in data and data["kind"] not in HousingUnit.Kind.values:
        errors["kind"] = "Onbekende soort woning."
    if "status" in data and data["status"] not in HousingUnit.Status.values:
        errors["status"] = "Onbekende status."
    if "persons" in data and not 1 <= (data["persons"] or 0) <= 50:
        errors["persons"] = "Een woning slaapt 1 tot 50 personen."
    if "bedrooms" in data and not 0 <= (data["bedrooms"] or 0) <= 20:
        errors["bedrooms"] = "Het aantal slaapkamers ligt tussen 0 en 20."
    if data.get("postal_code") and not str(data["postal_code"]).isdigit():
        errors["postal_code"] = "Een postcode heeft 4 cijfers."
    return errors


@transaction.atomic
def unit_create(user, *, municipality_nis: str, kind: str, persons: int,
                organisation_id: int | None = None, **fields) -> HousingUnit:
    """Add a home to the pool, owned by the acting organisation."""
    organisation_id = acting_organisation(user, Perm.MANAGE_HOUSING_POOL, organisation_id,
                                          "organisation_id")
    data = {"kind": kind, "persons": persons, **fields}
    errors = _unit_errors(data)
    municipality = Municipality.objects.filter(nis_code=municipality_nis).first()
    if municipality is None:
        errors["municipality_nis"] = f"Onbekende NIS-code: {municipality_nis}."
    if errors:
        raise ServiceError("De woning is niet geldig.", errors)
    unknown = set(data) - set(UNIT_FIELDS)
    if unknown:
        raise ServiceError("Onbekende velden.", {f: "Dit veld bestaat niet." for f in unknown})
    if not data.get("name"):
        count = HousingUnit.objects.filter(municipality=municipality, kind=kind).count()
        data["name"] = f"{HousingUnit.Kind(kind).label} {municipality.name} {count + 1}"
    unit = HousingUnit.objects.create(organisation_id=organisation_id,
                                      municipality=municipality, **data)
    audit.record(user, Audit.CREATE, unit, organisation_id=organisation_id,
                 changes={k: str(v) for k, v in data.items()})
    return unit


@transaction.atomic
def unit_update(user, unit: HousingUnit, **fields) -> HousingUnit:
    require(user, Perm.MANAGE_HOUSING_POOL, [unit.organisation_id])
    errors = _unit_errors(fields)
    if errors:
        raise ServiceError("De woning is niet geldig.", errors)
    before = audit.snapshot(unit, list(fields))
    for name, value in fields.items():
        if name not in UNIT_FIELDS:
            raise ServiceError("Onbekend veld.", {name: "Dit veld bestaat niet."})
        setattr(unit, name, value)
    unit.save(update_fields=list(fields))
    audit.record(user, Audit.UPDATE, unit, organisation_id=unit.organisation_id,
                 changes=audit.diff(before, audit.snapshot(unit, list(fields))))
    return unit


# Stays ---------------------------------------------------------------------------------

def _conflict_payload(stay: Stay) -> dict:
    return {"conflicting_stay": {
        "id": stay.pk, "unit_id": stay.unit_id, "kind": stay.kind,
        "first_night": stay.first_night.isoformat(),
        "last_night": stay.last_night.isoformat() if stay.last_night else None,
        "occupied_until": stay.occupied_until.isoformat() if stay.occupied_until else None,
    }}


def overlapping(unit_id: int, first: date, until: date | None, exclude: int | None = None):
    """Stays of the unit that hold a night of [first, until) (until None = open)."""
    qs = Stay.objects.filter(unit_id=unit_id).filter(
        Q(occupied_until__isnull=True) | Q(occupied_until__gt=first))
    if until is not None:
        qs = qs.filter(first_night__lt=until)
    return qs.exclude(pk=exclude) if exclude else qs


def _raise_conflict(stay: Stay) -> None:
    end = f"de ochtend van {stay.occupied_until:%d/%m/%Y}" if stay.occupied_until else \
        "een open einde"
    raise Conflict(
        f"De woning is al bezet: verblijf #{stay.pk} van {stay.first_night:%d/%m/%Y} tot {end}.",
        {"first_night": "Deze nachten zijn al geboekt."}, extra=_conflict_payload(stay))


def _lock_unit(unit_id: int) -> None:
    """Serialise the bookings of one unit: the second waits here for the first
    to commit, then its overlap check sees the first stay (a no-op on SQLite,
    whose IMMEDIATE transactions already serialise)."""
    list(HousingUnit.objects.select_for_update().filter(pk=unit_id).values_list("pk"))


def _save_without_overlap(stay: Stay, update_fields: list[str] | None = None) -> None:
    _lock_unit(stay.unit_id)
    stay.occupied_until = stay.compute_occupied_until()
    taken = overlapping(stay.unit_id, stay.first_night, stay.occupied_until,
                        exclude=stay.pk).first()
    if taken is not None:
        _raise_conflict(taken)
    try:
        _save_in_savepoint(stay, update_fields)
    except IntegrityError as exc:
        if "stay_no_overlap" not in str(exc):
            raise
        taken = overlapping(stay.unit_id, stay.first_night, stay.occupied_until,
                            exclude=stay.pk).first()
        if taken is None:  # pragma: no cover - the other transaction rolled back
            raise Conflict("De woning werd net geboekt; probeer opnieuw.") from exc
        _raise_conflict(taken)


DEADLOCK = "40P01"


def _save_in_savepoint(stay: Stay, update_fields: list[str] | None) -> None:
    """Save in a savepoint, so a refused insert fails alone. Two inserts that
    both got past the check wait for each other on the exclusion constraint;
    PostgreSQL aborts one as a deadlock, which then tries once more and this
    time waits for the other to commit (and gets the constraint violation)."""
    for last_try in (False, True):
        try:
            with transaction.atomic():
                if update_fields is None:
                    stay.save()
                else:
                    stay.save(update_fields=[*update_fields, "occupied_until"])
            return
        except OperationalError as exc:
            if last_try or getattr(exc.__cause__, "sqlstate", None) != DEADLOCK:
                raise


def _check_network_limit(stay: Stay) -> None:
    if stay.last_night is None:
        raise ServiceError("Een verblijf via het crisisnetwerk heeft een laatste nacht.",
                           {"last_night": "Verplicht voor het crisisnetwerk."})
    others = Stay.objects.filter(
        household_id=stay.household_id, kind=Stay.Kind.CRISISNETWERK, last_night__isnull=False,
    ).exclude(pk=stay.pk).values_list("first_night", "occupied_until")
    runs = [(first, until - rules.ONE_DAY) for first, until in others if until]
    last = (stay.occupied_until or stay.last_night + rules.ONE_DAY) - rules.ONE_DAY
    first, last = rules.merge_run(runs, stay.first_night, last)
    check = rules.network_stay_limit(first, last)
    if not check.allowed:
        raise ServiceError(check.reason, {"last_night": check.reason})


def _booking_organisation(user, unit: HousingUnit, kind: str, organisation_id: int | None,
                          case: Case | None) -> int:
    """Who books: given, or the user's one organisation that may; else the
    home's owner or the case's organisation when the user may act for it."""
    if kind == Stay.Kind.ONDERHOUD:
        require(user, Perm.MANAGE_HOUSING_POOL, [unit.organisation_id])
        return unit.organisation_id
    perm = Perm.BOOK_CRISIS_BED if kind == Stay.Kind.CRISISNETWERK else Perm.MANAGE_HOUSING_POOL
    return acting_organisation(user, perm, organisation_id, "organisation_id",
                               preferred=(unit.organisation_id,
                                          case.lead_organisation_id if case else None))


@transaction.atomic
def stay_book(user, *, unit_id: int, kind: str, first_night: date,
              last_night: date | None = None, case_id: int | None = None,
              organisation_id: int | None = None, agreement_signed_on: date | None = None,
              conditions: list[str] | None = None, note: str = "") -> Stay:
    """Book a unit for a case (or block it for maintenance): 409 when a night is
    taken, 422 when a rule of the kind of stay is broken."""
    unit = HousingUnit.objects.filter(pk=unit_id).first()
    if unit is None:
        raise ServiceError("Onbekende woning.", {"unit_id": "Onbekende woning."})
    if kind not in Stay.Kind.values:
        raise ServiceError("Onbekende soort verblijf.", {"kind": "Onbekende soort verblijf."})
    errors = {}
    case = None
    if kind != Stay.Kind.ONDERHOUD:
        case = Case.objects.visible_to(user).filter(pk=case_id).first() if case_id else None
        if case is None:
            errors["case_id"] = "Onbekend dossier." if case_id else "Kies een dossier."
    organisation_id = _booking_organisation(user, unit, kind, organisation_id, case)
    if last_night is not None and last_night < first_night:
        errors["last_night"] = "De laatste nacht ligt voor de eerste nacht."
    bad = [c for c in conditions or [] if c not in Stay.Condition.values]
    if bad:
        errors["conditions"] = f"Onbekende voorwaarde: {', '.join(bad)}."
    if errors:
        raise ServiceError("Het verblijf is niet geldig.", errors)
    if kind != Stay.Kind.ONDERHOUD:
        _check_unit_offered(unit, kind)
    stay = Stay(unit=unit, organisation_id=organisation_id, case=case,
                household_id=case.household_id if case else None, kind=kind,
                first_night=first_night, last_night=last_night,
                agreement_signed_on=agreement_signed_on,
                conditions=sorted(set(conditions or [])), note=note, created_by=user)
    stay.occupied_until = stay.compute_occupied_until()
    if kind == Stay.Kind.CRISISNETWERK:
        _check_network_limit(stay)
    _save_without_overlap(stay)
    audit.record(user, Audit.CREATE, stay, organisation_id=unit.organisation_id,
                 changes={"unit": unit.pk, "kind": kind, "first_night": str(first_night),
                          "last_night": str(last_night) if last_night else None})
    return stay


def _check_unit_offered(unit: HousingUnit, kind: str) -> None:
    if unit.status != HousingUnit.Status.BESCHIKBAAR:
        message = f"{unit.name} is niet beschikbaar ({unit.get_status_display().lower()})."
        raise ServiceError(message, {"unit_id": message})
    if kind == Stay.Kind.CRISISNETWERK and not unit.in_crisis_network:
        message = f"{unit.name} wordt niet aangeboden aan het crisisnetwerk."
        raise ServiceError(message, {"unit_id": message})


STAY_FIELDS = ("last_night", "departed_on", "destination", "agreement_signed_on",
               "conditions", "note")


@transaction.atomic
def stay_update(user, stay: Stay, **fields) -> Stay:
    """Extend or shorten a stay, record the departure and where the household
    went, the guidance agreement and its conditions."""
    if stay.kind == Stay.Kind.CRISISNETWERK:
        require(user, Perm.BOOK_CRISIS_BED, [stay.organisation_id, stay.unit.organisation_id])
    else:
        require(user, Perm.MANAGE_HOUSING_POOL, [stay.organisation_id, stay.unit.organisation_id])
    errors = {}
    for name in fields:
        if name not in STAY_FIELDS:
            errors[name] = "Dit veld bestaat niet."
    last, departed = fields.get("last_night", stay.last_night), fields.get("departed_on")
    if last is not None and last < stay.first_night:
        errors["last_night"] = "De laatste nacht ligt voor de eerste nacht."
    if departed is not None and departed <= stay.first_night:
        errors["departed_on"] = "Het vertrek valt na de eerste nacht."
    if fields.get("destination") and fields["destination"] not in Destination.values:
        errors["destination"] = "Onbekende bestemming."
    bad = [c for c in fields.get("conditions") or [] if c not in Stay.Condition.values]
    if bad:
        errors["conditions"] = f"Onbekende voorwaarde: {', '.join(bad)}."
    if errors:
        raise ServiceError("Het verblijf is niet geldig.", errors)
    before = audit.snapshot(stay, list(fields))
    for name, value in fields.items():
        setattr(stay, name, value)
    stay.occupied_until = stay.compute_occupied_until()
    if stay.kind == Stay.Kind.CRISISNETWERK:
        _check_network_limit(stay)
    _save_without_overlap(stay, update_fields=list(fields))
    audit.record(user, Audit.UPDATE, stay, organisation_id=stay.unit.organisation_id,
                 changes=audit.diff(before, audit.snapshot(stay, list(fields))))
    return stay


@transaction.atomic
def stay_cancel(user, stay: Stay, reason: str) -> None:
    """Cancel a booking that did not happen (audited with its reason)."""
    perm = Perm.BOOK_CRISIS_BED if stay.kind == Stay.Kind.CRISISNETWERK \
        else Perm.MANAGE_HOUSING_POOL
    require(user, perm, [stay.organisation_id, stay.unit.organisation_id])
    if not reason.strip():
        raise ServiceError("Geef een reden.", {"reason": "Geef een reden."})
    audit.record(user, Audit.DELETE, stay, organisation_id=stay.unit.organisation_id,
                 reason=reason, changes={"first_night": str(stay.first_night)})
    Registration.objects.filter(stay=stay).update(stay=None)
    stay.delete()


# Crisis network ------------------------------------------------------------------------

@transaction.atomic
def network_book(user, *, unit_id: int, first_name: str, last_name: str, persons: int,
                 municipality_nis: str, situation: str, criteria: list[str], phone: str = "",
                 tonight: date | None = None, organisation_id: int | None = None) -> Stay:
    """The calltaker's one action: register the person for the ambulant service
    that owns the home, book the bed from tonight until the next working day's
    morning, and leave that service a task for that morning."""
    calltaker_org = acting_organisation(user, Perm.BOOK_CRISIS_BED, organisation_id,
                                        "organisation_id")
    missing = [label for code, label in ADMISSION_CRITERIA if code not in criteria]
    if missing:
        raise ServiceError("Niet alle toelatingsvoorwaarden zijn nagekeken.",
                           {"criteria": "Nog na te gaan: " + "; ".join(missing) + "."})
    unit = HousingUnit.objects.select_related("organisation").filter(pk=unit_id).first()
    if unit is None:
        raise ServiceError("Onbekende woning.", {"unit_id": "Kies een vrij crisisbed."})
    if persons > unit.persons:
        message = f"{unit.name} slaapt hoogstens {unit.persons} personen."
        raise ServiceError(message, {"persons": message})
    _check_unit_offered(unit, Stay.Kind.CRISISNETWERK)
    first, last = rules.network_booking_nights(tonight or timezone.localdate())
    service = unit.organisation_id
    household = household_create_for(user, service, HouseholdIn(
        municipality_nis=municipality_nis, tenure=Tenure.HOMELESS,
        members=[MemberIn(first_name=first_name, last_name=last_name,
                          relation=Person.Relation.SELF, phone=phone)]))
    case = case_open_for(user, service, household, municipality_nis=municipality_nis,
                         themes=[Theme.DREIGENDE_DAKLOOSHEID], source="telefoon")
    stay = Stay(unit=unit, organisation_id=calltaker_org, case=case, household=household,
                kind=Stay.Kind.CRISISNETWERK, first_night=first, last_night=last,
                note=situation, created_by=user)
    stay.occupied_until = stay.compute_occupied_until()
    _check_network_limit(stay)
    _save_without_overlap(stay)
    due = rules.next_working_day(first)
    NetworkTask.objects.create(
        stay=stay, organisation_id=service, due_on=due,
        description=(f"{first_name} {last_name} ({persons} pers.) verblijft via het "
                     f"crisisnetwerk in {unit.name} tot de ochtend van {due:%d/%m/%Y}. "
                     f"Neem die ochtend contact op en bekijk het vervolg."))
    audit.record(user, Audit.CREATE, stay, organisation_id=service,
                 changes={"unit": unit.pk, "kind": Stay.Kind.CRISISNETWERK,
                          "first_night": str(first), "last_night": str(last),
                          "criteria": sorted(criteria)})
    return stay


@transaction.atomic
def task_done(user, task: NetworkTask) -> NetworkTask:
    require(user, Perm.EDIT_PERSONAL_DATA, [task.organisation_id])
    task.done_on, task.done_by = timezone.localdate(), user
    task.save(update_fields=["done_on", "done_by"])
    audit.record(user, Audit.UPDATE, task, organisation_id=task.organisation_id,
                 changes={"done_on": str(task.done_on)})
    return task


# Crisis shelter applications --------------------------------------------------------

def _scores(scores: dict) -> tuple[dict, dict[str, str]]:
    errors, clean = {}, {}
    for code in rules.CRITERION_CODES:
        entry = scores.get(code) or {}
        score, motivation = entry.get("score"), str(entry.get("motivation", "")).strip()
        if not isinstance(score, int) or not rules.SCORE_MIN <= score <= rules.SCORE_MAX:
            errors[f"scores.{code}"] = f"Geef een score van {rules.SCORE_MIN} tot " \
                                       f"{rules.SCORE_MAX}."
        elif not motivation:
            errors[f"scores.{code}"] = "Motiveer de score kort."
        else:
            clean[code] = {"score": score, "motivation": motivation[:1000]}
    return clean, errors


@transaction.atomic
def application_create(user, *, case_id: int, applied_on: date, acute: bool,
                       inquiry_on: date | None, scores: dict,
                       organisation_id: int | None = None) -> Application:
    """Apply for a crisis home for a case, after a social inquiry (skipped and
    marked as such for an acute material crisis)."""
    case = Case.objects.visible_to(user).filter(pk=case_id).first()
    organisation_id = acting_organisation(user, Perm.EDIT_PERSONAL_DATA, organisation_id,
                                          "organisation_id",
                                          preferred=[case.lead_organisation_id] if case else [])
    clean, errors = _scores(scores)
    if case is None:
        errors["case_id"] = "Onbekend dossier."
    if not acute and inquiry_on is None:
        errors["inquiry_on"] = "Vul de datum van het sociaal onderzoek in (of kies: acute " \
                               "materiële crisis)."
    if errors:
        raise ServiceError("De aanvraag is niet volledig.", errors)
    application = Application.objects.create(
        organisation_id=organisation_id, case=case, applied_on=applied_on, acute=acute,
        inquiry_on=None if acute else inquiry_on, scores=clean, created_by=user)
    audit.record(user, Audit.CREATE, application, organisation_id=organisation_id,
                 changes={"acute": acute, "total": application.total_score})
    return application


@transaction.atomic
def application_decide(user, application: Application, *, status: str, reason: str,
                       unit_id: int | None = None, first_night: date | None = None,
                       last_night: date | None = None) -> Application:
    """Grant (and place in a unit), refuse or withdraw an application, with its reason."""
    require(user, Perm.MANAGE_HOUSING_POOL, [application.organisation_id])
    errors = {}
    if application.status != Application.Status.OPEN:
        raise ServiceError("Over deze aanvraag is al beslist.")
    if status not in (Application.Status.GRANTED, Application.Status.REFUSED,
                      Application.Status.WITHDRAWN):
        errors["status"] = "Kies toekennen, afwijzen of intrekken."
    if not reason.strip():
        errors["decision_reason"] = "Motiveer de beslissing."
    if status == Application.Status.GRANTED and (unit_id is None or first_night is None):
        errors["unit_id"] = "Kies de crisiswoning en de eerste nacht."
    if errors:
        raise ServiceError("De beslissing is niet volledig.", errors)
    if status == Application.Status.GRANTED:
        application.stay = stay_book(
            user, unit_id=unit_id, kind=Stay.Kind.CRISISOPVANG, first_night=first_night,
            last_night=last_night, case_id=application.case_id,
            organisation_id=application.organisation_id)
    application.status, application.decision_reason = status, reason.strip()
    application.decided_on = timezone.localdate()
    application.save(update_fields=["status", "decision_reason", "decided_on", "stay"])
    audit.record(user, Audit.UPDATE, application, organisation_id=application.organisation_id,
                 changes={"status": status})
    return application


# kracht.wonen --------------------------------------------------------------------------

STAGES = list(Registration.Stage.values)


@transaction.atomic
def registration_create(user, *, case_id: int, region: str, registered_on: date | None = None,
                        organisation_id: int | None = None,
                        guidance_organisation_id: int | None = None,
                        note: str = "") -> Registration:
    """Register a long-term homeless person at the regional meldpunt."""
    errors = {}
    case = Case.objects.visible_to(user).filter(pk=case_id).first()
    if case is None:
        errors["case_id"] = "Onbekend dossier."
    organisation_id = acting_organisation(user, Perm.EDIT_PERSONAL_DATA, organisation_id,
                                          "organisation_id",
                                          preferred=[case.lead_organisation_id] if case else [])
    region_obj = Region.objects.filter(code=region).first()
    if region_obj is None:
        errors["region"] = f"Onbekende regio: {region}."
    if guidance_organisation_id is not None and not Organisation.objects.filter(
            pk=guidance_organisation_id, is_active=True).exists():
        errors["guidance_organisation_id"] = "Onbekende organisatie."
    if errors:
        raise ServiceError("De aanmelding is niet geldig.", errors)
    registration = Registration.objects.create(
        region=region_obj, organisation_id=organisation_id, case=case,
        registered_on=registered_on or timezone.localdate(),
        guidance_organisation_id=guidance_organisation_id, note=note)
    audit.record(user, Audit.CREATE, registration, organisation_id=organisation_id,
                 changes={"region": region})
    return registration


def _can_change(user, registration: Registration) -> None:
    require(user, Perm.EDIT_PERSONAL_DATA,
            [registration.organisation_id, registration.case.lead_organisation_id])


@transaction.atomic
def registration_set_stage(user, registration: Registration, *, stage: str,
                           on: date | None = None, outflow: str = "",
                           stay_id: int | None = None) -> Registration:
    """Move a registration forward in the funnel; the date of each stage reached
    is kept (skipped stages keep no date). Going back is refused."""
    _can_change(user, registration)
    errors = {}
    if stage not in STAGES:
        raise ServiceError("Onbekende fase.", {"stage": "Onbekende fase."})
    if STAGES.index(stage) < STAGES.index(registration.stage):
        errors["stage"] = (f"De aanmelding staat al in de fase "
                           f"'{registration.get_stage_display()}'; terugzetten kan niet.")
    if outflow and outflow not in Registration.Outflow.values:
        errors["outflow"] = "Kies private of sociale huur."
    if stay_id is not None and not Stay.objects.visible_to(user).filter(
            pk=stay_id, case_id=registration.case_id).exists():
        errors["stay_id"] = "Dit verblijf hoort niet bij het dossier."
    day = on or timezone.localdate()
    if day < registration.registered_on:
        errors["on"] = "Die datum ligt voor de aanmelding."
    if errors:
        raise ServiceError("De fase kan niet veranderen.", errors)
    before = registration.stage
    registration.stage = stage
    date_field = Registration.STAGE_DATES[stage]
    if getattr(registration, date_field) is None:
        setattr(registration, date_field, day)
    if outflow:
        registration.outflow = outflow
    if stay_id is not None:
        registration.stay_id = stay_id
    registration.save()
    audit.record(user, Audit.UPDATE, registration, organisation_id=registration.organisation_id,
                 changes={"stage": [before, stage]})
    return registration


@transaction.atomic
def consultation_add(user, registration: Registration, *, held_on: date, participants: str,
                     conclusions: str) -> Consultation:
    _can_change(user, registration)
    errors = {}
    if not participants.strip():
        errors["participants"] = "Wie nam deel?"
    if not conclusions.strip():
        errors["conclusions"] = "Wat werd besloten?"
    if errors:
        raise ServiceError("Het overleg is niet volledig.", errors)
    consultation = Consultation.objects.create(
        registration=registration, held_on=held_on, participants=participants.strip(),
        conclusions=conclusions.strip(), created_by=user)
    audit.record(user, Audit.CREATE, consultation, organisation_id=registration.organisation_id)
    return consultation
