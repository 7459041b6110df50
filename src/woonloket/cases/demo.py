"""Synthetic households, cases and contacts for the demo and the benchmarks.

Volumes per scale: small 300 households, region 20 000, flanders 250 000
(about eleven contacts per case: 2.7 million contacts). Bulk inserts
in chunks; names come from Faker nl_BE pools, so the output is deterministic.
"""

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from woonloket.clients.models import Household, Income, Person, Tenure
from woonloket.clients.rules import search_key
from woonloket.core.models import Membership, Organisation
from woonloket.core.roles import Role
from woonloket.core.seeding import SeedContext, seeder

from .models import Case, CaseTheme, Contact, Source, Theme
from .rules import priority

HOUSEHOLDS = {"small": 300, "region": 20_000, "flanders": 250_000}
CHUNK = 5_000
TODAY = date(2026, 11, 1)  # fixed, so that every run makes the same data


def _pools(ctx: SeedContext):
    firsts = sorted({ctx.faker.first_name() for _ in range(600)})
    lasts = sorted({ctx.faker.last_name() for _ in range(900)})
    streets = sorted({ctx.faker.street_name() for _ in range(300)})
    return firsts, lasts, streets


def _counsellors() -> dict[int, list[int]]:
    """Woonbegeleiders per woondienst (the demo counsellor first)."""
    by_org: dict[int, list[int]] = {}
    rows = (Membership.objects.filter(role=Role.WOONBEGELEIDER,
                                      organisation__kind=Organisation.Kind.WOONDIENST)
            .order_by("user_id")
            .values_list("organisation_id", "user_id"))
    demo = get_user_model().objects.filter(username="demo-woonbegeleider").values_list(
        "pk", flat=True).first()
    for org, user in rows:
        by_org.setdefault(org, [])
        if user == demo:
            by_org[org].insert(0, user)
        else:
            by_org[org].append(user)
    return by_org


@seeder("cases.households_and_cases")
def seed_cases(ctx: SeedContext) -> None:
    rng = ctx.rng
    firsts, lasts, streets = _pools(ctx)
    counsellors = _counsellors()
    ctx.shared["staff"] = get_user_model().objects.get(username="demo-woonbegeleider").pk
    service_of = dict(Organisation.municipalities.through.objects.filter(
        organisation__kind=Organisation.Kind.WOONDIENST,
        municipality__in=ctx.municipalities).values_list("municipality_id", "organisation_id"))
    nis_codes = [m.nis_code for m in ctx.municipalities if m.nis_code in service_of]
    if not nis_codes:
        return
    total = HOUSEHOLDS[ctx.scale]
    tenures = [t for t, _ in Tenure.choices]
    themes = [t for t, _ in Theme.choices]
    sources = [s for s, _ in Source.choices]
    channels = ["loket", "telefoon", "huisbezoek", "email", "zitting_vredegerecht", "overleg"]
    done = 0
    while done < total:
        n = min(CHUNK, total - done)
        households = [
            Household(organisation_id=service_of[nis], municipality_id=nis,
                      tenure=rng.choice(tenures), street=rng.choice(streets),
                      number=str(rng.randint(1, 180)), postal_code="8870")
            for nis in (rng.choice(nis_codes) for _ in range(n))
        ]
        Household.objects.bulk_create(households, batch_size=1000)
        people, incomes, cases = [], [], []
        for h in households:
            last = rng.choice(lasts)
            born = date(1950, 1, 1) + timedelta(days=rng.randint(0, 365 * 55))
            size = rng.choice([1, 1, 2, 3, 4])
            for i in range(size):
                first = rng.choice(firsts)
                relation = "self" if i == 0 else ("partner" if i == 1 else "child")
                birth = born if i == 0 else born + timedelta(days=rng.randint(-2000, 9000))
                people.append(Person(household=h, organisation_id=h.organisation_id,
                                     relation=relation, first_name=first,
                                     last_name=last, birth_date=min(birth, TODAY),
                                     is_dependant=relation == "child",
                                     search_key=search_key(first, last)))
            incomes.append(Income(household=h, source="other",
                                  monthly_eur=rng.randint(900, 3200)))
            org = h.organisation_id
            opened = TODAY - timedelta(days=rng.randint(0, 3 * 365))
            staff = counsellors.get(org) or [None]
            cases.append(Case(household=h, lead_organisation_id=org,
                              municipality_id=h.municipality_id, source=rng.choice(sources),
                              contact_person_id=rng.choice(staff), opened_on=opened))
        Person.objects.bulk_create(people, batch_size=2000)
        Income.objects.bulk_create(incomes, batch_size=2000)
        _fill_cases(ctx, cases, themes, channels)
        done += n
    ctx.out(f"  {total} gezinnen met dossiers en contacten")


def _fill_cases(ctx: SeedContext, cases: list[Case], themes, channels) -> None:
    rng = ctx.rng
    contacts, case_themes = [], []
    for case in cases:
        span = max(1, (TODAY - case.opened_on).days)
        count = min(rng.choice([0, 1, 2, 3, 5, 8, 12, 20, 30, 40]), span)
        days = sorted(case.opened_on + timedelta(days=rng.randint(0, span)) for _ in range(count))
        visits = [(d, rng.choice(channels)) for d in days]
        client_days = [d for d, ch in visits if ch != "overleg"]
        result = priority(client_days)
        case.is_priority, case.priority_reason, case.priority_since = (
            result.is_priority, result.reason, result.since)
        case.contact_count = len(client_days)
        case.status = ("lopend" if count >= 2 else "intake" if count else "aangemeld")
        if count and rng.random() < 0.3:
            case.status, case.closed_on = "afgesloten", days[-1]
            case.closure_reason = "Woonvraag beantwoord"
        case._visits = visits
    Case.objects.bulk_create(cases, batch_size=2000)
    for case in cases:
        for theme in rng.sample(themes, rng.choice([1, 1, 2])):
            case_themes.append(CaseTheme(case=case, theme=theme))
        for day, channel in case._visits:
            at = timezone.make_aware(datetime(day.year, day.month, day.day,
                                              rng.randint(8, 17), rng.choice([0, 15, 30, 45])))
            contacts.append(Contact(case=case, at=at, channel=channel,
                                    staff_id=case.contact_person_id or ctx.shared["staff"],
                                    minutes=rng.choice([10, 15, 30, 45, 60]),
                                    summary="Opvolging van de woonvraag."))
    CaseTheme.objects.bulk_create(case_themes, batch_size=5000)
    Contact.objects.bulk_create(contacts, batch_size=5000)
