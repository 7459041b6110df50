from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Income, Person, Tenure

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MemberForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100)
    relation = forms.ChoiceField(label=_("Relatie"), choices=[
        c for c in Person.Relation.choices if c[0] != Person.Relation.SELF])
    birth_date = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    national_number = forms.CharField(label=_("Rijksregisternummer"), required=False,
                                      max_length=20)
    is_dependant = forms.BooleanField(label=_("Persoon ten laste"), required=False)
    has_recognised_disability = forms.BooleanField(label=_("Erkende handicap"), required=False)


class IncomeForm(forms.Form):
    person = forms.ModelChoiceField(label=_("Van wie"), queryset=Person.objects.none(),
                                    required=False, empty_label=_("het gezin"))
    source = forms.ChoiceField(label=_("Bron"), choices=Income.Source.choices)
    monthly_eur = forms.DecimalField(label=_("Netto per maand (€)"), min_value=0,
                                     max_digits=10, decimal_places=2)

    def __init__(self, *args, household=None, **kwargs):
        super().__init__(*args, **kwargs)
        if household is not None:
            self.fields["person"].queryset = household.members.all()


class HouseholdForm(forms.Form):
    tenure = forms.ChoiceField(label=_("Woonsituatie"), choices=Tenure.choices)
    savings_eur = forms.DecimalField(label=_("Spaargeld (€)"), required=False, min_value=0,
                                     max_digits=12, decimal_places=2)
    street = forms.CharField(label=_("Straat"), required=False, max_length=150)
    number = forms.CharField(label=_("Huisnummer"), required=False, max_length=10)
    box = forms.CharField(label=_("Bus"), required=False, max_length=10)
    postal_code = forms.RegexField(label=_("Postcode"), required=False, regex=r"^\d{4}$",
                                   error_messages={"invalid": _("Een postcode heeft 4 cijfers.")})


class PersonForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(label=_("Familienaam"), max_length=100)
    birth_date = forms.DateField(label=_("Geboortedatum"), required=False, widget=DATE)
    sex = forms.ChoiceField(label=_("Geslacht"), required=False,
                            choices=[("", "–"), *Person.Sex.choices])
    national_number = forms.CharField(label=_("Rijksregisternummer"), required=False,
                                      max_length=20)
    language = forms.CharField(label=_("Taal"), required=False, max_length=30)
    nationality = forms.CharField(label=_("Nationaliteit"), required=False, max_length=60)
    phone = forms.CharField(label=_("Telefoon"), required=False, max_length=30)
    email = forms.EmailField(label=_("E-mail"), required=False)
    is_dependant = forms.BooleanField(label=_("Persoon ten laste"), required=False)
    has_recognised_disability = forms.BooleanField(label=_("Erkende handicap"), required=False)
    situation_notes = forms.CharField(label=_("Situatie"), required=False,
                                      widget=forms.Textarea(attrs={"rows": 3}))


class MergeForm(forms.Form):
    other = forms.IntegerField(label=_("Nummer van het dubbele gezin"), min_value=1,
                               help_text=_("Zijn leden, inkomens en dossiers komen bij dit gezin."))
