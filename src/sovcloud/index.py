"""The derived index: a SQLite cache of the checked records, rebuilt only for changed files.

The YAML files stay the only truth. Each refresh lists the data directory and compares every
file's size and nanosecond modification time with what the index holds; only new or changed
files are read again (in parallel when there are many). A file modified in the last few
seconds is not trusted to keep its time stamp unique and is read again next time, as git does
with "racy" entries. Writes happen in one transaction, so a crash leaves the old index whole.
A cache that cannot be opened, is corrupt or cannot be written is set aside: the same code
runs on an in-memory database instead, so answers never depend on the cache.

The index is a cache, never an authority (sovcloud.trust): it is used only in a folder and a
file of the current user that no one else may write and that are not links, and only when it
was made under the user's key. Every file's row carries a keyed hash of what was stored about
the file (its findings, id, dates, the hashes of its record and of its other rows), checked
when its record is served, when findings are read from the rows and, for all other rows too,
by validate; a row that fails is a damaged index, set aside.

Standard library only on the path where nothing changed: pydantic and yaml load only when a
file must be read again.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import __version__, dates
from sovcloud.charsets import skeleton
from sovcloud.checks import (
    confusable_names,
    dangling_refs,
    duplicate_ids,
    fold,
    max_age_findings,
    shared_names,
    unchecked_findings,
    unknown_scheme_refs,
    unknown_tag_refs,
)
from sovcloud.errors import Finding
from sovcloud.i18n import localized
from sovcloud.paths import FOLDERS, RecordFile, Scan, folder_times, scan
from sovcloud.trust import Untrusted, cache_dir, digest, seal, sealed

if TYPE_CHECKING:
    from concurrent.futures import Executor

Record = dict[str, Any]
TABLES = ("meta", "files", "records", "refs", "certs", "search", "timed", "tagged")
# Bump when the tables or the meaning of what is stored change; with the package version,
# it decides whether an existing index can be reused.
INDEX_FORMAT = 15
RACY_NS = 3_000_000_000
# Above this many files, a query trusts the folders' listings and checks only the files it
# shows; below, checking every file costs less than a millisecond per hundred files.
QUICK_ABOVE = 2000
# Below this many files to read, a process pool costs more than it saves.
PARALLEL_THRESHOLD = 300

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
CREATE INDEX IF NOT EXISTS search_folded ON search(folded) WHERE field NOT IN ('summary', 'note');
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


class Index:
    """The checked records of one data directory, and every finding about them."""

    def __init__(
        self,
        data_dir: Path,
        conn: sqlite3.Connection,
        findings: list[Finding],
        *,
        cached: bool,
        file_count: int,
        key: bytes,
        quick: bool = False,
        untrusted: str | None = None,
    ):
        self.data_dir = data_dir
        self.conn = conn
        self.findings = findings
        self.cached = cached
        self.file_count = file_count
        self.last_match_count = 0  # records holding every word, in the last search_matches
        self.key = key
        # Why the cache was set aside, when it was for want of trust: the CLI says so once.
        self.untrusted = untrusted
        # A quick index trusted the folders' listings instead of checking every file; it
        # remembers the files it served so that verify_served() can check just those.
        self.quick = quick
        self.served: dict[str, None] = {}

    # --- opening and refreshing -----------------------------------------------------------

    @classmethod
    def open(
        cls,
        data_dir: Path,
        today: dt.date,
        *,
        quick: bool = False,
        use_cache: bool | None = None,
        max_age_days: int | None = None,
        jobs: int | None = None,
        progress: Callable[[int, int], None] | None = None,
        verify: bool = False,
    ) -> Index:
        """Bring the index up to date with the data directory and run every check.

        With `quick`, a large data directory whose folders list the same files as last time
        is not checked file by file: the caller then checks what it served with
        verify_served() and opens again without `quick` when that fails. With `verify`
        (validate), findings read from the index are believed only when every row they come
        from carries the right keyed hash.
        """
        if use_cache is None:
            use_cache = not os.environ.get("SOVCLOUD_NO_CACHE")
        untrusted = None
        if use_cache:
            path = cache_path(data_dir)
            try:
                key = _trusted_cache(path)
            except Untrusted as exc:
                untrusted = str(exc)
                conn = None
            else:
                conn = _connect(path, key)
            if conn is not None:
                try:
                    _drop_if_dated_after(conn, today, key)
                    if quick:
                        index = cls._open_quick(conn, data_dir, today, max_age_days, key)
                        if index is not None:
                            return index
                    times = folder_times(data_dir)  # before listing: later changes show
                    with _early_readers(conn, data_dir, jobs) as readers:
                        listing = scan(data_dir)
                        written = _refresh(conn, listing, today, jobs, progress, readers, key)
                    _remember_listing(conn, listing, times, key)
                    findings = _cached_findings(
                        conn,
                        listing.findings,
                        today,
                        max_age_days,
                        key,
                        full=verify,
                        written=written,
                    )
                    return cls(
                        data_dir,
                        conn,
                        findings,
                        cached=True,
                        file_count=len(listing.files),
                        key=key,
                    )
                except (sqlite3.Error, OSError, ValueError, IndexDamaged) as exc:
                    # Unwritable, full or corrupt cache: answer from memory instead, and
                    # set a damaged file aside so that the next run rebuilds it.
                    conn.close()
                    if not isinstance(exc, sqlite3.OperationalError | OSError):
                        _discard(path)
                    if isinstance(exc, IndexDamaged):
                        untrusted = f"{path} {exc}"
        key = os.urandom(32)  # a key for this run alone: the memory index dies with it
        conn = _connect_memory()
        with _early_readers(conn, data_dir, jobs) as readers:
            listing = scan(data_dir)
            _refresh(conn, listing, today, jobs, progress, readers, key)
        findings = _findings(conn, listing.findings, today, max_age_days, key)
        return cls(
            data_dir,
            conn,
            findings,
            cached=False,
            file_count=len(listing.files),
            key=key,
            untrusted=untrusted,
        )

    @classmethod
    def _open_quick(
        cls,
        conn: sqlite3.Connection,
        data_dir: Path,
        today: dt.date,
        max_age: int | None,
        key: bytes,
    ) -> Index | None:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        file_count = int(meta.get("file_count", "0"))
        if file_count < QUICK_ABOVE or "folders" not in meta:
            return None  # small enough to check every file: always exact
        if not _listing_sealed(meta, key):
            raise IndexDamaged("holds a listing it did not write")
        stored = json.loads(meta["folders"])
        if -1 in stored.values() or stored != folder_times(data_dir):
            return None
        listing_findings = [Finding(*f) for f in json.loads(meta["listing_findings"])]
        findings = _cached_findings(conn, listing_findings, today, max_age, key, quick=True)
        return cls(
            data_dir, conn, findings, cached=True, file_count=file_count, key=key, quick=True
        )

    @property
    def cache_path(self) -> Path:
        return cache_path(self.data_dir)

    def set_aside(self) -> None:
        """Close the index and delete its cache file, so that the next run rebuilds it."""
        self.conn.close()
        if self.cached:
            _discard(cache_path(self.data_dir))

    def verify_served(self) -> bool:
        """Whether every file this index served is unchanged on disk (always, unless quick)."""
        if not self.quick:
            return True
        paths = list(self.served)
        for start in range(0, len(paths), 500):
            chunk = paths[start : start + 500]
            known = {
                path: (size, mtime)
                for path, size, mtime in self.conn.execute(
                    "SELECT path, size, mtime_ns FROM files WHERE path IN "
                    f"({', '.join('?' * len(chunk))})",
                    chunk,
                )
            }
            for path in chunk:
                try:
                    st = os.stat(path)
                except OSError:
                    return False
                if known.get(path) != (st.st_size, st.st_mtime_ns):
                    return False
        return True

    def _serve(self, rows: Iterable[tuple[Any, ...]]) -> list[Record]:
        """Records from rows of _SERVED columns, remembering their files when quick.

        A record is believed only when its file's row carries the keyed hash of what was
        stored about the file and the record's own hash is the one that row holds: anything
        else means the index was changed after sovcloud wrote it (damaged, or forged), and
        IndexDamaged makes the caller answer from the files instead.
        """
        records = []
        key = self.key
        try:
            for row in rows:
                values, mac, text = row[:_SEALED_COUNT], row[_SEALED_COUNT], row[-1]
                path = values[0]
                if self.quick:
                    self.served[path] = None
                if not sealed(key, values, mac) or digest(text.encode()) != values[12]:
                    raise IndexDamaged(f"holds a record of {path} that sovcloud did not write")
                records.append(json.loads(text))
        except (sqlite3.DatabaseError, ValueError, AttributeError, TypeError) as exc:
            raise IndexDamaged(str(exc)) from exc  # not JSON, not UTF-8, not text
        return records

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def notices(self) -> list[Finding]:
        """What a reader should know of the evidence, which never fails validation: it
        changes with the days (a validity ends) and the catalogue shows it to users."""
        return [f for f in self.findings if f.severity == "notice"]

    def data_date(self) -> str | None:
        """The day the data was last reviewed: the latest review date of any record."""
        row = self.conn.execute("SELECT max(reviewed) FROM files WHERE id IS NOT NULL").fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        rows = dict(
            self.conn.execute(
                "SELECT folder, count(*) FROM files WHERE id IS NOT NULL GROUP BY folder"
            )
        )
        return {
            "files": self.file_count,
            "providers": rows.get("providers", 0),
            "events": rows.get("events", 0),
            "schemes": rows.get("schemes", 0),
            "tags": rows.get("tags", 0),
            "frameworks": rows.get("frameworks", 0),
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "notices": len(self.notices),
        }

    # --- queries ----------------------------------------------------------------------------

    def provider(self, id_: str) -> Record | None:
        return self._one("providers", id_)

    def event(self, id_: str) -> Record | None:
        return self._one("events", id_)

    def _one(self, folder: str, id_: str) -> Record | None:
        rows = self.conn.execute(
            f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = ? AND f.id = ? "
            "ORDER BY f.path LIMIT 1",
            (folder, id_),
        )
        records = self._serve(rows)
        return records[0] if records else None

    def providers(self, schemes: Iterable[str] = (), statuses: Iterable[str] = ()) -> list[Record]:
        """Every valid provider, by id; with `schemes`, only those holding a certification
        of each scheme with one of `statuses` (a cheap first cut before exact checks)."""
        sql = f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = 'providers'"
        params: list[str] = []
        wanted = list(statuses)
        for scheme in schemes:
            marks = ", ".join("?" * len(wanted))
            sql += f" AND f.fid IN (SELECT fid FROM certs WHERE scheme = ? AND status IN ({marks}))"
            params += [scheme, *wanted]
        return self._serve(self.conn.execute(sql + " ORDER BY f.id", params))

    def schemes(self) -> list[Record]:
        """Every valid scheme record, by id."""
        return self._serve(
            self.conn.execute(
                f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = 'schemes' ORDER BY f.id"
            )
        )

    def scheme(self, id_: str) -> Record | None:
        return self._one("schemes", id_)

    def frameworks(self) -> list[Record]:
        """Every valid sovereignty framework record, by id."""
        return self._serve(
            self.conn.execute(
                f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = 'frameworks' ORDER BY f.id"
            )
        )

    def framework(self, id_: str) -> Record | None:
        """A sovereignty framework record (data/frameworks/), such as eu-csf."""
        return self._one("frameworks", id_)

    def tags(self) -> list[Record]:
        """Every valid tag record, by id."""
        return self._serve(
            self.conn.execute(
                f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = 'tags' ORDER BY f.id"
            )
        )

    def tag_counts(self) -> dict[str, int]:
        """How many events carry each tag."""
        return dict(self.conn.execute("SELECT tag, count(*) FROM tagged GROUP BY tag"))

    def events(self, since: str | None = None, until: str | None = None) -> list[Record]:
        """Events whose date may fall within [since, until] (partial dates), by date."""
        sql = f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = 'events'"
        params: list[str] = []
        if since:
            sql += " AND f.date_last >= ?"
            params.append(dates.first_day(since).isoformat())
        if until:
            sql += " AND f.date_first <= ?"
            params.append(dates.last_day(until).isoformat())
        sql += " ORDER BY f.date_first, f.date_last, f.id"
        return self._serve(self.conn.execute(sql, params))

    def events_for(self, provider_id: str) -> list[Record]:
        """Events that name the provider, by date."""
        return self._naming(provider_id, "events", "f.date_first, f.id")

    def referrers(self, provider_id: str) -> list[Record]:
        """Providers that name this one as an owner or technology vendor."""
        return self._naming(provider_id, "providers", "f.id")

    def _naming(self, provider_id: str, folder: str, order: str) -> list[Record]:
        """Records of `folder` that refer to the provider, in `order` (each file once)."""
        rows = self.conn.execute(
            f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.fid IN "
            f"(SELECT fid FROM refs WHERE provider_id = ?) AND f.folder = ? ORDER BY {order}",
            (provider_id, folder),
        )
        return self._serve(rows)

    def provider_names(self, ids: Iterable[str]) -> dict[str, str]:
        """{id: name} for these providers, read from the files' rows without decoding their
        records (labels for other records), each row's keyed hash checked."""
        wanted = set(ids)
        rows = self.conn.execute(
            f"SELECT {_SEALED_FILES}, f.mac FROM files f "
            "WHERE f.folder = 'providers' AND f.id IS NOT NULL"
        )
        names = {}
        for row in rows:
            values = row[:_SEALED_COUNT]
            if values[4] in wanted:
                if not sealed(self.key, values, row[_SEALED_COUNT]):
                    raise IndexDamaged(f"holds a row of {values[0]} that sovcloud did not write")
                names[values[4]] = values[10]
        return names

    def search_matches(
        self, words: list[str], target: str, limit: int
    ) -> list[tuple[float, SearchRow]]:
        """The `limit` best records among those with a text holding every word, each with
        its best such row and that row's score: 100 when the text holds `target` whole,
        else 95, times the field's weight (SEARCH_WEIGHTS, whose order breaks ties).

        Scored and ranked in SQL: a broad search ("provider") matches hundreds of
        thousands of texts at scale, too many to bring into Python."""
        words = list(dict.fromkeys(words))
        if len(words) > MAX_SEARCH_WORDS:
            return []  # no stored text is long enough to hold them all
        weight = " ".join(f"WHEN '{f}' THEN {w!r}" for f, w in SEARCH_WEIGHTS.items())
        rank = " ".join(f"WHEN '{f}' THEN {n}" for n, f in enumerate(SEARCH_WEIGHTS))
        holds = _all_of(["instr(s.folded, ?) > 0"] * len(words))
        # Per file, the row with the highest score, then rank, then first item: with a
        # single max(), SQLite takes the other columns from the row that has it. Distinct
        # scores differ by at least 0.25, far more than rank and item can weigh.
        sql = f"""
            SELECT f.path, f.folder, f.id, b.fid, b.field, b.item, b.folded, b.score,
                count(*) OVER () FROM (
                SELECT fid, field, item, folded, score,
                    max(score * 1000000 - rank * 1000 - min(item, 999))
                FROM (
                    SELECT s.fid, s.field, s.item, s.folded,
                        (CASE WHEN instr(s.folded, ?) > 0 THEN 100.0 ELSE 95.0 END)
                            * (CASE s.field {weight} END) AS score,
                        (CASE s.field {rank} END) AS rank
                    FROM search s WHERE {holds})
                GROUP BY fid) b
            JOIN files f ON f.fid = b.fid
            ORDER BY b.score DESC, f.folder != 'providers', f.date_first DESC, f.id LIMIT ?"""
        rows = self.conn.execute(sql, [target, *words, limit]).fetchall()
        self.last_match_count = rows[0][8] if rows else 0
        return [(row[7], SearchRow._make(row[:7])) for row in rows]

    def search_rows_for(self, folded: list[str]) -> list[SearchRow]:
        """Search rows of short fields (not summaries) with exactly these folded texts."""
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(folded), 500):
            chunk = folded[start : start + 500]
            rows += self.conn.execute(
                f"{_SEARCH_ROWS} WHERE s.field NOT IN ('summary', 'note') AND s.folded IN "
                f"({', '.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return self._serve_rows(rows)

    def short_search_texts(self, longest: int = 80) -> list[str]:
        """The distinct short folded texts of short fields (names, titles, actors...), for
        fuzzy matching."""
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT DISTINCT folded FROM search WHERE field NOT IN ('summary', 'note') "
                "AND length(folded) <= ?",
                (longest,),
            )
        ]

    def _serve_rows(self, rows: list[tuple[Any, ...]]) -> list[SearchRow]:
        # Not served: the records shown are, through records_of. A broad search matches
        # most files, and checking each of them would cost more than the search.
        return [SearchRow._make(row) for row in rows]

    def records_of(self, fids: Iterable[int]) -> dict[int, Record]:
        """{fid: record} of these files, served."""
        wanted = list(dict.fromkeys(fids))
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows += self.conn.execute(
                f"SELECT f.fid, {_SERVED} {_WITH_RECORDS} WHERE f.fid IN ({marks})",
                chunk,
            ).fetchall()
        records = self._serve(row[1:] for row in rows)
        return {row[0]: record for row, record in zip(rows, records, strict=True)}

    def names(self) -> list[tuple[str, str, str]]:
        """(folder, id, name) for every provider name and alias and every event title."""
        return name_rows(self.conn)

    def ids_by_folded_name(self, folded: str) -> list[tuple[str, str]]:
        return list(
            self.conn.execute(
                "SELECT DISTINCT f.folder, f.id FROM search s JOIN files f ON f.fid = s.fid "
                f"WHERE s.folded = ? AND {_NAMES} ORDER BY f.folder, f.id",
                (folded,),
            )
        )


