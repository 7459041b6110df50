"""Support eligibility and affordability on boundary values, from hand calculations."""

from datetime import date
from decimal import Decimal

import pytest

from woonloket.rentals import rules
from woonloket.rentals.rules import HouseholdFacts, Member

TODAY = date(2026, 11, 23)
ADULT = Member("self", date(1980, 1, 1), False, False)


def facts(monthly=None, members=(ADULT,), dependants=0, tenure="private_rent", savings=None,
          nis="36008", **extra) -> HouseholdFacts:
    return HouseholdFacts(members=tuple(members), tenure=tenure, municipality_nis=nis,
                          monthly_income_eur=None if monthly is None else Decimal(monthly),
                          savings_eur=None if savings is None else Decimal(savings),
                          dependants=dependants, **extra)


# 2024: single 29 515 = 12 x 2459.5833..; the yearly estimate is rounded to whole euros,
# so 2459.58 (29 514.96) and 2459.59 (29 515.08) are at the limit, 2459.67 (29 516) is over
@pytest.mark.parametrize("monthly, status", [
    ("2459.58", "eligible"), ("2459.59", "eligible"), ("2459.67", "not_eligible"),
])
def test_the_single_income_limit_includes_the_limit(monthly, status):
    assert rules.social_housing(2024, facts(monthly), TODAY).status == status


def test_the_limit_is_compared_exactly_at_one_euro_over():
    limits = rules.SOCIAL_HOUSING[2024]
    # a yearly income of exactly 29 515 is allowed, 29 516 is not
    at = facts(Decimal(29515) / 12)
    over = facts(Decimal(29516) / 12)
    assert rules.social_housing(2024, at, TODAY).status == "eligible"
    assert rules.social_housing(2024, over, TODAY).status == "not_eligible"
    assert rules.income_limit(limits, at)[0] == Decimal(29515)


@pytest.mark.parametrize("monthly, dependants, status", [
    ("3689.17", 0, "eligible"), ("3689.25", 0, "not_eligible"),     # 44 270 for a couple
    ("3895.42", 1, "eligible"), ("3895.50", 1, "not_eligible"),     # 46 745
    ("4101.67", 2, "eligible"), ("4101.75", 2, "not_eligible"),     # 49 220
])
def test_family_limits_at_the_limit_and_one_euro_over(monthly, dependants, status):
    members = (ADULT, Member("partner", None, False, False),
               *[Member("child", None, True, False)] * dependants)
    check = rules.social_housing(2024, facts(monthly, members=members, dependants=dependants),
                                 TODAY)
    assert check.status == status


def test_limits_for_a_single_with_a_disability_and_for_a_family():
    limits = rules.SOCIAL_HOUSING[2024]
    disabled = facts(members=(Member("self", None, False, True),))
    assert rules.income_limit(limits, disabled) == (Decimal(31987),
                                                    "alleenstaande met een handicap")
    family = facts(members=(ADULT, Member("partner", None, False, False),
                            Member("child", None, True, False)), dependants=1)
    assert rules.income_limit(limits, family)[0] == Decimal(44270 + 2475)
    couple = facts(members=(ADULT, Member("partner", None, False, False)))
    assert rules.income_limit(limits, couple)[0] == Decimal(44270)


def test_owners_minors_and_savings_are_refused_with_their_reason():
    owner = rules.social_housing(2024, facts("1500", tenure="owner"), TODAY)
    assert owner.status == "not_eligible"
    assert "Het gezin is eigenaar van een woning." in owner.reasons
    minor = rules.social_housing(2024, facts("900", members=(
        Member("self", date(2010, 1, 1), False, False),)), TODAY)
    assert minor.status == "not_eligible"
    rich = rules.social_housing(2024, facts("1500", savings="29516"), TODAY)
    assert rich.status == "not_eligible"
    assert rules.social_housing(2024, facts("1500", savings="29515"), TODAY).status == "eligible"
    # 2023 had no savings test
    assert rules.social_housing(2023, facts("1500", savings="90000"), TODAY).status == "eligible"


def test_a_year_without_parameters_says_so():
    for check in (rules.social_housing(2026, facts("1500"), TODAY),
                  rules.huurpremie(2026, facts("1500"), TODAY),
                  rules.huursubsidie(2026, facts("1500"))):
        assert check.status == "unknown" and "2026" in check.reasons[0]
    assert rules.social_housing(2024, facts(None), TODAY).status == "unknown"


def test_the_huurpremie_needs_four_years_on_the_list():
    three = facts("1500", registered_on=date(2022, 11, 24))
    four = facts("1500", registered_on=date(2022, 11, 23))
    assert rules.huurpremie(2024, three, TODAY).status == "not_eligible"
    premium = rules.huurpremie(2024, four, TODAY)
    assert premium.status == "eligible" and premium.monthly_amount_eur == Decimal("177.76")
    assert rules.huurpremie(2024, facts("1500"), TODAY).status == "unknown"
    assert rules.huurpremie(2024, facts("1500", tenure="social_rent",
                                        registered_on=date(2010, 1, 1)), TODAY).status \
        == "not_eligible"


def test_the_cap_grows_per_dependant_up_to_the_fourth_and_in_kortrijk():
    caps = rules.RENT_SUPPORT[2024]
    assert rules._cap(caps, facts(dependants=2)) == Decimal("237.02")
    assert rules._cap(caps, facts(dependants=6)) == Decimal("296.28")   # 177.76 + 4 x 29.63
    assert rules._cap(caps, facts(dependants=1, nis="34022")) == Decimal("228.13")


def test_the_huursubsidie_for_homeless_people_moving_into_an_svk_home():
    homeless = facts("1200", tenure="homeless", moving_to_managed_home=True)
    assert rules.huursubsidie(2024, homeless).status == "eligible"
    assert rules.huursubsidie(2024, facts("1200", tenure="homeless")).status == "unknown"
    assert rules.huursubsidie(2024, facts("1200", moving_to_managed_home=True)).status \
        == "unknown"  # is the current home inadequate? not known
    fine_home = facts("1200", moving_to_managed_home=True, current_home_inadequate=False)
    assert rules.huursubsidie(2024, fine_home).status == "not_eligible"
    assert rules.huursubsidie(2024, facts("1200", tenure="homeless",
                                          moving_to_managed_home=False)).status == "not_eligible"


def test_affordability_at_35_percent_with_and_without_support():
    assert rules.affordability(Decimal(650), Decimal(50), Decimal(2000)).affordable is True
    assert rules.affordability(Decimal(651), Decimal(50), Decimal(2000)).affordable is False
    helped = rules.affordability(Decimal(800), Decimal(50), Decimal(2000), Decimal("177.76"))
    assert helped.affordable is True and helped.share == Decimal("0.336")
    assert rules.affordability(Decimal(500), Decimal(0), None).affordable is False


def test_bedrooms_needed_and_staleness():
    child = Member("child", None, True, False)
    partner = Member("partner", None, False, False)
    assert rules.bedrooms_needed((ADULT,)) == 1
    assert rules.bedrooms_needed((ADULT, partner, child)) == 2
    assert rules.bedrooms_needed((ADULT, child, child, child)) == 3
    assert rules.bedrooms_needed((ADULT, Member("parent", None, False, False))) == 2
    assert rules.is_stale(date(2026, 11, 9), TODAY) is False   # 14 days
    assert rules.is_stale(date(2026, 11, 8), TODAY) is True
    assert rules.is_stale(None, TODAY) is True
