"""The housing app in the UI shell: navigation entries and dashboard panels."""

from django.utils.translation import gettext_lazy as _

from woonloket.core import dashboard, navigation
from woonloket.core.roles import Perm

navigation.register(
    navigation.NavItem(_("Crisisnetwerk"), "housing:network", Perm.BOOK_CRISIS_BED,
                       description=_("Vrije crisisbedden vannacht en één boeking")),
    navigation.NavItem(_("Woningenpool"), "housing:availability", None,
                       description=_("Vrije crisis-, doorgangs- en noodwoningen zoeken")),
    navigation.NavItem(_("Bezetting"), "housing:board", None,
                       description=_("Alle woningen van de regio op een tijdlijn")),
    navigation.NavItem(_("kracht.wonen"), "housing:registrations", Perm.VIEW_PERSONAL_DATA,
                       description=_("Meldpunt: aanmeldingen en doorstroom")),
)


def _tasks(request, actor):
    from .selectors import open_tasks

    tasks = list(open_tasks(request.user)[:10])
    return {"tasks": tasks}


dashboard.register(dashboard.Panel("housing/panels/tasks.html", Perm.VIEW_PERSONAL_DATA,
                                   _tasks))
