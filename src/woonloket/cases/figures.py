"""Yearly counts for the key figures (lokaal woonoverleg), defined once.

They count over all organisations (aggregates hold no personal data) for a
list of municipalities (the case's municipality decides) and a calendar year.
A contact's year is the date it took place; consultations between
professionals (channel 'overleg') are not contacts with the client.
"""

from datetime import date

from django.db.models import Q

from .models import Case, Contact


def _year_contacts(municipalities: list[str], year: int):
    return Contact.objects.filter(
        case__municipality_id__in=municipalities, at__date__gte=date(year, 1, 1),
        at__date__lte=date(year, 12, 31),
    ).exclude(channel=Contact.Channel.OVERLEG)


def _priority_in(year: int) -> Q:
    """The case was priority at some day of the year."""
    return Q(is_priority=True, priority_since__lte=date(year, 12, 31)) & (
        Q(closed_on__isnull=True) | Q(closed_on__gte=date(year, 1, 1))
    )


def clients(municipalities: list[str], year: int) -> int:
    """Households with at least one contact in the year."""
    return _year_contacts(municipalities, year).values("case__household_id").distinct().count()


def priority_clients(municipalities: list[str], year: int) -> int:
    """Clients of the year whose case was in the priority target group that year."""
    return (
        _year_contacts(municipalities, year)
        .filter(case__in=Case.objects.filter(_priority_in(year)))
        .values("case__household_id").distinct().count()
    )


def contacts(municipalities: list[str], year: int) -> int:
    """Contacts with clients in the year."""
    return _year_contacts(municipalities, year).count()


def priority_contacts(municipalities: list[str], year: int) -> int:
    """Contacts in the year on cases that were priority that year."""
    return _year_contacts(municipalities, year).filter(
        case__in=Case.objects.filter(_priority_in(year))
    ).count()


def intensive_cases(municipalities: list[str], year: int) -> int:
    """Cases that were priority ("intensive dossiers") at some day of the year."""
    return Case.objects.filter(_priority_in(year), municipality_id__in=municipalities).count()
