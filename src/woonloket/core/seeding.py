"""Deterministic synthetic data for the demo and the benchmarks.

Each app registers its generator with `@seeder("name")`; `seed_demo --scale`
runs them in registration order with one shared context. A generator runs
once per scale (recorded in SeedRun), so running the command twice adds
nothing, and an app that lands later still fills a database seeded before.
Generators bulk-insert: the `flanders` scale must load in minutes, not hours.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import connection, transaction
from faker import Faker

from .models import Municipality, Region, SeedRun

SCALES = ("small", "region", "flanders")


@dataclass
class SeedContext:
    scale: str
    rng: random.Random
    faker: Faker
    municipalities: list[Municipality]
    regions: list[Region]
    out: Callable[[str], None]
    shared: dict[str, Any] = field(default_factory=dict)


SEEDERS: list[tuple[str, Callable[[SeedContext], None]]] = []


def seeder(name: str):
    def wrap(fn: Callable[[SeedContext], None]):
        SEEDERS.append((name, fn))
        return fn
    return wrap


def _municipalities_for(scale: str) -> list[Municipality]:
    flemish = Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS)
    if scale == "small":
        flemish = flemish.filter(regions__code__in=["regio-izegem", "w13"]).distinct()
    elif scale == "region":
        flemish = flemish.filter(province_nis="30000")  # West-Vlaanderen
    return list(flemish.order_by("nis_code"))


def seed(scale: str, out: Callable[[str], None] = print) -> list[str]:
    """Run every generator not yet run for this scale; returns the names it ran."""
    if scale not in SCALES:
        raise ValueError(scale)
    faker = Faker("nl_BE")
    faker.seed_instance(2026)
    ctx = SeedContext(
        scale=scale, rng=random.Random(2026), faker=faker,  # noqa: S311 - synthetic data
        municipalities=_municipalities_for(scale),
        regions=list(Region.objects.order_by("code")), out=out,
    )
    done = set(SeedRun.objects.filter(scale=scale).values_list("seeder", flat=True))
    ran = []
    for name, fn in SEEDERS:
        if name in done:
            continue
        with transaction.atomic():
            fn(ctx)
            SeedRun.objects.create(scale=scale, seeder=name)
        ran.append(name)
    if ran:
        _after_bulk_load()
    return ran


def _after_bulk_load() -> None:
    """On PostgreSQL, rebuild the GIN indexes that grew row by row during the
    load (a trigram index shrinks threefold), refresh the planner statistics
    and, outside a transaction, vacuum so index-only scans need not visit the
    heap."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexdef LIKE '%%USING gin%%'"
        )
        for (index,) in cursor.fetchall():
            cursor.execute(f'REINDEX INDEX "{index}"')
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")


def is_seeded(scale: str) -> bool:
    names = {name for name, _fn in SEEDERS}
    return names <= set(SeedRun.objects.filter(scale=scale).values_list("seeder", flat=True))
