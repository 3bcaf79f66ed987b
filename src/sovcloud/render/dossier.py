"""A provider file (`sovcloud dossier`): everything known about one provider, or a
shortlist of several, for a procurement folder or a data protection impact assessment.

The file is built once as blocks (render.blocks) and written as Markdown or as one
self-contained HTML page: the same content either way. Every fact carries its sources as
numbered footnotes; the record's own sources come first, in its order, so that their
numbers match `sovcloud show`. The file is stamped with the version of the data it was made
from and the day it was made. Record text is escaped by the writers: it never becomes
markup, a link or HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sovcloud.core import certs as certs_
from sovcloud.core.labels import (
    STATUS_WORDS,
    date_label,
    license_label,
    owner_label,
    ownership_label,
    scheme_name,
    source_label,
)
from sovcloud.core.licence import ATTRIBUTION, DATA_LICENSE_URL
from sovcloud.i18n import localized
from sovcloud.provenance import Stamp
from sovcloud.query import ProviderDetail
from sovcloud.render.blocks import (
    Block,
    Break,
    Document,
    Heading,
    Inline,
    Items,
    Link,
    Marks,
    Notes,
    Para,
    Strong,
    Table,
)

Record = dict[str, Any]
STATE_WORDS = {
    "held": "held",
    "unverified": "unverified",
    "unknown": "dates do not tell",
    "pending": "pending",
    "superseded": "no longer counts (version superseded)",
    "lapsed": "not held",
}


class Footnotes:
    """Sources numbered in the order first cited; the same source (publisher, title, date
    and link) cited from two records keeps one number."""

    def __init__(self) -> None:
        self.numbers: dict[tuple[str, ...], int] = {}
        self.sources: list[Record] = []

    def cite(self, sources: Iterable[Record]) -> Marks:
        """The footnote marks for these sources."""
        numbers = set()
        for source in sources:
            key = tuple(str(source.get(k) or "") for k in ("publisher", "title", "date", "url"))
            if key not in self.numbers:
                self.sources.append(source)
                self.numbers[key] = len(self.sources)
            numbers.add(self.numbers[key])
        return Marks(tuple(sorted(numbers)))

    def cite_ids(self, record: Record, ids: Iterable[str]) -> Marks:
        """The footnote marks for the sources a record's fact cites by id."""
        by_id = {s["id"]: s for s in record["sources"] if s.get("id")}
        return self.cite(by_id[i] for i in ids if i in by_id)

    def definitions(self, lang: str) -> Notes:
        out = []
        for s in self.sources:
            note: Inline = [source_label(s)]
            if s.get("url"):
                note += [" ", Link(s["url"])]
            if s.get("note"):
                note += [" Note: ", localized(s["note"], lang)]
            out.append(note)
        return Notes(out)


def _sources(notes: Footnotes, lang: str) -> list[Block]:
    """The closing section: every source cited, numbered."""
    if not notes.sources:
        return [Heading(2, ["Sources"], "sources")]
    return [Heading(2, ["Sources"], "sources"), notes.definitions(lang)]


def _field(label: str, *value: Any) -> Inline:
    return [Strong(f"{label}:"), " ", *value]


def _licence() -> Para:
    return Para([ATTRIBUTION, " ", Link(DATA_LICENSE_URL)], "licence")


def dossier(detail: ProviderDetail, stamp: Stamp, lang: str = "en") -> Document:
    """The provider file."""
    r = detail.record
    today: dt.date = stamp.made
    notes = Footnotes()
    title = f"Provider file: {r['name']}"
    blocks: list[Block] = [
        Heading(1, [title]),
        Para(
            [
                f"Made on {today} with {stamp.line()}. Certification states are as of that "
                f"day; the record was last reviewed on {r['last_reviewed']}. Every fact cites "
                "its sources as numbered notes, listed at the end."
            ],
            "stamp",
        ),
        _licence(),
        *_body(detail, today, notes, lang, 2),
        *_sources(notes, lang),
    ]
    return Document(title, blocks, lang)


def dossier_of(details: list[ProviderDetail], stamp: Stamp, lang: str = "en") -> Document:
    """What `sovcloud dossier` writes: one provider's file, or a shortlist for several."""
    if len(details) == 1:
        return dossier(details[0], stamp, lang)
    return shortlist(details, stamp, lang)


