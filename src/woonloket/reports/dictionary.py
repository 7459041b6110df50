"""The key figures, each defined once: code, Dutch name, precise definition,
unit and the computation for a list of municipalities and a calendar year.

A computation answers for every municipality at once (`per_municipality`) or
for the list as one area (a region): one grouped query per figure, so all
figures of all 285 Flemish municipalities come out of a few dozen queries.
Aggregates over all organisations hold no personal data.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet, Value
from django.db.models.functions import ExtractYear

from woonloket.cases.models import Case, Contact, Referral
from woonloket.energy.models import CoachRequest, Scan, Screening, Trajectory
from woonloket.evictions.models import Mediation, Petition
from woonloket.housing import rules as housing_rules
from woonloket.housing.models import Application, HousingUnit, Registration, Stay
from woonloket.rentals.models import Attendance

AREA = "*"  # the key of the whole list of municipalities (a region)
Values = dict[str, float]


@dataclass(frozen=True)
class Figure:
    code: str
    name: str
    definition: str
    unit: str
    section: str
    compute: Callable[[int, list[str], bool], Values] | None = None
    share_of: tuple[str, str] | None = None  # (part, whole): a percentage of two figures
    # figures computed together in one query: the function answers {code: values}
    family: Callable[[int, list[str], bool], dict[str, Values]] | None = None


def _year(year: int) -> tuple[date, date]:
    return date(year, 1, 1), date(year + 1, 1, 1)


def _grouped(qs: QuerySet, path: str, municipalities: list[str], per: bool,
             value=None) -> Values:
    """Count `value` (rows by default) over `qs`, per municipality at `path` or for
    the whole list."""
    qs = qs.filter(**{f"{path}__in": municipalities})
    value = value or Count("pk")
    rows = (qs.values(key=F(path)) if per else qs.annotate(key=Value(AREA)).values("key"))
    return {row["key"]: row["n"] for row in rows.annotate(n=value).order_by()}


def _dated(model, date_field: str, year: int, **extra) -> QuerySet:
    first, after = _year(year)
    return model.objects.filter(**{f"{date_field}__gte": first, f"{date_field}__lt": after},
                                **extra)


@dataclass(frozen=True)
class Dated:
    """Rows of `model` whose `date_field` falls in the year, counted in the
    municipality at `path` (distinct on `distinct` when given)."""

    model: type
    date_field: str
    path: str
    filters: tuple[tuple[str, object], ...] = ()
    distinct: str = ""

    def _value(self):
        return Count(self.distinct, distinct=True) if self.distinct else Count("pk")

    def __call__(self, year: int, ms: list[str], per: bool) -> Values:
        return _grouped(_dated(self.model, self.date_field, year, **dict(self.filters)),
                        self.path, ms, per, self._value())

    def over_years(self, years: list[int], ms: list[str]) -> dict[int, float]:
        """The area's value for each of the years, in one query."""
        first, after = _year(years[0])[0], _year(years[-1])[1]
        qs = self.model.objects.filter(**{f"{self.date_field}__gte": first,
                                          f"{self.date_field}__lt": after,
                                          f"{self.path}__in": ms}, **dict(self.filters))
        rows = (qs.values(y=ExtractYear(self.date_field.removesuffix("__date")))
                .annotate(n=self._value()).order_by())
        return {row["y"]: row["n"] for row in rows}


def _client_contacts(year: int) -> QuerySet:
    first, after = _year(year)
    return Contact.objects.filter(at__date__gte=first, at__date__lt=after).exclude(
        channel=Contact.Channel.OVERLEG)


def _priority_q(year: int, prefix: str = "") -> Q:
    """The case was in the priority target group at some day of the year."""
    first, after = _year(year)
    return Q(**{f"{prefix}is_priority": True, f"{prefix}priority_since__lt": after}) & (
        Q(**{f"{prefix}closed_on__isnull": True}) | Q(**{f"{prefix}closed_on__gte": first}))