# More distinct words than a text of 10,000 characters (the longest a record holds) can hold.
MAX_SEARCH_WORDS = 5000


def _all_of(terms: list[str]) -> str:
    """`terms` joined by AND as a balanced tree: SQLite refuses an expression nested more
    than 1,000 deep, which a plain chain of a thousand words is."""
    if len(terms) == 1:
        return terms[0]
    half = len(terms) // 2
    return f"({_all_of(terms[:half])} AND {_all_of(terms[half:])})"


class SearchRow(NamedTuple):
    """A search row with its record's file, folder and id; `field` and `item` say which text
    of the record it holds (see search_fields)."""

    path: str
    folder: str
    id: str
    fid: int
    field: str
    item: int
    folded: str


# The valid records (a file whose record is not valid has none).
_WITH_RECORDS = "FROM files f JOIN records r ON r.fid = f.fid"
# What a file's keyed hash (`mac`) covers: every column of its row but its number.
_SEALED_COLUMNS = (
    "path", "folder", "size", "mtime_ns", "id", "id_line", "date_first", "date_last",
    "reviewed", "reviewed_line", "name", "findings", "rdigest", "cdigest",
)  # fmt: skip
_SEALED_COUNT = len(_SEALED_COLUMNS)
_SEALED_FILES = ", ".join(f"f.{c}" for c in _SEALED_COLUMNS)
# A served record: its file's row, the keyed hash, the record.
_SERVED = f"{_SEALED_FILES}, f.mac, r.record"
_SEARCH_ROWS = (
    "SELECT f.path, f.folder, f.id, s.fid, s.field, s.item, s.folded "
    "FROM search s JOIN files f ON f.fid = s.fid"
)
# The search rows that name a record: providers' names and aliases, events' titles. The
# second term lets SQLite use the partial index on `folded`.
_NAMES = "s.field IN ('name', 'alias', 'title') AND s.field NOT IN ('summary', 'note')"
# Providers' names and aliases: the checks for shared names scan them, through their own
# partial index (its WHERE must be written the same way for SQLite to use it).
_PROVIDER_NAMES = "s.field IN ('name', 'alias')"


