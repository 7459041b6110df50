"""Demo data of the energy back office: screenings at home by the demo technician
(Energiehuis) on cases of the woondienst that shared them, their findings and
follow-up decisions, a pool of contractors and renovation coaching in several
phases with quotes, one of them with the result after the works.

Dwellings are drawn at random within the engine's ranges; the scans are real
runs of the engine (`scan_save`). Quote amounts are synthetic: drawn around
the engine's own estimated investment, not market prices.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from woonloket.cases.demo import TODAY
from woonloket.cases.models import Case, Enrolment
from woonloket.core.models import Membership, Share
from woonloket.core.seeding import SeedContext, seeder

from .engine import dwelling_from
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
    Severity,
    Trajectory,
    TrajectoryPhase,
)
from .services import scan_save

SCREENINGS = {"small": 12, "region": 200, "flanders": 600}
CONTRACTORS = [
    ("Dakwerken Deprez", ["dak", "ramen", "algemeen"],
     "Kwaliteitscharter ondertekend; offerte binnen 3 weken."),
    ("Isolatie Vanhove", ["dak", "gevel", "vloer"], "Spouwmuurisolatie met keuringsattest."),
    ("Schrijnwerkerij Lannoo", ["ramen"], "Plaatsing HR-glas; 10 jaar waarborg op ramen."),
    ("Warmte Vercruysse", ["warmtepomp", "ketel", "ventilatie"],
     "Erkend installateur; nazicht na het eerste stookseizoen inbegrepen."),
    ("Zon en Stroom Debaere", ["zonnepanelen", "elektriciteit"],
     "Keuring van de installatie inbegrepen in de prijs."),
]
FINDING_NOTES = {
    Finding.VOCHT: "Vochtplekken onderaan de muur in de achterkamer.",
    Finding.SCHIMMEL: "Schimmel in de badkamer en in een hoek van de slaapkamer.",
    Finding.TOCHT: "Tocht langs de voordeur en de oude ramen.",
    Finding.KOUDE: "Bewoners verwarmen maar één kamer.",
    Finding.CO_RISICO: "Gasgeiser in de badkamer zonder verluchting.",
    Finding.ELEKTRISCHE_VEILIGHEID: "Verouderde zekeringkast, stopcontacten zonder aarding.",
    Finding.GEBREKEN: "Vochtige kelder en loszittende dakpannen.",
}
REASONS = {
    FollowUpKind.RENOVATIEBEGELEIDING: "Eigenaar-bewoner wil dak en muren isoleren; "
                                       "begeleiding bij offertes en premies.",
    FollowUpKind.PREMIE_LENING: "Laag inkomen: Mijn VerbouwLening en premie aanvragen.",
    FollowUpKind.SVK: "Huurder in een slechte woning; verhuurder denkt aan het SVK.",
    FollowUpKind.WONINGKWALITEIT: "Ernstige gebreken: woningkwaliteitsonderzoek aanvragen.",
    FollowUpKind.NOODKOOPFONDS: "Dringende herstelling (dak) zonder eigen middelen.",
    FollowUpKind.COLLECTIEVE_RENOVATIE: "Rijwoning in de wijk van de lopende collectieve "
                                        "renovatie: aansluiten bij de groepsaanpak.",
    FollowUpKind.GEEN_ACTIE: "Woning in redelijke staat; de bewoner volgt zelf op.",
}


def _dwelling(rng) -> dict:
    building_type = rng.choice(["open", "halfopen", "gesloten", "gesloten", "appartement"])
    year = rng.choice([1925, 1938, 1955, 1962, 1968, 1975, 1982, 1995])
    system = rng.choice(["klassieke_ketel", "klassieke_ketel", "condensatieketel", "kachel"])
    data = {"building_type": building_type, "construction_year": year,
            "glazing": rng.choice(["enkel", "dubbel", "dubbel", "hoogrendement"]),
            "airtightness": rng.choice(["slecht", "gemiddeld"]),
            "heating_system": system,
            "heating_fuel": rng.choice(["aardgas", "aardgas", "stookolie"]),
            "heating_year": max(year, rng.choice([1990, 1998, 2006, 2012])),
            "occupants": rng.randint(1, 5)}
    if rng.random() < 0.4:
        data["roof_insulation_cm"] = rng.choice([4, 6, 8, 12])
    return data


def _visited_on(i: int):
    """The first screening was long enough ago for its coaching to be done."""
    return TODAY - timedelta(days={0: 170, 1: 60}.get(i, 10 + (i * 37) % 200))


def _demo_users():
    users = {u.username: u for u in get_user_model().objects.filter(
        username__in=["demo-technicus", "demo-woonbegeleider", "demo-coordinator"])}
    if len(users) < 3:
        return None
    orgs = dict(Membership.objects.filter(user__in=users.values())
                .values_list("user__username", "organisation_id"))
    return users, orgs


@seeder("energy.screenings_and_coaching")
def seed_energy(ctx: SeedContext) -> None:
    found = _demo_users()
    if found is None:
        return
    users, orgs = found
    technician, counsellor = users["demo-technicus"], users["demo-woonbegeleider"]
    energiehuis, woondienst = orgs.get("demo-technicus"), orgs.get("demo-woonbegeleider")
    if energiehuis is None or woondienst is None:
        return
    rng = ctx.rng
    contractors = []
    for name, specialities, agreements in CONTRACTORS:
        contractor, _created = Contractor.objects.get_or_create(
            organisation_id=woondienst, name=name, defaults={
                "specialities": specialities, "agreements": agreements,
                "phone": f"051 {rng.randint(10, 99)} {rng.randint(10, 99)} "
                         f"{rng.randint(10, 99)}",
                "email": f"info@{name.split()[-1].lower()}.example"})
        contractor.municipalities.set(Case.objects.filter(lead_organisation_id=woondienst)
                                      .values_list("municipality_id", flat=True).distinct())
        contractors.append(contractor)
    cases = list(Case.objects.filter(lead_organisation_id=woondienst)
                 .exclude(status="afgesloten").select_related("household")
                 .order_by("pk")[:SCREENINGS[ctx.scale]])
    case_type = ContentType.objects.get_for_model(Case)
    Share.objects.bulk_create([
        Share(content_type=case_type, object_id=c.pk, organisation_id=energiehuis,
              section="dossier", basis="toestemming energiescreening",
              valid_from=TODAY - timedelta(days=120), created_by=counsellor) for c in cases])
    kinds = list(FollowUpKind)
    screenings, findings = [], []
    for i, case in enumerate(cases):
        household = case.household
        scan = scan_save(dwelling_from(_dwelling(rng)), origin=Scan.Origin.SCREENING,
                         municipality_nis=household.municipality_id,
                         income_category=rng.choice([1, 2, 2, 3, 4, None]))
        screening = Screening.objects.create(
            case=case, organisation_id=energiehuis, technician=technician,
            visited_on=_visited_on(i), street=household.street,
            number=household.number, postal_code=household.postal_code,
            municipality_id=household.municipality_id,
            is_owner_occupied=household.tenure == "owner" or i % 3 == 0, scan=scan,
            notes="Screening aan huis met de bewoner; meterstanden genoteerd.")
        screenings.append(screening)
        for kind in rng.sample(list(Finding), rng.randint(0, 3)):
            severity = Severity.DRINGEND if kind == Finding.CO_RISICO else rng.choice(
                [Severity.LICHT, Severity.ERNSTIG])
            findings.append(ScreeningFinding(screening=screening, kind=kind, severity=severity,
                                             note=FINDING_NOTES[kind]))
    ScreeningFinding.objects.bulk_create(findings)
    coached = []
    for i, screening in enumerate(screenings):
        if i % 4 == 3:
            continue  # still to be decided by the local contact point
        kind = FollowUpKind.RENOVATIEBEGELEIDING if i < 2 else kinds[i % len(kinds)]
        decided_on = screening.visited_on + timedelta(days=5)
        enrolment = None
        if kind != FollowUpKind.GEEN_ACTIE:
            enrolment = (Enrolment.objects.filter(case=screening.case, program=kind,
                                                  ended_on__isnull=True).first()
                         or Enrolment.objects.create(case=screening.case, program=kind,
                                                     started_on=decided_on))
            if FollowUp.objects.filter(enrolment=enrolment).exists():
                enrolment = None
        FollowUp.objects.create(screening=screening, kind=kind, reason=REASONS[kind],
                                decided_on=decided_on, decided_by=counsellor,
                                enrolment=enrolment)
        if kind == FollowUpKind.RENOVATIEBEGELEIDING and len(coached) < 2:
            coached.append((screening, decided_on))
    for n, (screening, decided_on) in enumerate(coached):
        _trajectory(rng, screening, decided_on, technician, energiehuis, contractors,
                    done=n == 0)
    ctx.out(f"  {len(screenings)} screenings, {len(contractors)} aannemers, "
            f"{len(coached)} renovatiebegeleidingen")


def _trajectory(rng, screening, started_on, coach, organisation_id, contractors, *, done):
    """One coaching: up to 'offertes' with quotes, or (done) through the works to
    'nazorg' with a chosen quote per measure and the scan after the works."""
    phases = list(Phase)[:6 if done else 2]
    trajectory = Trajectory.objects.create(
        case=screening.case, organisation_id=organisation_id, screening=screening, coach=coach,
        phase=phases[-1], started_on=started_on, before_scan=screening.scan,
        notes="Eerste gesprek aan huis: dak en ramen eerst, dan de verwarming.")
    TrajectoryPhase.objects.bulk_create([
        TrajectoryPhase(trajectory=trajectory, phase=p, started_on=started_on + timedelta(
            days=21 * k)) for k, p in enumerate(phases)])
    by_code = {m["code"]: m for m in screening.scan.result["measures"]}
    wanted = [c for c in ("dakisolatie", "hoogrendementsglas", "condensatieketel",
                          "warmtepomp_hybride", "spouwmuurisolatie") if c in by_code][:2]
    speciality = {"dakisolatie": "dak", "hoogrendementsglas": "ramen",
                  "spouwmuurisolatie": "gevel"}
    quotes = []
    for code in wanted:
        estimate = by_code[code]
        pool = [c for c in contractors if speciality.get(code, "ketel") in c.specialities][:3]
        rng.shuffle(pool)
        for k, contractor in enumerate(pool):
            factor = Decimal(88 + 13 * k + rng.randint(0, 9)) / 100
            excl = (Decimal(str(estimate["investment_eur"])) / Decimal("1.06") * factor
                    ).quantize(Decimal("1"))
            quotes.append(Quote(
                trajectory=trajectory, contractor=contractor, measure=code,
                received_on=started_on + timedelta(days=25 + k * 4), amount_excl_vat_eur=excl,
                vat_percent=6, quantity=Decimal(str(estimate["quantity"])).quantize(
                    Decimal("0.1")) if estimate.get("unit") != "woning" else None,
                unit="m²" if estimate.get("unit") == "m2" else "",
                warranty_years=rng.choice([2, 5, 10]), lead_time_weeks=rng.randint(3, 16)))
    if done:  # the household took the cheapest quote of each measure
        for code in wanted:
            min((q for q in quotes if q.measure == code),
                key=lambda q: q.amount_excl_vat_eur).chosen = True
    Quote.objects.bulk_create(quotes)
    if done:
        inputs = {k: v for k, v in screening.scan.inputs.items() if v is not None}
        if "dakisolatie" in wanted:
            inputs["roof_insulation_cm"] = 18
        if "hoogrendementsglas" in wanted:
            inputs["glazing"] = "hoogrendement"
        if {"condensatieketel", "warmtepomp_hybride"} & set(wanted):
            inputs["heating_system"] = "condensatieketel"
            inputs["heating_year"] = TODAY.year
        after = scan_save(dwelling_from(inputs), origin=Scan.Origin.RESULT,
                          municipality_nis=screening.scan.municipality_id,
                          income_category=screening.scan.income_category)
        trajectory.after_scan = after
        trajectory.completed_on = started_on + timedelta(days=21 * 4)
        trajectory.save(update_fields=["after_scan", "completed_on"])
