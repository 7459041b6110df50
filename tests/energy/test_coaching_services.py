"""Renovation coaching: start, phases forward only, contractors, quotes and the
comparison, the result after the works."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from woonloket.cases.models import Enrolment
from woonloket.core.models import AuditEntry
from woonloket.energy import selectors, services
from woonloket.energy.models import Contractor, Quote, Scan, Trajectory, TrajectoryPhase

from .backoffice import *  # noqa: F403 - the fixtures (tina, case, screening, ...)
from .backoffice import TODAY


@pytest.fixture
def trajectory(tina, screening):
    return services.trajectory_start(tina, screening.case, started_on=TODAY - timedelta(days=60))


@pytest.fixture
def contractors(carol):
    made = []
    for name, specs in (("Dakwerken Deprez", ["dak"]), ("Isolatie Vanhove", ["dak", "gevel"]),
                        ("Warmte Lannoo", ["warmtepomp", "ketel"])):
        made.append(services.contractor_save(carol, None, name=name, specialities=specs,
                                             municipality_nis=["36008", "36007"]))
    return made


def test_coaching_starts_from_the_latest_screening(tina, screening, trajectory):
    assert trajectory.coach == tina and trajectory.screening == screening
    assert trajectory.before_scan == screening.scan and trajectory.phase == "advies"
    assert list(trajectory.phases.values_list("phase", flat=True)) == ["advies"]


def test_a_counsellor_starting_it_puts_the_program_on_the_case(alice, screening):
    services.trajectory_start(alice, screening.case)
    assert Enrolment.objects.filter(case=screening.case, program="renovatiebegeleiding",
                                    ended_on__isnull=True).count() == 1


def test_from_a_follow_up(alice, tina, screening):
    f = services.follow_up_decide(alice, screening, kind="renovatiebegeleiding",
                                  reason="Dakisolatie en ramen.")
    t = services.trajectory_start(tina, screening.case, follow_up=f)
    assert t.screening == screening and Enrolment.objects.count() == 1
    other = services.follow_up_decide(alice, screening, kind="geen_actie", reason="x")
    t.delete()
    with pytest.raises(services.ServiceError) as raised:
        services.trajectory_start(tina, screening.case, follow_up=other)
    assert "follow_up_id" in raised.value.errors


def test_one_running_trajectory_per_case(tina, trajectory):
    with pytest.raises(services.Conflict):
        services.trajectory_start(tina, trajectory.case)


def test_phases_only_move_forward(tina, trajectory):
    services.trajectory_phase(tina, trajectory, phase="offertes", on=TODAY - timedelta(days=40))
    # skipping "premies_lening" is allowed
    t = services.trajectory_phase(tina, trajectory, phase="uitvoering",
                                  on=TODAY - timedelta(days=10), note="Start dakwerken")
    assert t.phase == "uitvoering"
    with pytest.raises(services.ServiceError) as raised:
        services.trajectory_phase(tina, t, phase="premies_lening", on=TODAY)
    assert "alleen vooruit" in raised.value.errors["phase"]
    with pytest.raises(services.ServiceError) as raised:
        services.trajectory_phase(tina, t, phase="uitvoering", on=TODAY)
    assert "phase" in raised.value.errors
    with pytest.raises(services.ServiceError) as raised:  # before the previous phase
        services.trajectory_phase(tina, t, phase="oplevering", on=TODAY - timedelta(days=20))
    assert "on" in raised.value.errors
    steps = selectors.phase_steps(selectors.trajectory_detail(tina, t.pk))
    assert [s["state"] for s in steps] == ["done", "done", "skipped", "current", "todo", "todo"]
    assert TrajectoryPhase.objects.filter(trajectory=t).count() == 3
    assert AuditEntry.objects.filter(object_type="energy.trajectory", action="update").count() == 2


def test_others_cannot_move_it(bob, make_user, org_b, trajectory):
    with pytest.raises(Http404):
        services.trajectory_phase(bob, trajectory, phase="offertes", on=TODAY)
    with pytest.raises(Http404):
        selectors.trajectory_detail(bob, trajectory.pk)


def test_the_contractor_pool(carol, contractors, bob):
    assert [c.name for c in selectors.contractors(carol, speciality="dak")] == [
        "Dakwerken Deprez", "Isolatie Vanhove"]
    assert [c.name for c in selectors.contractors(carol, speciality="ketel")] == [
        "Warmte Lannoo"]
    assert selectors.contractors(carol, municipality_nis="34022").count() == 0
    assert selectors.contractors(bob).count() == 0  # another organisation's pool
    with pytest.raises(services.ServiceError) as raised:
        services.contractor_save(carol, None, name="dakwerken deprez", specialities=["dak"],
                                 municipality_nis=["36008"])
    assert "name" in raised.value.errors
    with pytest.raises(services.ServiceError) as raised:
        services.contractor_save(carol, None, name="X", specialities=["zwembad"],
                                 municipality_nis=["99999"], vat_number="BE123")
    assert set(raised.value.errors) == {"specialities", "municipality_nis", "vat_number"}
    c = services.contractor_save(carol, contractors[0], name="Dakwerken Deprez",
                                 specialities=["dak"], municipality_nis=["36008"],
                                 vat_number="0403.170.701", agreements="Charter 2026")
    assert c.vat_number == "BE0403170701" and c.agreements == "Charter 2026"
    with pytest.raises(PermissionDenied):
        services.contractor_save(bob, contractors[0], name="Overname", specialities=["dak"],
                                 municipality_nis=["36008"])
    assert Contractor.objects.filter(name="Overname").count() == 0


def _quote(user, trajectory, contractor, amount, **extra):
    values = {"contractor_id": contractor.pk, "measure": "dakisolatie", "received_on": TODAY,
              "amount_excl_vat_eur": Decimal(amount), "vat_percent": 6}
    values.update(extra)
    return services.quote_add(user, trajectory, **values)


def test_quotes_side_by_side(tina, trajectory, contractors):
    deprez, vanhove, lannoo = contractors
    _quote(tina, trajectory, deprez, "7000", quantity=Decimal("100"), unit="m²",
           warranty_years=10)
    _quote(tina, trajectory, vanhove, "6500", vat_percent=21, quantity=Decimal("90"),
           unit="m²")
    _quote(tina, trajectory, lannoo, "9000", measure="warmtepomp_lucht_water")
    groups = selectors.quote_comparison(selectors.trajectory_detail(tina, trajectory.pk))
    roof = next(g for g in groups if g.code == "dakisolatie")
    assert [c.quote.contractor.name for c in roof.columns] == ["Dakwerken Deprez",
                                                                "Isolatie Vanhove"]
    assert roof.columns[0].incl_vat_eur == Decimal("7420.00") and roof.columns[0].cheapest
    assert roof.columns[1].incl_vat_eur == Decimal("7865.00") and not roof.columns[1].cheapest
    assert roof.columns[0].per_unit_eur == Decimal("74.20")
    assert roof.estimate is None or roof.estimate["code"] == "dakisolatie"
    pump = next(g for g in groups if g.code == "warmtepomp_lucht_water")
    assert len(pump.columns) == 1 and not pump.columns[0].cheapest


@pytest.mark.parametrize("change, field", [
    ({"measure": "zwembad"}, "measure"), ({"vat_percent": 12}, "vat_percent"),
    ({"amount": "0"}, "amount_excl_vat_eur"), ({"quantity": Decimal("5"), "unit": "l"}, "unit"),
    ({"received_on": TODAY + timedelta(days=3)}, "received_on"),
    ({"warranty_years": 80}, "warranty_years"),
])
def test_a_bad_quote_is_refused(tina, trajectory, contractors, change, field):
    amount = change.pop("amount", "5000")
    with pytest.raises(services.ServiceError) as raised:
        _quote(tina, trajectory, contractors[0], amount, **change)
    assert field in raised.value.errors and not Quote.objects.exists()


def test_a_contractor_outside_the_pool_is_refused(tina, trajectory, make_user, org_b):
    other = services.contractor_save(make_user("pp", "partner", org_b), None, name="Elders",
                                     specialities=["dak"], municipality_nis=["34022"])
    with pytest.raises(services.ServiceError) as raised:
        _quote(tina, trajectory, other, "5000")
    assert "contractor_id" in raised.value.errors


def test_choosing_a_quote(tina, trajectory, contractors):
    first = _quote(tina, trajectory, contractors[0], "7000", chosen=True)
    second = _quote(tina, trajectory, contractors[1], "6000")
    services.quote_choose(tina, second)
    first.refresh_from_db()
    assert not first.chosen and Quote.objects.get(pk=second.pk).chosen


def test_the_result_after_the_works(tina, trajectory):
    before = trajectory.before_scan
    t = services.trajectory_result(tina, trajectory, completed_on=TODAY, changes={
        "roof_insulation_cm": 20, "wall_insulation_cm": 6, "glazing": "hoogrendement",
        "heating_system": "warmtepomp_lucht_water"})
    after = t.after_scan
    assert after.origin == "result" and after.municipality_id == before.municipality_id
    assert after.inputs["heating_fuel"] == "elektriciteit"
    assert after.inputs["construction_year"] == before.inputs["construction_year"]
    figures_before, figures_after = selectors.scan_figures(before), selectors.scan_figures(after)
    assert figures_after["energy_kwh"] < figures_before["energy_kwh"]
    assert figures_after["primary_energy_kwh_m2"] < figures_before["primary_energy_kwh_m2"]
    assert "ABCDEF".index(after.label[0]) <= "ABCDEF".index(before.label[0])


def test_a_bad_result_writes_nothing(tina, trajectory):
    scans = Scan.objects.count()
    with pytest.raises(services.ServiceError) as raised:
        services.trajectory_result(tina, trajectory, completed_on=TODAY,
                                   changes={"roof_insulation_cm": 90})
    assert "changes.roof_insulation_cm" in raised.value.errors
    with pytest.raises(services.ServiceError):
        services.trajectory_result(tina, trajectory, completed_on=TODAY, changes={})
    assert Scan.objects.count() == scans
    assert Trajectory.objects.get(pk=trajectory.pk).after_scan is None


def test_without_a_screening_there_is_no_result(alice, case):
    t = services.trajectory_start(alice, case)
    assert t.before_scan is None
    with pytest.raises(services.ServiceError):
        services.trajectory_result(alice, t, completed_on=TODAY, changes={"glazing": "driedubbel"})
