"""Rentals fixtures: a volunteer of organisation A and a household with a case."""

from datetime import date
from decimal import Decimal

import pytest

from woonloket.cases.services import case_open
from woonloket.clients.services import HouseholdIn, MemberIn, household_register
from woonloket.core.roles import Role

LISTING = {"municipality_nis": "36008", "kind": "appartement", "bedrooms": 2, "rent_eur": 650,
           "charges_eur": 50, "epc_label": "C", "status": "beschikbaar",
           "address": {"street": "Grote Markt", "number": "3", "postal_code": "8870"},
           "landlord": {"kind": "agency", "name": "Immo Leieland", "phone": "051 11 22 33"},
           "source": "website"}


@pytest.fixture
def vera(make_user, org_a):
    """Volunteer of organisation A."""
    return make_user("vera", Role.VOLUNTEER, org_a)


@pytest.fixture
def family(alice):
    """A couple with one child in Izegem, € 2 000 net a month, renting privately."""
    household = household_register(alice, HouseholdIn(
        municipality_nis="36008", tenure="private_rent", monthly_income_eur=Decimal(2000),
        savings_eur=Decimal(3000), members=[
            MemberIn("Sofie", "Vermeulen", "self", birth_date=date(1988, 3, 1)),
            MemberIn("Tom", "Vermeulen", "partner", birth_date=date(1987, 5, 2)),
            MemberIn("Lien", "Vermeulen", "child", birth_date=date(2016, 9, 9),
                     is_dependant=True)]))
    case_open(alice, household_id=household.pk, municipality_nis="36008",
              themes=["woningzoektocht"], source="loket")
    return household
