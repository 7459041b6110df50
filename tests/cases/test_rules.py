from datetime import date

from woonloket.cases.rules import priority


def test_two_contacts_are_not_yet_priority():
    assert priority([date(2026, 1, 5), date(2026, 1, 9)]).is_priority is False


def test_the_third_contact_makes_a_case_priority_from_its_date():
    result = priority([date(2026, 2, 1), date(2026, 1, 5), date(2026, 1, 9)])
    assert result.is_priority and result.since == date(2026, 2, 1)
    assert result.reason == "3 contacten met de cliënt"


def test_an_assessment_makes_a_case_priority_at_once():
    result = priority([date(2026, 1, 5)], date(2026, 1, 6), "ernstige schulden, weinig zelfredzaam")
    assert result.is_priority and result.since == date(2026, 1, 6)
    assert "schulden" in result.reason


def test_the_earliest_reason_counts():
    contacts = [date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 3)]
    assert priority(contacts, date(2026, 3, 1), "x").since == date(2026, 1, 3)
