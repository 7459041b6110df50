"""Writes of the portal: a citizen's request for a renovation coach and what
the back office does with it (take it up, close it, open a case from it).

Every write runs in a transaction with its audit entry; the back-office ones
check the caller's permission in the request's organisation.
"""

from __future__ import annotations

import re

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from woonloket.cases.services import case_open_for
from woonloket.clients.services import HouseholdIn, MemberIn, household_create_for
from woonloket.core import audit
from woonloket.core.access import require, user_can
from woonloket.core.errors import Conflict, ServiceError
from woonloket.core.models import Organisation
from woonloket.core.roles import Perm
from woonloket.core.selectors import organisations_serving
from woonloket.energy.models import CoachRequest, Scan

Status = CoachRequest.Status

# Kinds of organisation that take up a citizen's coach request, best first;
# any other organisation serving the municipality comes after them.
COACH_KIND_PREFERENCE = (Organisation.Kind.ENERGIEHUIS, Organisation.Kind.WOONDIENST)

CONSENT_TEXT = (
    "Ik geef {organisation} toestemming om mijn naam, mijn contactgegevens, mijn adres "
    "(als ik het invul), mijn vraag en het resultaat van deze energiescan te gebruiken "
    "om mij te contacteren over renovatiebegeleiding. Mijn gegevens worden voor niets "
    "anders gebruikt. Ik kan deze toestemming altijd intrekken door dat aan "
    "{organisation} te vragen."
)

PHONE_RE = re.compile(r"^\+?[0-9 ./()-]{8,30}$")


def coach_organisation(municipality_nis: str | None) -> Organisation | None:
    """The organisation that gets a coach request from this municipality.

    Among the active organisations serving the municipality
    (`core.selectors.organisations_serving`), an Energiehuis comes first, then
    the woondienst, then the others in the order `organisations_serving` gives
    (its own ranking: woondienst, OCMW, others by name). None when no
    organisation serves the municipality.
    """
    ids = organisations_serving(municipality_nis)
    if not ids:
        return None
    by_id = {o.pk: o for o in Organisation.objects.filter(pk__in=ids)}
    ranked = sorted(ids, key=lambda pk: (
        COACH_KIND_PREFERENCE.index(by_id[pk].kind)
        if by_id[pk].kind in COACH_KIND_PREFERENCE else len(COACH_KIND_PREFERENCE),
        ids.index(pk)))
    return by_id[ranked[0]]


def consent_text(organisation: Organisation) -> str:
    return CONSENT_TEXT.format(organisation=organisation.name)


@transaction.atomic
def coach_request_create(
    scan: Scan, *, name: str, email: str = "", phone: str = "", street: str = "",
    number: str = "", postal_code: str = "", message: str = "", consent: bool = False,
) -> CoachRequest:
    """A citizen asks a renovation coach after a scan (no login: the audit
    entry's actor is "systeem"). The request goes to the organisation that
    `coach_organisation` picks for the scan's municipality."""
    name, email, phone = name.strip(), email.strip(), phone.strip()
    street, number, postal_code = street.strip(), number.strip(), postal_code.strip()
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = "Geef uw naam, zodat de coach weet wie hij contacteert."
    if not email and not phone:
        errors["email"] = "Geef een e-mailadres of een telefoonnummer (of allebei)."
    if phone and not PHONE_RE.match(phone):
        errors["phone"] = "Dit is geen telefoonnummer (alleen cijfers, spaties en + . / -)."
    if postal_code and not re.fullmatch(r"\d{4}", postal_code):
        errors["postal_code"] = "Een postcode heeft 4 cijfers."
    if not consent:
        errors["consent"] = "Zonder uw toestemming kunnen we uw vraag niet doorgeven."
    if scan.municipality_id is None:
        raise ServiceError("Deze scan hoort bij geen gemeente: doe de energiescan opnieuw "
                           "en kies uw gemeente.")
    if errors:
        raise ServiceError("Uw vraag is nog niet volledig.", errors)
    if CoachRequest.objects.filter(scan=scan).exclude(status=Status.DONE).exists():
        raise Conflict("U vroeg al een renovatiecoach na deze scan; we nemen contact met u op. "
                       "Wilt u iets toevoegen? Bel of mail het Energiehuis of de woondienst.")
    organisation = coach_organisation(scan.municipality_id)
    if organisation is None:
        raise ServiceError(
            f"Voor {scan.municipality.name} is er in woonloket nog geen organisatie die "
            "renovatiebegeleiding aanbiedt. Uw gegevens zijn niet bewaard. Neem contact op "
            "met uw gemeente of het Energiehuis van uw regio.")
    request = CoachRequest.objects.create(
        scan=scan, organisation=organisation, municipality_id=scan.municipality_id,
        name=name, email=email, phone=phone, street=street, number=number,
        postal_code=postal_code, message=message.strip(),
        consent_text=consent_text(organisation), consent_at=timezone.now(),
    )
    audit.record(None, audit.Action.CREATE, request, organisation_id=organisation.pk,
                 reason="vraag naar een renovatiecoach (energiescan)",
                 changes={"scan": scan.pk, "municipality": scan.municipality_id})
    return request


