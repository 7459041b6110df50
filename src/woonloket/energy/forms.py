"""Forms of the energy back office: screening at home, follow-up, coaching,
contractors and quotes. Dutch labels and messages; the services check the rules."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.core.models import Municipality

from .engine.inputs import (
    AIRTIGHTNESS,
    BUILDING_TYPES,
    FIELDS,
    FUELS,
    GLAZING,
    HEATING_SYSTEMS,
    HOT_WATER,
    LABELS_NL,
    VENTILATION,
)
from .models import Finding, FollowUpKind, Phase, Severity, Speciality
from .selectors import MEASURE_NAMES
from .services import QUOTE_UNITS

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
UNKNOWN = ("", _("onbekend (standaard van het woningtype)"))
# Mijn VerbouwPremie numbers them from the highest incomes (1) to the lowest (4).
INCOME_CATEGORIES = [
    ("", _("onbekend (gerekend als categorie 1)")),
    ("4", _("4 – laagste inkomens (hoogste premie)")), ("3", _("3")), ("2", _("2")),
    ("1", _("1 – hoogste inkomens")),
]


def _choices(codes, unknown=True):
    return ([UNKNOWN] if unknown else [("", _("kies…"))]) + [(c, LABELS_NL.get(c, c))
                                                          for c in codes]


def flemish_municipalities():
    return Municipality.objects.filter(
        region_nis=Municipality.FLEMISH_REGION_NIS).order_by("name")


class DwellingFields(forms.Form):
    """The scan engine's inputs, as observed (every field but the first two optional).
    Their bounds are the engine's (`dwelling_from`): its Dutch message lands on the field."""

    building_type = forms.ChoiceField(label=_("Woningtype"),
                                      choices=_choices(BUILDING_TYPES, unknown=False))
    construction_year = forms.IntegerField(label=_("Bouwjaar"))
    heated_floor_area_m2 = forms.DecimalField(
        label=_("Verwarmde vloeroppervlakte (m²)"), required=False, decimal_places=1)
    roof_insulation_cm = forms.DecimalField(
        label=_("Dakisolatie (cm, nageplaatst)"), required=False, decimal_places=1,
        help_text=_("Leeg: niet gezien of onbekend."))
    wall_insulation_cm = forms.DecimalField(
        label=_("Muurisolatie (cm, nageplaatst)"), required=False, decimal_places=1)
    floor_insulation_cm = forms.DecimalField(
        label=_("Vloerisolatie (cm, nageplaatst)"), required=False, decimal_places=1)
    glazing = forms.ChoiceField(label=_("Beglazing"), choices=_choices(GLAZING), required=False)
    airtightness = forms.ChoiceField(label=_("Luchtdichtheid"), choices=_choices(AIRTIGHTNESS),
                                     required=False)
    ventilation = forms.ChoiceField(label=_("Ventilatie"), choices=_choices(VENTILATION),
                                    required=False)
    heating_system = forms.ChoiceField(label=_("Verwarming"), choices=_choices(HEATING_SYSTEMS),
                                       required=False)
    heating_fuel = forms.ChoiceField(label=_("Brandstof"), choices=_choices(FUELS),
                                     required=False)
    heating_year = forms.IntegerField(label=_("Verwarming geplaatst in (jaar)"), required=False)
    hot_water = forms.ChoiceField(label=_("Warm water"), choices=_choices(HOT_WATER),
                                  required=False)
    pv_kwp = forms.DecimalField(label=_("Zonnepanelen (kWp)"), required=False, decimal_places=2)
    occupants = forms.IntegerField(label=_("Bewoners"), required=False)

    DWELLING = FIELDS

    def dwelling(self) -> dict:
        """The observed inputs for the engine: unknown fields left out."""
        out = {}
        for name in self.DWELLING:
            value = self.cleaned_data.get(name)
            if value is None or value == "":
                continue
            out[name] = float(value) if hasattr(value, "as_tuple") else value
        return out

    def dwelling_fields(self):
        return [self[name] for name in self.DWELLING]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class ScreeningForm(DwellingFields):
    visited_on = forms.DateField(label=_("Bezocht op"), widget=DATE)
    street = forms.CharField(label=_("Straat"), max_length=150, required=False)
    number = forms.CharField(label=_("Nummer"), max_length=10, required=False)
    box = forms.CharField(label=_("Bus"), max_length=10, required=False)
    postal_code = forms.RegexField(
        label=_("Postcode"), regex=r"^\d{4}$", required=False,
        error_messages={"invalid": _("Een Belgische postcode heeft 4 cijfers.")})
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=Municipality.objects.none())
    is_owner_occupied = forms.BooleanField(label=_("De bewoner is eigenaar"), required=False)
    income_category = forms.TypedChoiceField(
        label=_("Inkomenscategorie (Mijn VerbouwPremie)"), choices=INCOME_CATEGORIES,
        coerce=int, empty_value=None, required=False)
    notes = forms.CharField(label=_("Notities"), required=False, max_length=10000,
                            widget=forms.Textarea(attrs={"rows": 3}))
    photos = MultipleFileField(label=_("Foto's (JPEG of PNG, hoogstens 2 MB per foto)"),
                               required=False)

    SEVERITIES = [("", _("niet vastgesteld")), *Severity.choices]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = flemish_municipalities()
        for kind, label in Finding.choices:
            self.fields[f"finding_{kind}"] = forms.ChoiceField(
                label=label, choices=self.SEVERITIES, required=False)
            self.fields[f"finding_{kind}_note"] = forms.CharField(
                label=_("Toelichting bij: %(finding)s") % {"finding": label}, max_length=500,
                required=False)

    @classmethod
    def initial_for(cls, case) -> dict:
        household = case.household
        return {"visited_on": timezone.localdate(), "street": household.street,
                "number": household.number, "box": household.box,
                "postal_code": household.postal_code,
                "municipality": household.municipality_id or case.municipality_id,
                "is_owner_occupied": household.tenure == "owner"}

    def finding_rows(self):
        return [(label, self[f"finding_{kind}"], self[f"finding_{kind}_note"])
                for kind, label in Finding.choices]

    def clean(self):
        data = super().clean()
        for kind, _label in Finding.choices:
            if data.get(f"finding_{kind}_note") and not data.get(f"finding_{kind}"):
                self.add_error(f"finding_{kind}",
                               _("Kies de ernst, of laat de toelichting leeg."))
        return data

    def findings(self) -> list[dict]:
        return [{"kind": kind, "severity": self.cleaned_data[f"finding_{kind}"],
                 "note": self.cleaned_data.get(f"finding_{kind}_note", "")}
                for kind, _label in Finding.choices if self.cleaned_data.get(f"finding_{kind}")]


