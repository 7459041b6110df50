"""The CSV import: good rows stored, bad rows reported by line, twice is idempotent."""

from woonloket.evictions.models import Petition

HEADER = ("canton;roll_number;received_on;hearing_at;landlord_kind;landlord_name;first_name;"
          "last_name;street;number;postal_code;municipality_nis;arrears_eur;monthly_rent_eur;"
          "birth_date\n")
ROWS = [
    "izegem;26A0001;20/11/2026;17/12/2026 09:30;private;Mandel bv;Sofie;Vermeulen;"
    "Roeselaarsestraat;14;8870;36008;2150,00;720,00;\n",
    "izegem;26A0002;2026-11-20;2026-12-17 10:00;svk;SVK Midwest;Ahmed;El Amrani;Markt;3;8870;"
    "36008;1.440,50;480;1980-02-03\n",
    "waregem;26A0003;2026-11-20;2026-12-17 10:00;private;X;Jan;Peeters;Markt;4;8870;36008;10;"
    "500;\n",                                                           # line 4: wrong canton
    "izegem;26A0004;2026-11-20;morgen;private;X;Jan;Peeters;Markt;4;8870;36008;10;500;\n",  # 5
    "izegem;26A0005;2026-11-20;2026-12-17 10:00;private;;Jan;Peeters;Markt;4;8870;36008;10;"
    "500;\n",                                                           # line 6: no landlord
    "izegem;26A0006;2026-11-20;2026-12-17 10:00;bank;X;Jan;Peeters;Markt;4;8870;36008;tien;"
    "500;\n",                                                           # line 7: amount
]
FILE = (HEADER + "".join(ROWS)).encode()


def test_good_rows_are_stored_and_bad_rows_reported_with_their_line(api, carol, assigned):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = api(carol).client_post_file(
        "/evictions/petitions/import", SimpleUploadedFile("batch.csv", FILE, "text/csv"))
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["created"] == 2 and body["skipped_duplicates"] == 0
    lines = {e["line"]: e["message"] for e in body["errors"]}
    assert set(lines) == {4, 5, 6, 7}
    assert "bedient de gemeente Izegem niet" in lines[4]
    assert "hearing_at" in lines[5] and "geen geldig tijdstip" in lines[5]
    assert "landlord_name" in lines[6]
    assert "arrears_eur" in lines[7]
    assert sorted(Petition.objects.values_list("roll_number", flat=True)) == ["26A0001",
                                                                              "26A0002"]
    second = Petition.objects.get(roll_number="26A0002")
    assert second.arrears_eur == 1440.5 and second.source == "csv"


def test_importing_the_same_file_twice_creates_nothing_new(api, carol):
    first = api(carol).post_csv("/evictions/petitions/import", FILE).json()
    again = api(carol).post_csv("/evictions/petitions/import", FILE).json()
    assert first["created"] == 2
    assert again["created"] == 0 and again["skipped_duplicates"] == 2
    assert len(again["errors"]) == 4
    assert Petition.objects.count() == 2


def test_a_file_without_the_columns_is_refused_as_a_whole(api, carol):
    response = api(carol).post_csv("/evictions/petitions/import", b"naam,adres\nA,B\n")
    assert response.status_code == 422
    assert "Ontbrekende kolommen" in response.json()["errors"][0]["message"]
    response = api(carol).post_csv("/evictions/petitions/import", b"")
    assert response.status_code == 422


def test_a_windows_excel_file_with_commas_is_read(api, carol):
    header = HEADER.replace(";", ",")
    row = ("izegem,26A0009,20/11/2026,17/12/2026 09:30,private,Mandel,Céline,Dewaele,"
           "Kerkstraat,1,8870,36008,1500,700,\n")
    response = api(carol).post_csv("/evictions/petitions/import",
                                   (header + row).encode("cp1252"))
    assert response.json()["created"] == 1, response.json()
    assert Petition.objects.get().tenant_name == "Céline Dewaele"


def test_out_of_range_rows_and_broken_csv_are_reported_not_a_500(api, carol):
    big = ROWS[0].replace("26A0001", "26A0101").replace("2150,00", "123456789012")
    long_name = ROWS[0].replace("26A0001", "26A0102").replace("Sofie", "S" * 101)
    broken = 'izegem;26A0103;"' + "x" * 140_000 + "\n"
    body = api(carol).post_csv("/evictions/petitions/import",
                               (HEADER + big + long_name + broken).encode()).json()
    lines = {e["line"]: e["message"] for e in body["errors"]}
    assert "arrears_eur" in lines[2] and "first_name" in lines[3]
    assert "geen geldige CSV" in lines[4]
    assert body["created"] == 0 and not Petition.objects.exists()
