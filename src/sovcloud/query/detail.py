"""One record in full (`show`, `dossier`) and several side by side (`compare`)."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sovcloud import dates
from sovcloud.errors import NotFoundError
from sovcloud.index import Index
from sovcloud.query.asof import as_of
from sovcloud.query.resolve import resolve

Record = dict[str, Any]


class ProviderDetail(NamedTuple):
    record: Record
    events: list[Record]  # newest first
    referrers: list[Record]  # providers that name this one as owner or vendor


def provider_detail(index: Index, id_: str, on: dt.date | None = None) -> ProviderDetail:
    """A provider with its events (newest first), as of `on` when given."""
    record = index.provider(id_)
    if record is None:
        raise NotFoundError("no provider with id {id!r}", id=id_)
    events = list(reversed(index.events_for(id_)))
    if on is not None:
        record = as_of(record, on)
        events = [e for e in events if dates.first_day(e["date"]) <= on]
    return ProviderDetail(record, events, index.referrers(id_))


class EventDetail(NamedTuple):
    record: Record
    provider_names: dict[str, str]


def event_detail(index: Index, id_: str) -> EventDetail:
    record = index.event(id_)
    if record is None:
        raise NotFoundError("no event with id {id!r}", id=id_)
    names = {}
    for ref in record["providers"]:
        provider = index.provider(ref)
        names[ref] = provider["name"] if provider else ref
    return EventDetail(record, names)


def compare(index: Index, names: list[str], on: dt.date | None = None) -> list[Record]:
    """The providers named, in the order given, as of `on` when given."""
    records = []
    for name in names:
        resolved = resolve(index, name, folders=("providers",))
        record = index.provider(resolved.id)
        assert record is not None
        if on is not None:
            record = as_of(record, on)
        if record not in records:
            records.append(record)
    return records
