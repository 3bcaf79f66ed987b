"""`sovcloud stale`: what to check against its sources next.

Records not reviewed for too long, and certification entries whose evidence is old or was
never checked. render/stale.py shows them; nothing here prints. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, NamedTuple

from sovcloud import dates
from sovcloud.core import certs

if TYPE_CHECKING:
    from sovcloud.index import Index


class StaleRecord(NamedTuple):
    folder: str  # providers or events
    id: str
    title: str
    last_reviewed: str
    age_days: int

    @property
    def path(self) -> str:
        """The file, relative to the data directory (the id is the file name)."""
        return f"{self.folder}/{self.id}.yaml"


def stale(index: Index, today: dt.date, max_age_days: int, lang: str = "en") -> list[StaleRecord]:
    """Records not reviewed for more than `max_age_days` (as validate's SC303 counts),
    oldest first."""
    from sovcloud.i18n import localized

    found = []
    for folder, records in (("providers", index.providers()), ("events", index.events())):
        for record in records:
            reviewed = record["last_reviewed"]
            age = (today - dt.date.fromisoformat(reviewed)).days
            if age > max_age_days:
                title = record["name"] if folder == "providers" else record["title"]
                found.append(
                    StaleRecord(folder, record["id"], localized(title, lang), reviewed, age)
                )
    return sorted(found, key=lambda s: (s.last_reviewed, s.folder != "providers", s.id))


class StaleEntry(NamedTuple):
    """A certification entry, with how old the evidence behind it is."""

    provider: str
    name: str
    position: int  # 1-based, in the record's list of certifications
    scheme: str
    standing: certs.Standing
    checked: str | None
    age_days: int | None  # since the newest source it cites; None when undated

    @property
    def path(self) -> str:
        return f"providers/{self.provider}.yaml"


def stale_entries(index: Index, today: dt.date, max_age_days: int) -> list[StaleEntry]:
    """Certification entries whose newest source is older than `max_age_days`, or that were
    never checked, oldest evidence first: what to check against the register next. A
    record's review date says nothing of how old the facts behind an entry are."""
    found = []
    for record in index.providers():
        for position, cert in enumerate(record["certifications"], 1):
            standing = certs.standing(cert, record, today)
            newest = standing.evidence_date
            age = (today - dates.last_day(newest)).days if newest else None
            if age is None or age > max_age_days or not cert.get("checked"):
                found.append(
                    StaleEntry(
                        record["id"],
                        record["name"],
                        position,
                        cert["scheme"],
                        standing,
                        cert.get("checked"),
                        age,
                    )
                )
    return sorted(found, key=lambda e: (-(e.age_days or 10**6), e.provider, e.position))
