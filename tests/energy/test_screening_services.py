"""Screening at home and the follow-up decision: services, permissions, audit."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from woonloket.cases.models import Enrolment
from woonloket.cases.services import case_close, enrolment_add
from woonloket.core.models import AuditEntry
from woonloket.energy import selectors, services
from woonloket.energy.models import FollowUp, Scan, Screening, ScreeningFinding, ScreeningPhoto

from .backoffice import *  # noqa: F403 - the fixtures (tina, case, screening, ...)
from .backoffice import DWELLING, JPEG, PNG, TODAY, record, share


def test_a_technician_records_a_screening_with_its_scan(tina, case):
    s = record(tina, case, photos=[services.PhotoIn("keuken.png", PNG, "Keuken"),
                                   services.PhotoIn("kelder.jpg", JPEG)])
    assert s.organisation_id == case.lead_organisation_id and s.technician == tina
    assert s.scan.origin == "screening" and s.scan.municipality_id == "36008"
    assert s.scan.income_category == 2 and s.scan.label == s.scan.result["label"]
    assert s.scan.inputs["glazing"] == "dubbel"
    assert sorted(s.findings.values_list("kind", flat=True)) == ["co_risico", "vocht"]
    assert [p.content_type for p in s.photos.order_by("pk")] == ["image/png", "image/jpeg"]
    assert AuditEntry.objects.filter(object_type="energy.screening", action="create",
                                     object_id=str(s.pk)).exists()


def test_a_counsellor_who_edits_the_case_may_record_one(alice, case):
    assert record(alice, case).organisation_id == case.lead_organisation_id


def test_an_energiehuis_technician_needs_the_case_shared(ellen, energiehuis, alice, case):
    with pytest.raises(Http404):
        record(ellen, case)
    share(case, energiehuis, alice)
    ellen.__dict__.pop("_woonloket_shares", None)  # shares are read once per request
    s = record(ellen, case)
    assert s.organisation_id == energiehuis.pk
    # both the case's organisation and the Energiehuis see it
    assert selectors.screenings(alice).filter(pk=s.pk).exists()
    assert selectors.screenings(ellen).filter(pk=s.pk).exists()


def test_without_the_permission_it_is_refused(make_user, org_a, case):
    calltaker = make_user("cato", "calltaker", org_a)  # sees cases, may not screen
    with pytest.raises(PermissionDenied):
        record(calltaker, case)
    assert not Scan.objects.exists()


def test_a_case_of_another_organisation_is_not_found(bob, case):
    with pytest.raises(Http404):
        record(bob, case)


@pytest.mark.parametrize("change, field", [
    ({"dwelling": {"building_type": "kasteel", "construction_year": 1965}},
     "dwelling.building_type"),
    ({"dwelling": {"building_type": "open"}}, "dwelling.construction_year"),
    ({"dwelling": {**DWELLING, "heating_system": "warmtepomp_lucht_water"}},
     "dwelling.heating_fuel"),
    ({"visited_on": TODAY + timedelta(days=1)}, "visited_on"),
    ({"postal_code": "88"}, "postal_code"),
    ({"municipality_nis": "21004"}, "municipality_nis"),  # Brussels: no Flemish premiums
    ({"income_category": 7}, "income_category"),
    ({"findings": [{"kind": "lawaai", "severity": "licht"}]}, "findings.0.kind"),
    ({"findings": [{"kind": "vocht"}, {"kind": "vocht"}]}, "findings.1.kind"),
    ({"photos": [services.PhotoIn("virus.exe", b"MZ\x90\x00")]}, "photos"),
    ({"photos": [services.PhotoIn("groot.png", PNG + b"\x00" * (2 * 1024 * 1024))]}, "photos"),
])
def test_bad_input_writes_nothing(tina, case, change, field):
    with pytest.raises(services.ServiceError) as raised:
        record(tina, case, **change)
    assert field in raised.value.errors
    assert not Scan.objects.exists() and not Screening.objects.exists()
    assert not ScreeningFinding.objects.exists() and not ScreeningPhoto.objects.exists()


def test_a_closed_case_gets_no_screening(tina, alice, case):
    case_close(alice, case, reason="opgelost", result="")
    with pytest.raises(services.ServiceError):
        record(tina, case)


def test_reading_a_screening_is_audited_and_scoped(alice, bob, screening):
    found = selectors.screening_detail(alice, screening.pk, reason="test")
    assert found.scan.label
    assert AuditEntry.objects.filter(object_type="energy.screening", action="read",
                                     actor=alice).exists()
    with pytest.raises(Http404):
        selectors.screening_detail(bob, screening.pk)
    with pytest.raises(Http404):
        selectors.screening_photo(bob, screening.pk, 1)


def test_the_follow_up_becomes_a_program_on_the_case(alice, screening):
    f = services.follow_up_decide(alice, screening, kind="premie_lening",
                                  reason="Eigenaar met laag inkomen: Mijn VerbouwLening.")
    assert f.enrolment.program == "premie_lening" and f.enrolment.case == screening.case
    assert AuditEntry.objects.filter(object_type="energy.followup", action="create").exists()


def test_a_running_program_is_linked_not_doubled(alice, screening):
    running = enrolment_add(alice, screening.case, program="renovatiebegeleiding",
                            started_on=TODAY - timedelta(days=30))
    f = services.follow_up_decide(alice, screening, kind="renovatiebegeleiding",
                                  reason="Dak en muren isoleren met begeleiding.")
    assert f.enrolment == running
    assert Enrolment.objects.filter(program="renovatiebegeleiding").count() == 1
    again = services.follow_up_decide(alice, screening, kind="renovatiebegeleiding",
                                      reason="Bevestigd na overleg.")
    assert again.enrolment == running  # both decisions point at the one running program
    assert Enrolment.objects.filter(program="renovatiebegeleiding").count() == 1


def test_geen_actie_creates_no_program(alice, screening):
    f = services.follow_up_decide(alice, screening, kind="geen_actie",
                                  reason="Woning recent gerenoveerd.")
    assert f.enrolment is None and not Enrolment.objects.exists()


@pytest.mark.parametrize("values, field", [
    ({"kind": "renovatiebegeleiding", "reason": "  "}, "reason"),
    ({"kind": "verhuizen", "reason": "x"}, "kind"),
    ({"kind": "noodkoopfonds", "reason": "x", "decided_on": TODAY + timedelta(days=2)},
     "decided_on"),
])
def test_a_bad_follow_up_is_refused(alice, screening, values, field):
    with pytest.raises(services.ServiceError) as raised:
        services.follow_up_decide(alice, screening, **values)
    assert field in raised.value.errors
    assert not FollowUp.objects.exists() and not Enrolment.objects.exists()


def test_only_the_local_contact_point_decides(tina, screening):
    with pytest.raises(PermissionDenied):
        services.follow_up_decide(tina, screening, kind="geen_actie", reason="x")
