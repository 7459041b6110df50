"""The pure rules of the pool: working days, crisis-network stay limits,
allocation key, selection ranking, occupancy."""

from datetime import date

import pytest

from woonloket.housing import rules

from .conftest import d


@pytest.mark.parametrize("day, working", [
    ("2026-11-23", True),    # Monday
    ("2026-11-28", False),   # Saturday
    ("2026-11-29", False),   # Sunday
    ("2026-04-06", False),   # Easter Monday 2026
    ("2026-05-14", False),   # Ascension Day 2026 (a Thursday)
    ("2026-11-11", False),   # Armistice (a Wednesday)
    ("2026-12-25", False),   # Christmas (a Friday)
    ("2026-12-24", True),    # Christmas Eve is a working day
])
def test_working_days_are_weekdays_that_are_not_belgian_holidays(day, working):
    assert rules.is_working_day(d(day)) is working


@pytest.mark.parametrize("tonight, first, last", [
    ("2026-11-23", "2026-11-23", "2026-11-23"),  # Monday: one night, Tuesday morning
    ("2026-11-27", "2026-11-27", "2026-11-29"),  # Friday: until Monday morning
    ("2026-11-28", "2026-11-28", "2026-11-29"),  # Saturday: until Monday morning
    ("2026-04-03", "2026-04-03", "2026-04-06"),  # Friday before Easter Monday: Tuesday
    ("2026-05-13", "2026-05-13", "2026-05-14"),  # before Ascension Thursday: Friday
    ("2026-11-10", "2026-11-10", "2026-11-11"),  # before Armistice Wednesday: Thursday
    ("2026-12-24", "2026-12-24", "2026-12-27"),  # Christmas Eve: Monday 28th
])
def test_a_network_booking_runs_until_the_next_working_day_morning(tonight, first, last):
    assert rules.network_booking_nights(d(tonight)) == (d(first), d(last))


@pytest.mark.parametrize("first, last, allowed, limit", [
    ("2026-11-23", "2026-11-25", True, 3),    # Mon-Wed: mornings Tue-Thu, all working
    ("2026-11-23", "2026-11-26", False, 3),   # Mon-Thu: a fourth weekday night
    ("2026-11-27", "2026-11-29", True, 5),    # Fri-Sun bridges the weekend
    ("2026-11-25", "2026-11-29", True, 5),    # Wed-Sun: five nights across the weekend
    ("2026-11-25", "2026-11-30", False, 5),   # Wed-Mon: six
    ("2026-11-26", "2026-11-27", True, 5),    # Thu-Fri: Saturday morning bridges
    ("2026-04-02", "2026-04-06", True, 5),    # Thu-Mon before Easter Tuesday
    ("2026-04-01", "2026-04-06", False, 5),   # Wed-Mon around Easter: six
    ("2026-11-09", "2026-11-11", True, 5),    # Mon-Wed: Armistice morning bridges
    ("2026-11-16", "2026-11-19", False, 3),   # a plain week: four nights
])
def test_crisis_network_stay_limit(first, last, allowed, limit):
    check = rules.network_stay_limit(d(first), d(last))
    assert (check.allowed, check.limit) == (allowed, limit)
    if not allowed:
        assert f"hoogstens {limit} opeenvolgende nachten" in check.reason


def test_a_directly_following_readmission_counts_with_the_first_stay():
    earlier = [(d("2026-11-23"), d("2026-11-24"))]  # Mon, Tue
    run = rules.merge_run(earlier, d("2026-11-25"), d("2026-11-26"))  # Wed, Thu
    assert run == (d("2026-11-23"), d("2026-11-26"))
    assert not rules.network_stay_limit(*run).allowed


def test_a_readmission_after_a_night_away_starts_a_new_run():
    earlier = [(d("2026-11-23"), d("2026-11-24"))]
    assert rules.merge_run(earlier, d("2026-11-26"), d("2026-11-26")) == (
        d("2026-11-26"), d("2026-11-26"))


def test_runs_chain_through_several_stays():
    stays = [(d("2026-11-20"), d("2026-11-20")), (d("2026-11-21"), d("2026-11-22"))]
    assert rules.merge_run(stays, d("2026-11-23"), d("2026-11-23")) == (
        d("2026-11-20"), d("2026-11-23"))


def test_allocation_key_largest_remainder_hand_checked():
    # 5 homes over Anzegem 14 781, Avelgem 10 206, Lendelede 5 787 (total 30 774):
    # exact shares 2.40, 1.66, 0.94 -> whole 2, 1, 0; the two left go to 0.94 and 0.66.
    key = rules.allocation_key(5, [("34002", 14781), ("34003", 10206), ("34025", 5787)])
    assert key == {"34002": 2, "34003": 2, "34025": 1}


def test_allocation_key_ties_go_to_the_larger_population():
    # 2 homes, populations 2, 7, 1: remainders 4/10, 4/10 (tie), 2/10.
    key = rules.allocation_key(2, [("10000", 2), ("20000", 7), ("30000", 1)])
    assert key == {"10000": 0, "20000": 2, "30000": 0}


def test_allocation_key_ties_of_equal_population_go_to_the_lower_nis_code():
    key = rules.allocation_key(1, [("37017", 300), ("36008", 300)])
    assert key == {"37017": 0, "36008": 1}


def test_allocation_key_always_distributes_exactly_n():
    pops = [("a", 77109), ("b", 2071), ("c", 38350), ("d", 5787), ("e", 13676)]
    for homes in range(0, 60):
        assert sum(rules.allocation_key(homes, pops).values()) == homes


def test_homes_per_inhabitants_round_half_up():
    assert rules.homes_for_population(284_999, 10_000) == 28
    assert rules.homes_for_population(285_000, 10_000) == 29
    assert rules.homes_for_population(311_402, 10_000) == 31


def test_allocation_key_refuses_an_empty_population():
    with pytest.raises(ValueError):
        rules.allocation_key(3, [("a", 0)])


def test_open_applications_rank_acute_first_then_score_then_date():
    low = {code: 1 for code in rules.CRITERION_CODES}
    high = {code: 3 for code in rules.CRITERION_CODES}
    ranked = rules.rank_applications([
        rules.Candidate(1, date(2026, 1, 5), False, high),
        rules.Candidate(2, date(2026, 1, 9), True, low),
        rules.Candidate(3, date(2026, 1, 1), False, high),
        rules.Candidate(4, date(2026, 1, 1), False, low),
    ])
    assert [c.id for c in ranked] == [2, 3, 1, 4]


def test_nights_in_a_period_and_occupancy():
    # a stay of 10 nights from 25/12 (until the morning of 4/1), period = January
    assert rules.nights_in(d("2025-12-25"), d("2026-01-04"), d("2026-01-01"),
                           d("2026-02-01")) == 3
    assert rules.nights_in(d("2026-01-30"), None, d("2026-01-01"), d("2026-02-01")) == 2
    assert rules.nights_in(d("2026-03-01"), None, d("2026-01-01"), d("2026-02-01")) == 0
    assert rules.occupancy_rate(15, 30) == 0.5
    assert rules.occupancy_rate(0, 0) is None
