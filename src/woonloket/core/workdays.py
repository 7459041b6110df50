"""Working days in Belgium: Monday to Friday except the public holidays of
the `holidays` package (country BE). Pure; used by every app that plans."""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

import holidays

ONE_DAY = timedelta(days=1)


@cache
def _belgian_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("BE", years=year))


def is_working_day(day: date) -> bool:
    """Monday to Friday and not a Belgian public holiday (`holidays`, country BE)."""
    return day.weekday() < 5 and day not in _belgian_holidays(day.year)


def next_working_day(day: date) -> date:
    """The first working day after `day`."""
    day += ONE_DAY
    while not is_working_day(day):
        day += ONE_DAY
    return day


def previous_working_day(day: date) -> date:
    """The last working day before `day`."""
    day -= ONE_DAY
    while not is_working_day(day):
        day -= ONE_DAY
    return day


def on_or_after_working_day(day: date) -> date:
    """`day` itself when it is a working day, else the next one (art. 53 Ger.W.:
    a deadline on a Saturday, Sunday or holiday moves to the next working day)."""
    return day if is_working_day(day) else next_working_day(day)
