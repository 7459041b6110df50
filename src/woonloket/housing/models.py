"""The shared pool of crisis and temporary homes: units, stays, crisis-network
follow-up tasks, crisis-shelter applications and kracht.wonen registrations.

A stay occupies the nights [first_night, occupied_until) of its unit;
`occupied_until` is kept by the services (the actual departure, else the
morning after the planned last night, else open). On PostgreSQL an exclusion
constraint (migration 0002) forbids two stays of one unit on the same night.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import ScopedQuerySet

from . import rules


class HousingUnit(models.Model):
    class Kind(models.TextChoices):
        CRISISWONING = "crisiswoning", _("Crisiswoning")
        DOORGANGSWONING = "doorgangswoning", _("Doorgangswoning / tijdelijke woning")
        NOODWONING = "noodwoning", _("Noodwoning")
        CRISISBED = "crisisbed", _("Crisisbed")
        STUDIO = "studio", _("Studio")

    class Status(models.TextChoices):
        BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
        IN_ONDERHOUD = "in_onderhoud", _("In onderhoud")
        UIT_POOL = "uit_pool", _("Uit de pool")

    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="housing_units", verbose_name=_("eigenaar"))
    municipality = models.ForeignKey("core.Municipality", models.PROTECT,
                                     related_name="housing_units", verbose_name=_("gemeente"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=120)
    street = models.CharField(_("straat"), max_length=200, blank=True)
    number = models.CharField(_("nummer"), max_length=20, blank=True)
    box = models.CharField(_("bus"), max_length=20, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    persons = models.PositiveSmallIntegerField(_("slaapplaatsen (personen)"))
    bedrooms = models.PositiveSmallIntegerField(_("slaapkamers"), default=1)
    accessible = models.BooleanField(_("rolstoeltoegankelijk"), default=False)
    pets = models.BooleanField(_("huisdieren toegelaten"), default=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices,
                              default=Status.BESCHIKBAAR)
    in_crisis_network = models.BooleanField(_("aangeboden aan het crisisnetwerk"), default=False)
    in_regional_pool = models.BooleanField(
        _("in de regionale pool tijdelijke woningen (kracht.wonen)"), default=False)
    notes = models.TextField(_("opmerkingen"), blank=True)

    class Meta:
        ordering = ["municipality__name", "name"]
        verbose_name = _("woning in de pool")
        verbose_name_plural = _("woningen in de pool")
        constraints = [
            models.CheckConstraint(condition=Q(persons__gte=1), name="housing_unit_sleeps_one"),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return self.name

    @property
    def address(self) -> str:
        street = " ".join(p for p in (self.street, self.number) if p)
        if self.box:
            street += f" bus {self.box}"
        return ", ".join(p for p in (street, self.postal_code) if p)


class Destination(models.TextChoices):
    PRIVATE_RENT = "private_rent", _("Private huur")
    SOCIAL_RENT = "social_rent", _("Sociale huur")
    FAMILY = "family", _("Familie of vrienden")
    INSTITUTION = "institution", _("Instelling")
    STREET = "street", _("Straat")
    UNKNOWN = "unknown", _("Onbekend")


class Stay(models.Model):
    class Kind(models.TextChoices):
        CRISISNETWERK = "crisisnetwerk", _("Crisisnetwerk")
        CRISISOPVANG = "crisisopvang", _("Crisisopvang")
        KRACHT_WONEN = "kracht_wonen", _("Tijdelijk wonen (kracht.wonen)")
        PROEFWONEN = "proefwonen", _("Proefwonen")
        ONDERHOUD = "onderhoud", _("Onderhoud / herstelling")
        OTHER = "other", _("Ander verblijf")

    class Condition(models.TextChoices):
        BUDGETBEGELEIDING = "budgetbegeleiding", _("Budgetbegeleiding")
        BUDGETBEHEER = "budgetbeheer", _("Budgetbeheer")
        VERSLAVINGSZORG = "verslavingszorg", _("Ambulante verslavingszorg")
        PSYCHOSOCIAAL = "psychosociaal", _("Psychosociale ondersteuning")
        ADMINISTRATIEF = "administratief", _("Administratieve ondersteuning")

    unit = models.ForeignKey(HousingUnit, models.PROTECT, related_name="stays",
                             verbose_name=_("woning"))
    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="housing_stays",
                                     verbose_name=_("geboekt door"))
    case = models.ForeignKey("cases.Case", models.PROTECT, null=True, blank=True,
                             related_name="stays", verbose_name=_("dossier"))
    household = models.ForeignKey("clients.Household", models.PROTECT, null=True, blank=True,
                                  related_name="stays", verbose_name=_("gezin"))
    kind = models.CharField(_("soort verblijf"), max_length=20, choices=Kind.choices)
    first_night = models.DateField(_("eerste nacht"))
    last_night = models.DateField(_("laatste nacht"), null=True, blank=True,
                                  help_text=_("Leeg: open einde."))
    departed_on = models.DateField(_("werkelijk vertrek"), null=True, blank=True)
    occupied_until = models.DateField(_("bezet tot (ochtend)"), null=True, blank=True,
                                      editable=False)
    agreement_signed_on = models.DateField(_("begeleidingsovereenkomst getekend op"),
                                           null=True, blank=True)
    conditions = models.JSONField(_("bijkomende voorwaarden"), default=list, blank=True)
    destination = models.CharField(_("uitstroom naar"), max_length=20,
                                   choices=Destination.choices, blank=True)
    note = models.TextField(_("opmerking"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT,
                                   related_name="+", null=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("organisation", "unit__organisation", "case__lead_organisation")

    class Meta:
        ordering = ["first_night", "id"]
        verbose_name = _("verblijf")
        verbose_name_plural = _("verblijven")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_night__isnull=True) | Q(last_night__gte=models.F("first_night")),
                name="stay_last_after_first"),
            models.CheckConstraint(
                condition=Q(departed_on__isnull=True) | Q(departed_on__gt=models.F("first_night")),
                name="stay_departs_after_first_night"),
            models.CheckConstraint(
                condition=Q(kind="onderhoud") | Q(case__isnull=False),
                name="stay_has_case_unless_maintenance"),
        ]
        indexes = [
            models.Index(fields=["unit", "first_night"]),
            models.Index(fields=["unit", "occupied_until"]),
            # which units are taken now: see selectors.free_q
            models.Index(fields=["occupied_until", "first_night", "unit"],
                         name="stay_taken_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.unit} vanaf {self.first_night:%d/%m/%Y}"

    def compute_occupied_until(self):
        if self.departed_on:
            return self.departed_on
        return self.last_night + rules.ONE_DAY if self.last_night else None

    @property
    def end_label(self) -> str:
        end = self.occupied_until
        return f"{end:%d/%m/%Y}" if end else "open einde"


class NetworkTask(models.Model):
    """Follow-up for the ambulant service on the next working day after a
    crisis-network booking."""

    stay = models.OneToOneField(Stay, models.CASCADE, related_name="task")
    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="network_tasks",
                                     verbose_name=_("ambulante dienst"))
    due_on = models.DateField(_("op te volgen op"))
    description = models.TextField(_("opdracht"))
    done_on = models.DateField(_("opgevolgd op"), null=True, blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True,
                                blank=True, related_name="+")

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("organisation", "stay__organisation")

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("opvolgtaak crisisnetwerk")
        verbose_name_plural = _("opvolgtaken crisisnetwerk")

    def __str__(self) -> str:
        return f"Opvolging {self.stay} op {self.due_on:%d/%m/%Y}"


class Application(models.Model):
    """An application for a crisis home, scored on the nine selection criteria."""

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        GRANTED = "granted", _("Toegekend")
        REFUSED = "refused", _("Afgewezen")
        WITHDRAWN = "withdrawn", _("Ingetrokken")

    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="crisis_applications",
                                     verbose_name=_("beslissende organisatie"))
    case = models.ForeignKey("cases.Case", models.PROTECT, related_name="crisis_applications",
                             verbose_name=_("dossier"))
    applied_on = models.DateField(_("aangevraagd op"))
    acute = models.BooleanField(
        _("acute materiële crisis (brand, overstroming): sociaal onderzoek overgeslagen"),
        default=False)
    inquiry_on = models.DateField(_("sociaal onderzoek op"), null=True, blank=True)
    scores = models.JSONField(_("scores"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.OPEN)
    decided_on = models.DateField(_("beslist op"), null=True, blank=True)
    decision_reason = models.TextField(_("motivering van de beslissing"), blank=True)
    stay = models.OneToOneField(Stay, models.SET_NULL, null=True, blank=True,
                                related_name="application")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT,
                                   related_name="+", null=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("organisation", "case__lead_organisation")

    class Meta:
        ordering = ["-applied_on", "-id"]
        verbose_name = _("aanvraag crisiswoning")
        verbose_name_plural = _("aanvragen crisiswoning")
        constraints = [
            models.CheckConstraint(condition=Q(acute=True) | Q(inquiry_on__isnull=False),
                                   name="application_inquiry_unless_acute"),
        ]

    def __str__(self) -> str:
        return f"Aanvraag crisiswoning #{self.pk}"

    @property
    def total_score(self) -> int:
        return sum(int(s.get("score", 0)) for s in self.scores.values())


class Registration(models.Model):
    """A long-term homeless person registered at the regional meldpunt (kracht.wonen)."""

    class Stage(models.TextChoices):
        AANGEMELD = "aangemeld", _("Aangemeld")
        AANBOD_VOORGESTELD = "aanbod_voorgesteld", _("Aanbod voorgesteld")
        INZET_TEAM = "inzet_team", _("Inzet dedicated team")
        TIJDELIJKE_WONING = "tijdelijke_woning", _("Tijdelijke woning")
        DOORSTROOM = "doorstroom", _("Doorstroom naar duurzame huisvesting")

    class Outflow(models.TextChoices):
        PRIVATE = "private", _("Private huurwoning")
        SOCIAL = "social", _("Sociale huurwoning")

    # The date field that records when each stage was reached.
    STAGE_DATES = {
        Stage.AANGEMELD: "registered_on",
        Stage.AANBOD_VOORGESTELD: "offered_on",
        Stage.INZET_TEAM: "team_on",
        Stage.TIJDELIJKE_WONING: "placed_on",
        Stage.DOORSTROOM: "outflow_on",
    }

    region = models.ForeignKey("core.Region", models.PROTECT, related_name="registrations",
                               verbose_name=_("regio"))
    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="registrations",
                                     verbose_name=_("aangemeld door"))
    case = models.ForeignKey("cases.Case", models.PROTECT, related_name="registrations",
                             verbose_name=_("dossier"))
    guidance_organisation = models.ForeignKey(
        "core.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("OCMW in tandem met het dedicated team"))
    stage = models.CharField(_("fase"), max_length=20, choices=Stage.choices,
                             default=Stage.AANGEMELD)
    registered_on = models.DateField(_("aangemeld op"))
    offered_on = models.DateField(_("aanbod voorgesteld op"), null=True, blank=True)
    team_on = models.DateField(_("inzet team op"), null=True, blank=True)
    placed_on = models.DateField(_("tijdelijke woning op"), null=True, blank=True)
    outflow_on = models.DateField(_("doorstroom op"), null=True, blank=True)
    outflow = models.CharField(_("doorstroom naar"), max_length=10, choices=Outflow.choices,
                               blank=True)
    stay = models.ForeignKey(Stay, models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("tijdelijke woning"))
    note = models.TextField(_("toelichting"), blank=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("organisation", "case__lead_organisation")

    class Meta:
        ordering = ["-registered_on", "-id"]
        verbose_name = _("aanmelding kracht.wonen")
        verbose_name_plural = _("aanmeldingen kracht.wonen")

    def __str__(self) -> str:
        return f"Aanmelding kracht.wonen #{self.pk}"


class Consultation(models.Model):
    """A multidisciplinary crisis consultation about a registration."""

    registration = models.ForeignKey(Registration, models.CASCADE,
                                     related_name="consultations")
    held_on = models.DateField(_("datum"))
    participants = models.TextField(_("deelnemers"))
    conclusions = models.TextField(_("besluiten"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT,
                                   related_name="+", null=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("multidisciplinair crisisoverleg")

    def __str__(self) -> str:
        return f"Crisisoverleg {self.held_on:%d/%m/%Y}"
