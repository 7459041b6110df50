"""The neighbourhood screening in the UI shell: its navigation entry."""

from django.utils.translation import gettext_lazy as _

from woonloket.core import navigation
from woonloket.core.roles import Perm

navigation.register(
    navigation.NavItem(_("Wijkscreening"), "neighbourhoods:imports", Perm.VIEW_PERSONAL_DATA,
                       description=_("Waar eerst renoveren: labels, besparing en kwetsbare "
                                     "gezinnen per wijk")),
)
