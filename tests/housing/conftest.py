from datetime import date

import pytest

from woonloket.cases.services import case_open
from woonloket.clients.services import HouseholdIn, MemberIn, household_register
from woonloket.core.models import Organisation
from woonloket.core.roles import Role
from woonloket.housing import services


@pytest.fixture
def network_org(db):
    """The crisis network's organisation (a CAW) working in both test regions."""
    org = Organisation.objects.create(name="CAW West-Vlaanderen (test)", kind="caw")
    org.municipalities.set(["36008", "34022"])
    return org


@pytest.fixture
def calltaker(make_user, network_org):
    """Calltaker of the crisis network."""
    return make_user("cato", Role.CALLTAKER, network_org)


@pytest.fixture
def make_unit(carol):
    def make(municipality_nis="36008", kind="crisiswoning", persons=4, **fields):
        return services.unit_create(carol, municipality_nis=municipality_nis, kind=kind,
                                    persons=persons, **fields)
    return make


@pytest.fixture
def make_case(carol):
    """A case of organisation A for a new household (one member, last name given)."""
    def make(last_name="Peeters", user=None):
        user = user or carol
        household = household_register(user, HouseholdIn(
            municipality_nis="36008", tenure="private_rent",
            members=[MemberIn("An", last_name, "self")]))
        return case_open(user, household_id=household.pk, municipality_nis="36008",
                         themes=["dreigende_dakloosheid"], source="loket")
    return make


def d(text: str) -> date:
    return date.fromisoformat(text)
