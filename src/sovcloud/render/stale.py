"""What `sovcloud stale` shows, in every output format: records not reviewed for too long,
or (--entries) certification entries by the age of their evidence.

Each view wraps what stale.py computed and knows its four shapes, as the other views do.
Record text reaches the terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core.labels import scheme_name
from sovcloud.i18n import t, tn
from sovcloud.render.markup import md_table, styled
from sovcloud.stale import StaleEntry, StaleRecord

if TYPE_CHECKING:
    from rich.console import Console


Rows = tuple[list[str], list[list[str]]]


def _days(n: int, lang: str) -> str:
    return tn(n, "{n} day", "{n} days", lang)


class StaleView(NamedTuple):
    records: list[StaleRecord]
    max_age_days: int
    today: dt.date
    lang: str = "en"

    def _row(self, r: StaleRecord) -> list[str]:
        kind = t(r.folder[:-1], self.lang)
        return [r.last_reviewed, str(r.age_days), kind, f"{r.title} ({r.id})", r.path]

    def document(self) -> Any:
        return [
            {
                "kind": r.folder[:-1],
                "id": r.id,
                "title": r.title,
                "last_reviewed": r.last_reviewed,
                "age_days": r.age_days,
                "path": r.path,
            }
            for r in self.records
        ]

    def flat(self) -> Rows:
        headers = ["kind", "id", "title", "last_reviewed", "age_days", "path"]
        rows = [
            [r.folder[:-1], r.id, r.title, r.last_reviewed, str(r.age_days), r.path]
            for r in self.records
        ]
        return headers, rows

    def markdown(self) -> str:
        headers = [t(h, self.lang) for h in STALE_HEADERS]
        return md_table(headers, [self._row(r) for r in self.records])

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        lang = self.lang
        columns = [
            Column(t("Last reviewed", lang), wrap=False),
            Column(t("Days", lang), wrap=False),
            Column(t("Kind", lang), wrap=False),
            Column(t("Record", lang), max_width=70),
            Column(t("File", lang), max_width=50),
        ]
        rows = [
            [
                (r.last_reviewed, ""),
                (str(r.age_days), "red" if r.age_days > 2 * self.max_age_days else "yellow"),
                (t(r.folder[:-1], lang), "dim"),
                (f"{r.title}\n{r.id}", ""),
                (r.path, "dim"),
            ]
            for r in self.records
        ]
        if rows:
            print_lines(console, table_lines(columns, rows, console.width))
        n = len(self.records)
        note = tn(
            n,
            "{n} records not reviewed for more than {age} (on {day})",
            "{n} records not reviewed for more than {age} (on {day})",
            lang,
            age=_days(self.max_age_days, lang),
            day=self.today,
        )
        if self.records:
            note += tn(
                n,
                ": check each against its sources, then update last_reviewed",
                ": check each against its sources, then update last_reviewed",
                lang,
            )
        console.print(styled(note, "dim"))


STALE_HEADERS = ("Last reviewed", "Days", "Kind", "Record", "File")
STALE_ENTRY_HEADERS = ("Evidence of", "Days", "Type", "Checked", "Provider", "Entry", "Now", "File")


class StaleEntriesView(NamedTuple):
    """Certification entries by the age of their evidence, oldest first."""

    entries: list[StaleEntry]
    max_age_days: int
    today: dt.date
    lang: str = "en"

    def _row(self, e: StaleEntry) -> list[str]:
        lang = self.lang
        return [
            e.standing.evidence_date or "-",
            "-" if e.age_days is None else str(e.age_days),
            t(e.standing.evidence, lang) if e.standing.evidence else "-",
            e.checked or t("never", lang),
            f"{e.name} ({e.provider})",
            f"{scheme_name(e.scheme)} #{e.position}",
            t(e.standing.state, lang),
            e.path,
        ]

    def _flat_row(self, e: StaleEntry) -> list[str]:
        """The row with codes rather than words, for programs."""
        row = self._row(e)
        row[2], row[3], row[6] = e.standing.evidence or "-", e.checked or "never", e.standing.state
        return row

    def document(self) -> Any:
        return [
            {
                "provider": e.provider,
                "position": e.position,
                "scheme": e.scheme,
                "evidence": e.standing.evidence,
                "evidence_date": e.standing.evidence_date,
                "age_days": e.age_days,
                "checked": e.checked,
                "state": e.standing.state,
                "path": e.path,
            }
            for e in self.entries
        ]

    def flat(self) -> Rows:
        headers = [
            "evidence_date",
            "age_days",
            "evidence",
            "checked",
            "provider",
            "entry",
            "state",
            "path",
        ]
        return headers, [self._flat_row(e) for e in self.entries]

    def markdown(self) -> str:
        headers = [t(h, self.lang) for h in STALE_ENTRY_HEADERS]
        return md_table(headers, [self._row(e) for e in self.entries])

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        columns = [Column(t(h, self.lang), max_width=40) for h in STALE_ENTRY_HEADERS]
        rows = [[(cell, "") for cell in self._row(e)] for e in self.entries]
        if rows:
            print_lines(console, table_lines(columns, rows, console.width))
        note = tn(
            len(self.entries),
            "{n} certification entry whose newest source is older than {age}, or never "
            "checked (on {day}); check it against its register and set `checked`.",
            "{n} certification entries whose newest source is older than {age}, or never "
            "checked (on {day}); check each against its register and set `checked`.",
            self.lang,
            age=_days(self.max_age_days, self.lang),
            day=self.today,
        )
        console.print(styled(note, "dim"))
