"""The main navigation: each entry says which permission shows it.

Apps add their entries with `register`; the context processor filters them
for the signed-in user, so navigation by role follows `roles.py`.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .access import Actor
from .roles import Perm


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str
    perm: str | None = None  # None: every signed-in staff user
    description: str | Promise = ""

    def visible_for(self, actor: Actor) -> bool:
        return self.perm is None or actor.can(self.perm)

    @property
    def url(self) -> str:
        return reverse(self.url_name)


ITEMS: list[NavItem] = []


def register(*items: NavItem) -> None:
    ITEMS.extend(items)


def items_for(actor: Actor) -> list[NavItem]:
    return [item for item in ITEMS if item.visible_for(actor)]


register(
    NavItem(_("Overzicht"), "core:dashboard", description=_("Uw startpagina")),
    NavItem(_("Gemeenten"), "core:municipalities",
            description=_("Gemeenten, kantons en inwonertallen")),
    NavItem(_("Regio's"), "core:regions", description=_("Samenwerkingsverbanden")),
    NavItem(_("Organisaties"), "core:organisations", description=_("Partners en hun werkgebied")),
    NavItem(_("Auditlog"), "core:audit_log", Perm.VIEW_AUDIT_LOG,
            description=_("Wie zag of wijzigde welke gegevens")),
)
