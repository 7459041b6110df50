"""Reads of the housing pool.

Homes and their occupancy (which nights are taken, by what kind of stay) are
not personal data: every member of a partner organisation sees them. Who
stays in a home is: stays are read through `Stay.objects.visible_to(user)`
(the booking organisation, the home's owner and the case's lead organisation).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Exists, OuterRef, Q

from woonloket.clients.rules import fold
from woonloket.core import audit
from woonloket.core.access import get_visible_or_404
from woonloket.core.models import Municipality, Region

from . import geo, rules
from .models import Application, HousingUnit, NetworkTask, Registration, Stay

ONE_DAY = rules.ONE_DAY


def units(*, region: Region | None = None, municipality_nis: str | None = None,
          kind: str | None = None, organisation_id: int | None = None,
          municipalities: list[str] | None = None):
    qs = HousingUnit.objects.select_related("municipality", "organisation")
    if region is not None:
        qs = qs.filter(municipality__regions=region)
    if municipalities is not None:
        qs = qs.filter(municipality_id__in=municipalities)
    if municipality_nis:
        qs = qs.filter(municipality_id=municipality_nis)
    if kind:
        qs = qs.filter(kind=kind)
    if organisation_id:
        qs = qs.filter(organisation_id=organisation_id)
    return qs


def free_q(first_night: date, last_night: date) -> Q:
    """No stay of the unit holds one of the nights first_night .. last_night.

    Two NOT EXISTS (no stay ending after first_night; no open stay) rather
    than one with an OR: each is then an index-only scan of `stay_taken_idx`."""
    starts_in_time = Stay.objects.filter(unit_id=OuterRef("pk"), first_night__lte=last_night)
    return (~Q(Exists(starts_in_time.filter(occupied_until__gt=first_night)))
            & ~Q(Exists(starts_in_time.filter(occupied_until__isnull=True))))


class NearestFirst(Sequence):
    """The units of a search in distance order. The order is computed in
    Python on a light read of (id, municipality, names); only the slice that
    is shown is loaded with its relations. (The same order as one SQL CASE
    over the 285 municipalities of Flanders cost three times as much.)"""

    def __init__(self, ids: list[int], distances: dict[int, float | None]):
        self.ids, self.distances = ids, distances

    def __len__(self) -> int:
        return len(self.ids)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        ids = self.ids[index] if isinstance(index, slice) else [self.ids[index]]
        loaded = HousingUnit.objects.select_related("municipality", "organisation").in_bulk(ids)
        for unit in loaded.values():
            unit.distance_km = self.distances[unit.pk]
        found = [loaded[pk] for pk in ids]
        return found if isinstance(index, slice) else found[0]


def availability(*, first_night: date, last_night: date, kind: str | None = None,
                 region: Region | None = None, municipality_nis: str | None = None,
                 persons: int | None = None, accessible: bool | None = None,
                 pets: bool | None = None, crisis_network: bool | None = None,
                 near: str | None = None, municipalities: list[str] | None = None
                 ) -> NearestFirst:
    """Units free on every night first_night .. last_night and in the pool,
    nearest to `near` first (same municipality first), then by municipality
    and unit name."""
    qs = units(region=region, municipality_nis=municipality_nis, kind=kind,
               municipalities=municipalities).filter(
        status=HousingUnit.Status.BESCHIKBAAR).filter(free_q(first_night, last_night))
    if persons:
        qs = qs.filter(persons__gte=persons)
    if accessible:
        qs = qs.filter(accessible=True)
    if pets:
        qs = qs.filter(pets=True)
    if crisis_network is not None:
        qs = qs.filter(in_crisis_network=crisis_network)
    near = near or municipality_nis
    rows = list(qs.values_list("pk", "municipality_id", "municipality__name", "name"))
    places = {r[1]: r[2] for r in rows}
    km = {nis: geo.distance_km(near, nis) if near else None for nis in places}
    place = {nis: fold(name) for nis, name in places.items()}
    rows.sort(key=lambda r: (km[r[1]] is None, km[r[1]] or 0.0, place[r[1]], r[3].casefold(), r[0]))
    return NearestFirst([r[0] for r in rows], {r[0]: km[r[1]] for r in rows})


# Board and calendars ------------------------------------------------------------------

@dataclass
class Bar:
    stay_id: int
    kind: str
    start: int  # day offset in the window
    days: int
    label: str
    visible: bool
    open_end: bool


@dataclass
class Row:
    unit: HousingUnit
    bars: list[Bar] = field(default_factory=list)


def _occupancy_in(unit_ids, first: date, end: date):
    """Every stay that holds a night in [first, end), without personal data."""
    return (Stay.objects.filter(unit_id__in=unit_ids, first_night__lt=end)
            .filter(Q(occupied_until__isnull=True) | Q(occupied_until__gt=first))
            .order_by("unit_id", "first_night")
            .values_list("id", "unit_id", "kind", "first_night", "occupied_until"))


def _labels(user, stay_ids) -> dict[int, str]:
    """Names of the households in the stays the user may see (one query)."""
    rows = (Stay.objects.visible_to(user).filter(pk__in=stay_ids)
            .values_list("pk", "household__members__last_name", "household__members__relation"))
    labels: dict[int, str] = {}
    for pk, last_name, relation in rows:
        if relation == "self" or pk not in labels:
            labels[pk] = last_name or ""
    return labels


def board(user, unit_list: list[HousingUnit], first: date, days: int) -> list[Row]:
    """Rows of bars, one per unit, for the window [first, first + days)."""
    end = first + timedelta(days=days)
    by_unit = {u.pk: Row(u) for u in unit_list}
    occupancy = list(_occupancy_in(list(by_unit), first, end))
    labels = _labels(user, [o[0] for o in occupancy]) if occupancy else {}
    kinds = {kind: str(label) for kind, label in Stay.Kind.choices}
    for stay_id, unit_id, kind, night, until in occupancy:
        start = max(night, first)
        stop = end if until is None else min(until, end)
        visible = stay_id in labels
        label = labels.get(stay_id) or kinds[kind]
        by_unit[unit_id].bars.append(Bar(stay_id, kind, (start - first).days,
                                         (stop - start).days, label, visible, until is None))
    return list(by_unit.values())


def week_starts(first: date, weeks: int) -> list[date]:
    return [first + timedelta(weeks=i) for i in range(weeks)]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def unit_stays(user, unit: HousingUnit, first: date, end: date):
    """The unit's stays in a window, with household names where the user may see them."""
    occupancy = list(_occupancy_in([unit.pk], first, end))
    labels = _labels(user, [o[0] for o in occupancy]) if occupancy else {}
    return [{"id": sid, "kind": kind, "first_night": night, "until": until,
             "label": labels.get(sid, ""), "visible": sid in labels}
            for sid, _unit, kind, night, until in occupancy]


