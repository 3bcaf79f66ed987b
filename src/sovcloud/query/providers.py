"""The providers question: `sovcloud providers` and its filters, the schemes each provider
meets on the day and with what caveat, the orders of `--sort`; and whether a new record's
name is already taken (`sovcloud new`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, NamedTuple

from sovcloud.core import certs
from sovcloud.core.text import fold
from sovcloud.index import Index
from sovcloud.query.asof import as_of, existed

Record = dict[str, Any]


class ProviderFilter(NamedTuple):
    """The filters of `sovcloud providers`; they combine (all must match)."""

    secnumcloud: bool = False
    hds: bool = False
    certs: list[str] = []
    countries: list[str] = []
    kinds: list[str] = []
    statuses: list[str] = []
    owner: str | None = None
    include_pending: bool = False
    sort: str = "name"
    as_of: dt.date | None = None

    def schemes(self) -> list[str]:
        """The schemes asked for, each once, in the order given."""
        return list(
            dict.fromkeys(
                (["secnumcloud"] if self.secnumcloud else [])
                + (["hds"] if self.hds else [])
                + [c.lower() for c in self.certs]
            )
        )


class ProviderRow(NamedTuple):
    """A provider as listed, with the schemes it meets only with a caveat: pending (only in
    progress or announced) or unverified (press only, old evidence, version unknown)."""

    record: Record
    pending: list[str] = []
    unverified: list[str] = []


class Listing(NamedTuple):
    """The providers listed, and what the listing leaves out or cannot tell."""

    rows: list[ProviderRow]
    schemes: list[str]  # the schemes filtered on
    undated: list[Record]  # providers whose entries the dates cannot place on the day


def list_providers(index: Index, flt: ProviderFilter, today: dt.date) -> list[ProviderRow]:
    """Providers matching every filter, sorted; as of `flt.as_of` when given."""
    return provider_listing(index, flt, today).rows


def provider_listing(index: Index, flt: ProviderFilter, today: dt.date) -> Listing:
    """Providers matching every filter on the day (today, or `flt.as_of`), sorted; and
    those whose dates cannot tell. The view states each entry's standing (core.certs)."""
    on = flt.as_of or today
    schemes = flt.schemes()
    countries = {c.upper() for c in flt.countries}
    # A first cut in the index: statuses that may count; the exact test follows.
    statuses = [*certs.HELD_STATUSES, *certs.ENDED_STATUSES]
    if flt.include_pending and not flt.as_of:
        statuses += list(certs.PENDING_STATUSES)
    rows = []
    undated = []
    for record in index.providers(schemes, statuses):
        if flt.as_of:
            if not existed(record, on):
                continue
            record = as_of(record, on)
        if countries and record["country"] not in countries:
            continue
        if flt.kinds and record["kind"] not in flt.kinds:
            continue
        if flt.statuses and record["status"] not in flt.statuses:
            continue
        if flt.owner and not _owner_matches(record, flt.owner):
            continue
        row = _scheme_row(record, schemes, on, flt.include_pending and not flt.as_of)
        if row is not None:
            rows.append(row)
        elif any(certs.scheme_state(record, s, on) == certs.UNKNOWN for s in schemes):
            undated.append(record)
    return Listing(sort_providers(rows, flt.sort), schemes, undated)


def _scheme_row(
    record: Record, schemes: list[str], on: dt.date, with_pending: bool
) -> ProviderRow | None:
    """The provider's row if it meets every scheme on the day, else None."""
    pending, unverified = [], []
    for scheme in schemes:
        state = certs.scheme_state(record, scheme, on)
        if state == certs.HELD:
            continue
        if state == certs.UNVERIFIED:
            unverified.append(scheme)
            continue
        # What is pending today says nothing of what was pending on an earlier day.
        if state == certs.PENDING and with_pending:
            pending.append(scheme)
            continue
        return None
    return ProviderRow(record, pending, unverified)


def _name_key(row: ProviderRow) -> str:
    return fold(row.record["name"])


# Every order `providers --sort` offers (vocabulary.SORT_KEYS), each then by name.
SORT_ORDERS: dict[str, Callable[[ProviderRow], Any]] = {
    "name": _name_key,
    "id": lambda r: r.record["id"],
    "country": lambda r: (r.record["country"], _name_key(r)),
    "kind": lambda r: (r.record["kind"], _name_key(r)),
    "founded": lambda r: (r.record.get("founded") or "9999", _name_key(r)),
    "certifications": lambda r: (-len(r.record["certifications"]), _name_key(r)),
}


def sort_providers(rows: list[ProviderRow], key: str) -> list[ProviderRow]:
    """Rows in one of SORT_ORDERS."""
    return sorted(rows, key=SORT_ORDERS[key])


def _owner_matches(record: Record, query: str) -> bool:
    from rapidfuzz import fuzz

    target = fold(query)
    for owner in record["owners"]:
        for candidate in (owner["name"], owner.get("provider") or ""):
            folded = fold(candidate)
            if folded and (target in folded or fuzz.WRatio(target, folded) >= 85):
                return True
    return False


def provider_named(index: Index, name: str, id_: str) -> str | None:
    """The provider that already has this name or alias (accents and case ignored), or
    this id: a new record must not duplicate it."""
    if index.provider(id_) is not None:
        return id_
    for folder, found in index.ids_by_folded_name(fold(name)):
        if folder == "providers":
            return str(found)
    return None
