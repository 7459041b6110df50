"""Fixtures of the portal tests: saved scans and a clean rate-limit counter."""

import pytest
from django.core.cache import cache

from woonloket.core.models import Organisation


@pytest.fixture(autouse=True)
def _fresh_rate_limit():
    """The scan rate limit counts in the cache: each test starts at zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def make_scan(db):
    from woonloket.energy.engine import dwelling_from
    from woonloket.energy.services import scan_save

    def make(municipality_nis="36008", **answers):
        data = {"building_type": "halfopen", "construction_year": 1965, **answers}
        return scan_save(dwelling_from(data), origin="citizen",
                         municipality_nis=municipality_nis)
    return make


@pytest.fixture
def energiehuis(db):
    """An Energiehuis serving Izegem (36008), like organisation A does."""
    org = Organisation.objects.create(name="Energiehuis Midwest (test)", kind="energiehuis")
    org.municipalities.set(["36008"])
    return org
