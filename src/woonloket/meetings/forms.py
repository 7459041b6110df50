from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import actor_for
from woonloket.core.models import Municipality, Organisation, Region

from .models import Kind

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _flemish():
    return Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS)


class MeetingForm(forms.Form):
    organisation = forms.ModelChoiceField(label=_("Organisator"), required=False,
                                          queryset=Organisation.objects.none(),
                                          empty_label=_("mijn organisatie"))
    kind = forms.ChoiceField(label=_("Soort overleg"), choices=Kind.choices)
    starts_at = forms.DateTimeField(label=_("Datum en uur"), widget=DATETIME,
                                    input_formats=["%Y-%m-%dT%H:%M"])
    municipality = forms.ModelChoiceField(label=_("Gemeente (verplicht voor een LWO)"),
                                          queryset=_flemish(), required=False,
                                          empty_label=_("geen"))
    region = forms.ModelChoiceField(label=_("of regio"), queryset=Region.objects.order_by("name"),
                                    to_field_name="code", required=False, empty_label=_("geen"))
    place = forms.CharField(label=_("Plaats of link"), max_length=300, required=False)
    online = forms.BooleanField(label=_("Online"), required=False)
    agenda = forms.CharField(label=_("Agenda"), required=False,
                             widget=forms.Textarea(attrs={"rows": 4}))
    invited_organisations = forms.ModelMultipleChoiceField(
        label=_("Uitgenodigde organisaties"), required=False,
        queryset=Organisation.objects.filter(is_active=True).order_by("name"),
        widget=forms.SelectMultiple(attrs={"size": 6}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        actor = actor_for(user)
        mine = Organisation.objects.filter(is_active=True).order_by("name")
        if not actor.is_platform_admin:
            mine = mine.filter(pk__in=actor.organisation_ids)
        if len(actor.organisation_ids) == 1 and not actor.is_platform_admin:
            del self.fields["organisation"]
        else:
            self.fields["organisation"].queryset = mine

    def clean(self):
        data = super().clean()
        data.setdefault("organisation", None)
        return data


class ReportForm(forms.Form):
    minutes = forms.CharField(label=_("Verslag"), required=False,
                              widget=forms.Textarea(attrs={"rows": 6}))
    decisions = forms.CharField(label=_("Beslissingen (één per regel)"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
    present_organisations = forms.ModelMultipleChoiceField(
        label=_("Aanwezige organisaties"), required=False, queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple)
    present_people = forms.MultipleChoiceField(label=_("Aanwezige personen"), required=False,
                                               widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, organisations=(), people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present_organisations"].queryset = Organisation.objects.filter(
            pk__in=[o.pk for o in organisations])
        self.fields["present_people"].choices = [
            (str(u.pk), u.get_full_name() or u.get_username()) for u in people]


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Actie"), max_length=300)
    owner = forms.ChoiceField(label=_("Eigenaar"))
    due_on = forms.DateField(label=_("Tegen"), widget=DATE)

    def __init__(self, *args, people=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].choices = [(str(u.pk), u.get_full_name() or u.get_username())
                                        for u in people]


class FileForm(forms.Form):
    file = forms.FileField(label=_("Bestand"))


class FilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), required=False,
                             choices=[("", _("alle")), *Kind.choices])
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year
