import io
import zipfile
from datetime import date

import pytest
from django.core.management import CommandError, call_command

from woonloket.core.models import AuditEntry, Municipality

HEADER = (
    "CD_REFNIS|TX_DESCR_NL|TX_DESCR_FR|CD_DSTR_REFNIS|TX_ADM_DSTR_DESCR_NL|TX_ADM_DSTR_DESCR_FR|"
    "CD_PROV_REFNIS|TX_PROV_DESCR_NL|TX_PROV_DESCR_FR|CD_RGN_REFNIS|TX_RGN_DESCR_NL|"
    "TX_RGN_DESCR_FR|CD_SEX|CD_NATLTY|TX_NATLTY_NL|TX_NATLTY_FR|CD_CIV_STS|TX_CIV_STS_NL|"
    "TX_CIV_STS_FR|CD_AGE|MS_POPULATION"
)


def row(nis, name, sex, age, count):
    return (f"{nis}|{name}|{name}|36000|Arr. Roeselare|Arr. Roulers|30000|Prov. West-Vlaanderen|"
            f"Prov. Flandre-Occidentale|02000|Vlaams Gewest|Région flamande|{sex}|BEL|Belg|Belge|"
            f"1|Ongehuwd|Célibataire|{age}|{count}")


SAMPLE = "\r\n".join([
    HEADER,
    row("36008", "Izegem", "M", 30, 13000), row("36008", "Izegem", "F", 30, 14123),
    row("36007", "Ingelmunster", "F", 40, 11200),
    row("99999", "Nergensdorp", "F", 40, 7),
]) + "\r\n"


@pytest.fixture
def txt(tmp_path):
    path = tmp_path / "TF_SOC_POP_STRUCT_2025.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_it_sums_population_per_municipality_with_its_date(db, txt):
    out = io.StringIO()
    call_command("import_population", str(txt), stdout=out)
    izegem = Municipality.objects.get(nis_code="36008")
    assert izegem.population == 27123
    assert izegem.population_date == date(2025, 1, 1)
    assert "Statbel" in izegem.population_source
    assert "TF_SOC_POP_STRUCT_2025" in izegem.population_source
    assert Municipality.objects.get(nis_code="36007").population == 11200
    assert "2 gemeenten bijgewerkt" in out.getvalue()
    assert "99999" in out.getvalue()  # unknown code reported, not stored


def test_it_reads_the_zip_that_statbel_publishes(db, tmp_path):
    path = tmp_path / "TF_SOC_POP_STRUCT_2024.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("TF_SOC_POP_STRUCT_2024.txt", SAMPLE.encode("cp1252"))
    call_command("import_population", str(path), stdout=io.StringIO())
    assert Municipality.objects.get(nis_code="36008").population_date == date(2024, 1, 1)


def test_it_is_audited(db, txt):
    call_command("import_population", str(txt), stdout=io.StringIO())
    entry = AuditEntry.objects.get(object_type="core.municipality")
    assert entry.changes["updated"] == 2 and entry.actor_name == "systeem"


@pytest.mark.parametrize("content, message", [
    ("a;b;c\n1;2;3\n", "kolom CD_REFNIS, MS_POPULATION ontbreekt"),
    (HEADER + "\n" + row("36008", "Izegem", "M", 1, "veel"), "Regel 2: 'veel' is geen aantal"),
    (HEADER + "\n" + row("36008", "Izegem", "M", 1, 5) + "\n" + row("3600", "X", "M", 1, 5),
     "Regel 3: '3600' is geen NIS-code"),
    (HEADER + "\n" + "36008|Izegem", "Regel 2: 2 kolommen in plaats van 21"),
    (HEADER + "\n", "geen enkele rij"),
])
def test_a_malformed_file_stores_nothing_and_says_why(db, tmp_path, content, message):
    path = tmp_path / "TF_SOC_POP_STRUCT_2025.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("import_population", str(path), stdout=io.StringIO())
    assert not Municipality.objects.filter(population__isnull=False).exists()
    assert not AuditEntry.objects.exists()


def test_a_file_without_year_needs_a_date(db, tmp_path):
    path = tmp_path / "bevolking.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    with pytest.raises(CommandError, match="--date"):
        call_command("import_population", str(path), stdout=io.StringIO())
    call_command("import_population", str(path), "--date", "2023-01-01", stdout=io.StringIO())
    assert Municipality.objects.get(nis_code="36008").population_date == date(2023, 1, 1)


def test_a_missing_file_is_a_clear_error(db, tmp_path):
    with pytest.raises(CommandError, match="kan niet gelezen worden"):
        call_command("import_population", str(tmp_path / "weg.txt"), stdout=io.StringIO())
