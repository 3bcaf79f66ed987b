"""The Index: opened trusted and up to date with the data directory, and the questions the
query layer asks of it (records by id, by scheme, by date, by reference, search rows).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from sovcloud import dates
from sovcloud.errors import Finding
from sovcloud.index.findings import cached_findings, compute_findings, verify_rows
from sovcloud.index.refresh import early_readers, refresh
from sovcloud.index.search import Searching
from sovcloud.index.store import (
    NAMES,
    SERVED,
    WITH_RECORDS,
    IndexDamaged,
    Record,
    cache_path,
    connect,
    connect_memory,
    discard,
    drop_if_dated_after,
    listing_sealed,
    name_rows,
    remember_listing,
    trusted_cache,
)
from sovcloud.paths import folder_times, scan
from sovcloud.trust import (
    Untrusted,
    file_identity,
    witness,
    witnessed,
)

# Above this many files, a query trusts the folders' listings and checks only the files it
# shows; below, checking every file costs less than a millisecond per hundred files.
QUICK_ABOVE = 2000


class Index(Searching):
    """The checked records of one data directory, and every finding about them."""

    def __init__(
        self,
        data_dir: Path,
        conn: sqlite3.Connection,
        findings: list[Finding],
        *,
        cached: bool,
        file_count: int,
        quick: bool = False,
        untrusted: str | None = None,
    ):
        self.data_dir = data_dir
        self.conn = conn
        self.findings = findings
        self.cached = cached
        self.file_count = file_count
        self.last_match_count = 0  # records holding every word, in the last search_matches
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
    ) -> Index:
        """Bring the index up to date with the data directory and run every check.

        With `quick`, a large data directory whose folders list the same files as last time
        is not checked file by file: the caller then checks what it served with
        verify_served() and opens again without `quick` when that fails. An index file that
        changed since sovcloud last wrote it (trust.witnessed) is believed only once every
        row carries the right keyed hash (verify_rows); otherwise it is set aside.
        """
        if use_cache is None:
            use_cache = not os.environ.get("SOVCLOUD_NO_CACHE")
        untrusted = None
        if use_cache:
            path = cache_path(data_dir)
            try:
                key = trusted_cache(path)
            except Untrusted as exc:
                untrusted = str(exc)
                conn = None
            else:
                conn = connect(path, key)
            if conn is not None:
                try:
                    return cls._open_cached(
                        conn, path, key, data_dir, today, quick, max_age_days, jobs, progress
                    )
                except (sqlite3.Error, OSError, ValueError, IndexDamaged) as exc:
                    # Unwritable, full or corrupt cache: answer from memory instead, and
                    # set a damaged file aside so that the next run rebuilds it.
                    conn.close()
                    if not isinstance(exc, sqlite3.OperationalError | OSError):
                        discard(path)
                    if isinstance(exc, IndexDamaged):
                        untrusted = f"{path} {exc}"
        return cls._open_in_memory(data_dir, today, max_age_days, jobs, progress, untrusted)

    @classmethod
    def _open_cached(
        cls,
        conn: sqlite3.Connection,
        path: Path,
        key: bytes,
        data_dir: Path,
        today: dt.date,
        quick: bool,
        max_age_days: int | None,
        jobs: int | None,
        progress: Callable[[int, int], None] | None,
    ) -> Index:
        """The on-disk index, checked row by row unless witnessed, brought up to date."""
        # After connect's first read, so that SQLite has applied any journal.
        trusted = witnessed(path, key)
        seen = file_identity(path)
        if not trusted:
            verify_rows(conn, key)
        drop_if_dated_after(conn, today, key)
        index = cls._open_quick(conn, data_dir, today, max_age_days, key) if quick else None
        if index is None:
            times = folder_times(data_dir)  # before listing: later changes show
            with early_readers(conn, data_dir, jobs) as readers:
                listing = scan(data_dir)
                refresh(conn, listing, today, jobs, progress, readers, key)
            remember_listing(conn, listing, times, key)
            findings = cached_findings(conn, listing.findings, today, max_age_days, key)
            index = cls(data_dir, conn, findings, cached=True, file_count=len(listing.files))
        if not trusted or file_identity(path) != seen:
            witness(path, key)  # only after a write: a read leaves the file as it was
        return index

    @classmethod
    def _open_in_memory(
        cls,
        data_dir: Path,
        today: dt.date,
        max_age_days: int | None,
        jobs: int | None,
        progress: Callable[[int, int], None] | None,
        untrusted: str | None,
    ) -> Index:
        """An index of this run alone, when the cache cannot be used or believed."""
        key = os.urandom(32)  # a key for this run alone: the memory index dies with it
        conn = connect_memory()
        with early_readers(conn, data_dir, jobs) as readers:
            listing = scan(data_dir)
            refresh(conn, listing, today, jobs, progress, readers, key)
        findings = compute_findings(conn, listing.findings, today, max_age_days)
        return cls(
            data_dir,
            conn,
            findings,
            cached=False,
            file_count=len(listing.files),
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
        if not listing_sealed(meta, key):
            raise IndexDamaged("holds a listing it did not write")
        stored = json.loads(meta["folders"])
        if -1 in stored.values() or stored != folder_times(data_dir):
            return None
        listing_findings = [Finding(*f) for f in json.loads(meta["listing_findings"])]
        findings = cached_findings(conn, listing_findings, today, max_age, key, quick=True)
        return cls(data_dir, conn, findings, cached=True, file_count=file_count, quick=True)

    @property
    def cache_path(self) -> Path:
        return cache_path(self.data_dir)

    def set_aside(self) -> None:
        """Close the index and delete its cache file, so that the next run rebuilds it."""
        self.conn.close()
        if self.cached:
            discard(cache_path(self.data_dir))

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
        """Records from rows of SERVED columns, remembering their files when quick.

        Their keyed hashes were checked when the index was opened, or the index file is as
        sovcloud left it (open); a record that does not decode still means damage, and
        IndexDamaged makes the caller answer from the files instead.
        """
        try:
            rows = list(rows)
            if self.quick:
                self.served.update((row[0], None) for row in rows)
            # One decoding for all: a long listing spent a fifth of its time in the calls.
            records: list[Record] = json.loads(f"[{','.join(row[-1] for row in rows)}]")
            if len(records) != len(rows) or not all(isinstance(r, dict) for r in records):
                raise ValueError("a stored record is not one object")
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
            f"SELECT {SERVED} {WITH_RECORDS} WHERE f.folder = ? AND f.id = ? "
            "ORDER BY f.path LIMIT 1",
            (folder, id_),
        )
        records = self._serve(rows)
        return records[0] if records else None

    def providers(self, schemes: Iterable[str] = (), statuses: Iterable[str] = ()) -> list[Record]:
        """Every valid provider, by id; with `schemes`, only those holding a certification
        of each scheme with one of `statuses` (a cheap first cut before exact checks)."""
        sql = f"SELECT {SERVED} {WITH_RECORDS} WHERE f.folder = 'providers'"
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
                f"SELECT {SERVED} {WITH_RECORDS} WHERE f.folder = 'schemes' ORDER BY f.id"
            )
        )

    def scheme(self, id_: str) -> Record | None:
        return self._one("schemes", id_)

    def frameworks(self) -> list[Record]:
        """Every valid sovereignty framework record, by id."""
        return self._serve(
            self.conn.execute(
                f"SELECT {SERVED} {WITH_RECORDS} WHERE f.folder = 'frameworks' ORDER BY f.id"
            )
        )

    def framework(self, id_: str) -> Record | None:
        """A sovereignty framework record (data/frameworks/), such as eu-csf."""
        return self._one("frameworks", id_)

    def tags(self) -> list[Record]:
        """Every valid tag record, by id."""
        return self._serve(
            self.conn.execute(
                f"SELECT {SERVED} {WITH_RECORDS} WHERE f.folder = 'tags' ORDER BY f.id"
            )
        )

    def tag_counts(self) -> dict[str, int]:
        """How many events carry each tag."""
        return dict(self.conn.execute("SELECT tag, count(*) FROM tagged GROUP BY tag"))

    def events(self, since: str | None = None, until: str | None = None) -> list[Record]:
        """Events whose date may fall within [since, until] (partial dates), by date."""
        sql = f"SELECT {SERVED} {WITH_RECORDS} WHERE f.folder = 'events'"
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
            f"SELECT {SERVED} {WITH_RECORDS} WHERE f.fid IN "
            f"(SELECT fid FROM refs WHERE provider_id = ?) AND f.folder = ? ORDER BY {order}",
            (provider_id, folder),
        )
        return self._serve(rows)

    def provider_names(self, ids: Iterable[str]) -> dict[str, str]:
        """{id: name} for these providers, read from the files' rows without decoding their
        records (labels for other records)."""
        wanted = set(ids)
        rows = self.conn.execute(
            "SELECT id, name FROM files WHERE folder = 'providers' AND id IS NOT NULL"
        )
        return {id_: name for id_, name in rows if id_ in wanted}

    def records_of(self, fids: Iterable[int]) -> dict[int, Record]:
        """{fid: record} of these files, served."""
        wanted = list(dict.fromkeys(fids))
        rows: list[tuple[Any, ...]] = []
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            rows += self.conn.execute(
                f"SELECT f.fid, {SERVED} {WITH_RECORDS} WHERE f.fid IN ({marks})",
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
                f"WHERE s.folded = ? AND {NAMES} ORDER BY f.folder, f.id",
                (folded,),
            )
        )
