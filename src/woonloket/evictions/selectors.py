"""Reads of eviction prevention, scoped to what the user may see, audited
where they show personal data, with a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.http import Http404
from django.utils import timezone

from woonloket.core import audit
from woonloket.core.access import actor_for
from woonloket.core.icsfeed import Event
from woonloket.core.roles import Perm

from .models import CourtSession, Letter, Mediation, Petition, Step


def petitions(user, *, mine: bool = False, open_only: bool = True, canton: str | None = None,
              municipality_nis: str | None = None) -> QuerySet[Petition]:
    qs = (Petition.objects.visible_to(user)
          .select_related("canton", "municipality", "organisation", "case__contact_person")
          .prefetch_related(Prefetch("steps", queryset=Step.objects.visible_to(user)
                                     .order_by("position"))))
    if mine:
        qs = qs.filter(case__contact_person=user)
    if open_only:
        qs = qs.filter(closed_on__isnull=True)
    if canton:
        qs = qs.filter(canton_id=canton)
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    return qs.order_by("hearing_at", "pk")


def petition_detail(user, petition_id: int, *, reason: str = "") -> Petition:
    """One petition the user may see (else 404); the read is audited."""
    petition = petitions(user, open_only=False).filter(pk=petition_id).first()
    if petition is None:
        raise Http404
    audit.record(user, audit.Action.READ, petition, organisation_id=petition.organisation_id,
                 reason=reason)
    return petition


def can_edit(user, petition: Petition) -> bool:
    return actor_for(user).can(Perm.EDIT_PERSONAL_DATA, petition.organisation_id)


@dataclass(frozen=True)
class BoardRow:
    petition: Petition
    current: Step | None
    days_left: int
    overdue: list[Step]

    @property
    def after_steps(self) -> str:
        """What is left once every step is settled: the ruling, then the follow-up."""
        if not self.petition.outcome:
            return "Uitspraak noteren"
        return f"Opvolging na uitspraak: {self.petition.get_outcome_display().lower()}"


def board_rows(user, page: list[Petition], today: date | None = None) -> list[BoardRow]:
    """For each petition on the page: the first open step, the days left until
    the hearing and the open steps past their due date (no extra queries)."""
    today = today or timezone.localdate()
    rows = []
    for petition in page:
        open_steps = [s for s in petition.steps.all() if s.status == Step.Status.OPEN]
        hearing_on = timezone.localtime(petition.hearing_at).date()
        rows.append(BoardRow(petition, open_steps[0] if open_steps else None,
                             (hearing_on - today).days,
                             [s for s in open_steps if s.due_on < today]))
    return rows


def ocmw_inbox(user) -> QuerySet[Petition]:
    """Petitions the user's OCMW was informed of and has not yet marked as seen."""
    orgs = actor_for(user).organisations_with(Perm.VIEW_PERSONAL_DATA)
    return (Petition.objects.visible_to(user).filter(ocmw_id__in=orgs, ocmw_seen_on__isnull=True)
            .select_related("municipality", "canton", "organisation").order_by("hearing_at"))


def letters_of(user, petition: Petition) -> QuerySet[Letter]:
    return (Letter.objects.visible_to(user).filter(petition=petition).defer("pdf")
            .select_related("created_by"))


def letter_pdf(user, petition: Petition, letter_id: int) -> Letter:
    letter = Letter.objects.visible_to(user).filter(petition=petition, pk=letter_id).first()
    if letter is None:
        raise Http404
    audit.record(user, audit.Action.EXPORT, letter, organisation_id=petition.organisation_id,
                 reason="brief ingezien")
    return letter


def court_sessions(user, *, canton: str | None = None, since: date | None = None):
    """Court sessions of the user's organisations (all for a platform admin)."""
    actor = actor_for(user)
    qs = CourtSession.objects.select_related("canton").prefetch_related("counsellors")
    if not actor.is_platform_admin:
        qs = qs.filter(organisation_id__in=actor.organisation_ids)
    if canton:
        qs = qs.filter(canton_id=canton)
    if since:
        qs = qs.filter(ends_at__gte=timezone.make_aware(datetime.combine(since, time.min)))
    return qs.order_by("starts_at")


def hearings_by_session(user, sessions: list[CourtSession]) -> dict[int, list[Petition]]:
    """The open petitions heard at each session (same canton, same day)."""
    if not sessions:
        return {}
    days = {(s.canton_id, timezone.localtime(s.starts_at).date()) for s in sessions}
    first = min(d for _c, d in days)
    last = max(d for _c, d in days) + timedelta(days=1)
    found = (Petition.objects.visible_to(user)
             .filter(canton_id__in={c for c, _d in days},
                     hearing_at__gte=timezone.make_aware(datetime.combine(first, time.min)),
                     hearing_at__lt=timezone.make_aware(datetime.combine(last, time.min)))
             .select_related("case__contact_person").order_by("hearing_at"))
    by_key: dict[tuple[str, date], list[Petition]] = {}
    for petition in found:
        key = (petition.canton_id, timezone.localtime(petition.hearing_at).date())
        by_key.setdefault(key, []).append(petition)
    return {s.pk: by_key.get((s.canton_id, timezone.localtime(s.starts_at).date()), [])
            for s in sessions}


# Calendar feeds ------------------------------------------------------------------------

