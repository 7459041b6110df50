"""Every write of eviction prevention: one function per use case, in a
transaction, with its permission check and audit entry."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import slugify

from woonloket.cases.models import Case, Program, Source, Theme
from woonloket.cases.services import case_open_for, enrolment_add
from woonloket.clients.models import Person, Tenure
from woonloket.clients.rules import AddressFacts
from woonloket.clients.services import (
    HouseholdIn,
    MemberIn,
    duplicate_candidates,
    household_create_for,
)
from woonloket.core import audit
from woonloket.core.access import acting_organisation, actor_for, require
from woonloket.core.errors import Conflict, ServiceError
from woonloket.core.models import Canton, Municipality, MunicipalityCanton, Organisation
from woonloket.core.roles import Perm
from woonloket.core.selectors import organisations_serving
from woonloket.housing.models import Destination

from . import letters, rules
from .models import (
    Assignment,
    CourtSession,
    LandlordKind,
    Letter,
    LetterTemplate,
    Mediation,
    MediationMeeting,
    OutreachSettings,
    Petition,
    Step,
)

Audit = audit.Action
TENURE_OF_LANDLORD = {"private": Tenure.PRIVATE_RENT, "woonmaatschappij": Tenure.SOCIAL_RENT,
                      "svk": Tenure.SVK}


@dataclass
class PetitionIn:
    canton: str
    roll_number: str
    received_on: date
    hearing_at: datetime
    landlord_kind: str
    landlord_name: str
    first_name: str
    last_name: str
    street: str
    number: str
    postal_code: str
    municipality_nis: str
    arrears_eur: Decimal
    monthly_rent_eur: Decimal
    landlord_contact: str = ""
    birth_date: date | None = None
    box: str = ""
    reason: str = Petition.Reason.ARREARS
    lead_organisation_id: int | None = None
    extra: dict = field(default_factory=dict)


REQUIRED_TEXT = {  # field: (label, longest)
    "roll_number": ("Het rolnummer", 40), "landlord_name": ("De naam van de verhuurder", 200),
    "first_name": ("De voornaam van de huurder", 100),
    "last_name": ("De familienaam van de huurder", 100), "street": ("De straat", 150),
    "number": ("Het huisnummer", 10),
}
OPTIONAL_TEXT = {"landlord_contact": 200, "box": 10}
MAX_AMOUNT = Decimal("99999999.99")
MAX_HEARING_AFTER_RECEIPT = timedelta(days=366)
MAX_AGE_OF_PETITION = timedelta(days=5 * 366)


def _petition_errors(data: PetitionIn) -> dict[str, str]:
    errors: dict[str, str] = {}
    for name, (label, longest) in REQUIRED_TEXT.items():
        value = str(getattr(data, name) or "").strip()
        if not value:
            errors[name] = f"{label} is verplicht."
        elif len(value) > longest:
            errors[name] = f"Te lang: hoogstens {longest} tekens."
    for name, longest in OPTIONAL_TEXT.items():
        if len(str(getattr(data, name) or "").strip()) > longest:
            errors[name] = f"Te lang: hoogstens {longest} tekens."
    if not (data.postal_code or "").strip().isdigit() or len(data.postal_code.strip()) != 4:
        errors["postal_code"] = "Een Belgische postcode heeft 4 cijfers."
    if data.landlord_kind not in LandlordKind.values:
        errors["landlord_kind"] = "Kies private verhuurder, woonmaatschappij of SVK."
    if data.reason not in Petition.Reason.values:
        errors["reason"] = "Onbekende reden."
    for name in ("arrears_eur", "monthly_rent_eur"):
        amount = getattr(data, name)
        if amount is None or amount < 0:
            errors[name] = "Een bedrag kan niet negatief zijn."
        elif amount > MAX_AMOUNT or amount != round(amount, 2):
            errors[name] = "Een bedrag tot 99 999 999,99 euro, op de cent."
    today = timezone.localdate()
    if data.received_on > today:
        errors["received_on"] = "De ontvangstdatum ligt in de toekomst."
    elif data.received_on < today - MAX_AGE_OF_PETITION:
        errors["received_on"] = "De ontvangstdatum ligt meer dan vijf jaar terug."
    hearing_on = _local_date(data.hearing_at)
    if hearing_on is None or not (
            data.received_on <= hearing_on <= data.received_on + MAX_HEARING_AFTER_RECEIPT):
        errors["hearing_at"] = ("De zitting valt na de ontvangst van het verzoekschrift, "
                                "binnen het jaar.")
    if data.birth_date and data.birth_date > timezone.localdate():
        errors["birth_date"] = "De geboortedatum ligt in de toekomst."
    canton = Canton.objects.filter(pk=data.canton).first()
    if canton is None:
        errors["canton"] = f"Onbekend kanton: {data.canton}."
    elif not MunicipalityCanton.objects.filter(canton=canton,
                                               municipality_id=data.municipality_nis).exists():
        municipality = Municipality.objects.filter(pk=data.municipality_nis).first()
        errors["canton" if municipality else "municipality_nis"] = (
            f"Het kanton {canton} bedient de gemeente {municipality} niet." if municipality
            else f"Onbekende NIS-code: {data.municipality_nis}.")
    return errors


def _aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _local_date(moment: datetime | None) -> date | None:
    """The local date of a moment, or None when it is outside any sensible range
    (year 1 or 9999 cannot even be moved to local time)."""
    if moment is None or not 1900 < moment.year < 2200:
        return None
    return timezone.localtime(_aware(moment)).date()


def _ocmw_of(municipality_nis: str) -> int | None:
    return Organisation.objects.filter(
        kind=Organisation.Kind.OCMW, is_active=True, municipalities=municipality_nis,
    ).order_by("name").values_list("pk", flat=True).first()


@transaction.atomic
def petition_register(user, data: PetitionIn, source: str = Petition.Source.FORM) -> Petition:
    """Register a court petition: match or register the tenant's household,
    open or reuse the case with the program "begeleiding gerechtelijke
    uithuiszetting" for the municipality's counsellor, inform the OCMW, and
    plan the outreach steps with a proposed visit slot."""
    data.canton = slugify(data.canton or "")
    preferred = organisations_serving(data.municipality_nis)
    if data.lead_organisation_id is None and not preferred and not actor_for(
            user).organisations_with(Perm.EDIT_PERSONAL_DATA):
        message = "Geen organisatie werkt in deze gemeente: geef de organisatie op."
        raise ServiceError(message, {"lead_organisation_id": message})
    organisation_id = acting_organisation(
        user, Perm.EDIT_PERSONAL_DATA, data.lead_organisation_id, "lead_organisation_id",
        preferred=preferred)
    errors = _petition_errors(data)
    if errors:
        raise ServiceError("Het verzoekschrift is niet geldig.", errors)
    roll_number = data.roll_number.strip()
    existing = Petition.objects.filter(canton_id=data.canton, roll_number=roll_number).first()
    if existing is not None:
        raise Conflict("Dit verzoekschrift is al geregistreerd.",
                       {"roll_number": f"Rolnummer {roll_number} van dit kanton staat al "
                                       f"in woonloket (verzoekschrift #{existing.pk})."},
                       extra={"petition_id": existing.pk})
    counsellor = Assignment.objects.filter(  # a counsellor who left is no one
        organisation_id=organisation_id, municipality_id=data.municipality_nis,
        counsellor__is_active=True, counsellor__memberships__organisation_id=organisation_id,
    ).first()
    today = timezone.localdate()
    household = _household_for(user, organisation_id, data)
    case = _case_for(user, organisation_id, household, data,
                     counsellor.counsellor_id if counsellor else None)
    petition = Petition(
        organisation_id=organisation_id, ocmw_id=_ocmw_of(data.municipality_nis), case=case,
        household=household, canton_id=data.canton, municipality_id=data.municipality_nis,
        roll_number=roll_number, received_on=data.received_on,
        outreach_from=data.received_on if _local_date(data.hearing_at) < today
        else max(data.received_on, today), hearing_at=_aware(data.hearing_at),
        landlord_kind=data.landlord_kind,
        landlord_name=data.landlord_name.strip(), landlord_contact=data.landlord_contact.strip(),
        tenant_name=f"{data.first_name.strip()} {data.last_name.strip()}",
        street=data.street.strip(), number=data.number.strip(), box=data.box.strip(),
        postal_code=data.postal_code.strip(), arrears_eur=data.arrears_eur,
        monthly_rent_eur=data.monthly_rent_eur, reason=data.reason, source=source,
        created_by=user,
    )
    try:
        with transaction.atomic():
            petition.save()
    except IntegrityError as exc:  # the same roll number registered at the same moment
        raise Conflict("Dit verzoekschrift is al geregistreerd.",
                       {"roll_number": "Dit rolnummer staat al in woonloket."}) from exc
    _create_steps(petition)
    audit.record(user, Audit.CREATE, petition, organisation_id=organisation_id,
                 changes={"canton": data.canton, "case": case.pk, "source": source,
                          "ocmw": petition.ocmw_id})
    return petition


def _household_for(user, organisation_id: int, data: PetitionIn):
    member = MemberIn(first_name=data.first_name.strip(), last_name=data.last_name.strip(),
                      relation=Person.Relation.SELF, birth_date=data.birth_date)
    found = duplicate_candidates(user, member, limit=1, address=AddressFacts(
        data.street, data.number, data.postal_code), for_organisation=organisation_id)
    if found:
        return found[0][0].household
    return household_create_for(user, organisation_id, HouseholdIn(
        municipality_nis=data.municipality_nis, tenure=TENURE_OF_LANDLORD[data.landlord_kind],
        members=[member], street=data.street.strip(), number=data.number.strip(),
        box=data.box.strip(), postal_code=data.postal_code.strip()))


def _case_for(user, organisation_id: int, household, data: PetitionIn,
              counsellor_id: int | None) -> Case:
    case = (Case.objects.filter(household=household, lead_organisation_id=organisation_id)
            .exclude(status="afgesloten").order_by("-opened_on", "-pk").first())
    if case is None:
        case = case_open_for(user, organisation_id, household,
                             municipality_nis=data.municipality_nis,
                             themes=[Theme.DREIGENDE_DAKLOOSHEID, Theme.HUURWETGEVING],
                             source=Source.VREDEGERECHT, contact_person_id=counsellor_id)
    elif case.contact_person_id is None and counsellor_id is not None:
        case.contact_person_id = counsellor_id
        case.save(update_fields=["contact_person"])
    if not case.enrolments.filter(program=Program.UITHUISZETTING, ended_on__isnull=True).exists():
        enrolment_add(user, case, program=Program.UITHUISZETTING, started_on=data.received_on)
    return case


def sequence_of(organisation_id: int) -> list[tuple[str, int]]:
    settings = OutreachSettings.objects.filter(organisation_id=organisation_id).first()
    return settings.sequence_pairs() if settings else list(rules.DEFAULT_SEQUENCE)


def _hearing_on(petition: Petition) -> date:
    return timezone.localtime(petition.hearing_at).date()


def _create_steps(petition: Petition) -> None:
    sequence = sequence_of(petition.organisation_id)
    due = rules.schedule(petition.outreach_from, _hearing_on(petition), sequence)
    steps = [Step(petition=petition, kind=kind, position=i, delay_days=delay, due_on=due[kind])
             for i, (kind, delay) in enumerate(sequence)]
    Step.objects.bulk_create(steps)
    visit = next((s for s in steps if s.kind == "home_visit"), None)
    if visit is not None:
        slot = proposed_visit_slot(petition, visit.due_on)
        if slot is not None:
            visit.planned_at = slot
            visit.save(update_fields=["planned_at"])
            _reschedule(petition)


def _local_naive(moment: datetime) -> datetime:
    return timezone.localtime(moment).replace(tzinfo=None)


def proposed_visit_slot(petition: Petition, earliest: date) -> datetime | None:
    """The counsellor's first free hour for a home visit from `earliest` until
    the day before the hearing, around their planned visits and court duties."""
    counsellor_id = petition.case.contact_person_id
    latest = _hearing_on(petition) - timedelta(days=1)
    if counsellor_id is None or latest < earliest:
        return None
    settings = OutreachSettings.objects.filter(organisation_id=petition.organisation_id).first()
    hours = rules.WorkingHours(visit_minutes=settings.visit_minutes if settings else 60)
    window_start = timezone.make_aware(datetime.combine(earliest, datetime.min.time()))
    window_end = timezone.make_aware(datetime.combine(latest + timedelta(days=1),
                                                      datetime.min.time()))
    length = timedelta(minutes=hours.visit_minutes)
    busy = [(_local_naive(at), _local_naive(at) + length) for at in Step.objects.filter(
        kind="home_visit", status=Step.Status.OPEN, petition__case__contact_person_id=counsellor_id,
        planned_at__gte=window_start - length, planned_at__lt=window_end,
    ).exclude(petition=petition).values_list("planned_at", flat=True)]
    busy += [(_local_naive(s), _local_naive(e)) for s, e in CourtSession.objects.filter(
        counsellors=counsellor_id, starts_at__lt=window_end, ends_at__gt=window_start,
    ).values_list("starts_at", "ends_at")]
    slot = rules.propose_visit_slot(earliest, latest, busy, hours)
    return timezone.make_aware(slot) if slot else None


def _reschedule(petition: Petition) -> None:
    """Recompute the due dates of the open steps from what is done."""
    steps = list(petition.steps.order_by("position"))
    states = {s.kind: rules.StepState(
        done_on=s.done_on, skipped=s.status == Step.Status.SKIPPED,
        planned_on=timezone.localtime(s.planned_at).date() if s.planned_at else None)
        for s in steps}
    due = rules.schedule(petition.outreach_from, _hearing_on(petition),
                         [(s.kind, s.delay_days) for s in steps], states)
    changed = [s for s in steps if s.status == Step.Status.OPEN and s.due_on != due[s.kind]]
    for s in changed:
        s.due_on = due[s.kind]
    Step.objects.bulk_update(changed, ["due_on"])


def _refresh_progress(petition: Petition) -> None:
    """Copy what the figures count from the steps onto the petition: when
    contact was established, when the intake was done, whether a counsellor
    attended the hearing."""
    done = {kind: (day, outcome) for kind, day, outcome in petition.steps.filter(
        status=Step.Status.DONE).values_list("kind", "done_on", "outcome")}
    petition.reached_on = done.get("contact", (None, ""))[0]
    petition.intake_on = done.get("intake", (None, ""))[0]
    petition.hearing_attended = done.get("hearing", (None, ""))[1] in rules.HEARING_ATTENDED
    petition.save(update_fields=["reached_on", "intake_on", "hearing_attended"])


def _require_editor(user, petition: Petition) -> None:
    require(user, Perm.EDIT_PERSONAL_DATA, [petition.organisation_id])
    if petition.closed_on is not None:
        raise ServiceError("Dit verzoekschrift is afgesloten.",
                           {"petition": "Dit verzoekschrift is afgesloten."})


@transaction.atomic
def step_update(user, step: Step, *, status: str, done_on: date | None = None,
                note: str | None = None, outcome: str | None = None,
                planned_at: datetime | None = None) -> Step:
    """Mark a step done, not needed or open again (with outcome, date and note),
    or move the planned home visit; what the outcome settles follows (and is
    undone when the step is reopened or its outcome changes), and the steps
    after it are rescheduled. Left out, the note and outcome stay as they are."""
    petition = Petition.objects.select_for_update().get(pk=step.petition_id)
    _require_editor(user, petition)
    step = Step.objects.get(pk=step.pk)
    today = timezone.localdate()
    hearing_on = _hearing_on(petition)
    if outcome is None:
        outcome = step.outcome if status == Step.Status.DONE else ""
    errors = {}
    if status not in Step.Status.values:
        errors["status"] = "Kies open, done of skipped."
    if status == Step.Status.DONE:
        done_on = done_on or today
        if done_on > today:
            errors["done_on"] = "Een stap is niet in de toekomst gedaan."
        elif done_on < petition.received_on:
            errors["done_on"] = "Die datum ligt voor de ontvangst van het verzoekschrift."
        elif step.kind == "hearing" and done_on < hearing_on:
            errors["done_on"] = "De zitting is nog niet geweest."
    problem = rules.outcome_error(step.kind, outcome)
    if problem:
        errors["outcome"] = problem
    if planned_at is not None:
        if step.kind != "home_visit":
            errors["planned_at"] = "Alleen een huisbezoek wordt ingepland."
        elif (_local_date(planned_at) is None or _local_date(planned_at) < petition.received_on
              or _aware(planned_at) >= petition.hearing_at):
            errors["planned_at"] = "Het huisbezoek valt tussen de ontvangst en de zitting."
    if errors:
        raise ServiceError("De stap is niet geldig.", errors)
    before = audit.snapshot(step, ["status", "done_on", "outcome", "planned_at"])
    reopened = step.settled.update(status=Step.Status.OPEN, done_on=None, done_by=None,
                                   outcome="", settled_by=None)
    step.status = status
    step.done_on = done_on if status == Step.Status.DONE else None
    step.done_by = user if status == Step.Status.DONE else None
    step.outcome = outcome if status == Step.Status.DONE else ""
    if note is not None:
        step.note = note.strip()
    if planned_at is not None:
        step.planned_at = _aware(planned_at)
    step.save()
    settled = _apply_consequences(petition)
    _reschedule(petition)
    _refresh_progress(petition)
    step.refresh_from_db()
    changes = audit.diff(before, audit.snapshot(step, ["status", "done_on", "outcome",
                                                       "planned_at"]))
    audit.record(user, Audit.UPDATE, step, organisation_id=petition.organisation_id,
                 changes={**changes, **settled, "reopened": reopened})
    return step


def _apply_consequences(petition: Petition) -> dict[str, list[str]]:
    """Let every done step settle what its outcome makes unnecessary, in order
    (after a step was reopened, another done step may still settle the same)."""
    steps = list(petition.steps.order_by("position"))
    skipped, done = [], []
    for step in steps:
        if step.status != Step.Status.DONE:
            continue
        open_kinds = frozenset(s.kind for s in steps if s.status == Step.Status.OPEN)
        effect = rules.consequence(step.kind, step.outcome, open_kinds)
        for other in steps:
            if other.kind in effect.skip:
                other.status, other.settled_by = Step.Status.SKIPPED, step
                skipped.append(other)
            elif other.kind in effect.mark_done:
                other.status, other.settled_by = Step.Status.DONE, step
                other.done_on, other.done_by = step.done_on, step.done_by
                other.outcome = "huisbezoek" if step.kind == "home_visit" else ""
                done.append(other)
    Step.objects.bulk_update(skipped + done, ["status", "settled_by", "done_on", "done_by",
                                              "outcome"])
    return {"skipped": sorted(s.kind for s in skipped),
            "also_done": sorted(s.kind for s in done)}


# Letters -----------------------------------------------------------------------------

def _letter_step_check(petition: Petition, kind: str) -> None:
    if kind not in rules.LETTER_KINDS:
        raise ServiceError("Onbekende brief.", {"kind": "Kies letter1, card of letter2."})
    if not petition.steps.filter(kind=kind).exists():
        raise ServiceError("Deze stap hoort niet bij de werkwijze van de organisatie.",
                           {"kind": "Deze stap wordt niet gebruikt."})


@transaction.atomic
def letter_issue(user, petition: Petition, kind: str) -> Letter:
    """Render the letter (or card) from the organisation's template and keep
    the exact PDF on the petition, visible on the case timeline."""
    require(user, Perm.EDIT_PERSONAL_DATA, [petition.organisation_id])
    _letter_step_check(petition, kind)
    document = letters.render(petition, kind)
    return _keep(user, petition, kind, document.write_pdf())


def _keep(user, petition: Petition, kind: str, pdf: bytes) -> Letter:
    letter = Letter.objects.create(petition=petition, kind=kind, pdf=pdf,
                                   sha256=hashlib.sha256(pdf).hexdigest(), created_by=user)
    audit.record(user, Audit.CREATE, letter, organisation_id=petition.organisation_id,
                 changes={"petition": petition.pk, "kind": kind, "sha256": letter.sha256})
    return letter


@transaction.atomic
def letters_for_day(user, petitions: list[Petition], day: date) -> bytes | None:
    """Every letter 1, card and letter 2 due on `day` (or overdue) for these
    petitions, each kept as its own PDF, printed together as one PDF."""
    due = list(Step.objects.filter(petition__in=petitions, kind__in=rules.LETTER_KINDS,
                                   status=Step.Status.OPEN, due_on__lte=day)
               .select_related("petition").order_by("petition__hearing_at", "position"))
    if not due:
        return None
    documents = []
    for step in due:
        require(user, Perm.EDIT_PERSONAL_DATA, [step.petition.organisation_id])
        document = letters.render(step.petition, step.kind)
        _keep(user, step.petition, step.kind, document.write_pdf())
        documents.append(document)
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


# Hearing outcome and follow-up -------------------------------------------------------------

@transaction.atomic
def outcome_record(user, petition: Petition, *, outcome: str, outcome_on: date,
                   note: str = "", served_on: date | None = None,
                   new_hearing_at: datetime | None = None) -> Petition:
    """The judge's decision; a postponement moves the hearing (and the steps)."""
    _require_editor(user, petition)
    errors = {}
    if outcome not in Petition.Outcome.values:
        errors["outcome"] = "Onbekende uitspraak."
    if outcome_on > timezone.localdate():
        errors["outcome_on"] = "De uitspraak ligt niet in de toekomst."
    elif outcome_on < petition.received_on:
        errors["outcome_on"] = "De uitspraak volgt op de ontvangst van het verzoekschrift."
    if served_on is not None and outcome != Petition.Outcome.EVICTION:
        errors["served_on"] = "Alleen een vonnis tot uithuiszetting wordt betekend."
    elif served_on is not None and served_on < outcome_on:
        errors["served_on"] = "De betekening volgt op de uitspraak."
    if outcome == Petition.Outcome.POSTPONED:
        if new_hearing_at is None:
            errors["new_hearing_at"] = "Geef de nieuwe datum van de zitting."
        elif (_local_date(new_hearing_at) is None or not outcome_on < _local_date(
                new_hearing_at) <= outcome_on + MAX_HEARING_AFTER_RECEIPT):
            errors["new_hearing_at"] = "De nieuwe zitting valt na de uitspraak, binnen het jaar."
    if errors:
        raise ServiceError("De uitspraak is niet geldig.", errors)
    before = audit.snapshot(petition, ["outcome", "outcome_on", "served_on", "hearing_at"])
    if outcome == Petition.Outcome.POSTPONED:
        petition.hearing_at = _aware(new_hearing_at)
        petition.steps.filter(kind="hearing").update(status=Step.Status.OPEN, done_on=None,
                                                     outcome="")
        petition.hearing_attended = False
    petition.outcome, petition.outcome_on = outcome, outcome_on
    petition.outcome_note, petition.served_on = note.strip(), served_on
    petition.save()
    _reschedule(petition)
    audit.record(user, Audit.UPDATE, petition, organisation_id=petition.organisation_id,
                 reason="uitspraak", changes=audit.diff(before, audit.snapshot(
                     petition, ["outcome", "outcome_on", "served_on", "hearing_at"])))
    return petition


