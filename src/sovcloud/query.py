"""Questions asked of the index: filters, name resolution, search, timelines, comparisons.

Query functions take the index and plain options and return plain records (the dicts the
JSON output shows) or small result types; they never print. Standard library only, except
rapidfuzz, loaded where a fuzzy match is needed.
"""

from __future__ import annotations

import datetime as dt
import heapq
from collections.abc import Callable
from typing import Any, NamedTuple

from sovcloud import dates
from sovcloud.checks import fold
from sovcloud.errors import NotFoundError
from sovcloud.i18n import localized
from sovcloud.index import Index, SearchRow

Record = dict[str, Any]
HELD = ("qualified", "certified")
PENDING = ("in-progress", "announced")

# Fuzzy scores (0-100): below FUZZY_MIN nothing is close; two candidates within
# AMBIGUOUS_GAP of each other are too close to choose between.
FUZZY_MIN = 75
AMBIGUOUS_GAP = 4
# search: weighted scores below this are not matches.
SEARCH_MIN = 70


# --- certifications ---------------------------------------------------------------------


def cert_holds(cert: Record, on: dt.date, reviewed: str | None = None) -> bool:
    """Whether a certification surely held on that day; what the dates cannot tell counts
    as not held.

    A qualified or certified status holds from the day its record was last reviewed
    (`reviewed`) on, unless it has expired; before that day, it holds once its grant date
    is surely past. An expired or withdrawn one held between its grant and its end, when
    both are known. A date known to the month or the year is surely past only after its
    last day, and an end surely not reached only before its first day.
    """
    status = cert["status"]
    if status not in HELD and status not in ("expired", "withdrawn"):
        return False
    ends = [cert[end] for end in ("expires", "ended") if cert.get(end)]
    if status not in HELD and not ends:
        return False  # lapsed, with no date to tell until when it held
    if any(_ended(end, on) for end in ends):
        return False
    if status in HELD and reviewed and on >= dt.date.fromisoformat(reviewed):
        return True
    granted = cert.get("granted")
    return granted is not None and dates.last_day(granted) <= on


def _ended(end: str, on: dt.date) -> bool:
    """Whether a validity that ends on `end` may be over on that day: a day is the last day
    of validity; a month or a year may end anywhere inside it."""
    if dates.precision(end) == "day":
        return on > dates.first_day(end)
    return on >= dates.first_day(end)


def cert_state(cert: Record, on: dt.date, reviewed: str | None = None) -> str:
    """'held', 'pending' or 'lapsed', as of a day (see cert_holds for `reviewed`)."""
    if cert_holds(cert, on, reviewed):
        return "held"
    if cert["status"] in PENDING:
        return "pending"
    return "lapsed"


def scheme_state(provider: Record, scheme: str, on: dt.date) -> str | None:
    """The best state of any certification of that scheme: held > pending > lapsed > None."""
    reviewed = provider["last_reviewed"]
    states = {
        cert_state(c, on, reviewed) for c in provider["certifications"] if c["scheme"] == scheme
    }
    for state in ("held", "pending", "lapsed"):
        if state in states:
            return state
    return None


def as_of(record: Record, on: dt.date) -> Record:
    """A provider record as it stood that day: only the owners that held it then (an
    ownership line without dates counts as holding throughout)."""
    owners = [
        o
        for o in record["owners"]
        if not (o.get("since") and dates.first_day(o["since"]) > on)
        and not (o.get("until") and dates.last_day(o["until"]) < on)
    ]
    return {**record, "owners": owners}


def existed(record: Record, on: dt.date) -> bool:
    """Whether a provider existed (or had been announced) by that day, as far as we know."""
    return not (record.get("founded") and dates.first_day(record["founded"]) > on)


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
    as_of: dt.date | None = None


class ProviderRow(NamedTuple):
    """A provider as listed, with whether it only qualifies through a pending certification."""

    record: Record
    pending: list[str] = []


def list_providers(index: Index, flt: ProviderFilter, today: dt.date) -> list[ProviderRow]:
    """Providers matching every filter, sorted; as of `flt.as_of` when given."""
    on = flt.as_of or today
    schemes = list(
        dict.fromkeys(
            (["secnumcloud"] if flt.secnumcloud else [])
            + (["hds"] if flt.hds else [])
            + [c.lower() for c in flt.certs]
        )
    )
    countries = {c.upper() for c in flt.countries}
    # A first cut in the index: statuses that may count; the exact test follows.
    statuses = ["qualified", "certified", "expired", "withdrawn"]
    if flt.include_pending and not flt.as_of:
        statuses += list(PENDING)
    rows = []
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
        pending = []
        ok = True
        for scheme in schemes:
            state = scheme_state(record, scheme, on)
            if state == "held":
                continue
            # What is pending today says nothing of what was pending on an earlier day.
            if state == "pending" and flt.include_pending and not flt.as_of:
                pending.append(scheme)
                continue
            ok = False
            break
        if ok:
            rows.append(ProviderRow(record, pending))
    return sort_providers(rows, flt.sort)


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


