"""Demo and benchmark data of eviction prevention: petitions on existing
cases with their outreach steps at every stage, hearing outcomes, court
sessions with counsellors on duty, and rent mediations.

Volumes: small 60 petitions over a year, region 2 000, flanders 50 000 over
five years (about the yearly number of eviction petitions in Flanders, order
of magnitude; synthetic, not a statistic). Bulk inserts, no audit entries.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from woonloket.cases.demo import TODAY
from woonloket.cases.models import Case, Enrolment, Program
from woonloket.clients.models import Person
from woonloket.core.models import MunicipalityCanton, Organisation
from woonloket.core.seeding import SeedContext, seeder
from woonloket.housing.models import Destination

from . import rules
from .models import Assignment, CourtSession, Mediation, MediationMeeting, Petition, Step

PETITIONS = {"small": 60, "region": 2_000, "flanders": 50_000}
YEARS = {"small": 1, "region": 2, "flanders": 5}
CHUNK = 5_000
LANDLORDS = {"private": ["Vastgoed Mandel bv", "Immo Leie", "familie Vandenbroucke",
                         "Bouwbedrijf Deprez nv", "mevrouw Lannoo"],
             "svk": ["SVK Midwest", "SVK Zuid-West-Vlaanderen"],
             "woonmaatschappij": ["Woonmaatschappij Midwest", "Wonen Regio Kortrijk"]}


def _aware(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def _cases(limit: int) -> list[tuple]:
    """Cases led by a housing service, with the applicant's name."""
    names = dict(Person.objects.filter(relation="self").values_list("household_id", "pk"))
    people = {pk: (f, last) for pk, f, last in Person.objects.filter(
        relation="self").values_list("pk", "first_name", "last_name").iterator()}
    rows = (Case.objects.filter(lead_organisation__kind=Organisation.Kind.WOONDIENST)
            .order_by("pk").values_list("pk", "household_id", "lead_organisation_id",
                                        "municipality_id", "household__street",
                                        "household__number", "household__postal_code")[:limit])
    return [(*row, people[names[row[1]]]) for row in rows if row[1] in names]


def _step_states(ctx: SeedContext, received, hearing_on, sequence):
    """Steps done up to the seeding day: reached or not, with outcomes."""
    rng = ctx.rng
    due = rules.schedule(received, hearing_on, sequence)
    reached = rng.random() < 0.62
    home = reached and rng.random() < 0.5
    states = {}
    for kind, _delay in sequence:
        day = due[kind]
        if day > TODAY:
            states[kind] = (Step.Status.OPEN, None, "")
        elif kind == "home_visit":
            states[kind] = (Step.Status.DONE, day, "thuis" if home else "niet_thuis")
        elif kind in ("card", "letter2") and home:
            states[kind] = (Step.Status.SKIPPED, None, "")
        elif kind in ("contact", "intake"):
            ok = reached and (kind == "contact" or rng.random() < 0.8)
            states[kind] = (Step.Status.DONE, day, rules.OUTCOMES[kind][0][0]) if ok else (
                Step.Status.OPEN if day >= TODAY - timedelta(days=7) else Step.Status.SKIPPED,
                None, "")
        elif kind == "hearing":
            attended = rng.random() < 0.55
            states[kind] = (Step.Status.DONE, day, "met_huurder" if attended and reached
                            else "zonder_huurder" if attended else "niet_bijgewoond")
        else:
            states[kind] = (Step.Status.DONE, day, rules.OUTCOMES[kind][0][0])
    return due, states


