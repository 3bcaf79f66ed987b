"""The index file: its tables, where it lives, whether it may be believed, opening it,
starting it again or setting it aside, and the listing a quick open relies on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
import zlib
from pathlib import Path
from typing import Any

from sovcloud import __version__
from sovcloud.paths import Scan
from sovcloud.trust import (
    WITNESS_SUFFIX,
    cache_dir,
    seal,
    sealed,
)

Record = dict[str, Any]


TABLES = ("meta", "files", "records", "refs", "certs", "search", "timed", "tagged")


# Bump when the tables or the meaning of what is stored change; with the package version,
# it decides whether an existing index can be reused.
INDEX_FORMAT = 16


RACY_NS = 3_000_000_000


# Files are numbered (`fid`): the other tables refer to a file by its number, which is
# smaller to store and faster to index than its path. The records themselves live in their
# own table, so that `files` stays narrow: every refresh reads it whole, and so does
# building its indexes.
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS files(
    fid INTEGER PRIMARY KEY, path TEXT UNIQUE, folder TEXT, size INTEGER, mtime_ns INTEGER,
    id TEXT, id_line INTEGER, date_first TEXT, date_last TEXT, reviewed TEXT,
    reviewed_line INTEGER, name TEXT, findings TEXT, rdigest BLOB, cdigest BLOB, mac BLOB);
CREATE TABLE IF NOT EXISTS records(fid INTEGER PRIMARY KEY, record TEXT);
CREATE INDEX IF NOT EXISTS files_id ON files(id);
CREATE INDEX IF NOT EXISTS files_folder_date ON files(folder, date_first);
CREATE INDEX IF NOT EXISTS files_folder_last ON files(folder, date_last);
CREATE TABLE IF NOT EXISTS refs(fid INTEGER, line INTEGER, provider_id TEXT);
CREATE INDEX IF NOT EXISTS refs_fid ON refs(fid);
CREATE INDEX IF NOT EXISTS refs_provider ON refs(provider_id);
CREATE TABLE IF NOT EXISTS certs(fid INTEGER, line INTEGER, scheme TEXT, status TEXT,
    version TEXT, checked TEXT);
CREATE INDEX IF NOT EXISTS certs_fid ON certs(fid);
CREATE INDEX IF NOT EXISTS certs_scheme ON certs(scheme, status);
CREATE TABLE IF NOT EXISTS search(fid INTEGER, field TEXT, item INTEGER, line INTEGER,
    text TEXT, folded TEXT, skeleton TEXT);
CREATE INDEX IF NOT EXISTS search_fid ON search(fid);
CREATE INDEX IF NOT EXISTS search_folded ON search(folded)
    WHERE field NOT IN ('summary', 'note', 'id');
CREATE INDEX IF NOT EXISTS search_names ON search(folded, fid) WHERE field IN ('name', 'alias');
CREATE INDEX IF NOT EXISTS search_looks ON search(skeleton) WHERE skeleton IS NOT NULL;
CREATE TABLE IF NOT EXISTS timed(fid INTEGER, line INTEGER, code TEXT, when_ TEXT, day TEXT,
    message TEXT);
CREATE INDEX IF NOT EXISTS timed_fid ON timed(fid);
CREATE TABLE IF NOT EXISTS tagged(fid INTEGER, line INTEGER, tag TEXT);
CREATE INDEX IF NOT EXISTS tagged_fid ON tagged(fid);
"""


def cache_path(data_dir: Path) -> Path:
    """One index per data directory, named after its absolute path (readable, and with a
    checksum so that long paths cut short stay distinct; zlib loads faster than hashlib)."""
    resolved = str(data_dir.resolve())
    readable = "".join(c if c.isalnum() else "-" for c in resolved).strip("-")[-48:]
    return cache_dir() / f"index-{readable}-{zlib.crc32(resolved.encode()):08x}.sqlite"


class IndexDamaged(Exception):
    """The index held something it could not have written: set it aside, read the files."""


# The valid records (a file whose record is not valid has none).
WITH_RECORDS = "FROM files f JOIN records r ON r.fid = f.fid"


# What a file's keyed hash (`mac`) covers: every column of its row but its number.
SEALED_COLUMNS = (
    "path", "folder", "size", "mtime_ns", "id", "id_line", "date_first", "date_last",
    "reviewed", "reviewed_line", "name", "findings", "rdigest", "cdigest",
)  # fmt: skip


SEALED_COUNT = len(SEALED_COLUMNS)


SEALED_FILES = ", ".join(f"f.{c}" for c in SEALED_COLUMNS)


# A served record: its file's row, the keyed hash, the record.
SERVED = f"{SEALED_FILES}, f.mac, r.record"


SEARCH_ROWS = (
    "SELECT f.path, f.folder, f.id, s.fid, s.field, s.item, s.folded "
    "FROM search s JOIN files f ON f.fid = s.fid"
)


# The search rows that name a record: providers' names and aliases, events' titles. The
# second term, search_folded's own condition, lets SQLite use that partial index.
NAMES = "s.field IN ('name', 'alias', 'title') AND s.field NOT IN ('summary', 'note', 'id')"


# Providers' names and aliases: the checks for shared names scan them, through their own
# partial index (its WHERE must be written the same way for SQLite to use it).
PROVIDER_NAMES = "s.field IN ('name', 'alias')"


