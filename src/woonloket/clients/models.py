"""Households, their members and incomes: personal data, read only through
`visible_to()` (the registering organisation, or an explicit share: a case
opened by another organisation shares the household with it)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import ScopedQuerySet
from woonloket.core.models import Municipality, Organisation

from . import rules


class Tenure(models.TextChoices):
    PRIVATE_RENT = "private_rent", _("Private huur")
    SOCIAL_RENT = "social_rent", _("Sociale huur")
    SVK = "svk", _("Huur via SVK")
    OWNER = "owner", _("Eigenaar-bewoner")
    HOMELESS = "homeless", _("Dakloos")
    CRISIS_SHELTER = "crisis_shelter", _("Crisisopvang")
    INSTITUTION = "institution", _("Instelling")
    OTHER = "other", _("Andere")


class Household(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="households",
        verbose_name=_("geregistreerd door"),
    )
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="households",
        verbose_name=_("gemeente"),
    )
    street = models.CharField(_("straat"), max_length=150, blank=True)
    number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    box = models.CharField(_("bus"), max_length=10, blank=True)
    postal_code = models.CharField(_("postcode"), max_length=4, blank=True)
    tenure = models.CharField(_("woonsituatie"), max_length=20, choices=Tenure.choices)
    savings_eur = models.DecimalField(
        _("spaargeld (€)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "organisation"

    class Meta:
        verbose_name = _("gezin")
        verbose_name_plural = _("gezinnen")
        constraints = [
            models.CheckConstraint(
                condition=Q(savings_eur__isnull=True) | Q(savings_eur__gte=0),
                name="household_savings_not_negative",
            )
        ]

    def __str__(self) -> str:
        return f"gezin #{self.pk}"


class Person(models.Model):
    class Relation(models.TextChoices):
        SELF = "self", _("Aanvrager")
        PARTNER = "partner", _("Partner")
        CHILD = "child", _("Kind")
        PARENT = "parent", _("Ouder")
        OTHER = "other", _("Andere")

    class Sex(models.TextChoices):
        MALE = "m", _("Man")
        FEMALE = "v", _("Vrouw")
        OTHER = "x", _("X")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    # The household's organisation, copied so that the people search filters
    # and ranks within one organisation from one table (kept in sync by services).
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    relation = models.CharField(_("relatie"), max_length=10, choices=Relation.choices)
    first_name = models.CharField(_("voornaam"), max_length=100)
    last_name = models.CharField(_("familienaam"), max_length=100)
    birth_date = models.DateField(_("geboortedatum"), null=True, blank=True)
    sex = models.CharField(_("geslacht"), max_length=1, choices=Sex.choices, blank=True)
    language = models.CharField(_("taal"), max_length=30, blank=True)
    phone = models.CharField(_("telefoon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    national_number = models.CharField(
        _("rijksregisternummer"), max_length=11, null=True, blank=True, unique=True
    )
    nationality = models.CharField(_("nationaliteit"), max_length=60, blank=True)
    is_dependant = models.BooleanField(_("persoon ten laste"), default=False)
    has_recognised_disability = models.BooleanField(_("erkende handicap"), default=False)
    situation_notes = models.TextField(_("situatie"), blank=True)
    search_key = models.CharField(max_length=210, db_index=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "organisation"
        shared_via = "household"

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        indexes = [models.Index(fields=["birth_date", "search_key"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"

    def save(self, *args, **kwargs):
        self.search_key = rules.search_key(self.first_name, self.last_name)
        super().save(*args, **kwargs)


class Income(models.Model):
    class Source(models.TextChoices):
        WAGE = "wage", _("Loon")
        BENEFIT = "benefit", _("Uitkering")
        LEEFLOON = "leefloon", _("Leefloon")
        PENSION = "pension", _("Pensioen")
        DISABILITY = "disability", _("Tegemoetkoming handicap")
        CHILD_BENEFIT = "child_benefit", _("Groeipakket")
        ALIMONY = "alimony", _("Onderhoudsgeld")
        OTHER = "other", _("Ander inkomen")

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="incomes")
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, null=True, blank=True, related_name="incomes"
    )
    source = models.CharField(_("bron"), max_length=20, choices=Source.choices)
    monthly_eur = models.DecimalField(_("netto per maand (€)"), max_digits=10, decimal_places=2)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        verbose_name = _("inkomen")
        verbose_name_plural = _("inkomens")
        constraints = [
            models.CheckConstraint(condition=Q(monthly_eur__gte=0), name="income_not_negative")
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} € {self.monthly_eur}"