@transaction.atomic
def follow_up_record(user, petition: Petition, *, evicted_on: date | None = None,
                     housed_on: date | None = None, housed_where: str = "",
                     close: bool = False) -> Petition:
    """After the hearing: the eviction carried out, where the household is
    housed, and closing the petition once the household is housed."""
    _require_editor(user, petition)
    today = timezone.localdate()
    errors = {}
    if evicted_on is not None:
        earliest = petition.earliest_eviction
        if earliest is None:
            errors["evicted_on"] = "Er is geen betekend vonnis tot uithuiszetting."
        elif evicted_on < earliest:
            errors["evicted_on"] = (f"Een uithuiszetting kan pas vanaf "
                                    f"{earliest:%d/%m/%Y} (een maand na de betekening).")
        elif evicted_on > today:
            errors["evicted_on"] = "Die datum ligt in de toekomst."
    if housed_where and housed_where not in Destination.values:
        errors["housed_where"] = "Onbekende bestemming."
    if (housed_on is None) != (not housed_where):
        errors["housed_where"] = "Geef de datum en waar het gezin woont."
    if housed_on is not None and housed_on > today:
        errors["housed_on"] = "Die datum ligt in de toekomst."
    if close and not petition.outcome:
        errors["close"] = "Noteer eerst de uitspraak van de zitting."
    if errors:
        raise ServiceError("De opvolging is niet geldig.", errors)
    petition.evicted_on, petition.housed_on = evicted_on, housed_on
    petition.housed_where = housed_where
    if close:
        petition.closed_on = today
        petition.steps.filter(status=Step.Status.OPEN).update(status=Step.Status.SKIPPED)
        petition.case.enrolments.filter(program=Program.UITHUISZETTING,
                                        ended_on__isnull=True).update(ended_on=today)
    petition.save()
    audit.record(user, Audit.UPDATE, petition, organisation_id=petition.organisation_id,
                 reason="opvolging na de zitting",
                 changes={"evicted_on": str(evicted_on or ""), "housed_on": str(housed_on or ""),
                          "housed_where": housed_where, "closed": close})
    return petition


