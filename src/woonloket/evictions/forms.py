from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.core.models import Canton, Municipality, Organisation
from woonloket.housing.models import Destination

from . import rules
from .models import CourtSession, LandlordKind, Mediation, Petition, Step

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _flemish():
    return Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS)


def _datetime_field(label, **kwargs):
    return forms.DateTimeField(label=label, widget=DATETIME,
                               input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"], **kwargs)


class PetitionForm(forms.Form):
    canton = forms.ModelChoiceField(label=_("Kanton (vredegerecht)"),
                                    queryset=Canton.objects.order_by("name", "number"))
    roll_number = forms.CharField(label=_("Rolnummer"), max_length=40)
    received_on = forms.DateField(label=_("Ontvangen op"), widget=DATE)
    hearing_at = _datetime_field(_("Zitting (datum en uur)"))
    first_name = forms.CharField(label=_("Voornaam huurder"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam huurder"), max_length=100)
    birth_date = forms.DateField(label=_("Geboortedatum huurder"), widget=DATE, required=False,
                                 help_text=_("Als die op het verzoekschrift staat."))
    street = forms.CharField(label=_("Straat"), max_length=150)
    number = forms.CharField(label=_("Huisnummer"), max_length=10)
    box = forms.CharField(label=_("Bus"), max_length=10, required=False)
    postal_code = forms.RegexField(label=_("Postcode"), regex=r"^\d{4}$",
                                   error_messages={"invalid": _("Vier cijfers.")})
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=_flemish())
    landlord_kind = forms.ChoiceField(label=_("Soort verhuurder"), choices=LandlordKind.choices)
    landlord_name = forms.CharField(label=_("Naam verhuurder"), max_length=200)
    landlord_contact = forms.CharField(label=_("Contact verhuurder (telefoon, e-mail)"),
                                       max_length=200, required=False)
    arrears_eur = forms.DecimalField(label=_("Achterstal (€)"), min_value=0, max_digits=10,
                                     decimal_places=2)
    monthly_rent_eur = forms.DecimalField(label=_("Huur per maand, met kosten (€)"),
                                          min_value=0, max_digits=10, decimal_places=2)
    reason = forms.ChoiceField(label=_("Reden"), choices=Petition.Reason.choices)


class StepForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Step.Status.choices)
    outcome = forms.ChoiceField(label=_("Uitkomst"), required=False)
    done_on = forms.DateField(label=_("Datum"), widget=DATE, required=False)
    planned_at = _datetime_field(_("Gepland op"), required=False)
    note = forms.CharField(label=_("Notitie"), required=False, max_length=5000)

    def __init__(self, *args, step: Step, **kwargs):
        super().__init__(*args, prefix=f"step{step.pk}", **kwargs)
        self.fields["outcome"].choices = [("", "–"), *rules.OUTCOMES[step.kind]]
        if step.kind != "home_visit":
            del self.fields["planned_at"]


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitspraak"), choices=Petition.Outcome.choices)
    outcome_on = forms.DateField(label=_("Datum uitspraak"), widget=DATE)
    served_on = forms.DateField(label=_("Vonnis betekend op"), widget=DATE, required=False,
                                help_text=_("Alleen bij een vonnis tot uithuiszetting."))
    new_hearing_at = _datetime_field(_("Nieuwe zitting"), required=False,
                                     help_text=_("Alleen bij uitstel."))
    note = forms.CharField(label=_("Toelichting"), required=False, max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 2}))


class FollowUpForm(forms.Form):
    evicted_on = forms.DateField(label=_("Uithuiszetting uitgevoerd op"), widget=DATE,
                                 required=False)
    housed_on = forms.DateField(label=_("Gehuisvest op"), widget=DATE, required=False)
    housed_where = forms.ChoiceField(label=_("Gehuisvest in"), required=False,
                                     choices=[("", "–"), *Destination.choices])
    close = forms.BooleanField(label=_("Verzoekschrift afsluiten (gezin gehuisvest of "
                                       "opvolging beëindigd)"), required=False)


class FundForm(forms.Form):
    support_agreement = forms.ChoiceField(
        label=_("Begeleidingsovereenkomst OCMW–huurder–verhuurder"),
        choices=[("", _("nog niet bekend")), ("ja", _("ja")), ("nee", _("nee"))], required=False)

    def agreement(self) -> bool | None:
        value = self.cleaned_data.get("support_agreement") if self.is_valid() else ""
        return {"ja": True, "nee": False}.get(value or "")


