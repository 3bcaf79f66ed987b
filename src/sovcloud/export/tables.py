"""The catalogue as relational tables: one row per provider, owner, licence, offer,
certification, data centre, event, event-provider link, source and citation.

The same tables feed the SQLite export and the CSV export. Their columns are the fields of
the catalogue's shape (core/shape.py, which says how each flattens), after each table's own
row number, foreign keys and position; this module adds only those keys, the citations that
link facts to their sources, and the CSV writing. Standard library only."""

from __future__ import annotations

import csv
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sovcloud.core import shape
from sovcloud.core.shape import Column

Record = dict[str, Any]
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Table:
    """A table: its own columns (row number, foreign keys, position), then the columns of
    the shape's fields, then any columns of its own that follow them.

    In `keys`, a field's key (a string) places that field's columns there: the fields that
    belong to the table's key come first. Rows of a provider's lists that cite sources say
    so in the citations table (`cited_as`), and the sources table names them (`backs`)."""

    name: str
    keys: tuple[Column | str, ...]
    entity: shape.Entity | None = None
    trailing: tuple[Column, ...] = ()
    constraints: tuple[str, ...] = ()  # table constraints: compound keys, checks
    indexes: tuple[str, ...] = ()  # columns to index (foreign keys)
    cited_as: str | None = None  # the citations column referring to this table's rows
    backs: Callable[[Record], str] | None = None  # how a source's `backs` names a row

    @functools.cached_property
    def columns(self) -> tuple[Column, ...]:
        placed = {k for k in self.keys if isinstance(k, str)}
        out: list[Column] = []
        for key in self.keys:
            if isinstance(key, str):
                assert self.entity is not None, "a field's key names a field of the entity"
                out += self.entity.field(key).columns
            else:
                out.append(key)
        if self.entity is not None:
            out += [c for f in self.entity.fields if f.key not in placed for c in f.columns]
        return (*out, *self.trailing)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        """The CREATE TABLE statement, each column documented."""
        lines = []
        items = [(f"{c.name} {c.sql}", c.doc) for c in self.columns]
        items += [(constraint, "") for constraint in self.constraints]
        for i, (text, doc) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            lines.append(f"  {text}{comma}" + (f"  -- {doc}" if doc else ""))
        return f"CREATE TABLE {self.name} (\n" + "\n".join(lines) + "\n)"


def _c(name: str, decl: str = "TEXT", doc: str = "") -> Column:
    return Column(name, decl, doc)


_ID = _c("id", "INTEGER PRIMARY KEY")
_PROVIDER_FK = "TEXT NOT NULL REFERENCES providers(id)"
_POSITION = _c("position", "INTEGER NOT NULL", "order within the record, from 1")


def _cert_backs(cert: Record) -> str:
    version = f" {cert['version']}" if cert.get("version") else ""
    return f"certification: {cert['scheme']}{version} ({cert['status']})"


