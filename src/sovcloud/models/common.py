"""The knowledge model's common ground: the checked value types (one-line and long text,
slugs, days, countries, links, partial dates, versions), the strict base model, and sources.

Strict pydantic models (unknown fields are errors, values are typed) define the YAML schema
contributors write and the JSON Schema editors check against; `sovcloud.models` gathers the
record kinds. Only `validate`, the index rebuild and `schema` import them: queries work from
the derived index.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

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


# A criterion of a framework in data/frameworks/: `sov-3-1` is SOV-3's first criterion.
CRITERION_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*-[0-9]+$"


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
