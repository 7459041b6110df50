"""The API contract: POST /energy/neighbourhoods/import, GET /energy/neighbourhoods
?import_id=, GET /energy/neighbourhoods/imports."""

from django.core.files.uploadedfile import SimpleUploadedFile

from woonloket.neighbourhoods import services

from .conftest import GOOD_ROWS, csv_bytes


def test_import_as_multipart_file_answers_201(api, alice, good_csv):
    upload = SimpleUploadedFile("wijken.csv", good_csv, content_type="text/csv")
    response = api(alice).client_post_file("/energy/neighbourhoods/import", upload)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["rows"] == 12 and body["rows_rejected"] == 0 and body["errors"] == []
    assert body["neighbourhoods"] == 3 and isinstance(body["import_id"], int)


def test_import_as_text_csv_body_reports_bad_lines(api, alice):
    raw = csv_bytes([GOOD_ROWS[0], "36008A00-;;x;1;8870;36008;villa;1965;;;;;;;;;;"])
    response = api(alice).post_csv("/energy/neighbourhoods/import", raw)
    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["rows"], body["rows_rejected"]) == (1, 1)
    assert body["errors"] == [{"line": 3, "message": "building_type: Kies een van: open, "
                                                     "halfopen, gesloten, appartement."}]


def test_import_refuses_a_file_without_columns_or_good_rows(api, alice):
    response = api(alice).post_csv("/energy/neighbourhoods/import", b"a;b\n1;2\n")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "file"
    response = api(alice).post_csv(
        "/energy/neighbourhoods/import", csv_bytes(["A;;x;1;8870;36008;villa;1965;;;;;;;;;;"]))
    assert response.status_code == 422
    assert response.json()["row_errors"][0]["line"] == 2
    response = api(alice).post_raw("/energy/neighbourhoods/import", b"{}")
    assert response.status_code == 422


def test_import_needs_permission(api, make_user, org_a, good_csv):
    from woonloket.core.roles import Role

    volunteer = make_user("vic", Role.VOLUNTEER, org_a)
    response = api(volunteer).post_csv("/energy/neighbourhoods/import", good_csv)
    assert response.status_code == 403


def test_neighbourhoods_of_an_import_by_rank(api, alice, good_csv):
    done = services.dwellings_import(alice, good_csv)
    response = api(alice).get("/energy/neighbourhoods", import_id=done.pk)
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 3
    assert [item["rank"] for item in body["items"]] == [1, 2, 3]
    item = next(i for i in body["items"] if i["code"] == "36008A00-")
    assert item["dwellings"] == 6 and sum(item["labels"].values()) == 6
    assert list(item["labels"]) == ["A+", "A", "B", "C", "D", "E", "F"]
    assert item["municipality_nis"] == "36008" and item["municipality"] == "Izegem"
    # 6 dwellings: too few to disclose known vulnerable households
    assert item["vulnerable_known"] is None and item["vulnerable_share"] is None
    for key in ("share_ef", "mean_primary_energy_kwh_m2", "delivered_kwh", "saving_kwh",
                "saving_eur", "score", "import_id", "name", "by_postal_code"):
        assert key in item
    page = api(alice).get("/energy/neighbourhoods", import_id=done.pk, limit=1, offset=1).json()
    assert page["count"] == 3 and [i["rank"] for i in page["items"]] == [2]


def test_neighbourhoods_need_an_import_id_the_caller_may_see(api, alice, bob, good_csv):
    response = api(alice).get("/energy/neighbourhoods")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "import_id"
    done = services.dwellings_import(alice, good_csv)
    assert api(bob).get("/energy/neighbourhoods", import_id=done.pk).status_code == 404
    assert api(alice).get("/energy/neighbourhoods", import_id=done.pk + 99).status_code == 404
    assert api(alice).get("/energy/neighbourhoods", import_id="x").status_code == 422


def test_imports_list_is_scoped(api, alice, bob, carol, good_csv):
    mine = services.dwellings_import(alice, good_csv, file_name="a.csv")
    services.dwellings_import(bob, good_csv, file_name="b.csv")
    body = api(carol).get("/energy/neighbourhoods/imports").json()
    assert body["count"] == 1 and body["items"][0]["id"] == mine.pk
    assert body["items"][0]["uploaded_by"] == "alice" and body["items"][0]["rows"] == 12
    assert api(bob).get("/energy/neighbourhoods/imports").json()["count"] == 1


def test_api_lists_use_a_fixed_number_of_queries(api, count_queries, alice, good_csv):
    caller = api(alice)
    done = services.dwellings_import(alice, csv_bytes(GOOD_ROWS[:1]))

    def neighbourhoods():
        assert caller.get("/energy/neighbourhoods", import_id=done.pk).status_code == 200

    def imports():
        assert caller.get("/energy/neighbourhoods/imports").status_code == 200

    few = count_queries(neighbourhoods), count_queries(imports)
    done = services.dwellings_import(alice, good_csv)
    for _ in range(3):
        services.dwellings_import(alice, good_csv)
    assert (count_queries(neighbourhoods), count_queries(imports)) == few
