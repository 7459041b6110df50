from django import forms
from django.utils.translation import gettext_lazy as _

from woonloket.core.access import actor_for
from woonloket.core.models import Organisation
from woonloket.core.roles import Perm


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV-bestand met woningen"))
    organisation = forms.ModelChoiceField(
        label=_("Voor organisatie"), queryset=Organisation.objects.none(), required=False,
        help_text=_("U werkt voor meerdere organisaties: voor welke is deze screening?"))

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        actor = actor_for(user)
        orgs = actor.organisations_with(Perm.EDIT_PERSONAL_DATA)
        if len(orgs) > 1 or (actor.is_platform_admin and len(orgs) != 1):
            queryset = Organisation.objects.filter(is_active=True).order_by("name")
            if not actor.is_platform_admin:
                queryset = queryset.filter(pk__in=orgs)
            self.fields["organisation"].queryset = queryset
            self.fields["organisation"].required = True
        else:
            del self.fields["organisation"]
