"""Fixtures of the energy back office tests (screening, follow-up, coaching):
imported by the test modules that use them."""

from datetime import date, timedelta

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from woonloket.cases.models import Case
from woonloket.cases.services import case_open
from woonloket.clients.services import HouseholdIn, MemberIn, household_register
from woonloket.core.models import Organisation, Share
from woonloket.core.roles import Role
from woonloket.energy import services

TODAY = timezone.localdate()
DWELLING = {"building_type": "halfopen", "construction_year": 1965, "glazing": "dubbel",
            "heating_system": "klassieke_ketel", "heating_fuel": "aardgas"}
FINDINGS = [{"kind": "vocht", "severity": "ernstig", "note": "Vochtplek achterkamer"},
            {"kind": "co_risico", "severity": "dringend", "note": "Geiser zonder afvoer"}]
__all__ = ["case", "ellen", "energiehuis", "make_case", "screening", "tina"]  # fixtures

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 64


@pytest.fixture
def tina(make_user, org_a):
    """Technician (energy coach) of organisation A."""
    return make_user("tina", Role.TECHNICIAN, org_a)


@pytest.fixture
def energiehuis(db):
    org = Organisation.objects.create(name="Energiehuis Midwest (test)", kind="energiehuis")
    org.municipalities.set(["36008"])
    return org


@pytest.fixture
def ellen(make_user, energiehuis):
    """Technician of an Energiehuis (sees a case only when it is shared)."""
    return make_user("ellen", Role.TECHNICIAN, energiehuis)


@pytest.fixture
def make_case(alice):
    def make(last_name="Vermeulen", street="Marktstraat", number="12"):
        household = household_register(alice, HouseholdIn(
            municipality_nis="36008", tenure="owner", street=street, number=number,
            postal_code="8870", members=[MemberIn("Sofie", last_name, "self",
                                                  birth_date=date(1970, 3, 1))]))
        return case_open(alice, household_id=household.pk, municipality_nis="36008",
                         themes=["energie"], source="loket")
    return make


@pytest.fixture
def case(make_case):
    return make_case()


def share(case: Case, organisation: Organisation, by) -> Share:
    return Share.objects.create(
        content_type=ContentType.objects.get_for_model(Case), object_id=case.pk,
        organisation=organisation, section="dossier", basis="toestemming energiescreening",
        valid_from=TODAY - timedelta(days=1), created_by=by)


def record(user, case, **extra):
    values = {"visited_on": TODAY, "dwelling": dict(DWELLING), "findings": list(FINDINGS),
              "street": "Marktstraat", "number": "12", "postal_code": "8870",
              "income_category": 2}
    values.update(extra)
    return services.screening_record(user, case, **values)


@pytest.fixture
def screening(tina, case):
    return record(tina, case)