TABLES: tuple[Table, ...] = (
    Table("providers", ("id",), shape.PROVIDER),
    Table(
        "owners",
        (_ID, _c("provider_id", _PROVIDER_FK, "the provider owned"), _POSITION),
        shape.OWNER,
        indexes=("provider_id", "owner_provider_id"),
        cited_as="owner_id",
        backs=lambda o: f"owner: {o['name']}",
    ),
    Table(
        "licences",
        (_ID, _c("provider_id", _PROVIDER_FK, "the licensee"), _POSITION),
        shape.LICENCE,
        indexes=("provider_id", "vendor_provider_id"),
        cited_as="licence_id",
        backs=lambda x: f"licence: {x['vendor']} {x['technology']}",
    ),
    Table(
        "offers",
        (_c("provider_id", _PROVIDER_FK), "id", _POSITION),
        shape.OFFER,
        constraints=("PRIMARY KEY (provider_id, id)",),
    ),
    Table(
        "certifications",
        (_ID, _c("provider_id", _PROVIDER_FK), _POSITION),
        shape.CERTIFICATION,
        indexes=("provider_id", "scheme"),
        cited_as="certification_id",
        backs=_cert_backs,
    ),
    Table(
        "data_centres",
        (_ID, _c("provider_id", _PROVIDER_FK), _POSITION),
        shape.DATA_CENTRE,
        indexes=("provider_id",),
        cited_as="data_centre_id",
        backs=lambda d: f"data centre: {d['location']}",
    ),
    Table(
        "sovereignty_answers",
        (_ID, _c("provider_id", _PROVIDER_FK), _POSITION),
        shape.SOVEREIGNTY_ANSWER,
        indexes=("provider_id", "criterion"),
        cited_as="sovereignty_answer_id",
        backs=lambda a: f"sovereignty answer: {a['criterion']}",
    ),
    Table("events", ("id",), shape.EVENT, indexes=("date_first",)),
    Table(
        "event_providers",
        (
            _c("event_id", "TEXT NOT NULL REFERENCES events(id)"),
            _c("provider_id", _PROVIDER_FK),
            _POSITION,
        ),
        constraints=("PRIMARY KEY (event_id, provider_id)",),
        indexes=("provider_id",),
    ),
    Table(
        "sources",
        (
            _ID,
            _c("provider_id", "TEXT REFERENCES providers(id)", "set for a provider's source"),
            _c("event_id", "TEXT REFERENCES events(id)", "set for an event's source"),
            "id",
            _POSITION,
        ),
        shape.SOURCE,
        trailing=(
            _c(
                "backs",
                "TEXT NOT NULL",
                'JSON array of what it backs: "event", the facts citing it, or "record"',
            ),
        ),
        constraints=("CHECK ((provider_id IS NULL) <> (event_id IS NULL))",),
        indexes=("provider_id", "event_id"),
    ),
    Table(
        "citations",
        (
            _ID,
            _c("source_id", "INTEGER NOT NULL REFERENCES sources(id)"),
            _c("owner_id", "INTEGER REFERENCES owners(id)"),
            _c("licence_id", "INTEGER REFERENCES licences(id)"),
            _c("certification_id", "INTEGER REFERENCES certifications(id)"),
            _c("data_centre_id", "INTEGER REFERENCES data_centres(id)"),
            _c("sovereignty_answer_id", "INTEGER REFERENCES sovereignty_answers(id)"),
            _c(
                "ownership_provider_id",
                "TEXT REFERENCES providers(id)",
                "the provider whose ownership as a whole it backs (ownership_complete)",
            ),
        ),
        constraints=(
            "CHECK ((owner_id IS NOT NULL) + (licence_id IS NOT NULL) + "
            "(certification_id IS NOT NULL) + (data_centre_id IS NOT NULL) + "
            "(sovereignty_answer_id IS NOT NULL) + (ownership_provider_id IS NOT NULL) = 1)",
        ),
        indexes=(
            "source_id",
            "owner_id",
            "licence_id",
            "certification_id",
            "data_centre_id",
            "sovereignty_answer_id",
            "ownership_provider_id",
        ),
    ),
)
TABLE_NAMES = tuple(t.name for t in TABLES)
_BY_NAME = {t.name: t for t in TABLES}
# The table of each list of records a provider holds, but its sources (which come last,
# once every fact citing them is known).
_NESTED = {
    f.key: t
    for f in shape.PROVIDER.fields
    if f.items is not None and f.key != "sources"
    for t in TABLES
    if t.entity is f.items
}
_PARTS = [
    f.key
    for f in shape.PROVIDER.fields
    if f.part is not None and any(g.key == "sources" for g in f.part.fields)
]

# Full-text search, one external-content FTS5 table per searchable table, named and declared
# as sqlite-utils does (`content=[table]`) so that Datasette finds and uses it.
FTS: dict[str, tuple[str, ...]] = {
    "providers": ("name", "aliases", "description", "description_fr"),
    "events": ("title", "title_fr", "summary", "summary_fr"),
}


class _Rows:
    """Rows per table, with integer ids handed out in a stable order."""

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {name: [] for name in TABLE_NAMES}

    def add(
        self,
        table: Table,
        item: Record | None = None,
        record: Record | None = None,
        /,
        **values: Any,
    ) -> int:
        """Append a row: the shape's columns from `item` (held by `record`), the table's
        own from `values`; returns its number, which is its id in numbered tables."""
        rows = self.tables[table.name]
        number = len(rows) + 1
        if table.columns[0].sql == "INTEGER PRIMARY KEY":
            values["id"] = number
        rows.append(
            tuple(
                c.value(item, record or item)
                if c.value is not None and item is not None
                else values.get(c.name)
                for c in table.columns
            )
        )
        return number


