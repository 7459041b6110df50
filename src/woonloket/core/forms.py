from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .errors import ServiceError
from .models import AuditEntry, Municipality, Region


def submit_service_form(request, form: forms.Form, call, success: str, redirect_to=None,
                        field_of=None):
    """Validate a posted form and call the service with its cleaned data; on
    success redirect (back to the page by default) with a message, otherwise
    the service's Dutch reasons land on the form and None is returned.
    `field_of` maps the service's field names to the form's, where they differ."""
    from django.contrib import messages
    from django.shortcuts import redirect

    if request.method != "POST" or not form.is_bound or not form.is_valid():
        return None
    try:
        call(form.cleaned_data)
    except ServiceError as exc:
        show_service_error(form, exc, field_of)
        return None
    messages.success(request, success)
    return redirect(redirect_to or request.path)


class CsvUploadForm(forms.Form):
    file = forms.FileField(label=_("CSV-bestand"))


def run_csv_import(request, form: CsvUploadForm, run):
    """A posted CSV file through its importer (`run(raw_bytes)`): the result, or
    None with the importer's Dutch reasons on the form."""
    from . import csvfile

    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return run(csvfile.upload_bytes(form.cleaned_data["file"]))
    except ServiceError as exc:
        show_service_error(form, exc)
        return None


def show_service_error(form: forms.Form, exc: ServiceError, field_of=None) -> None:
    """Put a service's Dutch reasons on the form: on the field they name, else on top."""
    for name, message in exc.errors.items():
        field = field_of(name) if field_of else name
        form.add_error(field if field in form.fields else None, message)
    if not exc.errors:
        form.add_error(None, exc.message)


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _(
            "Gebruikersnaam of wachtwoord klopt niet. Let op hoofdletters en kleine letters."
        ),
        "inactive": _("Deze account is niet actief."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].label = _("Gebruikersnaam")
        self.fields["password"].label = _("Wachtwoord")


class TokenForm(forms.Form):
    otp_token = forms.RegexField(
        label=_("Code uit uw authenticator-app"), regex=r"^\s*\d{6}\s*$",
        error_messages={"invalid": _("Geef de 6 cijfers van de code in."),
                        "required": _("Geef de code in.")},
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def clean_otp_token(self):
        return self.cleaned_data["otp_token"].strip()


class MunicipalityFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoek op naam of NIS-code"), required=False, max_length=50)
    region = forms.ModelChoiceField(
        label=_("Regio"), queryset=Region.objects.order_by("name"), required=False,
        to_field_name="code", empty_label=_("alle regio's"),
    )
    all_belgium = forms.BooleanField(label=_("Ook buiten Vlaanderen"), required=False)


class RegionForm(forms.Form):
    code = forms.SlugField(
        label=_("Code"), max_length=40,
        help_text=_("Kleine letters, cijfers en streepjes; staat in adressen en de API."),
    )
    name = forms.CharField(label=_("Naam"), max_length=150)
    description = forms.CharField(label=_("Omschrijving"), required=False,
                                  widget=forms.Textarea(attrs={"rows": 3}))
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Gemeenten"),
        queryset=Municipality.objects.filter(region_nis=Municipality.FLEMISH_REGION_NIS),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één gemeente.")},
    )

    def __init__(self, *args, region: Region | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if region is not None:
            self.fields["code"].disabled = True


class AuditFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Handeling"), required=False,
        choices=[("", _("alle handelingen")), *AuditEntry.Action.choices],
    )
