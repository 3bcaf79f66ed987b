"""A provider record, data/providers/<id>.yaml, and its parts: owners, ownership, licences,
offers, data centres, certifications and sovereignty answers.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field

from sovcloud.models.common import (
    CRITERION_PATTERN,
    Citations,
    Country,
    Day,
    Line,
    PartialDate,
    Prose,
    Slug,
    Source,
    Strict,
    Url,
    Version,
)


class ProviderKind(StrEnum):
    cloud_provider = "cloud-provider"
    hyperscaler = "hyperscaler"
    joint_venture = "joint-venture"
    hosting = "hosting"
    integrator = "integrator"
    software_vendor = "software-vendor"
    telecom_operator = "telecom-operator"
    other = "other"


class ProviderStatus(StrEnum):
    active = "active"
    announced = "announced"
    merged = "merged"
    closed = "closed"


class OwnerRole(StrEnum):
    parent = "parent"
    shareholder = "shareholder"


class Owner(Strict):
    """A shareholder or the parent company, with its stake where a source gives one."""

    name: Line
    provider: Slug | None = Field(default=None, description="id of the owner's own record")
    country: Country
    role: OwnerRole = OwnerRole.shareholder
    stake: float | None = Field(default=None, gt=0, le=100, description="percent")
    stake_note: Line | None = Field(default=None, description="a stake the source gives in words")
    since: PartialDate | None = None
    until: PartialDate | None = None
    sources: Citations


class Ownership(Strict):
    """What the sources say of the owners listed as a whole."""

    complete: bool = Field(
        description="true when a source says the owners listed hold all of the capital "
        "(a wholly owned subsidiary, or shareholders who together hold 100%)"
    )
    sources: Citations
    note: Prose | None = None


class License(Strict):
    """Technology the provider runs under licence from another company."""

    vendor: Line
    provider: Slug | None = None
    country: Country
    technology: Line
    sources: Citations


class ServiceModel(StrEnum):
    iaas = "iaas"
    paas = "paas"
    saas = "saas"
    caas = "caas"
    private_cloud = "private-cloud"
    hosting = "hosting"
    colocation = "colocation"
    other = "other"


class Offer(Strict):
    id: Slug
    name: Line
    service: ServiceModel
    status: ProviderStatus = ProviderStatus.active
    description: Prose | None = None


class DataCentre(Strict):
    location: Line
    country: Country
    operator: Line | None = None
    sources: list[Slug] = []


class CertStatus(StrEnum):
    qualified = "qualified"  # SecNumCloud and other qualifications
    certified = "certified"  # HDS, ISO 27001...
    attested = "attested"  # BSI C5: an auditor's attestation
    labelled = "labelled"  # Gaia-X labels, the former "cloud de confiance" label
    adherent = "adherent"  # codes of conduct (CISPE): a declared service under the code
    in_progress = "in-progress"
    announced = "announced"
    expired = "expired"
    withdrawn = "withdrawn"


class Certification(Strict):
    """A certification or qualification; `scheme` is open so new schemes need no code."""

    scheme: Slug = Field(description="secnumcloud, hds, iso-27001, bsi-c5, eucs...")
    version: Version | None = None
    status: CertStatus
    milestone: Line | None = Field(default=None, description="for in-progress: where it stands")
    scope: Line | None = None
    offers: list[Slug] = []
    services: list[ServiceModel] = Field(
        default=[],
        description="the kinds of service the register qualifies it as (iaas, paas...), "
        "whatever the offer is called",
    )
    activities: list[Annotated[int, Field(ge=1, le=6)]] = Field(
        default=[], description="HDS activities 1-6"
    )
    number: Line | None = Field(
        default=None,
        description="the decision or certificate number, as the register writes it",
    )
    body: Line | None = Field(
        default=None,
        description="who issued it: the certifying body (HDS, ISO) or the authority",
    )
    granted: PartialDate | None = None
    expires: PartialDate | None = Field(
        default=None, description="the end of validity, as the register gives it"
    )
    ended: PartialDate | None = Field(default=None, description="when it expired or was withdrawn")
    sources: Citations
    checked: Day | None = Field(
        default=None,
        description="the day a person last checked this entry against its sources",
    )
    note: Prose | None = None


class SovereigntyAnswer(Strict):
    """What a source says toward one criterion of a sovereignty framework (the EU Cloud
    Sovereignty Framework's `sov-4-4`...): the answer rungs it supports, in its own words."""

    criterion: Annotated[str, Field(pattern=CRITERION_PATTERN, max_length=80)] = Field(
        description="a criterion id of data/frameworks/eu-csf.yaml, such as sov-4-4"
    )
    answers: Annotated[
        list[Annotated[int, Field(ge=1, le=9)]], Field(min_length=1, max_length=9)
    ] = Field(
        description="the answer rungs (numbered from 1, as the framework lists them) that the "
        "sources support: one when they settle it, several when they leave a choice open"
    )
    offers: list[Slug] = Field(default=[], description="the offers it concerns, if not all")
    since: PartialDate | None = Field(default=None, description="from when it holds")
    until: PartialDate | None = Field(default=None, description="until when it held")
    sources: Citations
    note: Prose = Field(description="what the sources say, in your own words")


class Provider(Strict):
    """One provider: data/providers/<id>.yaml."""

    id: Slug
    name: Line
    aliases: list[Line] = []
    kind: ProviderKind
    country: Country
    headquarters: Line | None = None
    founded: PartialDate | None = None
    status: ProviderStatus
    website: Url | None = None
    description: Prose
    owners: list[Owner] = []
    ownership: Ownership | None = None
    licensed_technology: list[License] = []
    offers: list[Offer] = []
    data_centres: list[DataCentre] = []
    certifications: list[Certification] = []
    sovereignty: list[SovereigntyAnswer] = Field(
        default=[],
        description="sourced answers to criteria of a sovereignty framework (data/frameworks/), "
        "for what the other fields cannot say: key custody, support staff, the SOC...",
    )
    sources: Annotated[list[Source], Field(min_length=1)]
    last_reviewed: Day
    note: Prose | None = None
