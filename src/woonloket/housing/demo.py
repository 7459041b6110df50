"""Demo and benchmark data of the housing pool.

small: the crisis homes of Woondienst Regio Izegem (Izegem 17, Ledegem 2,
Oostrozebeke 2, Ingelmunster 11, Wielsbeke 6) and a W13 pool of 28 temporary
homes owned by the OCMWs, with a year of stays, crisis-network bookings,
applications and kracht.wonen registrations. region: the same plus about six
homes per other West-Flemish municipality. flanders: 5 000 homes over all
Flemish municipalities with ten years of stays (the benchmark volume).
"""

from __future__ import annotations

from datetime import timedelta

from woonloket.cases.demo import TODAY
from woonloket.cases.models import Case
from woonloket.core.models import Organisation, Region
from woonloket.core.seeding import SeedContext, seeder

from . import rules
from .models import Application, HousingUnit, NetworkTask, Registration, Stay

K = HousingUnit.Kind
S = Stay.Kind
CHUNK = 5_000

# (NIS, municipality, [(kind, count, persons, in crisis network)])
IZEGEM = [
    ("36008", [(K.CRISISWONING, 7, 4, False), (K.DOORGANGSWONING, 5, 3, False),
               (K.NOODWONING, 2, 5, False), (K.CRISISBED, 3, 1, True)]),
    ("36010", [(K.CRISISWONING, 1, 4, True), (K.STUDIO, 1, 2, False)]),
    ("37010", [(K.CRISISWONING, 1, 3, True), (K.DOORGANGSWONING, 1, 4, False)]),
    ("36007", [(K.CRISISWONING, 4, 4, False), (K.DOORGANGSWONING, 4, 3, False),
               (K.CRISISBED, 2, 1, True), (K.STUDIO, 1, 1, False)]),
    ("37017", [(K.CRISISWONING, 3, 4, True), (K.DOORGANGSWONING, 2, 3, False),
               (K.NOODWONING, 1, 6, False)]),
]
W13_POOL = 28

# Nights of a stay and the gap after it, by kind (min, max).
LENGTHS = {S.CRISISOPVANG: (14, 90), S.KRACHT_WONEN: (90, 360), S.PROEFWONEN: (120, 360),
           S.OTHER: (7, 60), S.ONDERHOUD: (3, 14)}
KIND_OF_UNIT = {K.CRISISWONING: S.CRISISOPVANG, K.NOODWONING: S.CRISISOPVANG,
                K.CRISISBED: S.CRISISNETWERK, K.DOORGANGSWONING: S.KRACHT_WONEN,
                K.STUDIO: S.PROEFWONEN}


def _woondienst_of() -> dict[str, int]:
    return dict(Organisation.municipalities.through.objects.filter(
        organisation__kind=Organisation.Kind.WOONDIENST)
        .values_list("municipality_id", "organisation_id"))


def _ocmw_of() -> dict[str, int]:
    return dict(Organisation.municipalities.through.objects.filter(
        organisation__kind=Organisation.Kind.OCMW)
        .values_list("municipality_id", "organisation_id"))