def contact_figures(year: int, ms: list[str], per: bool) -> dict[str, Values]:
    """Clients, priority clients, contacts and priority contacts in one pass over
    the year's contacts (the heaviest table)."""
    priority = _priority_q(year, "case__")
    household = "case__household_id"
    qs = _client_contacts(year).filter(case__municipality_id__in=ms)
    rows = (qs.values(key=F("case__municipality_id")) if per
            else qs.annotate(key=Value(AREA)).values("key"))
    rows = rows.annotate(
        clients=Count(household, distinct=True),
        priority_clients=Count(household, distinct=True, filter=priority),
        contacts=Count("pk"), priority_contacts=Count("pk", filter=priority)).order_by()
    codes = ("clients", "priority_clients", "contacts", "priority_contacts")
    out: dict[str, Values] = {code: {} for code in codes}
    for row in rows:
        for code in codes:
            out[code][row["key"]] = row[code]
    return out


def intensive_cases(year, ms, per):
    return _grouped(Case.objects.filter(_priority_q(year)), "municipality_id", ms, per)


new_cases = Dated(Case, "opened_on", "municipality_id")
crisis_shelter_questions = Dated(Application, "applied_on", "case__municipality_id")


CRISIS_KINDS = (Stay.Kind.CRISISOPVANG, Stay.Kind.CRISISNETWERK)


crisis_stays = Dated(Stay, "first_night", "unit__municipality_id",
                     (("kind__in", CRISIS_KINDS),))


def stay_figures(year: int, ms: list[str], per: bool) -> dict[str, Values]:
    """Crisis nights and the occupancy rate of crisis homes in one pass over the
    stays that touch the year (nights counted with the housing app's rule)."""
    first, after = _year(year)
    days = (after - first).days
    rows = (Stay.objects.filter(unit__municipality_id__in=ms, first_night__lt=after)
            .filter(Q(occupied_until__isnull=True) | Q(occupied_until__gt=first))
            .values_list("unit__municipality_id", "unit__kind", "kind", "first_night",
                         "occupied_until"))
    crisis_nights: dict[str, float] = defaultdict(float)
    occupied: dict[str, int] = defaultdict(int)
    repairs: dict[str, int] = defaultdict(int)
    for nis, unit_kind, kind, start, end in rows:
        key = nis if per else AREA
        nights = housing_rules.nights_in(start, end, first, after)
        if kind in CRISIS_KINDS:
            crisis_nights[key] += nights
        if unit_kind in CRISIS_UNITS:
            (repairs if kind == Stay.Kind.ONDERHOUD else occupied)[key] += nights
    units = _grouped(HousingUnit.objects.filter(kind__in=CRISIS_UNITS).exclude(
        status=HousingUnit.Status.UIT_POOL), "municipality_id", ms, per)
    rates = {}
    for key, n in units.items():
        rate = housing_rules.occupancy_rate(occupied[key], n * days - repairs[key])
        if rate is not None:
            rates[key] = round(100 * min(rate, 1.0), 1)
    return {"crisis_nights": dict(crisis_nights), "crisis_occupancy_rate": rates}


CRISIS_UNITS = (HousingUnit.Kind.CRISISWONING, HousingUnit.Kind.CRISISBED,
                HousingUnit.Kind.NOODWONING)


eviction_petitions = Dated(Petition, "received_on", "municipality_id")
eviction_reached = Dated(Petition, "received_on", "municipality_id",
                         (("reached_on__isnull", False),))
eviction_hearings_attended = Dated(Petition, "received_on", "municipality_id",
                                   (("hearing_attended", True),))
evictions_carried_out = Dated(Petition, "evicted_on", "municipality_id")


def _outcome(code: str) -> Dated:
    return Dated(Petition, "outcome_on", "municipality_id", (("outcome", code),))


def _stage(field: str, **extra) -> Dated:
    return Dated(Registration, field, "case__municipality_id", tuple(extra.items()))


referrals = Dated(Referral, "created_at__date", "case__municipality_id")


def _referrals_to(kind: str) -> Dated:
    return Dated(Referral, "created_at__date", "case__municipality_id",
                 (("to_organisation__kind", kind),))


mediations = Dated(Mediation, "opened_on", "municipality_id")
mediation_agreements = Dated(Mediation, "closed_on", "municipality_id",
                             (("outcome", Mediation.Outcome.AGREEMENT),))
