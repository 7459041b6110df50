"""The core app's demo and benchmark data: organisations, staff and demo users.

Demo figures that do not come from an import are labelled with their year
and source (data/population_demo.csv, Statbel 1 January 2020)."""

import csv
import unicodedata
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Exists, OuterRef

from .models import Membership, Municipality, Organisation
from .reference import DATA_DIR
from .roles import Role
from .seeding import SeedContext, seeder

User = get_user_model()

DEMO_PASSWORD = "woonloket-demo"  # noqa: S105 - demo accounts, printed by `make run`
DEMO_POPULATION_SOURCE = "Statbel, bevolking op 1 januari 2020 (demogegeven, niet geïmporteerd)"

# One demo user per role: (username, role, organisation kind, full name)
DEMO_USERS = [
    ("woonbegeleider", Role.WOONBEGELEIDER, Organisation.Kind.WOONDIENST, "Wout Begeleider"),
    ("coordinator", Role.COORDINATOR, Organisation.Kind.WOONDIENST, "Cora Coördinator"),
    ("partner", Role.PARTNER, Organisation.Kind.OCMW, "Pieter Partner"),
    ("calltaker", Role.CALLTAKER, Organisation.Kind.CAW, "Cato Calltaker"),
    ("technicus", Role.TECHNICIAN, Organisation.Kind.ENERGIEHUIS, "Tom Technicus"),
    ("vrijwilliger", Role.VOLUNTEER, Organisation.Kind.WOONDIENST, "Vera Vrijwilliger"),
    ("beheerder", Role.ADMIN, Organisation.Kind.WOONDIENST, "Bert Beheerder"),
]


NO_PASSWORD = make_password(None)  # synthetic staff cannot sign in


def demo_username(key: str) -> str:
    return f"demo-{key}"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum())


def _groups(ctx: SeedContext) -> list[tuple[str, list[Municipality]]]:
    """Working areas for woondiensten: the real regions at small scale, else
    synthetic groups of ten neighbouring municipalities."""
    if ctx.scale == "small":
        return [(r.name, list(r.municipalities.order_by("nis_code"))) for r in ctx.regions]
    ms = ctx.municipalities
    return [(f"Woondienst {ms[i].name} e.o.", ms[i:i + 10]) for i in range(0, len(ms), 10)]


@seeder("core.population_demo")
def seed_population(ctx: SeedContext) -> None:
    with (DATA_DIR / "population_demo.csv").open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        figures = {row["nis_code"]: int(row["population"]) for row in rows}
    # Only where nothing was imported: an official import always wins.
    for nis, population in figures.items():
        Municipality.objects.filter(nis_code=nis, population__isnull=True).update(
            population=population, population_date=date(2020, 1, 1),
            population_source=DEMO_POPULATION_SOURCE,
        )


@seeder("core.organisations")
def seed_organisations(ctx: SeedContext) -> None:
    K = Organisation.Kind
    specs: list[tuple[str, str, list[Municipality]]] = []
    for name, members in _groups(ctx):
        label = name if name.startswith("Woondienst") else f"Woondienst {name}"
        specs.append((label, K.WOONDIENST, members))
        specs.append((f"Energiehuis {name.removeprefix('Woondienst ')}", K.ENERGIEHUIS, members))
    for m in ctx.municipalities:
        specs.append((f"OCMW {m.name}", K.OCMW, [m]))
    by_province: dict[str, list[Municipality]] = {}
    for m in ctx.municipalities:
        by_province.setdefault(m.province_name, []).append(m)
    for province, members in by_province.items():
        specs.append((f"CAW {province}", K.CAW, members))

    existing = set(Organisation.objects.values_list("name", flat=True))
    Organisation.objects.bulk_create(
        [Organisation(name=n, kind=k) for n, k, _ in specs if n not in existing]
    )
    ids = dict(Organisation.objects.filter(name__in=[n for n, _, _ in specs])
               .values_list("name", "pk"))
    Through = Organisation.municipalities.through
    Through.objects.bulk_create(
        [Through(organisation_id=ids[n], municipality_id=m.nis_code)
         for n, _, members in specs for m in members],
        ignore_conflicts=True,
    )
    ctx.shared["organisations"] = [(ids[n], k) for n, k, _ in specs]
    ctx.out(f"  {len(specs)} organisaties voor {len(ctx.municipalities)} gemeenten")


STAFF_PER_KIND = {
    Organisation.Kind.WOONDIENST: [(Role.WOONBEGELEIDER, 4), (Role.COORDINATOR, 1),
                                   (Role.VOLUNTEER, 2)],
    Organisation.Kind.OCMW: [(Role.PARTNER, 1)],
    Organisation.Kind.CAW: [(Role.PARTNER, 2), (Role.CALLTAKER, 2)],
    Organisation.Kind.ENERGIEHUIS: [(Role.TECHNICIAN, 2)],
}


@seeder("core.staff")
def seed_staff(ctx: SeedContext) -> None:
    """Synthetic staff (no usable password) and one demo user per role."""
    organisations = ctx.shared.get("organisations") or list(
        Organisation.objects.values_list("pk", "kind")
    )
    users, memberships = [], []
    for org_id, kind in organisations:
        for role, count in STAFF_PER_KIND.get(kind, []):
            for _ in range(count):
                first, last = ctx.faker.first_name(), ctx.faker.last_name()
                username = f"{_slug(first)}.{_slug(last)}.{len(users) + 1}"
                users.append(User(username=username, first_name=first, last_name=last,
                                  email=f"{username}@example.org", password=NO_PASSWORD))
                memberships.append((username, org_id, role))
    User.objects.bulk_create(users, ignore_conflicts=True, batch_size=1000)
    user_ids = dict(User.objects.filter(username__in=[u.username for u in users])
                    .values_list("username", "pk"))
    Membership.objects.bulk_create(
        [Membership(user_id=user_ids[u], organisation_id=o, role=r) for u, o, r in memberships],
        ignore_conflicts=True, batch_size=1000,
    )
    ctx.out(f"  {len(users)} medewerkers")
    ensure_demo_users()


DEMO_HOME_NIS = "36008"  # Izegem: demo users work for the organisations serving it


def ensure_demo_users() -> list[tuple[str, str, str]]:
    """One demo user per role (idempotent); returns (username, role label, organisation)."""
    serves_home = Organisation.municipalities.through.objects.filter(
        organisation=OuterRef("pk"), municipality_id=DEMO_HOME_NIS
    )
    first_of_kind: dict[str, int] = {}
    for org_id, kind in (
        Organisation.objects.annotate(home=Exists(serves_home))
        .order_by("-home", "pk").values_list("pk", "kind")
    ):
        first_of_kind.setdefault(kind, org_id)
    password = make_password(DEMO_PASSWORD)
    shown = []
    for key, role, kind, full_name in DEMO_USERS:
        first, last = full_name.split(" ", 1)
        user, _created = User.objects.get_or_create(
            username=demo_username(key),
            defaults={"first_name": first, "last_name": last, "password": password,
                      "email": f"{demo_username(key)}@example.org",
                      "is_staff": role == Role.ADMIN, "is_superuser": role == Role.ADMIN},
        )
        org_id = first_of_kind.get(kind)
        if org_id is None:
            continue
        membership, _ = Membership.objects.get_or_create(
            user=user, organisation_id=org_id, defaults={"role": role}
        )
        shown.append((user.username, Role(membership.role).label, membership.organisation.name))
    return shown
