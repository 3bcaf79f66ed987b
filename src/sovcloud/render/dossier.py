"""A provider file (`sovcloud dossier`): everything known about one provider, as Markdown
for a procurement folder or a data protection impact assessment.

Every fact carries its sources as numbered Markdown footnotes ([^1]); the record's own
sources come first, in its order, so that their numbers match `sovcloud show`. The file is
stamped with the version of the data it was made from and the day it was made. Record text
is escaped (views.md): it never becomes markup, a link or HTML.
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
from sovcloud.render.views import md, md_table

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

    def cite(self, sources: Iterable[Record]) -> str:
        """Footnote marks for these sources: '[^1][^3]'."""
        numbers = set()
        for source in sources:
            key = tuple(str(source.get(k) or "") for k in ("publisher", "title", "date", "url"))
            if key not in self.numbers:
                self.sources.append(source)
                self.numbers[key] = len(self.sources)
            numbers.add(self.numbers[key])
        return "".join(f"[^{n}]" for n in sorted(numbers))

    def cite_ids(self, record: Record, ids: Iterable[str]) -> str:
        """Footnote marks for the sources a record's fact cites by id."""
        by_id = {s["id"]: s for s in record["sources"] if s.get("id")}
        return self.cite(by_id[i] for i in ids if i in by_id)

    def definitions(self, lang: str) -> list[str]:
        out = []
        for number, s in enumerate(self.sources, 1):
            text = f"[^{number}]: {md(source_label(s))}"
            if s.get("url"):
                text += f" <{s['url']}>"
            if s.get("note"):
                text += f" Note: {md(localized(s['note'], lang))}"
            out.append(text)
        return out


def _field(label: str, value: str) -> str:
    return f"- **{label}:** {value}"


def dossier(detail: ProviderDetail, stamp: Stamp, lang: str = "en") -> str:
    """The provider file as Markdown."""
    r = detail.record
    today: dt.date = stamp.made
    notes = Footnotes()
    out = [
        f"# Provider file: {md(r['name'])}",
        "",
        f"Made on {today} with {md(stamp.line())}. Certification states are as of that "
        f"day; the record was last reviewed on {r['last_reviewed']}. Every fact cites its "
        "sources as numbered notes, listed at the end.",
        "",
        f"{md(ATTRIBUTION)} <{DATA_LICENSE_URL}>",
        "",
        *_body(detail, today, notes, lang, "##"),
    ]
    out += ["", "## Sources", "", *notes.definitions(lang)]
    return "\n".join(out) + "\n"


def shortlist(details: list[ProviderDetail], stamp: Stamp, lang: str = "en") -> str:
    """One file for a shortlist: the comparison, then a section per provider, every fact
    footnoted once across the file, the data's date and fingerprint."""
    from sovcloud.render.views import CompareView

    today: dt.date = stamp.made
    notes = Footnotes()
    names = ", ".join(md(d.record["name"]) for d in details)
    table = CompareView([d.record for d in details], today, lang).grid_markdown()
    out = [
        f"# Shortlist: {names}",
        "",
        f"Made on {today} with {md(stamp.line())}. Certification states are as of that "
        "day. Every fact cites its sources as numbered notes, listed at the end.",
        "",
        f"{md(ATTRIBUTION)} <{DATA_LICENSE_URL}>",
        "",
        "## Side by side",
        "",
        table.rstrip("\n"),
    ]
    for detail in details:
        r = detail.record
        out += ["", f"## {md(r['name'])} ({md(r['id'])})", ""]
        out.append(f"The record was last reviewed on {r['last_reviewed']}.")
        out += ["", *_body(detail, today, notes, lang, "###")]
    out += ["", "## Sources", "", *notes.definitions(lang)]
    return "\n".join(out) + "\n"