@transaction.atomic
def ocmw_seen(user, petition: Petition) -> Petition:
    """The informed OCMW marks the petition as seen."""
    require(user, Perm.VIEW_PERSONAL_DATA, [petition.ocmw_id] if petition.ocmw_id else [])
    if petition.ocmw_seen_on is None:
        petition.ocmw_seen_on = timezone.localdate()
        petition.save(update_fields=["ocmw_seen_on"])
        audit.record(user, Audit.UPDATE, petition, organisation_id=petition.ocmw_id,
                     reason="gezien door het OCMW")
    return petition


# Organisation settings ------------------------------------------------------------------

def _settings_organisation(user, organisation_id: int | None) -> int:
    return acting_organisation(user, Perm.MANAGE_OUTREACH, organisation_id, "organisation_id")


@transaction.atomic
def settings_save(user, *, organisation_id: int | None, sequence: list[tuple[str, int]],
                  visit_minutes: int) -> OutreachSettings:
    organisation_id = _settings_organisation(user, organisation_id)
    errors = {}
    problems = rules.sequence_errors(sequence)
    if problems:
        errors["sequence"] = " ".join(problems)
    if not 15 <= visit_minutes <= 240:
        errors["visit_minutes"] = "Een huisbezoek duurt 15 tot 240 minuten."
    if errors:
        raise ServiceError("De werkwijze is niet geldig.", errors)
    settings, _created = OutreachSettings.objects.update_or_create(
        organisation_id=organisation_id,
        defaults={"sequence": [[k, d] for k, d in sequence], "visit_minutes": visit_minutes})
    audit.record(user, Audit.UPDATE, settings, organisation_id=organisation_id,
                 changes={"sequence": settings.sequence, "visit_minutes": visit_minutes})
    return settings


