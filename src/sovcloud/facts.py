"""The facts behind every answer of assess and match, with the sources that back them.

A rule of `sovcloud assess` (assess_rules.py, framework_rules.py) or a requirement of
`sovcloud match` reads the provider as it stood on a day (a Context) and answers with Facts,
each citing the record's own sources. Here are those shared pieces, and how a certification
is read toward an answer. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core import certs
from sovcloud.query import as_of

if TYPE_CHECKING:
    from sovcloud.index import Index

Record = dict[str, Any]


class Reference(NamedTuple):
    """A public text a rule relies on."""

    publisher: str
    title: str
    date: str
    url: str
    note: str = ""


class Fact(NamedTuple):
    """One fact behind an answer, with the record's sources that back it."""

    text: str
    sources: list[Record]


class Context(NamedTuple):
    """What a rule looks at: the provider as it stood on `on` (owners then holding), and
    the records of its owners that have one, as they stood that day."""

    record: Record
    on: dt.date
    linked: dict[str, Record]
    lang: str = "en"  # the language of the facts' text


def provider_context(index: Index, record: Record, on: dt.date, lang: str = "en") -> Context:
    """The provider as it stood on `on`, with its owners' records as they stood then."""
    linked = {}
    for owner in record["owners"]:
        ref = owner.get("provider")
        other = index.provider(ref) if ref else None
        if ref and other is not None:
            linked[ref] = as_of(other, on)
    return Context(as_of(record, on), on, linked, lang)


class Need(NamedTuple):
    """One requirement of a tender and where a provider stands: met, pending (in progress
    or announced), unknown (the records cannot tell) or missing."""

    requirement: str  # a scheme id, or "service:paas"
    state: str
    text: str  # "SecNumCloud: in progress (J1)", "no paas offer"
    sources: list[Record]


# --- sources and certifications -----------------------------------------------------------


def source_shown(source: Record) -> Record:
    """A source as a fact shows it: publisher, title, date, url (when there is one), type."""
    keys = ("publisher", "title", "date", "url", "type")
    return {k: source[k] for k in keys if source.get(k) is not None}


def cited(record: Record, ids: list[str]) -> list[Record]:
    """The record's sources with these ids, in the record's order."""
    wanted = set(ids)
    return [source_shown(s) for s in record["sources"] if s.get("id") in wanted]


def record_sources(record: Record) -> list[Record]:
    """Every source of the record: what backs the facts no item cites on its own (its
    country, its founding date)."""
    return [source_shown(s) for s in record["sources"]]


# How assess reads a standing: a rule is met only on proof, so an unverified entry (press
# only, old evidence, version unknown) leaves it unknown, and a superseded one does not count.
_VERDICTS = {
    certs.HELD: "held",
    certs.UNVERIFIED: "unknown",
    certs.UNKNOWN: "unknown",
    certs.PENDING: "pending",
    certs.SUPERSEDED: "lapsed",
    certs.LAPSED: "lapsed",
}


def cert_verdict(cert: Record, on: dt.date, record: Record) -> tuple[str, certs.Standing]:
    """'held', 'pending', 'lapsed' or 'unknown' on that day, with the standing behind it."""
    found = certs.standing(cert, record, on)
    return _VERDICTS[found.state], found


def scheme_verdict(record: Record, scheme: str, on: dt.date) -> tuple[str, list[Record]]:
    """The best state of the provider's certifications of a scheme on that day (held, then
    unknown, then pending, then lapsed; 'none' when there is none) and those in that state."""
    entries = [c for c in record["certifications"] if c["scheme"] == scheme]
    verdicts = [(cert_verdict(c, on, record)[0], c) for c in entries]
    for state in ("held", "unknown", "pending", "lapsed"):
        chosen = [c for v, c in verdicts if v == state]
        if chosen:
            return state, chosen
    return "none", []
