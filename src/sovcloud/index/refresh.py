"""Bringing the index up to date with the files: only new or changed files are read again,
in reading processes when there are many, which die with the command however it ends;
their rows are written in one transaction, each file's row sealed with the key.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sovcloud.index.store import RACY_NS, SEALED_COUNT, TABLES, create_tables
from sovcloud.paths import FOLDERS, RecordFile, Scan
from sovcloud.trust import seal

if TYPE_CHECKING:
    from concurrent.futures import Executor

    # Reading files (rows, then the loader, pydantic, yaml) loads only when one changed.
    from sovcloud.index.rows import Rows

# Below this many files to read, a process pool costs more than it saves.
PARALLEL_THRESHOLD = 300


BATCH = 500


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

    from sovcloud.index.rows import file_rows

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
def early_readers(
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


def refresh(
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
            create_tables(conn)  # the tables exist: this recreates the indexes
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
        f"INSERT INTO files VALUES ({', '.join('?' * (SEALED_COUNT + 2))})",
        [sealed_row(rows[0]) for rows in batch],
    )
    for position, table, width in CHILD_TABLES:
        conn.executemany(
            f"INSERT INTO {table} VALUES ({', '.join('?' * width)})",
            [r for rows in batch for r in rows[position]],
        )


# Where each table's rows are in Rows, and how many columns they have.
CHILD_TABLES = (
    (1, "records", 2),
    (2, "refs", 3),
    (3, "certs", 6),
    (4, "search", 7),
    (5, "timed", 6),
    (6, "tagged", 3),
)
