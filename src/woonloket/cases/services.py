"""Every write of case management: one function per use case, in a
transaction, with its permission check and audit entry."""

from __future__ import annotations

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from woonloket.clients.models import Household
from woonloket.core import audit
from woonloket.core.access import acting_organisation, get_visible_or_404, require
from woonloket.core.errors import ServiceError
from woonloket.core.models import Municipality, Organisation, Share
from woonloket.core.roles import Perm

from . import rules
from .models import (
    LIFE_DOMAINS,
    Action,
    ActionPlan,
    Case,
    CaseTheme,
    Consent,
    Contact,
    Enrolment,
    Evaluation,
    Goal,
    Intake,
    Program,
    Referral,
    Source,
    Theme,
)

Audit = audit.Action


@transaction.atomic
def case_open(
    user, *, household_id: int, municipality_nis: str, themes: list[str], source: str,
    lead_organisation_id: int | None = None, contact_person_id: int | None = None,
) -> Case:
    organisation_id = acting_organisation(
        user, Perm.EDIT_PERSONAL_DATA, lead_organisation_id, "lead_organisation_id"
    )
    household = Household.objects.visible_to(user).filter(pk=household_id).first()
    return case_open_for(user, organisation_id, household, municipality_nis=municipality_nis,
                         themes=themes, source=source, contact_person_id=contact_person_id)


@transaction.atomic
def case_open_for(
    user, organisation_id: int, household: Household | None, *, municipality_nis: str,
    themes: list[str], source: str, contact_person_id: int | None = None,
) -> Case:
    """Open a case led by `organisation_id` on behalf of another use case that has
    checked its own permission (a crisis-network booking opens the case for the
    ambulant service)."""
    errors = {}
    if household is None:
        errors["household_id"] = "Onbekend gezin."
    if not Municipality.objects.filter(nis_code=municipality_nis).exists():
        errors["municipality_nis"] = f"Onbekende NIS-code: {municipality_nis}."
    unknown = [t for t in themes if t not in Theme.values]
    if unknown or not themes:
        errors["themes"] = (f"Onbekend thema: {', '.join(unknown)}." if unknown
                            else "Kies minstens één thema.")
    if source not in Source.values:
        errors["source"] = "Onbekende bron."
    if contact_person_id is not None and not get_user_model().objects.filter(
        pk=contact_person_id, memberships__organisation_id=organisation_id
    ).exists():
        errors["contact_person_id"] = "De contactpersoon werkt niet voor deze organisatie."
    if errors:
        raise ServiceError("Het dossier is niet geldig.", errors)
    if contact_person_id is None and _is_member(user, organisation_id):
        contact_person_id = user.pk  # whoever opens the case follows it up, unless named
    case = Case.objects.create(
        household=household, lead_organisation_id=organisation_id,
        municipality_id=municipality_nis, source=source, opened_on=timezone.localdate(),
        contact_person_id=contact_person_id,
    )
    CaseTheme.objects.bulk_create([CaseTheme(case=case, theme=t) for t in dict.fromkeys(themes)])
    if household.organisation_id != organisation_id:
        # the organisation that follows the case up sees the household from now on
        Share.objects.create(
            content_type=ContentType.objects.get_for_model(Household), object_id=household.pk,
            organisation_id=organisation_id, section="dossier", basis=f"dossier #{case.pk}",
            valid_from=case.opened_on, created_by=user,
        )
    audit.record(user, Audit.CREATE, case, organisation_id=organisation_id,
                 changes={"themes": sorted(set(themes)), "source": source})
    return case


def _is_member(user, organisation_id: int) -> bool:
    return user.memberships.filter(organisation_id=organisation_id).exists()


def _refresh_priority(case: Case) -> None:
    days = [
        timezone.localtime(at).date()
        for at, channel in case.contacts.values_list("at", "channel")
        if channel != Contact.Channel.OVERLEG
    ]
    result = rules.priority(days, case.priority_assessed_on, case.priority_assessment)
    case.contact_count = len(days)
    case.is_priority, case.priority_reason, case.priority_since = (
        result.is_priority, result.reason, result.since
    )
    case.save(update_fields=["contact_count", "is_priority", "priority_reason", "priority_since"])