def _hearing_event(p: Petition) -> Event:
    # No names in a calendar feed: calendars are synchronised to phones and
    # third-party services; the case number leads back to the dossier.
    return Event(f"hearing-{p.pk}@woonloket", p.hearing_at, p.hearing_at + timedelta(hours=1),
                 f"Zitting vredegerecht {p.canton.seat} – dossier {p.case_id}",
                 f"Rolnummer {p.roll_number}", f"Vredegerecht {p.canton.seat}")


def _visit_event(s: Step, minutes: int = 60) -> Event:
    return Event(f"visit-{s.pk}@woonloket", s.planned_at,
                 s.planned_at + timedelta(minutes=minutes),
                 f"Huisbezoek uithuiszetting – dossier {s.petition.case_id}",
                 f"Zitting op {timezone.localtime(s.petition.hearing_at):%d/%m/%Y %H:%M}",
                 s.petition.municipality.name)


def _session_event(s: CourtSession) -> Event:
    mode = "oproepbaar" if s.mode == CourtSession.Mode.ON_CALL else "aanwezig"
    return Event(f"session-{s.pk}@woonloket", s.starts_at, s.ends_at,
                 f"Zitting vredegerecht {s.canton.seat} ({mode})", "", s.place)


FEED_DAYS_BACK = 60


def counsellor_events(user) -> list[Event]:
    """Hearings of the user's petitions, their planned visits and their court duties."""
    since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
    mine = (Petition.objects.visible_to(user).filter(case__contact_person=user,
                                                     hearing_at__gte=since)
            .select_related("canton"))
    visits = (Step.objects.visible_to(user)
              .filter(kind="home_visit", status=Step.Status.OPEN, planned_at__gte=since,
                      petition__case__contact_person=user)
              .select_related("petition__municipality"))
    duties = CourtSession.objects.filter(counsellors=user, ends_at__gte=since).select_related(
        "canton")
    return ([_hearing_event(p) for p in mine] + [_visit_event(s) for s in visits]
            + [_session_event(s) for s in duties])


def canton_events(user, canton: str) -> list[Event]:
    """Court sessions and the hearings (that the user may see) of one canton."""
    since = timezone.now() - timedelta(days=FEED_DAYS_BACK)
    hearings = (Petition.objects.visible_to(user).filter(canton_id=canton, hearing_at__gte=since)
                .select_related("canton"))
    sessions = court_sessions(user, canton=canton).filter(ends_at__gte=since)
    return [_hearing_event(p) for p in hearings] + [_session_event(s) for s in sessions]


# Figures -----------------------------------------------------------------------------

GROUPS = {"canton": "canton__name", "municipality": "municipality__name", "month": "month"}


def petition_figures(user, *, year: int, group: str = "municipality") -> list[dict]:
    """Per canton, municipality or month of receipt: petitions, reached (contact
    established), with intake, hearings attended, each outcome and evictions
    carried out (one query)."""
    outcomes = {f"outcome_{code}": Count("pk", filter=Q(outcome=code))
                for code in Petition.Outcome.values}
    rows = (Petition.objects.visible_to(user)
            .filter(received_on__gte=date(year, 1, 1), received_on__lt=date(year + 1, 1, 1))
            .annotate(month=TruncMonth("received_on")).values(GROUPS[group])
            .annotate(petitions=Count("pk"),
                      reached_n=Count("pk", filter=Q(reached_on__isnull=False)),
                      intake_n=Count("pk", filter=Q(intake_on__isnull=False)),
                      attended_n=Count("pk", filter=Q(hearing_attended=True)),
                      evicted=Count("pk", filter=Q(evicted_on__isnull=False)), **outcomes)
            .order_by(GROUPS[group]))
    return [{**row, "label": row[GROUPS[group]],
             "outcome_counts": [row[f"outcome_{c}"] for c in Petition.Outcome.values],
             "reached_share": _share(row["reached_n"], row["petitions"]),
             "intake_share": _share(row["intake_n"], row["petitions"])} for row in rows]


def mediation_figures(user, *, year: int, group: str = "municipality") -> list[dict]:
    """Per municipality or month of opening: mediations, still open, each
    outcome (a mediation has no canton: by canton it counts per municipality)."""
    key = "month" if group == "month" else "municipality__name"
    outcomes = {f"outcome_{code}": Count("pk", filter=Q(outcome=code))
                for code in Mediation.Outcome.values}
    rows = (Mediation.objects.visible_to(user).filter(opened_on__year=year)
            .annotate(month=TruncMonth("opened_on")).values(key)
            .annotate(mediations=Count("pk"), open_n=Count("pk", filter=Q(closed_on__isnull=True)),
                      **outcomes).order_by(key))
    return [{**row, "label": row[key],
             "outcome_counts": [row[f"outcome_{c}"] for c in Mediation.Outcome.values]}
            for row in rows]


def _share(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


def mediations(user, *, open_only: bool = False) -> QuerySet[Mediation]:
    qs = (Mediation.objects.visible_to(user)
          .select_related("municipality", "case", "protocol_partner")
          .annotate(meeting_count=Count("meetings")))
    if open_only:
        qs = qs.filter(closed_on__isnull=True)
    return qs.order_by("-opened_on", "-pk")


def mediation_detail(user, mediation_id: int) -> Mediation:
    mediation = mediations(user).filter(pk=mediation_id).first()
    if mediation is None:
        raise Http404
    audit.record(user, audit.Action.READ, mediation, organisation_id=mediation.organisation_id)
    return mediation