def shortlist(details: list[ProviderDetail], stamp: Stamp, lang: str = "en") -> Document:
    """One file for a shortlist: the comparison, then a section per provider, every fact
    footnoted once across the file, the data's date and fingerprint."""
    from sovcloud.render.compare import CompareView

    today: dt.date = stamp.made
    notes = Footnotes()
    title = "Shortlist: " + ", ".join(d.record["name"] for d in details)
    headers, rows = CompareView([d.record for d in details], today, lang).grid_table()
    blocks: list[Block] = [
        Heading(1, [title]),
        Para(
            [
                f"Made on {today} with {stamp.line()}. Certification states are as of that "
                "day. Every fact cites its sources as numbered notes, listed at the end."
            ],
            "stamp",
        ),
        _licence(),
        Heading(2, ["Side by side"], "side-by-side"),
        Table(headers, rows, labelled=True),
    ]
    for detail in details:
        r = detail.record
        blocks += [
            Heading(2, [f"{r['name']} ({r['id']})"], f"provider-{r['id']}"),
            Para([f"The record was last reviewed on {r['last_reviewed']}."]),
            *_body(detail, today, notes, lang, 3),
        ]
    blocks += _sources(notes, lang)
    return Document(title, blocks, lang)


def _list_or_none(items: list[Inline]) -> Block:
    return Items(items) if items else Para(["None recorded."])


def _body(
    detail: ProviderDetail, today: dt.date, notes: Footnotes, lang: str, level: int
) -> list[Block]:
    """A provider's sections, headed at `level` (2 in a dossier, 3 in a shortlist).

    The sections cite in display order, so the footnotes number in the order read."""
    r = detail.record
    out = _identity(r, notes, lang, level)
    out += [Heading(level, ["Owners"]), _list_or_none(_owners(r, notes, lang))]
    if r["licensed_technology"]:
        licences: list[Inline] = [
            [license_label(x), notes.cite_ids(r, x["sources"])] for x in r["licensed_technology"]
        ]
        out += [Heading(level, ["Technology under licence"]), Items(licences)]
    if r["offers"]:
        out += [Heading(level, ["Offers"]), _offers(r, lang)]
    out.append(Heading(level, ["Certifications"]))
    out += _certifications(r, today, notes, lang, level + 1)
    if r["data_centres"]:
        out += [Heading(level, ["Data centres"]), Items(_data_centres(r, notes))]
    links = _links_from_others(r["id"], detail.referrers, notes)
    if links:
        out += [Heading(level, ["Named in other providers' records"]), Items(links)]
    events = [_event(e, notes, lang) for e in detail.events]
    out += [Heading(level, ["Events, newest first"]), _list_or_none(events)]
    return out


def _identity(r: Record, notes: Footnotes, lang: str, level: int) -> list[Block]:
    """Who the provider is, resting on the record's own sources: cited first, so that
    their numbers follow the record's order."""
    record_marks = notes.cite(r["sources"])
    identity = [
        ["Name", r["name"]],
        ["Id", r["id"]],
        ["Also known as", ", ".join(r["aliases"]) or "-"],
        ["Kind", r["kind"]],
        ["Country", r["country"]],
        ["Headquarters", r.get("headquarters") or "-"],
        ["Founded", r.get("founded") or "-"],
        ["Status", r["status"]],
    ]
    out: list[Block] = [
        Heading(level, ["Identity"]),
        Table(["Field", "Value"], identity, labelled=True),
    ]
    if r.get("website"):
        out.append(Para(["Website: ", Link(r["website"])]))
    out.append(Para([localized(r["description"], lang)]))
    if r.get("note"):
        out.append(Para(_field("Note", localized(r["note"], lang))))
    out.append(Para(["Identity and description rest on the record's sources", record_marks, "."]))
    return out


def _owners(r: Record, notes: Footnotes, lang: str) -> list[Inline]:
    """Each owner with its role, dates and stake, then how the ownership adds up."""
    owners: list[Inline] = []
    for o in r["owners"]:
        text = f"{owner_label(o)}, {o['role']}"
        if o.get("since"):
            text += f", since {o['since']}"
        if o.get("until"):
            text += f", until {o['until']}"
        if o.get("stake") is not None and o.get("stake_note"):
            text += f"; {o['stake_note']}"  # owner_label gives it only without a figure
        owners.append([text, notes.cite_ids(r, o["sources"])])
    if r.get("ownership"):
        own = r["ownership"]
        text = f"Ownership: {ownership_label(own)}"
        if own.get("note"):
            text += f"; {localized(own['note'], lang)}"
        owners.append([text, notes.cite_ids(r, own["sources"])])
    return owners


