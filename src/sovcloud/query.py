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
from sovcloud.core import certs
from sovcloud.core.text import fold, id_named
from sovcloud.errors import NotFoundError
from sovcloud.i18n import localized
from sovcloud.index import Index, SearchRow

Record = dict[str, Any]

# Fuzzy scores (0-100): below FUZZY_MIN nothing is close; two candidates within
# AMBIGUOUS_GAP of each other are too close to choose between.
FUZZY_MIN = 75
AMBIGUOUS_GAP = 4
# search: weighted scores below this are not matches.
SEARCH_MIN = 70


# --- certifications ---------------------------------------------------------------------
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
    folder: str  # "providers", "events" or "schemes"
    id: str


def resolve(
    index: Index, name: str, *, folders: tuple[str, ...] = ("providers", "events", "schemes")
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
        weight = score if folder != "events" else score - 8
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


# --- show -------------------------------------------------------------------------------


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


# --- search -----------------------------------------------------------------------------


class Hit(NamedTuple):
    folder: str
    id: str
    title: str
    score: float
    field: str  # which field matched
    excerpt: str  # the matching text, around the match


class SearchResult(NamedTuple):
    hits: list[Hit]
    total: int  # records matching, of which `hits` are the best


EXCERPT = 120  # characters of a long field shown around the match


def excerpt(text: str, words: list[str]) -> str:
    """The part of a long text around the first word found, marked as cut with '…'."""
    if len(text) <= EXCERPT:
        return text
    folded = fold(text)
    at = min((folded.find(w) for w in words if w in folded), default=0)
    start = max(0, at - EXCERPT // 3)
    if start and " " in text[start : start + 20]:
        start = text.index(" ", start) + 1
    end = min(len(text), start + EXCERPT)
    if end < len(text) and " " in text[start:end]:
        end = text.rindex(" ", start, end)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def search(index: Index, text: str, *, limit: int = 20, lang: str = "en") -> SearchResult:
    """Providers (names, aliases, owners, offers) and events (titles, summaries, actors)
    ranked by how well a field matches the text: the whole text inside a field scores 100,
    all its words 95, else the fuzzy score of short fields (names, titles, actors); each
    times the field's weight. Matches under SEARCH_MIN are dropped."""
    from rapidfuzz import fuzz, process

    from sovcloud.index import SEARCH_WEIGHTS, search_value

    target = fold(checked_text(text))
    if not target:
        return SearchResult([], 0)
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

    def order(b: tuple[float, int, int, SearchRow]) -> tuple[Any, ...]:
        # Between equal scores: providers first, then events newest first (their ids start
        # with their date), then by id.
        row = b[3]
        newest = tuple(-ord(c) for c in row.id) if row.folder == "events" else ()
        return (-b[0], row.folder != "providers", newest, row.id)

    total = max(index.last_match_count, len(best))
    top = heapq.nsmallest(limit, best.values(), key=order)
    ranked = [(score, row) for score, _, _, row in top]
    # Only the hits shown are decoded, for their title and matching text in `lang`.
    records = index.records_of(row.fid for _, row in ranked)
    hits = []
    for score, row in ranked:
        record = records[row.fid]
        title = record.get("title") or record.get("name") or record.get("label")
        shown = localized(search_value(row.folder, record, row.field, row.item), lang)
        hits.append(
            Hit(
                row.folder,
                row.id,
                localized(title, lang),
                round(score, 1),
                row.field,
                excerpt(shown, words),
            )
        )
    return SearchResult(hits, total)
