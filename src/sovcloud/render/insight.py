"""What assess, match, changes and stale show, in every output format.

Each view wraps what insight.py computed and knows its four shapes, as render/views.py's do:
the JSON document (also YAML), flat rows (CSV), Markdown, and lines for people. Record text
reaches the terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core.labels import scheme_name, source_label
from sovcloud.i18n import t, tn
from sovcloud.insight import (
    CHANGE_GROUPS,
    MET,
    NOT_MET,
    RULES_INTRO,
    UNKNOWN,
    Assessment,
    Candidate,
    Change,
    Fact,
    MatchResult,
    Rule,
    StaleEntry,
    StaleRecord,
    rules_in,
)
from sovcloud.render.grid import LINK
from sovcloud.render.terminal import plain
from sovcloud.render.views import md, md_table, styled

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

Record = dict[str, Any]
Rows = tuple[list[str], list[list[str]]]

STATUS_SHOWN = {MET: "met", NOT_MET: "not met", UNKNOWN: "unknown"}
STATUS_STYLES = {MET: "green", NOT_MET: "red", UNKNOWN: "yellow"}
NEED_STYLES = {"met": "green", "pending": "yellow", "unknown": "yellow", "missing": "red"}
# Sources shown under one change in a table; the rest are in `sovcloud show`.
SOURCES_SHOWN = 3
MARKDOWN_WIDTH = 95  # the README's line length


def _source_text(source: Record, lang: str = "en") -> str:
    """One source on one line: label, then its link."""
    url = f" {source['url']}" if source.get("url") else ""
    return source_label(source, lang) + url


def _source_md(source: Record, lang: str) -> str:
    url = f" <{plain(source['url'])}>" if source.get("url") else ""
    return md(source_label(source, lang)) + url


def _source_key(source: Record) -> tuple[str, ...]:
    return tuple(str(source.get(k, "")) for k in ("publisher", "title", "date", "url"))


class Numbered(NamedTuple):
    """Sources numbered once for a whole answer, in order of first citation."""

    sources: list[Record]
    numbers: dict[tuple[str, ...], int]

    @classmethod
    def of(cls, facts: list[Fact]) -> Numbered:
        sources: list[Record] = []
        numbers: dict[tuple[str, ...], int] = {}
        for fact in facts:
            for source in fact.sources:
                key = _source_key(source)
                if key not in numbers:
                    sources.append(source)
                    numbers[key] = len(sources)
        return cls(sources, numbers)

    def marks(self, fact: Fact) -> str:
        """'[1][3-5]': the fact's sources, runs of numbers shortened."""
        found = sorted({self.numbers[_source_key(s)] for s in fact.sources})
        runs: list[list[int]] = []
        for n in found:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        return "".join(f"[{r[0]}]" if len(r) == 1 else f"[{r[0]}-{r[-1]}]" for r in runs)


def _sources_block(sources: list[Record], width: int, lang: str) -> list[Line]:
    from sovcloud.render.grid import paragraph

    out: list[Line] = []
    for i, s in enumerate(sources, 1):
        out += paragraph(f"[{i}] {source_label(s, lang)}", "", width, indent="  ", hang="      ")
        if s.get("url"):
            out.append([("      ", ""), (s["url"], LINK)])
    return out


# --- assess ---------------------------------------------------------------------------------


def _status(status: str, lang: str) -> str:
    """'met', 'not met' or 'unknown', in `lang`."""
    return t(STATUS_SHOWN[status], lang)


