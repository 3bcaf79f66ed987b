"""The catalogue as a SQLite database that Datasette, sqlite-utils or plain SQL can open.

The tables of `export.tables` with their primary and foreign keys (checked before the file
is kept), an index on every foreign key, and FTS5 full-text tables over provider names and
descriptions and event titles and summaries, accent-blind (`thesee` finds Thésée).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sovcloud.atomic import WriteError, staged
from sovcloud.export.tables import FTS, TABLES, Row

Record = dict[str, Any]


def write_database(
    path: Path, providers: list[Record], events: list[Record], *, force: bool = False
) -> dict[str, int]:
    """Write the database to `path` atomically; returns the row count of each table."""
    from sovcloud.export.tables import build

    tables = build(providers, events)
    with staged(path, force=force) as temp:
        try:
            _fill(temp, tables)
        except sqlite3.Error as exc:
            raise WriteError(f"cannot write {path}: {exc}") from exc
    return {name: len(rows) for name, rows in tables.items()}


def _fill(path: Path, tables: dict[str, list[Row]]) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        # The file is a private temporary one until it is complete and fsynced by
        # atomic.staged: no journal is needed to survive a crash.
        conn.execute("PRAGMA journal_mode = OFF")
        conn.execute("PRAGMA synchronous = OFF")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("BEGIN")
        for table in TABLES:
            conn.execute(table.ddl())
            for column in table.indexes:
                conn.execute(f"CREATE INDEX idx_{table.name}_{column} ON {table.name}({column})")
            marks = ", ".join("?" * len(table.columns))
            conn.executemany(f"INSERT INTO {table.name} VALUES ({marks})", tables[table.name])
        for table_name, columns in FTS.items():
            conn.execute(
                f"CREATE VIRTUAL TABLE [{table_name}_fts] USING FTS5 ("
                + ", ".join(f"[{c}]" for c in columns)
                + f", tokenize='unicode61 remove_diacritics 2', content=[{table_name}])"
            )
            conn.execute(f"INSERT INTO [{table_name}_fts]([{table_name}_fts]) VALUES ('rebuild')")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:  # the checks guarantee references; this guards the export code itself
            raise sqlite3.IntegrityError(f"foreign keys not satisfied: {broken[:3]}")
        conn.execute("COMMIT")
    finally:
        conn.close()