def build(providers: list[Record], events: list[Record]) -> dict[str, list[Row]]:
    """Every table's rows, in TABLES' column order, from records as the index holds them."""
    rows = _Rows()
    for p in sorted(providers, key=lambda r: r["id"]):
        _provider(rows, p)
    for e in sorted(events, key=lambda r: r["id"]):
        _event(rows, e)
    return rows.tables


def _provider(rows: _Rows, p: Record) -> None:
    pid = p["id"]
    rows.add(_BY_NAME["providers"], p)
    # Facts that cite sources: (citations column, row id, label, cited source keys).
    cited: list[tuple[str, int | str, str, list[str]]] = []
    for key, table in _NESTED.items():
        for i, item in enumerate(p[key], 1):
            row_id = rows.add(table, item, p, provider_id=pid, position=i)
            if table.cited_as and table.backs:
                cited.append((table.cited_as, row_id, table.backs(item), item["sources"]))
    for key in _PARTS:  # a record within the record that cites sources: the ownership
        if p.get(key):
            cited.append((f"{key}_provider_id", pid, key, p[key]["sources"]))
    source_ids: dict[str, int] = {}
    for i, source in enumerate(p["sources"], 1):
        key = source.get("id")
        backs = [label for _, _, label, keys in cited if key and key in keys] or ["record"]
        source_ids[key or f"#{i}"] = _source(rows, source, p, i, backs, provider_id=pid)
    for column, fact, _, keys in cited:
        for key in dict.fromkeys(keys):
            if key in source_ids:  # checks refuse a citation of an unknown source (SC207)
                rows.add(_BY_NAME["citations"], source_id=source_ids[key], **{column: fact})


def _source(
    rows: _Rows, source: Record, record: Record, position: int, backs: list[str], **owner: str
) -> int:
    return rows.add(
        _BY_NAME["sources"],
        source,
        record,
        position=position,
        backs=shape.json_array(backs),
        **owner,
    )


def _event(rows: _Rows, e: Record) -> None:
    rows.add(_BY_NAME["events"], e)
    for i, provider_id in enumerate(dict.fromkeys(e["providers"]), 1):
        rows.add(_BY_NAME["event_providers"], event_id=e["id"], provider_id=provider_id, position=i)
    for i, source in enumerate(e["sources"], 1):
        _source(rows, source, e, i, ["event"], event_id=e["id"])


# --- CSV ---------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: Any) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula is made text, as
    render.output does for listings."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_START):
        return "'" + text
    return text


def to_csv(table: Table, rows: list[Row], *, excel: bool = False) -> bytes:
    """One table as CSV (UTF-8, header row, \\r\\n line ends as RFC 4180 says); for Excel
    in French, `;` between cells and a byte-order mark (render/formats.py says why)."""
    from sovcloud.render.formats import EXCEL_DELIMITER, UTF8_BOM

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=EXCEL_DELIMITER if excel else ",", lineterminator="\r\n")
    writer.writerow(table.column_names)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return ((UTF8_BOM if excel else "") + buffer.getvalue()).encode("utf-8")


def write_csv(
    directory: Path,
    providers: list[Record],
    events: list[Record],
    *,
    force: bool = False,
    excel: bool = False,
) -> dict[str, int]:
    """One CSV file per table in `directory`, all written or none; returns the row counts."""
    from sovcloud.atomic import staged_files

    tables = build(providers, events)
    with staged_files(directory, csv_names(), force=force) as stage:
        for table in TABLES:
            body = to_csv(table, tables[table.name], excel=excel)
            (stage / f"{table.name}.csv").write_bytes(body)
    return {name: len(rows) for name, rows in tables.items()}


def csv_names() -> list[str]:
    """The file names `write_csv` writes."""
    return [f"{table.name}.csv" for table in TABLES]
