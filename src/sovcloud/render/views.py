"""What each command shows, in every output format.

A view wraps a query's result and knows four shapes of it: the JSON document (also used for
YAML), flat rows (CSV), Markdown, and Rich renderables for people. output.py picks one by
the --format option. Record text reaches Rich only as `Text`, never as markup.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.core import certs, schemes, shape
from sovcloud.core.labels import (
    STATE_STYLES,
    STATUS_WORDS,
    cert_label,
    date_label,
    license_label,
    owner_label,
    ownership_label,
    reason_words,
    scheme_name,
    source_label,
)
from sovcloud.i18n import localized, t, tn
from sovcloud.query import EventDetail, Hit, ProviderDetail, ProviderRow
from sovcloud.render.grid import LINK
from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

    from sovcloud.coverage import Coverage

Record = dict[str, Any]
Rows = tuple[list[str], list[list[str]]]
MAIN_SCHEMES = schemes.MAIN_SCHEMES
NARROW = 100  # below this terminal width, tables drop their least useful columns


def md(text: object) -> str:
    """Markdown-safe text: record data must never become markup or break a table."""
    out = plain(text).replace("\n", " ")
    # `&` too: a named entity (`&ZeroWidthSpace;`, `&rlm;`) would become the invisible
    # character it names once rendered.
    for char in "\\`*_[]<>|#!&":
        out = out.replace(char, "\\" + char)
    return out


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(md(h) for h in headers) + " |",
        "|" + "|".join(" --- " for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def cert_cell(record: Record, scheme: str, today: dt.date, lang: str = "en") -> tuple[str, str]:
    """(text, state) for one scheme of one provider; ('', '') when it has none."""
    found = certs.best(record, scheme, today)
    if not found:
        return "", ""
    standing, cert = found
    return cert_short(cert, standing, lang), standing.state


def cert_short(cert: Record, standing: certs.Standing, lang: str = "en") -> str:
    """A table cell: 'qualified 3.2, 2022-03', 'in progress 3.2 (J1)', 'certified 1.1,
    superseded', 'qualified 3.2, ended 2026-10-02, renewal not confirmed'."""
    state = standing.state
    text = t(str(STATUS_WORDS.get(cert["status"], cert["status"])), lang)
    if cert.get("version"):
        text += f" {cert['version']}"
    if state == certs.HELD and cert.get("granted"):
        text += f", {cert['granted']}"
        if cert.get("expires"):
            text += f" → {cert['expires']}"
    elif state == certs.PENDING and cert.get("milestone"):
        text += f" ({cert['milestone']})"
    elif state == certs.UNVERIFIED:
        text += f", {t('unverified', lang)} ({evidence_words(standing, lang)})"
    elif state == certs.SUPERSEDED:
        text += f", {t('superseded', lang)}"
    elif state == certs.LAPSED and standing.reason == "renewal-not-confirmed":
        text += f", {t('ended', lang)} {standing.detail}, {t('renewal not confirmed', lang)}"
    elif state == certs.LAPSED and (cert.get("ended") or cert.get("expires")):
        text += f" {cert.get('ended') or cert.get('expires')}"
    return text


def evidence_words(standing: certs.Standing, lang: str = "en") -> str:
    """'press, 2020-06' or 'version unknown': why an entry is unverified, in a few words."""
    if standing.reason == "version-unknown":
        return t("version unknown", lang)
    kind = t(standing.evidence or "no source", lang)
    return f"{kind}, {standing.evidence_date}" if standing.evidence_date else kind


