"""Dates with their own precision: a year, a month or a day, never a made-up day.

Stored and exchanged as canonical text ("2023", "2023-12", "2023-12-18") so that the derived
index and the JSON output keep the source's precision; compared through the first and last
day they can mean. Standard library only: the query path imports this.
"""

from __future__ import annotations

import datetime as dt
import re

# ASCII digits only: `\d` would take Arabic-Indic or full-width digits, and keep them.
_PARTIAL = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")
MIN_YEAR = 1800
MAX_YEAR = 2200


def parse_partial(value: object) -> str:
    """Return the canonical text of a partial date, or raise ValueError saying how to write it."""
    if isinstance(value, bool):
        raise ValueError("a date is a year, a month or a day such as 2023, 2023-12 or 2023-12-18")
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, int):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("a date is a year, a month or a day such as 2023, 2023-12 or 2023-12-18")
    match = _PARTIAL.match(value.strip())
    if not match:
        raise ValueError(
            f"{value!r} is not a date: write a year (2023), a month (2023-12) or a day (2023-12-18)"
        )
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} is out of range ({MIN_YEAR}-{MAX_YEAR})")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{value!r} has no month {month}: months run from 01 to 12")
    if day is not None:
        assert month is not None
        last = days_in_month(year, month)
        if not 1 <= day <= last:
            raise ValueError(f"{value!r} is not a day of the calendar: that month has {last} days")
    return value.strip()


def days_in_month(year: int, month: int) -> int:
    """How many days the month has (the calendar module costs a millisecond to import, on
    the path of every query)."""
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def precision(text: str) -> str:
    """'year', 'month' or 'day'."""
    return {4: "year", 7: "month", 10: "day"}[len(text)]


def first_day(text: str) -> dt.date:
    """The earliest day a partial date can mean."""
    parts = [int(p) for p in text.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(text: str) -> dt.date:
    """The latest day a partial date can mean."""
    parts = [int(p) for p in text.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else days_in_month(year, month)
    return dt.date(year, month, day)