@transaction.atomic
def assignment_set(user, *, organisation_id: int | None, municipality_nis: str,
                   counsellor_id: int | None, phone: str = "") -> Assignment | None:
    """Who follows up the petitions of a municipality (None: nobody named)."""
    organisation_id = _settings_organisation(user, organisation_id)
    if not Organisation.objects.filter(pk=organisation_id,
                                       municipalities=municipality_nis).exists():
        raise ServiceError("Deze gemeente ligt niet in het werkgebied.",
                           {"municipality_nis": "Deze gemeente ligt niet in het werkgebied."})
    if counsellor_id is None:
        Assignment.objects.filter(organisation_id=organisation_id,
                                  municipality_id=municipality_nis).delete()
        audit.record(user, Audit.DELETE, object_type="evictions.assignment",
                     object_id=municipality_nis, organisation_id=organisation_id)
        return None
    if not get_user_model().objects.filter(pk=counsellor_id, is_active=True,
                                           memberships__organisation_id=organisation_id).exists():
        raise ServiceError("Deze medewerker werkt niet voor de organisatie.",
                           {"counsellor_id": "Kies een medewerker van de organisatie."})
    assignment, _created = Assignment.objects.update_or_create(
        organisation_id=organisation_id, municipality_id=municipality_nis,
        defaults={"counsellor_id": counsellor_id, "phone": phone.strip()})
    audit.record(user, Audit.UPDATE, assignment, organisation_id=organisation_id,
                 changes={"municipality": municipality_nis, "counsellor": counsellor_id})
    return assignment


