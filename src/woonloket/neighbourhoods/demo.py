"""Demo data of the neighbourhood screening: one import of synthetic dwellings
by the demo coordinator, in statistical-sector-like neighbourhoods of the
coordinator's municipalities, on the streets of the demo households (so that
some known vulnerable households are found). Types, years, areas and known
measures are drawn at random: synthetic, not Flemish statistics."""

from __future__ import annotations

from django.contrib.auth import get_user_model

from woonloket.clients.models import Household
from woonloket.core.models import Membership
from woonloket.core.roles import Role
from woonloket.core.seeding import SeedContext, seeder

from .services import dwellings_import

DWELLINGS = {"small": 20_000, "region": 100_000, "flanders": 200_000}
SECTORS_PER_MUNICIPALITY = 8
HEADER = ("neighbourhood;street;number;postal_code;municipality_nis;building_type;"
          "construction_year;heated_floor_area_m2;roof_insulation_cm;glazing;heating_system;"
          "heating_fuel;occupants;income_category")
# Mean build year per sector position: old centres first, newer allotments last.
SECTOR_YEARS = (1915, 1935, 1955, 1962, 1970, 1980, 1995, 2010)


@seeder("neighbourhoods.demo_import")
def seed_import(ctx: SeedContext) -> None:
    user = get_user_model().objects.filter(username="demo-coordinator").first()
    membership = Membership.objects.filter(user=user, role=Role.COORDINATOR).select_related(
        "organisation").first() if user else None
    if membership is None:
        return
    nis_codes = sorted(membership.organisation.municipalities.values_list("nis_code", flat=True))
    streets = sorted(set(Household.objects.filter(organisation=membership.organisation)
                         .exclude(street="").values_list("street", flat=True)))
    if not nis_codes or not streets:
        return
    rng = ctx.rng
    lines = [HEADER]
    for _ in range(DWELLINGS[ctx.scale]):
        s = rng.randrange(len(streets))
        nis = nis_codes[s % len(nis_codes)]
        position = (s // len(nis_codes)) % SECTORS_PER_MUNICIPALITY
        year = max(1850, min(2024, round(rng.gauss(SECTOR_YEARS[position], 12))))
        kind = rng.choices(["open", "halfopen", "gesloten", "appartement"], [35, 22, 25, 18])[0]
        area = "" if rng.random() < 0.5 else str(round(rng.uniform(60, 240)))
        roof = "" if rng.random() < 0.6 else str(rng.choice([0, 6, 12, 20]))
        glazing = "" if rng.random() < 0.4 else rng.choice(["enkel", "dubbel", "hoogrendement"])
        heating = "" if rng.random() < 0.5 else rng.choice(["klassieke_ketel", "condensatieketel"])
        fuel = rng.choice(["aardgas", "stookolie"]) if heating else ""
        occupants = "" if rng.random() < 0.4 else str(rng.randint(1, 5))
        income = "" if rng.random() < 0.7 else str(rng.randint(1, 4))
        lines.append(f"{nis}A{position:02d}-;{streets[s]};{rng.randint(1, 180)};8870;{nis};"
                     f"{kind};{year};{area};{roof};{glazing};{heating};{fuel};{occupants};"
                     f"{income}")
    done = dwellings_import(user, ("\n".join(lines) + "\n").encode(),
                            file_name=f"demo-woningen-{ctx.scale}.csv")
    ctx.out(f"  wijkscreening: {done.rows} woningen in {done.neighbourhoods} wijken")
