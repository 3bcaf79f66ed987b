"""`sovcloud search`: the best matches, each with the field it matched in."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.i18n import t
from sovcloud.query import Hit
from sovcloud.render.markup import Rows, md_table, styled

if TYPE_CHECKING:
    from rich.console import Console


class SearchView(NamedTuple):
    hits: list[Hit]
    lang: str = "en"
    total: int | None = None  # records matching, of which `hits` are the best

    def document(self) -> Any:
        return [
            {
                "kind": h.folder[:-1],
                "id": h.id,
                "title": h.title,
                "score": h.score,
                "field": h.field,
                "match": h.excerpt,
            }
            for h in self.hits
        ]

    def flat(self) -> Rows:
        headers = ["kind", "id", "title", "score", "field", "match"]
        return headers, [
            [h.folder[:-1], h.id, h.title, f"{h.score:g}", h.field, h.excerpt] for h in self.hits
        ]

    def markdown(self) -> str:
        headers, rows = self.flat()
        return md_table(headers, rows)

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        columns = [
            Column(t("Score", self.lang), wrap=False),
            Column(t("Kind", self.lang), wrap=False),
            Column(t("Match", self.lang), max_width=40),
            Column(t("Why", self.lang), max_width=70),
        ]
        rows = []
        for h in self.hits:
            # A match in the name or title shown beside it is not repeated.
            why = h.field if h.excerpt in (h.title, h.id) else f"{h.field}: {h.excerpt}"
            rows.append(
                [
                    (f"{h.score:g}", ""),
                    (t(h.folder[:-1], self.lang), ""),
                    (f"{h.title}\n{h.id}", ""),
                    (why, ""),
                ]
            )
        print_lines(console, table_lines(columns, rows, console.width))
        console.print(styled(self.count_line(), "dim"))

    def count_line(self) -> str:
        """'20 of 53 matches: --limit 53 shows them all', or '7 matches'."""
        shown = len(self.hits)
        total = self.total if self.total is not None else shown
        if total > shown:
            return (
                f"{shown} {t('of', self.lang)} {total} {t('matches', self.lang)}: "
                f"--limit {total} {t('shows them all', self.lang)}"
            )
        return f"{shown} {t('matches', self.lang)}"