MAX_LOGO_BYTES = 300_000


@transaction.atomic
def template_save(user, *, organisation_id: int | None, kind: str, sender: str, body: str,
                  signature: str, logo: bytes | None = None, logo_type: str = "",
                  remove_logo: bool = False) -> LetterTemplate:
    organisation_id = _settings_organisation(user, organisation_id)
    errors = {}
    if kind not in rules.LETTER_KINDS:
        errors["kind"] = "Kies letter1, card of letter2."
    for name, text in (("sender", sender), ("body", body), ("signature", signature)):
        if not text.strip():
            errors[name] = "Dit veld is verplicht."
        elif problems := rules.placeholder_errors(text):
            errors[name] = " ".join(problems)
    if logo is not None and (len(logo) > MAX_LOGO_BYTES
                             or logo_type not in ("image/png", "image/jpeg")):
        errors["logo"] = "Een logo is een PNG- of JPEG-bestand van hoogstens 300 kB."
    if errors:
        raise ServiceError("De sjabloon is niet geldig.", errors)
    values = {"sender": sender.strip(), "body": body.strip(), "signature": signature.strip()}
    if logo is not None:
        values.update(logo=logo, logo_type=logo_type)
    elif remove_logo:
        values.update(logo=None, logo_type="")
    template, _created = LetterTemplate.objects.update_or_create(
        organisation_id=organisation_id, kind=kind, defaults=values)
    audit.record(user, Audit.UPDATE, template, organisation_id=organisation_id,
                 changes={"kind": kind, "logo": bool(template.logo)})
    return template


