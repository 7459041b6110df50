"""What each role may see and do: the one place that says it.

A permission is held *in an organisation*: a coordinator of the woondienst
Regio Izegem may review the audit log of that organisation, not of another.
Platform administrators (Django superusers) may do everything. Later apps add
their permissions here, next to the roles that hold them, and the permission
matrix test (tests/core/test_roles.py) checks every cell.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    WOONBEGELEIDER = "woonbegeleider", _("Woonbegeleider")
    COORDINATOR = "coordinator", _("Coördinator / stafmedewerker")
    PARTNER = "partner", _("Partnermedewerker")
    CALLTAKER = "calltaker", _("Calltaker crisisnetwerk")
    TECHNICIAN = "technician", _("Technicus / energiecoach")
    VOLUNTEER = "volunteer", _("Vrijwilliger (woonbuddy)")
    ADMIN = "admin", _("Beheerder")


class Perm(models.TextChoices):
    VIEW_PERSONAL_DATA = "view_personal_data", _(
        "Persoonsgegevens inzien (binnen de eigen organisatie of gedeeld)"
    )
    EDIT_PERSONAL_DATA = "edit_personal_data", _("Dossiers en persoonsgegevens bewerken")
    VIEW_AUDIT_LOG = "view_audit_log", _("Het auditlog van de organisatie nakijken")
    MANAGE_ORGANISATION = "manage_organisation", _("De organisatie en haar leden beheren")
    MANAGE_REGIONS = "manage_regions", _("Regio's (samenwerkingsverbanden) bepalen")
    VIEW_REPORTS = "view_reports", _("Kerncijfers en rapporten bekijken")
    MANAGE_HOUSING_POOL = "manage_housing_pool", _(
        "De pool van crisis- en doorgangswoningen beheren"
    )
    BOOK_CRISIS_BED = "book_crisis_bed", _("Een crisisbed boeken")
    TECHNICAL_VISITS = "technical_visits", _("Screenings en technische bezoeken uitvoeren")
    MANAGE_LISTINGS = "manage_listings", _("De immolijst bijhouden")
    MANAGE_OUTREACH = "manage_outreach", _(
        "Uithuiszettingen: stappen, brieven, gemeenten en zittingen instellen"
    )


P = Perm
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.WOONBEGELEIDER: frozenset({
        P.VIEW_PERSONAL_DATA, P.EDIT_PERSONAL_DATA, P.BOOK_CRISIS_BED, P.MANAGE_LISTINGS,
    }),
    Role.COORDINATOR: frozenset({
        P.VIEW_PERSONAL_DATA, P.EDIT_PERSONAL_DATA, P.VIEW_AUDIT_LOG, P.VIEW_REPORTS,
        P.MANAGE_HOUSING_POOL, P.BOOK_CRISIS_BED, P.MANAGE_LISTINGS, P.MANAGE_OUTREACH,
    }),
    Role.PARTNER: frozenset({P.VIEW_PERSONAL_DATA, P.EDIT_PERSONAL_DATA}),
    Role.CALLTAKER: frozenset({P.VIEW_PERSONAL_DATA, P.BOOK_CRISIS_BED}),
    Role.TECHNICIAN: frozenset({P.VIEW_PERSONAL_DATA, P.TECHNICAL_VISITS}),
    Role.VOLUNTEER: frozenset({P.MANAGE_LISTINGS}),
    Role.ADMIN: frozenset({
        P.VIEW_AUDIT_LOG, P.MANAGE_ORGANISATION, P.MANAGE_REGIONS, P.VIEW_REPORTS,
    }),
}


def role_has(role: str, perm: str) -> bool:
    """True when the role grants the permission (in the membership's organisation)."""
    return perm in ROLE_PERMISSIONS.get(role, frozenset())


# Permissions that expose personal data or control who does: a role holding
# any of them must pass a second factor when WOONLOKET_REQUIRE_2FA is on.
SENSITIVE = frozenset({P.VIEW_PERSONAL_DATA, P.VIEW_AUDIT_LOG, P.MANAGE_ORGANISATION})


def role_needs_second_factor(role: str) -> bool:
    return bool(ROLE_PERMISSIONS.get(role, frozenset()) & SENSITIVE)
