"""`sovcloud providers`: the listing, one row per provider, with its certifications' cells."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core import certs, schemes, shape
from sovcloud.core.labels import STATE_STYLES, STATUS_WORDS, scheme_name
from sovcloud.i18n import t, tn
from sovcloud.query import ProviderRow
from sovcloud.render.markup import NARROW, Record, Rows, md, md_table

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.coverage import Coverage
    from sovcloud.render.grid import Column

MAIN_SCHEMES = schemes.MAIN_SCHEMES


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
        return shape.provider_rows([r.record for r in self.rows], self.lang, self.today)

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

    def _columns(self, narrow: bool) -> list[Column]:
        """The table's columns: a narrow terminal drops the kind and the other schemes."""
        from sovcloud.render.grid import Column

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
        return columns

    def _cells(self, row: ProviderRow, narrow: bool) -> list[tuple[str, str]]:
        """One provider's row of the table, as (text, style) cells."""
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
        return values

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines, table_lines

        narrow = console.width < NARROW
        rows = [self._cells(row, narrow) for row in self.rows]
        print_lines(console, table_lines(self._columns(narrow), rows, console.width))
        notes = self.notes()
        lines = paragraph(notes[0], "dim", console.width)
        for note in notes[1:]:
            lines += paragraph(note, "bold", console.width)
        print_lines(console, lines)
