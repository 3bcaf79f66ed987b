"""The typed shape of a served record: a provider or an event as the index serves it.

The index serves each record as its model dumps it to JSON (`model_dump(mode="json")`):
every field present, in the model's order, absent values as None, dates as ISO text. These
TypedDicts say so for type checkers, without importing pydantic; tests/test_records.py keeps
them equal to the models (the same keys in the same order, and every served record of the
test catalogues valid against them). Standard library only.
"""

from __future__ import annotations

from typing import TypedDict


class LocalizedText(TypedDict):
    """The same text in English and French; at least one of them."""

    en: str | None
    fr: str | None


Prose = str | LocalizedText


class SourceRecord(TypedDict):
    id: str | None
    publisher: str
    title: str
    date: str  # a partial date: 2023, 2023-12 or 2023-12-18
    url: str | None
    type: str
    note: str | None


class OwnerRecord(TypedDict):
    name: str
    provider: str | None
    country: str
    role: str
    stake: float | None
    stake_note: str | None
    since: str | None
    until: str | None
    sources: list[str]


class OwnershipRecord(TypedDict):
    complete: bool
    sources: list[str]
    note: Prose | None


class LicenceRecord(TypedDict):
    vendor: str
    provider: str | None
    country: str
    technology: str
    sources: list[str]


class OfferRecord(TypedDict):
    id: str
    name: str
    service: str
    status: str
    description: Prose | None


class DataCentreRecord(TypedDict):
    location: str
    country: str
    operator: str | None
    sources: list[str]


class SovereigntyAnswerRecord(TypedDict):
    criterion: str
    answers: list[int]
    offers: list[str]
    since: str | None
    until: str | None
    sources: list[str]
    note: Prose


class CertificationRecord(TypedDict):
    scheme: str
    version: str | None
    status: str
    milestone: str | None
    scope: str | None
    offers: list[str]
    services: list[str]
    activities: list[int]
    number: str | None
    body: str | None
    granted: str | None
    expires: str | None
    ended: str | None
    sources: list[str]
    checked: str | None  # an ISO day
    note: Prose | None


class ProviderRecord(TypedDict):
    id: str
    name: str
    aliases: list[str]
    kind: str
    country: str
    headquarters: str | None
    founded: str | None
    status: str
    website: str | None
    description: Prose
    owners: list[OwnerRecord]
    ownership: OwnershipRecord | None
    licensed_technology: list[LicenceRecord]
    offers: list[OfferRecord]
    data_centres: list[DataCentreRecord]
    certifications: list[CertificationRecord]
    sovereignty: list[SovereigntyAnswerRecord]
    sources: list[SourceRecord]
    last_reviewed: str  # an ISO day
    note: Prose | None


class EventRecord(TypedDict):
    id: str
    date: str
    status: str
    kind: str
    title: str | LocalizedText
    summary: Prose
    providers: list[str]
    actors: list[str]
    tags: list[str]
    sources: list[SourceRecord]
    last_reviewed: str
    note: Prose | None
