from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.core.models import Municipality, Region

from . import rules
from .admission import CRITERIA as ADMISSION_CRITERIA
from .models import Application, Destination, HousingUnit, Registration, Stay

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
YES_NO = [("", _("maakt niet uit")), ("ja", _("ja"))]


def _flemish():
    return Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS)


class PeriodMixin:
    def clean(self):
        data = super().clean()
        first, last = data.get("first_night"), data.get("last_night")
        if first and last and last < first:
            self.add_error("last_night", _("De laatste nacht ligt voor de eerste nacht."))
        return data


class AvailabilityForm(PeriodMixin, forms.Form):
    first_night = forms.DateField(label=_("Eerste nacht"), widget=DATE)
    last_night = forms.DateField(label=_("Laatste nacht"), widget=DATE)
    region = forms.ModelChoiceField(label=_("Regio"), queryset=Region.objects.order_by("name"),
                                    to_field_name="code", required=False,
                                    empty_label=_("alle regio's"))
    near = forms.ModelChoiceField(label=_("Gemeente van de aanvraag (dichtste eerst)"),
                                  queryset=_flemish(), required=False,
                                  empty_label=_("geen voorkeur"))
    kind = forms.ChoiceField(label=_("Soort woning"), required=False,
                             choices=[("", _("alle soorten")), *HousingUnit.Kind.choices])
    persons = forms.IntegerField(label=_("Aantal personen"), required=False, min_value=1,
                                 max_value=50)
    accessible = forms.ChoiceField(label=_("Rolstoeltoegankelijk"), required=False,
                                   choices=YES_NO)
    pets = forms.ChoiceField(label=_("Met huisdier"), required=False, choices=YES_NO)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["first_night"].initial = today
        self.fields["last_night"].initial = today + timedelta(days=6)