class SessionForm(forms.Form):
    canton = forms.ModelChoiceField(label=_("Kanton"),
                                    queryset=Canton.objects.order_by("name", "number"))
    starts_at = _datetime_field(_("Begint om"))
    ends_at = _datetime_field(_("Eindigt om"))
    place = forms.CharField(label=_("Plaats"), max_length=200, required=False)
    mode = forms.ChoiceField(label=_("Aanwezigheid"), choices=CourtSession.Mode.choices)
    counsellors = forms.MultipleChoiceField(label=_("Woonbegeleiders van dienst"),
                                            required=False,
                                            widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["counsellors"].choices = [
            (str(u.pk), u.get_full_name() or u.get_username()) for u in staff]


class SettingsForm(forms.Form):
    visit_minutes = forms.IntegerField(label=_("Duur van een huisbezoek (minuten)"),
                                       min_value=15, max_value=240)

    def __init__(self, *args, sequence=(), **kwargs):
        super().__init__(*args, **kwargs)
        delays = dict(sequence)
        defaults = dict(rules.DEFAULT_SEQUENCE)
        for kind in rules.STEP_KINDS:
            self.fields[f"use_{kind}"] = forms.BooleanField(
                label=rules.STEP_LABELS[kind], required=False, initial=kind in delays,
                disabled=kind == "hearing")
            self.fields[f"delay_{kind}"] = forms.IntegerField(
                label=_("dagen na de vorige stap"), min_value=0,
                max_value=rules.MAX_DELAY_DAYS, initial=delays.get(kind, defaults[kind]),
                disabled=kind == "hearing", help_text=_("op de dag van de zitting")
                if kind == "hearing" else "")

    def sequence(self) -> list[tuple[str, int]]:
        d = self.cleaned_data
        return [(k, d[f"delay_{k}"]) for k in rules.STEP_KINDS
                if k == "hearing" or d.get(f"use_{k}")]

    def rows(self):
        return [(self[f"use_{k}"], self[f"delay_{k}"]) for k in rules.STEP_KINDS]


class AssignmentForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=Municipality.objects.none(),
                                          empty_label=_("kies een gemeente"))
    counsellor = forms.ChoiceField(label=_("Woonbegeleider"), required=False)
    phone = forms.CharField(label=_("Telefoon op de brieven"), max_length=30, required=False)

    def __init__(self, *args, municipalities=None, staff=(), **kwargs):
        super().__init__(*args, **kwargs)
        if municipalities is not None:
            self.fields["municipality"].queryset = municipalities
        self.fields["counsellor"].choices = [("", _("niemand (niet toegewezen)"))] + [
            (str(u.pk), u.get_full_name() or u.get_username()) for u in staff]


class TemplateForm(forms.Form):
    sender = forms.CharField(label=_("Afzender (naam en adres, één per regel)"),
                             widget=forms.Textarea(attrs={"rows": 4}))
    body = forms.CharField(label=_("Tekst"), widget=forms.Textarea(attrs={"rows": 12}))
    signature = forms.CharField(label=_("Ondertekening"), widget=forms.Textarea(attrs={"rows": 4}))
    logo = forms.FileField(label=_("Logo (PNG of JPEG, hoogstens 300 kB)"), required=False)
    remove_logo = forms.BooleanField(label=_("Logo verwijderen"), required=False)


class MediationForm(forms.Form):
    case_id = forms.IntegerField(label=_("Dossiernummer"), min_value=1)
    subject = forms.ChoiceField(label=_("Onderwerp"), choices=Mediation.Subject.choices)
    landlord_kind = forms.ChoiceField(label=_("Soort verhuurder"), choices=LandlordKind.choices)
    landlord_name = forms.CharField(label=_("Naam verhuurder"), max_length=200)
    protocol_partner = forms.ModelChoiceField(
        label=_("Protocolpartner"), required=False, queryset=None, empty_label=_("geen"),
        help_text=_("Bv. een woonmaatschappij met een samenwerkingsprotocol."))
    opened_on = forms.DateField(label=_("Gestart op"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["protocol_partner"].queryset = Organisation.objects.filter(is_active=True)
        self.fields["opened_on"].initial = timezone.localdate()


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Datum"), widget=DATE)
    participants = forms.CharField(label=_("Aanwezigen"), max_length=300)
    notes = forms.CharField(label=_("Verslag"), widget=forms.Textarea(attrs={"rows": 3}))


class CloseMediationForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=Mediation.Outcome.choices)
    closed_on = forms.DateField(label=_("Afgerond op"), widget=DATE)


class FiguresForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    group = forms.ChoiceField(label=_("Per"), required=False, choices=[
        ("municipality", _("gemeente")), ("canton", _("kanton")), ("month", _("maand"))])


class BoardFilterForm(forms.Form):
    mine = forms.BooleanField(label=_("Alleen mijn verzoekschriften"), required=False)
    canton = forms.ModelChoiceField(label=_("Kanton"), required=False,
                                    queryset=Canton.objects.order_by("name", "number"),
                                    empty_label=_("alle kantons"))
