"""What `sovcloud schemes` and `sovcloud show SCHEME` show, and the coverage line that ends
a listing filtered on a scheme: how much of the official register the catalogue holds."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core import certs
from sovcloud.core.labels import (
    STATE_STYLES,
    cert_label,
    reason_words,
    scheme_full_name,
    source_label,
)
from sovcloud.coverage import Coverage, SchemeDetail
from sovcloud.i18n import localized, t, tn
from sovcloud.render.markup import Rows, md, md_table, styled
from sovcloud.render.sources import source_lines

if TYPE_CHECKING:
    from rich.console import Console

Record = dict[str, Any]


def coverage_line(cov: Coverage, name: str, lang: str = "en") -> str:
    """'SecNumCloud: 17 of the 27 services are recorded here (63%), by the count of
    2026-09-08 of "Catalogue..." (ANSSI).' The answer first, so that a narrow terminal or
    `head` keeps it; never silent: without an official count, it says the listing may be
    incomplete."""
    if cov.official is None:
        text = (
            "{name}: {n} recorded here; the register's own count is not recorded, so this "
            "listing may be incomplete."
        )
        return tn(cov.recorded, text, text, lang, name=name)
    count = cov.official
    register = cov.register or {}
    where = (
        t(
            ' of "{title}" ({publisher})',
            lang,
            title=register["title"],
            publisher=register["publisher"],
        )
        if register
        else ""
    )
    share = f" ({100 * cov.recorded / count['count']:.0f}%)" if count["count"] else ""
    return tn(
        cov.recorded,
        "{name}: {n} of the {count} {unit} is recorded here{share}, by the count of {date}{where}.",
        "{name}: {n} of the {count} {unit} are recorded here{share}, by the count of "
        "{date}{where}.",
        lang,
        name=name,
        count=count["count"],
        unit=t(count["unit"], lang),
        where=where,
        date=count["date"],
        share=share,
    )


def coverage_document(cov: Coverage) -> Record:
    official = cov.official
    return {
        "scheme": cov.scheme,
        "recorded": cov.recorded,
        "official_count": official["count"] if official else None,
        "unit": official["unit"] if official else None,
        "official_date": official["date"] if official else None,
        "register": cov.register,
    }


SCHEMES_HEADERS = (
    "Id",
    "Name",
    "Authority",
    "Where",
    "Certifies",
    "Held as",
    "Recorded",
    "Register",
)
HOLDERS_HEADERS = (
    "Provider",
    "Ctry",
    "Entry",
    "Number",
    "Offers",
    "Standing",
    "Evidence",
    "Checked",
)


class SchemesView(NamedTuple):
    """Every scheme, with its authority, register and coverage."""

    schemes: list[tuple[Record, Coverage]]
    lang: str = "en"

    def document(self) -> Any:
        return [{**record, "coverage": coverage_document(cov)} for record, cov in self.schemes]

    def _row(self, record: Record, cov: Coverage, one_line: bool = False) -> list[str]:
        """The cells people read; the name with the name spelt out under it (beside it, in
        parentheses, on `one_line`)."""
        official = cov.official
        counted = (
            f"{cov.recorded} / {official['count']} {t(official['unit'], self.lang)} "
            f"({official['date']})"
            if official
            else f"{cov.recorded} / ?"
        )
        register = record.get("official_register")
        full_name = scheme_full_name(record, self.lang)
        return [
            record["id"],
            record["name"]
            + ((f" ({full_name})" if one_line else f"\n{full_name}") if full_name else ""),
            record["authority"],
            record["jurisdiction"],
            t(record["certifies"], self.lang),
            t(record["held_as"], self.lang),
            counted,
            register["title"] if register else "-",
        ]

    def flat(self) -> Rows:
        headers = [
            "id",
            "name",
            "authority",
            "jurisdiction",
            "certifies",
            "held_as",
            "recorded",
            "official_count",
            "unit",
            "official_date",
            "register",
            "register_url",
        ]
        rows = []
        for record, cov in self.schemes:
            official, register = cov.official, record.get("official_register") or {}
            rows.append(
                [
                    record["id"],
                    record["name"],
                    record["authority"],
                    record["jurisdiction"],
                    record["certifies"],
                    record["held_as"],
                    str(cov.recorded),
                    str(official["count"]) if official else "",
                    official["unit"] if official else "",
                    official["date"] if official else "",
                    register.get("title", ""),
                    register.get("url", ""),
                ]
            )
        return headers, rows

    def markdown(self) -> str:
        headers = [t(h, self.lang) for h in SCHEMES_HEADERS]
        return md_table(headers, [self._row(r, c, one_line=True) for r, c in self.schemes])

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        narrow = console.width < 100
        keep = [0, 1, 2, 3, 6] if narrow else list(range(8))
        columns = [
            Column(t(SCHEMES_HEADERS[i], self.lang), max_width=40 if i == 7 else 24) for i in keep
        ]
        rows = []
        for record, cov in self.schemes:
            cells = self._row(record, cov)
            rows.append([(cells[i], "") for i in keep])
        print_lines(console, table_lines(columns, rows, console.width))
        text = (
            "{n} schemes. Recorded: entries (or hosts) held here today, against the register's "
            "own latest count."
        )
        console.print(styled(tn(len(self.schemes), text, text, self.lang), "dim"))


class SchemeView(NamedTuple):
    """One scheme: what it is, its versions and register, and every provider under it."""

    detail: SchemeDetail
    today: dt.date
    lang: str = "en"

    def document(self) -> Any:
        return {
            "scheme": self.detail.record,
            "coverage": coverage_document(self.detail.coverage),
            "holders": [
                {
                    "id": h.id,
                    "name": h.name,
                    "country": h.country,
                    "entries": [{**c, "standing": s.as_dict()} for c, s in h.entries],
                }
                for h in self.detail.holders
            ],
        }

    def _holder_rows(self) -> list[tuple[list[str], str]]:
        rows = []
        for h in self.detail.holders:
            for cert, standing in h.entries:
                state = t(standing.state, self.lang)
                if standing.state != certs.HELD:
                    state += f": {reason_words(standing, self.lang)}"
                rows.append(
                    (
                        [
                            f"{h.name} ({h.id})",
                            h.country,
                            cert_label(cert, lang=self.lang),
                            cert.get("number") or "-",
                            ", ".join(cert["offers"]) or cert.get("scope") or "-",
                            state,
                            standing.evidence or "-",
                            cert.get("checked") or "-",
                        ],
                        STATE_STYLES[standing.state],
                    )
                )
        return rows

    def flat(self) -> Rows:
        headers = [
            "provider",
            "country",
            "entry",
            "number",
            "offers",
            "standing",
            "evidence",
            "checked",
        ]
        return headers, [cells for cells, _ in self._holder_rows()]

    def _facts(self) -> list[str]:
        r = self.detail.record
        lines = [
            f"{r['authority']} · {r['jurisdiction']} · certifies a {r['certifies']} · "
            f"held as {r['held_as']}"
            + (f" · valid {r['validity_years']} years" if r.get("validity_years") else "")
        ]
        if r["aliases"]:
            lines.append(f"{t('also known as', self.lang)} " + ", ".join(r["aliases"]))
        for v in r["versions"]:
            dates = [
                f"{label} {v[key]}"
                for key, label in (
                    ("published", "published"),
                    ("in_force", "in force"),
                    ("transition_ends", "transition ends"),
                )
                if v.get(key)
            ]
            lines.append(f"version {v['version']}: " + (", ".join(dates) or "dates not recorded"))
        for m in r["milestones"]:
            lines.append(localized(m["label"], self.lang))
        for a in r["activities"]:
            lines.append(
                f"{t('activities', self.lang)} {a['number']}: " + localized(a["label"], self.lang)
            )
        register = r.get("official_register")
        if register:
            lines.append(
                f'register: {register["publisher"]}, "{register["title"]}"'
                + (f" <{register['url']}>" if register.get("url") else "")
            )
        return lines

    def markdown(self) -> str:
        r = self.detail.record
        out = [f"# {md(r['name'])} ({md(r['id'])})", ""]
        out += [md(line) + "  " for line in self._facts()]
        out += ["", md(localized(r["description"], self.lang)), ""]
        out += [md(coverage_line(self.detail.coverage, r["name"], self.lang)), ""]
        out += [
            "## Holders",
            "",
            md_table(list(HOLDERS_HEADERS), [c for c, _ in self._holder_rows()]),
        ]
        out += ["## Sources", ""]
        for i, s in enumerate(r["sources"], 1):
            url = f" <{s['url']}>" if s.get("url") else ""
            out.append(f"{i}. {md(source_label(s))}{url}")
        return "\n".join(out) + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, Line, paragraph, print_lines, table_lines

        r = self.detail.record
        width = console.width
        out: list[Line] = [[(r["name"], "bold"), (f"  ({r['id']})", "dim")]]
        for line in self._facts():
            out += paragraph(line, "", width)
        out.append([])
        out += paragraph(localized(r["description"], self.lang), "", width)
        out.append([])
        out += paragraph(coverage_line(self.detail.coverage, r["name"], self.lang), "bold", width)
        out.append([])
        keep = [0, 5, 2] if width < 100 else list(range(8))
        columns = [Column(t(HOLDERS_HEADERS[i], self.lang), max_width=36) for i in keep]
        rows = [[(cells[i], style) for i in keep] for cells, style in self._holder_rows()]
        out += table_lines(columns, rows, width)
        out += [[], [(t("Sources", self.lang), "bold underline")]]
        out += source_lines(r["sources"], width)
        print_lines(console, out)


class TagsView(NamedTuple):
    """The tag vocabulary, most used first, with its labels and aliases."""

    tags: list[tuple[Record, int]]  # (tag record, events carrying it)
    lang: str = "en"

    def _row(self, tag: Record, count: int) -> list[str]:
        return [
            tag["id"],
            str(count),
            localized(tag["label"], self.lang),
            ", ".join(tag["aliases"]),
        ]

    def document(self) -> Any:
        return [{**tag, "events": count} for tag, count in self.tags]

    def flat(self) -> Rows:
        return ["id", "events", "label", "aliases"], [self._row(t, c) for t, c in self.tags]

    def markdown(self) -> str:
        headers = [t(h, self.lang) for h in ("Tag", "Events", "Label", "Aliases")]
        return md_table(headers, [self._row(tag, c) for tag, c in self.tags])

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import Column, print_lines, table_lines

        columns = [
            Column(t("Tag", self.lang), wrap=False),
            Column(t("Events", self.lang), wrap=False),
            Column(t("Label", self.lang), max_width=50),
            Column(t("Aliases", self.lang), max_width=40),
        ]
        rows = [[(cell, "") for cell in self._row(tag, c)] for tag, c in self.tags]
        print_lines(console, table_lines(columns, rows, console.width))
        text = (
            "{n} tags; `sovcloud timeline --tag TAG` lists the events of one (an alias works too)."
        )
        console.print(styled(tn(len(self.tags), text, text, self.lang), "dim"))