@transaction.atomic
def court_session_create(user, *, organisation_id: int | None, canton: str,
                         starts_at: datetime, ends_at: datetime, place: str = "",
                         mode: str = CourtSession.Mode.PRESENT,
                         counsellor_ids: list[int] | None = None) -> CourtSession:
    organisation_id = _settings_organisation(user, organisation_id)
    counsellor_ids = list(dict.fromkeys(counsellor_ids or []))
    errors = {}
    if not Canton.objects.filter(pk=canton).exists():
        errors["canton"] = f"Onbekend kanton: {canton}."
    starts_at, ends_at = _aware(starts_at), _aware(ends_at)
    if ends_at <= starts_at:
        errors["ends_at"] = "Een zitting eindigt na het begin."
    if mode not in CourtSession.Mode.values:
        errors["mode"] = "Kies aanwezig of oproepbaar."
    members = set(get_user_model().objects.filter(
        pk__in=counsellor_ids, memberships__organisation_id=organisation_id,
    ).values_list("pk", flat=True))
    if set(counsellor_ids) - members:
        errors["counsellor_ids"] = "Kies medewerkers van de organisatie."
    if errors:
        raise ServiceError("De zitting is niet geldig.", errors)
    session = CourtSession.objects.create(organisation_id=organisation_id, canton_id=canton,
                                          starts_at=starts_at, ends_at=ends_at,
                                          place=place.strip(), mode=mode)
    session.counsellors.set(counsellor_ids)
    audit.record(user, Audit.CREATE, session, organisation_id=organisation_id,
                 changes={"canton": canton, "counsellors": counsellor_ids})
    return session