@transaction.atomic
def contact_register(
    user, case: Case, *, at: datetime, channel: str, minutes: int, summary: str,
    is_confidential: bool = False,
) -> Contact:
    require(user, Perm.EDIT_PERSONAL_DATA, [case.lead_organisation_id])
    errors = {}
    if channel not in Contact.Channel.values:
        errors["channel"] = "Onbekend kanaal."
    if minutes < 0 or minutes > 24 * 60:
        errors["minutes"] = "De duur ligt tussen 0 en 1440 minuten."
    if not summary.strip():
        errors["summary"] = "Schrijf een korte samenvatting."
    if timezone.is_naive(at):
        at = timezone.make_aware(at)
    if at > timezone.now() + timezone.timedelta(minutes=5):
        errors["at"] = "Een contact ligt niet in de toekomst."
    if case.status == "afgesloten":
        errors["case"] = "Het dossier is afgesloten."
    if errors:
        raise ServiceError("Het contact is niet geldig.", errors)
    contact = Contact.objects.create(
        case=case, at=at, channel=channel, staff=user, minutes=minutes,
        summary=summary.strip(), is_confidential=is_confidential,
    )
    if case.status == "aangemeld":
        case.status = "intake"
        case.save(update_fields=["status"])
    _refresh_priority(case)
    audit.record(user, Audit.CREATE, contact, organisation_id=case.lead_organisation_id,
                 changes={"case": case.pk, "channel": channel})
    return contact


@transaction.atomic
def referral_create(
    user, case: Case, *, to_organisation_id: int, reason: str, purpose: str,
    scope: list[str], expires_on: date,
) -> Referral:
    """Refer the case to another organisation, with the client's consent; the
    consent opens exactly its scope to that organisation until it expires."""
    require(user, Perm.EDIT_PERSONAL_DATA, [case.lead_organisation_id])
    today = timezone.localdate()
    errors = {}
    to = Organisation.objects.filter(pk=to_organisation_id, is_active=True).first()
    if to is None:
        errors["to_organisation_id"] = "Onbekende organisatie."
    elif to.pk == case.lead_organisation_id:
        errors["to_organisation_id"] = "Verwijs door naar een andere organisatie."
    if not reason.strip():
        errors["reason"] = "Geef de reden van de doorverwijzing."
    if not purpose.strip():
        errors["consent.purpose"] = "Het doel van de toestemming is verplicht."
    unknown = [s for s in scope if s not in Consent.Scope.values]
    if unknown or not scope:
        errors["consent.scope"] = (f"Onbekend onderdeel: {', '.join(unknown)}." if unknown
                                   else "Kies wat gedeeld wordt.")
    if expires_on < today:
        errors["consent.expires_on"] = "De vervaldatum ligt in het verleden."
    if errors:
        raise ServiceError("De doorverwijzing is niet geldig.", errors)
    consent = Consent.objects.create(
        case=case, organisation=to, purpose=purpose.strip(), scope=sorted(set(scope)),
        given_on=today, expires_on=expires_on, recorded_by=user,
    )
    Share.objects.bulk_create([
        Share(content_type=ContentType.objects.get_for_model(model), object_id=obj_id,
              organisation=to, section=section, basis=f"toestemming #{consent.pk}",
              valid_from=today, valid_until=expires_on, created_by=user)
        for section in consent.scope
        for model, obj_id in ((Case, case.pk), (Household, case.household_id))
    ])
    referral = Referral.objects.create(
        case=case, from_organisation_id=case.lead_organisation_id, to_organisation=to,
        reason=reason.strip(), consent=consent, created_by=user,
    )
    audit.record(user, Audit.CREATE, referral, organisation_id=case.lead_organisation_id,
                 changes={"to": to.pk, "scope": consent.scope,
                          "expires_on": expires_on.isoformat()})
    return referral


TRANSITIONS = {
    # status -> {new status: who may set it ("to" = receiving, "from" = sending organisation)}
    Referral.Status.VERSTUURD: {Referral.Status.AANVAARD: "to", Referral.Status.GEWEIGERD: "to"},
    Referral.Status.AANVAARD: {Referral.Status.AFGEROND: "both"},
}