def name_rows(conn: sqlite3.Connection, folder: str | None = None) -> list[tuple[str, str, str]]:
    """(folder, id, name) for every name of the records (of `folder`, if given): each
    record's own name or title first, then its aliases in the order of the file."""
    sql = (
        f"SELECT f.folder, f.id, s.text FROM search s JOIN files f ON f.fid = s.fid WHERE {_NAMES}"
    )
    params: tuple[str, ...] = ()
    if folder is not None:
        sql += " AND f.folder = ?"
        params = (folder,)
    return list(conn.execute(sql + " ORDER BY f.id, s.field = 'alias', s.line", params))


def _trusted_cache(path: Path) -> bytes:
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
            pass  # a read-only cache: _connect finds out and answers from memory
        check_file(path)
    for suffix in ("-journal", "-wal", "-shm"):
        check_file(Path(f"{path}{suffix}"))
    return key


def _connect(path: Path, key: bytes) -> sqlite3.Connection | None:
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
            _discard(path)  # not a database, or malformed: start again
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
    _create_tables(conn)
    conn.execute("INSERT INTO meta VALUES ('format', ?)", (_format(key),))


def _drop_if_dated_after(conn: sqlite3.Connection, today: dt.date, key: bytes) -> None:
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


def _create_tables(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA.split(";"):
        if statement.strip():
            conn.execute(statement)


def _discard(path: Path) -> None:
    for suffix in ("", "-journal", "-wal", "-shm"):
        try:
            os.unlink(f"{path}{suffix}")
        except FileNotFoundError:
            pass


def _connect_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    _create_tables(conn)
    return conn


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
BATCH = 500


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
    search = []
    for field, item, where, value in search_fields(file.folder, record):
        line = line_of(where)
        if isinstance(value, dict):
            texts = dict.fromkeys([localized(value, "en"), localized(value, "fr")])
        else:
            texts = {value: None}
        named = file.folder == "providers" and field in ("name", "alias")
        search += [
            (fid, field, item, line, t, fold(t), skeleton(t) if named else None) for t in texts
        ]
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


def _read_all(
    files: list[RecordFile],
    fids: list[int],
    floor: str,
    jobs: int | None,
    progress: Callable[[int, int], None] | None,
    readers: Executor | None = None,
) -> Iterator[Rows]:
    """file_rows over `files` in order, on every core when there are enough files to pay
    (in `readers`, when they were started already)."""
    import functools

    jobs = jobs or os.cpu_count() or 1
    total = len(files)
    if readers is None and (jobs == 1 or total < PARALLEL_THRESHOLD):
        for done, (file, fid) in enumerate(zip(files, fids, strict=True), 1):
            yield file_rows(file, fid, floor)
            if progress:
                progress(done, total)
        return
    chunk = max(20, min(500, total // (jobs * 16)))
    with contextlib.ExitStack() as stack:
        if readers is None:
            readers = stack.enter_context(_start_readers(jobs))
        read = functools.partial(file_rows, floor=floor)
        for done, rows in enumerate(readers.map(read, files, fids, chunksize=chunk), 1):
            yield rows
            if progress and (done % 200 == 0 or done == total):
                progress(done, total)


@contextlib.contextmanager
def _start_readers(jobs: int) -> Iterator[Executor]:
    """Worker processes that read files; they start now and load the reading modules. On
    the way out, work not started is dropped (an interrupted run does not finish it)."""
    from concurrent.futures import ProcessPoolExecutor

    readers = ProcessPoolExecutor(
        max_workers=jobs, initializer=_load_reader, initargs=(os.getpid(),)
    )
    try:
        readers.submit(int)  # the processes start with the first task
        yield readers
    finally:
        readers.shutdown(wait=True, cancel_futures=True)


def _load_reader(parent: int) -> None:
    """A reading process starts: it dies with `parent`, then loads the reading modules."""
    die_with_parent(parent)
    import sovcloud.loader  # noqa: F401  # pydantic, the models and libyaml: a third of a second


# Linux's prctl option: the signal a process gets when its parent dies.
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int) -> None:
    """Make this worker process end when `parent` does, however the parent ends (SIGTERM,
    SIGINT, kill -9): a worker left behind would keep reading for nothing, holding the
    caller's stdout and stderr open, and a CI step waiting for them would hang.

    On Linux the kernel sends SIGKILL when the parent dies (PR_SET_PDEATHSIG); elsewhere a
    thread checks every half second that the parent is still there. A parent gone before
    this call is seen at once."""
    import signal
    import sys

    watched = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            watched = libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:
        os._exit(1)  # the parent died before we could be told
    if not watched:
        import threading

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)

        threading.Thread(target=watch, daemon=True, name="sovcloud-parent-watch").start()


@contextlib.contextmanager
def _early_readers(
    conn: sqlite3.Connection, data_dir: Path, jobs: int | None
) -> Iterator[Executor | None]:
    """Readers started before the data directory is listed, when an empty index is about
    to read many files: they load while the parent lists (both take about half a second
    at 100,000 files). None otherwise."""
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or conn.execute("SELECT 1 FROM files LIMIT 1").fetchone() is not None:
        yield None
        return
    names = 0
    for folder in FOLDERS:
        try:
            with os.scandir(data_dir / folder) as entries:
                names += sum(1 for _ in entries)
        except OSError:
            pass  # the listing reports it
    if names < PARALLEL_THRESHOLD:
        yield None
        return
    with _start_readers(jobs) as readers:
        yield readers


def _refresh(
    conn: sqlite3.Connection,
    listing: Scan,
    today: dt.date,
    jobs: int | None,
    progress: Callable[[int, int], None] | None,
    readers: Executor | None,
    key: bytes,
) -> set[int]:
    """Bring the tables up to date with the listing; the numbers of the files written."""
    known = {
        path: (fid, size, mtime)
        for fid, path, size, mtime in conn.execute("SELECT fid, path, size, mtime_ns FROM files")
    }
    current = {f.path: f for f in listing.files}
    stale = [f for path, f in current.items() if known.get(path, (0,))[1:] != (f.size, f.mtime_ns)]
    gone = [fid for path, (fid, _, _) in known.items() if path not in current]
    if not stale and not gone:
        return set()
    # A changed file keeps its number; new files are numbered after the last one.
    next_fid = max((fid for fid, _, _ in known.values()), default=0) + 1
    fids = []
    for file in stale:
        if file.path in known:
            fids.append(known[file.path][0])
        else:
            fids.append(next_fid)
            next_fid += 1
    mtimes = {fid: f.mtime_ns for fid, f in zip(fids, stale, strict=True)}
    now_ns = time.time_ns()
    # Filling an empty index: build the secondary indexes once at the end rather than
    # updating them row by row.
    bulk = not known and len(stale) >= PARALLEL_THRESHOLD
    conn.execute("BEGIN IMMEDIATE")
    try:
        if bulk:
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).fetchall():
                conn.execute(f"DROP INDEX {name}")
        changed = [known[f.path][0] for f in stale if f.path in known]
        replaced = [(fid,) for fid in [*gone, *changed]]
        for table in TABLES[1:]:
            conn.executemany(f"DELETE FROM {table} WHERE fid = ?", replaced)
        batch: list[Rows] = []
        floor = today.isoformat()
        for rows in _read_all(stale, fids, floor, jobs, progress, readers):
            batch.append(rows)
            if len(batch) >= BATCH:
                _insert(conn, batch, mtimes, now_ns, key)
                batch = []
        _insert(conn, batch, mtimes, now_ns, key)
        if bulk:
            _create_tables(conn)  # the tables exist: this recreates the indexes
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('timed_floor', max(?, COALESCE("
            "(SELECT value FROM meta WHERE key = 'timed_floor'), '')))",
            (floor,),
        )
        conn.execute(
            "INSERT OR REPLACE INTO meta VALUES ('generation', "
            "COALESCE((SELECT value FROM meta WHERE key = 'generation'), 0) + 1)"
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return set(fids)


def _insert(
    conn: sqlite3.Connection,
    batch: list[Rows],
    mtimes: dict[int, int],
    now_ns: int,
    key: bytes,
) -> None:
    def sealed_row(row: tuple[Any, ...]) -> tuple[Any, ...]:
        mtime = mtimes[row[0]]
        # A time stamp this recent may not tell this version from an edit right after it;
        # a file that could not be read is tried again (chmod does not change its time).
        if now_ns - mtime <= RACY_NS or '"SC001"' in row[11]:
            mtime = -1
        values = (*row[1:4], mtime, *row[4:])
        return (row[0], *values, seal(key, values))

    conn.executemany(
        f"INSERT INTO files VALUES ({', '.join('?' * (_SEALED_COUNT + 2))})",
        [sealed_row(rows[0]) for rows in batch],
    )
    for position, table, width in _CHILD_TABLES:
        conn.executemany(
            f"INSERT INTO {table} VALUES ({', '.join('?' * width)})",
            [r for rows in batch for r in rows[position]],
        )


# Where each table's rows are in Rows, and how many columns they have.
_CHILD_TABLES = (
    (1, "records", 2),
    (2, "refs", 3),
    (3, "certs", 6),
    (4, "search", 7),
    (5, "timed", 6),
    (6, "tagged", 3),
)


def _remember_listing(
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


def _listing_sealed(meta: dict[str, str], key: bytes) -> bool:
    """Whether the listing a quick open relies on is the one sovcloud stored."""
    try:
        mac = bytes.fromhex(meta.get("listing_mac", ""))
    except ValueError:
        return False
    return sealed(key, [meta.get(k) for k in _LISTING], mac)


def _state(conn: sqlite3.Connection) -> str:
    """The hash of every file's keyed hash, in order: what the stored findings were computed
    from, so that findings stored for an earlier state of the files are never believed for
    this one (an old findings list put back with its own generation number)."""
    macs = b"".join(row[0] or b"" for row in conn.execute("SELECT mac FROM files ORDER BY fid"))
    return digest(macs).hex()


def _cached_findings(
    conn: sqlite3.Connection,
    listing_findings: list[Finding],
    today: dt.date,
    max_age_days: int | None,
    key: bytes,
    *,
    full: bool = False,
    quick: bool = False,
    written: set[int] | None = None,
) -> list[Finding]:
    """The findings, computed again only when the files, the listing or the day changed.

    The stored list is believed only with its keyed hash: over the list and what it was
    computed for, and, but for a quick open (which reads no file's row), over the state of
    every file's row too. Otherwise the findings are computed again from the rows, each
    row's keyed hash checked (`full`: every row of every table)."""
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    listed = json.dumps([[f.path, f.line, f.code, f.message] for f in listing_findings])
    cache_key = f"{meta.get('generation', '0')}|{today}|{max_age_days}|{listed}"
    stored = meta.get("findings")
    if meta.get("findings_key") == cache_key and stored is not None:
        if quick:
            believed = _meta_sealed(key, [cache_key, stored], meta.get("findings_mac"))
        else:
            state = _state(conn)
            believed = _meta_sealed(key, [cache_key, stored, state], meta.get("findings_state"))
        if believed:
            return [Finding(*f) for f in json.loads(stored)]
    findings = _findings(
        conn, listing_findings, today, max_age_days, key, full=full, written=written
    )
    stored = json.dumps([[f.path, f.line, f.code, f.message] for f in findings])
    state = _state(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [
                ("findings_key", cache_key),
                ("findings", stored),
                ("findings_mac", seal(key, [cache_key, stored]).hex()),
                ("findings_state", seal(key, [cache_key, stored, state]).hex()),
            ],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return findings


def _meta_sealed(key: bytes, values: list[str], mac: str | None) -> bool:
    try:
        return sealed(key, values, bytes.fromhex(mac or ""))
    except ValueError:
        return False


def _findings(
    conn: sqlite3.Connection,
    listing_findings: list[Finding],
    today: dt.date,
    max_age_days: int | None,
    key: bytes,
    *,
    full: bool = False,
    written: set[int] | None = None,
) -> list[Finding]:
    """Every finding, from the index's rows: each file's row (its own findings, id, review
    day) is checked against its keyed hash first; with `full`, the rows the other checks
    read too (references, certifications, names, dated checks), but for the files this run
    has just `written` (a first build checks none)."""
    findings = list(listing_findings)
    children: dict[int, bytes] = {}
    for row in conn.execute(f"SELECT f.fid, {_SEALED_FILES}, f.mac FROM files f"):
        values = row[1 : _SEALED_COUNT + 1]
        if not sealed(key, values, row[-1]):
            raise IndexDamaged(f"holds a row of {values[0]} that sovcloud did not write")
        if values[11] != "[]":
            findings.extend(
                Finding(values[0], line, code, message)
                for line, code, message in json.loads(values[11])
            )
        if not written or row[0] not in written:
            children[row[0]] = values[13]
    if full and children:
        _check_children(conn, children)
    iso = today.isoformat()
    findings.extend(
        Finding(path, line, code, message)
        for path, line, code, message in conn.execute(
            "SELECT f.path, t.line, t.code, t.message FROM timed t JOIN files f ON f.fid = t.fid "
            "WHERE (t.when_ = 'future' AND t.day > ?) OR (t.when_ = 'passed' AND t.day < ?)",
            (iso, iso),
        )
    )
    findings.extend(_cross_findings(conn))
    if max_age_days is not None:
        reviews = conn.execute(
            "SELECT path, reviewed_line, reviewed FROM files WHERE id IS NOT NULL"
        )
        findings.extend(max_age_findings(reviews, today, max_age_days))
        unchecked = conn.execute(
            "SELECT f.path, c.line, c.scheme, c.checked FROM certs c JOIN files f "
            "ON f.fid = c.fid WHERE c.checked IS NULL OR c.checked < ? ORDER BY f.path, c.line",
            ((today - dt.timedelta(days=max_age_days)).isoformat(),),
        )
        findings.extend(unchecked_findings(unchecked, today))
    findings.extend(_version_findings(conn, today, key))
    return sorted(set(findings))


_CHILDREN = ("refs", "certs", "search", "timed", "tagged")


def _check_children(conn: sqlite3.Connection, expected: dict[int, bytes]) -> None:
    """IndexDamaged unless every file's rows in the other tables hash to what its (checked)
    row says: read table by table in file order, side by side, so that memory stays small."""
    import itertools

    cursors = [
        itertools.groupby(
            conn.execute(f"SELECT * FROM {table} ORDER BY fid, rowid"), key=lambda r: r[0]
        )
        for table in _CHILDREN
    ]
    heads: list[tuple[int, list[tuple[Any, ...]]] | None] = []
    for cursor in cursors:
        first = next(cursor, None)
        heads.append((first[0], list(first[1])) if first else None)
    for fid in sorted(expected):
        tables: list[list[tuple[Any, ...]]] = []
        for position, cursor in enumerate(cursors):
            head = heads[position]
            while head is not None and head[0] < fid:  # a file written by this run
                following = next(cursor, None)
                heads[position] = head = (following[0], list(following[1])) if following else None
            if head is not None and head[0] == fid:
                tables.append(head[1])
                following = next(cursor, None)
                heads[position] = (following[0], list(following[1])) if following else None
            else:
                tables.append([])
        if child_digest(*tables) != expected[fid]:
            raise IndexDamaged("holds rows that sovcloud did not write")


def _version_findings(conn: sqlite3.Connection, today: dt.date, key: bytes) -> list[Finding]:
    """SC306 for held entries without a version, in schemes whose transition to a newer
    version has ended: whether they still count cannot be told."""
    from sovcloud.core.certs import HELD_STATUSES
    from sovcloud.core.schemes import Scheme

    findings: list[Finding] = []
    for row in conn.execute(f"SELECT {_SERVED} {_WITH_RECORDS} WHERE f.folder = 'schemes'"):
        values, text = row[:_SEALED_COUNT], row[-1]
        if not sealed(key, values, row[_SEALED_COUNT]) or digest(text.encode()) != values[12]:
            raise IndexDamaged(f"holds a record of {values[0]} that sovcloud did not write")
        record = json.loads(text)
        passed = Scheme(record["id"], record).transition_passed(today)
        if passed is None:
            continue
        marks = ", ".join("?" * len(HELD_STATUSES))
        rows = conn.execute(
            "SELECT f.path, c.line FROM certs c JOIN files f ON f.fid = c.fid WHERE "
            f"c.scheme = ? AND c.version IS NULL AND c.status IN ({marks}) "
            "ORDER BY f.path, c.line",
            (record["id"], *HELD_STATUSES),
        )
        findings.extend(
            Finding(
                path,
                line,
                "SC306",
                f"records no version, and the transition to {record['name']} "
                f"{passed['version']} ended on {passed['transition_ends']}: record the version "
                "the certificate is under (it shows as unverified until then)",
            )
            for path, line in rows
        )
    return findings


def _cross_findings(conn: sqlite3.Connection) -> list[Finding]:
    """The cross-record checks, asked of the index in SQL so that only the records in
    trouble come back to Python: duplicate ids, dangling references, shared names."""
    # Providers, events and schemes share one namespace (`show ID` finds any of them);
    # tags have their own: the tag `secnumcloud` names the scheme's subject.
    duplicates = conn.execute(
        "SELECT id, path, id_line FROM files WHERE id IS NOT NULL AND folder != 'tags' AND id IN "
        "(SELECT id FROM files WHERE id IS NOT NULL AND folder != 'tags' GROUP BY id "
        "HAVING count(*) > 1) ORDER BY id, folder = 'events', path"
    )
    dangling = conn.execute(
        "SELECT f.path, r.line, r.provider_id FROM refs r JOIN files f ON f.fid = r.fid "
        "WHERE r.provider_id NOT IN "
        "(SELECT id FROM files WHERE folder = 'providers' AND id IS NOT NULL) "
        "ORDER BY f.path, r.line"
    ).fetchall()
    shared = conn.execute(
        "SELECT s.folded, f.id, f.path, s.line, s.text FROM search s JOIN files f "
        f"ON f.fid = s.fid WHERE {_PROVIDER_NAMES} AND f.folder = 'providers' AND s.folded IN "
        f"(SELECT s.folded FROM search s JOIN files f ON f.fid = s.fid WHERE {_PROVIDER_NAMES} "
        "AND f.folder = 'providers' GROUP BY s.folded HAVING count(DISTINCT f.id) > 1) "
        "ORDER BY s.folded, f.path, s.line"
    )

    def provider_ids() -> list[str]:
        return [
            r[0]
            for r in conn.execute(
                "SELECT id FROM files WHERE folder = 'providers' AND id IS NOT NULL ORDER BY id"
            )
        ]

    def invalid_ids() -> set[str]:
        # Files that exist but hold no valid record: named by their file name.
        rows = conn.execute("SELECT path FROM files WHERE folder = 'providers' AND id IS NULL")
        return {os.path.basename(p)[: -len(".yaml")] for (p,) in rows if p.endswith(".yaml")}

    def provider_names() -> dict[str, str]:
        rows = conn.execute(
            "SELECT s.folded, f.id FROM search s JOIN files f ON f.fid = s.fid "
            f"WHERE {_PROVIDER_NAMES} AND f.folder = 'providers'"
        )
        return dict(rows.fetchall())

    # A certification must name a scheme that has a record, once the data has schemes at
    # all (a data directory from before schemes were records has none).
    scheme_ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM files WHERE folder = 'schemes' AND id IS NOT NULL ORDER BY id"
        )
    ]
    unknown_schemes = (
        conn.execute(
            "SELECT f.path, c.line, c.scheme FROM certs c JOIN files f ON f.fid = c.fid "
            "WHERE c.scheme NOT IN "
            "(SELECT id FROM files WHERE folder = 'schemes' AND id IS NOT NULL) "
            "ORDER BY f.path, c.line"
        ).fetchall()
        if scheme_ids
        else []
    )
    tag_ids = [
        r[0]
        for r in conn.execute(
            "SELECT id FROM files WHERE folder = 'tags' AND id IS NOT NULL ORDER BY id"
        )
    ]
    unknown_tags = (
        conn.execute(
            "SELECT f.path, t.line, t.tag FROM tagged t JOIN files f ON f.fid = t.fid "
            "WHERE t.tag NOT IN (SELECT id FROM files WHERE folder = 'tags' AND id IS NOT NULL) "
            "ORDER BY f.path, t.line"
        ).fetchall()
        if tag_ids
        else []
    )

    def tag_names() -> dict[str, str]:
        rows = conn.execute(
            "SELECT s.folded, f.id FROM search s JOIN files f ON f.fid = s.fid "
            "WHERE f.folder = 'tags' AND s.field IN ('alias', 'title')"
        )
        return dict(rows.fetchall())

    # Providers' names that look alike (one skeleton) without folding alike: found through
    # their own partial index, only the groups in trouble come back.
    looks_alike = conn.execute(
        "SELECT s.skeleton, f.id, f.path, s.line, s.text, s.folded FROM search s JOIN files f "
        "ON f.fid = s.fid WHERE s.skeleton IS NOT NULL AND s.skeleton IN (SELECT skeleton "
        "FROM search WHERE skeleton IS NOT NULL GROUP BY skeleton "
        "HAVING count(DISTINCT folded) > 1) ORDER BY s.skeleton, f.path, s.line"
    )
    return [
        *duplicate_ids(duplicates.fetchall()),
        *dangling_refs(dangling, provider_ids, invalid_ids, provider_names),
        *unknown_tag_refs(unknown_tags, tag_ids, tag_names),
        *shared_names(shared.fetchall()),
        *unknown_scheme_refs(unknown_schemes, scheme_ids),
        *confusable_names(looks_alike.fetchall()),
    ]
