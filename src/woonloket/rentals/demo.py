"""Demo data of the rentals app: landlords and agencies, a rental list kept
by the volunteers (some of it not checked for a while), search logs,
registrations for social housing and woonclub sessions with attendance.

Rents are synthetic (drawn between €450 and €1 050), not market figures.
"""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model

from woonloket.cases.demo import TODAY
from woonloket.cases.models import Case, Enrolment, Program
from woonloket.core.models import Organisation
from woonloket.core.seeding import SeedContext, seeder

from .models import (
    Attendance,
    Landlord,
    Listing,
    SearchEntry,
    SocialRegistration,
    WoonclubSession,
)

PER_MUNICIPALITY = {"small": 8, "region": 5, "flanders": 3}
LANDLORDS = [("agency", "Immo Leieland"), ("agency", "Vastgoed Mandel"),
             ("private", "Familie Vandenbroucke"), ("private", "Mevrouw Lannoo"),
             ("svk", "SVK Midwest"), ("svk", "SVK Zuid-West-Vlaanderen"),
             ("private", "Bouwbedrijf Deprez"), ("agency", "Kantoor Gaverland")]
ANTENNAS = ["Izegem", "Kortrijk", "Waregem", "Menen"]
KINDS = [("kamer", 0, 1), ("studio", 0, 1), ("appartement", 1, 3), ("huis", 2, 4)]


@seeder("rentals.listings_and_woonclub")
def seed_rentals(ctx: SeedContext) -> None:
    rng = ctx.rng
    volunteer = get_user_model().objects.filter(username="demo-vrijwilliger").first()
    keeper = Organisation.objects.filter(memberships__user=volunteer).first()
    if keeper is None:
        return
    Landlord.objects.bulk_create([
        Landlord(organisation=keeper, kind=kind, name=name, phone=f"051 {rng.randint(10, 99)} "
                 f"{rng.randint(10, 99)} {rng.randint(10, 99)}",
                 open_to_target_group=kind == "svk" or rng.random() < 0.4)
        for kind, name in LANDLORDS], ignore_conflicts=True)
    landlords = list(Landlord.objects.filter(organisation=keeper))
    streets = sorted({ctx.faker.street_name() for _ in range(120)})
    listings = []
    for m in ctx.municipalities:
        for _ in range(PER_MUNICIPALITY[ctx.scale]):
            kind, low, high = rng.choice(KINDS)
            bedrooms = rng.randint(low, high)
            rent = Decimal(rng.randint(45, 105) * 10 + 50 * bedrooms)
            listings.append(Listing(
                organisation=keeper, municipality=m, kind=kind, bedrooms=bedrooms,
                street=rng.choice(streets), number=str(rng.randint(1, 200)),
                floor_area_m2=rng.randint(18, 45) + 25 * bedrooms, rent_eur=rent,
                charges_eur=Decimal(rng.choice([0, 25, 40, 60, 90])),
                epc_label=rng.choice(["A", "B", "C", "C", "D", "E", "F", ""]),
                landlord=rng.choice(landlords), source=rng.choice(Listing.Source.values),
                status=rng.choice(["beschikbaar"] * 6 + ["onder_optie", "verhuurd"]),
                accessible=rng.random() < 0.15, pets=rng.random() < 0.3,
                garden=kind == "huis" and rng.random() < 0.6,
                last_checked_on=TODAY - timedelta(days=rng.choice([0, 2, 5, 9, 13, 20, 35])),
                last_checked_by=volunteer))
    Listing.objects.bulk_create(listings, batch_size=5000)
    cases = list(Case.objects.filter(lead_organisation=keeper).exclude(status="afgesloten")
                 .order_by("pk")[:40])
    sessions = []
    for week in range(0, 52, 4):
        for antenna in ANTENNAS[:2 if ctx.scale == "small" else 4]:
            sessions.append(WoonclubSession(organisation=keeper, antenna=antenna,
                                            held_on=TODAY - timedelta(weeks=week),
                                            what_was_done="Immolijst overlopen, "
                                            "kandidaturen voorbereid, bezoeken gepland."))
    WoonclubSession.objects.bulk_create(sessions)
    buddies = [volunteer]
    for session in sessions:
        session.buddies.set(buddies)
    attendance, entries, registrations, enrolments = [], [], [], []
    pool = [lst for lst in listings if lst.status != "verhuurd"] or listings
    for i, case in enumerate(cases):
        for session in rng.sample(sessions, k=min(len(sessions), rng.randint(1, 4))):
            attendance.append(Attendance(session=session, case=case,
                                         persons=rng.randint(1, 4), from_loi=i % 7 == 0))
        day = TODAY - timedelta(days=rng.randint(20, 200))
        listing = rng.choice(pool)
        entries.append(SearchEntry(case=case, listing=listing, step="shortlisted", on=day,
                                   recorded_by=volunteer))
        entries.append(SearchEntry(case=case, listing=listing, step="contacted",
                                   on=day + timedelta(days=2), recorded_by=volunteer))
        if i % 3 == 0:
            entries.append(SearchEntry(case=case, listing=listing, step="refused",
                                       on=day + timedelta(days=5), recorded_by=volunteer,
                                       reason="Verhuurder wil geen leefloon",
                                       discrimination_signal=True))
        elif i % 3 == 1:
            entries.append(SearchEntry(case=case, listing=listing, step="signed",
                                       on=day + timedelta(days=14), recorded_by=volunteer))
        if i % 2 == 0:
            registrations.append(SocialRegistration(
                case=case, registered_on=TODAY - timedelta(days=rng.randint(100, 2500)),
                woonmaatschappij="Woonmaatschappij Midwest"))
        enrolments.append(Enrolment(case=case, program=Program.WOONCLUB, started_on=day))
    Attendance.objects.bulk_create(attendance, ignore_conflicts=True)
    SearchEntry.objects.bulk_create(entries)
    for r in registrations:
        r.update_due_on = r.registered_on + timedelta(days=730)
    SocialRegistration.objects.bulk_create(registrations)
    Enrolment.objects.bulk_create(enrolments)
    ctx.out(f"  {len(listings)} huurwoningen, {len(sessions)} woonclubs, "
            f"{len(entries)} stappen in zoeklogboeken")
