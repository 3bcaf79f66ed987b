"""The catalogue as relational tables: one row per provider, owner, licence, offer,
certification, data centre, event, event-provider link, source and citation.

The same tables feed the SQLite export and the CSV export. Lists of plain values (aliases,
tags, actors, HDS activities, covered offers) stay JSON arrays in one column, which Datasette
facets on; everything that has fields of its own gets a table with foreign keys. Bilingual
text becomes two columns: `x` (English where given, else French) and `x_fr`. Partial dates
keep their own precision in `x`, with the first or last day they can mean beside them, so
that SQL can compare them without inventing a day. Standard library only.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sovcloud import dates
from sovcloud.i18n import localized

Record = dict[str, Any]
Row = tuple[Any, ...]


@dataclass(frozen=True)
class Column:
    name: str
    decl: str  # type and constraints
    doc: str = ""  # kept as an SQL comment in the schema that Datasette shows


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[Column, ...]
    constraints: tuple[str, ...] = ()  # table constraints: compound keys, checks
    indexes: tuple[str, ...] = ()  # columns to index (foreign keys)

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    def ddl(self) -> str:
        """The CREATE TABLE statement, each column documented."""
        lines = []
        items = [(f"{c.name} {c.decl}", c.doc) for c in self.columns]
        items += [(constraint, "") for constraint in self.constraints]
        for i, (text, doc) in enumerate(items):
            comma = "," if i < len(items) - 1 else ""
            lines.append(f"  {text}{comma}" + (f"  -- {doc}" if doc else ""))
        return f"CREATE TABLE {self.name} (\n" + "\n".join(lines) + "\n)"


def _c(name: str, decl: str = "TEXT", doc: str = "") -> Column:
    return Column(name, decl, doc)


_PROVIDER_FK = "TEXT NOT NULL REFERENCES providers(id)"
_POSITION = _c("position", "INTEGER NOT NULL", "order within the record, from 1")

TABLES: tuple[Table, ...] = (
    Table(
        "providers",
        (
            _c("id", "TEXT PRIMARY KEY", "the record's id, as in providers/<id>.yaml"),
            _c("name", "TEXT NOT NULL"),
            _c("aliases", "TEXT NOT NULL", "JSON array of other names"),
            _c("kind", "TEXT NOT NULL"),
            _c("country", "TEXT NOT NULL", "ISO 3166-1 alpha-2"),
            _c("headquarters"),
            _c("founded", doc="partial date: 2023, 2023-12 or 2023-12-18"),
            _c("status", "TEXT NOT NULL"),
            _c("website"),
            _c("description", "TEXT NOT NULL", "English where given, else French"),
            _c("description_fr", doc="French, where given"),
            _c("note"),
            _c("note_fr"),
            _c("last_reviewed", "TEXT NOT NULL", "ISO day"),
        ),
    ),
    Table(
        "owners",
        (
            _c("id", "INTEGER PRIMARY KEY"),
            _c("provider_id", _PROVIDER_FK, "the provider owned"),
            _POSITION,
            _c("name", "TEXT NOT NULL"),
            _c("owner_provider_id", "TEXT REFERENCES providers(id)", "the owner's own record"),
            _c("country", "TEXT NOT NULL"),
            _c("role", "TEXT NOT NULL", "parent or shareholder"),
            _c("stake", "REAL", "percent, only where a source gives it"),
            _c("stake_note"),
            _c("since", doc="partial date"),
            _c("until", doc="partial date"),
        ),
        indexes=("provider_id", "owner_provider_id"),
    ),
    Table(
        "licences",
        (
            _c("id", "INTEGER PRIMARY KEY"),
            _c("provider_id", _PROVIDER_FK, "the licensee"),
            _POSITION,
            _c("vendor", "TEXT NOT NULL"),
            _c("vendor_provider_id", "TEXT REFERENCES providers(id)", "the vendor's own record"),
            _c("country", "TEXT NOT NULL"),
            _c("technology", "TEXT NOT NULL"),
        ),
        indexes=("provider_id", "vendor_provider_id"),
    ),
    Table(
        "offers",
        (
            _c("provider_id", _PROVIDER_FK),
            _c("id", "TEXT NOT NULL", "unique within the provider"),
            _POSITION,
            _c("name", "TEXT NOT NULL"),
            _c("service", "TEXT NOT NULL"),
            _c("status", "TEXT NOT NULL"),
            _c("description"),
            _c("description_fr"),
        ),
        constraints=("PRIMARY KEY (provider_id, id)",),
    ),
    Table(
        "certifications",
        (
            _c("id", "INTEGER PRIMARY KEY"),
            _c("provider_id", _PROVIDER_FK),
            _POSITION,
            _c("scheme", "TEXT NOT NULL", "secnumcloud, hds, iso-27001, bsi-c5..."),
            _c("version"),
            _c("status", "TEXT NOT NULL", "qualified, certified, in-progress, announced, ..."),
            _c("milestone"),
            _c("scope"),
            _c("offers", "TEXT NOT NULL", "JSON array of the provider's offer ids covered"),
            _c("activities", "TEXT NOT NULL", "JSON array of HDS activities (1-6)"),
            _c("granted", doc="partial date"),
            _c("granted_first", doc="ISO day: the earliest day `granted` can mean"),
            _c("expires", doc="partial date"),
            _c("expires_last", doc="ISO day: the latest day `expires` can mean"),
            _c("ended", doc="partial date"),
            _c("ended_last", doc="ISO day: the latest day `ended` can mean"),
            _c("number", doc="decision or certificate number, as the register writes it"),
            _c("body", doc="who issued it: the certifying body or the authority"),
            _c("checked", doc="ISO day a person last checked the entry against its sources"),
            _c("standing", doc="on the export day: held, unverified, unknown, pending, ..."),
            _c("standing_reason", doc="why: valid, press-only, superseded, expired, ..."),
            _c("evidence", doc="the most authoritative type among its sources"),
            _c("note"),
            _c("note_fr"),
        ),
        indexes=("provider_id", "scheme"),
    ),
    Table(
        "data_centres",
        (
            _c("id", "INTEGER PRIMARY KEY"),
            _c("provider_id", _PROVIDER_FK),
            _POSITION,
            _c("location", "TEXT NOT NULL"),
            _c("country", "TEXT NOT NULL"),
            _c("operator"),
        ),
        indexes=("provider_id",),
    ),
    Table(
        "events",
        (
            _c("id", "TEXT PRIMARY KEY", "the record's id, as in events/<id>.yaml"),
            _c("date", "TEXT NOT NULL", "partial date, as precise as the source"),
            _c("date_precision", "TEXT NOT NULL", "year, month or day"),
            _c("date_first", "TEXT NOT NULL", "ISO day: the earliest day `date` can mean"),
            _c("date_last", "TEXT NOT NULL", "ISO day: the latest day `date` can mean"),
            _c("status", "TEXT NOT NULL", "happened, expected or cancelled"),
            _c("kind", "TEXT NOT NULL"),
            _c("title", "TEXT NOT NULL", "English where given, else French"),
            _c("title_fr"),
            _c("summary", "TEXT NOT NULL"),
            _c("summary_fr"),
            _c("actors", "TEXT NOT NULL", "JSON array of people and bodies"),
            _c("tags", "TEXT NOT NULL", "JSON array of tag ids"),
            _c("note"),
            _c("note_fr"),
            _c("last_reviewed", "TEXT NOT NULL", "ISO day"),
        ),
        indexes=("date_first",),
    ),
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
            _c("id", "INTEGER PRIMARY KEY"),
            _c("provider_id", "TEXT REFERENCES providers(id)", "set for a provider's source"),
            _c("event_id", "TEXT REFERENCES events(id)", "set for an event's source"),
            _c("source_key", doc="the id by which facts of the provider record cite it"),
            _POSITION,
            _c("publisher", "TEXT NOT NULL"),
            _c("title", "TEXT NOT NULL"),
            _c("date", "TEXT NOT NULL", "partial date"),
            _c("url"),
            _c("type", "TEXT NOT NULL", "register, government, company, press, ..."),
            _c("note"),
            _c("note_fr"),
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
            _c("id", "INTEGER PRIMARY KEY"),
            _c("source_id", "INTEGER NOT NULL REFERENCES sources(id)"),
            _c("owner_id", "INTEGER REFERENCES owners(id)"),
            _c("licence_id", "INTEGER REFERENCES licences(id)"),
            _c("certification_id", "INTEGER REFERENCES certifications(id)"),
            _c("data_centre_id", "INTEGER REFERENCES data_centres(id)"),
        ),
        constraints=(
            "CHECK ((owner_id IS NOT NULL) + (licence_id IS NOT NULL) + "
            "(certification_id IS NOT NULL) + (data_centre_id IS NOT NULL) = 1)",
        ),
        indexes=("source_id", "owner_id", "licence_id", "certification_id", "data_centre_id"),
    ),
)
TABLE_NAMES = tuple(t.name for t in TABLES)

# Full-text search, one external-content FTS5 table per searchable table, named and declared
# as sqlite-utils does (`content=[table]`) so that Datasette finds and uses it.
FTS: dict[str, tuple[str, ...]] = {
    "providers": ("name", "aliases", "description", "description_fr"),
    "events": ("title", "title_fr", "summary", "summary_fr"),
}


def _texts(value: Any) -> tuple[str | None, str | None]:
    """(main text, French text) of a plain or bilingual text."""
    if value is None:
        return None, None
    french = value.get("fr") if isinstance(value, dict) else None
    return localized(value, "en"), french


def _json(values: list[Any]) -> str:
    return json.dumps(values, ensure_ascii=False)


def _first(value: str | None) -> str | None:
    return dates.first_day(value).isoformat() if value else None


def _last(value: str | None) -> str | None:
    return dates.last_day(value).isoformat() if value else None


class _Rows:
    """Rows per table, with integer ids handed out in a stable order."""

    def __init__(self) -> None:
        self.tables: dict[str, list[Row]] = {name: [] for name in TABLE_NAMES}
        self._columns = {t.name: t.column_names for t in TABLES}
        self._numbered = {t.name for t in TABLES if t.columns[0].decl == "INTEGER PRIMARY KEY"}

    def add(self, table: str, **values: Any) -> int:
        """Append a row; returns its number, which is its id in numbered tables."""
        rows = self.tables[table]
        number = len(rows) + 1
        if table in self._numbered:
            values["id"] = number
        rows.append(tuple(values.get(c) for c in self._columns[table]))
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
    description, description_fr = _texts(p["description"])
    note, note_fr = _texts(p.get("note"))
    rows.add(
        "providers",
        id=pid,
        name=p["name"],
        aliases=_json(p["aliases"]),
        kind=p["kind"],
        country=p["country"],
        headquarters=p.get("headquarters"),
        founded=p.get("founded"),
        status=p["status"],
        website=p.get("website"),
        description=description,
        description_fr=description_fr,
        note=note,
        note_fr=note_fr,
        last_reviewed=p["last_reviewed"],
    )
    # Facts that cite sources: (citations column, row id, label, cited source keys).
    cited: list[tuple[str, int, str, list[str]]] = []
    for i, o in enumerate(p["owners"], 1):
        row_id = rows.add(
            "owners",
            provider_id=pid,
            position=i,
            name=o["name"],
            owner_provider_id=o.get("provider"),
            country=o["country"],
            role=o["role"],
            stake=o.get("stake"),
            stake_note=o.get("stake_note"),
            since=o.get("since"),
            until=o.get("until"),
        )
        cited.append(("owner_id", row_id, f"owner: {o['name']}", o["sources"]))
    for i, lic in enumerate(p["licensed_technology"], 1):
        row_id = rows.add(
            "licences",
            provider_id=pid,
            position=i,
            vendor=lic["vendor"],
            vendor_provider_id=lic.get("provider"),
            country=lic["country"],
            technology=lic["technology"],
        )
        label = f"licence: {lic['vendor']} {lic['technology']}"
        cited.append(("licence_id", row_id, label, lic["sources"]))
    for i, offer in enumerate(p["offers"], 1):
        text, text_fr = _texts(offer.get("description"))
        rows.add(
            "offers",
            provider_id=pid,
            id=offer["id"],
            position=i,
            name=offer["name"],
            service=offer["service"],
            status=offer["status"],
            description=text,
            description_fr=text_fr,
        )
    for i, cert in enumerate(p["certifications"], 1):
        cert_note, cert_note_fr = _texts(cert.get("note"))
        row_id = rows.add(
            "certifications",
            provider_id=pid,
            position=i,
            scheme=cert["scheme"],
            version=cert.get("version"),
            status=cert["status"],
            milestone=cert.get("milestone"),
            scope=cert.get("scope"),
            offers=_json(cert["offers"]),
            activities=_json(cert["activities"]),
            granted=cert.get("granted"),
            granted_first=_first(cert.get("granted")),
            expires=cert.get("expires"),
            expires_last=_last(cert.get("expires")),
            ended=cert.get("ended"),
            ended_last=_last(cert.get("ended")),
            number=cert.get("number"),
            body=cert.get("body"),
            checked=cert.get("checked"),
            standing=(cert.get("standing") or {}).get("state"),
            standing_reason=(cert.get("standing") or {}).get("reason"),
            evidence=(cert.get("standing") or {}).get("evidence"),
            note=cert_note,
            note_fr=cert_note_fr,
        )
        version = f" {cert['version']}" if cert.get("version") else ""
        label = f"certification: {cert['scheme']}{version} ({cert['status']})"
        cited.append(("certification_id", row_id, label, cert["sources"]))
    for i, dc in enumerate(p["data_centres"], 1):
        row_id = rows.add(
            "data_centres",
            provider_id=pid,
            position=i,
            location=dc["location"],
            country=dc["country"],
            operator=dc.get("operator"),
        )
        cited.append(("data_centre_id", row_id, f"data centre: {dc['location']}", dc["sources"]))
    source_ids: dict[str, int] = {}
    for i, source in enumerate(p["sources"], 1):
        key = source.get("id")
        backs = [label for _, _, label, keys in cited if key and key in keys] or ["record"]
        source_ids[key or f"#{i}"] = _source(rows, source, i, backs, provider_id=pid)
    for column, row_id, _, keys in cited:
        for key in dict.fromkeys(keys):
            if key in source_ids:  # checks refuse a citation of an unknown source (SC207)
                rows.add("citations", source_id=source_ids[key], **{column: row_id})


def _source(rows: _Rows, source: Record, position: int, backs: list[str], **owner: str) -> int:
    note, note_fr = _texts(source.get("note"))
    return rows.add(
        "sources",
        source_key=source.get("id"),
        position=position,
        publisher=source["publisher"],
        title=source["title"],
        date=source["date"],
        url=source.get("url"),
        type=source["type"],
        note=note,
        note_fr=note_fr,
        backs=_json(backs),
        **owner,
    )


def _event(rows: _Rows, e: Record) -> None:
    title, title_fr = _texts(e["title"])
    summary, summary_fr = _texts(e["summary"])
    note, note_fr = _texts(e.get("note"))
    rows.add(
        "events",
        id=e["id"],
        date=e["date"],
        date_precision=dates.precision(e["date"]),
        date_first=_first(e["date"]),
        date_last=_last(e["date"]),
        status=e["status"],
        kind=e["kind"],
        title=title,
        title_fr=title_fr,
        summary=summary,
        summary_fr=summary_fr,
        actors=_json(e["actors"]),
        tags=_json(e["tags"]),
        note=note,
        note_fr=note_fr,
        last_reviewed=e["last_reviewed"],
    )
    for i, provider_id in enumerate(dict.fromkeys(e["providers"]), 1):
        rows.add("event_providers", event_id=e["id"], provider_id=provider_id, position=i)
    for i, source in enumerate(e["sources"], 1):
        _source(rows, source, i, ["event"], event_id=e["id"])


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


def to_csv(table: Table, rows: list[Row]) -> bytes:
    """One table as CSV (UTF-8, header row, \\r\\n line ends as RFC 4180 says)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.column_names)
    writer.writerows([[_cell(v) for v in row] for row in rows])
    return buffer.getvalue().encode("utf-8")


def write_csv(
    directory: Path, providers: list[Record], events: list[Record], *, force: bool = False
) -> dict[str, int]:
    """One CSV file per table in `directory`, all written or none; returns the row counts."""
    from sovcloud.atomic import staged_files

    tables = build(providers, events)
    with staged_files(directory, csv_names(), force=force) as stage:
        for table in TABLES:
            (stage / f"{table.name}.csv").write_bytes(to_csv(table, tables[table.name]))
    return {name: len(rows) for name, rows in tables.items()}


def csv_names() -> list[str]:
    """The file names `write_csv` writes."""
    return [f"{table.name}.csv" for table in TABLES]
