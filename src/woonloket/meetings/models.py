"""Meetings of the consultation bodies: lokaal woonoverleg, taskforce, … A
body is a kind of meeting for a municipality (the LWO) or a region (the
others). Each meeting keeps who was invited and present, agenda, minutes,
decisions, follow-up actions and files (stored in the database)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    LWO = "lwo", _("Lokaal woonoverleg")
    TASKFORCE = "taskforce", _("Taskforce betaalbaar wonen")
    ADVIESGROEP = "adviesgroep", _("Adviesgroep wonen–welzijn")
    VASTGOED = "vastgoed", _("Overleg vastgoedkantoren")
    MDT = "mdt_proefwonen", _("Multidisciplinair team proefwonen")
    CRISIS = "crisisoverleg", _("Crisisoverleg")
    STUURGROEP = "stuurgroep", _("Stuurgroep")
    OTHER = "other", _("Ander overleg")


class Meeting(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    municipality = models.ForeignKey("core.Municipality", models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("gemeente"))
    region = models.ForeignKey("core.Region", models.PROTECT, null=True, blank=True,
                               related_name="+", verbose_name=_("regio"))
    organiser = models.ForeignKey("core.Organisation", models.PROTECT, related_name="meetings",
                                  verbose_name=_("organisator"))
    starts_at = models.DateTimeField(_("begint om"))
    place = models.CharField(_("plaats of link"), max_length=300, blank=True)
    online = models.BooleanField(_("online"), default=False)
    agenda = models.TextField(_("agenda"), blank=True)
    minutes = models.TextField(_("verslag"), blank=True)
    decisions = models.TextField(_("beslissingen"), blank=True,
                                 help_text=_("Eén beslissing per regel."))
    invited_organisations = models.ManyToManyField("core.Organisation", blank=True,
                                                   related_name="+",
                                                   verbose_name=_("uitgenodigde organisaties"))
    present_organisations = models.ManyToManyField("core.Organisation", blank=True,
                                                   related_name="+",
                                                   verbose_name=_("aanwezige organisaties"))
    invited_people = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                            related_name="meetings_invited",
                                            verbose_name=_("uitgenodigd"))
    present_people = models.ManyToManyField(settings.AUTH_USER_MODEL, blank=True,
                                            related_name="+", verbose_name=_("aanwezig"))
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-starts_at", "-id"]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        constraints = [
            models.CheckConstraint(condition=~Q(kind="lwo") | Q(municipality__isnull=False),
                                   name="meeting_lwo_has_municipality"),
            models.CheckConstraint(condition=Q(municipality__isnull=True)
                                   | Q(region__isnull=True), name="meeting_one_area"),
        ]
        indexes = [models.Index(fields=["kind", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.starts_at:%d/%m/%Y}"

    @property
    def area_name(self) -> str:
        return str(self.municipality or self.region or "")

    @property
    def decision_list(self) -> list[str]:
        return [line.strip() for line in self.decisions.splitlines() if line.strip()]


class MeetingAction(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="actions")
    description = models.CharField(_("actie"), max_length=300)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT,
                              related_name="meeting_actions", verbose_name=_("eigenaar"))
    due_on = models.DateField(_("tegen"))
    done_on = models.DateField(_("gedaan op"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["owner", "done_on", "due_on"])]

    def __str__(self) -> str:
        return self.description


class MeetingFile(models.Model):
    meeting = models.ForeignKey(Meeting, models.CASCADE, related_name="files")
    name = models.CharField(_("naam"), max_length=200)
    content_type = models.CharField(max_length=100)
    data = models.BinaryField()
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.name
