"""Eviction prevention: court petitions and their outreach steps, letters
(the exact PDF that was sent), court sessions with the counsellors on duty,
per-organisation settings and letter templates, and rent mediation files.

A petition is personal data of the organisation that follows it up; the
municipality's OCMW, which receives the court's copy by law (art. 1344ter
Ger.W.), sees it too. Read through `visible_to()`.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import ScopedQuerySet
from woonloket.housing.models import Destination

from . import rules


class LandlordKind(models.TextChoices):
    PRIVATE = "private", _("Private verhuurder")
    WOONMAATSCHAPPIJ = "woonmaatschappij", _("Woonmaatschappij")
    SVK = "svk", _("Sociaal verhuurkantoor")


class Petition(models.Model):
    class Reason(models.TextChoices):
        ARREARS = "arrears", _("Huurachterstal")
        NUISANCE = "nuisance", _("Overlast")
        END_OF_LEASE = "end_of_lease", _("Einde huurovereenkomst")
        OTHER = "other", _("Andere")

    class Outcome(models.TextChoices):
        POSTPONED = "postponed", _("Uitgesteld")
        SETTLEMENT = "settlement", _("Akkoord / afbetalingsplan")
        EVICTION = "eviction_judgment", _("Vonnis tot uithuiszetting")
        WITHDRAWN = "withdrawn", _("Ingetrokken")
        OTHER = "other", _("Andere")

    class Source(models.TextChoices):
        FORM = "form", _("Formulier")
        CSV = "csv", _("CSV-bestand")
        API = "api", _("API")

    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="petitions", verbose_name=_("woondienst"))
    ocmw = models.ForeignKey("core.Organisation", models.PROTECT, null=True, blank=True,
                             related_name="petitions_informed", verbose_name=_("OCMW"))
    case = models.ForeignKey("cases.Case", models.PROTECT, related_name="petitions",
                             verbose_name=_("dossier"))
    household = models.ForeignKey("clients.Household", models.PROTECT,
                                  related_name="petitions", verbose_name=_("gezin"))
    canton = models.ForeignKey("core.Canton", models.PROTECT, related_name="petitions",
                               verbose_name=_("kanton"))
    municipality = models.ForeignKey("core.Municipality", models.PROTECT,
                                     related_name="petitions", verbose_name=_("gemeente"))
    roll_number = models.CharField(_("rolnummer"), max_length=40)
    received_on = models.DateField(_("ontvangen op"))
    outreach_from = models.DateField(_("uitreiking gestart op"),
                                     help_text=_("De ontvangst, of de registratie als die "
                                                 "later kwam: de stappen tellen vanaf hier."))
    hearing_at = models.DateTimeField(_("zitting"))
    landlord_kind = models.CharField(_("soort verhuurder"), max_length=20,
                                     choices=LandlordKind.choices)
    landlord_name = models.CharField(_("verhuurder"), max_length=200)
    landlord_contact = models.CharField(_("contact verhuurder"), max_length=200, blank=True)
    tenant_name = models.CharField(_("huurder"), max_length=210)
    street = models.CharField(_("straat"), max_length=150)
    number = models.CharField(_("huisnummer"), max_length=10)
    box = models.CharField(_("bus"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4)
    arrears_eur = models.DecimalField(_("achterstal (€)"), max_digits=10, decimal_places=2)
    monthly_rent_eur = models.DecimalField(_("huur per maand (€)"), max_digits=10,
                                           decimal_places=2)
    reason = models.CharField(_("reden"), max_length=20, choices=Reason.choices,
                              default=Reason.ARREARS)
    source = models.CharField(_("ingevoerd via"), max_length=10, choices=Source.choices)
    ocmw_seen_on = models.DateField(_("gezien door het OCMW op"), null=True, blank=True)
    # progress copied from the steps by the services, for the figures
    reached_on = models.DateField(_("contact gelegd op"), null=True, blank=True, editable=False)
    intake_on = models.DateField(_("intake op"), null=True, blank=True, editable=False)
    hearing_attended = models.BooleanField(_("zitting bijgewoond"), default=False,
                                           editable=False)
    # hearing outcome and follow-up
    outcome = models.CharField(_("uitspraak"), max_length=20, choices=Outcome.choices,
                               blank=True)
    outcome_on = models.DateField(_("datum uitspraak"), null=True, blank=True)
    outcome_note = models.TextField(_("toelichting uitspraak"), blank=True)
    served_on = models.DateField(_("vonnis betekend op"), null=True, blank=True)
    evicted_on = models.DateField(_("uithuiszetting uitgevoerd op"), null=True, blank=True)
    housed_on = models.DateField(_("gehuisvest op"), null=True, blank=True)
    housed_where = models.CharField(_("gehuisvest in"), max_length=20,
                                    choices=Destination.choices, blank=True)
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = ("organisation", "ocmw")

    class Meta:
        verbose_name = _("verzoekschrift uithuiszetting")
        verbose_name_plural = _("verzoekschriften uithuiszetting")
        constraints = [
            models.UniqueConstraint(fields=["canton", "roll_number"], name="petition_roll_once"),
            models.CheckConstraint(condition=Q(arrears_eur__gte=0) & Q(monthly_rent_eur__gte=0),
                                   name="petition_amounts_not_negative"),
            models.CheckConstraint(
                condition=Q(served_on__isnull=True) | Q(outcome="eviction_judgment"),
                name="petition_served_only_after_judgment"),
        ]
        indexes = [
            models.Index(fields=["organisation", "closed_on", "hearing_at"]),
            models.Index(fields=["canton", "hearing_at"]),
            models.Index(fields=["ocmw", "ocmw_seen_on"]),
            models.Index(fields=["received_on", "municipality"]),
        ]

    def __str__(self) -> str:
        return f"verzoekschrift {self.roll_number}"

    @property
    def address_line(self) -> str:
        line = f"{self.street} {self.number}".strip()
        return f"{line} bus {self.box}" if self.box else line

    @property
    def earliest_eviction(self):
        return rules.earliest_eviction(self.served_on) if self.served_on else None


class Step(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Te doen")
        DONE = "done", _("Gedaan")
        SKIPPED = "skipped", _("Niet nodig")

    petition = models.ForeignKey(Petition, models.CASCADE, related_name="steps")
    kind = models.CharField(_("stap"), max_length=12,
                            choices=[(k, rules.STEP_LABELS[k]) for k in rules.STEP_KINDS])
    position = models.PositiveSmallIntegerField()
    delay_days = models.PositiveSmallIntegerField(_("termijn (dagen na de vorige stap)"))
    due_on = models.DateField(_("tegen"))
    planned_at = models.DateTimeField(_("gepland op"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=8, choices=Status.choices,
                              default=Status.OPEN)
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=20, blank=True)
    note = models.TextField(_("notitie"), blank=True)
    done_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, null=True,
                                blank=True, related_name="+")
    # the step whose outcome settled this one (reopening that step reopens this one)
    settled_by = models.ForeignKey("self", models.SET_NULL, null=True, blank=True,
                                   related_name="settled")

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        # the housing service's work: the informed OCMW sees the petition, not the steps
        owner = "petition__organisation"

    class Meta:
        ordering = ["petition", "position"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        constraints = [
            models.UniqueConstraint(fields=["petition", "kind"], name="step_kind_once"),
            models.CheckConstraint(condition=Q(status="done", done_on__isnull=False)
                                   | (~Q(status="done") & Q(done_on__isnull=True)),
                                   name="step_done_has_date"),
        ]
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self) -> str:
        return rules.STEP_LABELS.get(self.kind, self.kind)

    @property
    def outcome_label(self) -> str:
        return dict(rules.OUTCOMES.get(self.kind, ())).get(self.outcome, self.outcome)


class Letter(models.Model):
    """A letter or card as it was printed: the exact PDF is kept."""

    petition = models.ForeignKey(Petition, models.CASCADE, related_name="letters")
    kind = models.CharField(_("soort"), max_length=10,
                            choices=[(k, rules.STEP_LABELS[k]) for k in rules.LETTER_KINDS])
    pdf = models.BinaryField(_("PDF"))
    sha256 = models.CharField(max_length=64)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "petition__organisation"

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")
        indexes = [models.Index(fields=["petition", "kind"])]

    def __str__(self) -> str:
        return f"{rules.STEP_LABELS.get(self.kind, self.kind)} #{self.pk}"


class OutreachSettings(models.Model):
    """An organisation's outreach sequence, visit hours and who follows which
    municipality up (the defaults follow the practice in `rules`)."""

    organisation = models.OneToOneField("core.Organisation", models.CASCADE,
                                        related_name="outreach_settings")
    sequence = models.JSONField(_("stappen en termijnen"), default=list)
    visit_minutes = models.PositiveSmallIntegerField(_("duur huisbezoek (minuten)"),
                                                     default=60)

    def __str__(self) -> str:
        return f"uitreiking {self.organisation_id}"

    def sequence_pairs(self) -> list[tuple[str, int]]:
        return [(k, int(d)) for k, d in self.sequence] or list(rules.DEFAULT_SEQUENCE)


class Assignment(models.Model):
    """The counsellor who follows up the petitions of one municipality."""

    organisation = models.ForeignKey("core.Organisation", models.CASCADE,
                                     related_name="eviction_assignments")
    municipality = models.ForeignKey("core.Municipality", models.CASCADE, related_name="+",
                                     verbose_name=_("gemeente"))
    counsellor = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE, related_name="+",
                                   verbose_name=_("woonbegeleider"))
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "municipality"],
                                               name="assignment_once")]

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.counsellor_id}"


class LetterTemplate(models.Model):
    """An organisation's text for letter 1, the card or letter 2."""

    organisation = models.ForeignKey("core.Organisation", models.CASCADE,
                                     related_name="letter_templates")
    kind = models.CharField(_("soort"), max_length=10,
                            choices=[(k, rules.STEP_LABELS[k]) for k in rules.LETTER_KINDS])
    sender = models.TextField(_("afzender"), help_text=_("Naam en adres, één per regel."))
    body = models.TextField(_("tekst"))
    signature = models.TextField(_("ondertekening"))
    logo = models.BinaryField(_("logo (PNG of JPEG)"), null=True, blank=True)
    logo_type = models.CharField(max_length=20, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["organisation", "kind"],
                                               name="letter_template_once")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.organisation_id})"


