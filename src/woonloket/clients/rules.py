"""Pure rules about persons: national register numbers, name folding for
search, trigram similarity and duplicate candidates."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date

from stdnum.be import bis, nn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength


class InvalidNationalNumber(ValueError):
    """The message is the Dutch text a user sees."""


def national_number(value: str) -> str:
    """The 11 digits of a valid rijksregister- or BIS-nummer, or InvalidNationalNumber.

    Accepts the usual notations (85.07.30-033.28, spaces). The check digits are
    97 − (first 9 digits mod 97), with "2" prefixed for births from 2000; BIS
    numbers add 20 or 40 to the month (python-stdnum `be.nn`, `be.bis`).
    """
    digits = nn.compact(value or "")
    if not digits.isdigit() or len(digits) != 11:
        raise InvalidNationalNumber("Een rijksregisternummer heeft 11 cijfers.")
    for module in (nn, bis):
        try:
            return str(module.validate(digits))
        except (InvalidChecksum, InvalidComponent, InvalidFormat, InvalidLength):
            continue
    raise InvalidNationalNumber(
        "Dit rijksregisternummer klopt niet (controlecijfers of geboortedatum)."
    )


def birth_date_of(number: str) -> date | None:
    """The birth date encoded in a valid national number, when it is known."""
    for module in (nn, bis):
        try:
            born: date | None = module.get_birth_date(number)
            return born
        except Exception:  # noqa: BLE001,S112 - an unknown date is a normal outcome
            continue
    return None


def fold(text: str) -> str:
    """Lowercase, without accents, spaces, hyphens or apostrophes:
    "Van de Putte" and "Vandeputte" fold alike, "Céline" to "celine"."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(ch for ch in decomposed.lower() if ch.isalnum() and ch.isascii())


def search_key(first_name: str, last_name: str) -> str:
    """What the name search compares: the folded last and first name, space between."""
    return f"{fold(last_name)} {fold(first_name)}".strip()


def trigrams(text: str) -> set[str]:
    """Trigrams as PostgreSQL's pg_trgm makes them: each word padded with two
    spaces in front and one behind."""
    grams: set[str] = set()
    for word in text.split():
        padded = f"  {word} "
        grams.update(padded[i:i + 3] for i in range(len(padded) - 2))
    return grams


def similarity(a: str, b: str) -> float:
    """pg_trgm's similarity(): shared trigrams over all trigrams of both."""
    ta, tb = trigrams(a), trigrams(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)


def word_similarity(query: str, text: str) -> float:
    """The best similarity of the query against the text or any of its words, so
    that a search for one name finds the person by that name."""
    candidates = [text, *text.split(), text.replace(" ", "")]
    return max(similarity(query, c) for c in candidates)


SIMILAR_NAME = 0.5


@dataclass(frozen=True)
class PersonFacts:
    first_name: str
    last_name: str
    birth_date: date | None
    national_number: str | None


@dataclass(frozen=True)
class AddressFacts:
    street: str
    number: str
    postal_code: str


def same_address(a: AddressFacts, b: AddressFacts) -> bool:
    """Same postal code and house number, and the same street once folded
    ("Sint-Jansstraat" and "St Jansstraat" differ; "Kerkstraat"/"kerkstraat" do not)."""
    return (a.postal_code.strip() == b.postal_code.strip()
            and fold(a.number) == fold(b.number) and fold(a.street) == fold(b.street)
            and bool(fold(a.street)))


def duplicate_reason(new: PersonFacts, known: PersonFacts,
                     same_home: bool = False) -> str | None:
    """Why `known` is probably the same person as `new`, or None.

    Same national number; or a similar name (trigram similarity of the folded
    names at least 0.5) with the same birth date or, when the birth date is not
    known on one side, at the same address (a court petition names a tenant
    and an address, rarely a birth date).
    """
    if new.national_number and new.national_number == known.national_number:
        return "zelfde rijksregisternummer"
    a = search_key(new.first_name, new.last_name)
    b = search_key(known.first_name, known.last_name)
    similar = a == b or similarity(a, b) >= SIMILAR_NAME
    if similar and new.birth_date and new.birth_date == known.birth_date:
        return "gelijkaardige naam en zelfde geboortedatum"
    birth_unknown = new.birth_date is None or known.birth_date is None
    if similar and same_home and birth_unknown:
        return "gelijkaardige naam op hetzelfde adres"
    return None


@dataclass(frozen=True)
class MemberFacts:
    is_dependant: bool
    has_recognised_disability: bool


def dependants(members: list[MemberFacts]) -> int:
    """Persons ten laste as the Flemish housing rules count them: every
    dependant member once, a dependant with a recognised disability twice.

    Source: Besluit Vlaamse Codex Wonen (2021), definition of "persoon ten
    laste" for the social housing income limits and the rent support. The
    double count is **unconfirmed** here: check it against the current text
    before relying on it for an eligibility decision.
    """
    return sum(2 if m.has_recognised_disability else 1 for m in members if m.is_dependant)