woonclub_households = Dated(Attendance, "session__held_on", "case__municipality_id",
                            distinct="case__household_id")
citizen_scans = Dated(Scan, "created_at__date", "municipality_id",
                      (("origin", Scan.Origin.CITIZEN),))
coach_requests = Dated(CoachRequest, "created_at__date", "municipality_id")
screenings = Dated(Screening, "visited_on", "municipality_id")
screenings_ef = Dated(Screening, "visited_on", "municipality_id",
                      (("scan__label__in", ("E", "F")),))
renovations_started = Dated(Trajectory, "started_on", "case__municipality_id")
renovations_done = Dated(Trajectory, "completed_on", "case__municipality_id")


CASES, CRISIS, EVICTIONS, KRACHT, REFERRALS, MEDIATION, WOONCLUB, ENERGY = (
    "Dossiers", "Crisisopvang", "Uithuiszettingen", "kracht.wonen", "Doorverwijzingen",
    "Huurbemiddeling", "Woonclub", "Energie en renovatie")
N, PCT = "aantal", "%"
CASE_MUNICIPALITY = "De gemeente van het dossier telt."

FIGURES: list[Figure] = [
    Figure("clients", "Cliënten", "Gezinnen met minstens één contact met de cliënt in het jaar "
           "(loket, telefoon, huisbezoek, e-mail, zitting; overleg tussen professionals telt "
           f"niet). De datum van het contact beslist het jaar. {CASE_MUNICIPALITY}", N, CASES,
           family=contact_figures),
    Figure("priority_clients", "Cliënten uit de prioritaire doelgroep", "Cliënten van het jaar "
           "(zie Cliënten) van wie het dossier op een dag van dat jaar prioritair was "
           "(minstens drie contacten, of zo ingeschat).", N, CASES, family=contact_figures),
    Figure("priority_clients_share", "Aandeel prioritaire cliënten", "Cliënten uit de "
           "prioritaire doelgroep gedeeld door alle cliënten van het jaar.", PCT, CASES,
           share_of=("priority_clients", "clients")),
    Figure("contacts", "Contacten", "Contacten met cliënten in het jaar (zonder overleg tussen "
           f"professionals). {CASE_MUNICIPALITY}", N, CASES, family=contact_figures),
    Figure("priority_contacts", "Contacten met prioritaire cliënten", "Contacten van het jaar "
           "in dossiers die dat jaar prioritair waren.", N, CASES, family=contact_figures),
    Figure("priority_contacts_share", "Aandeel contacten met prioritaire cliënten",
           "Contacten met prioritaire cliënten gedeeld door alle contacten.", PCT, CASES,
           share_of=("priority_contacts", "contacts")),
    Figure("intensive_cases", "Intensieve dossiers", "Dossiers die op een dag van het jaar "
           f"prioritair waren (prioritair sinds vóór het jaareinde en niet afgesloten vóór "
           f"het jaar). {CASE_MUNICIPALITY}", N, CASES, intensive_cases),
    Figure("new_cases", "Nieuwe dossiers", f"Dossiers geopend in het jaar. {CASE_MUNICIPALITY}",
           N, CASES, new_cases),
    Figure("crisis_shelter_questions", "Vragen naar crisisopvang", "Aanvragen voor een "
           "crisiswoning (na sociaal onderzoek of bij een acute crisis) met aanvraagdatum in het "
           f"jaar. {CASE_MUNICIPALITY}", N, CRISIS, crisis_shelter_questions),
    Figure("crisis_stays", "Verblijven in crisisopvang", "Verblijven van de soort crisisopvang "
           "of crisisnetwerk met de eerste nacht in het jaar, in woningen van de gemeente.", N,
           CRISIS, crisis_stays),
    Figure("crisis_nights", "Nachten in crisisopvang", "Nachten van het jaar (een nacht telt op "
           "de datum waarop hij begint) van verblijven in crisisopvang of via het "
           "crisisnetwerk, in woningen van de gemeente.", "nachten", CRISIS,
           family=stay_figures),
    Figure("crisis_occupancy_rate", "Bezettingsgraad crisiswoningen", "Bezette nachten van "
           "crisiswoningen, noodwoningen en crisisbedden van de gemeente (elk verblijf behalve "
           "onderhoud) gedeeld door hun nachten in het jaar min de onderhoudsnachten; woningen "
           "uit de pool tellen niet.", PCT, CRISIS, family=stay_figures),
    Figure("eviction_petitions", "Verzoekschriften uithuiszetting", "Verzoekschriften "
           "ontvangen in het jaar, naar de gemeente van de huurder.", N, EVICTIONS,
           eviction_petitions),
    Figure("eviction_reached", "Bereikte huurders", "Verzoekschriften van het jaar waarbij "
           "contact gelegd werd (huisbezoek met iemand thuis, contact of intake).", N,
           EVICTIONS, eviction_reached),
    Figure("eviction_reached_share", "Aandeel bereikt", "Bereikte huurders gedeeld door de "
           "verzoekschriften van het jaar.", PCT, EVICTIONS,
           share_of=("eviction_reached", "eviction_petitions")),
    Figure("eviction_hearings_attended", "Zittingen bijgewoond", "Verzoekschriften van het jaar "
           "waarvan een woonbegeleider de zitting bijwoonde.", N, EVICTIONS,
           eviction_hearings_attended),
    *[Figure(f"eviction_outcome_{code}", f"Uitspraak: {label.lower()}", "Uitspraken met "
             f"datum in het jaar: {label.lower()}.", N, EVICTIONS, _outcome(code))
      for code, label in Petition.Outcome.choices],
    Figure("evictions_carried_out", "Uitgevoerde uithuiszettingen", "Uithuiszettingen "
           "uitgevoerd in het jaar (datum van uitvoering).", N, EVICTIONS, evictions_carried_out),
    Figure("kracht_wonen_registrations", "kracht.wonen: aanmeldingen", "Aanmeldingen bij het "
           f"meldpunt met aanmelddatum in het jaar. {CASE_MUNICIPALITY}", N, KRACHT,
           _stage("registered_on")),
    Figure("kracht_wonen_offers", "kracht.wonen: aanbod voorgesteld", "Aanmeldingen die in het "
           "jaar de fase 'aanbod voorgesteld' bereikten.", N, KRACHT, _stage("offered_on")),
    Figure("kracht_wonen_team", "kracht.wonen: inzet dedicated team", "Aanmeldingen die in het "
           "jaar de fase 'inzet team' bereikten.", N, KRACHT, _stage("team_on")),
    Figure("kracht_wonen_placements", "kracht.wonen: in een tijdelijke woning", "Aanmeldingen "
           "die in het jaar een tijdelijke woning kregen.", N, KRACHT, _stage("placed_on")),
    Figure("kracht_wonen_outflow", "kracht.wonen: doorstroom naar duurzaam wonen",
           "Aanmeldingen die in het jaar doorstroomden naar privaat of sociaal huren.", N,
           KRACHT, _stage("outflow_on", outflow__in=("private", "social"))),
    Figure("referrals", "Doorverwijzingen", "Doorverwijzingen verstuurd in het jaar. "
           f"{CASE_MUNICIPALITY}", N, REFERRALS, referrals),
    *[Figure(f"referrals_{kind}", f"Doorverwijzingen naar {label}", "Doorverwijzingen "
             f"verstuurd in het jaar naar een organisatie van de soort {label}.", N, REFERRALS,
             _referrals_to(kind))
      for kind, label in (("ocmw", "OCMW"), ("caw", "CAW"), ("energiehuis", "Energiehuis"),
                          ("woonmaatschappij", "woonmaatschappij"), ("svk", "SVK"),
                          ("huurdersbond", "Huurdersbond"))],
    Figure("mediations", "Huurbemiddelingen", "Bemiddelingen gestart in het jaar, naar de "
           "gemeente van het dossier.", N, MEDIATION, mediations),
    Figure("mediation_agreements", "Huurbemiddelingen met akkoord", "Bemiddelingen afgerond in "
           "het jaar met een akkoord.", N, MEDIATION, mediation_agreements),
    Figure("woonclub_households", "Gezinnen op de woonclub", "Gezinnen die minstens één "
           f"woonclub van het jaar bijwoonden (elk gezin één keer). {CASE_MUNICIPALITY}", N,
           WOONCLUB, woonclub_households),
    Figure("citizen_scans", "Energiescans door burgers", "Publieke energiescans gemaakt in het "
           "jaar voor een woning in de gemeente (de gemeente die de burger koos).", N, ENERGY,
           citizen_scans),
    Figure("coach_requests", "Vragen naar een renovatiecoach", "Burgers die in het jaar na hun "
           "energiescan een renovatiecoach vroegen, naar de gemeente van de scan.", N, ENERGY,
           coach_requests),
    Figure("screenings", "Energie- en comfortscreenings", "Screenings aan huis met bezoekdatum "
           "in het jaar, naar de gemeente van de woning.", N, ENERGY, screenings),
    Figure("screenings_ef", "Gescreende woningen met label E of F", "Screenings van het jaar "
           "waarvan de scan (een schatting, geen EPC) label E of F gaf.", N, ENERGY,
           screenings_ef),
    Figure("screenings_ef_share", "Aandeel gescreende woningen met label E of F",
           "Gescreende woningen met label E of F gedeeld door de screenings van het jaar.", PCT,
           ENERGY, share_of=("screenings_ef", "screenings")),
    Figure("renovations_started", "Renovatiebegeleidingen gestart", "Renovatiebegeleidingen "
           f"met startdatum in het jaar. {CASE_MUNICIPALITY}", N, ENERGY, renovations_started),
    Figure("renovations_done", "Renovaties afgerond", "Renovatiebegeleidingen waarvan de "
           f"werken in het jaar klaar waren (resultaat geregistreerd). {CASE_MUNICIPALITY}", N,
           ENERGY, renovations_done),
]
BY_CODE = {f.code: f for f in FIGURES}