class CourtSession(models.Model):
    class Mode(models.TextChoices):
        PRESENT = "present", _("Aanwezig op de zitting")
        ON_CALL = "on_call", _("Oproepbaar")

    canton = models.ForeignKey("core.Canton", models.PROTECT, related_name="court_sessions",
                               verbose_name=_("kanton"))
    organisation = models.ForeignKey("core.Organisation", models.CASCADE,
                                     related_name="court_sessions")
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"))
    place = models.CharField(_("plaats"), max_length=200, blank=True)
    mode = models.CharField(_("aanwezigheid"), max_length=10, choices=Mode.choices,
                            default=Mode.PRESENT)
    counsellors = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="court_duties",
                                         verbose_name=_("woonbegeleiders van dienst"))

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("zitting")
        verbose_name_plural = _("zittingen")
        constraints = [models.CheckConstraint(condition=Q(ends_at__gt=models.F("starts_at")),
                                              name="court_session_ordered")]
        indexes = [models.Index(fields=["canton", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.canton} {self.starts_at:%d/%m/%Y}"


class Mediation(models.Model):
    """Proactive rent mediation between tenant and landlord, before court."""

    class Subject(models.TextChoices):
        HUURPRIJS = "huurprijs", _("Huurprijs")
        INDEXATIE = "indexatie", _("Indexatie")
        WAARBORG = "waarborg", _("Huurwaarborg")
        SCHADE = "schade", _("Schade")
        HERSTELLINGEN = "herstellingen", _("Herstellingen")
        OPZEG = "opzeg", _("Opzeg")
        OVERLAST = "overlast", _("Overlast")
        ACHTERSTAL = "betalingsachterstand", _("Betalingsachterstand")

    class Outcome(models.TextChoices):
        AGREEMENT = "akkoord", _("Akkoord")
        HUURDERSBOND = "huurdersbond", _("Doorverwezen naar de Huurdersbond")
        LEGAL_AID = "juridische_bijstand", _("Doorverwezen naar juridische bijstand")
        OCMW = "ocmw", _("Doorverwezen naar het OCMW")
        DEBT = "schuldhulp", _("Doorverwezen naar schuldhulpverlening")
        COURT = "rechtbank", _("Naar de vrederechter")
        NONE = "geen_akkoord", _("Geen akkoord")

    organisation = models.ForeignKey("core.Organisation", models.PROTECT,
                                     related_name="mediations")
    case = models.ForeignKey("cases.Case", models.PROTECT, related_name="mediations",
                             verbose_name=_("dossier"))
    municipality = models.ForeignKey("core.Municipality", models.PROTECT, related_name="+",
                                     verbose_name=_("gemeente"))
    subject = models.CharField(_("onderwerp"), max_length=25, choices=Subject.choices)
    landlord_kind = models.CharField(_("soort verhuurder"), max_length=20,
                                     choices=LandlordKind.choices)
    landlord_name = models.CharField(_("verhuurder"), max_length=200)
    protocol_partner = models.ForeignKey(
        "core.Organisation", models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("protocolpartner"),
        help_text=_("Bv. een woonmaatschappij met een samenwerkingsprotocol."))
    opened_on = models.DateField(_("gestart op"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=Outcome.choices,
                               blank=True)
    closed_on = models.DateField(_("afgerond op"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "organisation"
        shared_via = "case"

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = _("huurbemiddeling")
        verbose_name_plural = _("huurbemiddelingen")
        constraints = [models.CheckConstraint(
            condition=Q(closed_on__isnull=True, outcome="")
            | (Q(closed_on__isnull=False) & ~Q(outcome="")), name="mediation_closed_has_outcome")]

    def __str__(self) -> str:
        return f"bemiddeling #{self.pk}"


class MediationMeeting(models.Model):
    mediation = models.ForeignKey(Mediation, models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("datum"))
    participants = models.CharField(_("aanwezigen"), max_length=300)
    notes = models.TextField(_("verslag"))
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        ordering = ["held_on", "id"]

    def __str__(self) -> str:
        return f"gesprek {self.held_on}"
