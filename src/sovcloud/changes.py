"""`sovcloud changes`: what changed in the market in a window, and what the catalogue learnt.

Qualifications granted and ended, ownership changes, new providers and events, read from the
records' own dates; then the records that commits added, changed or removed, read from the
data's git history. render/changes.py shows them; nothing here prints. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.checks import fold
from sovcloud.core import certs
from sovcloud.core.labels import scheme_name
from sovcloud.facts import cited, record_sources, source_shown
from sovcloud.i18n import t

if TYPE_CHECKING:
    from sovcloud.index import Index

Record = dict[str, Any]


# Groups of changes, in the order they are shown.
CHANGE_GROUPS = {
    "granted": "Qualifications and certifications granted",
    "ended": "Qualifications and certifications expired or ended",
    "ownership": "Ownership changes",
    "founded": "New providers",
    "event": "Events",
    # From the data's git history: when the records themselves came, changed or went.
    "added": "What the catalogue learnt: records added",
    "revised": "What the catalogue learnt: records changed",
    "removed": "What the catalogue learnt: records removed",
    "checked": "What the catalogue learnt: entries checked against their sources",
}


class Change(NamedTuple):
    """Something that changed in the market, with where we know it from."""

    group: str  # a key of CHANGE_GROUPS
    kind: str  # for events, the event's kind; else what changed (certification, owner...)
    date: str  # at its own precision
    status: str  # happened, expected or cancelled
    providers: list[str]  # ids
    title: str
    ref: str  # the record it comes from: an event id, or a provider id
    sources: list[Record]


def _in_window(text: str | None, since: str, until: str | None) -> bool:
    """Whether a partial date may fall within [since, until], as the timeline reads it."""
    if not text:
        return False
    if dates.last_day(text) < dates.first_day(since):
        return False
    return until is None or dates.first_day(text) <= dates.last_day(until)


class _Window(NamedTuple):
    """The window asked for and today, with where a provider's changes are collected."""

    since: str
    until: str | None
    today: dt.date
    lang: str
    record: Record
    found: list[Change]

    def holds(self, text: str | None) -> bool:
        return _in_window(text, self.since, self.until)

    def add(self, group: str, kind: str, date: str, title: str, sources: list[Record]) -> None:
        status = "expected" if dates.first_day(date) > self.today else "happened"
        rid = self.record["id"]
        self.found.append(Change(group, kind, date, status, [rid], title, rid, sources))


def _provider_changes(
    record: Record, since: str, until: str | None, today: dt.date, lang: str = "en"
) -> list[Change]:
    """What the provider's record dates within the window: its certifications granted,
    ended or checked, its owners coming and going, its founding."""
    window = _Window(since, until, today, lang, record, [])
    for cert in record["certifications"]:
        _certification_changes(window, cert)
    for owner in record["owners"]:
        _owner_changes(window, owner)
    if window.holds(record.get("founded")):
        title = t(
            "{name} ({kind}, {country}) announced"
            if record["status"] == "announced"
            else "{name} ({kind}, {country}) founded",
            lang,
            name=record["name"],
            kind=t(record["kind"], lang),
            country=record["country"],
        )
        window.add("founded", "provider", record["founded"], title, record_sources(record))
    return window.found


def _certification_changes(window: _Window, cert: Record) -> None:
    record, lang, today = window.record, window.lang, window.today
    label = scheme_name(cert["scheme"]) + (f" {cert['version']}" if cert.get("version") else "")
    sources = cited(record, cert["sources"])
    qualified = cert["scheme"] == "secnumcloud"
    # {what}: the kind of entry, for the languages whose words agree with it.
    what = t("qualification" if qualified else "certification", lang)
    words = {"name": record["name"], "label": label, "what": what}
    checked = cert.get("checked")
    if checked and window.holds(checked):
        state = t(certs.standing(cert, record, today).state, lang)
        title = t("{name}: {label} checked ({state})", lang, state=state, **words)
        window.add("checked", "certification", checked, title, sources)
    if window.holds(cert.get("granted")):
        title = t(
            "{name}: {label} qualified" if qualified else "{name}: {label} certified",
            lang,
            **words,
        )
        window.add("granted", "certification", cert["granted"], title, sources)
    if window.holds(cert.get("ended")):
        title = t(
            "{name}: {label} expired"
            if cert["status"] == "expired"
            else "{name}: {label} withdrawn"
            if cert["status"] == "withdrawn"
            else "{name}: {label} ended",
            lang,
            **words,
        )
        window.add("ended", "certification", cert["ended"], title, sources)
    elif window.holds(cert.get("expires")):
        future = dates.first_day(cert["expires"]) > today
        title = t(
            "{name}: {label} due to expire" if future else "{name}: {label} expired",
            lang,
            **words,
        )
        window.add("ended", "certification", cert["expires"], title, sources)


