"""The meetings in the UI shell: navigation and the actions in "Mijn werk"."""

from django.utils.translation import gettext_lazy as _

from woonloket.cases.selectors import MY_WORK_PANELS
from woonloket.core import navigation

navigation.register(
    navigation.NavItem(_("Overleg"), "meetings:list", None,
                       description=_("Lokaal woonoverleg, taskforce en andere overlegorganen")),
)


def _actions(user) -> dict:
    from .selectors import open_actions

    return {"actions": list(open_actions(user)[:30])}


MY_WORK_PANELS.append(("meetings/panels/actions.html", _actions))
