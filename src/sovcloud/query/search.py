"""Full-text search over providers and events, ranked (`sovcloud search`); rapidfuzz is
loaded only when a search runs.
"""

from __future__ import annotations

import heapq
from typing import Any, NamedTuple

from sovcloud.core.text import fold
from sovcloud.i18n import localized
from sovcloud.index import Index, SearchRow
from sovcloud.query.resolve import checked_text

# search: weighted scores below this are not matches.
SEARCH_MIN = 70


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
