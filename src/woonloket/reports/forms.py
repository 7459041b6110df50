from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.core.models import Municipality, Region

from .models import ExternalFigure


class AreaForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), required=False, empty_label=_("kies een gemeente"),
        queryset=Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS))
    region = forms.ModelChoiceField(label=_("of regio"), required=False, to_field_name="code",
                                    queryset=Region.objects.order_by("name"),
                                    empty_label=_("geen regio"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].initial = timezone.localdate().year - 1


class ExternalForm(forms.Form):
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.none())
    code = forms.ChoiceField(label=_("Cijfer"), choices=ExternalFigure.Code.choices)
    value = forms.DecimalField(label=_("Waarde"), min_value=0, max_digits=12, decimal_places=2)
    source = forms.CharField(label=_("Bron"), max_length=300,
                             help_text=_("Wie leverde het cijfer, uit welk document, op welke "
                                         "datum."))

    def __init__(self, *args, municipalities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.filter(
            pk__in=municipalities).order_by("name")


class PriorityForm(forms.Form):
    title = forms.CharField(label=_("Beleidsprioriteit"), max_length=200)
    text = forms.CharField(label=_("Korte tekst"), widget=forms.Textarea(attrs={"rows": 4}))
    position = forms.IntegerField(label=_("Volgorde"), min_value=1, max_value=50, initial=1)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
