"""The energy chain: saved scans (citizen, screening, API), requests for a
renovation coach, screenings at home with their findings, the follow-up
decision, renovation coaching with its phases, contractors and their quotes.

A scan on its own holds no personal data (a dwelling's characteristics, no
address); everything tied to a household is scoped through `visible_to()`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.cases.models import Case, Enrolment
from woonloket.core.access import ScopedQuerySet
from woonloket.core.models import Municipality, Organisation

LABELS = ["A+", "A", "B", "C", "D", "E", "F"]
LABEL_CHOICES = [(label, label) for label in LABELS]


class Scan(models.Model):
    """One run of the scan engine: the inputs (every default filled in) and the
    result, reachable by its unguessable token."""

    class Origin(models.TextChoices):
        CITIZEN = "citizen", _("Burger (energiescan)")
        SCREENING = "screening", _("Screening aan huis")
        RESULT = "result", _("Resultaat na renovatie")

    token = models.CharField(max_length=43, unique=True)
    origin = models.CharField(_("herkomst"), max_length=12, choices=Origin.choices)
    municipality = models.ForeignKey(Municipality, models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("gemeente"))
    income_category = models.PositiveSmallIntegerField(_("inkomenscategorie"), null=True,
                                                       blank=True)
    inputs = models.JSONField(_("invoer"))
    result = models.JSONField(_("resultaat"))
    label = models.CharField(_("label (schatting)"), max_length=2, choices=LABEL_CHOICES)
    primary_energy_kwh_m2 = models.DecimalField(max_digits=8, decimal_places=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("energiescan")
        verbose_name_plural = _("energiescans")
        indexes = [models.Index(fields=["municipality", "origin", "created_at"])]

    def __str__(self) -> str:
        return f"energiescan #{self.pk}"


class CoachRequest(models.Model):
    """A citizen's "vraag een renovatiecoach": contact details given with
    consent, for the back office of their municipality."""

    class Status(models.TextChoices):
        NEW = "nieuw", _("Nieuw")
        IN_PROGRESS = "in_behandeling", _("In behandeling")
        DONE = "afgehandeld", _("Afgehandeld")

    scan = models.ForeignKey(Scan, models.PROTECT, related_name="coach_requests")
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="+",
                                     verbose_name=_("organisatie"))
    municipality = models.ForeignKey(Municipality, models.PROTECT, related_name="+",
                                     verbose_name=_("gemeente"))
    name = models.CharField(_("naam"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    street = models.CharField(_("straat"), max_length=150, blank=True)
    number = models.CharField(_("nummer"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    message = models.TextField(_("vraag"), blank=True)
    consent_text = models.TextField(_("toestemming"))
    consent_at = models.DateTimeField(_("toestemming gegeven op"))
    status = models.CharField(_("status"), max_length=16, choices=Status.choices,
                              default=Status.NEW)
    case = models.ForeignKey(Case, models.SET_NULL, null=True, blank=True, related_name="+",
                             verbose_name=_("dossier"))
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True,
                                   blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "organisation"

    class Meta:
        verbose_name = _("vraag naar een renovatiecoach")
        verbose_name_plural = _("vragen naar een renovatiecoach")
        indexes = [models.Index(fields=["organisation", "status", "-created_at"])]

    def __str__(self) -> str:
        return f"vraag #{self.pk}"


class Finding(models.TextChoices):
    """Comfort and safety findings of a screening at home."""

    VOCHT = "vocht", _("Vocht")
    SCHIMMEL = "schimmel", _("Schimmel")
    TOCHT = "tocht", _("Tocht")
    KOUDE = "koude", _("Koude")
    CO_RISICO = "co_risico", _("CO-risico")
    ELEKTRISCHE_VEILIGHEID = "elektrische_veiligheid", _("Elektrische veiligheid")
    GEBREKEN = "gebreken_woningkwaliteit", _("Gebreken woningkwaliteit")


class Severity(models.TextChoices):
    LICHT = "licht", _("Licht")
    ERNSTIG = "ernstig", _("Ernstig")
    DRINGEND = "dringend", _("Dringend (veiligheid)")


class Screening(models.Model):
    """An energy and comfort screening at home by a technician, for a case."""

    case = models.ForeignKey(Case, models.PROTECT, related_name="screenings",
                             verbose_name=_("dossier"))
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="+",
                                     verbose_name=_("organisatie"))
    technician = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                                   verbose_name=_("technicus"))
    visited_on = models.DateField(_("bezocht op"))
    street = models.CharField(_("straat"), max_length=150, blank=True)
    number = models.CharField(_("nummer"), max_length=10, blank=True)
    box = models.CharField(_("bus"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    municipality = models.ForeignKey(Municipality, models.PROTECT, related_name="+",
                                     verbose_name=_("gemeente"))
    is_owner_occupied = models.BooleanField(_("eigenaar-bewoner"), default=False)
    scan = models.OneToOneField(Scan, models.PROTECT, related_name="screening")
    notes = models.TextField(_("notities"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("case__lead_organisation", "organisation")
        shared_via = "case"

    class Meta:
        verbose_name = _("screening")
        verbose_name_plural = _("screenings")
        indexes = [models.Index(fields=["organisation", "-visited_on"])]

    def __str__(self) -> str:
        return f"screening #{self.pk}"


class ScreeningFinding(models.Model):
    screening = models.ForeignKey(Screening, models.CASCADE, related_name="findings")
    kind = models.CharField(_("vaststelling"), max_length=30, choices=Finding.choices)
    severity = models.CharField(_("ernst"), max_length=10, choices=Severity.choices,
                                default=Severity.LICHT)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["screening", "kind"],
                                               name="screening_finding_once")]

    def __str__(self) -> str:
        return self.get_kind_display()


class ScreeningPhoto(models.Model):
    screening = models.ForeignKey(Screening, models.CASCADE, related_name="photos")
    caption = models.CharField(_("onderschrift"), max_length=200, blank=True)
    content_type = models.CharField(max_length=40)
    data = models.BinaryField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.caption or f"foto #{self.pk}"


class FollowUpKind(models.TextChoices):
    RENOVATIEBEGELEIDING = "renovatiebegeleiding", _("Renovatiebegeleiding")
    PREMIE_LENING = "premie_lening", _("Premie- of leningaanvraag (Mijn VerbouwLening)")
    SVK = "doorverwijzing_svk", _("Doorverwijzing SVK")
    WONINGKWALITEIT = "woningkwaliteitsonderzoek", _("Woningkwaliteitsonderzoek")
    NOODKOOPFONDS = "noodkoopfonds", _("Noodkoopfonds")
    COLLECTIEVE_RENOVATIE = "collectieve_renovatie", _("Collectieve renovatie")
    GEEN_ACTIE = "geen_actie", _("Geen actie")


class FollowUp(models.Model):
    """The local contact point's decision on a screening, with its reason; the
    chosen follow-up becomes an enrolment (program) on the case."""

    screening = models.ForeignKey(Screening, models.CASCADE, related_name="follow_ups")
    kind = models.CharField(_("opvolging"), max_length=30, choices=FollowUpKind.choices)
    reason = models.TextField(_("reden"))
    decided_on = models.DateField(_("beslist op"))
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    # Several decisions may lead to the same running program (it is not doubled).
    enrolment = models.ForeignKey(Enrolment, models.SET_NULL, null=True, blank=True,
                                  related_name="energy_follow_ups")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("opvolging")
        verbose_name_plural = _("opvolgingen")

    def __str__(self) -> str:
        return self.get_kind_display()


class Phase(models.TextChoices):
    """The phases of renovation coaching, in order."""

    ADVIES = "advies", _("Advies")
    OFFERTES = "offertes", _("Offertes")
    PREMIES = "premies_lening", _("Premies en lening")
    UITVOERING = "uitvoering", _("Uitvoering")
    OPLEVERING = "oplevering", _("Oplevering")
    NAZORG = "nazorg", _("Nazorg")


class Trajectory(models.Model):
    """Renovation coaching (RenovatieCoach) of one home, for a case."""

    case = models.ForeignKey(Case, models.PROTECT, related_name="renovation_trajectories",
                             verbose_name=_("dossier"))
    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="+",
                                     verbose_name=_("organisatie"))
    screening = models.ForeignKey(Screening, models.SET_NULL, null=True, blank=True,
                                  related_name="trajectories")
    coach = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+",
                              verbose_name=_("renovatiecoach"))
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices,
                             default=Phase.ADVIES)
    started_on = models.DateField(_("gestart op"))
    before_scan = models.ForeignKey(Scan, models.PROTECT, null=True, blank=True,
                                    related_name="+", verbose_name=_("scan vooraf"))
    after_scan = models.ForeignKey(Scan, models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("scan na de werken"))
    completed_on = models.DateField(_("werken klaar op"), null=True, blank=True)
    notes = models.TextField(_("notities"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("case__lead_organisation", "organisation")
        shared_via = "case"

    class Meta:
        verbose_name = _("renovatiebegeleiding")
        verbose_name_plural = _("renovatiebegeleidingen")
        indexes = [models.Index(fields=["organisation", "phase"])]

    def __str__(self) -> str:
        return f"renovatiebegeleiding #{self.pk}"


class TrajectoryPhase(models.Model):
    """The date a trajectory entered a phase (phases only move forward)."""

    trajectory = models.ForeignKey(Trajectory, models.CASCADE, related_name="phases")
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices)
    started_on = models.DateField(_("vanaf"))
    note = models.CharField(_("notitie"), max_length=500, blank=True)

    class Meta:
        ordering = ["started_on", "pk"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "phase"],
                                               name="trajectory_phase_once")]

    def __str__(self) -> str:
        return self.get_phase_display()


class Speciality(models.TextChoices):
    DAK = "dak", _("Dak en dakisolatie")
    GEVEL = "gevel", _("Gevel- en spouwmuurisolatie")
    VLOER = "vloer", _("Vloerisolatie")
    RAMEN = "ramen", _("Ramen en deuren")
    VENTILATIE = "ventilatie", _("Ventilatie")
    WARMTEPOMP = "warmtepomp", _("Warmtepompen")
    KETEL = "ketel", _("Verwarmingsketels")
    ZONNEPANELEN = "zonnepanelen", _("Zonnepanelen")
    ELEKTRICITEIT = "elektriciteit", _("Elektriciteit")
    ALGEMEEN = "algemeen", _("Algemene aanneming")


class Contractor(models.Model):
    """A contractor in the pool of energy-aware contractors of an organisation."""

    organisation = models.ForeignKey(Organisation, models.PROTECT, related_name="+",
                                     verbose_name=_("organisatie"))
    name = models.CharField(_("naam"), max_length=200)
    vat_number = models.CharField(_("ondernemingsnummer"), max_length=20, blank=True)
    specialities = models.JSONField(_("specialiteiten"), default=list)
    municipalities = models.ManyToManyField(Municipality, related_name="+",
                                            verbose_name=_("werkt in"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    agreements = models.TextField(_("afspraken"), blank=True)
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        verbose_name = _("aannemer")
        verbose_name_plural = _("aannemers")
        constraints = [models.UniqueConstraint(fields=["organisation", "name"],
                                               name="contractor_name_unique")]

    def __str__(self) -> str:
        return self.name


class Quote(models.Model):
    """A quote a household received, for comparison side by side."""

    trajectory = models.ForeignKey(Trajectory, models.CASCADE, related_name="quotes")
    contractor = models.ForeignKey(Contractor, models.PROTECT, related_name="quotes",
                                   verbose_name=_("aannemer"))
    measure = models.CharField(_("maatregel"), max_length=30)
    received_on = models.DateField(_("ontvangen op"))
    amount_excl_vat_eur = models.DecimalField(_("bedrag excl. btw"), max_digits=9,
                                              decimal_places=2)
    vat_percent = models.PositiveSmallIntegerField(_("btw (%)"), default=6)
    quantity = models.DecimalField(_("hoeveelheid"), max_digits=8, decimal_places=1,
                                   null=True, blank=True)
    unit = models.CharField(_("eenheid"), max_length=10, blank=True)
    warranty_years = models.PositiveSmallIntegerField(_("waarborg (jaar)"), null=True,
                                                      blank=True)
    lead_time_weeks = models.PositiveSmallIntegerField(_("uitvoering binnen (weken)"),
                                                       null=True, blank=True)
    notes = models.CharField(_("opmerkingen"), max_length=500, blank=True)
    chosen = models.BooleanField(_("gekozen"), default=False)

    class Meta:
        verbose_name = _("offerte")
        verbose_name_plural = _("offertes")
        constraints = [models.CheckConstraint(condition=Q(amount_excl_vat_eur__gte=0),
                                              name="quote_amount_positive")]

    def __str__(self) -> str:
        return f"offerte #{self.pk}"