class UnitForm(forms.ModelForm):
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=_flemish())

    class Meta:
        model = HousingUnit
        fields = ["name", "kind", "municipality", "street", "number", "box", "postal_code",
                  "persons", "bedrooms", "accessible", "pets", "status", "in_crisis_network",
                  "in_regional_pool", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["name"].required = False
        self.fields["name"].help_text = _("Leeg: bv. 'Crisiswoning Izegem 3'.")
        if self.instance.pk:
            self.fields["municipality"].disabled = True


class BookingForm(PeriodMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Soort verblijf"), choices=Stay.Kind.choices)
    case_id = forms.IntegerField(label=_("Dossiernummer"), required=False, min_value=1,
                                 help_text=_("Niet nodig voor onderhoud."))
    first_night = forms.DateField(label=_("Eerste nacht"), widget=DATE)
    last_night = forms.DateField(label=_("Laatste nacht"), widget=DATE, required=False,
                                 help_text=_("Leeg: open einde."))
    conditions = forms.MultipleChoiceField(
        label=_("Bijkomende voorwaarden in de begeleidingsovereenkomst"), required=False,
        choices=Stay.Condition.choices, widget=forms.CheckboxSelectMultiple)
    agreement_signed_on = forms.DateField(label=_("Begeleidingsovereenkomst getekend op"),
                                          widget=DATE, required=False)
    note = forms.CharField(label=_("Opmerking"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class StayForm(forms.Form):
    last_night = forms.DateField(label=_("Laatste nacht"), widget=DATE, required=False)
    departed_on = forms.DateField(label=_("Werkelijk vertrek (ochtend)"), widget=DATE,
                                  required=False)
    destination = forms.ChoiceField(label=_("Uitstroom naar"), required=False,
                                    choices=[("", "–"), *Destination.choices])
    agreement_signed_on = forms.DateField(label=_("Begeleidingsovereenkomst getekend op"),
                                          widget=DATE, required=False)
    conditions = forms.MultipleChoiceField(
        label=_("Bijkomende voorwaarden"), required=False, choices=Stay.Condition.choices,
        widget=forms.CheckboxSelectMultiple)
    note = forms.CharField(label=_("Opmerking"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class CancelForm(forms.Form):
    reason = forms.CharField(label=_("Reden van de annulering"), max_length=500)


class NetworkBookingForm(forms.Form):
    criteria = forms.MultipleChoiceField(
        label=_("Toelatingsvoorwaarden (alle aanvinken)"), choices=ADMISSION_CRITERIA,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vink de toelatingsvoorwaarden aan.")})
    unit_id = forms.TypedChoiceField(label=_("Vrij crisisbed"), coerce=int,
                                     widget=forms.RadioSelect,
                                     error_messages={"required": _("Kies een vrij crisisbed.")})
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100)
    persons = forms.IntegerField(label=_("Aantal personen"), min_value=1, max_value=20,
                                 initial=1)
    phone = forms.CharField(label=_("Telefoon"), max_length=40, required=False)
    municipality = forms.ModelChoiceField(label=_("Gemeente van herkomst"), queryset=_flemish())
    situation = forms.CharField(label=_("Korte situatieschets"), max_length=2000,
                                widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, free_units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_id"].choices = [
            (u.pk, f"{u.name} – {u.municipality.name} ({u.persons} pers.)") for u in free_units]


class BoardForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Regio"), queryset=Region.objects.order_by("name"),
                                    to_field_name="code", empty_label=None)
    start = forms.DateField(label=_("Vanaf week van"), widget=DATE, required=False)
    weeks = forms.IntegerField(label=_("Aantal weken"), min_value=1, max_value=26, initial=12,
                               required=False)


class OccupancyForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Regio"), queryset=Region.objects.order_by("name"),
                                    to_field_name="code", empty_label=None)
    period_from = forms.DateField(label=_("Van"), widget=DATE)
    period_to = forms.DateField(label=_("Tot en met"), widget=DATE)

    def clean(self):
        data = super().clean()
        a, b = data.get("period_from"), data.get("period_to")
        if a and b and b < a:
            self.add_error("period_to", _("Het einde ligt voor het begin."))
        if a and b and (b - a).days > 3700:
            self.add_error("period_to", _("Kies een periode van hoogstens tien jaar."))
        return data


class AllocationForm(forms.Form):
    region = forms.ModelChoiceField(label=_("Regio"), queryset=Region.objects.order_by("name"),
                                    to_field_name="code", empty_label=None)
    homes = forms.IntegerField(label=_("Aantal woningen"), required=False, min_value=0,
                               max_value=100_000,
                               help_text=_("Leeg: één woning per aantal inwoners hieronder."))
    per_inhabitants = forms.IntegerField(label=_("Eén woning per ... inwoners"), required=False,
                                         min_value=1, initial=rules.DEFAULT_INHABITANTS_PER_HOME)


class ApplicationForm(forms.Form):
    case_id = forms.IntegerField(label=_("Dossiernummer"), min_value=1)
    applied_on = forms.DateField(label=_("Aangevraagd op"), widget=DATE)
    acute = forms.BooleanField(label=Application._meta.get_field("acute").verbose_name,
                               required=False)
    inquiry_on = forms.DateField(label=_("Sociaal onderzoek op"), widget=DATE, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["applied_on"].initial = timezone.localdate()
        scores = [(str(s), str(s)) for s in range(rules.SCORE_MIN, rules.SCORE_MAX + 1)]
        for code, label in rules.CRITERIA:
            self.fields[f"score_{code}"] = forms.TypedChoiceField(
                label=_("%(c)s: score (0 ontbreekt – 3 sterk)") % {"c": label}, choices=scores,
                coerce=int, widget=forms.RadioSelect)
            self.fields[f"motivation_{code}"] = forms.CharField(
                label=_("%(c)s: motivering") % {"c": label}, max_length=1000)

    def scores(self) -> dict:
        d = self.cleaned_data
        return {code: {"score": d[f"score_{code}"], "motivation": d[f"motivation_{code}"]}
                for code, _label in rules.CRITERIA}


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label=_("Beslissing"), choices=[
        (Application.Status.GRANTED, _("Toekennen")), (Application.Status.REFUSED, _("Afwijzen")),
        (Application.Status.WITHDRAWN, _("Ingetrokken"))])
    decision_reason = forms.CharField(label=_("Motivering"), widget=forms.Textarea(
        attrs={"rows": 2}))
    unit_id = forms.TypedChoiceField(label=_("Crisiswoning (bij toekenning)"), coerce=int,
                                     required=False, empty_value=None)
    first_night = forms.DateField(label=_("Eerste nacht"), widget=DATE, required=False)
    last_night = forms.DateField(label=_("Laatste nacht"), widget=DATE, required=False)

    def __init__(self, *args, units=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_id"].choices = [("", "–"), *[(u.pk, str(u)) for u in units]]


class RegistrationForm(forms.Form):
    case_id = forms.IntegerField(label=_("Dossiernummer"), min_value=1)
    region = forms.ModelChoiceField(label=_("Regio"), queryset=Region.objects.order_by("name"),
                                    to_field_name="code", empty_label=None)
    registered_on = forms.DateField(label=_("Aangemeld op"), widget=DATE, required=False)
    note = forms.CharField(label=_("Toelichting"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))


class StageForm(forms.Form):
    stage = forms.ChoiceField(label=_("Nieuwe fase"), choices=Registration.Stage.choices)
    on = forms.DateField(label=_("Datum"), widget=DATE, required=False)
    outflow = forms.ChoiceField(label=_("Doorstroom naar"), required=False,
                                choices=[("", "–"), *Registration.Outflow.choices])
    stay_id = forms.TypedChoiceField(label=_("Tijdelijke woning (verblijf van dit dossier)"),
                                     coerce=int, required=False, empty_value=None)

    def __init__(self, *args, stays=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stay_id"].choices = [("", "–"), *[
            (s.pk, f"{s.unit.name} vanaf {s.first_night:%d/%m/%Y}") for s in stays]]


class ConsultationForm(forms.Form):
    held_on = forms.DateField(label=_("Datum"), widget=DATE)
    participants = forms.CharField(label=_("Deelnemers"),
                                   widget=forms.Textarea(attrs={"rows": 2}))
    conclusions = forms.CharField(label=_("Besluiten"), widget=forms.Textarea(attrs={"rows": 3}))
