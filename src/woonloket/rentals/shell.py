"""The rentals app in the UI shell: navigation and the case page's link."""

from django.utils.translation import gettext_lazy as _

from woonloket.cases.selectors import CASE_LINKS, CaseLink
from woonloket.core import dashboard, navigation
from woonloket.core.roles import Perm

navigation.register(
    navigation.NavItem(_("Immolijst"), "rentals:listings", None,
                       description=_("Huurwoningen in de regio, nagekeken door vrijwilligers")),
    navigation.NavItem(_("Woonclub"), "rentals:woonclub", Perm.VIEW_PERSONAL_DATA,
                       description=_("Groepssessies, buddy's en wie een woning vond")),
)

CASE_LINKS.append(CaseLink(_("Woningzoektocht"), "rentals:case_search"))


def _registrations(request, actor):
    from .selectors import registrations_due

    return {"registrations": list(registrations_due(request.user)[:10])}


dashboard.register(dashboard.Panel("rentals/panels/registrations.html", Perm.VIEW_PERSONAL_DATA,
                                   _registrations))