def _owner_changes(window: _Window, owner: Record) -> None:
    record, lang = window.record, window.lang
    sources = cited(record, owner["sources"])
    role = t("the parent company" if owner["role"] == "parent" else "a shareholder", lang)
    stake = f" ({owner['stake']:g}%)" if owner.get("stake") is not None else ""
    who = {"name": record["name"], "owner": owner["name"], "country": owner["country"]}
    if window.holds(owner.get("since")):
        title = t(
            "{name}: {owner} ({country}) became {role}{stake}",
            lang,
            role=role,
            stake=stake,
            **who,
        )
        window.add("ownership", "owner", owner["since"], title, sources)
    if window.holds(owner.get("until")):
        title = t(
            "{name}: {owner} ({country}) ceased to be {role}{stake}",
            lang,
            role=role,
            stake=stake,
            **who,
        )
        window.add("ownership", "owner", owner["until"], title, sources)


class Learnt(NamedTuple):
    """What the catalogue learnt in a window, from the data's git history."""

    changes: list[Change]
    missing: str | None  # why the history is not known ("not a git checkout"), if it is not


def learnt(index: Index, since: str, until: str, lang: str = "en") -> Learnt:
    """The records that commits added, changed or removed between `since` and `until`
    (partial dates, both included), when the data directory is a git checkout."""
    from sovcloud.history import ADDED, REMOVED, record_changes
    from sovcloud.i18n import localized

    history = record_changes(index.data_dir, dates.first_day(since), dates.last_day(until))
    names = index.provider_names({f.id for f in history.changes if f.folder == "providers"})
    out = []
    for f in history.changes:
        kind = f.folder[:-1]
        group = {ADDED: "added", REMOVED: "removed"}.get(f.status, "revised")
        name = names.get(f.id) if f.folder == "providers" else None
        if f.folder == "events" and f.status != REMOVED:
            event = index.event(f.id)
            name = localized(event["title"], lang) if event else None
        elif f.folder == "schemes" and f.status != REMOVED:
            name = scheme_name(f.id)
        providers = [f.id] if f.folder == "providers" and f.id in names else []
        title = f"{name or f.id} ({kind})"
        out.append(Change(group, kind, f.day, "happened", providers, title, f.id, []))
    return Learnt(out, history.missing)


def changes(
    index: Index,
    since: str,
    until: str | None,
    today: dt.date,
    lang: str = "en",
    learnt: Iterable[Change] = (),
) -> list[Change]:
    """What changed between `since` and `until` (partial dates, both included), with what
    the catalogue `learnt` in that window: grouped as CHANGE_GROUPS orders them (events by
    kind), each group in date order."""
    from sovcloud.i18n import localized

    found: list[Change] = list(learnt)
    for record in index.providers():
        found += _provider_changes(record, since, until, today, lang)
    for event in index.events(since, until):
        found.append(
            Change(
                "event",
                event["kind"],
                event["date"],
                event["status"],
                list(event["providers"]),
                localized(event["title"], lang),
                event["id"],
                [source_shown(s) for s in event["sources"]],
            )
        )
    groups = list(CHANGE_GROUPS)

    def order(c: Change) -> tuple[Any, ...]:
        kind = c.kind if c.group == "event" else ""
        day = (dates.first_day(c.date), dates.last_day(c.date))
        return groups.index(c.group), kind, day, fold(c.title)

    return sorted(found, key=order)
