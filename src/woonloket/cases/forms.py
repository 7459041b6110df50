from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.clients.models import Tenure
from woonloket.core.models import Municipality, Organisation

from .models import (
    LIFE_DOMAINS,
    SCORE,
    Action,
    Consent,
    Contact,
    Intake,
    Program,
    Source,
    Status,
    Theme,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class CaseFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("alle")), *Status.choices])
    priority = forms.ChoiceField(label=_("Prioritair"), required=False, choices=[
        ("", _("alle")), ("ja", _("prioritair")), ("nee", _("niet prioritair"))])
    mine = forms.BooleanField(label=_("Alleen mijn dossiers"), required=False)


class NewCaseForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100)
    birth_date = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    national_number = forms.CharField(
        label=_("Rijksregisternummer"), required=False, max_length=20,
        help_text=_("Niet verplicht. Bv. 85.07.30-033.28"))
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    municipality = forms.ModelChoiceField(
        label=_("Gemeente"), queryset=Municipality.objects.filter(region_nis="02000"),
        empty_label=_("kies een gemeente"))
    street = forms.CharField(label=_("Straat"), required=False, max_length=150)
    number = forms.CharField(label=_("Huisnummer"), required=False, max_length=10)
    postal_code = forms.RegexField(label=_("Postcode"), required=False, regex=r"^\d{4}$",
                                   error_messages={"invalid": _("Een postcode heeft 4 cijfers.")})
    tenure = forms.ChoiceField(label=_("Woonsituatie"), choices=Tenure.choices)
    monthly_income_eur = forms.DecimalField(
        label=_("Netto gezinsinkomen per maand (€)"), required=False, min_value=0,
        max_digits=10, decimal_places=2)
    themes = forms.MultipleChoiceField(label=_("Thema's van de woonvraag"),
                                       choices=Theme.choices, widget=forms.CheckboxSelectMultiple)
    source = forms.ChoiceField(label=_("Hoe kwam de vraag binnen?"), choices=Source.choices)
    confirm_new = forms.BooleanField(
        label=_("Dit is een ander gezin dan de gevonden gelijkaardige personen"), required=False)


class ContactForm(forms.Form):
    at = forms.DateTimeField(label=_("Wanneer"), widget=forms.DateTimeInput(
        attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    channel = forms.ChoiceField(label=_("Kanaal"), choices=Contact.Channel.choices)
    minutes = forms.IntegerField(label=_("Duur (minuten)"), min_value=0, max_value=1440)
    summary = forms.CharField(label=_("Samenvatting"), widget=forms.Textarea(attrs={"rows": 3}))
    is_confidential = forms.BooleanField(label=_("Vertrouwelijk"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["at"].initial = timezone.localtime().replace(second=0, microsecond=0)


class IntakeForm(forms.Form):
    housing_situation = forms.CharField(label=_("Woonsituatie"),
                                        widget=forms.Textarea(attrs={"rows": 3}))
    question_behind = forms.CharField(label=_("Vraag achter de vraag"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 2}))
    urgency = forms.ChoiceField(label=_("Urgentie"), choices=Intake.Urgency.choices)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for domain in LIFE_DOMAINS:
            self.fields[domain] = forms.TypedChoiceField(
                label=Intake._meta.get_field(domain).verbose_name.capitalize(),
                choices=SCORE, coerce=int, widget=forms.RadioSelect,
                help_text=_("1 = niet zelfredzaam, 5 = volledig zelfredzaam"))


class AssessmentForm(forms.Form):
    severe_housing_problem = forms.BooleanField(label=_("Ernstig woonprobleem"), required=False)
    other_problems = forms.CharField(
        label=_("Andere problemen (schulden, scheiding, handicap, ...)"), required=False,
        max_length=200)
    limited_self_reliance = forms.BooleanField(label=_("Beperkte zelfredzaamheid"),
                                               required=False)


class GoalForm(forms.Form):
    description = forms.CharField(label=_("Nieuw doel"), max_length=300)


class ActionForm(forms.Form):
    description = forms.CharField(label=_("Actie"), max_length=300)
    who = forms.ChoiceField(label=_("Wie"), choices=Action.Who.choices)
    partner = forms.ModelChoiceField(label=_("Partnerorganisatie"), required=False,
                                     queryset=Organisation.objects.filter(is_active=True))
    due_on = forms.DateField(label=_("Tegen"), required=False, widget=DATE)


class EvaluationForm(forms.Form):
    held_on = forms.DateField(label=_("Datum"), widget=DATE, initial=timezone.localdate)
    notes = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 3}))
    next_on = forms.DateField(label=_("Volgende evaluatie"), required=False, widget=DATE)


class ReferralForm(forms.Form):
    to_organisation = forms.ModelChoiceField(label=_("Naar organisatie"),
                                             queryset=Organisation.objects.filter(is_active=True))
    reason = forms.CharField(label=_("Reden"), widget=forms.Textarea(attrs={"rows": 3}))
    purpose = forms.CharField(label=_("Doel van de toestemming"), max_length=300)
    scope = forms.MultipleChoiceField(label=_("De cliënt geeft toestemming om te delen"),
                                      choices=Consent.Scope.choices,
                                      widget=forms.CheckboxSelectMultiple)
    expires_on = forms.DateField(label=_("Toestemming geldig tot en met"), widget=DATE)


class EnrolmentForm(forms.Form):
    program = forms.ChoiceField(label=_("Traject"), choices=Program.choices)
    started_on = forms.DateField(label=_("Start"), widget=DATE, initial=timezone.localdate)


class CloseForm(forms.Form):
    reason = forms.CharField(label=_("Reden van afsluiten"), max_length=200)
    result = forms.CharField(label=_("Resultaat"), required=False, max_length=200)


class PeopleSearchForm(forms.Form):
    q = forms.CharField(label=_("Naam, rijksregisternummer of adres"), min_length=2,
                        max_length=100,
                        error_messages={"min_length": _("Geef minstens 2 tekens in.")})

