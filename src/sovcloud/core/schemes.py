"""How a certification scheme is shown and judged, read from its record in data/schemes/.

A scheme record says what the scheme is called, the status word that means held, how long a
grant is valid, its versions and the end of each transition, the official register and its
count of holders. Every renderer and every judgement asks this module, so that a new scheme
is one YAML file and no code. A scheme named by a certification but without a record (in a
data directory from before schemes were records) is shown by its id and judged without
versions or a validity period.

The schemes in use are set once per command, from the index, by `use()`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sovcloud import dates

Record = dict[str, Any]

# Schemes shown first, in this order, wherever schemes are listed side by side.
MAIN_SCHEMES = ("secnumcloud", "hds")


class Scheme:
    """One scheme's display and judgement, from its record (or from its id alone)."""

    __slots__ = ("id", "record")

    def __init__(self, id_: str, record: Record | None = None):
        self.id = id_
        self.record = record

    @property
    def name(self) -> str:
        return self.record["name"] if self.record else self.id

    @property
    def known(self) -> bool:
        return self.record is not None

    @property
    def validity_years(self) -> int | None:
        return self.record.get("validity_years") if self.record else None

    @property
    def held_as(self) -> str | None:
        return self.record["held_as"] if self.record else None

    def versions(self) -> list[Record]:
        return list(self.record["versions"]) if self.record else []

    def superseded(self, version: str | None, on: dt.date) -> Record | None:
        """The later version whose transition had ended by `on`, making entries under
        `version` no longer count; None when `version` still counts (or is unknown)."""
        names = [v["version"] for v in self.versions()]
        if version is None or version not in names:
            return None
        for later in self.versions()[names.index(version) + 1 :]:
            ends = later.get("transition_ends")
            if ends and dates.last_day(ends) < on:
                return later
        return None

    def transition_passed(self, on: dt.date) -> Record | None:
        """The newest version whose transition had ended by `on`, if any."""
        passed = [
            v
            for v in self.versions()
            if v.get("transition_ends") and dates.last_day(v["transition_ends"]) < on
        ]
        return passed[-1] if passed else None

    def latest_count(self) -> Record | None:
        """The register's most recent count of holders, with its date and sources."""
        counts = self.record.get("counts", []) if self.record else []
        if not counts:
            return None
        latest: Record = max(counts, key=lambda c: dates.last_day(c["date"]))
        return latest

    def source(self, id_: str) -> Record | None:
        for source in self.record["sources"] if self.record else []:
            if source.get("id") == id_:
                found: Record = source
                return found
        return None


_CURRENT: dict[str, Scheme] = {}


def use(records: Iterable[Record]) -> None:
    """Set the schemes the data directory defines, for every renderer and judgement."""
    _CURRENT.clear()
    for record in records:
        _CURRENT[record["id"]] = Scheme(record["id"], record)


def get(id_: str) -> Scheme:
    """The scheme with this id; one without a record is shown by its id."""
    return _CURRENT.get(id_) or Scheme(id_)


def all_schemes() -> list[Scheme]:
    """Every scheme with a record, in display order."""
    return [get(i) for i in order(_CURRENT)]


def name(id_: str) -> str:
    return get(id_).name


def order(ids: Iterable[str]) -> list[str]:
    """SecNumCloud, then HDS, then the others alphabetically."""
    return sorted(
        set(ids),
        key=lambda s: (MAIN_SCHEMES.index(s) if s in MAIN_SCHEMES else len(MAIN_SCHEMES), s),
    )
