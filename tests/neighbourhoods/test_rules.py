"""The pure rules of the neighbourhood screening."""

import pytest

from woonloket.energy import labels
from woonloket.neighbourhoods import rules


def test_address_key_folds_case_accents_spaces_and_hyphens():
    assert rules.address_key("Sint-Jansstraat", "3A", "8870") == rules.address_key(
        "sint jansstraat", "3 a", " 8870 ") == "sintjansstraat|3a|8870"
    assert rules.address_key("Rue de l'Église", "1", "7700") == "ruedeleglise|1|7700"
    assert rules.address_key("Kerkstraat", "12", "8870") != rules.address_key(
        "Kerkstraat", "12", "8871")


@pytest.mark.parametrize("street, number, postal", [("", "1", "8870"), ("Kerkstraat", "", "8870"),
                                                    ("Kerkstraat", "1", "")])
def test_address_key_needs_every_part(street, number, postal):
    assert rules.address_key(street, number, postal) is None


@pytest.mark.parametrize("case_open, priority, programs, expected", [
    (True, True, [], True),
    (True, False, ["noodkoopfonds"], True),
    (True, False, ["ketelonderhoud"], True),
    (True, False, ["renovatiebegeleiding"], True),
    (True, False, ["woonclub", "woningzoektocht"], False),
    (True, False, [], False),
    (False, True, ["noodkoopfonds"], False),  # a closed case no longer counts
])
def test_vulnerable_household(case_open, priority, programs, expected):
    assert rules.is_vulnerable(case_open, priority, programs) is expected


def test_vulnerable_households_count_at_most_once_per_dwelling():
    assert rules.vulnerable_in_group(dwellings_at_address=5, vulnerable_households=2) == 2
    assert rules.vulnerable_in_group(dwellings_at_address=1, vulnerable_households=2) == 1


def test_campaign_score_formula():
    assert rules.campaign_score(10_000, 0.0, 0.0) == 10_000
    assert rules.campaign_score(10_000, 0.5, 0.0) == 15_000
    assert rules.campaign_score(10_000, 0.5, 0.2) == pytest.approx(18_000)
    assert rules.campaign_score(10_000, 1.0, 1.0) == 40_000


def test_ranks_highest_score_first_small_neighbourhoods_last():
    items = [
        rules.RankInput("A", dwellings=50, score=10.0),
        rules.RankInput("B", dwellings=50, score=30.0),
        rules.RankInput("C", dwellings=3, score=99.0),   # too small for a campaign
        rules.RankInput("D", dwellings=80, score=10.0),  # same score as A, larger
        rules.RankInput("E", dwellings=50, score=10.0),  # same as A: by code
    ]
    assert rules.ranks(items) == [3, 1, 5, 2, 4]


def test_ranks_of_only_small_neighbourhoods_follow_the_score():
    items = [rules.RankInput("X", 2, 1.0), rules.RankInput("Y", 2, 5.0)]
    assert rules.ranks(items) == [2, 1]


def test_label_bar_adds_up_and_skips_absent_labels():
    bar = rules.label_bar({"A": 1, "C": 1, "F": 2, "B": 0}, width=200)
    assert [s.label for s in bar] == ["A", "C", "F"]
    assert [s.width for s in bar] == [50.0, 50.0, 100.0]
    assert [s.x for s in bar] == [0.0, 50.0, 100.0]
    assert bar[-1].fill == labels.COLOURS["F"]
    assert rules.label_bar({}, 200) == []


def test_sector_code_gives_the_municipality():
    assert rules.sector_municipality("36008A00-") == "36008"
    assert rules.sector_municipality("36008a001") == "36008"
    assert rules.sector_municipality("Centrum") is None
