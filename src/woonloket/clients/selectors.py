"""Reads of persons and households, scoped to what the user may see, audited."""

from stdnum.be import nn

from woonloket.core import audit

from .models import Person
from .search import name_filters

SEARCH_LIMIT = 25


def people_search(user, q: str, *, limit: int = SEARCH_LIMIT) -> list[Person]:
    """People by name (typos and accents forgiven), national number or address."""
    q = (q or "").strip()
    if len(q) < 2:
        return []
    people = Person.objects.visible_to(user).select_related("household__municipality")
    digits = nn.compact(q)
    if digits.isdigit() and len(digits) >= 6:
        people = people.filter(national_number__startswith=digits).order_by("last_name")
    elif any(ch.isdigit() for ch in q):
        street = q.rstrip("0123456789 ").strip()
        number = q[len(street):].strip()
        people = people.filter(household__street__icontains=street)
        if number:
            people = people.filter(household__number=number)
        people = people.order_by("last_name", "first_name")
    else:
        return _audited(user, _by_name(people, q, limit))
    return _audited(user, list(people[:limit]))


def _by_name(people, q: str, limit: int) -> list[Person]:
    """Names that contain the query first (cheap on the trigram index); names
    that are only similar (typos) are looked up when those do not fill the page."""
    contained, similar, similarity = name_filters(q)
    ranked = people.alias(similarity=similarity).order_by("-similarity", "last_name",
                                                          "first_name")
    found = list(ranked.filter(contained)[:limit])
    if len(found) < limit:
        found += ranked.filter(similar).exclude(pk__in=[p.pk for p in found])[:limit - len(found)]
    return found


def _audited(user, found: list[Person]) -> list[Person]:
    if found:
        audit.record_list(user, Person, [p.pk for p in found], reason="zoeken")
    return found
