import pytest
from django.db import DatabaseError, connection, transaction

from woonloket.core import audit, services
from woonloket.core.models import AuditEntry, Region


@pytest.fixture
def entry(alice, org_a):
    return audit.record(alice, audit.Action.READ, org_a, organisation_id=org_a.pk,
                        reason="intake voorbereiden")


def test_an_entry_says_who_when_what_and_why(entry, alice, org_a):
    assert entry.actor == alice and entry.actor_name == "alice"
    assert entry.object_type == "core.organisation" and entry.object_id == str(org_a.pk)
    assert entry.reason == "intake voorbereiden" and entry.at is not None


def test_nobody_can_change_or_delete_an_entry_through_the_model(entry):
    entry.reason = "iets anders"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()


@pytest.mark.parametrize("sql", [
    "UPDATE core_auditentry SET reason = 'gewist'",
    "DELETE FROM core_auditentry",
])
def test_the_database_refuses_changes_to_the_log(entry, sql):
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(sql)
    assert AuditEntry.objects.get(pk=entry.pk).reason == "intake voorbereiden"


def test_queryset_updates_are_refused_too(entry):
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.all().update(reason="x")


def test_a_service_change_is_audited_with_before_and_after(root):
    region = services.region_save(root, region=None, code="test-regio", name="Test",
                                  description="", municipality_nis_codes=["36008"])
    services.region_save(root, region=region, code="test-regio", name="Test 2",
                         description="", municipality_nis_codes=["36008", "36007"])
    update = AuditEntry.objects.filter(object_type="core.region", action="update").get()
    assert update.changes["name"] == ["Test", "Test 2"]
    assert update.changes["municipalities"] == [["36008"], ["36007", "36008"]]
    assert Region.objects.get(code="test-regio").municipalities.count() == 2


def test_coordinators_review_their_organisations_log_only(client, carol, alice, bob, org_a, org_b):
    audit.record(alice, audit.Action.READ, org_a, organisation_id=org_a.pk, reason="A-lezing")
    audit.record(bob, audit.Action.READ, org_b, organisation_id=org_b.pk, reason="B-lezing")
    client.force_login(carol)
    page = client.get("/auditlog/").content.decode()
    assert "A-lezing" in page and "B-lezing" not in page


def test_a_counsellor_cannot_open_the_audit_log(client, alice):
    client.force_login(alice)
    assert client.get("/auditlog/").status_code == 403
