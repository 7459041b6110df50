"""The API contract of the foundation: auth, me, municipalities, regions,
organisations, and the error shape {"detail", "errors": [{field, message}]}."""

import pytest

from woonloket.core.models import AuditEntry, Organisation


def test_without_a_token_it_answers_401_in_dutch(client, db):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response.json()["detail"].startswith("Niet aangemeld")
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer fout"}).status_code == 401


def test_me_lists_memberships_and_permissions(api, alice, org_a):
    body = api(alice).get("/me").json()
    assert body["username"] == "alice" and body["is_platform_admin"] is False
    assert body["memberships"] == [{
        "organisation_id": org_a.pk, "organisation_name": org_a.name,
        "organisation_kind": "woondienst", "role": "woonbegeleider",
    }]
    assert "view_personal_data" in body["permissions"]
    assert "view_audit_log" not in body["permissions"]


def test_municipalities_are_paginated_with_cantons_and_population(api, alice):
    body = api(alice).get("/municipalities", limit=5, offset=0).json()
    assert body["count"] == 565 and len(body["items"]) == 5
    izegem = api(alice).get("/municipalities/36008").json()
    assert izegem == {
        "nis_code": "36008", "name": "Izegem", "province": "West-Vlaanderen",
        "province_nis": "30000", "region_nis": "02000", "population": None,
        "population_date": None, "population_source": "", "cantons": ["izegem"],
    }


def test_municipalities_filter_by_region_and_flanders(api, alice):
    body = api(alice).get("/municipalities", region="regio-izegem").json()
    assert [m["name"] for m in body["items"]] == [
        "Ingelmunster", "Izegem", "Ledegem", "Oostrozebeke", "Wielsbeke",
    ]
    assert api(alice).get("/municipalities", flemish="true").json()["count"] == 285


def test_the_municipality_list_has_a_fixed_number_of_queries(
    api, alice, django_assert_num_queries
):
    client = api(alice)
    client.get("/municipalities", limit=1)
    # token, count, page, cantons prefetch (+ savepoints of the token touch)
    with django_assert_num_queries(4):
        client.get("/municipalities", limit=5)
    with django_assert_num_queries(4):
        client.get("/municipalities", limit=500)


def test_regions_and_organisations(api, alice, org_a):
    regions = api(alice).get("/regions").json()
    assert {r["code"] for r in regions["items"]} == {"regio-izegem", "w13"}
    w13 = api(alice).get("/regions/w13").json()
    assert len(w13["municipality_nis_codes"]) == 14
    orgs = api(alice).get("/organisations", kind="woondienst").json()
    assert orgs["items"] == [{
        "id": org_a.pk, "name": org_a.name, "kind": "woondienst", "is_active": True,
        "municipality_nis_codes": ["36007", "36008"],
    }]


def test_an_administrator_creates_an_organisation(api, root):
    response = api(root).post("/organisations", {
        "name": "SVK Midden-West-Vlaanderen", "kind": "svk",
        "municipality_nis_codes": ["36008", "37010"],
    })
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["kind"] == "svk" and body["municipality_nis_codes"] == ["36008", "37010"]
    assert AuditEntry.objects.filter(object_type="core.organisation", action="create").exists()


def test_others_may_not_create_organisations(api, carol):
    response = api(carol).post("/organisations", {"name": "X", "kind": "svk"})
    assert response.status_code == 403
    assert not Organisation.objects.filter(name="X").exists()


@pytest.mark.parametrize("payload, field, message", [
    ({"kind": "svk"}, "name", "Dit veld is verplicht."),
    ({"name": "X", "kind": "bank"}, "kind", "Kies een van"),
    ({"name": "X", "kind": "svk", "municipality_nis_codes": ["12345"]},
     "municipality_nis_codes", "Onbekende NIS-code: 12345."),
    ({"name": "X", "kind": "svk", "municipality_nis_codes": "36008"},
     "municipality_nis_codes", "Verwacht een lijst."),
    ({"name": "", "kind": "svk"}, "name", "Te kort"),
])
def test_bad_input_gets_a_422_with_dutch_field_errors(api, root, payload, field, message):
    response = api(root).post("/organisations", payload)
    assert response.status_code == 422
    body = response.json()
    assert body["detail"]
    assert any(
        e["field"] == field and e["message"].startswith(message) for e in body["errors"]
    ), body
    assert not Organisation.objects.filter(name="X").exists()


def test_a_duplicate_name_is_refused(api, root, org_a):
    response = api(root).post("/organisations", {"name": org_a.name.upper(), "kind": "svk"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"


def test_broken_json_is_a_400(api, root):
    response = api(root).post_raw("/organisations", "{niet json")
    assert response.status_code == 400
    assert response.json()["detail"] == "De body is geen geldige JSON."


@pytest.mark.parametrize("path", [
    "/municipalities/00000", "/regions/nergens", "/organisations/999999", "/bestaat-niet",
])
def test_unknown_objects_and_paths_are_json_404s(api, alice, path):
    response = api(alice).get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Niet gevonden.", "errors": []}


def test_bad_query_parameters_are_422(api, alice):
    response = api(alice).get("/municipalities", limit="veel")
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "field": "limit", "message": "Verwacht een geheel getal.",
    }


def test_the_openapi_document_describes_the_endpoints(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    for path in ("me", "municipalities", "regions", "organisations"):
        assert f"/api/v1/{path}" in schema["paths"]


def test_a_session_needs_the_second_factor_when_required(client, alice, settings):
    client.force_login(alice)
    assert client.get("/api/v1/me").status_code == 200
    settings.WOONLOKET_REQUIRE_2FA = True
    assert client.get("/api/v1/me").status_code == 401