@transaction.atomic
def referral_set_status(user, referral_id: int, status: str) -> Referral:
    referral = get_visible_or_404(Referral.objects.select_for_update(), user, pk=referral_id)
    allowed = TRANSITIONS.get(referral.status, {})
    if status not in Referral.Status.values:
        raise ServiceError("Onbekende status.", {"status": "Onbekende status."})
    if status not in allowed:
        raise ServiceError(
            f"Een doorverwijzing met status '{referral.get_status_display()}' kan niet naar "
            f"'{Referral.Status(status).label}'.", {"status": "Deze overgang kan niet."},
        )
    side = allowed[status]
    orgs = [referral.to_organisation_id] if side == "to" else [
        referral.to_organisation_id, referral.from_organisation_id]
    require(user, Perm.EDIT_PERSONAL_DATA, orgs)
    before = referral.status
    referral.status = status
    referral.save(update_fields=["status", "updated_at"])
    audit.record(user, Audit.UPDATE, referral, organisation_id=referral.from_organisation_id,
                 changes={"status": [before, status]})
    return referral


def _require_case_editor(user, case: Case) -> None:
    require(user, Perm.EDIT_PERSONAL_DATA, [case.lead_organisation_id])
    if case.status == "afgesloten":
        raise ServiceError("Het dossier is afgesloten.", {"case": "Het dossier is afgesloten."})


@transaction.atomic
def intake_record(user, case: Case, *, housing_situation: str, question_behind: str,
                  urgency: str, scores: dict[str, int]) -> Intake:
    """Record (or redo) the intake; the case moves on to 'lopend'."""
    _require_case_editor(user, case)
    errors = {d: "Kies een score van 1 tot 5." for d in LIFE_DOMAINS
              if scores.get(d) not in range(1, 6)}
    if urgency not in Intake.Urgency.values:
        errors["urgency"] = "Onbekende urgentie."
    if not housing_situation.strip():
        errors["housing_situation"] = "Beschrijf de woonsituatie."
    if errors:
        raise ServiceError("De intake is niet volledig.", errors)
    intake, created = Intake.objects.update_or_create(case=case, defaults={
        "housing_situation": housing_situation.strip(), "question_behind": question_behind,
        "urgency": urgency, "recorded_by": user, "recorded_on": timezone.localdate(),
        **{d: scores[d] for d in LIFE_DOMAINS},
    })
    if case.status in ("aangemeld", "intake"):
        case.status = "lopend"
        case.save(update_fields=["status"])
    audit.record(user, Audit.CREATE if created else Audit.UPDATE, intake,
                 organisation_id=case.lead_organisation_id,
                 changes={"urgency": urgency, **{d: scores[d] for d in LIFE_DOMAINS}})
    return intake


@transaction.atomic
def priority_assess(user, case: Case, *, severe_housing_problem: bool, other_problems: str,
                    limited_self_reliance: bool) -> Case:
    """The counsellor's assessment: priority when the housing problem is severe
    and there are other problems or limited self-reliance."""
    _require_case_editor(user, case)
    if severe_housing_problem and (other_problems.strip() or limited_self_reliance):
        parts = ["ernstig woonprobleem"]
        if other_problems.strip():
            parts.append(f"andere problemen: {other_problems.strip()}")
        if limited_self_reliance:
            parts.append("beperkte zelfredzaamheid")
        case.priority_assessed_on = timezone.localdate()
        case.priority_assessment = "; ".join(parts)[:300]
    else:
        case.priority_assessed_on, case.priority_assessment = None, ""
    case.save(update_fields=["priority_assessed_on", "priority_assessment"])
    _refresh_priority(case)
    audit.record(user, Audit.UPDATE, case, organisation_id=case.lead_organisation_id,
                 reason="inschatting prioritaire doelgroep",
                 changes={"assessment": case.priority_assessment})
    return case


@transaction.atomic
def enrolment_add(user, case: Case, *, program: str, started_on: date) -> Enrolment:
    _require_case_editor(user, case)
    if program not in Program.values:
        raise ServiceError("Onbekend traject.", {"program": "Onbekend traject."})
    if case.enrolments.filter(program=program, ended_on__isnull=True).exists():
        raise ServiceError("Dit traject loopt al.", {"program": "Dit traject loopt al."})
    enrolment = Enrolment.objects.create(case=case, program=program, started_on=started_on)
    audit.record(user, Audit.CREATE, enrolment, organisation_id=case.lead_organisation_id,
                 changes={"program": program})
    return enrolment