class AssessView(NamedTuple):
    assessment: Assessment  # its titles and facts already in `lang`
    lang: str = "en"

    def _facts(self) -> list[Fact]:
        return [f for c in self.assessment.criteria for f in c.verdict.facts]

    def _count(self) -> str:
        statuses = [c.verdict.status for c in self.assessment.criteria]
        counted = {MET: "{n} met", NOT_MET: "{n} not met", UNKNOWN: "{n} unknown"}
        return ", ".join(
            tn(statuses.count(s), text, text, self.lang) for s, text in counted.items()
        )

    def document(self) -> Any:
        a = self.assessment
        r = a.record
        return {
            "provider": {"id": r["id"], "name": r["name"], "country": r["country"]},
            "on": a.on.isoformat(),
            "as_of": a.as_of.isoformat() if a.as_of else None,
            "criteria": [
                {
                    "id": c.rule.id,
                    "title": c.rule.title,
                    "status": c.verdict.status,
                    "facts": [{"text": f.text, "sources": f.sources} for f in c.verdict.facts],
                }
                for c in a.criteria
            ],
            "notes": a.notes,
        }

    def flat(self) -> Rows:
        headers = ["provider", "on", "criterion", "title", "status", "facts", "sources"]
        a = self.assessment
        rows = [
            [
                a.record["id"],
                a.on.isoformat(),
                c.rule.id,
                c.rule.title,
                c.verdict.status,
                "; ".join(f.text for f in c.verdict.facts),
                "; ".join(
                    dict.fromkeys(
                        _source_text(s, self.lang) for f in c.verdict.facts for s in f.sources
                    )
                ),
            ]
            for c in a.criteria
        ]
        return headers, rows

    def markdown(self) -> str:
        a = self.assessment
        r = a.record
        lang = self.lang
        numbered = Numbered.of(self._facts())
        out = [t("# Sovereignty profile: {name} ({id})", lang, name=md(r["name"]), id=md(r["id"]))]
        out += [
            "",
            t(
                "On {day}; {count}. The rules: `sovcloud assess --rules`.",
                lang,
                day=a.on,
                count=self._count(),
            ),
            "",
        ]
        out += [md(note) for note in a.notes] + ([""] if a.notes else [])
        out += [
            md_table(
                [t("Criterion", lang), t("Answer", lang)],
                [[c.rule.title, _status(c.verdict.status, lang)] for c in a.criteria],
            )
        ]
        for c in a.criteria:
            status = _status(c.verdict.status, lang)
            out += [t("## {title}: {status}", lang, title=md(c.rule.title), status=status), ""]
            for fact in c.verdict.facts:
                marks = numbered.marks(fact)
                out.append(f"- {md(fact.text)}" + (f" {md(marks)}" if marks else ""))
            out.append("")
        if numbered.sources:
            out += [f"## {t('Sources', lang)}", ""]
            out += [f"{i}. {_source_md(s, lang)}" for i, s in enumerate(numbered.sources, 1)]
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        a = self.assessment
        r = a.record
        lang = self.lang
        width = console.width
        numbered = Numbered.of(self._facts())
        out: list[Line] = [
            [
                (r["name"], "bold"),
                (f"  ({r['id']})", "dim"),
                (t("  sovereignty profile on {day}", lang, day=a.on), ""),
            ]
        ]
        for note in a.notes:
            out += paragraph(note, "italic", width)
        pad = max(len(_status(s, lang)) for s in STATUS_SHOWN) + 2
        for c in a.criteria:
            status = c.verdict.status
            # The title wraps under itself; the rule's id follows it where it fits.
            head = paragraph(c.rule.title, "bold", width, indent=" " * pad, hang=" " * pad)
            head[0][0] = (_status(status, lang).upper().ljust(pad), f"bold {STATUS_STYLES[status]}")
            rule_id = f"  ({c.rule.id})"
            if sum(len(text) for text, _ in head[-1]) + len(rule_id) <= width:
                head[-1].append((rule_id, "dim"))
            else:
                head.append([(" " * pad, ""), (rule_id.strip(), "dim")])
            out += [[], *head]
            for fact in c.verdict.facts:
                marks = numbered.marks(fact)
                text = fact.text + (f" {marks}" if marks else "")
                out += paragraph(text, "", width, indent=" " * pad, hang=" " * (pad + 2))
        if numbered.sources:
            out += [[], [(t("Sources", lang), "bold underline")]]
            out += _sources_block(numbered.sources, width, lang)
        footer = t(
            "{count}. How each is decided: sovcloud assess --rules", lang, count=self._count()
        )
        out += [[], [(footer, "dim")]]
        print_lines(console, out)


class RulesView(NamedTuple):
    """The rules of assess: `sovcloud assess --rules`, and the README section (in English)."""

    lang: str = "en"

    @property
    def rules(self) -> tuple[Rule, ...]:
        return rules_in(self.lang)

    @property
    def intro(self) -> str:
        return t(RULES_INTRO, self.lang)

    def document(self) -> Any:
        return [
            {
                "id": rule.id,
                "title": rule.title,
                "explanation": rule.explanation,
                "references": [ref._asdict() for ref in rule.references],
            }
            for rule in self.rules
        ]

    def flat(self) -> Rows:
        headers = ["id", "title", "explanation", "references"]
        rows = [
            [
                rule.id,
                rule.title,
                rule.explanation,
                "; ".join(f"{x.publisher}, {x.title}, {x.date} {x.url}" for x in rule.references),
            ]
            for rule in self.rules
        ]
        return headers, rows

    def markdown(self) -> str:
        """The README's section "How `assess` decides", generated from the rules table and
        wrapped as the README is."""
        from textwrap import fill

        def wrapped(text: str, indent: str = "") -> str:
            return fill(
                text,
                MARKDOWN_WIDTH,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )

        out = [f"## {t('How `assess` decides', self.lang)}", "", wrapped(self.intro), ""]
        for rule in self.rules:
            out += [f"### {rule.title} (`{rule.id}`)", "", wrapped(rule.explanation), ""]
            if rule.references:
                out += [t("References:", self.lang), ""]
                out += [
                    wrapped(f'- {x.publisher}, "{x.title}", {x.date}: {x.note}. <{x.url}>', "  ")
                    for x in rule.references
                ]
                out.append("")
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        width = console.width
        out: list[Line] = paragraph(self.intro, "", width)
        for rule in self.rules:
            out += [[], [(rule.title, "bold"), (f"  ({rule.id})", "dim")]]
            out += paragraph(rule.explanation, "", width, indent="  ", hang="  ")
            for x in rule.references:
                out += paragraph(
                    f'{x.publisher}, "{x.title}", {x.date}: {x.note}.',
                    "dim",
                    width,
                    indent="  - ",
                    hang="    ",
                )
                out.append([("    ", ""), (x.url, LINK)])
        print_lines(console, out)


