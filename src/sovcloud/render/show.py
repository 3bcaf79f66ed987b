"""`sovcloud show`: one provider or one event, everything known about it, with sources.

(A scheme is shown by render/schemes.py, a framework by render/framework.py.)
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.core import certs
from sovcloud.core.labels import (
    STATE_STYLES,
    cert_label,
    date_label,
    license_label,
    owner_label,
    ownership_label,
    reason_words,
    scheme_name,
)
from sovcloud.i18n import localized, t
from sovcloud.query import EventDetail, ProviderDetail
from sovcloud.render.grid import LINK
from sovcloud.render.markup import Record, Rows, md
from sovcloud.render.sources import md_sources, ordered_sources, source_lines
from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from rich.console import Console

Lines = list[tuple[str, str]]  # (text, style)
Section = tuple[str, Lines]  # a heading and its lines


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
        from sovcloud.core import shape

        return shape.provider_rows([self.detail.record], self.lang, self.today)

    def _owners(self) -> Lines:
        lang, r = self.lang, self.detail.record
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
        return owners or [(t("none recorded", lang), "dim")]

    def _offers(self) -> Lines:
        return [
            (
                f"{o['name']} ({o['service']}, {o['status']})"
                + (
                    f": {localized(o.get('description'), self.lang)}"
                    if o.get("description")
                    else ""
                ),
                "",
            )
            for o in self.detail.record["offers"]
        ]

    def _certification(self, c: Record) -> tuple[str, str]:
        """One entry: its label, the register's details, and why it does not simply hold."""
        r, lang = self.detail.record, self.lang
        standing = certs.standing(c, r, self.today)
        state = standing.state
        text = f"{scheme_name(c['scheme'])}: {cert_label(c, lang=lang)}"
        if c.get("number"):
            text += f"; {t('no.', lang)} {c['number']}"
        if c.get("body"):
            text += f"; {t('issued by', lang)} {c['body']}"
        if state != certs.HELD:
            text += f" — {t(state, lang).upper()}: {reason_words(standing, lang)}"
        if c.get("checked"):
            text += f"; {t('checked', lang)} {c['checked']}"
        if c.get("scope"):
            text += f"; scope: {c['scope']}"
        if c["offers"]:
            offer_names = {o["id"]: o["name"] for o in r["offers"]}
            text += "; offers: " + ", ".join(offer_names.get(o, o) for o in c["offers"])
        if c.get("services"):
            text += "; services: " + ", ".join(c["services"])
        if c["activities"]:
            text += "; activities " + ", ".join(str(a) for a in c["activities"])
        if c.get("note"):
            text += f"; {localized(c['note'], lang)}"
        return f"{text} {self.notes(c['sources'])}", STATE_STYLES[state]

    def _data_centres(self) -> Lines:
        return [
            (
                f"{d['location']} ({d['country']})"
                + (f", operated by {d['operator']}" if d.get("operator") else "")
                + f" {self.notes(d['sources'])}",
                "",
            )
            for d in self.detail.record["data_centres"]
        ]

    def _events(self) -> Lines:
        return [
            (
                f"{date_label(e['date'], e['status'], self.lang)}  {e['kind']}  "
                f"{localized(e['title'], self.lang)} ({e['id']})",
                "italic" if e["status"] == "expected" else "",
            )
            for e in self.detail.events
        ]

    def _lines(self) -> list[Section]:
        """(section, [(text, style)]) in display order, shared by Markdown and Rich; a
        section with nothing to show is left out, but for owners and certifications."""
        lang, r = self.lang, self.detail.record
        entries = [self._certification(c) for c in r["certifications"]]
        licences = [
            (f"{license_label(x)} {self.notes(x['sources'])}", "") for x in r["licensed_technology"]
        ]
        referrers = [(f"{p['name']} ({p['id']})", "") for p in self.detail.referrers]
        sections: list[Section] = [
            (t("Owners", lang), self._owners()),
            (t("Technology under licence", lang), licences),
            (t("Offers", lang), self._offers()),
            (t("Certifications", lang), entries or [(t("none recorded", lang), "dim")]),
            (t("Data centres", lang), self._data_centres()),
            (t("Named by", lang), referrers),
            (t("Events, newest first", lang), self._events()),
        ]
        return [(title, lines) for title, lines in sections if lines]

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
        from sovcloud.render.timeline import event_flat_rows

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
