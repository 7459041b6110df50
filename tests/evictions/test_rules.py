"""The pure rules of eviction prevention, from hand calculations."""

from datetime import date, datetime
from decimal import Decimal

import pytest

from woonloket.evictions import rules
from woonloket.evictions.rules import StepState

SEQ = rules.DEFAULT_SEQUENCE


def test_the_default_schedule_follows_the_delays_on_working_days():
    # received Friday 20/11/2026; hearing Thursday 17/12/2026
    due = rules.schedule(date(2026, 11, 20), date(2026, 12, 17), SEQ)
    assert due == {
        "letter1": date(2026, 11, 23),     # Saturday 21 -> Monday 23
        "home_visit": date(2026, 11, 30),  # +7
        "card": date(2026, 11, 30),        # at the visit
        "letter2": date(2026, 12, 7),      # +5 = Saturday 5 -> Monday 7
        "contact": date(2026, 12, 14),     # +5 = Saturday 12 -> Monday 14
        "intake": date(2026, 12, 16),      # +3 = Thursday 17 = hearing -> capped at Wednesday 16
        "hearing": date(2026, 12, 17),
    }


def test_steps_never_fall_after_the_day_before_the_hearing():
    due = rules.schedule(date(2026, 12, 1), date(2026, 12, 4), SEQ)
    assert max(d for k, d in due.items() if k != "hearing") == date(2026, 12, 3)
    assert due["hearing"] == date(2026, 12, 4)


def test_a_done_step_reschedules_the_ones_after_it():
    before = rules.schedule(date(2026, 11, 20), date(2027, 1, 28), SEQ)
    after = rules.schedule(date(2026, 11, 20), date(2027, 1, 28), SEQ, {
        "letter1": StepState(done_on=date(2026, 11, 30))})
    assert before["home_visit"] == date(2026, 11, 30)
    assert after["home_visit"] == date(2026, 12, 7)
    assert after["letter1"] == before["letter1"]  # a done step keeps its due date


def test_a_planned_visit_and_a_skipped_step_anchor_what_follows():
    due = rules.schedule(date(2026, 11, 20), date(2027, 1, 28), SEQ, {
        "home_visit": StepState(planned_on=date(2026, 12, 2)),
        "card": StepState(skipped=True), "letter2": StepState(skipped=True)})
    assert due["home_visit"] == date(2026, 12, 2)
    # card and letter 2 skipped: contact counts from the visit (+5 = Monday 7/12)
    assert due["contact"] == date(2026, 12, 7)


@pytest.mark.parametrize("sequence, fragment", [
    ([("letter1", 1)], "laatste stap"),
    ([("home_visit", 1), ("letter1", 1), ("hearing", 0)], "vaste volgorde"),
    ([("letter1", 1), ("letter1", 2), ("hearing", 0)], "één keer"),
    ([("letter1", 61), ("hearing", 0)], "tussen 0 en 60"),
    ([("fax", 1), ("hearing", 0)], "Onbekende stap"),
])
def test_a_bad_sequence_is_refused_with_its_reason(sequence, fragment):
    assert any(fragment in e for e in rules.sequence_errors(sequence))


def test_a_sequence_may_leave_steps_out():
    assert rules.sequence_errors([("letter1", 2), ("home_visit", 5), ("hearing", 0)]) == []


def test_reaching_the_client_settles_the_card_and_letter2():
    open_kinds = frozenset({"card", "letter2", "contact", "intake", "hearing"})
    effect = rules.consequence("home_visit", "thuis", open_kinds)
    assert effect.skip == {"card", "letter2"} and effect.mark_done == {"contact"}
    assert rules.consequence("home_visit", "niet_thuis", open_kinds) == rules.Consequence()
    assert rules.consequence("home_visit", "geweigerd", open_kinds).skip == {"card"}
    assert rules.consequence("contact", "telefoon", open_kinds).mark_done == frozenset()
    assert rules.outcome_error("home_visit", "thuis") is None
    assert rules.outcome_error("letter1", "thuis").startswith("Kies een van")


