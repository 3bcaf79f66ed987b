"""The catalogue's shape: each field of a served record declared once, as a column.

A field says where it is in the record, what people call it, how it fills the export's
tables (CSV files and SQLite: its columns, their SQL type and comment) and what its cell
holds in a listing with one row per record (`providers --format csv`). The export's tables
and the listings read these declarations; nothing else restates them, so that a new field
is the model, the typed record and one entry here, and a test fails when an output drops
one (tests/test_shape.py).

How fields flatten, the same everywhere:
- a list of plain values (aliases, tags, covered offers) is one JSON array in one column;
- a list of records with fields of their own (owners, offers, certifications...) is a table
  of its own, and in a listing one cell, its items' one-line texts joined with '; ';
- a text in two languages is two columns, `x` (English where given, else French) and `x_fr`;
  a listing shows it in the language asked for;
- a partial date keeps its own precision, with the first or last day it can mean beside it
  where SQL must compare it without inventing a day.

Standard library only.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from sovcloud import dates
from sovcloud.core import certs, schemes
from sovcloud.core.labels import license_label, owner_label
from sovcloud.i18n import localized

Record = dict[str, Any]
# A column's value from an item (a provider, an owner, a source...) and the record holding it.
Getter = Callable[[Record, Record], Any]
# A field's cell in a listing, from its value, in a language.
Cell = Callable[[Any, str], str]


class Column(NamedTuple):
    """One column of the export's tables: its name, SQL type and constraints, what it holds
    (kept as an SQL comment, which Datasette shows), and how to fill it (None: the table
    itself fills it, as for row numbers and foreign keys)."""

    name: str
    sql: str = "TEXT"
    doc: str = ""
    value: Getter | None = None


class Field(NamedTuple):
    """One field of a record: its key, its label for people (English; i18n translates),
    its columns in the export's tables, its cell in a listing (None: not in listings), and,
    for a list of records or a record within the record, the shape of those records."""

    key: str
    label: str
    columns: tuple[Column, ...] = ()
    cell: Cell | None = None
    items: Entity | None = None
    # A single record with fields of its own (ownership): its columns join the holder's row.
    part: Entity | None = None
    # Worked out on a day from the rest (a certification's standing), not written in data.
    derived: bool = False


class Entity(NamedTuple):
    """The fields of one kind of record, in the order of its table's columns."""

    name: str
    fields: tuple[Field, ...]

    def field(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def columns(self) -> tuple[Column, ...]:
        return tuple(c for f in self.fields for c in f.columns)


# --- how fields fill columns ----------------------------------------------------------------


def _plain(key: str, sql: str = "TEXT", doc: str = "", name: str | None = None) -> Column:
    """The value as it is."""
    return Column(name or key, sql, doc, lambda item, _: item.get(key))


def _array(key: str, doc: str) -> Column:
    """A list of plain values, as one JSON array."""
    return Column(key, "TEXT NOT NULL", doc, lambda item, _: json_array(item[key]))


def _texts(key: str, sql: str = "TEXT", doc: str = "", doc_fr: str = "") -> tuple[Column, ...]:
    """A text in one or two languages: the main text, and the French one where given."""
    return (
        Column(key, sql, doc, lambda item, _: localized(item.get(key), "en") or None),
        Column(f"{key}_fr", "TEXT", doc_fr, lambda item, _: _french(item.get(key))),
    )


def _dated(key: str, bound: str, doc: str = "partial date") -> tuple[Column, ...]:
    """A partial date, and the first or last day it can mean."""
    day = dates.first_day if bound == "first" else dates.last_day

    def edge(item: Record, _: Record) -> str | None:
        return day(item[key]).isoformat() if item.get(key) else None

    word = "earliest" if bound == "first" else "latest"
    return (
        _plain(key, doc=doc),
        Column(f"{key}_{bound}", doc=f"ISO day: the {word} day `{key}` can mean", value=edge),
    )


def json_array(values: list[Any]) -> str:
    return json.dumps(values, ensure_ascii=False)


def _french(value: Any) -> str | None:
    return value.get("fr") if isinstance(value, dict) else None


# --- how fields read in a listing cell -----------------------------------------------------


def _text(value: Any, _lang: str) -> str:
    return "" if value is None else str(value)


def _joined(value: list[Any], _lang: str) -> str:
    return "; ".join(value)


def _prose(value: Any, lang: str) -> str:
    return localized(value, lang)


def _each(text: Callable[[Record], str]) -> Cell:
    """A list of records as one cell: each record's one-line text, joined with '; '."""
    return lambda items, _lang: "; ".join(text(item) for item in items)


def _links(item: Record, record: Record) -> str:
    """The links of the sources a fact cites, in the order it cites them."""
    by_id = {s["id"]: s for s in record["sources"] if s.get("id")}
    cited = [by_id[k] for k in dict.fromkeys(item["sources"]) if k in by_id]
    return json_array([s["url"] for s in cited if s.get("url")])


# A fact's citations: rows of the citations table, and its sources' links beside it, so
# that one row (a certification entry in certifications.csv) carries its evidence.
_URLS_DOC = "JSON array of the links of the sources it cites (citations links every source)"
_CITED = Field("sources", "Sources", (Column("source_urls", "TEXT NOT NULL", _URLS_DOC, _links),))


# --- the shape ---------------------------------------------------------------------------

NN = "TEXT NOT NULL"
_PROVIDER_REF = "TEXT REFERENCES providers(id)"


def _one(
    key: str,
    label: str,
    sql: str = "TEXT",
    doc: str = "",
    *,
    name: str = "",
    cell: Cell | None = None,
) -> Field:
    """A field that is one column, its value as it is."""
    return Field(key, label, (_plain(key, sql, doc, name or None),), cell)


def _list(key: str, label: str, doc: str, cell: Cell | None = None) -> Field:
    """A field that is a list of plain values: one JSON array."""
    return Field(key, label, (_array(key, doc),), cell)


SOURCE = Entity(
    "sources",
    (
        _one(
            "id",
            "Key",
            doc="the id by which facts of the provider record cite it",
            name="source_key",
        ),
        _one("publisher", "Publisher", NN),
        _one("title", "Title", NN),
        _one("date", "Date", NN, "partial date"),
        _one("url", "Link"),
        _one("type", "Type", NN, "register, government, company, press, ..."),
        Field("note", "Note", _texts("note")),
    ),
)

OWNER = Entity(
    "owners",
    (
        _one("name", "Name", NN),
        _one(
            "provider", "Record", _PROVIDER_REF, "the owner's own record", name="owner_provider_id"
        ),
        _one("country", "Country", NN),
        _one("role", "Role", NN, "parent or shareholder"),
        _one("stake", "Stake", "REAL", "percent, only where a source gives it"),
        _one("stake_note", "Stake"),
        _one("since", "Since", doc="partial date"),
        _one("until", "Until", doc="partial date"),
        _CITED,
    ),
)

LICENCE = Entity(
    "licences",
    (
        _one("vendor", "Vendor", NN),
        _one(
            "provider",
            "Record",
            _PROVIDER_REF,
            "the vendor's own record",
            name="vendor_provider_id",
        ),
        _one("country", "Country", NN),
        _one("technology", "Technology", NN),
        _CITED,
    ),
)

OFFER = Entity(
    "offers",
    (
        _one("id", "Id", NN, "unique within the provider"),
        _one("name", "Offer", NN),
        _one("service", "Service", NN),
        _one("status", "Status", NN),
        Field("description", "Description", _texts("description")),
    ),
)


def _standing(part: str, name: str, doc: str) -> Column:
    """A part of the entry's standing on the day (certs.annotate puts it in the record)."""
    return Column(name, doc=doc, value=lambda cert, _: (cert.get("standing") or {}).get(part))


_STANDING = (
    _standing("state", "standing", "on the export day: held, unverified, unknown, pending, ..."),
    _standing("reason", "standing_reason", "why: valid, press-only, superseded, expired, ..."),
    _standing("evidence", "evidence", "the most authoritative type among its sources"),
)


CERTIFICATION = Entity(
    "certifications",
    (
        _one("scheme", "Scheme", NN, "secnumcloud, hds, iso-27001, bsi-c5..."),
        _one("version", "Version"),
        _one("status", "Status", NN, "qualified, certified, in-progress, announced, ..."),
        _one("milestone", "Milestone"),
        _one("scope", "Scope"),
        _list("offers", "Offers", "JSON array of the provider's offer ids covered"),
        _list("services", "Services", "JSON array of the kinds of service the register names"),
        _list("activities", "HDS activities", "JSON array of HDS activities (1-6)"),
        Field("granted", "Granted", _dated("granted", "first")),
        Field("expires", "Expires", _dated("expires", "last")),
        Field("ended", "Ended", _dated("ended", "last")),
        _one(
            "number",
            "Decision or certificate",
            doc="decision or certificate number, as the register writes it",
        ),
        _one("body", "Issued by", doc="who issued it: the certifying body or the authority"),
        _one(
            "checked", "Checked", doc="ISO day a person last checked the entry against its sources"
        ),
        Field("standing", "Standing", _STANDING, derived=True),
        Field("note", "Note", _texts("note")),
        _CITED,
    ),
)

DATA_CENTRE = Entity(
    "data_centres",
    (
        _one("location", "Location", NN),
        _one("country", "Country", NN),
        _one("operator", "Operator"),
        _CITED,
    ),
)

SOVEREIGNTY_ANSWER = Entity(
    "sovereignty",
    (
        _one("criterion", "Criterion", NN, "a criterion id of data/frameworks/eu-csf.yaml"),
        _list("answers", "Answers", "JSON array of the answer numbers the sources allow"),
        _list("offers", "Offers", "JSON array of the provider's offer ids it concerns"),
        _one("since", "Since", doc="partial date"),
        _one("until", "Until", doc="partial date"),
        Field("note", "Note", _texts("note")),
        _CITED,
    ),
)


def _answer_label(answer: Record) -> str:
    return f"{answer['criterion']}: {', '.join(str(a) for a in answer['answers'])}"


_COMPLETE_DOC = "1 when a source says the owners listed hold all of the capital"


def _complete(ownership: Record, _: Record) -> int:
    return int(ownership["complete"])


OWNERSHIP = Entity(
    "ownership",
    (
        Field("complete", "Complete", (Column("complete", "INTEGER", _COMPLETE_DOC, _complete),)),
        Field("note", "Note", _texts("note")),
        _CITED,
    ),
)


def _within(key: str, entity: Entity) -> tuple[Column, ...]:
    """The columns of a record within the record, in the holder's row: `key_column`, empty
    when the holder has none."""

    def read(column: Column) -> Getter:
        get = column.value
        assert get is not None
        return lambda item, record: get(item[key], record) if item.get(key) else None

    # Empty when the holder has none: no column of it can be NOT NULL.
    return tuple(
        Column(f"{key}_{c.name}", c.sql.replace(" NOT NULL", ""), c.doc, read(c))
        for c in entity.columns()
    )


def _ownership_cell(value: Record | None, _lang: str) -> str:
    if value is None:
        return ""
    return "complete" if value["complete"] else "not complete"


PROVIDER = Entity(
    "providers",
    (
        _one(
            "id", "Id", "TEXT PRIMARY KEY", "the record's id, as in providers/<id>.yaml", cell=_text
        ),
        _one("name", "Name", NN, cell=_text),
        _list("aliases", "Also known as", "JSON array of other names", _joined),
        _one("kind", "Kind", NN, cell=_text),
        _one("country", "Country", NN, "ISO 3166-1 alpha-2", cell=_text),
        _one("headquarters", "Headquarters", cell=_text),
        _one("founded", "Founded", doc="partial date: 2023, 2023-12 or 2023-12-18", cell=_text),
        _one("status", "Status", NN, cell=_text),
        _one("website", "Website", cell=_text),
        Field("owners", "Owners", cell=_each(owner_label), items=OWNER),
        Field(
            "ownership",
            "Ownership",
            _within("ownership", OWNERSHIP),
            _ownership_cell,
            part=OWNERSHIP,
        ),
        Field(
            "licensed_technology",
            "Technology under licence",
            cell=_each(license_label),
            items=LICENCE,
        ),
        Field("offers", "Offers", cell=_each(lambda offer: offer["name"]), items=OFFER),
        Field(
            "description",
            "Description",
            _texts("description", NN, "English where given, else French", "French, where given"),
            _prose,
        ),
        Field("note", "Note", _texts("note"), _prose),
        _one("last_reviewed", "Last reviewed", NN, "ISO day", cell=_text),
        Field("certifications", "Certifications", items=CERTIFICATION),
        Field(
            "data_centres",
            "Data centres",
            cell=_each(lambda dc: f"{dc['location']} ({dc['country']})"),
            items=DATA_CENTRE,
        ),
        Field(
            "sovereignty",
            "Sovereignty answers",
            cell=_each(_answer_label),
            items=SOVEREIGNTY_ANSWER,
        ),
        Field("sources", "Sources", items=SOURCE),
    ),
)

EVENT = Entity(
    "events",
    (
        _one("id", "Id", "TEXT PRIMARY KEY", "the record's id, as in events/<id>.yaml"),
        Field(
            "date",
            "Date",
            (
                _plain("date", NN, "partial date, as precise as the source"),
                Column(
                    "date_precision",
                    NN,
                    "year, month or day",
                    lambda e, _: dates.precision(e["date"]),
                ),
                Column(
                    "date_first",
                    NN,
                    "ISO day: the earliest day `date` can mean",
                    lambda e, _: dates.first_day(e["date"]).isoformat(),
                ),
                Column(
                    "date_last",
                    NN,
                    "ISO day: the latest day `date` can mean",
                    lambda e, _: dates.last_day(e["date"]).isoformat(),
                ),
            ),
        ),
        _one("status", "Status", NN, "happened, expected or cancelled"),
        _one("kind", "Kind", NN),
        Field("title", "Title", _texts("title", NN, "English where given, else French")),
        Field("summary", "Summary", _texts("summary", NN)),
        Field("providers", "Providers"),  # the event_providers table
        _list("actors", "Actors", "JSON array of people and bodies"),
        _list("tags", "Tags", "JSON array of tag ids"),
        Field("sources", "Sources", items=SOURCE),
        Field("note", "Note", _texts("note")),
        _one("last_reviewed", "Last reviewed", NN, "ISO day"),
    ),
)


# --- listings: one row per record ---------------------------------------------------------

# A listing has one row per provider, so a provider's certifications become columns: per
# scheme, these of its entries (several entries of a scheme joined with ';'). `export csv`
# has every field of every entry, one row per entry (certifications.csv).
PER_SCHEME = ("status", "standing", "version", "number", "granted", "expires", "checked")

Rows = tuple[list[str], list[list[str]]]


def listed(entity: Entity) -> Iterator[Field]:
    """The fields a listing shows, in order."""
    return (f for f in entity.fields if f.cell is not None)


def provider_rows(records: list[Record], lang: str, on: dt.date) -> Rows:
    """One row per provider: every listed field, then its certifications flattened into
    columns per scheme (last, as their number varies with the schemes present)."""
    fields = list(listed(PROVIDER))
    ids = schemes.order({c["scheme"] for r in records for c in r["certifications"]})
    headers = [f.key for f in fields] + [f"{s}_{k}" for s in ids for k in PER_SCHEME]
    rows = []
    for r in records:
        row = [f.cell(r.get(f.key), lang) for f in fields if f.cell is not None]
        for scheme in ids:
            entries = [c for c in r["certifications"] if c["scheme"] == scheme]
            for key in PER_SCHEME:
                row.append(";".join(_per_scheme(c, key, r, on) for c in entries))
        rows.append(row)
    return headers, rows


def _per_scheme(cert: Record, key: str, record: Record, on: dt.date) -> str:
    if key == "standing":
        return certs.standing(cert, record, on).state
    return cert.get(key) or ""
