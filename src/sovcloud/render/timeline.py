"""`sovcloud timeline`: events in date order, grouped by year; and an event's CSV row,
which `show EVENT` gives too."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core.labels import date_label, source_label
from sovcloud.i18n import localized, tn
from sovcloud.render.markup import NARROW, Record, Rows, md, styled
from sovcloud.render.sources import md_sources, ordered_sources

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Cell, Column

YearRows = list[tuple[str, list[list["Cell"]]]]  # each year and its events' rows


def event_flat_rows(events: list[Record], names: dict[str, str], lang: str) -> Rows:
    headers = [
        "id",
        "date",
        "status",
        "kind",
        "title",
        "providers",
        "actors",
        "tags",
        "summary",
        "sources",
    ]
    rows = [
        [
            e["id"],
            e["date"],
            e["status"],
            e["kind"],
            localized(e["title"], lang),
            "; ".join(names.get(p, p) for p in e["providers"]),
            "; ".join(e["actors"]),
            "; ".join(e["tags"]),
            localized(e["summary"], lang),
            "; ".join(s.get("url") or source_label(s) for s in e["sources"]),
        ]
        for e in events
    ]
    return headers, rows


class TimelineView(NamedTuple):
    events: list[Record]
    provider_names: dict[str, str]
    lang: str = "en"

    def document(self) -> Any:
        return self.events

    def flat(self) -> Rows:
        return event_flat_rows(self.events, self.provider_names, self.lang)

    def _by_year(self) -> list[tuple[str, list[Record]]]:
        groups: list[tuple[str, list[Record]]] = []
        for e in self.events:
            year = e["date"][:4]
            if not groups or groups[-1][0] != year:
                groups.append((year, []))
            groups[-1][1].append(e)
        return groups

    def _providers(self, e: Record) -> str:
        return ", ".join(self.provider_names.get(p, p) for p in e["providers"])

    def markdown(self) -> str:
        """What a reporter pastes: per event its date, title, who, summary, note and
        numbered sources with their links, most authoritative first."""
        out = []
        for year, events in self._by_year():
            out += [f"## {year}", ""]
            for e in events:
                who = f" ({md(self._providers(e))})" if e["providers"] else ""
                out += [
                    f"### {md(date_label(e['date'], e['status'], self.lang))}: "
                    f"{md(localized(e['title'], self.lang))}",
                    "",
                    f"`{e['id']}`{who}",
                    "",
                    md(localized(e["summary"], self.lang)),
                    "",
                ]
                if e.get("note"):
                    out += [f"*{md(localized(e['note'], self.lang))}*", ""]
                out += [*md_sources(ordered_sources(e["sources"])), ""]
        return "\n".join(out) + ("\n" if out else "")

    def _columns(self, narrow: bool) -> list[Column]:
        """Date, kind, event; a narrow terminal puts the providers under the event."""
        from sovcloud.render.grid import Column

        columns = [
            Column("date", wrap=False),
            Column("kind", wrap=False),
            Column("event", max_width=90),
        ]
        if not narrow:
            columns.append(Column("providers", max_width=40))
        return columns

    def _row(self, e: Record, narrow: bool) -> list[Cell]:
        style = "italic yellow" if e["status"] == "expected" else ""
        title = f"{localized(e['title'], self.lang)}\n{e['id']}"
        if narrow and e["providers"]:
            title += f"\n{self._providers(e)}"
        row = [
            (date_label(e["date"], e["status"], self.lang), style),
            (e["kind"], "dim"),
            (title, style),
        ]
        if not narrow:
            row.append((self._providers(e), "cyan"))
        return row

    def _count_line(self) -> str:
        """'12 events, 2 expected (not yet happened)'."""
        expected = sum(1 for e in self.events if e["status"] == "expected")
        return tn(len(self.events), "{n} event", "{n} events", self.lang) + (
            ", "
            + tn(
                expected,
                "{n} expected (not yet happened)",
                "{n} expected (not yet happened)",
                self.lang,
            )
            if expected
            else ""
        )

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import fit_widths

        narrow = console.width < NARROW
        by_year: YearRows = [
            (year, [self._row(e, narrow) for e in events]) for year, events in self._by_year()
        ]
        all_rows = [r for _, rows in by_year for r in rows]
        widths = fit_widths(self._columns(narrow), all_rows, console.width)
        _print_years(console, by_year, widths)
        console.print(styled(self._count_line(), "dim"))


def _print_years(console: Console, by_year: YearRows, widths: list[int]) -> None:
    """The rows under a rule per year: plain text straight out when there is no colour."""
    from sovcloud.render.grid import Line, is_plain, print_lines, row_lines, row_text, write_plain

    if is_plain(console):
        text: list[str] = []
        for year, rows in by_year:
            text.append(f"── {year} ──")
            for row in rows:
                text.extend(row_text(row, widths))
        write_plain(console, text)
    else:
        lines: list[Line] = []
        for year, rows in by_year:
            lines.append([(f"── {year} ──", "bold")])
            for row in rows:
                lines.extend(row_lines(row, widths))
        print_lines(console, lines)
