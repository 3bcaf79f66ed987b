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

from sovcloud.charsets import CONTROL, INVISIBLE
from sovcloud.countries import COUNTRY_NAMES, ISO_3166_ALPHA2
from sovcloud.dates import parse_partial

SCHEMA_VERSION = 1

# C0 and C1 control characters, DEL, and the invisible or ignorable characters (zero-width
# space, joiner and non-joiner, bidi controls, Hangul fillers, the braille blank, variation
# selectors, noncharacters such as U+FFFE, tag characters...: see sovcloud.charsets): none
# belongs in a record; escape sequences could drive a terminal, and invisible ones make two
# names look alike. Newlines are allowed in long text only. render/terminal.py replaces the
# same characters in everything it prints.
_CONTROL = re.compile(f"[{CONTROL}{INVISIBLE}]")
_CONTROL_LINE = re.compile(f"[\x00-\x1f\x7f-\x9f{INVISIBLE}]")
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits only
# Characters RFC 3986 does not allow in a link, that must be percent-encoded: besides
# breaking the link, `<`, `>` and quotes could end a Markdown or HTML link early.
_NOT_IN_URL = re.compile(r'[\s<>"{}|\\^`]')
MAX_URL = 2000


def _shown(value: object) -> str:
    """A value quoted for a message, cut short: messages must stay one readable line."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _refuse_control(value: str, pattern: re.Pattern[str], what: str) -> None:
    found = pattern.search(value)
    if found:
        raise ValueError(
            f"contains a control or escape character, or an invisible one "
            f"(U+{ord(found.group()):04X}): remove it ({what})"
        )


def _clean_line(value: str) -> str:
    _refuse_control(value, _CONTROL_LINE, "one line of plain text")
    if not value.strip():
        raise ValueError("is empty: write the text or remove the field")
    return value.strip()


def _clean_text(value: str) -> str:
    _refuse_control(value, _CONTROL, "plain text only")
    if not value.strip():
        raise ValueError("is empty: write the text or remove the field")
    return value.strip()


def _country(value: str) -> str:
    if value not in ISO_3166_ALPHA2:
        named = COUNTRY_NAMES.get(" ".join(value.casefold().split()), "")
        meant = value.upper() if value.upper() in ISO_3166_ALPHA2 else named
        hint = f": did you mean `{meant}`?" if meant else ""
        raise ValueError(
            f"{_shown(value)} is not a country code: write the ISO 3166-1 alpha-2 code, such "
            f"as FR, DE or US{hint}"
        )
    return value


def _http_url(value: str) -> str:
    lowered = value.lower()
    if not (lowered.startswith("https://") or lowered.startswith("http://")):
        raise ValueError("only http:// and https:// links are allowed")
    _refuse_control(value, _CONTROL_LINE, "a link is one line of plain text")
    if _NOT_IN_URL.search(value):
        raise ValueError(
            'is not a well-formed link: no spaces, and none of < > " { } | \\ ^ ` '
            "(percent-encode them: a space is %20)"
        )
    host = value.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if len(value) < 12 or not host.strip("."):
        raise ValueError("is not a well-formed link: it names no host")
    if len(value) > MAX_URL:
        raise ValueError(f"is longer than {MAX_URL} characters: link to a shorter address")
    return value


def _version(value: object) -> object:
    # `version: 3.2` arrives as a number from YAML; a version is text, as it was written
    # (yamlparse keeps it: `3.20` stays "3.20", not "3.2").
    if isinstance(value, int | float) and not isinstance(value, bool):
        return getattr(value, "source", None) or str(value)
    return value


def _partial_date(value: object) -> str:
    if isinstance(value, str) and len(value) > 40:
        raise ValueError(
            f"{_shown(value)} is not a date: write a year (2023), a month (2023-12) or a "
            "day (2023-12-18)"
        )
    return parse_partial(value)


def _day(value: object) -> object:
    # Without this, pydantic takes a number for a Unix time: `last_reviewed: 0` is 1970-01-01.
    if isinstance(value, dt.date) or (isinstance(value, str) and _DAY.match(value)):
        return value
    raise ValueError("is not a day: write the full date, such as 2026-11-24")


# Length limits come first: checked on the raw text, with pydantic's own clear message.
Line = Annotated[str, Field(max_length=500), AfterValidator(_clean_line)]
Text = Annotated[str, Field(max_length=10_000), AfterValidator(_clean_text)]
# Checked by pydantic's own pattern matching (a Python validator here costs a tenth of the
# time to validate a record); loader.py words the error with SLUG_MESSAGE.
Slug = Annotated[str, Field(pattern=SLUG_PATTERN, max_length=80)]
SLUG_MESSAGE = (
    "is not an id: write lower-case letters and digits joined by single hyphens, "
    "such as cloud-temple"
)
Day = Annotated[dt.date, BeforeValidator(_day)]
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
    # "iri" rather than "uri": the model accepts links with accented letters.
    WithJsonSchema({"type": "string", "format": "iri", "pattern": "^[hH][tT][tT][pP][sS]?://"}),
]
PartialDate = Annotated[
    str,
    BeforeValidator(_partial_date),
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
Version = Annotated[
    str,
    BeforeValidator(_version),
    Field(max_length=500),
    AfterValidator(_clean_line),
    # YAML reads an unquoted `version: 3.2` as a number, which the model takes as text: the
    # schema accepts both, so that editors and check-jsonschema agree with `validate`.
    WithJsonSchema(
        {
            "anyOf": [{"type": "string", "minLength": 1, "maxLength": 500}, {"type": "number"}],
            "description": "the scheme's version, such as 3.2",
        }
    ),
]


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
    # Enum fields keep their text: records leave as JSON, and serializing enum members goes
    # through Python code for each one.
    model_config = ConfigDict(
        extra="forbid", frozen=True, str_strip_whitespace=False, use_enum_values=True
    )


class SourceType(StrEnum):
    register = "register"  # the certifying body's official list (ANSSI, ANS, BSI...)
    # A third party's transcription of such a list (a public note, a repository, an audit
    # quoting it): register-grade content read at second hand, shown as such.
    register_copy = "register-copy"
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


# A criterion of a framework in data/frameworks/: `sov-3-1` is SOV-3's first criterion.
CRITERION_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9]+$"


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


def _jurisdiction(value: str) -> str:
    if value in ("EU", "INT") or value in ISO_3166_ALPHA2:
        return value
    raise ValueError(
        f"{_shown(value)} is not a jurisdiction: write an ISO 3166-1 alpha-2 country code "
        "(FR, DE), EU, or INT for an international standard"
    )


Jurisdiction = Annotated[
    str,
    AfterValidator(_jurisdiction),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": "^[A-Z]{2,3}$",
            "description": "ISO 3166-1 alpha-2 country code, EU, or INT",
        }
    ),
]


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


class Rung(Strict):
    """One answer a criterion offers, with the points it scores and the SEAL it allows."""

    label: LocalizedText = Field(description="the answer, in your own words")
    points: Annotated[float, Field(ge=0, le=1000)]
    seal: Annotated[int, Field(ge=0, le=4)] = Field(description="the SEAL level the answer allows")


class Criterion(Strict):
    """A question of an objective, with its answers from the lowest to the highest."""

    id: Annotated[str, Field(pattern=CRITERION_PATTERN, max_length=80)]
    title: LocalizedText = Field(description="what it asks, in your own words")
    rungs: Annotated[list[Rung], Field(min_length=2, max_length=9)] = Field(
        description="the answers, from the lowest score to the highest"
    )
    sources: Citations
    note: Prose | None = None


class Objective(Strict):
    """One sovereignty objective (SOV-1 to SOV-8) and its criteria."""

    id: Slug
    name: LocalizedText
    description: Prose
    criteria: Annotated[list[Criterion], Field(min_length=1)]


class FrameworkVersion(Strict):
    """A published version of a framework: its weights and the names of its levels."""

    version: Version
    title: Line
    published: PartialDate
    weights: dict[Slug, Annotated[float, Field(ge=0, le=100)]] = Field(
        description="each objective's weight in percent; they add up to 100"
    )
    seal_names: Annotated[list[LocalizedText], Field(min_length=5, max_length=5)] = Field(
        description="the names of SEAL-0 to SEAL-4 in this version"
    )
    sources: Citations
    note: Prose | None = None


class Framework(Strict):
    """A sovereignty framework, such as the EU Cloud Sovereignty Framework:
    data/frameworks/<id>.yaml."""

    id: Slug
    name: Line
    aliases: list[Line] = []
    authority: Line
    nominal_points: Annotated[float, Field(gt=0)] = Field(
        description="the points each objective's score is divided by (the calculator's 1000)"
    )
    versions: Annotated[list[FrameworkVersion], Field(min_length=1)] = Field(
        description="oldest first"
    )
    objectives: Annotated[list[Objective], Field(min_length=1)]
    description: Prose
    sources: Annotated[list[Source], Field(min_length=1)]
    last_reviewed: Day
    note: Prose | None = None


MODELS: dict[str, type[Strict]] = {
    "providers": Provider,
    "events": Event,
    "schemes": Scheme,
    "tags": Tag,
    "frameworks": Framework,
}


def json_schemas() -> dict[str, dict[str, Any]]:
    """The JSON Schema of each record kind, keyed by folder name."""
    schemas = {}
    for folder, model in MODELS.items():
        schema = model.model_json_schema()
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        schemas[folder] = schema
    return schemas
