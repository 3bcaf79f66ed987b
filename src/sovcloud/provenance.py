"""What a document made from the data says about that data: which version it was.

The fingerprint is a hash of the checked records themselves (their JSON, keys sorted, in id
order), not of files: the same facts give the same fingerprint on every machine, in every
checkout and after a reformatting or a new comment, while any changed fact, source or
review date changes it. File sizes and times would differ between two clones of the same
commit, and the index's generation counts refreshes of one cache, not versions of the data.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, NamedTuple

from sovcloud import __version__
from sovcloud.index import Index

Record = dict[str, Any]


class Stamp(NamedTuple):
    version: str  # sovcloud's
    fingerprint: str  # of the data: "sha256:" and 16 hex digits
    providers: int
    events: int
    made: dt.date
    reviewed: str | None = None  # the latest day any record was reviewed: the data's date

    def line(self) -> str:
        """'sovcloud 0.1.0, data sha256:0123456789abcdef (42 providers, 116 events,
        reviewed up to 2026-11-30)'."""
        reviewed = f", reviewed up to {self.reviewed}" if self.reviewed else ""
        return (
            f"sovcloud {self.version}, data {self.fingerprint} "
            f"({self.providers} providers, {self.events} events{reviewed})"
        )


def fingerprint(providers: list[Record], events: list[Record]) -> str:
    """A hash of the records' content, independent of files, paths and order on disk."""
    digest = hashlib.sha256()
    for folder, records in (("providers", providers), ("events", events)):
        for record in sorted(records, key=lambda r: r["id"]):
            digest.update(folder.encode() + b"\0")
            text = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
            digest.update(text.encode() + b"\n")
    return "sha256:" + digest.hexdigest()[:16]


def stamp(index: Index, today: dt.date) -> Stamp:
    """The stamp of the data the index holds, made today."""
    providers, events = index.providers(), index.events()
    reviewed = max((r["last_reviewed"] for r in [*providers, *events]), default=None)
    return Stamp(
        __version__,
        fingerprint(providers, events),
        len(providers),
        len(events),
        today,
        reviewed,
    )
