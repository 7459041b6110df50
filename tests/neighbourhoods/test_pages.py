"""Pages: upload, list, detail with the stacked label bars, XLSX export."""

import io
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from woonloket.core.models import AuditEntry
from woonloket.neighbourhoods import services

from .conftest import GOOD_ROWS, csv_bytes


def test_upload_then_detail(client, alice, good_csv):
    client.force_login(alice)
    page = client.get("/wijkscreening/importeren/")
    assert page.status_code == 200 and "neighbourhood" in page.content.decode()
    upload = SimpleUploadedFile("izegem.csv", good_csv, content_type="text/csv")
    response = client.post("/wijkscreening/importeren/", {"file": upload}, follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "De woningen zijn verwerkt: 12 gebruikt, 0 geweigerd." in html
    assert "Centrum" in html and "8770 Ingelmunster" in html
    assert html.count("<svg width=\"200\"") == 3
    assert " style=" not in html  # CSP: no inline style attributes
    assert not re.search(r"<script(?![^>]*\bsrc=)", html)  # no inline scripts either


def test_upload_shows_the_reasons_of_a_refused_file(client, alice):
    client.force_login(alice)
    upload = SimpleUploadedFile("x.csv", b"a;b\n1;2\n", content_type="text/csv")
    html = client.post("/wijkscreening/importeren/", {"file": upload}).content.decode()
    assert "Het bestand mist kolommen" in html or "neighbourhood" in html
    upload = SimpleUploadedFile("x.csv", csv_bytes(["A;;x;1;8870;36008;villa;1965;;;;;;;;;;"]))
    html = client.post("/wijkscreening/importeren/", {"file": upload}).content.decode()
    assert "Geen enkele rij kon gebruikt worden." in html and "Regel 2" in html


def test_detail_lists_rejected_rows(client, alice):
    done = services.dwellings_import(alice, csv_bytes(
        [GOOD_ROWS[0], "36008A00-;;x;1;8870;36008;villa;1965;;;;;;;;;;"]))
    client.force_login(alice)
    html = client.get(f"/wijkscreening/{done.pk}/").content.decode()
    assert "Geweigerde rijen" in html and "villa" not in html
    assert re.search(r'<td class="num">3</td><td>building_type: Kies een van', html)


def test_upload_page_is_for_case_editors_only(client, make_user, org_a):
    from woonloket.core.roles import Role

    client.force_login(make_user("vic", Role.VOLUNTEER, org_a))
    assert client.get("/wijkscreening/importeren/").status_code == 403


def test_xlsx_export_opens_and_holds_the_neighbourhoods(client, alice, good_csv):
    done = services.dwellings_import(alice, good_csv, file_name="izegem.csv")
    client.force_login(alice)
    response = client.get(f"/wijkscreening/{done.pk}/wijken.xlsx")
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith(f'wijkscreening-{done.pk}.xlsx"')
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Wijken"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert len(rows) == 3
    header = [c.value for c in sheet[2]]
    assert header[:6] == ["Rang", "Code", "Wijk", "Gemeente (NIS)", "Gemeente", "Woningen"]
    assert [r[0] for r in rows] == [1, 2, 3]
    centrum = next(r for r in rows if r[1] == "36008A00-")
    assert centrum[5] == 6 and sum(centrum[6:13]) == 6 and centrum[4] == "Izegem"
    assert AuditEntry.objects.filter(action="export", object_id=str(done.pk)).exists()


def test_other_organisations_get_404(client, alice, bob, good_csv):
    done = services.dwellings_import(alice, good_csv)
    client.force_login(bob)
    assert client.get(f"/wijkscreening/{done.pk}/").status_code == 404
    assert client.get(f"/wijkscreening/{done.pk}/wijken.xlsx").status_code == 404
    html = client.get("/wijkscreening/").content.decode()
    assert f"/wijkscreening/{done.pk}/" not in html and "Nog geen imports." in html


def test_pages_use_a_fixed_number_of_queries(client, count_queries, alice, carol, good_csv):
    client.force_login(carol)
    small = services.dwellings_import(alice, csv_bytes(GOOD_ROWS[:1]))

    def listing():
        assert client.get("/wijkscreening/").status_code == 200

    def detail(pk):
        return lambda: client.get(f"/wijkscreening/{pk}/").status_code == 200

    few = count_queries(listing), count_queries(detail(small.pk))
    big = services.dwellings_import(alice, good_csv)
    for _ in range(3):
        services.dwellings_import(carol, good_csv)
    assert (count_queries(listing), count_queries(detail(big.pk))) == few
