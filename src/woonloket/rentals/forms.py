from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonloket.core.models import Municipality

from .models import Landlord, Listing, SearchEntry

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
MONEY = {"min_value": 0, "max_digits": 7, "decimal_places": 2}


def _flemish():
    return Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS)


class ListingForm(forms.Form):
    """The volunteer's form: short, one column, big targets on a phone."""

    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=_flemish(),
                                          empty_label=_("kies een gemeente"))
    kind = forms.ChoiceField(label=_("Soort"), choices=Listing.Kind.choices)
    bedrooms = forms.IntegerField(label=_("Slaapkamers"), min_value=0, max_value=20)
    rent_eur = forms.DecimalField(label=_("Huur per maand (€)"), max_digits=7, decimal_places=2,
                                  min_value=1)
    charges_eur = forms.DecimalField(label=_("Kosten per maand (€)"), required=False, **MONEY)
    street = forms.CharField(label=_("Straat"), max_length=150, required=False)
    number = forms.CharField(label=_("Nummer"), max_length=10, required=False)
    postal_code = forms.RegexField(label=_("Postcode"), regex=r"^\d{4}$", required=False,
                                   error_messages={"invalid": _("Vier cijfers.")})
    floor_area_m2 = forms.IntegerField(label=_("Oppervlakte (m²)"), min_value=5,
                                       max_value=2000, required=False)
    epc_label = forms.ChoiceField(label=_("EPC-label"), required=False,
                                  choices=[("", _("niet gekend")), *Listing.EPC_LABELS])
    available_from = forms.DateField(label=_("Beschikbaar vanaf"), widget=DATE, required=False)
    status = forms.ChoiceField(label=_("Status"), choices=Listing.Status.choices)
    source = forms.ChoiceField(label=_("Gevonden via"), choices=Listing.Source.choices)
    landlord_kind = forms.ChoiceField(label=_("Verhuurder is een"), choices=Landlord.Kind.choices)
    landlord_name = forms.CharField(label=_("Naam verhuurder of kantoor"), max_length=200,
                                    required=False)
    landlord_phone = forms.CharField(label=_("Telefoon verhuurder"), max_length=30,
                                     required=False)
    accessible = forms.BooleanField(label=_("Toegankelijk (rolstoel)"), required=False)
    pets = forms.BooleanField(label=_("Huisdieren toegelaten"), required=False)
    garden = forms.BooleanField(label=_("Tuin"), required=False)
    notes = forms.CharField(label=_("Opmerkingen"), required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 3}))

    def values(self):
        d = dict(self.cleaned_data)
        landlord = (d.pop("landlord_kind"), d.pop("landlord_name"), d.pop("landlord_phone"))
        d["municipality_nis"] = d.pop("municipality").pk
        d["charges_eur"] = d["charges_eur"] or 0
        return d, landlord

    @staticmethod
    def initial_for(listing: Listing) -> dict:
        names = ["kind", "bedrooms", "rent_eur", "charges_eur", "street", "number",
                 "postal_code", "floor_area_m2", "epc_label", "available_from", "status",
                 "source", "accessible", "pets", "garden", "notes"]
        initial = {n: getattr(listing, n) for n in names}
        initial["municipality"] = listing.municipality_id
        if listing.landlord:
            initial.update(landlord_kind=listing.landlord.kind,
                           landlord_name=listing.landlord.name,
                           landlord_phone=listing.landlord.phone)
        return initial


class ListingFilterForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Gemeente"), queryset=_flemish(),
                                          required=False, empty_label=_("alle gemeenten"))
    max_rent_eur = forms.DecimalField(label=_("Huur hoogstens (€)"), required=False, **MONEY)
    bedrooms = forms.IntegerField(label=_("Slaapkamers minstens"), required=False,
                                  min_value=0, max_value=20)
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("alle")), *Listing.Status.choices])
    stale = forms.ChoiceField(label=_("Nagekeken"), required=False, choices=[
        ("", _("maakt niet uit")), ("ja", _("langer dan 14 dagen geleden")),
        ("nee", _("de voorbije 14 dagen"))])


class PdfForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Lijst voor de gemeente"), queryset=_flemish(),
                                          empty_label=_("kies een gemeente"))


class LandlordForm(forms.ModelForm):
    class Meta:
        model = Landlord
        fields = ["kind", "name", "phone", "email", "open_to_target_group", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}


class AgreementForm(forms.Form):
    made_on = forms.DateField(label=_("Datum"), widget=DATE)
    text = forms.CharField(label=_("Afspraak of contact"), widget=forms.Textarea(attrs={"rows": 3}))


class ProfileForm(forms.Form):
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gewenste gemeenten (leeg: alle)"), queryset=_flemish(), required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}))
    needs_accessible = forms.BooleanField(label=_("Toegankelijke woning nodig"), required=False)
    has_pets = forms.BooleanField(label=_("Heeft huisdieren"), required=False)
    max_share = forms.DecimalField(label=_("Hoogstens dit deel van het inkomen naar wonen"),
                                   min_value=0.1, max_value=0.6, max_digits=3, decimal_places=2,
                                   help_text=_("0,35 = 35 %"))


class SearchEntryForm(forms.Form):
    step = forms.ChoiceField(label=_("Stap"), choices=SearchEntry.Step.choices)
    on = forms.DateField(label=_("Datum"), widget=DATE)
    listing_id = forms.IntegerField(label=_("Woning (nummer op de immolijst)"), required=False,
                                    min_value=1)
    visit_at = forms.DateTimeField(label=_("Bezoek op"), required=False,
                                   widget=forms.DateTimeInput(attrs={"type": "datetime-local"},
                                                              format="%Y-%m-%dT%H:%M"),
                                   input_formats=["%Y-%m-%dT%H:%M"])
    visit_with = forms.CharField(label=_("Bezoek met"), max_length=200, required=False)
    reason = forms.CharField(label=_("Reden (bij weigering)"), max_length=300, required=False)
    discrimination_signal = forms.BooleanField(label=_("Signaal van discriminatie"),
                                               required=False)
    note = forms.CharField(label=_("Notitie"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on"].initial = timezone.localdate()


class RegistrationForm(forms.Form):
    registered_on = forms.DateField(label=_("Ingeschreven op"), widget=DATE)
    woonmaatschappij = forms.CharField(label=_("Woonmaatschappij"), max_length=200)
    fast_track_applied_on = forms.DateField(label=_("Versnelde toewijzing (pijler 2) gevraagd op"),
                                            widget=DATE, required=False)
    update_due_on = forms.DateField(label=_("Inschrijving te actualiseren tegen"), widget=DATE,
                                    required=False, help_text=_("Leeg: twee jaar na de "
                                                                "inschrijving."))


class SessionForm(forms.Form):
    antenna = forms.CharField(label=_("Antennepunt"), max_length=120)
    held_on = forms.DateField(label=_("Datum"), widget=DATE)
    buddies = forms.MultipleChoiceField(label=_("Buddy's"), required=False,
                                        widget=forms.CheckboxSelectMultiple)
    what_was_done = forms.CharField(label=_("Wat er gebeurde"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, volunteers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["buddies"].choices = [(str(u.pk), u.get_full_name() or u.get_username())
                                          for u in volunteers]
        self.fields["held_on"].initial = timezone.localdate()


class AttendanceForm(forms.Form):
    case_id = forms.IntegerField(label=_("Dossiernummer"), min_value=1)
    persons = forms.IntegerField(label=_("Aantal personen"), min_value=1, max_value=20,
                                 initial=1)
    from_loi = forms.BooleanField(label=_("Nieuwkomer uit een LOI"), required=False)


class YearForm(forms.Form):
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