def test_the_visit_slot_is_the_first_free_hour_in_working_hours():
    busy = [(datetime(2026, 11, 30, 9, 0), datetime(2026, 11, 30, 10, 30)),
            (datetime(2026, 11, 30, 10, 30), datetime(2026, 11, 30, 12, 0))]
    slot = rules.propose_visit_slot(date(2026, 11, 28), date(2026, 12, 16), busy)
    # Saturday 28 and Sunday 29 are skipped; Monday morning is full
    assert slot == datetime(2026, 11, 30, 13, 30)


def test_no_slot_when_the_window_has_no_working_day():
    assert rules.propose_visit_slot(date(2026, 11, 28), date(2026, 11, 29), []) is None
    # 11 November (Wapenstilstand) is a public holiday
    slot = rules.propose_visit_slot(date(2026, 11, 11), date(2026, 11, 11), [])
    assert slot is None


def test_the_earliest_eviction_is_one_calendar_month_after_service():
    assert rules.earliest_eviction(date(2026, 10, 31)) == date(2026, 11, 30)
    assert rules.earliest_eviction(date(2027, 1, 31)) == date(2027, 2, 28)
    assert rules.earliest_eviction(date(2026, 12, 15)) == date(2027, 1, 15)


def test_placeholders_are_checked_and_filled():
    assert rules.placeholder_errors("Beste {naam}, op {bezoekdatum}") == []
    assert rules.placeholder_errors("Beste {voornaam}") == ["Onbekend veld: {voornaam}."]
    assert rules.placeholder_errors("Beste {naam")[0].startswith("Een accolade")
    assert rules.fill("Beste {naam}, {x}", {"naam": "Sofie"}) == "Beste Sofie, {x}"
    assert rules.long_date(date(2026, 12, 17)) == "donderdag 17 december 2026"
    assert rules.clock(datetime(2026, 1, 1, 9, 5)) == "9.05 uur"


def _fund(arrears, rent=1000, kind="private", agreement=True, year=2024):
    return rules.fund_eligibility(year, landlord_kind=kind, arrears_eur=Decimal(arrears),
                                  monthly_rent_eur=Decimal(rent), support_agreement=agreement)


@pytest.mark.parametrize("arrears, status", [
    ("1999.99", "not_eligible"), ("2000", "eligible"), ("6000", "eligible"),
    ("6000.01", "not_eligible"),
])
def test_the_fund_takes_arrears_from_two_to_six_months_inclusive(arrears, status):
    assert _fund(arrears).status == status


def test_the_fund_advances_half_up_to_the_yearly_cap():
    assert _fund("2500").advance_eur == Decimal("1250.00")
    assert _fund("2964").advance_eur == Decimal("1482.00")    # exactly the 2024 cap
    assert _fund("5000").advance_eur == Decimal("1482.00")
    assert _fund("5000", year=2023).advance_eur == Decimal("1477.00")
    assert _fund("5000", year=2022).advance_eur == Decimal("1316.00")


def test_the_fund_is_for_private_and_svk_tenants_with_an_agreement():
    assert _fund("3000", kind="svk").status == "eligible"
    social = _fund("3000", kind="woonmaatschappij")
    assert social.status == "not_eligible" and "woonmaatschappij" in social.reasons[0]
    assert _fund("3000", agreement=None).status == "unknown"
    assert _fund("3000", agreement=False).status == "not_eligible"
    assert "OCMW" in _fund("3000").referral


def test_a_year_without_confirmed_parameters_says_so():
    check = _fund("3000", year=2025)
    assert check.status == "unknown" and "2025" in check.reasons[0]
    assert _fund("3000", rent=0).status == "unknown"


def test_steps_before_a_monday_hearing_fall_on_the_friday_before():
    due = rules.schedule(date(2026, 11, 20), date(2026, 12, 7), SEQ)
    assert all(d.weekday() < 5 for d in due.values())
    assert due["intake"] == date(2026, 12, 4)