def _offers(r: Record, lang: str) -> Table:
    rows = [
        [
            o["name"],
            o["id"],
            o["service"],
            o["status"],
            localized(o.get("description"), lang) or "-",
        ]
        for o in r["offers"]
    ]
    return Table(["Offer", "Id", "Service", "Status", "Description"], rows)


def _data_centres(r: Record, notes: Footnotes) -> list[Inline]:
    centres: list[Inline] = []
    for d in r["data_centres"]:
        text = f"{d['location']} ({d['country']})"
        if d.get("operator"):
            text += f", operated by {d['operator']}"
        centres.append([text, notes.cite_ids(r, d["sources"])])
    return centres


def _event(e: Record, notes: Footnotes, lang: str) -> Inline:
    return [
        Strong(f"{date_label(e['date'], e['status'])}, {e['kind']}"),
        f": {localized(e['title'], lang)} ({e['id']})",
        notes.cite(e["sources"]),
        Break(),
        localized(e["summary"], lang),
    ]


def _certifications(
    r: Record, today: dt.date, notes: Footnotes, lang: str, level: int
) -> list[Block]:
    """A summary table, then each certification's details (the register line: number,
    body, dates, the day it was checked, and why it stands as it does) and sources."""
    certs = r["certifications"]
    if not certs:
        return [Para(["None recorded."])]
    states = [certs_.standing(c, r, today).state for c in certs]
    rows = [
        [
            scheme_name(c["scheme"]),
            c.get("version") or "-",
            str(STATUS_WORDS.get(c["status"], c["status"])),
            STATE_WORDS[state],
            c.get("granted") or "-",
            c.get("expires") or "-",
            c.get("ended") or "-",
        ]
        for c, state in zip(certs, states, strict=True)
    ]
    headers = ["Scheme", "Version", "Status", f"On {today}", "Granted", "Expires", "Ended"]
    out: list[Block] = [Table(headers, rows)]
    offer_names = {o["id"]: o["name"] for o in r["offers"]}
    for c, state in zip(certs, states, strict=True):
        title = scheme_name(c["scheme"]) + (f" {c['version']}" if c.get("version") else "")
        word = STATUS_WORDS.get(c["status"], c["status"])
        out.append(Heading(level, [f"{title}: {word} ({STATE_WORDS[state]} on {today})"]))
        fields: list[Inline] = []
        standing = certs_.standing(c, r, today)
        if standing.state != certs_.HELD:
            fields.append(_field("Why", certs_.reason_text(standing)))
        if c.get("number"):
            fields.append(_field("Decision or certificate", c["number"]))
        if c.get("body"):
            fields.append(_field("Issued by", c["body"]))
        if c.get("checked"):
            fields.append(_field("Checked against its sources on", c["checked"]))
        if c.get("milestone"):
            fields.append(_field("Milestone", c["milestone"]))
        if c.get("scope"):
            fields.append(_field("Scope", localized(c["scope"], lang)))
        if c["offers"]:
            offers = ", ".join(f"{offer_names.get(o, o)} ({o})" for o in c["offers"])
            fields.append(_field("Offers", offers))
        if c.get("services"):
            fields.append(_field("Services, as the register names them", ", ".join(c["services"])))
        if c["activities"]:
            fields.append(_field("HDS activities", ", ".join(str(a) for a in c["activities"])))
        if c.get("note"):
            fields.append(_field("Note", localized(c["note"], lang)))
        marks = notes.cite_ids(r, c["sources"])
        fields.append(_field("Sources", marks if marks.numbers else "-"))
        out.append(Items(fields))
    return out


def _links_from_others(id_: str, referrers: list[Record], notes: Footnotes) -> list[Inline]:
    """The lines of other records that name this provider as an owner or a vendor."""
    out: list[Inline] = []
    for other in referrers:
        name = f"{other['name']} ({other['id']})"
        for o in other["owners"]:
            if o.get("provider") == id_:
                text = f"Owner of {name}: {owner_label(o)}, {o['role']}"
                if o.get("since"):
                    text += f", since {o['since']}"
                if o.get("until"):
                    text += f", until {o['until']}"
                out.append([text, notes.cite_ids(other, o["sources"])])
        for x in other["licensed_technology"]:
            if x.get("provider") == id_:
                text = f"Licenses its technology to {name}: {x['technology']}"
                out.append([text, notes.cite_ids(other, x["sources"])])
    return out
