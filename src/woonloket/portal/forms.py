"""Forms of the public energy scan, the coach request and the back office.

The scan form's field names are the engine's Dwelling fields, so the
engine's Dutch reasons (`InputError.errors`) land on the right field.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from woonloket.clients.models import Tenure
from woonloket.core.models import Municipality
from woonloket.energy.engine.inputs import (
    BUILDING_TYPES,
    FIELDS,
    FUELS,
    GLAZING,
    HEATING_SYSTEMS,
    LABELS_NL,
    InputError,
    dwelling_from,
)
from woonloket.energy.engine.parameters import DEFAULT_INCOME_CATEGORY
from woonloket.energy.models import CoachRequest

UNKNOWN = ("", _("Weet ik niet"))
THICKNESSES_CM = (4, 6, 8, 10, 12, 14, 16, 20, 25, 30)
INSULATION_CHOICES = [UNKNOWN, ("0", _("Niets bijgeplaatst"))] + [
    (str(cm), _("ongeveer %(cm)s cm") % {"cm": cm}) for cm in THICKNESSES_CM]

# Mijn VerbouwPremie: the premium depends on the income category, as the
# engine's parameter table has it (energy/engine/parameters.py: 4 = the lowest
# incomes and the highest premium, 1 = the highest incomes; unknown = its
# DEFAULT_INCOME_CATEGORY). The income limits change every year and per
# household, so they are not repeated here.
INCOME_CHOICES = [
    ("4", _("Categorie 4: de laagste inkomens (de hoogste premie)")),
    ("3", _("Categorie 3: lage inkomens")),
    ("2", _("Categorie 2: middeninkomens")),
    ("1", _("Categorie 1: de hoogste inkomens (de laagste premie)")),
    ("", _("Weet ik niet (we rekenen met categorie %(c)s, de laagste premie)")
     % {"c": DEFAULT_INCOME_CATEGORY}),
]


def _choices(codes, unknown=True):
    return ([UNKNOWN] if unknown else []) + [(c, LABELS_NL.get(c, c)) for c in codes]


def _number(label, help_text, *, decimal=False, required=False):
    field_class = forms.FloatField if decimal else forms.IntegerField
    return field_class(
        label=label, help_text=help_text, required=required, localize=decimal,
        widget=forms.TextInput(attrs={"inputmode": "decimal" if decimal else "numeric",
                                      "autocomplete": "off", "class": "short"}),
        error_messages={"invalid": _("Geef een getal.") if decimal else
                        _("Geef een geheel getal."),
                        "required": _("Dit veld is verplicht.")},
    )


class ScanForm(forms.Form):
    """At most ten questions; only the first three are required."""

    municipality = forms.ModelChoiceField(
        label=_("In welke gemeente ligt uw woning?"),
        queryset=Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS),
        empty_label=_("Kies uw gemeente"),
        help_text=_("Zo weten we welke premies gelden en wie u verder kan helpen."),
        error_messages={"required": _("Kies de gemeente van uw woning."),
                        "invalid_choice": _("Kies een Vlaamse gemeente uit de lijst.")},
    )
    building_type = forms.ChoiceField(
        label=_("Wat voor woning is het?"), choices=_choices(BUILDING_TYPES, unknown=False),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies het soort woning."),
                        "invalid_choice": _("Kies een van de soorten woning.")},
    )
    construction_year = _number(
        _("In welk jaar werd de woning gebouwd?"),
        _("Een schatting is goed genoeg, bijvoorbeeld 1965."), required=True)
    heated_floor_area_m2 = _number(
        _("Hoe groot is de verwarmde oppervlakte (m²)?"),
        _("Alle verwarmde kamers samen. Laat leeg als u het niet weet: dan rekenen we met "
          "een typische woning van dit soort en deze bouwperiode."), decimal=True)
    roof_insulation_cm = forms.TypedChoiceField(
        label=_("Dak of zoldervloer"), choices=INSULATION_CHOICES, required=False,
        coerce=float, empty_value=None)
    wall_insulation_cm = forms.TypedChoiceField(
        label=_("Buitenmuren"), choices=INSULATION_CHOICES, required=False, coerce=float,
        empty_value=None)
    floor_insulation_cm = forms.TypedChoiceField(
        label=_("Vloer of kelderplafond"), choices=INSULATION_CHOICES, required=False,
        coerce=float, empty_value=None)
    glazing = forms.ChoiceField(
        label=_("Welk glas zit er in de meeste ramen?"), choices=_choices(GLAZING),
        required=False, widget=forms.RadioSelect)
    heating_system = forms.ChoiceField(
        label=_("Verwarmingstoestel"), choices=_choices(HEATING_SYSTEMS), required=False)
    heating_fuel = forms.ChoiceField(
        label=_("Brandstof"), choices=_choices(FUELS), required=False,
        help_text=_("Een warmtepomp lucht/water of elektrische verwarming werkt op "
                    "elektriciteit; een hybride warmtepomp heeft ook een ketel."))
    pv_kwp = _number(
        _("Zonnepanelen: vermogen in kWp"),
        _("Vul 0 in als u geen zonnepanelen hebt. Het vermogen staat op de factuur of de "
          "omvormer. Laat leeg als u het niet weet."), decimal=True)
    occupants = _number(_("Met hoeveel personen woont u er?"),
                        _("Bepaalt het warm water. Laat leeg als u het liever niet zegt."))
    income_category = forms.TypedChoiceField(
        label=_("Inkomenscategorie voor Mijn VerbouwPremie"), choices=INCOME_CHOICES,
        required=False, coerce=int, empty_value=None, widget=forms.RadioSelect,
        help_text=_("Hoe lager het inkomen van uw gezin, hoe hoger de premie. De grenzen "
                    "hangen af van uw gezin en veranderen elk jaar: u vindt ze op "
                    "mijnverbouwpremie.be. We vragen geen bedragen en bewaren alleen de "
                    "categorie."))

    GROUPS = (
        (_("Uw woning"), ("municipality", "building_type", "construction_year",
                          "heated_floor_area_m2")),
        (_("Wat werd er al geïsoleerd?"), ("roof_insulation_cm", "wall_insulation_cm",
                                           "floor_insulation_cm", "glazing")),
        (_("Verwarming en zonnepanelen"), ("heating_system", "heating_fuel", "pv_kwp")),
        (_("Uw gezin"), ("occupants", "income_category")),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.dwelling = None
        for name in ("roof_insulation_cm", "wall_insulation_cm", "floor_insulation_cm"):
            self.fields[name].help_text = _("Isolatie die later werd bijgeplaatst.")

    def groups(self):
        """The questions in their fieldsets, for the template."""
        return [(title, [self[name] for name in names]) for title, names in self.GROUPS]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.dwelling = dwelling_from(
                {k: v for k, v in data.items() if k in FIELDS and v not in (None, "")})
        except InputError as exc:
            for field, message in exc.errors.items():
                self.add_error(field if field in self.fields else None, message)
        return data


class CoachRequestForm(forms.Form):
    name = forms.CharField(label=_("Uw naam"), max_length=150,
                           widget=forms.TextInput(attrs={"autocomplete": "name"}),
                           error_messages={"required": _("Geef uw naam.")})
    email = forms.EmailField(label=_("E-mailadres"), required=False,
                             widget=forms.EmailInput(attrs={"autocomplete": "email"}),
                             error_messages={"invalid": _("Dit is geen geldig e-mailadres.")})
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False,
                            widget=forms.TextInput(attrs={"autocomplete": "tel",
                                                          "inputmode": "tel"}))
    street = forms.CharField(label=_("Straat"), max_length=150, required=False,
                             widget=forms.TextInput(attrs={"autocomplete": "address-line1"}))
    number = forms.CharField(label=_("Huisnummer"), max_length=10, required=False,
                             widget=forms.TextInput(attrs={"class": "short"}))
    postal_code = forms.CharField(label=_("Postcode"), max_length=4, required=False,
                                  widget=forms.TextInput(attrs={
                                      "autocomplete": "postal-code", "inputmode": "numeric",
                                      "class": "short"}))
    message = forms.CharField(label=_("Uw vraag (niet verplicht)"), required=False,
                              max_length=2000, widget=forms.Textarea(attrs={"rows": 4}))
    consent = forms.BooleanField(
        label=_("Ik geef deze toestemming."), required=False,
        widget=forms.CheckboxInput(attrs={"aria-describedby": "consent-text"}))

    def clean(self):
        data = super().clean()
        if not data.get("email") and not data.get("phone") and "email" not in self.errors:
            self.add_error("email", _("Geef een e-mailadres of een telefoonnummer (of "
                                      "allebei)."))
        return data


class CoachFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("alle"))] + list(CoachRequest.Status.choices))


class OpenCaseForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100,
                                error_messages={"required": _("De familienaam is verplicht.")})
    tenure = forms.ChoiceField(label=_("Woonsituatie"),
                               choices=[("", _("Kies"))] + list(Tenure.choices),
                               error_messages={"required": _("Kies de woonsituatie.")})