# Rent mediation ------------------------------------------------------------------------

@transaction.atomic
def mediation_open(user, case: Case, *, subject: str, landlord_kind: str, landlord_name: str,
                   protocol_partner_id: int | None = None,
                   opened_on: date | None = None) -> Mediation:
    require(user, Perm.EDIT_PERSONAL_DATA, [case.lead_organisation_id])
    errors = {}
    if subject not in Mediation.Subject.values:
        errors["subject"] = "Onbekend onderwerp."
    if landlord_kind not in LandlordKind.values:
        errors["landlord_kind"] = "Kies private verhuurder, woonmaatschappij of SVK."
    if not landlord_name.strip():
        errors["landlord_name"] = "De naam van de verhuurder is verplicht."
    if protocol_partner_id is not None and not Organisation.objects.filter(
            pk=protocol_partner_id, is_active=True).exists():
        errors["protocol_partner_id"] = "Onbekende organisatie."
    opened_on = opened_on or timezone.localdate()
    if opened_on > timezone.localdate():
        errors["opened_on"] = "De startdatum ligt in de toekomst."
    if case.status == "afgesloten":
        errors["case"] = "Het dossier is afgesloten."
    if errors:
        raise ServiceError("De bemiddeling is niet geldig.", errors)
    mediation = Mediation.objects.create(
        organisation_id=case.lead_organisation_id, case=case, municipality_id=case.municipality_id,
        subject=subject, landlord_kind=landlord_kind, landlord_name=landlord_name.strip(),
        protocol_partner_id=protocol_partner_id, opened_on=opened_on, created_by=user)
    if not case.enrolments.filter(program=Program.HUURBEMIDDELING, ended_on__isnull=True).exists():
        enrolment_add(user, case, program=Program.HUURBEMIDDELING, started_on=opened_on)
    audit.record(user, Audit.CREATE, mediation, organisation_id=case.lead_organisation_id,
                 changes={"subject": subject, "landlord_kind": landlord_kind})
    return mediation


