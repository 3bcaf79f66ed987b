"""Questions asked of the index: filters, name resolution, search, timelines, comparisons.

Query functions take the index and plain options and return plain records (the dicts the
JSON output shows) or small result types; they never print. Standard library only, except
rapidfuzz, loaded where a fuzzy match is needed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

from sovcloud import dates
from sovcloud.checks import fold
from sovcloud.errors import NotFoundError
from sovcloud.i18n import localized
from sovcloud.index import Index

Record = dict[str, Any]
HELD = ("qualified", "certified")
PENDING = ("in-progress", "announced")

# Fuzzy scores (0-100): below FUZZY_MIN nothing is close; two candidates within
# AMBIGUOUS_GAP of each other are too close to choose between.
FUZZY_MIN = 75
AMBIGUOUS_GAP = 4


# --- certifications ---------------------------------------------------------------------


def cert_holds(cert: Record, on: dt.date) -> bool:
    """Whether a certification was held on that day: held now (qualified or certified), or
    lapsed with known start and end; then granted by that day and not yet expired or ended."""
    status = cert["status"]
    if status in ("expired", "withdrawn"):
        if not cert.get("granted") or not (cert.get("ended") or cert.get("expires")):
            return False  # we cannot tell when it was held
    elif status not in HELD:
        return False
    if cert.get("granted") and dates.first_day(cert["granted"]) > on:
        return False
    return not any(cert.get(end) and dates.last_day(cert[end]) < on for end in ("expires", "ended"))


def cert_state(cert: Record, on: dt.date) -> str:
    """'held', 'pending' or 'lapsed', as of a day."""
    if cert_holds(cert, on):
        return "held"
    if cert["status"] in PENDING:
        return "pending"
    return "lapsed"


def scheme_state(provider: Record, scheme: str, on: dt.date) -> str | None:
    """The best state of any certification of that scheme: held > pending > lapsed > None."""
    states = {cert_state(c, on) for c in provider["certifications"] if c["scheme"] == scheme}
    for state in ("held", "pending", "lapsed"):
        if state in states:
            return state
    return None


# --- providers --------------------------------------------------------------------------


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


class ProviderRow(NamedTuple):
    """A provider as listed, with whether it only qualifies through a pending certification."""

    record: Record
    pending: list[str] = []


def list_providers(index: Index, flt: ProviderFilter, today: dt.date) -> list[ProviderRow]:
    """Providers matching every filter, sorted."""
    schemes = list(
        dict.fromkeys(
            (["secnumcloud"] if flt.secnumcloud else [])
            + (["hds"] if flt.hds else [])
            + [c.lower() for c in flt.certs]
        )
    )
    countries = {c.upper() for c in flt.countries}
    rows = []
    for record in index.providers():
        if countries and record["country"] not in countries:
            continue
        if flt.kinds and record["kind"] not in flt.kinds:
            continue
        if flt.statuses and record["status"] not in flt.statuses:
            continue
        if flt.owner and not _owner_matches(record, flt.owner):
            continue
        pending = []
        ok = True
        for scheme in schemes:
            state = scheme_state(record, scheme, today)
            if state == "held":
                continue
            if state == "pending" and flt.include_pending:
                pending.append(scheme)
                continue
            ok = False
            break
        if ok:
            rows.append(ProviderRow(record, pending))
    return sort_providers(rows, flt.sort)


SORT_KEYS = ("name", "id", "country", "kind", "founded", "certifications")


def sort_providers(rows: list[ProviderRow], key: str) -> list[ProviderRow]:
    def name_key(row: ProviderRow) -> str:
        return fold(row.record["name"])

    if key == "id":
        return sorted(rows, key=lambda r: r.record["id"])
    if key == "country":
        return sorted(rows, key=lambda r: (r.record["country"], name_key(r)))
    if key == "kind":
        return sorted(rows, key=lambda r: (r.record["kind"], name_key(r)))
    if key == "founded":
        return sorted(rows, key=lambda r: (r.record.get("founded") or "9999", name_key(r)))
    if key == "certifications":
        return sorted(rows, key=lambda r: (-len(r.record["certifications"]), name_key(r)))
    return sorted(rows, key=name_key)


def _owner_matches(record: Record, query: str) -> bool:
    from rapidfuzz import fuzz

    target = fold(query)
    for owner in record["owners"]:
        for candidate in (owner["name"], owner.get("provider") or ""):
            folded = fold(candidate)
            if folded and (target in folded or fuzz.WRatio(target, folded) >= 85):
                return True
    return False


# --- resolving a name -------------------------------------------------------------------


class Resolved(NamedTuple):
    folder: str  # "providers" or "events"
    id: str


def resolve(
    index: Index, name: str, *, folders: tuple[str, ...] = ("providers", "events")
) -> Resolved:
    """Find the one record a user means: id, then name or alias (accents and case ignored),
    then the closest fuzzy match. Several close candidates or none: NotFoundError."""
    text = name.strip()
    if not text:
        raise NotFoundError("give a name, an alias or an id")
    for folder in folders:
        if index._one(folder, text) is not None:
            return Resolved(folder, text)
    exact = [Resolved(f, i) for f, i in index.ids_by_folded_name(fold(text)) if f in folders]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise NotFoundError(
            f"{text!r} names several records; use an id",
            [f"{r.id} ({r.folder[:-1]})" for r in exact],
        )
    return _fuzzy(index, text, folders)


def _fuzzy(index: Index, text: str, folders: tuple[str, ...]) -> Resolved:
    from rapidfuzz import fuzz, process

    target = fold(text)
    best: dict[Resolved, float] = {}
    labels: dict[Resolved, str] = {}
    names = [(f, i, n) for f, i, n in index.names() if f in folders]
    choices = [fold(n) for _, _, n in names] + [i for _, i, _ in names]
    owners = [(f, i, n) for f, i, n in names] * 2
    for _, score, position in process.extract(target, choices, scorer=fuzz.WRatio, limit=25):
        folder, id_, label = owners[position]
        key = Resolved(folder, id_)
        # A provider name beats an event title that merely mentions it.
        weight = score if folder == "providers" else score - 8
        if weight > best.get(key, -1):
            best[key] = weight
            labels[key] = label
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0].id))
    if not ranked or ranked[0][1] < FUZZY_MIN:
        nearest = [f"{r.id} ({labels[r]})" for r, _ in ranked[:3]]
        raise NotFoundError(f"nothing matches {text!r}", nearest)
    top_key, top_score = ranked[0]
    close = [r for r, s in ranked if top_score - s <= AMBIGUOUS_GAP]
    if len(close) > 1:
        raise NotFoundError(
            f"{text!r} could mean several records; be more precise or use an id",
            [f"{r.id} ({labels[r]})" for r in close],
        )
    return top_key


# --- timeline ---------------------------------------------------------------------------


class TimelineFilter(NamedTuple):
    since: str | None = None
    until: str | None = None
    providers: list[str] = []  # names, resolved fuzzily
    tags: list[str] = []
    kinds: list[str] = []
    reverse: bool = False


def timeline(index: Index, flt: TimelineFilter) -> list[Record]:
    """Events in date order, filtered."""
    provider_ids = {resolve(index, p, folders=("providers",)).id for p in flt.providers}
    events = index.events(flt.since, flt.until)
    tags = {t.lower() for t in flt.tags}
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
    ids = sorted({p for e in events for p in e["providers"]})
    return {id_: record["name"] for id_ in ids if (record := index.provider(id_))}


# --- show -------------------------------------------------------------------------------


class ProviderDetail(NamedTuple):
    record: Record
    events: list[Record]  # newest first
    owned_by_links: dict[str, str]  # owner provider id -> its name
    referrers: list[Record]  # providers that name this one as owner or vendor


def provider_detail(index: Index, id_: str) -> ProviderDetail:
    record = index.provider(id_)
    if record is None:
        raise NotFoundError(f"no provider with id {id_!r}")
    events = list(reversed(index.events_for(id_)))
    links = {}
    for item in (*record["owners"], *record["licensed_technology"]):
        ref = item.get("provider")
        if ref:
            other = index.provider(ref)
            if other:
                links[ref] = other["name"]
    return ProviderDetail(record, events, links, index.referrers(id_))


class EventDetail(NamedTuple):
    record: Record
    provider_names: dict[str, str]


def event_detail(index: Index, id_: str) -> EventDetail:
    record = index.event(id_)
    if record is None:
        raise NotFoundError(f"no event with id {id_!r}")
    names = {}
    for ref in record["providers"]:
        provider = index.provider(ref)
        names[ref] = provider["name"] if provider else ref
    return EventDetail(record, names)


def compare(index: Index, names: list[str]) -> list[Record]:
    """The providers named, in the order given."""
    records = []
    for name in names:
        resolved = resolve(index, name, folders=("providers",))
        record = index.provider(resolved.id)
        assert record is not None
        if record not in records:
            records.append(record)
    return records


# --- search -----------------------------------------------------------------------------


class Hit(NamedTuple):
    folder: str
    id: str
    title: str
    score: float
    field: str  # which field matched
    excerpt: str  # the matching text


def search(index: Index, text: str, *, limit: int = 20, lang: str = "en") -> list[Hit]:
    """Providers (names, aliases, owners, offers) and events (titles, summaries, actors)
    ranked by how well a field matches the text."""
    from rapidfuzz import fuzz

    target = fold(text)
    if not target:
        return []
    words = target.split()
    hits: dict[tuple[str, str], Hit] = {}

    def consider(folder: str, id_: str, title: str, field_: str, value: str, weight: float) -> None:
        folded = fold(value)
        if not folded:
            return
        if target in folded:
            score = 100.0
        elif len(words) > 1 and all(w in folded for w in words):
            score = 95.0
        else:
            score = fuzz.partial_ratio(target, folded) if len(target) >= 4 else 0.0
            if len(folded) < 60:
                score = max(score, fuzz.WRatio(target, folded))
        score *= weight
        key = (folder, id_)
        if score >= 70 and (key not in hits or score > hits[key].score):
            hits[key] = Hit(folder, id_, title, round(score, 1), field_, value)

    for p in index.providers():
        name = p["name"]
        consider("providers", p["id"], name, "id", p["id"], 1.0)
        consider("providers", p["id"], name, "name", name, 1.0)
        for alias in p["aliases"]:
            consider("providers", p["id"], name, "alias", alias, 0.98)
        for owner in p["owners"]:
            consider("providers", p["id"], name, "owner", owner["name"], 0.9)
        for lic in p["licensed_technology"]:
            consider(
                "providers",
                p["id"],
                name,
                "licensed technology",
                f"{lic['vendor']}: {lic['technology']}",
                0.85,
            )
        for offer in p["offers"]:
            consider("providers", p["id"], name, "offer", offer["name"], 0.9)
    for e in index.events():
        title = localized(e["title"], lang)
        consider("events", e["id"], title, "title", title, 0.95)
        consider("events", e["id"], title, "summary", localized(e["summary"], lang), 0.85)
        for actor in e["actors"]:
            consider("events", e["id"], title, "actor", actor, 0.9)
    ranked = sorted(hits.values(), key=lambda h: (-h.score, h.folder != "providers", h.id))
    return ranked[:limit]
