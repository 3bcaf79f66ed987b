"""What `sovcloud changes` shows, in every output format: the changes grouped by kind, each
with its date and sources.

ChangesView wraps what changes.py computed and knows its four shapes, as the other views
do. Record text reaches the terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.changes import CHANGE_GROUPS, Change
from sovcloud.i18n import t, tn
from sovcloud.render.facts import source_md, source_text
from sovcloud.render.markup import md, styled
from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

Rows = tuple[list[str], list[list[str]]]

# Sources shown under one change in a table; the rest are in `sovcloud show`.
SOURCES_SHOWN = 3


def _group_title(change: Change, lang: str) -> str:
    title = t(CHANGE_GROUPS[change.group], lang)
    if change.group == "event":
        return t("{title}: {kind}", lang, title=title, kind=t(change.kind, lang))
    return title


def _date(change: Change, lang: str) -> str:
    return change.date + ("" if change.status == "happened" else f" ({t(change.status, lang)})")


class ChangesView(NamedTuple):
    changes: list[Change]  # their titles already in `lang`
    provider_names: dict[str, str]
    since: str
    until: str | None
    lang: str = "en"
    history_missing: str | None = None  # why the data's history could not be read

    def _history_note(self) -> str | None:
        """One line, when what the catalogue learnt from its history cannot be said."""
        if self.history_missing is None:
            return None
        return t(
            "Records added or changed: unknown, {why}.",
            self.lang,
            why=t(self.history_missing, self.lang),
        )

    def _groups(self) -> list[tuple[str, list[Change]]]:
        groups: list[tuple[str, list[Change]]] = []
        for change in self.changes:
            title = _group_title(change, self.lang)
            if not groups or groups[-1][0] != title:
                groups.append((title, []))
            groups[-1][1].append(change)
        return groups

    def _providers(self, change: Change) -> str:
        return ", ".join(self.provider_names.get(p, p) for p in change.providers)

    def _count(self) -> str:
        n, lang = len(self.changes), self.lang
        if self.until:
            one, other = "{n} change from {since} to {until}", "{n} changes from {since} to {until}"
            return tn(n, one, other, lang, since=self.since, until=self.until)
        return tn(n, "{n} change from {since}", "{n} changes from {since}", lang, since=self.since)

    def document(self) -> Any:
        return [c._asdict() for c in self.changes]

    def flat(self) -> Rows:
        headers = ["group", "kind", "date", "status", "providers", "title", "ref", "sources"]
        rows = [
            [
                c.group,
                c.kind,
                c.date,
                c.status,
                "; ".join(c.providers),
                c.title,
                c.ref,
                "; ".join(source_text(s, self.lang) for s in c.sources),
            ]
            for c in self.changes
        ]
        return headers, rows

    def markdown(self) -> str:
        out = []
        for title, changes in self._groups():
            out += [f"## {md(title)}", ""]
            for c in changes:
                line = f"- **{md(_date(c, self.lang))}** {md(c.title)} `{plain(c.ref)}`"
                if c.group == "event" and c.providers:
                    line += f" ({md(self._providers(c))})"
                out.append(line)
                out += [f"  - {source_md(s, self.lang)}" for s in c.sources]
            out.append("")
        note = self._history_note()
        if note:
            out += [md(note), ""]
        return "\n".join(out).rstrip("\n") + ("\n" if out else "")

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import linked, paragraph, print_lines

        width, lang = console.width, self.lang
        out: list[Line] = []
        for title, changes in self._groups():
            out += [[(title, "bold underline")]] if not out else [[], [(title, "bold underline")]]
            pad = max(len(_date(c, lang)) for c in changes) + 2
            for c in changes:
                style = "" if c.status == "happened" else "italic yellow"
                text = c.title
                if c.group == "event" and c.providers:
                    text += f" ({self._providers(c)})"
                lines = paragraph(text, style, width - pad, indent="", hang="")
                lines[0][0] = (_date(c, lang).ljust(pad), style)
                for line in lines[1:]:
                    line[0] = (" " * pad, "")
                out += lines
                for s in c.sources[:SOURCES_SHOWN]:
                    shown = paragraph(
                        source_text(s, lang),
                        "dim",
                        width,
                        indent=" " * (pad + 2),
                        hang=" " * (pad + 4),
                    )
                    out += linked(shown, s.get("url") or "")
                if len(c.sources) > SOURCES_SHOWN:
                    more = tn(
                        len(c.sources) - SOURCES_SHOWN,
                        "and {n} more: sovcloud show {ref}",
                        "and {n} more: sovcloud show {ref}",
                        lang,
                        ref=c.ref,
                    )
                    out.append([(" " * (pad + 2), ""), (more, "dim")])
        note = self._history_note()
        if note:
            out += [[], *paragraph(note, "dim", width)]
        print_lines(console, out)
        console.print(styled(self._count(), "dim"))


# --- stale ----------------------------------------------------------------------------------