def name_rows(conn: sqlite3.Connection, folder: str | None = None) -> list[tuple[str, str, str]]:
    """(folder, id, name) for every name of the records (of `folder`, if given): each
    record's own name or title first, then its aliases in the order of the file."""
    sql = f"SELECT f.folder, f.id, s.text FROM search s JOIN files f ON f.fid = s.fid WHERE {NAMES}"
    params: tuple[str, ...] = ()
    if folder is not None:
        sql += " AND f.folder = ?"
        params = (folder,)
    return list(conn.execute(sql + " ORDER BY f.id, s.field = 'alias', s.line", params))


def trusted_cache(path: Path) -> bytes:
    """The user's key, when the cache folder and the index file at `path` may be believed
    (sovcloud.trust); Untrusted, saying why, when not. A missing index file is created here,
    readable and writable by the user alone, so that SQLite never creates it otherwise."""
    from sovcloud.trust import check_file, create_private_file, load_key, private_dir

    private_dir(path.parent)
    key = load_key()
    if not check_file(path):
        try:
            create_private_file(path)
        except OSError:
            pass  # a read-only cache: connect finds out and answers from memory
        check_file(path)
    for suffix in ("-journal", "-wal", "-shm"):
        check_file(Path(f"{path}{suffix}"))
    return key


def connect(path: Path, key: bytes) -> sqlite3.Connection | None:
    """The on-disk index, created or reset as needed, or None when it cannot be used."""
    for attempt in (1, 2):
        try:
            conn = sqlite3.connect(path, timeout=30, isolation_level=None)
            conn.execute("PRAGMA busy_timeout = 30000")
            conn.execute("PRAGMA trusted_schema = OFF")  # no function runs from the schema
            _ensure_format(conn, key)
            return conn
        except sqlite3.OperationalError:
            return None  # locked for too long, read-only, or the disk is full
        except sqlite3.DatabaseError:
            if attempt == 2:
                return None
            discard(path)  # not a database, or malformed: start again
            try:
                from sovcloud.trust import create_private_file

                create_private_file(path)
            except OSError:
                return None
        except OSError:
            return None
    return None


def _format(key: bytes) -> str:
    """What the index's `format` says: the tables' format, sovcloud's version, and a keyed
    hash of both, so that an index made under another key (elsewhere, by someone else) is
    started again rather than believed."""
    mark = seal(key, ["sovcloud index", INDEX_FORMAT, __version__]).hex()
    return f"{INDEX_FORMAT}:{__version__}:{mark}"


def _ensure_format(conn: sqlite3.Connection, key: bytes) -> None:
    """Reset the tables when the index was written by another version of sovcloud, or
    under another key."""
    fmt = _format(key)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
    except sqlite3.OperationalError as exc:
        if "no such table" not in str(exc):
            raise
        row = None
    if row is not None and row[0] == fmt:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        # Another process may have reset it while we waited for the lock: keep its work.
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.OperationalError:
            row = None
        if row is not None and row[0] == fmt:
            conn.execute("COMMIT")
            return
        _reset_tables(conn, key)
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def _reset_tables(conn: sqlite3.Connection, key: bytes) -> None:
    """Empty tables of this format (inside the caller's transaction)."""
    for table in TABLES:
        conn.execute(f"DROP TABLE IF EXISTS {table}")
    # Indexes and triggers someone else added would survive their tables' names otherwise.
    for kind, name in conn.execute(
        "SELECT type, name FROM sqlite_master WHERE type IN ('trigger', 'view') "
        "OR (type = 'table' AND name NOT LIKE 'sqlite_%')"
    ).fetchall():
        conn.execute(f'DROP {kind.upper()} IF EXISTS "{name}"')
    create_tables(conn)
    conn.execute("INSERT INTO meta VALUES ('format', ?)", (_format(key),))


def drop_if_dated_after(conn: sqlite3.Connection, today: dt.date, key: bytes) -> None:
    """An index built on a later day than `today` left out date checks that fire only
    before that day (see file_rows): start it again. Only a pinned SOVCLOUD_TODAY in the
    past does this."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'timed_floor'").fetchone()
    if row is not None and row[0] > today.isoformat():
        conn.execute("BEGIN IMMEDIATE")
        try:
            _reset_tables(conn, key)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def create_tables(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def discard(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm", WITNESS_SUFFIX):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def connect_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    create_tables(conn)
    return conn


def remember_listing(
    conn: sqlite3.Connection, listing: Scan, times: dict[str, int], key: bytes
) -> None:
    """Store what a quick open needs: the folders' times (not trusted when they are too
    recent to be told apart from a change right after), the file count, the listing's own
    findings; sealed with the key."""
    now_ns = time.time_ns()
    safe = {k: (v if now_ns - v > RACY_NS else -1) for k, v in times.items()}
    values = {
        "folders": json.dumps(safe, sort_keys=True),
        "file_count": str(len(listing.files)),
        "listing_findings": json.dumps(
            [[f.path, f.line, f.code, f.message] for f in listing.findings]
        ),
    }
    values["listing_mac"] = seal(key, [values[k] for k in _LISTING]).hex()
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    if all(meta.get(k) == v for k, v in values.items()):
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


_LISTING = ("folders", "file_count", "listing_findings")


def listing_sealed(meta: dict[str, str], key: bytes) -> bool:
    """Whether the listing a quick open relies on is the one sovcloud stored."""
    try:
        mac = bytes.fromhex(meta.get("listing_mac", ""))
    except ValueError:
        return False
    return sealed(key, [meta.get(k) for k in _LISTING], mac)
