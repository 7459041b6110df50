"""The core pages per role, their query counts and the region screen."""

import pytest

from woonloket.core.models import Region
from woonloket.core.roles import Role

PAGES = ["/overzicht/", "/gemeenten/", "/regios/", "/organisaties/"]


@pytest.mark.parametrize("role", list(Role))
@pytest.mark.parametrize("path", PAGES)
def test_every_role_opens_the_shared_pages(client, make_user, org_a, role, path):
    client.force_login(make_user("u", role, org_a))
    assert client.get(path).status_code == 200


@pytest.mark.parametrize("path", [*PAGES, "/auditlog/", "/regios/nieuw/"])
def test_anonymous_visitors_are_sent_to_the_login(client, db, path):
    response = client.get(path)
    assert response.status_code == 302 and response.url.startswith("/account/aanmelden/")


@pytest.mark.parametrize("role, status", [
    (Role.COORDINATOR, 200), (Role.ADMIN, 200), (Role.WOONBEGELEIDER, 403),
    (Role.PARTNER, 403), (Role.CALLTAKER, 403), (Role.TECHNICIAN, 403), (Role.VOLUNTEER, 403),
])
def test_audit_log_by_role(client, make_user, org_a, role, status):
    client.force_login(make_user("u", role, org_a))
    assert client.get("/auditlog/").status_code == status


def test_navigation_follows_the_role(client, make_user, org_a):
    client.force_login(make_user("c", Role.COORDINATOR, org_a))
    assert 'href="/auditlog/"' in client.get("/overzicht/").content.decode()
    client.force_login(make_user("v", Role.VOLUNTEER, org_a))
    assert 'href="/auditlog/"' not in client.get("/overzicht/").content.decode()


def test_the_home_page_explains_woonloket(client, db):
    page = client.get("/").content.decode()
    assert "Aanmelden als medewerker" in page and 'lang="nl"' in page


@pytest.mark.parametrize("path", ["/gemeenten/", "/regios/", "/organisaties/", "/auditlog/"])
def test_list_pages_have_a_fixed_number_of_queries(
    client, root, path, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(root)
    with CaptureQueriesContext(connection) as few:
        client.get(path, {"q": "Izegem"} if path == "/gemeenten/" else {})
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(path, {"all_belgium": "on"} if path == "/gemeenten/" else {})


def test_municipality_filter(client, alice):
    client.force_login(alice)
    page = client.get("/gemeenten/", {"region": "regio-izegem"}).content.decode()
    assert "Oostrozebeke" in page and "Kortrijk" not in page
    assert "5 gemeenten" in page


def test_an_administrator_defines_a_region(client, make_user, org_a):
    client.force_login(make_user("b", Role.ADMIN, org_a))
    response = client.post("/regios/nieuw/", {
        "code": "midwest", "name": "Midwest", "description": "",
        "municipalities": ["36008", "37022"],
    })
    assert response.status_code == 302
    region = Region.objects.get(code="midwest")
    assert sorted(region.municipalities.values_list("name", flat=True)) == ["Izegem", "Tielt"]


@pytest.mark.parametrize("data, message", [
    ({"code": "x y", "name": "X", "municipalities": ["36008"]}, "geldige"),
    ({"code": "leeg", "name": "Leeg"}, "Kies minstens één gemeente."),
    ({"code": "w13", "name": "Dubbel", "municipalities": ["36008"]}, "Die code is al in gebruik."),
])
def test_bad_region_input_gets_a_dutch_message(client, make_user, org_a, data, message):
    client.force_login(make_user("b", Role.ADMIN, org_a))
    response = client.post("/regios/nieuw/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Region.objects.count() == 2


def test_editing_a_region_keeps_its_code(client, make_user, org_a):
    client.force_login(make_user("b", Role.ADMIN, org_a))
    client.post("/regios/regio-izegem/bewerken/", {
        "code": "gewijzigd", "name": "Regio Izegem", "municipalities": ["36008"],
    })
    region = Region.objects.get(code="regio-izegem")
    assert region.name == "Regio Izegem" and region.municipalities.count() == 1


def test_only_region_managers_edit_regions(client, carol):
    client.force_login(carol)
    assert client.get("/regios/nieuw/").status_code == 403
    assert client.get("/regios/nergens/bewerken/").status_code == 403
