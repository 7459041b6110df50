"""What the yearly report needs besides the computed figures: figures from
outside the system (entered per municipality and year with their source) and
the coordinator's text per policy priority."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ExternalFigure(models.Model):
    class Code(models.TextChoices):
        CANDIDATES = "candidate_tenants", _("Kandidaat-huurders sociale huur")
        SOCIAL_STOCK = "social_stock", _("Sociale huurwoningen (woonmaatschappij)")
        SVK_STOCK = "svk_stock", _("Woningen van het SVK")
        ALLOCATIONS = "allocations", _("Toewijzingen sociale huur")
        UNFIT = "unfitness_declarations", _("Ongeschikt- en onbewoonbaarverklaringen")

    municipality = models.ForeignKey("core.Municipality", models.PROTECT, related_name="+",
                                     verbose_name=_("gemeente"))
    year = models.PositiveSmallIntegerField(_("jaar"))
    code = models.CharField(_("cijfer"), max_length=30, choices=Code.choices)
    value = models.DecimalField(_("waarde"), max_digits=12, decimal_places=2)
    source = models.CharField(_("bron"), max_length=300)
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("cijfer van buiten woonloket")
        verbose_name_plural = _("cijfers van buiten woonloket")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year", "code"],
                                    name="external_figure_once"),
            models.CheckConstraint(condition=Q(value__gte=0), name="external_figure_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.get_code_display()} {self.municipality_id} {self.year}"


class PriorityText(models.Model):
    """A short text per policy priority for a municipality's (or a region's) year."""

    municipality = models.ForeignKey("core.Municipality", models.CASCADE, null=True,
                                     blank=True, related_name="+")
    region = models.ForeignKey("core.Region", models.CASCADE, null=True, blank=True,
                               related_name="+")
    year = models.PositiveSmallIntegerField(_("jaar"))
    position = models.PositiveSmallIntegerField(_("volgorde"), default=1)
    title = models.CharField(_("beleidsprioriteit"), max_length=200)
    text = models.TextField(_("tekst"))
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["position", "id"]
        constraints = [models.CheckConstraint(
            condition=Q(municipality__isnull=True) ^ Q(region__isnull=True),
            name="priority_text_one_area")]

    def __str__(self) -> str:
        return self.title