def checked_text(text: str) -> str:
    """The text, or NotFoundError when it is not valid Unicode (bytes that are not UTF-8
    in a command's arguments arrive as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "replace").decode("utf-8", "replace")
        raise NotFoundError(
            "{text!r} is not valid UTF-8 text: type the name again", text=shown
        ) from None
    return text


# --- resolving a name -------------------------------------------------------------------


class Resolved(NamedTuple):
    folder: str  # "providers" or "events"
    id: str


def resolve(
    index: Index, name: str, *, folders: tuple[str, ...] = ("providers", "events")
) -> Resolved:
    """Find the one record a user means: id, then name or alias (accents and case ignored),
    then the closest fuzzy match. Several close candidates or none: NotFoundError."""
    text = checked_text(name).strip()
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
            "{text!r} names several records; use an id",
            [f"{r.id} ({r.folder[:-1]})" for r in exact],
            text=text,
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
        raise NotFoundError("nothing matches {text!r}", nearest, text=text)
    top_key, top_score = ranked[0]
    close = [r for r, s in ranked if top_score - s <= AMBIGUOUS_GAP]
    if len(close) > 1:
        raise NotFoundError(
            "{text!r} could mean several records; be more precise or use an id",
            [f"{r.id} ({labels[r]})" for r in close],
            text=text,
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
    return index.provider_names({p for e in events for p in e["providers"]})


# --- show -------------------------------------------------------------------------------


class ProviderDetail(NamedTuple):
    record: Record
    events: list[Record]  # newest first
    owned_by_links: dict[str, str]  # owner provider id -> its name
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
    ranked by how well a field matches the text: the whole text inside a field scores 100,
    all its words 95, else the fuzzy score of short fields (names, titles, actors); each
    times the field's weight. Matches under SEARCH_MIN are dropped."""
    from rapidfuzz import fuzz, process

    from sovcloud.index import SEARCH_WEIGHTS, search_value

    target = fold(checked_text(text))
    if not target:
        return []
    words = target.split()
    # The best rows holding the words, `limit` records at most: any other record scores
    # no more than the last of them this way, and comes in below through a fuzzy score if
    # that is higher.
    scored: dict[SearchRow, float] = {
        row: score for score, row in index.search_matches(words, target, limit)
    }
    if len(target) >= 3:
        texts = index.short_search_texts()
        close = process.extract(
            target, texts, scorer=fuzz.WRatio, limit=limit * 5, score_cutoff=SEARCH_MIN
        )
        similarity = {texts[i]: score for _, score, i in close}
        for row in index.search_rows_for(list(similarity)):
            score = similarity[row.folded] * SEARCH_WEIGHTS[row.field]
            if score > scored.get(row, 0):
                scored[row] = score
    # Each record's best match; between equal scores, the field listed first in
    # SEARCH_WEIGHTS, then the first item of a list.
    rank = {field: -position for position, field in enumerate(SEARCH_WEIGHTS)}
    best: dict[tuple[str, str], tuple[float, int, int, SearchRow]] = {}
    for row, score in scored.items():
        if score < SEARCH_MIN:
            continue
        key = (row.folder, row.id)
        candidate = (score, rank[row.field], -row.item, row)
        if key not in best or candidate[:3] > best[key][:3]:
            best[key] = candidate
    top = heapq.nsmallest(
        limit, best.values(), key=lambda b: (-b[0], b[3].folder != "providers", b[3].id)
    )
    ranked = [(score, row) for score, _, _, row in top]
    # Only the hits shown are decoded, for their title and matching text in `lang`.
    records = index.records_of(row.fid for _, row in ranked)
    hits = []
    for score, row in ranked:
        record = records[row.fid]
        title = record["name"] if row.folder == "providers" else record["title"]
        shown = search_value(row.folder, record, row.field, row.item)
        hits.append(
            Hit(
                row.folder,
                row.id,
                localized(title, lang),
                round(score, 1),
                row.field,
                localized(shown, lang),
            )
        )
    return hits