def calendar(user, unit: HousingUnit, first: date, weeks: int) -> tuple[list, list]:
    """Weeks of seven nights; each night with the stay that holds it (or None)."""
    end = first + timedelta(weeks=weeks)
    stays = unit_stays(user, unit, first, end)
    grid = []
    for w in range(weeks):
        week = []
        for d in range(7):
            night = first + timedelta(weeks=w, days=d)
            holder = next((s for s in stays if s["first_night"] <= night
                           and (s["until"] is None or night < s["until"])), None)
            week.append((night, holder))
        grid.append(week)
    return grid, stays


# Occupancy rates ----------------------------------------------------------------------

@dataclass
class Rate:
    label: str
    occupied: int = 0
    available: int = 0

    @property
    def rate(self) -> float | None:
        return rules.occupancy_rate(self.occupied, self.available)


def occupancy(unit_list: list[HousingUnit], first: date, end: date) -> dict[str, list[Rate]]:
    """Occupied nights over available nights (period nights minus maintenance
    nights) per unit, per municipality and per kind, for [first, end)."""
    nights = (end - first).days
    per_unit = {u.pk: Rate(u.name, 0, nights) for u in unit_list}
    for _sid, unit_id, kind, night, until in _occupancy_in(list(per_unit), first, end):
        n = rules.nights_in(night, until, first, end)
        if kind == Stay.Kind.ONDERHOUD:
            per_unit[unit_id].available -= n
        else:
            per_unit[unit_id].occupied += n
    groups: dict[str, dict[str, Rate]] = {"municipality": {}, "kind": {}}
    kinds = dict(HousingUnit.Kind.choices)
    for unit in unit_list:
        rate = per_unit[unit.pk]
        for group, key in (("municipality", unit.municipality.name),
                           ("kind", str(kinds[unit.kind]))):
            total = groups[group].setdefault(key, Rate(key))
            total.occupied += rate.occupied
            total.available += rate.available
    return {"unit": list(per_unit.values()),
            "municipality": sorted(groups["municipality"].values(), key=lambda r: r.label),
            "kind": sorted(groups["kind"].values(), key=lambda r: r.label)}