def _require_mediator(user, mediation: Mediation) -> None:
    require(user, Perm.EDIT_PERSONAL_DATA, [mediation.organisation_id])
    if mediation.closed_on is not None:
        raise ServiceError("Deze bemiddeling is afgerond.",
                           {"mediation": "Deze bemiddeling is afgerond."})


@transaction.atomic
def mediation_meeting_add(user, mediation: Mediation, *, held_on: date, participants: str,
                          notes: str) -> MediationMeeting:
    _require_mediator(user, mediation)
    errors = {}
    if held_on > timezone.localdate():
        errors["held_on"] = "Een gesprek ligt niet in de toekomst."
    if held_on < mediation.opened_on:
        errors["held_on"] = "Het gesprek valt na de start van de bemiddeling."
    if not participants.strip():
        errors["participants"] = "Wie was er?"
    if not notes.strip():
        errors["notes"] = "Schrijf een kort verslag."
    if errors:
        raise ServiceError("Het gesprek is niet geldig.", errors)
    meeting = MediationMeeting.objects.create(mediation=mediation, held_on=held_on,
                                              participants=participants.strip(),
                                              notes=notes.strip(), recorded_by=user)
    audit.record(user, Audit.CREATE, meeting, organisation_id=mediation.organisation_id)
    return meeting


@transaction.atomic
def mediation_close(user, mediation: Mediation, *, outcome: str,
                    closed_on: date | None = None) -> Mediation:
    _require_mediator(user, mediation)
    closed_on = closed_on or timezone.localdate()
    errors = {}
    if outcome not in Mediation.Outcome.values:
        errors["outcome"] = "Kies de uitkomst."
    if closed_on > timezone.localdate() or closed_on < mediation.opened_on:
        errors["closed_on"] = "De einddatum ligt tussen de start en vandaag."
    if errors:
        raise ServiceError("De bemiddeling kan zo niet afgerond worden.", errors)
    mediation.outcome, mediation.closed_on = outcome, closed_on
    mediation.save(update_fields=["outcome", "closed_on"])
    mediation.case.enrolments.filter(program=Program.HUURBEMIDDELING,
                                     ended_on__isnull=True).update(ended_on=closed_on)
    audit.record(user, Audit.UPDATE, mediation, organisation_id=mediation.organisation_id,
                 changes={"outcome": outcome})
    return mediation
