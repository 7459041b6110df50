"""The reports in the UI shell."""

from django.utils.translation import gettext_lazy as _

from woonloket.core import navigation
from woonloket.core.roles import Perm

navigation.register(
    navigation.NavItem(_("Rapporten"), "reports:report", Perm.VIEW_REPORTS,
                       description=_("Kerncijfers en jaarrapport voor het lokaal woonoverleg")),
)