# Personal reads ------------------------------------------------------------------------

def stay_detail(user, stay_id: int, reason: str = "") -> Stay:
    stay = get_visible_or_404(
        Stay.objects.select_related("unit__municipality", "unit__organisation", "case",
                                    "household", "organisation"), user, pk=stay_id)
    audit.record(user, audit.Action.READ, stay, organisation_id=stay.unit.organisation_id,
                 reason=reason)
    return stay


def open_tasks(user):
    return (NetworkTask.objects.visible_to(user).filter(done_on__isnull=True)
            .select_related("stay__unit"))


def applications(user, status: str | None = Application.Status.OPEN) -> list[Application]:
    """Applications the user may see; open ones ranked as the selection rule says."""
    qs = Application.objects.visible_to(user).select_related("case__household", "organisation")
    if status:
        qs = qs.filter(status=status)
    items = list(qs[:500])
    if status != Application.Status.OPEN:
        return items
    by_id = {a.pk: a for a in items}
    ranked = rules.rank_applications(
        rules.Candidate(a.pk, a.applied_on, a.acute,
                        {k: int(v.get("score", 0)) for k, v in a.scores.items()})
        for a in items)
    return [by_id[c.id] for c in ranked]


def registrations(user, *, stage: str | None = None, region: Region | None = None):
    qs = Registration.objects.visible_to(user).select_related(
        "case__household", "region", "organisation", "stay__unit")
    if stage:
        qs = qs.filter(stage=stage)
    if region is not None:
        qs = qs.filter(region=region)
    return qs


# Allocation key -----------------------------------------------------------------------

@dataclass
class Quota:
    nis_code: str
    name: str
    population: int | None
    quota: int
    contributed: int

    @property
    def difference(self) -> int:
        return self.contributed - self.quota


def allocation(region: Region, *, homes: int | None = None,
               per_inhabitants: int | None = None) -> tuple[int, int, list[Quota]]:
    """(total population, homes, per-municipality quota next to the homes it
    contributes to the regional pool). Raises ValueError naming municipalities
    without a population."""
    rows = list(region.municipalities.order_by("nis_code")
                .values_list("nis_code", "name", "population"))
    unknown = [name for _nis, name, pop in rows if pop is None]
    if unknown:
        raise ValueError(", ".join(unknown))
    total = sum(pop for _n, _m, pop in rows)
    if homes is None:
        homes = rules.homes_for_population(
            total, per_inhabitants or rules.DEFAULT_INHABITANTS_PER_HOME)
    quotas = rules.allocation_key(homes, [(nis, pop) for nis, _m, pop in rows])
    contributed = defaultdict(int)
    for nis in (HousingUnit.objects.filter(municipality__in=[r[0] for r in rows],
                                           in_regional_pool=True)
                .exclude(status=HousingUnit.Status.UIT_POOL)
                .values_list("municipality_id", flat=True)):
        contributed[nis] += 1
    return total, homes, [Quota(nis, name, pop, quotas[nis], contributed[nis])
                          for nis, name, pop in rows]


def regions_of(user) -> list[Region]:
    """The regions the user's organisations work in, the one sharing most of
    their municipalities first (all regions for platform administrators)."""
    from woonloket.core.access import actor_for

    actor = actor_for(user)
    if actor.is_platform_admin:
        return list(Region.objects.order_by("name"))
    # the region with most of the user's working area first
    return list(Region.objects.filter(municipalities__organisations__in=actor.organisation_ids)
                .annotate(shared=Count("municipalities", distinct=True))
                .order_by("-shared", "name"))


def network_area(user) -> list[str] | None:
    """The municipalities of every region the user's organisations work in (the
    crisis network's area); None (all of Flanders) when they work in none."""
    regions = regions_of(user)
    if not regions:
        return None
    return sorted(set(Municipality.objects.filter(regions__in=regions)
                      .values_list("nis_code", flat=True)))