def _body(
    detail: ProviderDetail, today: dt.date, notes: Footnotes, lang: str, level: str
) -> list[str]:
    """A provider's sections, headed at `level` ('##' in a dossier, '###' in a shortlist)."""
    r = detail.record
    record_marks = notes.cite(r["sources"])  # first, so numbers follow the record's order
    out = [f"{level} Identity", ""]
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
    out.append(md_table(["Field", "Value"], identity).rstrip("\n"))
    if r.get("website"):
        out += ["", f"Website: <{r['website']}>"]
    out += ["", md(localized(r["description"], lang))]
    if r.get("note"):
        out += ["", f"**Note:** {md(localized(r['note'], lang))}"]
    out += ["", f"Identity and description rest on the record's sources{record_marks}."]

    out += ["", f"{level} Owners", ""]
    if not r["owners"]:
        out.append("None recorded.")
    for o in r["owners"]:
        text = f"{owner_label(o)}, {o['role']}"
        if o.get("since"):
            text += f", since {o['since']}"
        if o.get("until"):
            text += f", until {o['until']}"
        if o.get("stake") is not None and o.get("stake_note"):
            text += f"; {o['stake_note']}"  # owner_label gives it only without a figure
        out.append(f"- {md(text)}{notes.cite_ids(r, o['sources'])}")
    if r.get("ownership"):
        own = r["ownership"]
        text = f"Ownership: {ownership_label(own)}"
        if own.get("note"):
            text += f"; {localized(own['note'], lang)}"
        out.append(f"- {md(text)}{notes.cite_ids(r, own['sources'])}")

    if r["licensed_technology"]:
        out += ["", f"{level} Technology under licence", ""]
        for x in r["licensed_technology"]:
            out.append(f"- {md(license_label(x))}{notes.cite_ids(r, x['sources'])}")

    if r["offers"]:
        out += ["", f"{level} Offers", ""]
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
        out.append(md_table(["Offer", "Id", "Service", "Status", "Description"], rows).rstrip())

    out += ["", f"{level} Certifications", ""]
    out += _certifications(r, today, notes, lang, level + "#")

    if r["data_centres"]:
        out += ["", f"{level} Data centres", ""]
        for d in r["data_centres"]:
            text = f"{d['location']} ({d['country']})"
            if d.get("operator"):
                text += f", operated by {d['operator']}"
            out.append(f"- {md(text)}{notes.cite_ids(r, d['sources'])}")

    links = _links_from_others(r["id"], detail.referrers, notes)
    if links:
        out += ["", f"{level} Named in other providers' records", "", *links]

    out += ["", f"{level} Events, newest first", ""]
    if not detail.events:
        out.append("None recorded.")
    for e in detail.events:
        head = f"{date_label(e['date'], e['status'])}, {e['kind']}"
        out.append(
            f"- **{md(head)}**: {md(localized(e['title'], lang))} ({md(e['id'])})"
            f"{notes.cite(e['sources'])}  "
        )
        out.append(f"  {md(localized(e['summary'], lang))}")

    return out


def _certifications(
    r: Record, today: dt.date, notes: Footnotes, lang: str, level: str = "###"
) -> list[str]:
    """A summary table, then each certification's details (the register line: number,
    body, dates, the day it was checked, and why it stands as it does) and sources."""
    certs = r["certifications"]
    if not certs:
        return ["None recorded."]
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
    out = [md_table(headers, rows).rstrip("\n")]
    offer_names = {o["id"]: o["name"] for o in r["offers"]}
    for c, state in zip(certs, states, strict=True):
        title = scheme_name(c["scheme"]) + (f" {c['version']}" if c.get("version") else "")
        word = STATUS_WORDS.get(c["status"], c["status"])
        out += ["", f"{level} {md(title)}: {md(word)} ({STATE_WORDS[state]} on {today})", ""]
        standing = certs_.standing(c, r, today)
        if standing.state != certs_.HELD:
            out.append(_field("Why", md(certs_.reason_text(standing))))
        if c.get("number"):
            out.append(_field("Decision or certificate", md(c["number"])))
        if c.get("body"):
            out.append(_field("Issued by", md(c["body"])))
        if c.get("checked"):
            out.append(_field("Checked against its sources on", c["checked"]))
        if c.get("milestone"):
            out.append(_field("Milestone", md(c["milestone"])))
        if c.get("scope"):
            out.append(_field("Scope", md(localized(c["scope"], lang))))
        if c["offers"]:
            offers = ", ".join(f"{offer_names.get(o, o)} ({o})" for o in c["offers"])
            out.append(_field("Offers", md(offers)))
        if c.get("services"):
            out.append(_field("Services, as the register names them", ", ".join(c["services"])))
        if c["activities"]:
            out.append(_field("HDS activities", ", ".join(str(a) for a in c["activities"])))
        if c.get("note"):
            out.append(_field("Note", md(localized(c["note"], lang))))
        out.append(_field("Sources", notes.cite_ids(r, c["sources"]) or "-"))
    return out


def _links_from_others(id_: str, referrers: list[Record], notes: Footnotes) -> list[str]:
    """The lines of other records that name this provider as an owner or a vendor."""
    out = []
    for other in referrers:
        name = f"{other['name']} ({other['id']})"
        for o in other["owners"]:
            if o.get("provider") == id_:
                text = f"Owner of {name}: {owner_label(o)}, {o['role']}"
                if o.get("since"):
                    text += f", since {o['since']}"
                if o.get("until"):
                    text += f", until {o['until']}"
                out.append(f"- {md(text)}{notes.cite_ids(other, o['sources'])}")
        for x in other["licensed_technology"]:
            if x.get("provider") == id_:
                text = f"Licenses its technology to {name}: {x['technology']}"
                out.append(f"- {md(text)}{notes.cite_ids(other, x['sources'])}")
    return out
