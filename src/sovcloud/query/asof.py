"""What a provider record said on a given day: `--as-of` for `providers`, `show`,
`compare`, `assess` and `match`. Whether a certification held that day is core/certs.py's one
answer; these names stay for the queries and views that ask it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sovcloud import dates
from sovcloud.core import certs

Record = dict[str, Any]


# Whether a certification holds on a day is core/certs.py's one question; these names stay
# for the queries and views that ask it.


def cert_state(cert: Record, on: dt.date, record: Record) -> str:
    """The entry's state on that day (core.certs.STATES)."""
    return certs.standing(cert, record, on).state


def scheme_state(record: Record, scheme: str, on: dt.date) -> str | None:
    return certs.scheme_state(record, scheme, on)


def as_of(record: Record, on: dt.date) -> Record:
    """A provider record as it stood that day: only the owners that held it then (an
    ownership line without dates counts as holding throughout), and only the certifications
    already granted by then. A pending status says where things stood when the entry was
    checked, not before: it is left out of earlier days."""
    owners = [
        o
        for o in record["owners"]
        if not (o.get("since") and dates.first_day(o["since"]) > on)
        and not (o.get("until") and dates.last_day(o["until"]) < on)
    ]
    known_since = record["last_reviewed"]
    entries = [
        c
        for c in record["certifications"]
        if not (c.get("granted") and dates.first_day(c["granted"]) > on)
        and not (
            c["status"] in certs.PENDING_STATUSES
            and on < dt.date.fromisoformat(c.get("checked") or known_since)
        )
    ]
    return {**record, "owners": owners, "certifications": entries}


def existed(record: Record, on: dt.date) -> bool:
    """Whether a provider existed (or had been announced) by that day, as far as we know."""
    return not (record.get("founded") and dates.first_day(record["founded"]) > on)
