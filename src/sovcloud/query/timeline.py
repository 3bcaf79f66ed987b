"""The timeline question: events in date order, filtered by day, provider, tag and kind
(`sovcloud timeline`, `export ical|atom`).
"""

from __future__ import annotations

from typing import Any, NamedTuple

from sovcloud.core.text import fold, id_named
from sovcloud.errors import NotFoundError
from sovcloud.index import Index
from sovcloud.query.resolve import resolve

Record = dict[str, Any]


class TimelineFilter(NamedTuple):
    since: str | None = None
    until: str | None = None
    providers: list[str] = []  # names, resolved fuzzily
    tags: list[str] = []
    kinds: list[str] = []
    reverse: bool = False


def resolve_tag(index: Index, text: str, vocabulary: list[Record]) -> str:
    """The tag a user means: its id, or one of its aliases or labels (accents and case
    ignored); NotFoundError naming the nearest when none. Without a vocabulary (a data
    directory from before tags were records), the text itself."""
    if not vocabulary:
        return text.lower()
    by_name = {
        fold(name.replace("-", " ")): str(tag["id"])
        for tag in vocabulary
        for name in (tag["id"], *tag["aliases"], tag["label"].get("en"), tag["label"].get("fr"))
        if name
    }
    found = id_named(by_name, text)
    if found is not None:
        return found
    import difflib

    close = difflib.get_close_matches(text.lower(), [t["id"] for t in vocabulary], n=3)
    raise NotFoundError("no tag {text!r}; `sovcloud tags` lists them", close, text=text)


def resolve_filter(index: Index, flt: TimelineFilter) -> TimelineFilter:
    """The filter with each provider and each tag as its id, in the order given, once."""
    vocabulary = index.tags() if flt.tags else []
    return flt._replace(
        providers=list(
            dict.fromkeys(resolve(index, p, folders=("providers",)).id for p in flt.providers)
        ),
        tags=list(dict.fromkeys(resolve_tag(index, t, vocabulary) for t in flt.tags)),
    )


def timeline(index: Index, flt: TimelineFilter) -> list[Record]:
    """Events in date order, filtered."""
    flt = resolve_filter(index, flt)
    provider_ids, tags = set(flt.providers), set(flt.tags)
    events = index.events(flt.since, flt.until)
    selected = [
        e
        for e in events
        if (not provider_ids or provider_ids & set(e["providers"]))
        and (not tags or tags & set(e["tags"]))
        and (not flt.kinds or e["kind"] in flt.kinds)
    ]
    return list(reversed(selected)) if flt.reverse else selected


def provider_names(index: Index, events: list[Record]) -> dict[str, str]:
    """The names of the providers these events name, for labels."""
    return index.provider_names({p for e in events for p in e["providers"]})