def styled(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(plain(text), style=style)


def scheme_order(ids: set[str]) -> list[str]:
    """SecNumCloud, then HDS, then the others alphabetically."""
    return schemes.order(ids)


def provider_flat_rows(records: list[Record], lang: str, on: dt.date) -> Rows:
    """One CSV row per provider, as the catalogue's shape lists it."""
    return shape.provider_rows(records, lang, on)


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


# --- providers ------------------------------------------------------------------------------


class ProvidersView(NamedTuple):
    rows: list[ProviderRow]
    today: dt.date
    lang: str = "en"
    coverage: list[Coverage] = []  # one per scheme filtered on
    undated: list[Record] = []  # providers the dates cannot place on the day

    def document(self) -> Any:
        # Each record with its entries' standing, and the schemes it meets only pending or
        # unverified: what the table marks, programs must see too.
        return [
            {
                **certs.annotate(r.record, self.today),
                "pending": r.pending,
                "unverified": r.unverified,
            }
            for r in self.rows
        ]

    def notes(self) -> list[str]:
        """What ends the listing: the marks, what could not be dated, and how much of each
        scheme's register the catalogue holds."""
        from sovcloud.render.schemes import coverage_line

        out = [tn(len(self.rows), "{n} provider", "{n} providers", self.lang)]
        pending = sum(1 for r in self.rows if r.pending)
        if pending:
            out[0] += f", {pending} " + t(
                "included only through a pending certification (PENDING)", self.lang
            )
        unverified = sum(1 for r in self.rows if r.unverified)
        if unverified:
            out[0] += f", {unverified} " + t(
                "on evidence not proven (unverified: press only, old, or version unknown)",
                self.lang,
            )
        if self.undated:
            out.append(
                t(
                    "Not listed, as the recorded dates cannot tell whether they held then:",
                    self.lang,
                )
                + " "
                + ", ".join(r["id"] for r in self.undated)
            )
        out += [coverage_line(c, scheme_name(c.scheme), self.lang) for c in self.coverage]
        return out

    def flat(self) -> Rows:
        return provider_flat_rows([r.record for r in self.rows], self.lang, self.today)

    def _other(self, record: Record) -> str:
        others = sorted(
            {
                scheme_name(c["scheme"])
                for c in record["certifications"]
                if c["scheme"] not in MAIN_SCHEMES
                and certs.standing(c, record, self.today).state in certs.COUNTS_AS_HELD
            }
        )
        return ", ".join(others)

    def _owners(self, record: Record) -> str:
        return ", ".join(o["name"] for o in record["owners"])

    def markdown(self) -> str:
        headers = [
            t(h, self.lang)
            for h in ("Provider", "Country", "Kind", "SecNumCloud", "HDS", "Other", "Owners")
        ]
        rows = []
        for row in self.rows:
            r = row.record
            cells = [cert_cell(r, s, self.today, self.lang)[0] or "-" for s in MAIN_SCHEMES]
            rows.append(
                [
                    f"{r['name']} ({r['id']})",
                    r["country"],
                    r["kind"],
                    *cells,
                    self._other(r),
                    self._owners(r),
                ]
            )
        return md_table(headers, rows) + "\n" + "".join(md(n) + "  \n" for n in self.notes())

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        narrow = console.width < NARROW
        columns = [
            Column(t("Provider", self.lang), max_width=28),
            Column(t("Ctry" if narrow else "Country", self.lang), wrap=False),
        ]
        if not narrow:
            columns.append(Column(t("Kind", self.lang), wrap=False))
        columns += [Column("SecNumCloud", max_width=30), Column("HDS", max_width=24)]
        if not narrow:
            columns.append(Column(t("Other", self.lang), max_width=24))
        columns.append(Column(t("Owners", self.lang), max_width=40))
        rows = []
        for row in self.rows:
            r = row.record
            cells = []
            for scheme in MAIN_SCHEMES:
                text, state = cert_cell(r, scheme, self.today, self.lang)
                if scheme in row.pending:
                    text = f"{t('PENDING', self.lang)}: {text}"
                cells.append((text or "-", STATE_STYLES.get(state, "dim")))
            values = [(f"{r['name']}\n{r['id']}", ""), (r["country"], "")]
            if not narrow:
                values.append((r["kind"], ""))
            values += cells
            if not narrow:
                values.append((self._other(r), ""))
            values.append((self._owners(r), ""))
            rows.append(values)
        print_lines(console, table_lines(columns, rows, console.width))
        from sovcloud.render.grid import paragraph

        notes = self.notes()
        lines = paragraph(notes[0], "dim", console.width)
        for note in notes[1:]:
            lines += paragraph(note, "bold", console.width)
        print_lines(console, lines)


# --- show: provider ----------------------------------------------------------------------


class ProviderView(NamedTuple):
    detail: ProviderDetail
    today: dt.date
    lang: str = "en"
    as_of: dt.date | None = None

    def sources(self) -> list[Record]:
        """The record's sources as numbered: most authoritative first, then newest."""
        return ordered_sources(self.detail.record["sources"])

    def notes(self, cited: list[str]) -> str:
        """Footnote marks: each cited source's number in the list of sources shown."""
        numbers = {s["id"]: i for i, s in enumerate(self.sources(), 1) if s.get("id")}
        return "".join(f"[{n}]" for n in sorted({numbers[c] for c in cited if c in numbers}))

    def document(self) -> Any:
        return {
            "provider": certs.annotate(self.detail.record, self.today),
            "events": self.detail.events,
        }

    def flat(self) -> Rows:
        return provider_flat_rows([self.detail.record], self.lang, self.today)

    def _lines(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(section, [(text, style)]) in display order, shared by Markdown and Rich."""
        lang = self.lang
        r = self.detail.record
        sections: list[tuple[str, list[tuple[str, str]]]] = []
        owners = [
            (
                f"{owner_label(o)} {t(o['role'], lang)}"
                + (f", since {o['since']}" if o.get("since") else "")
                + (f", until {o['until']}" if o.get("until") else "")
                # owner_label gives the stake in words only when no figure is recorded
                + (
                    f"; {o['stake_note']}"
                    if o.get("stake") is not None and o.get("stake_note")
                    else ""
                )
                + f" {self.notes(o['sources'])}",
                "",
            )
            for o in r["owners"]
        ]
        if r.get("ownership"):
            own = r["ownership"]
            text = f"{t('Ownership', lang)}: {ownership_label(own, lang)}"
            if own.get("note"):
                text += f"; {localized(own['note'], lang)}"
            owners.append((f"{text} {self.notes(own['sources'])}", ""))
        sections.append((t("Owners", lang), owners or [(t("none recorded", lang), "dim")]))
        if r["licensed_technology"]:
            sections.append(
                (
                    t("Technology under licence", lang),
                    [
                        (f"{license_label(x)} {self.notes(x['sources'])}", "")
                        for x in r["licensed_technology"]
                    ],
                )
            )
        if r["offers"]:
            sections.append(
                (
                    t("Offers", lang),
                    [
                        (
                            f"{o['name']} ({o['service']}, {o['status']})"
                            + (
                                f": {localized(o.get('description'), self.lang)}"
                                if o.get("description")
                                else ""
                            ),
                            "",
                        )
                        for o in r["offers"]
                    ],
                )
            )
        offer_names = {o["id"]: o["name"] for o in r["offers"]}
        entries = []
        for c in r["certifications"]:
            standing = certs.standing(c, r, self.today)
            state = standing.state
            text = f"{scheme_name(c['scheme'])}: {cert_label(c, lang=self.lang)}"
            if c.get("number"):
                text += f"; {t('no.', self.lang)} {c['number']}"
            if c.get("body"):
                text += f"; {t('issued by', self.lang)} {c['body']}"
            if state != certs.HELD:
                text += f" — {t(state, self.lang).upper()}: {reason_words(standing, self.lang)}"
            if c.get("checked"):
                text += f"; {t('checked', self.lang)} {c['checked']}"
            if c.get("scope"):
                text += f"; scope: {c['scope']}"
            if c["offers"]:
                text += "; offers: " + ", ".join(offer_names.get(o, o) for o in c["offers"])
            if c.get("services"):
                text += "; services: " + ", ".join(c["services"])
            if c["activities"]:
                text += "; activities " + ", ".join(str(a) for a in c["activities"])
            if c.get("note"):
                text += f"; {localized(c['note'], self.lang)}"
            entries.append((f"{text} {self.notes(c['sources'])}", STATE_STYLES[state]))
        sections.append((t("Certifications", lang), entries or [(t("none recorded", lang), "dim")]))
        if r["data_centres"]:
            sections.append(
                (
                    t("Data centres", lang),
                    [
                        (
                            f"{d['location']} ({d['country']})"
                            + (f", operated by {d['operator']}" if d.get("operator") else "")
                            + f" {self.notes(d['sources'])}",
                            "",
                        )
                        for d in r["data_centres"]
                    ],
                )
            )
        if self.detail.referrers:
            sections.append(
                (
                    t("Named by", lang),
                    [(f"{p['name']} ({p['id']})", "") for p in self.detail.referrers],
                )
            )
        if self.detail.events:
            sections.append(
                (
                    t("Events, newest first", lang),
                    [
                        (
                            f"{date_label(e['date'], e['status'], self.lang)}  {e['kind']}  "
                            f"{localized(e['title'], self.lang)} ({e['id']})",
                            "italic" if e["status"] == "expected" else "",
                        )
                        for e in self.detail.events
                    ],
                )
            )
        return sections

    def _header(self) -> list[str]:
        r = self.detail.record
        facts = [r["kind"], r["country"], r["status"]]
        if r.get("headquarters"):
            facts.append(r["headquarters"])
        if r.get("founded"):
            facts.append(f"{t('founded', self.lang)} {r['founded']}")
        lines = [" · ".join(facts)]
        if self.as_of and r.get("founded") and dates.first_day(r["founded"]) > self.as_of:
            lines.append(
                t(
                    "On {day} it did not exist yet (founded {founded}).",
                    self.lang,
                    day=self.as_of,
                    founded=r["founded"],
                )
            )
        if self.as_of:
            lines.append(
                t(
                    "As of {day}: certifications valid and owners holding then.",
                    self.lang,
                    day=self.as_of,
                )
            )
        if r["aliases"]:
            lines.append(f"{t('also known as', self.lang)} " + ", ".join(r["aliases"]))
        return lines

    def markdown(self) -> str:
        r = self.detail.record
        out = [f"# {md(r['name'])} ({md(r['id'])})", ""]
        out += [md(line) + "  " for line in self._header()]
        if r.get("website"):
            out.append(f"<{plain(r['website'])}>")
        out += ["", md(localized(r["description"], self.lang)), ""]
        if r.get("note"):
            out += [md(localized(r["note"], self.lang)), ""]
        for title, lines in self._lines():
            out += [f"## {title}", ""]
            out += [f"- {md(text)}" for text, _ in lines]
            out.append("")
        out += ["## Sources", "", *md_sources(self.sources())]
        out += ["", t("Last reviewed {day}.", self.lang, day=r["last_reviewed"])]
        return "\n".join(out) + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Line, paragraph, print_lines

        r = self.detail.record
        width = console.width
        out: list[Line] = [[(r["name"], "bold"), (f"  ({r['id']})", "dim")]]
        for line in self._header():
            out += paragraph(line, "", width)
        if r.get("website"):
            out.append([(r["website"], LINK)])
        out.append([])
        out += paragraph(localized(r["description"], self.lang), "", width)
        if r.get("note"):
            out += paragraph(
                f"{t('Note', self.lang)}: " + localized(r["note"], self.lang), "italic", width
            )
        for title, lines in self._lines():
            out += [[], [(title, "bold underline")]]
            for text, style in lines:
                out += paragraph(text, style, width, indent="  ", hang="    ")
        out += [[], [(t("Sources", self.lang), "bold underline")]]
        out += source_lines(self.sources(), width)
        out.append([(t("Last reviewed {day}.", self.lang, day=r["last_reviewed"]), "dim")])
        print_lines(console, out)


def source_lines(sources: list[Record], width: int) -> list[Any]:
    """Numbered sources, each link clickable where the terminal supports it."""
    from sovcloud.render.grid import paragraph

    out = []
    for i, s in enumerate(sources, 1):
        text = f"[{i}] {source_label(s)}" + (f": {s['note']}" if s.get("note") else "")
        out += paragraph(text, "", width, indent="  ", hang="      ")
        if s.get("url"):
            out.append([("      ", ""), (s["url"], LINK)])
    return out


# --- show: event, and the timeline -------------------------------------------------------


# Sources are listed most authoritative first: the certifying body's register, official
# texts, the company itself, then the press and the rest; then the newest first.
SOURCE_ORDER = certs.EVIDENCE_ORDER


def ordered_sources(sources: list[Record]) -> list[Record]:
    """The sources in SOURCE_ORDER, newest first within a type."""
    by_date = sorted(sources, key=lambda s: str(s["date"]), reverse=True)
    return sorted(
        by_date,
        key=lambda s: SOURCE_ORDER.index(s["type"]) if s["type"] in SOURCE_ORDER else 99,
    )


def md_sources(sources: list[Record], start: int = 1) -> list[str]:
    """Numbered Markdown lines, each source with its link."""
    out = []
    for i, s in enumerate(sources, start):
        url = f" <{plain(s['url'])}>" if s.get("url") else ""
        note = f": {md(s['note'])}" if s.get("note") else ""
        out.append(f"{i}. {md(source_label(s))}{note}{url}")
    return out


def _event_lines(e: Record, names: dict[str, str], lang: str) -> list[str]:
    lines = [f"{date_label(e['date'], e['status'], lang)} · {e['kind']}"]
    if e["providers"]:
        lines.append(
            f"{t('Providers', lang)}: "
            + ", ".join(f"{names.get(p, p)} ({p})" for p in e["providers"])
        )
    if e["actors"]:
        lines.append(f"{t('Actors', lang)}: " + ", ".join(e["actors"]))
    if e["tags"]:
        lines.append(f"{t('Tags', lang)}: " + ", ".join(e["tags"]))
    return lines


class EventView(NamedTuple):
    detail: EventDetail
    lang: str = "en"

    def document(self) -> Any:
        return {"event": self.detail.record}

    def flat(self) -> Rows:
        return event_flat_rows([self.detail.record], self.detail.provider_names, self.lang)

    def markdown(self) -> str:
        e = self.detail.record
        out = [f"# {md(localized(e['title'], self.lang))}", "", f"`{e['id']}`", ""]
        out += [md(line) + "  " for line in _event_lines(e, self.detail.provider_names, self.lang)]
        out += ["", md(localized(e["summary"], self.lang)), ""]
        if e.get("note"):
            out += [f"{t('Note', self.lang)}: {md(localized(e['note'], self.lang))}", ""]
        out += ["## Sources", "", *md_sources(ordered_sources(e["sources"]))]
        return "\n".join(out) + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Line, paragraph, print_lines

        e = self.detail.record
        width = console.width
        style = "bold italic" if e["status"] == "expected" else "bold"
        out: list[Line] = [[(localized(e["title"], self.lang), style), (f"  ({e['id']})", "dim")]]
        for line in _event_lines(e, self.detail.provider_names, self.lang):
            out += paragraph(line, "", width)
        out.append([])
        out += paragraph(localized(e["summary"], self.lang), "", width)
        if e.get("note"):
            out += paragraph(
                f"{t('Note', self.lang)}: " + localized(e["note"], self.lang), "italic", width
            )
        out += [[], [(t("Sources", self.lang), "bold underline")]]
        out += source_lines(e["sources"], width)
        print_lines(console, out)


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

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import (
            Column,
            Line,
            fit_widths,
            is_plain,
            print_lines,
            row_lines,
            row_text,
            write_plain,
        )

        narrow = console.width < NARROW
        columns = [
            Column("date", wrap=False),
            Column("kind", wrap=False),
            Column("event", max_width=90),
        ]
        if not narrow:
            columns.append(Column("providers", max_width=40))
        rows_by_year = []
        for year, events in self._by_year():
            rows = []
            for e in events:
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
                rows.append(row)
            rows_by_year.append((year, rows))
        widths = fit_widths(columns, [r for _, rows in rows_by_year for r in rows], console.width)
        if is_plain(console):
            text: list[str] = []
            for year, rows in rows_by_year:
                text.append(f"── {year} ──")
                for row in rows:
                    text.extend(row_text(row, widths))
            write_plain(console, text)
        else:
            lines: list[Line] = []
            for year, rows in rows_by_year:
                lines.append([(f"── {year} ──", "bold")])
                for row in rows:
                    lines.extend(row_lines(row, widths))
            print_lines(console, lines)
        expected = sum(1 for e in self.events if e["status"] == "expected")
        console.print(
            styled(
                tn(len(self.events), "{n} event", "{n} events", self.lang)
                + (
                    ", "
                    + tn(
                        expected,
                        "{n} expected (not yet happened)",
                        "{n} expected (not yet happened)",
                        self.lang,
                    )
                    if expected
                    else ""
                ),
                "dim",
            )
        )


# --- search, compare ----------------------------------------------------------------------


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


class CompareView(NamedTuple):
    records: list[Record]
    today: dt.date
    lang: str = "en"

    def document(self) -> Any:
        return [certs.annotate(r, self.today) for r in self.records]

    def flat(self) -> Rows:
        return provider_flat_rows(self.records, self.lang, self.today)

    def _entry(self, cert: Record, standing: certs.Standing) -> str:
        """An entry with its dates, and its standing when it is not simply held."""
        text = cert_label(cert, lang=self.lang)
        if standing.state != certs.HELD:
            text += f" ({t(standing.state, self.lang)}: {reason_words(standing, self.lang)})"
        return text

    def _grid(self) -> list[tuple[str, list[tuple[str, str]]]]:
        rows: list[tuple[str, list[tuple[str, str]]]] = []

        def add(label: str, values: list[tuple[str, str]]) -> None:
            rows.append((label, values))

        rs = self.records
        lang = self.lang

        def label(key: str) -> str:
            return t(shape.PROVIDER.field(key).label, lang)

        for key in ("id", "country", "kind", "status", "founded"):
            add(label(key), [(r.get(key) or "-", "") for r in rs])
        add(
            label("owners"),
            [("; ".join(owner_label(o) for o in r["owners"]) or "-", "") for r in rs],
        )
        add(
            label("ownership"),
            [
                (ownership_label(r["ownership"], lang) if r.get("ownership") else "-", "")
                for r in rs
            ],
        )
        add(
            label("licensed_technology"),
            [
                ("; ".join(license_label(x) for x in r["licensed_technology"]) or "-", "")
                for r in rs
            ],
        )
        add(
            label("offers"),
            [
                ("; ".join(f"{o['name']} ({o['service']})" for o in r["offers"]) or "-", "")
                for r in rs
            ],
        )
        add(
            label("data_centres"),
            [
                (
                    "; ".join(f"{d['location']} ({d['country']})" for d in r["data_centres"])
                    or "-",
                    "",
                )
                for r in rs
            ],
        )
        for scheme in scheme_order({c["scheme"] for r in rs for c in r["certifications"]}):
            cells = []
            for r in rs:
                found = certs.best(r, scheme, self.today)
                if found is None:
                    cells.append(("-", "dim"))
                    continue
                text = "; ".join(
                    self._entry(c, certs.standing(c, r, self.today))
                    for c in r["certifications"]
                    if c["scheme"] == scheme
                )
                cells.append((text, STATE_STYLES[found[0].state]))
            add(scheme_name(scheme), cells)
        add(label("last_reviewed"), [(r["last_reviewed"], "") for r in rs])
        return rows

    def grid_table(self) -> tuple[list[str], list[list[str]]]:
        """The side-by-side table alone: headers (the providers' names) and rows, as text."""
        headers = [""] + [r["name"] for r in self.records]
        return headers, [[label, *(t for t, _ in cells)] for label, cells in self._grid()]

    def grid_markdown(self) -> str:
        """The side-by-side table alone, as Markdown."""
        return md_table(*self.grid_table())

    def markdown(self) -> str:
        out = [self.grid_markdown()]
        # Each provider's sources, so that the comparison can be cited and checked.
        out += [f"## {t('Sources', self.lang)}", ""]
        for r in self.records:
            out += [f"### {md(r['name'])}", "", *md_sources(ordered_sources(r["sources"])), ""]
        return "\n".join(out)

    def rich(self, console: Console) -> None:
        from rich.table import Table

        table = Table(header_style="bold", show_lines=True, pad_edge=False)
        table.add_column("", style="bold", overflow="fold")
        for r in self.records:
            table.add_column(plain(r["name"]), overflow="fold", ratio=1)
        for label, cells in self._grid():
            table.add_row(styled(label), *(styled(t, s) for t, s in cells))
        console.print(table)
