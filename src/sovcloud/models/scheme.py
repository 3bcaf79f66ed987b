"""The vocabulary records: a certification scheme (data/schemes/) and a tag (data/tags/)."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from sovcloud.models.common import (
    Citations,
    Day,
    Jurisdiction,
    Line,
    LocalizedText,
    PartialDate,
    Prose,
    Slug,
    Source,
    Strict,
    Url,
    Version,
)


class SchemeTarget(StrEnum):
    """What a scheme certifies: a service or offer, a whole company, a site, a product."""

    service = "service"
    company = "company"
    site = "site"
    product = "product"


class HeldWord(StrEnum):
    """The certification status that means "held" under a scheme."""

    qualified = "qualified"
    certified = "certified"
    attested = "attested"
    labelled = "labelled"
    adherent = "adherent"


class HolderUnit(StrEnum):
    """What an official count counts."""

    services = "services"
    hosts = "hosts"
    companies = "companies"
    certificates = "certificates"
    products = "products"


class SchemeVersion(Strict):
    """One version or referential of a scheme, with the dates that decide what still counts."""

    version: Version
    name: Line | None = None
    published: PartialDate | None = None
    in_force: PartialDate | None = Field(default=None, description="when it began to apply")
    transition_ends: PartialDate | None = Field(
        default=None,
        description="after this day, entries under earlier versions no longer count",
    )
    sources: Citations
    note: Prose | None = None


class Milestone(Strict):
    """A step of a scheme's process, such as SecNumCloud's J0 to J3."""

    id: Slug
    label: Line | LocalizedText


class Activity(Strict):
    """A numbered activity a certificate may cover, such as HDS's six."""

    number: Annotated[int, Field(ge=1, le=99)]
    label: Line | LocalizedText


class Register(Strict):
    """The official list of holders."""

    publisher: Line
    title: Line
    url: Url | None = None


class HolderCount(Strict):
    """How many holders the register itself counts, on a day."""

    count: Annotated[int, Field(ge=0)]
    unit: HolderUnit
    date: PartialDate
    sources: Citations
    note: Prose | None = None


class Scheme(Strict):
    """One certification scheme: data/schemes/<id>.yaml."""

    id: Slug
    name: Line = Field(description="the short name people use: SecNumCloud, HDS, BSI C5")
    full_name: Line | LocalizedText | None = Field(
        default=None,
        description="the name spelt out, as written or in English and French ({en: ..., fr: ...})",
    )
    aliases: list[Line] = []
    authority: Line = Field(description="who grants or recognises it (ANSSI, ANS, BSI...)")
    jurisdiction: Jurisdiction
    certifies: SchemeTarget
    held_as: HeldWord = Field(description="the status that means held: qualified, certified...")
    validity_years: Annotated[int, Field(ge=1, le=20)] | None = Field(
        default=None, description="how long a grant is valid, where the scheme fixes it"
    )
    versions: list[SchemeVersion] = Field(default=[], description="oldest first")
    milestones: list[Milestone] = []
    activities: list[Activity] = []
    official_register: Register | None = None
    counts: list[HolderCount] = []
    description: Prose
    sources: Annotated[list[Source], Field(min_length=1)]
    last_reviewed: Day
    note: Prose | None = None


class Tag(Strict):
    """One word of the tag vocabulary events use: data/tags/<id>.yaml."""

    id: Slug
    label: LocalizedText = Field(description="what the tag means, in English and French")
    aliases: list[Line] = Field(
        default=[], description="other words people search for it with (hdh, HDS)"
    )
    last_reviewed: Day
    note: Prose | None = None
