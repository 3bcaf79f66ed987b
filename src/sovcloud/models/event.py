"""An event record, data/events/<id>.yaml: one dated thing that happened or is expected."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from sovcloud.models.common import (
    Day,
    Line,
    LocalizedText,
    PartialDate,
    Prose,
    Slug,
    Source,
    Strict,
)


class EventStatus(StrEnum):
    happened = "happened"
    expected = "expected"
    cancelled = "cancelled"


class EventKind(StrEnum):
    certification = "certification"
    contract = "contract"
    partnership = "partnership"
    acquisition = "acquisition"
    announcement = "announcement"
    launch = "launch"
    regulation = "regulation"
    report = "report"
    court_decision = "court-decision"
    statement = "statement"
    tender = "tender"
    funding = "funding"
    incident = "incident"
    other = "other"


class Event(Strict):
    """One dated event: data/events/<id>.yaml."""

    id: Slug
    date: PartialDate
    status: EventStatus = EventStatus.happened
    kind: EventKind
    title: Line | LocalizedText
    summary: Prose
    providers: list[Slug] = []
    actors: list[Line] = []
    tags: list[Slug] = []
    sources: Annotated[list[Source], Field(min_length=1)]
    last_reviewed: Day
    note: Prose | None = None
