"""What one record file becomes in the index: its row in `files` (sealed by the caller),
its record, references, certifications, search texts, dated checks and tags. Runs in the
reading processes, so it returns compact tuples rather than the parsed objects.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sovcloud import dates
from sovcloud.charsets import skeleton
from sovcloud.core.text import fold
from sovcloud.i18n import localized
from sovcloud.index.store import Record
from sovcloud.paths import RecordFile
from sovcloud.trust import digest

# What reading one file gives the index: its `files` row (without the modification time,
# which the parent decides on), and its rows of records (none when it is not valid), refs,
# certs, search texts and timed checks.
Rows = tuple[
    tuple[Any, ...],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
    list[tuple[Any, ...]],
]


def file_rows(file: RecordFile, fid: int, floor: str = "") -> Rows:
    """Read one file and turn it into the index rows of file number `fid`; runs in worker
    processes, so it returns compact tuples rather than the parsed objects."""
    from sovcloud.loader import read_record

    result = read_record(file)
    record = result.record
    findings = (
        json.dumps([[f.line, f.code, f.message] for f in result.findings])
        if result.findings
        else "[]"
    )
    row: tuple[Any, ...]
    if record is None:
        refs = [(fid, line, ref) for line, ref in result.refs]
        row = (
            fid,
            file.path,
            file.folder,
            file.size,
            *[None] * 7,
            findings,
            None,
            child_digest(refs, [], [], [], []),
        )
        return row, [], refs, [], [], [], []
    text = result.record_json.decode()
    date_first: str | None = None
    date_last: str | None = None
    if file.folder == "events":
        date_first = dates.first_day(record["date"]).isoformat()
        date_last = dates.last_day(record["date"]).isoformat()
    row = (
        fid,
        file.path,
        file.folder,
        file.size,
        record["id"],
        result.id_line,
        date_first,
        date_last,
        record["last_reviewed"],
        result.reviewed_line,
        record.get("name"),  # providers' names, for labels without decoding the record
        findings,
    )
    refs = [(fid, line, ref) for line, ref in result.refs]
    line_of = result.line_of
    certs = [
        (
            fid,
            line_of(("certifications", i, "scheme")),
            c["scheme"],
            c["status"],
            c["version"],
            c["checked"],
        )
        for i, c in enumerate(record.get("certifications", []))
    ]
    search = _search_rows(file.folder, record, fid, line_of)
    # A date that is not after `floor` (the day of this refresh) can never again be in the
    # future, as days only pass: its check is left out (most rows otherwise).
    timed = [
        (fid, t.line, t.code, t.when, t.day, t.message)
        for t in result.timed
        if not (t.when == "future" and t.day <= floor)
    ]
    tagged = (
        [(fid, line_of(("tags", i)), tag) for i, tag in enumerate(record.get("tags", []))]
        if file.folder == "events"
        else []
    )
    # The hashes of the record and of the file's other rows, which its keyed hash covers.
    row = (*row, digest(result.record_json), child_digest(refs, certs, search, timed, tagged))
    return row, [(fid, text)], refs, certs, search, timed, tagged


def _search_rows(
    folder: str, record: Record, fid: int, line_of: Callable[[tuple[Any, ...]], int]
) -> list[tuple[Any, ...]]:
    """The search rows of a record: each text in English and French (once when they are
    the same), folded, and for providers' names the skeleton look-alikes are found by."""
    rows = []
    for field, item, where, value in search_fields(folder, record):
        line = line_of(where)
        if isinstance(value, dict):
            texts = dict.fromkeys([localized(value, "en"), localized(value, "fr")])
        else:
            texts = {value: None}
        named = folder == "providers" and field in ("name", "alias")
        rows += [
            (fid, field, item, line, t, fold(t), skeleton(t) if named else None) for t in texts
        ]
    return rows


def child_digest(*tables: list[tuple[Any, ...]]) -> bytes:
    """The hash of a file's rows in the tables besides `files` and `records` (refs, certs,
    search, timed, tagged), each without its file number, in the order they were stored."""
    return digest(json.dumps([[r[1:] for r in rows] for rows in tables]).encode())


# What `sovcloud search` looks through, and how much a match in each field weighs; between
# equal scores, the field listed first is the one shown.
SEARCH_WEIGHTS = {
    "name": 1.0,
    "id": 1.0,
    "alias": 0.98,
    "title": 0.95,
    "owner": 0.9,
    "offer": 0.9,
    "actor": 0.9,
    "tag": 0.9,
    "licensed technology": 0.85,
    "summary": 0.85,
    "note": 0.8,
}


def search_fields(folder: str, record: Record) -> list[tuple[str, int, tuple[Any, ...], Any]]:
    """(field, item, place in the record, value) of every text search looks through:
    providers' id, names, owners, licences, offers and note; events' ids, titles,
    summaries, actors, tags and note; schemes' ids and names. `item` numbers the texts of a
    list field; a value may be localized."""
    fields: list[tuple[str, int, tuple[Any, ...], Any]]
    if folder == "providers":
        fields = [("id", 0, ("id",), record["id"]), ("name", 0, ("name",), record["name"])]
        fields += [("alias", i, ("aliases", i), a) for i, a in enumerate(record["aliases"])]
        fields += [
            ("owner", i, ("owners", i, "name"), o["name"]) for i, o in enumerate(record["owners"])
        ]
        fields += [
            ("licensed technology", i, ("licensed_technology", i), _licence(x))
            for i, x in enumerate(record["licensed_technology"])
        ]
        fields += [
            ("offer", i, ("offers", i, "name"), o["name"]) for i, o in enumerate(record["offers"])
        ]
    elif folder == "schemes":
        fields = [("id", 0, ("id",), record["id"]), ("name", 0, ("name",), record["name"])]
        fields += [("alias", i, ("aliases", i), a) for i, a in enumerate(record["aliases"])]
    elif folder == "frameworks":
        fields = [("id", 0, ("id",), record["id"]), ("name", 0, ("name",), record["name"])]
        fields += [("alias", i, ("aliases", i), a) for i, a in enumerate(record["aliases"])]
    elif folder == "tags":
        fields = [("id", 0, ("id",), record["id"]), ("title", 0, ("label",), record["label"])]
        fields += [("alias", i, ("aliases", i), a) for i, a in enumerate(record["aliases"])]
    else:
        fields = [
            ("id", 0, ("id",), record["id"]),
            ("title", 0, ("title",), record["title"]),
            ("summary", 0, ("summary",), record["summary"]),
        ]
        fields += [("actor", i, ("actors", i), a) for i, a in enumerate(record["actors"])]
        # A tag is searched as words too: `health data hub` finds `health-data-hub`.
        fields += [
            ("tag", i, ("tags", i), tag.replace("-", " ")) for i, tag in enumerate(record["tags"])
        ]
    if folder in ("providers", "events") and record.get("note"):
        fields.append(("note", 0, ("note",), record["note"]))
    return fields


def _licence(item: Record) -> str:
    return f"{item['vendor']}: {item['technology']}"


def search_value(folder: str, record: Record, field: str, item: int) -> Any:
    """The value a search row of this record holds (text, or localized texts)."""
    for name, number, _, value in search_fields(folder, record):
        if (name, number) == (field, item):
            return value
    return ""