def _plan(case: Case) -> ActionPlan:
    return ActionPlan.objects.get_or_create(case=case)[0]


@transaction.atomic
def goal_add(user, case: Case, *, description: str) -> Goal:
    _require_case_editor(user, case)
    if not description.strip():
        raise ServiceError("Beschrijf het doel.", {"description": "Beschrijf het doel."})
    goal = Goal.objects.create(plan=_plan(case), description=description.strip())
    audit.record(user, Audit.CREATE, goal, organisation_id=case.lead_organisation_id)
    return goal


@transaction.atomic
def action_add(user, goal: Goal, *, description: str, who: str, due_on: date | None,
               staff_id: int | None = None, partner_id: int | None = None) -> Action:
    case = goal.plan.case
    _require_case_editor(user, case)
    errors = {}
    if not description.strip():
        errors["description"] = "Beschrijf de actie."
    if who not in Action.Who.values:
        errors["who"] = "Kies wie de actie uitvoert."
    if who == Action.Who.STAFF and staff_id is None:
        staff_id = user.pk
    if who == Action.Who.PARTNER and not Organisation.objects.filter(pk=partner_id).exists():
        errors["partner"] = "Kies de partnerorganisatie."
    if errors:
        raise ServiceError("De actie is niet geldig.", errors)
    action = Action.objects.create(
        goal=goal, description=description.strip(), who=who, due_on=due_on,
        staff_id=staff_id if who == Action.Who.STAFF else None,
        partner_id=partner_id if who == Action.Who.PARTNER else None,
    )
    audit.record(user, Audit.CREATE, action,
                 organisation_id=case.lead_organisation_id)
    return action


@transaction.atomic
def action_set_state(user, action: Action, state: str) -> Action:
    case = action.goal.plan.case
    _require_case_editor(user, case)
    if state not in Action.State.values:
        raise ServiceError("Onbekende status.", {"state": "Onbekende status."})
    before, action.state = action.state, state
    action.save(update_fields=["state"])
    audit.record(user, Audit.UPDATE, action, organisation_id=case.lead_organisation_id,
                 changes={"state": [before, state]})
    return action


@transaction.atomic
def evaluation_add(user, case: Case, *, held_on: date, notes: str,
                   next_on: date | None) -> Evaluation:
    _require_case_editor(user, case)
    errors = {}
    if not notes.strip():
        errors["notes"] = "Schrijf een kort verslag."
    if held_on > timezone.localdate():
        errors["held_on"] = "Een evaluatie ligt niet in de toekomst."
    if next_on is not None and next_on <= held_on:
        errors["next_on"] = "De volgende evaluatie komt na deze."
    if errors:
        raise ServiceError("De evaluatie is niet geldig.", errors)
    plan = _plan(case)
    evaluation = Evaluation.objects.create(plan=plan, held_on=held_on, notes=notes.strip(),
                                           next_on=next_on, recorded_by=user)
    latest = plan.evaluations.order_by("-held_on", "-pk").first()
    plan.next_evaluation_on = latest.next_on
    plan.save(update_fields=["next_evaluation_on"])
    audit.record(user, Audit.CREATE, evaluation, organisation_id=case.lead_organisation_id)
    return evaluation


@transaction.atomic
def case_close(user, case: Case, *, reason: str, result: str) -> Case:
    _require_case_editor(user, case)
    if not reason.strip():
        raise ServiceError("Geef de reden van afsluiten.",
                           {"closure_reason": "Geef de reden van afsluiten."})
    today = timezone.localdate()
    case.status, case.closed_on = "afgesloten", today
    case.closure_reason, case.result = reason.strip()[:200], result.strip()[:200]
    case.save(update_fields=["status", "closed_on", "closure_reason", "result"])
    case.enrolments.filter(ended_on__isnull=True).update(ended_on=today)
    audit.record(user, Audit.UPDATE, case, organisation_id=case.lead_organisation_id,
                 changes={"status": "afgesloten", "closure_reason": case.closure_reason})
    return case
