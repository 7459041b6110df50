"""Reads of cases, scoped to what the user may see, audited, with a fixed
number of queries."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import F, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from woonloket.core import audit
from woonloket.core.access import actor_for
from woonloket.core.roles import Perm

from .models import Action, Case, CaseTheme, Contact, Evaluation, Referral


def case_list(
    user, *, municipality_nis: str | None = None, status: str | None = None,
    is_priority: bool | None = None,
) -> QuerySet[Case]:
    qs = (
        Case.objects.visible_to(user)
        .select_related("municipality", "lead_organisation", "contact_person")
        .prefetch_related(Prefetch("themes", queryset=CaseTheme.objects.order_by("theme")))
    )
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    if status:
        qs = qs.filter(status=status)
    if is_priority is not None:
        qs = qs.filter(is_priority=is_priority)
    return qs.order_by("-opened_on", "-pk")


def case_detail(user, case_id: int, *, reason: str = "") -> Case:
    """One case the user may see (else 404); the read is audited."""
    case = case_list(user).filter(pk=case_id).first()
    if case is None:
        raise Http404
    audit.record(user, audit.Action.READ, case, organisation_id=case.lead_organisation_id,
                 reason=reason)
    return case


def case_contacts(user, case: Case) -> QuerySet[Contact]:
    """The contacts of a case; a partner that sees the case through a share sees
    them only with consent for 'contacts', and never the confidential ones."""
    qs = Contact.objects.visible_to(user, section="contacts").filter(case=case)
    if not user.is_superuser and not user.memberships.filter(
        organisation_id=case.lead_organisation_id
    ).exists():
        qs = qs.filter(is_confidential=False)
    return qs.select_related("staff").order_by("-at")


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    kind: str
    title: str
    text: str = ""
    url: str = ""


# Other apps add what they keep on a case (letters, petitions, stays): each
# source is `fn(user, case) -> list[TimelineItem]` with a fixed number of queries.
TIMELINE_SOURCES: list[Callable[[Any, Case], list[TimelineItem]]] = []


def register_timeline_source(fn: Callable[[Any, Case], list[TimelineItem]]):
    TIMELINE_SOURCES.append(fn)
    return fn


@dataclass(frozen=True)
class CaseLink:
    """A page of another app about this case (the woningzoektocht, a mediation)."""

    label: Any
    url_name: str
    query: str = ""
    for_viewers: bool = False  # shown to who may see the case, not only to its editors

    def url(self, case: Case) -> str:
        from django.urls import reverse

        if self.query:
            return f"{reverse(self.url_name)}?{self.query}={case.pk}"
        return reverse(self.url_name, args=[case.pk])


CASE_LINKS: list[CaseLink] = []

# Other apps add what a staff member has to do to "Mijn werk": (template, fn(user) -> context)
MY_WORK_PANELS: list[tuple[str, Callable[[Any], dict]]] = []


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def case_timeline(user, case: Case) -> list[TimelineItem]:
    """Contacts, actions, evaluations, referrals and enrolments, newest first
    (one query per kind, whatever the length of the case)."""
    items = [
        TimelineItem(c.at, "contact", f"{c.get_channel_display()} ({c.minutes} min)",
                     "vertrouwelijk" if c.is_confidential and c.staff_id != user.pk
                     and not _is_lead(user, case) else c.summary)
        for c in case_contacts(user, case)
    ]
    items += [
        TimelineItem(a.created_at, "actie", a.description,
                     f"{a.get_who_display()} – {a.get_state_display()}"
                     + (f", tegen {a.due_on:%d-%m-%Y}" if a.due_on else ""))
        for a in Action.objects.filter(goal__plan__case=case)
    ]
    items += [
        TimelineItem(_start_of(e.held_on), "evaluatie", "Evaluatie", e.notes)
        for e in Evaluation.objects.filter(plan__case=case)
    ]
    items += [
        TimelineItem(r.created_at, "doorverwijzing",
                     f"Doorverwezen naar {r.to_organisation.name}",
                     f"{r.get_status_display()}: {r.reason}")
        for r in case.referrals.select_related("to_organisation")
    ]
    items += [
        TimelineItem(_start_of(e.started_on), "traject", f"Traject {e.get_program_display()}",
                     f"tot {e.ended_on:%d-%m-%Y}" if e.ended_on else "lopend")
        for e in case.enrolments.all()
    ]
    for source in TIMELINE_SOURCES:
        items += source(user, case)
    return sorted(items, key=lambda item: item.at, reverse=True)


def _is_lead(user, case: Case) -> bool:
    return user.is_superuser or case.lead_organisation_id in actor_for(user).organisation_ids


MY_WORK_CASES = 15


@dataclass
class MyWork:
    case_count: int
    cases: list[Case]
    actions_due: list[Action]
    evaluations_due: list[Case]
    referrals_waiting: list[Referral]


def my_work(user, *, horizon_days: int = 14) -> MyWork:
    """What a counsellor has to do: open cases, actions and evaluations due
    within the horizon (or overdue), referrals waiting for their organisation."""
    until = timezone.localdate() + timedelta(days=horizon_days)
    mine = case_list(user).filter(contact_person=user).exclude(status="afgesloten")
    actor = actor_for(user)
    return MyWork(
        case_count=mine.count(),
        cases=list(mine[:MY_WORK_CASES]),
        actions_due=list(
            Action.objects.filter(goal__plan__case__in=Case.objects.visible_to(user),
                                  staff=user, state__in=["open", "bezig"], due_on__lte=until)
            .select_related("goal__plan__case").order_by("due_on")[:50]
        ),
        evaluations_due=list(
            mine.filter(action_plan__next_evaluation_on__lte=until)
            .annotate(next_evaluation=F("action_plan__next_evaluation_on"))
            .order_by("next_evaluation")[:50]
        ),
        referrals_waiting=list(
            Referral.objects.filter(to_organisation_id__in=actor.organisations_with(
                Perm.EDIT_PERSONAL_DATA), status=Referral.Status.VERSTUURD)
            .select_related("case", "from_organisation").order_by("created_at")[:50]
        ),
    )


def action_plan(case: Case):
    """The plan with its goals, actions and evaluations (4 queries), or None."""
    from .models import ActionPlan, Goal

    return (
        ActionPlan.objects.filter(case=case)
        .prefetch_related(
            Prefetch("goals", queryset=Goal.objects.prefetch_related(
                Prefetch("actions", queryset=Action.objects.select_related("staff", "partner"))
            )),
            "evaluations",
        )
        .first()
    )
