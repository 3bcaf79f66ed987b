"""Counting the market: providers by country and by certification held, events per year.

Like the query functions, these take the index and plain options and return small result
types; they never print. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import NamedTuple

from sovcloud.core.certs import COUNTS_AS_HELD, scheme_state
from sovcloud.coverage import Coverage, coverage
from sovcloud.index import Index


class Bar(NamedTuple):
    """One counted thing: a country code, a scheme id or a year, and how many."""

    key: str
    value: int
    expected: int = 0  # events per year: how many of `value` have not happened yet


class Stats(NamedTuple):
    providers: int
    events: int
    on: dt.date  # the day certifications are counted as held
    by_country: list[Bar]  # every provider, by the country of its registered office
    by_scheme: list[Bar]  # providers holding at least one certification of the scheme
    by_year: list[Bar]  # every event, by year, years without events included
    coverage: list[Coverage] = []  # for schemes whose register count is recorded


def _ranked(counts: Counter[str]) -> list[Bar]:
    """Most first; ties in key order, so that the same data always gives the same chart."""
    return [Bar(k, v) for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def compute(index: Index, today: dt.date) -> Stats:
    """The counts of the whole catalogue, certifications as held on `today`."""
    providers = index.providers()
    by_country = Counter(p["country"] for p in providers)
    by_scheme: Counter[str] = Counter()
    for p in providers:
        schemes = {c["scheme"] for c in p["certifications"]}
        by_scheme.update(s for s in schemes if scheme_state(p, s, today) in COUNTS_AS_HELD)
    events = index.events()
    years = Counter(e["date"][:4] for e in events)
    expected = Counter(e["date"][:4] for e in events if e["status"] == "expected")
    by_year = []
    if years:
        # A gap year is a bar of 0: the chart's axis is time.
        for year in range(int(min(years)), int(max(years)) + 1):
            key = str(year)
            by_year.append(Bar(key, years[key], expected[key]))
    return Stats(
        providers=len(providers),
        events=len(events),
        on=today,
        by_country=_ranked(by_country),
        by_scheme=_ranked(by_scheme),
        by_year=by_year,
        coverage=[
            c
            for c in coverage(index, [b.key for b in _ranked(by_scheme)], today)
            if c.official is not None
        ],
    )
