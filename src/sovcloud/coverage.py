"""How much of each register the catalogue holds, and who is recorded under a scheme:
`sovcloud schemes`, `show SCHEME`, and the coverage line ending a listing filtered on a
scheme. Loaded only by those questions, off the start-up path of the others."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sovcloud.core import certs, schemes
from sovcloud.core.text import fold
from sovcloud.errors import NotFoundError
from sovcloud.index import Index

Record = dict[str, Any]


class Coverage(NamedTuple):
    """How much of a scheme's official register the catalogue holds."""

    scheme: str
    recorded: int  # entries (or holders) held or unverified today in the catalogue
    official: Record | None  # the register's latest count: count, unit, date, sources
    register: Record | None  # the register's publisher, title, url


def coverage(index: Index, scheme_ids: list[str], on: dt.date) -> list[Coverage]:
    """For each scheme, what the catalogue records against the register's own count: the
    entries it counts for `services`, `certificates` and `products`, the providers for
    `hosts` and `companies`."""
    out = []
    for scheme_id in scheme_ids:
        scheme = schemes.get(scheme_id)
        official = scheme.latest_count()
        entries, holders = 0, 0
        for record in index.providers([scheme_id], certs.HELD_STATUSES):
            held = [
                c
                for c in record["certifications"]
                if c["scheme"] == scheme_id
                and certs.standing(c, record, on).state in certs.COUNTS_AS_HELD
            ]
            entries += len(held)
            holders += bool(held)
        by_holder = official is not None and official["unit"] in ("hosts", "companies")
        register = scheme.record.get("official_register") if scheme.record else None
        out.append(Coverage(scheme_id, holders if by_holder else entries, official, register))
    return out


class Holder(NamedTuple):
    """A provider's entries under a scheme, with their standing on the day."""

    id: str
    name: str
    country: str
    entries: list[tuple[Record, certs.Standing]]


class SchemeDetail(NamedTuple):
    record: Record
    holders: list[Holder]  # providers with any entry, best standing first
    coverage: Coverage


def scheme_list(index: Index, on: dt.date) -> list[tuple[Record, Coverage]]:
    """Every scheme record, SecNumCloud and HDS first, with what the catalogue covers."""
    records = {r["id"]: r for r in index.schemes()}
    order = schemes.order(records)
    return list(zip((records[i] for i in order), coverage(index, order, on), strict=True))


def scheme_detail(index: Index, id_: str, on: dt.date) -> SchemeDetail:
    """A scheme with every provider recorded under it, as of the day."""
    record = index.scheme(id_)
    if record is None:
        raise NotFoundError("no scheme with id {id!r}", id=id_)
    holders = []
    for provider in index.providers(
        [id_], [*certs.HELD_STATUSES, *certs.PENDING_STATUSES, *certs.ENDED_STATUSES]
    ):
        entries = [
            (c, certs.standing(c, provider, on))
            for c in provider["certifications"]
            if c["scheme"] == id_
        ]
        entries.sort(key=lambda e: certs.STATES.index(e[1].state))
        holders.append(Holder(provider["id"], provider["name"], provider["country"], entries))
    holders.sort(key=lambda h: (certs.STATES.index(h.entries[0][1].state), fold(h.name)))
    return SchemeDetail(record, holders, coverage(index, [id_], on)[0])
