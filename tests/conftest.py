"""Shared named fixtures: two organisations and a user per role in each."""

import io

import pytest
from django.contrib.auth import get_user_model

from woonloket.core.models import Membership, Organisation
from woonloket.core.roles import Role
from woonloket.core.services import api_token_create


@pytest.fixture
def org_a(db):
    org = Organisation.objects.create(name="Woondienst Regio Izegem (test)", kind="woondienst")
    org.municipalities.set(["36008", "36007"])
    return org


@pytest.fixture
def org_b(db):
    org = Organisation.objects.create(name="OCMW Kortrijk (test)", kind="ocmw")
    org.municipalities.set(["34022"])
    return org


@pytest.fixture
def make_user(db):
    def make(username, role=None, organisation=None, **extra):
        user = get_user_model().objects.create_user(
            username=username, password="correct horse battery", first_name=username.title(),
            **extra,
        )
        if role:
            Membership.objects.create(user=user, organisation=organisation, role=role)
        return user
    return make


@pytest.fixture
def alice(make_user, org_a):
    """Woonbegeleider of organisation A."""
    return make_user("alice", Role.WOONBEGELEIDER, org_a)


@pytest.fixture
def bob(make_user, org_b):
    """Partner worker of organisation B."""
    return make_user("bob", Role.PARTNER, org_b)


@pytest.fixture
def carol(make_user, org_a):
    """Coordinator of organisation A."""
    return make_user("carol", Role.COORDINATOR, org_a)


@pytest.fixture
def root(make_user):
    """Platform administrator."""
    return make_user("root", is_superuser=True, is_staff=True)


@pytest.fixture
def api(client):
    """A client that calls the API with a bearer token of `user`."""
    class Api:
        def __init__(self, user):
            self.headers = {"Authorization": f"Bearer {api_token_create(None, for_user=user)}"}

        def get(self, path, **params):
            return client.get(f"/api/v1{path}", params, headers=self.headers)

        def post(self, path, data):
            return client.post(f"/api/v1{path}", data, content_type="application/json",
                               headers=self.headers)

        def patch(self, path, data):
            return client.patch(f"/api/v1{path}", data, content_type="application/json",
                                headers=self.headers)

        def post_csv(self, path, body: bytes):
            return client.post(f"/api/v1{path}", body, content_type="text/csv",
                               headers=self.headers)

        def client_post_file(self, path, upload):
            return client.post(f"/api/v1{path}", {"file": upload}, headers=self.headers)

        def post_raw(self, path, body):
            return client.post(f"/api/v1{path}", body, content_type="application/json",
                               headers=self.headers)

    return Api


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests (live server, threads) need committed reference data:
    load what the migrations load (the flush between such tests removes it)."""
    from django.core.management import call_command

    call_command("load_reference", stdout=io.StringIO())


@pytest.fixture
def count_queries():
    """How many queries `call()` makes once the per-process caches are warm."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count(call) -> int:
        call()  # warm the per-process caches (content types, sessions)
        with CaptureQueriesContext(connection) as ctx:
            call()
        return len(ctx.captured_queries)
    return count