# --- match ----------------------------------------------------------------------------------


class MatchView(NamedTuple):
    result: MatchResult  # what each lacks already in `lang`
    lang: str = "en"

    def _candidates(self) -> list[Candidate]:
        return self.result.candidates

    def document(self) -> Any:
        return [
            {
                "rank": rank,
                "id": c.record["id"],
                "name": c.record["name"],
                "country": c.record["country"],
                "meets_all": c.meets_all,
                "lacks": [n.text for n in c.lacks],
                "needs": [n._asdict() for n in c.needs],
            }
            for rank, c in enumerate(self._candidates(), 1)
        ]

    def flat(self) -> Rows:
        headers = ["rank", "id", "name", "country", "meets_all", "has", "lacks"]
        rows = [
            [
                str(rank),
                c.record["id"],
                c.record["name"],
                c.record["country"],
                "yes" if c.meets_all else "no",
                "; ".join(n.text for n in c.needs if n.state == "met"),
                "; ".join(n.text for n in c.lacks),
            ]
            for rank, c in enumerate(self._candidates(), 1)
        ]
        return headers, rows

    def markdown(self) -> str:
        headers = ["#", *(t(h, self.lang) for h in ("Provider", "Country", "Has", "Lacks"))]
        rows = [
            [
                str(rank),
                f"{c.record['name']} ({c.record['id']})",
                c.record["country"],
                "; ".join(n.text for n in c.needs if n.state == "met") or "-",
                "; ".join(n.text for n in c.lacks) or t("nothing", self.lang),
            ]
            for rank, c in enumerate(self._candidates(), 1)
        ]
        return md_table(headers, rows)

    def _footer(self) -> str:
        result, lang = self.result, self.lang
        full = sum(1 for c in result.candidates if c.meets_all)
        near = len(result.candidates) - full
        text = (
            tn(full, "{n} meet every requirement", "{n} meet every requirement", lang)
            + ", "
            + tn(near, "{n} near miss", "{n} near misses", lang)
            + t(" (on {day})", lang, day=result.on)
        )
        if result.more_near_misses:
            text += tn(
                result.more_near_misses,
                "; {n} more near misses not listed (--all lists them)",
                "; {n} more near misses not listed (--all lists them)",
                lang,
            )
        if result.left_out:
            text += tn(
                result.left_out,
                "; {n} providers with nothing toward any requirement not listed (--all lists them)",
                "; {n} providers with nothing toward any requirement not listed (--all lists them)",
                lang,
            )
        services = result.tender.services
        if len(services) > 1:
            text += t(
                ". Services: an offer of every one of {services}"
                if result.tender.all_services
                else ". Services: an offer of any of {services}",
                lang,
                services=", ".join(services),
            )
        return text

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        lang = self.lang
        columns = [
            Column("#", wrap=False),
            Column(t("Provider", lang), max_width=28),
            Column(t("Ctry", lang), wrap=False),
            Column(t("Has", lang), max_width=50),
            Column(t("Lacks", lang), max_width=60),
        ]
        rows = []
        for rank, c in enumerate(self._candidates(), 1):
            has = "\n".join(n.text for n in c.needs if n.state == "met")
            lacks = "\n".join(n.text for n in c.lacks)
            worst = "missing" if any(n.state == "missing" for n in c.lacks) else "pending"
            rows.append(
                [
                    (str(rank), ""),
                    (f"{c.record['name']}\n{c.record['id']}", "bold" if c.meets_all else ""),
                    (c.record["country"], ""),
                    (has or "-", "green" if has else "dim"),
                    (lacks or t("nothing", lang), NEED_STYLES[worst] if lacks else "green"),
                ]
            )
        print_lines(console, table_lines(columns, rows, console.width))
        console.print(styled(self._footer(), "dim"))


# --- changes --------------------------------------------------------------------------------


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
                "; ".join(_source_text(s, self.lang) for s in c.sources),
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
                out += [f"  - {_source_md(s, self.lang)}" for s in c.sources]
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
                        _source_text(s, lang),
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