def may_handle(user, coach_request: CoachRequest) -> bool:
    """Who may take a request up or close it (opening a case needs EDIT_PERSONAL_DATA)."""
    return any(user_can(user, perm, coach_request.organisation_id)
               for perm in (Perm.EDIT_PERSONAL_DATA, Perm.TECHNICAL_VISITS))


TRANSITIONS = {
    Status.NEW: {Status.IN_PROGRESS, Status.DONE},
    Status.IN_PROGRESS: {Status.DONE},
    Status.DONE: {Status.IN_PROGRESS},
}


@transaction.atomic
def coach_request_set_status(user, coach_request: CoachRequest, status: str) -> CoachRequest:
    """Take a request up ("in behandeling") or close it ("afgehandeld"): a
    counsellor (EDIT_PERSONAL_DATA) or an energy coach (TECHNICAL_VISITS) of the
    request's organisation."""
    if not may_handle(user, coach_request):
        raise PermissionDenied(Perm.EDIT_PERSONAL_DATA)
    coach_request = CoachRequest.objects.select_for_update().get(pk=coach_request.pk)
    if status not in Status.values:
        raise ServiceError("Onbekende status.", {"status": "Onbekende status."})
    if status not in TRANSITIONS[coach_request.status]:
        raise Conflict(f"De vraag is al '{coach_request.get_status_display().lower()}'.",
                       {"status": "Deze stap kan niet vanuit de huidige status."})
    before = coach_request.status
    coach_request.status = status
    coach_request.handled_by = user
    coach_request.save(update_fields=["status", "handled_by"])
    audit.record(user, audit.Action.UPDATE, coach_request,
                 organisation_id=coach_request.organisation_id,
                 changes={"status": [before, status]})
    return coach_request


@transaction.atomic
def coach_request_open_case(user, coach_request: CoachRequest, *, first_name: str,
                            last_name: str, tenure: str):
    """Open a case (theme energie, source loket) for the household behind the
    request, led by the request's organisation, and link it to the request."""
    require(user, Perm.EDIT_PERSONAL_DATA, [coach_request.organisation_id])
    coach_request = CoachRequest.objects.select_for_update().get(pk=coach_request.pk)
    if coach_request.case_id is not None:
        raise Conflict("Voor deze vraag is al een dossier geopend.",
                       {"case": f"Dossier #{coach_request.case_id}."})
    household = household_create_for(user, coach_request.organisation_id, HouseholdIn(
        municipality_nis=coach_request.municipality_id, tenure=tenure,
        members=[MemberIn(first_name=first_name, last_name=last_name, relation="self",
                          phone=coach_request.phone)],
        street=coach_request.street, number=coach_request.number,
        postal_code=coach_request.postal_code))
    case = case_open_for(user, coach_request.organisation_id, household,
                         municipality_nis=coach_request.municipality_id, themes=["energie"],
                         source="loket")
    before = coach_request.status
    coach_request.case = case
    if coach_request.status == Status.NEW:
        coach_request.status = Status.IN_PROGRESS
    coach_request.handled_by = user
    coach_request.save(update_fields=["case", "status", "handled_by"])
    audit.record(user, audit.Action.UPDATE, coach_request,
                 organisation_id=coach_request.organisation_id,
                 changes={"case": [None, case.pk], "status": [before, coach_request.status]})
    return case


def split_name(name: str) -> tuple[str, str]:
    """A first guess of first and last name from one "naam" field, for staff to check."""
    parts = name.split()
    if len(parts) < 2:
        return name.strip(), ""
    return parts[0], " ".join(parts[1:])
