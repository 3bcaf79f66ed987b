"""The knowledge model: what a provider record and an event record may say.

Strict pydantic models (unknown fields are errors, values are typed) that define the YAML
schema contributors write and the JSON Schema editors check against. Only `validate`, the
index rebuild and `schema` import this module: queries work from the derived index.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    WithJsonSchema,
    model_validator,
)

from sovcloud.countries import ISO_3166_ALPHA2
from sovcloud.dates import parse_partial

SCHEMA_VERSION = 1

# C0 and C1 control characters, DEL and the Unicode bidi overrides: none belongs in a record,
# and escape sequences could drive a terminal. Newlines are allowed in long text only.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SLUG = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


def _clean_line(value: str) -> str:
    if _CONTROL_LINE.search(value):
        raise ValueError(
            "contains a control or escape character: remove it (one line of plain text)"
        )
    if not value.strip():
        raise ValueError("is empty: write the text or remove the field")
    return value.strip()


def _clean_text(value: str) -> str:
    if _CONTROL.search(value):
        raise ValueError("contains a control or escape character: remove it (plain text only)")
    if not value.strip():
        raise ValueError("is empty: write the text or remove the field")
    return value.strip()


def _country(value: str) -> str:
    if value not in ISO_3166_ALPHA2:
        hint = f" (did you mean {value.upper()}?)" if value.upper() in ISO_3166_ALPHA2 else ""
        raise ValueError(
            f"{value!r} is not an ISO 3166-1 alpha-2 country code such as FR, DE or US{hint}"
        )
    return value


def _http_url(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise ValueError("only http:// and https:// links are allowed")
    if _CONTROL_LINE.search(value) or " " in value or len(value) < 12:
        raise ValueError("is not a well-formed link: no spaces or control characters")
    return value


def _version(value: object) -> object:
    # `version: 3.2` arrives as a number from YAML; a version is text.
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return value


Line = Annotated[str, AfterValidator(_clean_line), Field(max_length=500)]
Text = Annotated[str, AfterValidator(_clean_text), Field(max_length=10_000)]
Slug = Annotated[str, Field(pattern=_SLUG, max_length=80)]
Country = Annotated[
    str,
    AfterValidator(_country),
    WithJsonSchema(
        {"type": "string", "pattern": "^[A-Z]{2}$", "description": "ISO 3166-1 alpha-2 code"}
    ),
]
Url = Annotated[
    str,
    AfterValidator(_http_url),
    WithJsonSchema({"type": "string", "format": "uri", "pattern": "^[hH][tT][tT][pP][sS]?://"}),
]
PartialDate = Annotated[
    str,
    BeforeValidator(parse_partial),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1800, "maximum": 2200},
                {"type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2})?)?$"},
            ],
            "description": "a year (2023), a month (2023-12) or a day (2023-12-18)",
        }
    ),
]
Version = Annotated[str, BeforeValidator(_version), AfterValidator(_clean_line)]


class LocalizedText(BaseModel):
    """The same text in English and French; at least one of them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    en: Text | None = None
    fr: Text | None = None

    @model_validator(mode="after")
    def _one_language_at_least(self) -> LocalizedText:
        if self.en is None and self.fr is None:
            raise ValueError("give the text in `en`, `fr` or both")
        return self


Prose = Text | LocalizedText


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=False)


class SourceType(StrEnum):
    register = "register"  # the certifying body's official list (ANSSI, ANS, BSI...)
    government = "government"  # a law, decree, ministry text or official report
    company = "company"  # the company's own pages or press release
    press = "press"
    analyst = "analyst"
    opinion = "opinion"
    other = "other"


class Source(Strict):
    """Where a fact comes from."""

    id: Slug | None = Field(
        default=None, description="short key by which facts in a provider record cite it"
    )
    publisher: Line
    title: Line
    date: PartialDate
    url: Url | None = None
    type: SourceType
    note: Text | None = None


Citations = Annotated[list[Slug], Field(min_length=1, description="ids of the record's sources")]


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
    certified = "certified"  # HDS, ISO 27001, C5...
    in_progress = "in-progress"
    announced = "announced"
    expired = "expired"
    withdrawn = "withdrawn"


HELD = frozenset({CertStatus.qualified, CertStatus.certified})


class Certification(Strict):
    """A certification or qualification; `scheme` is open so new schemes need no code."""

    scheme: Slug = Field(description="secnumcloud, hds, iso-27001, bsi-c5, eucs...")
    version: Version | None = None
    status: CertStatus
    milestone: Line | None = Field(default=None, description="for in-progress: where it stands")
    scope: Line | None = None
    offers: list[Slug] = []
    activities: list[Annotated[int, Field(ge=1, le=6)]] = Field(
        default=[], description="HDS activities 1-6"
    )
    granted: PartialDate | None = None
    expires: PartialDate | None = None
    ended: PartialDate | None = Field(default=None, description="when it expired or was withdrawn")
    sources: Citations
    note: Prose | None = None


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
    licensed_technology: list[License] = []
    offers: list[Offer] = []
    data_centres: list[DataCentre] = []
    certifications: list[Certification] = []
    sources: Annotated[list[Source], Field(min_length=1)]
    last_reviewed: dt.date
    note: Prose | None = None


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
    last_reviewed: dt.date
    note: Prose | None = None


MODELS: dict[str, type[Strict]] = {"providers": Provider, "events": Event}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each record kind, keyed by folder name."""
    schemas = {}
    for folder, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schemas[folder] = schema
    return schemas
