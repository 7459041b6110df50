"""Storing an import: aggregates only, the vulnerable households the uploader
may see, the rank, the audit entry; nothing half-written."""

import pytest
from django.core.exceptions import PermissionDenied

from woonloket.core.errors import ServiceError
from woonloket.core.models import AuditEntry
from woonloket.core.roles import Role
from woonloket.neighbourhoods import rules, services
from woonloket.neighbourhoods.models import DwellingImport, NeighbourhoodResult

from .conftest import GOOD_ROWS, csv_bytes


def test_an_import_stores_one_row_per_neighbourhood(alice, good_csv):
    done = services.dwellings_import(alice, good_csv, file_name="izegem.csv")
    assert (done.rows, done.rows_rejected, done.neighbourhoods) == (12, 0, 3)
    assert done.organisation.name.startswith("Woondienst") and done.uploaded_by == alice
    assert done.rows_by_postal_code == 3 and done.vulnerable_checked
    results = {r.code: r for r in NeighbourhoodResult.objects.filter(dwelling_import=done)}
    assert set(results) == {"36008A00-", "36008B01-", "8770-36007"}
    centrum = results["36008A00-"]
    assert centrum.dwellings == 6 and sum(centrum.label_counts.values()) == 6
    assert centrum.municipality_id == "36008" and centrum.name == "Centrum"
    assert centrum.share_ef == round(
        (centrum.label_counts["E"] + centrum.label_counts["F"]) / 6, 4)
    assert centrum.saving_kwh > 0 and centrum.saving_eur > 0 and centrum.delivered_kwh > 0
    assert centrum.low_income == 2
    assert sorted(r.rank for r in results.values()) == [1, 2, 3]
    # Every neighbourhood is smaller than a campaign: the score alone orders them.
    by_rank = sorted(results.values(), key=lambda r: r.rank)
    assert [r.score for r in by_rank] == sorted((r.score for r in by_rank), reverse=True)
    entry = AuditEntry.objects.get(object_type="neighbourhoods.dwellingimport",
                                   object_id=str(done.pk))
    assert entry.action == "create" and entry.changes["rows"] == 12


def test_the_vulnerable_share_counts_only_households_the_uploader_may_see(
        alice, bob, good_csv, make_household, monkeypatch):
    monkeypatch.setattr(rules, "MIN_CAMPAIGN_DWELLINGS", 1)  # disclose even small groups
    make_household(alice, "Kerkstraat", "12", priority=True)               # Centrum: counts
    make_household(alice, "Sint-Jansstraat", "3a", program="noodkoopfonds")  # Centrum: counts
    make_household(alice, "Kerkstraat", "14")                   # not vulnerable
    make_household(alice, "Kerkstraat", "16", program="renovatiebegeleiding", closed=True)
    make_household(bob, "Bosmolenstraat", "7", "8870", "34022", priority=True)  # org B: hidden
    done = services.dwellings_import(alice, good_csv)
    results = {r.code: r for r in done.results.all()}
    assert results["36008A00-"].vulnerable_known == 2
    assert results["36008A00-"].vulnerable_share == round(2 / 6, 4)
    assert results["36008B01-"].vulnerable_known == 0
    # Bob's organisation holds his household (and not Alice's).
    done_b = services.dwellings_import(bob, good_csv)
    results_b = {r.code: r for r in done_b.results.all()}
    assert results_b["36008B01-"].vulnerable_known == 1
    assert results_b["36008A00-"].vulnerable_known == 0


def test_the_vulnerable_share_raises_the_rank(alice, make_household):
    rows = [GOOD_ROWS[6].replace("36008B01-", f"36008C0{i % 2}-").replace(";9;", f";{i};")
            for i in range(24)]
    make_household(alice, "Bosmolenstraat", "1", priority=True)
    make_household(alice, "Bosmolenstraat", "3", priority=True)
    done = services.dwellings_import(alice, csv_bytes(rows))
    first, second = done.results.order_by("rank")
    # Identical dwellings: only the vulnerable households tell them apart.
    assert first.code == "36008C01-" and first.vulnerable_known == 2
    assert second.vulnerable_known == 0 and first.score > second.score


def test_a_file_without_a_usable_row_writes_nothing(alice):
    raw = csv_bytes(["36008A00-;;x;1;8870;36008;villa;1965;;;;;;;;;;"])
    with pytest.raises(ServiceError) as exc:
        services.dwellings_import(alice, raw)
    assert exc.value.extra["rows_rejected"] == 1
    assert exc.value.extra["row_errors"][0]["line"] == 2
    assert not DwellingImport.objects.exists() and not NeighbourhoodResult.objects.exists()


def test_only_members_who_edit_case_data_may_import(make_user, org_a, good_csv):
    volunteer = make_user("vic", Role.VOLUNTEER, org_a)
    with pytest.raises(PermissionDenied):
        services.dwellings_import(volunteer, good_csv)
    technician = make_user("tom", Role.TECHNICIAN, org_a)
    with pytest.raises(PermissionDenied):
        services.dwellings_import(technician, good_csv)


def test_a_member_of_two_organisations_names_one(make_user, org_a, org_b, good_csv):
    from woonloket.core.models import Membership

    user = make_user("dana", Role.WOONBEGELEIDER, org_a)
    Membership.objects.create(user=user, organisation=org_b, role=Role.PARTNER)
    with pytest.raises(ServiceError) as exc:
        services.dwellings_import(user, good_csv)
    assert "organisation_id" in exc.value.errors
    done = services.dwellings_import(user, good_csv, organisation_id=org_b.pk)
    assert done.organisation_id == org_b.pk


def test_a_small_neighbourhood_does_not_disclose_its_vulnerable_households(
        alice, client, good_csv, make_household):
    """One address per group would tell whether that household has a case."""
    make_household(alice, "Kerkstraat", "12", priority=True)
    done = services.dwellings_import(alice, good_csv)
    centrum = done.results.get(code="36008A00-")
    assert centrum.dwellings < rules.MIN_CAMPAIGN_DWELLINGS
    assert centrum.vulnerable_known == 0 and not centrum.vulnerable_shown
    client.force_login(alice)
    page = client.get(f"/wijkscreening/{done.pk}/").content.decode()
    assert AuditEntry.objects.filter(object_id=str(done.pk), action="read").exists()
    assert page.count("–") >= 3


def test_a_name_that_looks_like_a_formula_stays_text_in_the_xlsx(alice):
    import io

    from openpyxl import load_workbook

    from woonloket.neighbourhoods import exports

    rows = [row.replace(";Centrum;", ";=2+5;") for row in GOOD_ROWS]
    done = services.dwellings_import(alice, csv_bytes(rows, delimiter=";"))
    book = load_workbook(io.BytesIO(exports.xlsx(done, list(done.results.all()))))
    cells = [c for row in book.active.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("=")]
    assert cells and all(c.data_type == "s" for c in cells)