class FollowUpForm(forms.Form):
    kind = forms.ChoiceField(label=_("Opvolging"), choices=[("", _("kies…")),
                                                            *FollowUpKind.choices])
    reason = forms.CharField(label=_("Reden"), max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 3}),
                             error_messages={"required": _("Geef de reden van deze beslissing.")})
    decided_on = forms.DateField(label=_("Beslist op"), widget=DATE)


class TrajectoryStartForm(forms.Form):
    started_on = forms.DateField(label=_("Gestart op"), widget=DATE)
    notes = forms.CharField(label=_("Notities"), required=False, max_length=10000,
                            widget=forms.Textarea(attrs={"rows": 2}))


class PhaseForm(forms.Form):
    phase = forms.ChoiceField(label=_("Naar fase"), choices=Phase.choices)
    on = forms.DateField(label=_("Vanaf"), widget=DATE)
    note = forms.CharField(label=_("Notitie"), max_length=500, required=False)

    def __init__(self, *args, current: str | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        later = Phase.values[Phase.values.index(current) + 1:] if current else []
        if later:
            self.fields["phase"].choices = [c for c in Phase.choices if c[0] in later]


class NotesForm(forms.Form):
    notes = forms.CharField(label=_("Notities"), required=False, max_length=10000,
                            widget=forms.Textarea(attrs={"rows": 4}))


class QuoteForm(forms.Form):
    contractor = forms.ModelChoiceField(label=_("Aannemer"), queryset=None,
                                        empty_label=_("kies…"))
    measure = forms.ChoiceField(label=_("Maatregel"),
                                choices=[("", _("kies…")), *MEASURE_NAMES.items()])
    received_on = forms.DateField(label=_("Ontvangen op"), widget=DATE)
    amount_excl_vat_eur = forms.DecimalField(label=_("Bedrag excl. btw (€)"), min_value=0.01,
                                             max_digits=9, decimal_places=2)
    vat_percent = forms.TypedChoiceField(label=_("Btw"), coerce=int,
                                         choices=[(6, "6 %"), (21, "21 %")], initial=6)
    quantity = forms.DecimalField(label=_("Hoeveelheid"), required=False, min_value=0.1,
                                  max_digits=8, decimal_places=1)
    unit = forms.ChoiceField(label=_("Eenheid"), required=False,
                             choices=[("", "–"), *((u, u) for u in QUOTE_UNITS)])
    warranty_years = forms.IntegerField(label=_("Waarborg (jaar)"), required=False,
                                        min_value=0, max_value=50)
    lead_time_weeks = forms.IntegerField(label=_("Uitvoering binnen (weken)"), required=False,
                                         min_value=0, max_value=260)
    notes = forms.CharField(label=_("Opmerkingen"), max_length=500, required=False)
    chosen = forms.BooleanField(label=_("Deze offerte is gekozen"), required=False)

    def __init__(self, *args, contractors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contractor"].queryset = contractors

    def clean(self):
        data = super().clean()
        if data.get("quantity") is not None and not data.get("unit"):
            self.add_error("unit", _("Kies de eenheid van de hoeveelheid."))
        return data

    def values(self) -> dict:
        d = dict(self.cleaned_data)
        d["contractor_id"] = d.pop("contractor").pk
        return d


class ResultForm(DwellingFields):
    """What changed to the home by the works (the rest stays as before)."""

    completed_on = forms.DateField(label=_("Werken klaar op"), widget=DATE)

    DWELLING = DwellingFields.DWELLING[2:]  # the type and age of the home do not change

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["building_type"], self.fields["construction_year"]
        for name in self.DWELLING:
            self.fields[name].required = False
            self.fields[name].help_text = ""
            if isinstance(self.fields[name], forms.ChoiceField):
                self.fields[name].choices = [("", _("onveranderd")),
                                             *self.fields[name].choices[1:]]


class ContractorForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=200)
    vat_number = forms.CharField(label=_("Ondernemingsnummer"), max_length=20, required=False)
    specialities = forms.MultipleChoiceField(
        label=_("Specialiteiten"), choices=Speciality.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één specialiteit.")})
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Werkt in"), queryset=Municipality.objects.none(),
        widget=forms.SelectMultiple(attrs={"size": 8}),
        error_messages={"required": _("Kies minstens één gemeente.")})
    phone = forms.CharField(label=_("Telefoon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    agreements = forms.CharField(label=_("Afspraken (kwaliteitscharter, prijzen, termijnen)"),
                                 required=False, widget=forms.Textarea(attrs={"rows": 3}))
    is_active = forms.BooleanField(label=_("Actief in de pool"), required=False, initial=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipalities"].queryset = flemish_municipalities()

    @classmethod
    def initial_for(cls, contractor) -> dict:
        return {"name": contractor.name, "vat_number": contractor.vat_number,
                "specialities": contractor.specialities,
                "municipalities": [m.pk for m in contractor.municipalities.all()],
                "phone": contractor.phone, "email": contractor.email,
                "agreements": contractor.agreements, "is_active": contractor.is_active}

    def values(self) -> dict:
        d = dict(self.cleaned_data)
        d["municipality_nis"] = [m.pk for m in d.pop("municipalities")]
        return d


class ContractorFilterForm(forms.Form):
    speciality = forms.ChoiceField(label=_("Specialiteit"), required=False,
                                   choices=[("", _("alle specialiteiten")), *Speciality.choices])
    municipality = forms.ModelChoiceField(label=_("Werkt in"), required=False,
                                          queryset=Municipality.objects.none(),
                                          empty_label=_("alle gemeenten"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = flemish_municipalities()


class ScreeningFilterForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Gemeente"), required=False,
                                          queryset=Municipality.objects.none(),
                                          empty_label=_("alle gemeenten"))
    open_only = forms.BooleanField(label=_("Alleen zonder opvolging"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = flemish_municipalities()