def compute(year: int, municipalities: list[str], per_municipality: bool,
            codes: Iterable[str] | None = None) -> dict[str, Values]:
    """{code: {key: value}} for the figures asked (all by default); a key is a NIS
    code, or AREA for the whole list. Shares come from their two figures."""
    wanted = [BY_CODE[c] for c in codes] if codes else FIGURES
    needed = {f.code for f in wanted} | {c for f in wanted if f.share_of for c in f.share_of}
    out: dict[str, Values] = {}
    for figure in FIGURES:
        if figure.code not in needed or figure.code in out:
            continue
        if figure.family is not None:
            out.update(figure.family(year, municipalities, per_municipality))
        elif figure.compute is not None:
            out[figure.code] = figure.compute(year, municipalities, per_municipality)
    for figure in wanted:
        if figure.share_of:
            part, whole = (out[c] for c in figure.share_of)
            out[figure.code] = {k: round(100 * part.get(k, 0) / n, 1)
                                for k, n in whole.items() if n}
    return {f.code: out[f.code] for f in wanted}



def compute_years(years: list[int], municipalities: list[str]) -> dict[str, dict[int, float]]:
    """{code: {year: value}} of the area for consecutive years: a dated count in
    one query for all years, the others year by year; shares from their figures."""
    out: dict[str, dict[int, float]] = {}
    families: dict[tuple, dict[str, Values]] = {}
    for figure in FIGURES:
        if isinstance(figure.compute, Dated):
            out[figure.code] = figure.compute.over_years(years, municipalities)
        elif figure.compute is not None or figure.family is not None:
            per_year = {}
            for year in years:
                if figure.family is not None:
                    key = (figure.family, year)
                    if key not in families:
                        families[key] = figure.family(year, municipalities, False)
                    found = families[key][figure.code]
                else:
                    found = figure.compute(year, municipalities, False)
                per_year[year] = found.get(AREA, 0)
            out[figure.code] = per_year
    for figure in FIGURES:
        if figure.share_of:
            part, whole = (out[c] for c in figure.share_of)
            out[figure.code] = {y: round(100 * part.get(y, 0) / n, 1)
                                for y, n in whole.items() if n}
    return out
