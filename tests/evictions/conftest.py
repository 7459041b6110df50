"""Eviction fixtures: an OCMW for Izegem, alice assigned to Izegem, a petition."""

from datetime import date, datetime, timedelta

import pytest
from django.utils import timezone

from woonloket.core.models import Organisation
from woonloket.evictions import services
from woonloket.evictions.models import Assignment

TODAY = date(2026, 11, 23)  # a Monday; tests freeze "today" here


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch):
    """Services and rules read timezone.localdate(): pin it to TODAY (and now to 08:00)."""
    fixed = timezone.make_aware(datetime(2026, 11, 23, 8, 0))
    monkeypatch.setattr(timezone, "now", lambda: fixed)
    return TODAY


@pytest.fixture
def ocmw_izegem(db):
    org = Organisation.objects.create(name="OCMW Izegem (test)", kind="ocmw")
    org.municipalities.set(["36008"])
    return org


@pytest.fixture
def assigned(org_a, alice):
    return Assignment.objects.create(organisation=org_a, municipality_id="36008",
                                     counsellor=alice, phone="051 33 73 00")


def payload(**change):
    body = {
        "canton": "izegem", "roll_number": "26A1234", "received_on": "2026-11-20",
        "hearing_at": "2026-12-17T09:30:00",
        "landlord": {"kind": "private", "name": "Vastgoed Mandel bv"},
        "tenant": {"first_name": "Sofie", "last_name": "Vermeulen"},
        "address": {"street": "Roeselaarsestraat", "number": "14", "postal_code": "8870",
                    "municipality_nis": "36008"},
        "arrears_eur": 2150.00, "monthly_rent_eur": 720.00,
    }
    body.update(change)
    return body


def petition_in(**change) -> services.PetitionIn:
    values = dict(canton="izegem", roll_number="26A1234", received_on=date(2026, 11, 20),
                  hearing_at=datetime(2026, 12, 17, 9, 30), landlord_kind="private",
                  landlord_name="Vastgoed Mandel bv", first_name="Sofie", last_name="Vermeulen",
                  street="Roeselaarsestraat", number="14", postal_code="8870",
                  municipality_nis="36008", arrears_eur=2150, monthly_rent_eur=720)
    values.update(change)
    return services.PetitionIn(**values)


@pytest.fixture
def petition(alice, org_a, assigned, ocmw_izegem):
    return services.petition_register(alice, petition_in())


def days(n: int) -> timedelta:
    return timedelta(days=n)