@seeder("evictions.petitions")
def seed_petitions(ctx: SeedContext) -> None:
    rng = ctx.rng
    total = PETITIONS[ctx.scale]
    cases = _cases(total)
    if not cases:
        return
    cantons: dict[str, str] = {}
    for nis, canton in MunicipalityCanton.objects.order_by("canton_id").values_list(
            "municipality_id", "canton_id"):
        cantons.setdefault(nis, canton)
    ocmw = dict(Organisation.municipalities.through.objects.filter(
        organisation__kind=Organisation.Kind.OCMW).values_list("municipality_id",
                                                               "organisation_id"))
    creator = get_user_model().objects.filter(username="demo-woonbegeleider").first() or \
        get_user_model().objects.order_by("pk").first()
    sequence = list(rules.DEFAULT_SEQUENCE)
    span = 365 * YEARS[ctx.scale]
    outcomes = [Petition.Outcome.SETTLEMENT] * 4 + [Petition.Outcome.EVICTION] * 3 + [
        Petition.Outcome.POSTPONED, Petition.Outcome.WITHDRAWN, Petition.Outcome.OTHER]
    made = 0
    for start in range(0, len(cases), CHUNK):
        petitions, plans = [], []
        for i, (case_id, household, org, nis, street, number, postal, name) in enumerate(
                cases[start:start + CHUNK], start):
            if nis not in cantons:
                continue
            received = TODAY - timedelta(days=rng.randint(-20, span))
            hearing_on = received + timedelta(days=rng.randint(18, 45))
            while hearing_on.weekday() > 4:
                hearing_on += timedelta(days=1)
            kind = rng.choice(["private"] * 7 + ["svk"] * 2 + ["woonmaatschappij"])
            rent = Decimal(rng.randint(45, 110) * 10)
            p = Petition(
                organisation_id=org, ocmw_id=ocmw.get(nis), case_id=case_id,
                household_id=household, canton_id=cantons[nis], municipality_id=nis,
                roll_number=f"{received:%y}A{i + 1:06d}", received_on=min(received, TODAY),
                outreach_from=min(received, TODAY),
                hearing_at=_aware(hearing_on, rng.choice([9, 10, 11]), rng.choice([0, 30])),
                landlord_kind=kind, landlord_name=rng.choice(LANDLORDS[kind]),
                tenant_name=f"{name[0]} {name[1]}", street=street or "Marktplein",
                number=number or "1", postal_code=postal or "8870",
                arrears_eur=rent * Decimal(rng.choice([1, 2, 2, 3, 4, 5, 7])), reason=rng.choice(
                    ["arrears"] * 8 + ["nuisance", "end_of_lease"]),
                monthly_rent_eur=rent, source=rng.choice(["form", "csv", "csv"]),
                created_by=creator)
            past = hearing_on < TODAY
            if past:
                p.outcome = rng.choice(outcomes)
                p.outcome_on = hearing_on
                if p.outcome == Petition.Outcome.EVICTION and rng.random() < 0.8:
                    p.served_on = hearing_on + timedelta(days=rng.randint(5, 20))
                    if rng.random() < 0.4 and rules.earliest_eviction(p.served_on) < TODAY:
                        p.evicted_on = rules.earliest_eviction(p.served_on) + timedelta(
                            days=rng.randint(0, 30))
                if hearing_on < TODAY - timedelta(days=90):
                    p.closed_on = hearing_on + timedelta(days=rng.randint(20, 80))
                    p.housed_on = p.closed_on
                    p.housed_where = rng.choice(Destination.values)
                p.ocmw_seen_on = p.received_on + timedelta(days=2) if p.ocmw_id else None
            due, states = _step_states(ctx, p.received_on, hearing_on, sequence)
            p.reached_on, p.intake_on = states["contact"][1], states["intake"][1]
            p.hearing_attended = states["hearing"][2] in rules.HEARING_ATTENDED
            petitions.append(p)
            plans.append((due, states))
        Petition.objects.bulk_create(petitions, batch_size=2000)
        steps = []
        for p, (due, states) in zip(petitions, plans, strict=True):
            for position, (kind, delay) in enumerate(sequence):
                status, done_on, outcome = states[kind]
                if p.closed_on and status == Step.Status.OPEN:
                    status = Step.Status.SKIPPED
                steps.append(Step(
                    petition=p, kind=kind, position=position, delay_days=delay,
                    due_on=due[kind], status=status, done_on=done_on, outcome=outcome,
                    planned_at=_aware(due[kind], rng.choice([9, 10, 11, 14, 15]))
                    if kind == "home_visit" else None))
        Step.objects.bulk_create(steps, batch_size=CHUNK)
        Enrolment.objects.bulk_create([
            Enrolment(case_id=p.case_id, program=Program.UITHUISZETTING,
                      started_on=p.received_on, ended_on=p.closed_on) for p in petitions],
            batch_size=CHUNK)
        made += len(petitions)
    ctx.out(f"  {made} verzoekschriften uithuiszetting met hun stappen")


