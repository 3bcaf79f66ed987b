"""`sovcloud compare`: providers side by side, a row per field and per scheme.

The grid is also the dossier's shortlist table (render/dossier.py)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core import certs, schemes, shape
from sovcloud.core.labels import (
    STATE_STYLES,
    cert_label,
    license_label,
    owner_label,
    ownership_label,
    reason_words,
    scheme_name,
)
from sovcloud.i18n import t
from sovcloud.render.markup import Record, Rows, md, md_table, styled
from sovcloud.render.sources import md_sources, ordered_sources
from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from collections.abc import Callable

    from rich.console import Console

Cells = list[tuple[str, str]]  # one (text, style) per provider
GridRow = tuple[str, Cells]  # a field's label and its cells


def _joined(items: list[Record], label: Callable[[Record], str]) -> str:
    return "; ".join(label(x) for x in items) or "-"


class CompareView(NamedTuple):
    records: list[Record]
    today: dt.date
    lang: str = "en"

    def document(self) -> Any:
        return [certs.annotate(r, self.today) for r in self.records]

    def flat(self) -> Rows:
        return shape.provider_rows(self.records, self.lang, self.today)

    def _entry(self, cert: Record, standing: certs.Standing) -> str:
        """An entry with its dates, and its standing when it is not simply held."""
        text = cert_label(cert, lang=self.lang)
        if standing.state != certs.HELD:
            text += f" ({t(standing.state, self.lang)}: {reason_words(standing, self.lang)})"
        return text

    def _label(self, key: str) -> str:
        return t(shape.PROVIDER.field(key).label, self.lang)

    def _list_row(self, key: str, label: Callable[[Record], str]) -> GridRow:
        """A field holding a list: its items joined, '-' for none."""
        return self._label(key), [(_joined(r[key], label), "") for r in self.records]

    def _fact_rows(self) -> list[GridRow]:
        """Who each provider is: identity, owners, licences, offers, data centres."""
        rs, lang = self.records, self.lang
        rows = [
            (self._label(key), [(r.get(key) or "-", "") for r in rs])
            for key in ("id", "country", "kind", "status", "founded")
        ]
        rows.append(self._list_row("owners", owner_label))
        ownership = [
            (ownership_label(r["ownership"], lang) if r.get("ownership") else "-", "") for r in rs
        ]
        rows.append((self._label("ownership"), ownership))
        rows.append(self._list_row("licensed_technology", license_label))
        rows.append(self._list_row("offers", lambda o: f"{o['name']} ({o['service']})"))
        rows.append(self._list_row("data_centres", lambda d: f"{d['location']} ({d['country']})"))
        return rows

    def _scheme_cells(self, scheme: str) -> Cells:
        """Each provider's entries of one scheme, styled by the best one's standing."""
        cells: Cells = []
        for r in self.records:
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
        return cells

    def _grid(self) -> list[GridRow]:
        """The facts, a row per scheme any of them holds an entry of, the review date."""
        held = {c["scheme"] for r in self.records for c in r["certifications"]}
        rows = self._fact_rows()
        rows += [(scheme_name(s), self._scheme_cells(s)) for s in schemes.order(held)]
        rows.append(
            (self._label("last_reviewed"), [(r["last_reviewed"], "") for r in self.records])
        )
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
