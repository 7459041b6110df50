from datetime import date

import pytest

from woonloket.clients import rules


@pytest.mark.parametrize("value", ["85073003328", "85.07.30-033.28", " 85 07 30 033 28 "])
def test_valid_national_numbers_are_normalised(value):
    assert rules.national_number(value) == "85073003328"


def test_bis_numbers_are_accepted():
    # BIS: month + 40 (sex known); check digits 97 - (n mod 97)
    base = "854730033"
    number = base + f"{97 - int(base) % 97:02d}"
    assert rules.national_number(number) == number


def test_born_after_2000_uses_the_2_prefix():
    base = "050101001"
    number = base + f"{97 - int('2' + base) % 97:02d}"
    assert rules.national_number(number) == number
    assert rules.birth_date_of(number) == date(2005, 1, 1)


@pytest.mark.parametrize("value, message", [
    ("85073003329", "klopt niet"),
    ("1234", "11 cijfers"),
    ("abcdefghijk", "11 cijfers"),
])
def test_invalid_national_numbers_get_a_dutch_reason(value, message):
    with pytest.raises(rules.InvalidNationalNumber, match=message):
        rules.national_number(value)


@pytest.mark.parametrize("a, b", [
    (("Céline", "Van de Putte"), ("Celine", "Vandeputte")),
    (("Jean-Luc", "D'Hondt"), ("Jean Luc", "Dhondt")),
])
def test_folding_forgives_accents_spaces_and_punctuation(a, b):
    assert rules.search_key(*a) == rules.search_key(*b)


def test_similarity_is_pg_trgm_like():
    assert rules.similarity("word", "word") == 1.0
    assert rules.similarity("", "word") == 0.0
    assert 0.3 < rules.similarity("vandeputte", "vandeputt") < 1.0
    assert rules.similarity("peeters", "vandeputte") < 0.1


P = rules.PersonFacts


@pytest.mark.parametrize("new, known, reason", [
    (P("An", "Peeters", None, "85073003328"), P("Anna", "Claes", None, "85073003328"),
     "zelfde rijksregisternummer"),
    (P("Celine", "Vandeputte", date(1990, 5, 1), None),
     P("Céline", "Van de Putte", date(1990, 5, 1), None), "gelijkaardige naam"),
    (P("Mohamed", "El Amrani", date(1980, 1, 2), None),
     P("Mohammed", "El Amrani", date(1980, 1, 2), None), "gelijkaardige naam"),
])
def test_duplicates_are_recognised(new, known, reason):
    assert reason in rules.duplicate_reason(new, known)


@pytest.mark.parametrize("new, known", [
    (P("Celine", "Vandeputte", date(1990, 5, 1), None),
     P("Céline", "Van de Putte", date(1991, 5, 1), None)),  # other birth date
    (P("Jan", "Peeters", date(1990, 5, 1), None), P("Els", "Claes", date(1990, 5, 1), None)),
    (P("Jan", "Peeters", None, None), P("Jan", "Peeters", None, None)),  # nothing to go on
])
def test_different_people_are_not_duplicates(new, known):
    assert rules.duplicate_reason(new, known) is None


def test_a_dependant_with_a_recognised_disability_counts_twice():
    M = rules.MemberFacts
    assert rules.dependants([M(False, False), M(True, False), M(True, True)]) == 3
    assert rules.dependants([M(False, True)]) == 0  # a disabled adult who is not dependant


def test_a_similar_name_at_the_same_address_is_a_duplicate_when_birth_dates_are_missing():
    home = rules.AddressFacts("Roeselaarsestraat", "14", "8870")
    assert rules.same_address(home, rules.AddressFacts("roeselaarse straat ", "14", "8870"))
    assert not rules.same_address(home, rules.AddressFacts("Roeselaarsestraat", "14A", "8870"))
    assert not rules.same_address(home, rules.AddressFacts("", "14", "8870"))
    new = rules.PersonFacts("Sofie", "Vermeulen", None, None)
    known = rules.PersonFacts("Sophie", "Vermeulen", date(1990, 1, 1), None)
    assert rules.duplicate_reason(new, known, same_home=True) == (
        "gelijkaardige naam op hetzelfde adres")
    assert rules.duplicate_reason(new, known, same_home=False) is None
    stranger = rules.PersonFacts("Jan", "Peeters", None, None)
    assert rules.duplicate_reason(stranger, known, same_home=True) is None
    # both birth dates known and different: not the same person, even at one address
    born = rules.PersonFacts("Sofie", "Vermeulen", date(1991, 5, 5), None)
    assert rules.duplicate_reason(born, known, same_home=True) is None