@seeder("evictions.sessions_and_mediation")
def seed_sessions_and_mediation(ctx: SeedContext) -> None:
    """Weekly court sessions of the cantons Izegem (two counsellors present)
    and Waregem (on call), the demo counsellor assigned to the municipalities
    of Woondienst Regio Izegem, and rent mediations on existing cases."""
    rng = ctx.rng
    izegem = Organisation.objects.filter(name="Woondienst Regio Izegem").first()
    counsellor = get_user_model().objects.filter(username="demo-woonbegeleider").first()
    if izegem is not None and counsellor is not None:
        colleagues = list(get_user_model().objects.filter(
            memberships__organisation=izegem, memberships__role="woonbegeleider")
            .exclude(pk=counsellor.pk).order_by("pk")[:3])
        Assignment.objects.bulk_create([
            Assignment(organisation=izegem, municipality=m, counsellor=counsellor,
                       phone="051 33 73 00") for m in izegem.municipalities.all()],
            ignore_conflicts=True)
        monday = TODAY - timedelta(days=TODAY.weekday())
        for week in range(-4, 9):
            thursday = monday + timedelta(days=7 * week + 3)
            for canton, mode, hour in (("izegem", CourtSession.Mode.PRESENT, 9),
                                       ("waregem", CourtSession.Mode.ON_CALL, 13)):
                session = CourtSession.objects.create(
                    canton_id=canton, organisation=izegem, starts_at=_aware(thursday, hour),
                    ends_at=_aware(thursday, hour + 3), mode=mode,
                    place=f"Vredegerecht {canton.title()}")
                duty = [counsellor, *colleagues[:1]] if mode == CourtSession.Mode.PRESENT \
                    else colleagues[1:2] or [counsellor]
                session.counsellors.set(duty)
    cases = list(Case.objects.filter(lead_organisation__kind=Organisation.Kind.WOONDIENST)
                 .order_by("-pk").values_list("pk", "lead_organisation_id", "municipality_id")
                 [:PETITIONS[ctx.scale] // 4])
    creator = counsellor or get_user_model().objects.order_by("pk").first()
    mediations = []
    for case_id, org, nis in cases:
        opened = TODAY - timedelta(days=rng.randint(0, 365 * YEARS[ctx.scale]))
        closed = opened + timedelta(days=rng.randint(10, 90))
        done = closed < TODAY
        kind = rng.choice(["private", "private", "svk", "woonmaatschappij"])
        mediations.append(Mediation(
            organisation_id=org, case_id=case_id, municipality_id=nis,
            subject=rng.choice(Mediation.Subject.values), landlord_kind=kind,
            landlord_name=rng.choice(LANDLORDS[kind]), opened_on=opened,
            outcome=rng.choice(Mediation.Outcome.values) if done else "",
            closed_on=closed if done else None, created_by=creator))
    Mediation.objects.bulk_create(mediations, batch_size=CHUNK)
    MediationMeeting.objects.bulk_create([
        MediationMeeting(mediation=m, held_on=min(m.opened_on + timedelta(days=7 * i), TODAY),
                         participants="huurder, verhuurder, woonbegeleider",
                         notes="Standpunten gehoord; afspraken op papier gezet.",
                         recorded_by=creator)
        for m in mediations for i in range(rng.randint(1, 3))], batch_size=CHUNK)
    ctx.out(f"  zittingen, toewijzingen en {len(mediations)} huurbemiddelingen")
