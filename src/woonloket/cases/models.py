"""Cases (begeleidingsdossiers), their themes, program enrolments, contacts,
consents and referrals. Personal data: read through `visible_to()`."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.clients.models import Household
from woonloket.core.access import ScopedQuerySet
from woonloket.core.models import Municipality, Organisation


class Theme(models.TextChoices):
    DREIGENDE_DAKLOOSHEID = "dreigende_dakloosheid", _("Dreigende dakloosheid")
    WONINGKWALITEIT = "woningkwaliteit", _("Woningkwaliteit")
    HUURWETGEVING = "huurwetgeving", _("Huurwetgeving")
    WONINGZOEKTOCHT = "woningzoektocht", _("Woningzoektocht (sociaal of privaat)")
    STEUNMAATREGELEN = "steunmaatregelen", _("Steunmaatregelen")
    EIGENAAR_IN_PROBLEMEN = "eigenaar_in_problemen", _("Eigenaar in problemen")
    ENERGIE = "energie", _("Energie")
    OTHER = "other", _("Andere")


class Source(models.TextChoices):
    LOKET = "loket", _("Loket")
    DOORVERWIJZING = "doorverwijzing", _("Doorverwijzing")
    VREDEGERECHT = "vredegerecht", _("Vredegerecht")
    MELDPUNT = "meldpunt", _("Meldpunt")
    TELEFOON = "telefoon", _("Telefoon")
    HUISBEZOEK = "huisbezoek", _("Huisbezoek")


class Status(models.TextChoices):
    AANGEMELD = "aangemeld", _("Aangemeld")
    INTAKE = "intake", _("Intake")
    LOPEND = "lopend", _("Lopend")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class Program(models.TextChoices):
    WONINGZOEKTOCHT = "woningzoektocht", _("Woningzoektocht")
    WOONCLUB = "woonclub", _("Woonclub")
    GOED_WONEN = "goed_wonen", _("Goed wonen")
    KETELONDERHOUD = "ketelonderhoud", _("Ketelonderhoud")
    NOODKOOPFONDS = "noodkoopfonds", _("Noodkoopfonds")
    PROEFWONEN = "proefwonen", _("Proefwonen")
    HUURBEMIDDELING = "huurbemiddeling", _("Proactieve huurbemiddeling")
    UITHUISZETTING = "uithuiszetting", _("Begeleiding gerechtelijke uithuiszetting")
    CRISISOPVANG = "crisisopvang", _("Crisisopvang")
    CRISISNETWERK = "crisisnetwerk", _("Crisisnetwerk")
    DAKLOZEN = "ondersteuning_daklozen", _("Ondersteuning daklozen")
    RENOVATIEBEGELEIDING = "renovatiebegeleiding", _("Renovatiebegeleiding")
    KRACHT_WONEN = "kracht_wonen", _("kracht.wonen")
    PREMIE_LENING = "premie_lening", _("Premie- en leningaanvraag (Mijn VerbouwLening)")
    DOORVERWIJZING_SVK = "doorverwijzing_svk", _("Doorverwijzing SVK")
    WONINGKWALITEIT = "woningkwaliteitsonderzoek", _("Woningkwaliteitsonderzoek")
    COLLECTIEVE_RENOVATIE = "collectieve_renovatie", _("Collectieve renovatie")


class Case(models.Model):
    household = models.ForeignKey(Household, on_delete=models.PROTECT, related_name="cases")
    lead_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="cases",
        verbose_name=_("organisatie"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="cases", verbose_name=_("gemeente")
    )
    contact_person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="cases", verbose_name=_("vaste contactpersoon"),
    )
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.AANGEMELD
    )
    opened_on = models.DateField(_("geopend op"))
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    closure_reason = models.CharField(_("reden van afsluiten"), max_length=200, blank=True)
    result = models.CharField(_("resultaat"), max_length=200, blank=True)
    is_priority = models.BooleanField(_("prioritaire doelgroep"), default=False)
    priority_reason = models.CharField(_("reden prioritair"), max_length=200, blank=True)
    priority_since = models.DateField(_("prioritair sinds"), null=True, blank=True)
    priority_assessed_on = models.DateField(_("inschatting prioritair op"), null=True, blank=True)
    priority_assessment = models.CharField(_("inschatting"), max_length=300, blank=True)
    contact_count = models.PositiveIntegerField(_("contacten met de cliënt"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "lead_organisation"

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        indexes = [
            models.Index(fields=["lead_organisation", "status", "-opened_on"]),
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["contact_person", "status", "-opened_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="afgesloten", closed_on__isnull=False)
                | (~Q(status="afgesloten") & Q(closed_on__isnull=True)),
                name="case_closed_has_date",
            ),
            models.CheckConstraint(
                condition=Q(is_priority=False) | Q(priority_since__isnull=False),
                name="case_priority_has_date",
            ),
        ]

    def __str__(self) -> str:
        return f"dossier #{self.pk}"


class CaseTheme(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="themes")
    theme = models.CharField(_("thema"), max_length=30, choices=Theme.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "theme"], name="case_theme_once")]

    def __str__(self) -> str:
        return self.get_theme_display()


class Enrolment(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="enrolments")
    program = models.CharField(_("traject"), max_length=30, choices=Program.choices)
    started_on = models.DateField(_("start"))
    ended_on = models.DateField(_("einde"), null=True, blank=True)
    outcome = models.CharField(_("uitkomst"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=models.F("started_on")),
                name="enrolment_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.get_program_display()


class Contact(models.Model):
    class Channel(models.TextChoices):
        LOKET = "loket", _("Loket")
        TELEFOON = "telefoon", _("Telefoon")
        HUISBEZOEK = "huisbezoek", _("Huisbezoek")
        EMAIL = "email", _("E-mail")
        ZITTING = "zitting_vredegerecht", _("Zitting vredegerecht")
        OVERLEG = "overleg", _("Overleg")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="contacts")
    at = models.DateTimeField(_("tijdstip"))
    channel = models.CharField(_("kanaal"), max_length=25, choices=Channel.choices)
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("medewerker"),
    )
    minutes = models.PositiveIntegerField(_("duur (minuten)"))
    summary = models.TextField(_("samenvatting"))
    is_confidential = models.BooleanField(_("vertrouwelijk"), default=False)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "case__lead_organisation"
        shared_via = "case"

    class Meta:
        ordering = ["-at"]
        verbose_name = _("contact")
        verbose_name_plural = _("contacten")
        indexes = [models.Index(fields=["case", "-at"]), models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"contact #{self.pk}"

    @property
    def is_with_client(self) -> bool:
        """Consultations between professionals do not count as contact with the client."""
        return self.channel != self.Channel.OVERLEG


class Consent(models.Model):
    """Purpose-bound consent of the client to share (part of) the case."""

    class Scope(models.TextChoices):
        DOSSIER = "dossier", _("Het dossier: gezin, thema's, trajecten, handelingsplan")
        CONTACTS = "contacts", _("De contacten (zonder vertrouwelijke)")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="consents",
        verbose_name=_("ontvangende organisatie"),
    )
    purpose = models.CharField(_("doel"), max_length=300)
    scope = models.JSONField(_("wat gedeeld wordt"))
    given_on = models.DateField(_("gegeven op"))
    expires_on = models.DateField(_("geldig tot en met"))
    withdrawn_on = models.DateField(_("ingetrokken op"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gte=models.F("given_on")), name="consent_period_ordered"
            )
        ]

    def __str__(self) -> str:
        return f"toestemming #{self.pk}"


class Referral(models.Model):
    class Status(models.TextChoices):
        VERSTUURD = "verstuurd", _("Verstuurd")
        AANVAARD = "aanvaard", _("Aanvaard")
        GEWEIGERD = "geweigerd", _("Geweigerd")
        AFGEROND = "afgerond", _("Afgerond")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="referrals")
    from_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_sent"
    )
    to_organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="referrals_received"
    )
    reason = models.TextField(_("reden"))
    consent = models.OneToOneField(Consent, on_delete=models.PROTECT, related_name="referral")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.VERSTUURD
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        # the sender's case team and the receiving organisation both follow it up
        owner = ("case__lead_organisation", "to_organisation")

    class Meta:
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        indexes = [models.Index(fields=["to_organisation", "status"])]

    def __str__(self) -> str:
        return f"doorverwijzing #{self.pk}"


SCORE = [(i, str(i)) for i in range(1, 6)]
LIFE_DOMAINS = ["financieel", "psychosociaal", "gezondheid", "administratief", "juridisch",
                "werk_en_inkomen"]


class Intake(models.Model):
    """Structured first assessment: the housing situation, self-reliance per
    life domain (1 = not self-reliant .. 5 = fully self-reliant), the question
    behind the question, and urgency."""

    class Urgency(models.TextChoices):
        LOW = "laag", _("Laag")
        MEDIUM = "gemiddeld", _("Gemiddeld")
        HIGH = "hoog", _("Hoog")
        ACUTE = "acuut", _("Acuut")

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="intake")
    housing_situation = models.TextField(_("woonsituatie"))
    financieel = models.PositiveSmallIntegerField(_("financieel"), choices=SCORE)
    psychosociaal = models.PositiveSmallIntegerField(_("psychosociaal"), choices=SCORE)
    gezondheid = models.PositiveSmallIntegerField(_("gezondheid"), choices=SCORE)
    administratief = models.PositiveSmallIntegerField(_("administratief"), choices=SCORE)
    juridisch = models.PositiveSmallIntegerField(_("juridisch"), choices=SCORE)
    werk_en_inkomen = models.PositiveSmallIntegerField(_("werk en inkomen"), choices=SCORE)
    question_behind = models.TextField(_("vraag achter de vraag"), blank=True)
    urgency = models.CharField(_("urgentie"), max_length=10, choices=Urgency.choices)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")
    recorded_on = models.DateField(_("datum"))

    class Meta:
        verbose_name = _("intake")
        verbose_name_plural = _("intakes")
        constraints = [
            models.CheckConstraint(condition=Q(**{f"{d}__gte": 1, f"{d}__lte": 5}),
                                   name=f"intake_{d}_1_to_5")
            for d in LIFE_DOMAINS
        ]

    def __str__(self) -> str:
        return f"intake dossier #{self.case_id}"


class ActionPlan(models.Model):
    """Handelingsplan: goals and actions agreed with the client."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="action_plan")
    agreed_on = models.DateField(_("afgesproken op"), null=True, blank=True)
    # the next evaluation agreed at the latest one, kept by evaluation_add ("Mijn werk")
    next_evaluation_on = models.DateField(_("volgende evaluatie"), null=True, blank=True,
                                          db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handelingsplan")
        verbose_name_plural = _("handelingsplannen")

    def __str__(self) -> str:
        return f"handelingsplan dossier #{self.case_id}"


class Goal(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    description = models.CharField(_("doel"), max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")

    def __str__(self) -> str:
        return self.description


class Action(models.Model):
    class Who(models.TextChoices):
        STAFF = "staff", _("Medewerker")
        CLIENT = "client", _("Cliënt")
        PARTNER = "partner", _("Partnerorganisatie")

    class State(models.TextChoices):
        OPEN = "open", _("Te doen")
        BUSY = "bezig", _("Bezig")
        DONE = "klaar", _("Klaar")
        CANCELLED = "geannuleerd", _("Geannuleerd")

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    description = models.CharField(_("actie"), max_length=300)
    who = models.CharField(_("wie"), max_length=10, choices=Who.choices)
    staff = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True,
                              blank=True, related_name="actions", verbose_name=_("medewerker"))
    partner = models.ForeignKey(Organisation, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("partnerorganisatie"))
    due_on = models.DateField(_("tegen"), null=True, blank=True)
    state = models.CharField(_("status"), max_length=12, choices=State.choices,
                             default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")
        indexes = [models.Index(fields=["staff", "state", "due_on"])]
        constraints = [
            models.CheckConstraint(
                condition=~Q(who="staff") | Q(staff__isnull=False), name="action_staff_named"),
            models.CheckConstraint(
                condition=~Q(who="partner") | Q(partner__isnull=False),
                name="action_partner_named"),
        ]

    def __str__(self) -> str:
        return self.description


class Evaluation(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="evaluations")
    held_on = models.DateField(_("datum"))
    notes = models.TextField(_("verslag"))
    next_on = models.DateField(_("volgende evaluatie"), null=True, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                    related_name="+")

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        indexes = [models.Index(fields=["next_on"])]

    def __str__(self) -> str:
        return f"evaluatie {self.held_on}"
