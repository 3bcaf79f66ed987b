"""What `sovcloud search` asks of the index: the records holding every word, ranked in
SQL, and the short texts the fuzzy pass scores. A part of Index (serve.py), kept apart."""

from __future__ import annotations

import sqlite3
from typing import Any, NamedTuple

from sovcloud.index.store import SEARCH_ROWS


class SearchRow(NamedTuple):
    """A search row with its record's file, folder and id; `field` and `item` say which text
    of the record it holds (see search_fields)."""

    path: str
    folder: str
    id: str
    fid: int
    field: str
    item: int
    folded: str


# More distinct words than a text of 10,000 characters (the longest a record holds) can hold.
MAX_SEARCH_WORDS = 5000


def _all_of(terms: list[str]) -> str:
    """`terms` joined by AND as a balanced tree: SQLite refuses an expression nested more
    than 1,000 deep, which a plain chain of a thousand words is."""
    if len(terms) == 1:
        return terms[0]
    half = len(terms) // 2
    return f"({_all_of(terms[:half])} AND {_all_of(terms[half:])})"


class Searching:
    """The search questions of an Index."""

    conn: sqlite3.Connection
    last_match_count: int

    def search_matches(
        self, words: list[str], target: str, limit: int
    ) -> list[tuple[float, SearchRow]]:
        """The `limit` best records among those with a text holding every word, each with
        its best such row and that row's score: 100 when the text holds `target` whole,
        else 95, times the field's weight (SEARCH_WEIGHTS, whose order breaks ties).

        Scored and ranked in SQL: a broad search ("provider") matches hundreds of
        thousands of texts at scale, too many to bring into Python."""
        words = list(dict.fromkeys(words))
        if len(words) > MAX_SEARCH_WORDS:
            return []  # no stored text is long enough to hold them all
        from sovcloud.index.rows import SEARCH_WEIGHTS

        weight = " ".join(f"WHEN '{f}' THEN {w!r}" for f, w in SEARCH_WEIGHTS.items())
        rank = " ".join(f"WHEN '{f}' THEN {n}" for n, f in enumerate(SEARCH_WEIGHTS))
        holds = _all_of(["instr(s.folded, ?) > 0"] * len(words))
        # Per file, the row with the highest score, then rank, then first item: with a
        # single max(), SQLite takes the other columns from the row that has it. Distinct
        # scores differ by at least 0.25, far more than rank and item can weigh.
        sql = f"""
            SELECT f.path, f.folder, f.id, b.fid, b.field, b.item, b.folded, b.score,
                count(*) OVER () FROM (
                SELECT fid, field, item, folded, score,
                    max(score * 1000000 - rank * 1000 - min(item, 999))
                FROM (
                    SELECT s.fid, s.field, s.item, s.folded,
                        (CASE WHEN instr(s.folded, ?) > 0 THEN 100.0 ELSE 95.0 END)
                            * (CASE s.field {weight} END) AS score,
                        (CASE s.field {rank} END) AS rank
                    FROM search s WHERE {holds})
                GROUP BY fid) b
            JOIN files f ON f.fid = b.fid
            ORDER BY b.score DESC, f.folder != 'providers', f.date_first DESC, f.id LIMIT ?"""
        rows = self.conn.execute(sql, [target, *words, limit]).fetchall()
        self.last_match_count = rows[0][8] if rows else 0
        return [(row[7], SearchRow._make(row[:7])) for row in rows]

    def search_rows_for(self, folded: list[str]) -> list[SearchRow]:
        """Search rows of short fields (not summaries, notes or ids) with exactly these folded
        texts."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(folded), 500):
            chunk = folded[start : start + 500]
            rows += self.conn.execute(
                f"{SEARCH_ROWS} WHERE s.field NOT IN ('summary', 'note', 'id') AND s.folded IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return self._serve_rows(rows)

    def short_search_texts(self, longest: int = 80) -> list[str]:
        """The distinct short folded texts of short fields (names, titles, actors...), for
        fuzzy matching. Ids are left out: each is its record's name or title written as a
        slug, which the fuzzy score already sees, and at scale they were a third of the
        texts to score (an id is still found by the words it holds, in search_matches)."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT folded FROM search WHERE field NOT IN ('summary', 'note', "
                "'id') AND length(folded) <= ?",  # as search_folded's own condition
                (longest,),
            )
        ]

    def _serve_rows(self, rows: list[tuple[Any, ...]]) -> list[SearchRow]:
        # Not served: the records shown are, through records_of. A broad search matches
        # most files, and checking each of them would cost more than the search.
        return [SearchRow._make(row) for row in rows]
