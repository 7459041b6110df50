"""Finding a home: the rental list (immolijst) that volunteers keep, landlords
and agencies open to the target group, a search profile and search log per
case, social housing registration, and woonclub sessions.

Listings and landlords are the region's shared list (no client data): every
staff member reads them. Search logs, registrations and attendance are
personal data of the case's organisation: read through `visible_to()`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import ScopedQuerySet

from . import rules


class Landlord(models.Model):
    class Kind(models.TextChoices):
        PRIVATE = "private", _("Private verhuurder")
        AGENCY = "agency", _("Immokantoor")
        SVK = "svk", _("Sociaal verhuurkantoor")
        WOONMAATSCHAPPIJ = "woonmaatschappij", _("Woonmaatschappij")

    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="landlords", verbose_name=_("bijgehouden door"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("naam"), max_length=200)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    open_to_target_group = models.BooleanField(_("staat open voor de doelgroep"), default=False)
    notes = models.TextField(_("opmerkingen"), blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("verhuurder of kantoor")
        verbose_name_plural = _("verhuurders en kantoren")
        constraints = [models.UniqueConstraint(fields=["organisation", "kind", "name"],
                                               name="landlord_once")]

    def __str__(self) -> str:
        return self.name


class Agreement(models.Model):
    """A contact or agreement made with a landlord (e.g. first refusal for the woonclub)."""

    landlord = models.ForeignKey(Landlord, models.CASCADE, related_name="agreements")
    made_on = models.DateField(_("datum"))
    text = models.TextField(_("afspraak"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-made_on", "-id"]

    def __str__(self) -> str:
        return f"afspraak {self.made_on}"


class Listing(models.Model):
    class Kind(models.TextChoices):
        KAMER = "kamer", _("Kamer")
        STUDIO = "studio", _("Studio")
        APPARTEMENT = "appartement", _("Appartement")
        HUIS = "huis", _("Huis")

    class Status(models.TextChoices):
        BESCHIKBAAR = "beschikbaar", _("Beschikbaar")
        ONDER_OPTIE = "onder_optie", _("Onder optie")
        VERHUURD = "verhuurd", _("Verhuurd")
        INGETROKKEN = "ingetrokken", _("Ingetrokken")

    class Source(models.TextChoices):
        WEBSITE = "website", _("Website")
        AGENCY = "agency", _("Immokantoor")
        LANDLORD = "landlord", _("Verhuurder")
        VOLUNTEER = "volunteer", _("Vrijwilliger")

    EPC_LABELS = [(x, x) for x in ("A+", "A", "B", "C", "D", "E", "F")]

    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="listings", verbose_name=_("bijgehouden door"))
    municipality = models.ForeignKey("core.Municipality", models.PROTECT,
                                     related_name="listings", verbose_name=_("gemeente"))
    street = models.CharField(_("straat"), max_length=150, blank=True)
    number = models.CharField(_("nummer"), max_length=10, blank=True)
    box = models.CharField(_("bus"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    kind = models.CharField(_("soort"), max_length=12, choices=Kind.choices)
    bedrooms = models.PositiveSmallIntegerField(_("slaapkamers"))
    floor_area_m2 = models.PositiveIntegerField(_("oppervlakte (m²)"), null=True, blank=True)
    rent_eur = models.DecimalField(_("huur (€)"), max_digits=8, decimal_places=2)
    charges_eur = models.DecimalField(_("kosten (€)"), max_digits=8, decimal_places=2,
                                      default=0)
    epc_label = models.CharField(_("EPC-label"), max_length=2, choices=EPC_LABELS, blank=True)
    available_from = models.DateField(_("beschikbaar vanaf"), null=True, blank=True)
    landlord = models.ForeignKey(Landlord, models.SET_NULL, null=True, blank=True,
                                 related_name="listings", verbose_name=_("verhuurder"))
    source = models.CharField(_("bron"), max_length=10, choices=Source.choices,
                              default=Source.VOLUNTEER)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices,
                              default=Status.BESCHIKBAAR)
    accessible = models.BooleanField(_("toegankelijk (rolstoel)"), default=False)
    pets = models.BooleanField(_("huisdieren toegelaten"), default=False)
    garden = models.BooleanField(_("tuin"), default=False)
    notes = models.TextField(_("opmerkingen"), blank=True)
    external_ref = models.CharField(_("referentie (import)"), max_length=100, blank=True)
    last_checked_on = models.DateField(_("laatst nagekeken op"))
    last_checked_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT,
                                        related_name="+", verbose_name=_("nagekeken door"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["municipality__name", "rent_eur", "id"]
        verbose_name = _("huurwoning")
        verbose_name_plural = _("immolijst")
        constraints = [
            models.CheckConstraint(condition=Q(rent_eur__gt=0) & Q(charges_eur__gte=0),
                                   name="listing_amounts"),
            models.UniqueConstraint(fields=["organisation", "external_ref"],
                                    condition=~Q(external_ref=""), name="listing_ref_once"),
        ]
        indexes = [models.Index(fields=["status", "municipality", "rent_eur"]),
                   models.Index(fields=["last_checked_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.address_line or self.municipality}"

    @property
    def address_line(self) -> str:
        line = f"{self.street} {self.number}".strip()
        return f"{line} bus {self.box}" if self.box else line

    @property
    def monthly_cost(self):
        return self.rent_eur + self.charges_eur

    def is_stale(self, today) -> bool:
        return rules.is_stale(self.last_checked_on, today)


class SearchProfile(models.Model):
    """What the household looks for: where, accessibility, the largest share
    of income for housing."""

    case = models.OneToOneField("cases.Case", models.CASCADE, related_name="search_profile")
    municipalities = models.ManyToManyField("core.Municipality", blank=True, related_name="+",
                                            verbose_name=_("gewenste gemeenten"))
    needs_accessible = models.BooleanField(_("toegankelijke woning nodig"), default=False)
    has_pets = models.BooleanField(_("heeft huisdieren"), default=False)
    max_share = models.DecimalField(_("hoogstens dit deel van het inkomen"), max_digits=3,
                                    decimal_places=2, default=rules.DEFAULT_MAX_SHARE)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "case__lead_organisation"
        shared_via = "case"

    def __str__(self) -> str:
        return f"zoekprofiel dossier #{self.case_id}"


class SearchEntry(models.Model):
    """One line of a case's search log."""

    class Step(models.TextChoices):
        SHORTLISTED = "shortlisted", _("Op de shortlist")
        CONTACTED = "contacted", _("Verhuurder gecontacteerd")
        VISIT = "visit", _("Bezoek gepland")
        REFUSED = "refused", _("Geweigerd")
        ACCEPTED = "accepted", _("Aanvaard")
        SIGNED = "signed", _("Huurcontract getekend")

    case = models.ForeignKey("cases.Case", models.CASCADE, related_name="search_entries")
    listing = models.ForeignKey(Listing, models.SET_NULL, null=True, blank=True,
                                related_name="search_entries", verbose_name=_("woning"))
    step = models.CharField(_("stap"), max_length=12, choices=Step.choices)
    on = models.DateField(_("datum"))
    visit_at = models.DateTimeField(_("bezoek op"), null=True, blank=True)
    visit_with = models.CharField(_("bezoek met"), max_length=200, blank=True)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    discrimination_signal = models.BooleanField(_("signaal van discriminatie"), default=False)
    note = models.TextField(_("notitie"), blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "case__lead_organisation"
        shared_via = "case"

    class Meta:
        ordering = ["-on", "-id"]
        verbose_name = _("zoekstap")
        verbose_name_plural = _("zoeklogboek")
        constraints = [models.CheckConstraint(condition=~Q(step="refused") | ~Q(reason=""),
                                              name="search_refusal_has_reason")]

    def __str__(self) -> str:
        return f"{self.get_step_display()} {self.on}"


class SocialRegistration(models.Model):
    """The household's registration in the central register for social housing."""

    case = models.OneToOneField("cases.Case", models.CASCADE,
                                related_name="social_registration")
    registered_on = models.DateField(_("ingeschreven op"))
    woonmaatschappij = models.CharField(_("woonmaatschappij"), max_length=200)
    fast_track_applied_on = models.DateField(_("versnelde toewijzing (pijler 2) gevraagd op"),
                                             null=True, blank=True)
    update_due_on = models.DateField(_("inschrijving te actualiseren tegen"), null=True,
                                     blank=True, db_index=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "case__lead_organisation"
        shared_via = "case"

    def __str__(self) -> str:
        return f"inschrijving sociale huur dossier #{self.case_id}"


class WoonclubSession(models.Model):
    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="woonclub_sessions")
    antenna = models.CharField(_("antennepunt"), max_length=120)
    held_on = models.DateField(_("datum"))
    buddies = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True, related_name="+",
                                     verbose_name=_("buddy's (vrijwilligers)"))
    what_was_done = models.TextField(_("wat er gebeurde"), blank=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = _("woonclub")
        verbose_name_plural = _("woonclubs")

    def __str__(self) -> str:
        return f"woonclub {self.antenna} {self.held_on}"


class Attendance(models.Model):
    session = models.ForeignKey(WoonclubSession, models.CASCADE, related_name="attendance")
    case = models.ForeignKey("cases.Case", models.CASCADE, related_name="woonclub_attendance")
    persons = models.PositiveSmallIntegerField(_("aantal personen"), default=1)
    from_loi = models.BooleanField(_("nieuwkomer uit een LOI"), default=False)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "case__lead_organisation"
        shared_via = "case"

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "case"],
                                               name="attendance_once")]

    def __str__(self) -> str:
        return f"aanwezig {self.case_id}"
