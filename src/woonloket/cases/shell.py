"""The cases app in the UI shell: navigation entries and a dashboard panel."""

from django.utils.translation import gettext_lazy as _

from woonloket.core import dashboard, navigation
from woonloket.core.roles import Perm

navigation.register(
    navigation.NavItem(_("Mijn werk"), "cases:my_work", Perm.VIEW_PERSONAL_DATA,
                       description=_("Mijn dossiers, acties en evaluaties")),
    navigation.NavItem(_("Dossiers"), "cases:list", Perm.VIEW_PERSONAL_DATA,
                       description=_("Alle dossiers die u mag zien")),
    navigation.NavItem(_("Personen"), "cases:people", Perm.VIEW_PERSONAL_DATA,
                       description=_("Zoek op naam, rijksregisternummer of adres")),
)


def _my_work(request, actor):
    from .selectors import my_work

    return {"work": my_work(request.user)}


dashboard.register(dashboard.Panel("cases/panels/my_work.html", Perm.EDIT_PERSONAL_DATA,
                                   _my_work))
