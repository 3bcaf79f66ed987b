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
the file (its findings, id, dates, the hashes of its record and of its other rows). Whenever
the index file is not as sovcloud left it after its last write (trust.witnessed), every row
is checked against these hashes before anything is read; a row that fails is a damaged
index, set aside.

The package, from the bottom up: `store` (the file, its tables, trust), `rows` (what one
record file becomes), `refresh` (reading changed files, writing their rows), `findings`
(what validate reports, and the check of every row), `serve` (the Index and its questions).

Standard library only on the path where nothing changed: pydantic and yaml load only when a
file must be read again.
"""

from typing import Any

from sovcloud.index.search import SearchRow
from sovcloud.index.serve import QUICK_ABOVE, Index
from sovcloud.index.store import IndexDamaged, cache_path, name_rows


def __getattr__(name: str) -> Any:
    # What search shows comes from `rows`, which loads the checks: only when a search asks.
    if name in ("SEARCH_WEIGHTS", "search_value"):
        from sovcloud.index import rows

        return getattr(rows, name)
    raise AttributeError(f"module 'sovcloud.index' has no attribute {name!r}")


__all__ = [
    "QUICK_ABOVE",
    "SEARCH_WEIGHTS",
    "Index",
    "IndexDamaged",
    "SearchRow",
    "cache_path",
    "name_rows",
    "search_value",
]
