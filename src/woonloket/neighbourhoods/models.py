"""Neighbourhood screening: an imported file of dwellings and, per
neighbourhood, the batch engine's aggregates. No row per dwelling is kept:
only counts and sums per neighbourhood. An import is the work of one
organisation and is read through `visible_to()` like the rest of its work."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import ScopedQuerySet
from woonloket.core.models import Municipality, Organisation

from . import rules
from .rules import LABELS


class DwellingImport(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="dwelling_imports",
        verbose_name=_("organisatie"),
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", verbose_name=_("opgeladen door"),
    )
    file_name = models.CharField(_("bestand"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("opgeladen op"), auto_now_add=True)
    rows = models.PositiveIntegerField(_("gebruikte rijen"), default=0)
    rows_rejected = models.PositiveIntegerField(_("geweigerde rijen"), default=0)
    # The first 100 rejected rows as [{"line": 12, "message": "..."}].
    errors = models.JSONField(_("fouten"), default=list, blank=True)
    duration_ms = models.PositiveIntegerField(_("rekentijd (ms)"), default=0)
    neighbourhoods = models.PositiveIntegerField(_("wijken"), default=0)
    rows_by_postal_code = models.PositiveIntegerField(
        _("rijen gegroepeerd op postcode (geen wijk)"), default=0)
    # False when the uploader could see no case data: the vulnerable share is unknown.
    vulnerable_checked = models.BooleanField(_("kwetsbare gezinnen nagekeken"), default=False)

    objects = ScopedQuerySet.as_manager()

    class Scoping:
        owner = "organisation"

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import van woningen")
        verbose_name_plural = _("imports van woningen")
        indexes = [models.Index(fields=["organisation", "-created_at"])]

    def __str__(self) -> str:
        return f"import #{self.pk} ({self.file_name})"


class NeighbourhoodResult(models.Model):
    """One neighbourhood (statistical sector, named area, or postal code within a
    municipality when the file gave no neighbourhood) of one import."""

    dwelling_import = models.ForeignKey(
        DwellingImport, on_delete=models.CASCADE, related_name="results",
        verbose_name=_("import"),
    )
    code = models.CharField(_("code"), max_length=60)
    name = models.CharField(_("naam"), max_length=200)
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("gemeente"),
    )
    by_postal_code = models.BooleanField(_("postcode in plaats van wijk"), default=False)
    dwellings = models.PositiveIntegerField(_("woningen"))
    # {"A+": n, "A": n, ..., "F": n}
    label_counts = models.JSONField(_("woningen per label"), default=dict)
    share_ef = models.FloatField(_("aandeel E/F"))
    mean_primary_energy_kwh_m2 = models.FloatField(_("gemiddeld primair energieverbruik (kWh/m²)"))
    delivered_kwh = models.BigIntegerField(_("geleverde energie nu (kWh/jaar)"))
    saving_kwh = models.BigIntegerField(_("besparingspotentieel (kWh/jaar)"))
    saving_eur = models.BigIntegerField(_("besparingspotentieel (€/jaar, afgerond)"))
    low_income = models.PositiveIntegerField(_("laagste inkomenscategorie (uit het bestand)"),
                                             default=0)
    vulnerable_known = models.PositiveIntegerField(_("gekende kwetsbare gezinnen"), default=0)
    vulnerable_share = models.FloatField(_("aandeel gekende kwetsbare gezinnen"), default=0)
    score = models.FloatField(_("score"))
    rank = models.PositiveIntegerField(_("rang"))

    class Meta:
        ordering = ["rank"]
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")
        constraints = [
            models.UniqueConstraint(fields=["dwelling_import", "code"],
                                    name="neighbourhood_result_code_once"),
            models.UniqueConstraint(fields=["dwelling_import", "rank"],
                                    name="neighbourhood_result_rank_once"),
            models.CheckConstraint(condition=Q(dwellings__gt=0),
                                   name="neighbourhood_result_has_dwellings"),
            models.CheckConstraint(condition=Q(vulnerable_known__lte=models.F("dwellings")),
                                   name="neighbourhood_result_vulnerable_within"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def labels(self) -> list[tuple[str, int]]:
        return [(label, int(self.label_counts.get(label, 0))) for label in LABELS]

    @property
    def vulnerable_shown(self) -> bool:
        """The count of known vulnerable households is shown when the case data was
        checked and the neighbourhood is large enough (rules.vulnerable_disclosed)."""
        return (self.dwelling_import.vulnerable_checked
                and self.dwellings >= rules.MIN_CAMPAIGN_DWELLINGS)

    @property
    def saving_kwh_per_dwelling(self) -> float:
        return self.saving_kwh / self.dwellings if self.dwellings else 0.0