def _units(ctx: SeedContext) -> list[HousingUnit]:
    woondienst, ocmw = _woondienst_of(), _ocmw_of()
    names = {m.nis_code: m.name for m in ctx.municipalities}
    streets = sorted({ctx.faker.street_name() for _ in range(200)})
    units: list[HousingUnit] = []
    counters: dict[tuple[str, str], int] = {}

    def add(nis, kind, persons, network, owner, pool=False):
        counters[(nis, kind)] = counters.get((nis, kind), 0) + 1
        units.append(HousingUnit(
            organisation_id=owner, municipality_id=nis, kind=kind,
            name=f"{K(kind).label.split(' /')[0]} {names[nis]} {counters[(nis, kind)]}",
            street=ctx.rng.choice(streets), number=str(ctx.rng.randint(1, 180)),
            persons=persons, bedrooms=max(1, persons // 2), in_crisis_network=network,
            in_regional_pool=pool, accessible=ctx.rng.random() < 0.2,
            pets=ctx.rng.random() < 0.25))

    if ctx.scale in ("small", "region"):
        izegem = Organisation.objects.filter(name="Woondienst Regio Izegem").values_list(
            "pk", flat=True).first()
        for nis, specs in IZEGEM:
            for kind, count, persons, network in specs:
                for _ in range(count):
                    add(nis, kind, persons, network, izegem or woondienst[nis])
        w13 = Region.objects.get(code="w13").municipalities.order_by("nis_code")
        w13 = [m.nis_code for m in w13 if m.nis_code in ocmw]
        for i in range(W13_POOL):
            nis = w13[(i * 7) % len(w13)] if i % 4 else w13[0]  # Kortrijk-heavy, uneven
            add(nis, K.DOORGANGSWONING, ctx.rng.choice((1, 2, 3, 4)), False, ocmw[nis], True)
    if ctx.scale != "small":
        taken = {u.municipality_id for u in units}
        others = [m.nis_code for m in ctx.municipalities
                  if m.nis_code not in taken and m.nis_code in woondienst]
        target = 5_000 if ctx.scale == "flanders" else len(units) + 6 * len(others)
        kinds = list(KIND_OF_UNIT)
        i = 0
        while len(units) < target:
            nis = others[i % len(others)]
            kind = kinds[ctx.rng.randrange(len(kinds))]
            add(nis, kind, ctx.rng.choice((1, 2, 3, 4, 5)),
                kind == K.CRISISBED or ctx.rng.random() < 0.1,
                woondienst[nis] if i % 3 else ocmw.get(nis, woondienst[nis]),
                kind == K.DOORGANGSWONING)
            i += 1
    return HousingUnit.objects.bulk_create(units, batch_size=CHUNK)


def _stays(ctx: SeedContext, units: list[HousingUnit], years: int) -> int:
    rng = ctx.rng
    cases_by_nis: dict[str, list[tuple[int, int]]] = {}
    for pk, household, nis in Case.objects.values_list("pk", "household_id",
                                                       "municipality_id").iterator():
        cases_by_nis.setdefault(nis, []).append((pk, household))
    all_cases = [c for cs in cases_by_nis.values() for c in cs]
    caw = Organisation.objects.filter(kind=Organisation.Kind.CAW).values_list(
        "pk", flat=True).first()
    start, horizon = TODAY - timedelta(days=365 * years), TODAY + timedelta(days=60)
    batch: list[Stay] = []
    total = 0
    for unit in units:
        pool = cases_by_nis.get(unit.municipality_id) or all_cases
        night = start + timedelta(days=rng.randint(0, 30))
        while night < horizon:
            kind = KIND_OF_UNIT[unit.kind]
            if rng.random() < 0.06:
                kind = S.ONDERHOUD
            if kind == S.CRISISNETWERK:
                first, last = rules.network_booking_nights(night)
                gap = rng.randint(0, 6)
            else:
                low, high = LENGTHS[kind]
                first, last = night, night + timedelta(days=rng.randint(low, high) - 1)
                gap = rng.randint(0, 25)
            case, household = rng.choice(pool) if kind != S.ONDERHOUD else (None, None)
            ended = last < TODAY
            stay = Stay(unit_id=unit.pk, kind=kind, first_night=first, last_night=last,
                        organisation_id=(caw or unit.organisation_id)
                        if kind == S.CRISISNETWERK else unit.organisation_id,
                        case_id=case, household_id=household,
                        agreement_signed_on=first if kind in (S.KRACHT_WONEN, S.PROEFWONEN)
                        else None,
                        destination=rng.choice(("private_rent", "social_rent", "family",
                                                "institution", "unknown"))
                        if ended and kind != S.ONDERHOUD else "")
            stay.occupied_until = stay.compute_occupied_until()
            batch.append(stay)
            night = last + timedelta(days=1 + gap)
        if len(batch) >= CHUNK:
            Stay.objects.bulk_create(batch)
            total += len(batch)
            batch = []
    Stay.objects.bulk_create(batch)
    return total + len(batch)


@seeder("housing.pool")
def seed_pool(ctx: SeedContext) -> None:
    units = _units(ctx)
    years = 10 if ctx.scale == "flanders" else 1
    stays = _stays(ctx, units, years)
    ctx.out(f"  {len(units)} woningen in de pool, {stays} verblijven ({years} jaar)")


@seeder("housing.network_and_meldpunt")
def seed_network_and_meldpunt(ctx: SeedContext) -> None:
    """Follow-up tasks of recent crisis-network stays, open applications with
    scores and kracht.wonen registrations at every stage."""
    rng = ctx.rng
    recent = Stay.objects.filter(kind=S.CRISISNETWERK, first_night__gte=TODAY - timedelta(
        days=14), task__isnull=True).select_related("unit")[:40]
    NetworkTask.objects.bulk_create([NetworkTask(
        stay=s, organisation_id=s.unit.organisation_id, due_on=rules.next_working_day(
            s.first_night), description=f"Opvolging na crisisnetwerk in {s.unit.name}.",
        done_on=None if s.first_night >= TODAY - timedelta(days=3) else s.occupied_until)
        for s in recent])
    izegem = Organisation.objects.filter(name="Woondienst Regio Izegem").first()
    if izegem is None:
        return
    cases = list(Case.objects.filter(lead_organisation=izegem).order_by("pk")
                 .values_list("pk", flat=True)[:60])
    apps = []
    for i, case in enumerate(cases[:8]):
        acute = i == 3
        apps.append(Application(
            organisation=izegem, case_id=case,
            applied_on=TODAY - timedelta(days=rng.randint(1, 40)),
            acute=acute, inquiry_on=None if acute else TODAY - timedelta(days=rng.randint(0, 5)),
            scores={code: {"score": rng.randint(0, 3), "motivation": "Uit het sociaal onderzoek."}
                    for code in rules.CRITERION_CODES}))
    Application.objects.bulk_create(apps)
    region = Region.objects.get(code="w13")  # kracht.wonen is W13's meldpunt
    stages = list(Registration.Stage.values)
    regs = []
    for i, case in enumerate(cases[8:40]):
        stage = stages[i % len(stages)]
        registered = TODAY - timedelta(days=rng.randint(30, 330))
        reg = Registration(region=region, organisation=izegem, case_id=case, stage=stage,
                           registered_on=registered)
        day = registered
        for s in stages[1:stages.index(stage) + 1]:
            day += timedelta(days=rng.randint(5, 40))
            setattr(reg, Registration.STAGE_DATES[s], min(day, TODAY))
        if stage == Registration.Stage.DOORSTROOM:
            reg.outflow = rng.choice(Registration.Outflow.values)
        regs.append(reg)
    Registration.objects.bulk_create(regs)
    ctx.out(f"  {len(recent)} opvolgtaken, {len(apps)} aanvragen, {len(regs)} aanmeldingen")

