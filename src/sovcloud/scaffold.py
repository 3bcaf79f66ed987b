"""Skeletons of new records: a file to fill in, with the schema comment editors read.

Every field the contributor must fill in is left empty with a `# TODO:` comment saying what
to write, so that `sovcloud validate` refuses the file until each one is filled in: a
skeleton can never be committed by mistake as if it were a record. Everything else is a
valid value (id, name or title, date, status, today as last_reviewed).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from sovcloud import atomic, dates
from sovcloud.errors import DataDirError
from sovcloud.paths import resolve_data_dir

ID_MAX = 80  # as models.Slug
# Letters that Unicode does not decompose into a base letter and an accent.
_LETTERS = str.maketrans(
    {"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ß": "ss"}
)

PROVIDER_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/provider.schema.json
id: {id}
name: {name}
kind:  # TODO: cloud-provider, hyperscaler, joint-venture, hosting, integrator, \
software-vendor, telecom-operator or other
country:  # TODO: where its registered office is, an ISO code such as FR, DE or US
status: active  # or announced, merged, closed
description:  # TODO: two or three sentences in your own words
# Optional: aliases: [...], headquarters: City, founded: 2023, website: https://...,
# owners, licensed_technology, offers, data_centres, certifications: see data/README.md.
sources:
  - id: {source_id}  # the key by which facts of this record cite the source
    publisher:  # TODO: who published it (ANSSI, DSIH, the company itself...)
    title:  # TODO: its title, or its subject when it has none
    date:  # TODO: when it was published: 2023, 2023-12 or 2023-12-18, as precise as it says
    # url: https://...  (where one exists)
    type:  # TODO: register, register-copy, government, company, press, analyst, opinion or other
last_reviewed: {today}  # the day you checked the whole record against its sources
"""

EVENT_TEMPLATE = """\
# yaml-language-server: $schema=../../schemas/event.schema.json
id: {id}
date: {date}
status: {status}  # happened, expected (not happened yet) or cancelled
kind:  # TODO: certification, contract, partnership, acquisition, announcement, launch, \
regulation, report, court-decision, statement, tender, funding, incident or other
title: {title}
summary:  # TODO: what happened, in your own words
providers: []  # ids of the providers it concerns, each with a file: [numspot, bleu]
actors: []  # other people and bodies by name: [ANSSI, CNIL]
tags: []  # such as [health-data-hub, secnumcloud]
sources:
  - publisher:  # TODO: who published it (ANSSI, DSIH, the company itself...)
    title:  # TODO: its title, or its subject when it has none
    date:  # TODO: when it was published: 2023, 2023-12 or 2023-12-18, as precise as it says
    # url: https://...  (where one exists)
    type:  # TODO: register, register-copy, government, company, press, analyst, opinion or other
last_reviewed: {today}  # the day you checked the record against its sources
"""


@dataclass
class Placeholder:
    line: int
    field: str  # its path, such as `sources[0].date`
    hint: str


@dataclass
class Skeleton:
    """A written skeleton and what remains to fill in."""

    path: Path
    id: str
    placeholders: list[Placeholder] = field(default_factory=list)


def slugify(text: str, max_length: int = ID_MAX) -> str:
    """An id from a name: lower-case ASCII words joined by hyphens, accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_LETTERS))
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut[: cut.rfind("-")] if "-" in cut else slug[:max_length]
    return slug.strip("-")


def package_dir() -> Path:
    """The installed package's folder, whose data/ an upgrade replaces."""
    return Path(__file__).resolve().parent


def writable_data_dir(explicit: str | Path | None) -> Path:
    """--data, $SOVCLOUD_DATA or the bundled data, unless that is the installed copy."""
    data_dir = resolve_data_dir(explicit)
    if data_dir.resolve().is_relative_to(package_dir()):
        raise DataDirError(
            "{path} is the data installed with sovcloud, which an upgrade replaces: "
            "pass --data pointing at the data folder of your checkout",
            path=data_dir,
        )
    return data_dir


def _line_value(text: str, what: str) -> str:
    """`text` as a one-line YAML value, quoted when YAML would read it otherwise; ValueError
    when the record would refuse it (the models' own rules for one line of text)."""
    import yaml
    from pydantic import TypeAdapter, ValidationError

    from sovcloud.models import Line

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8, as from a shell's $'\xff'
        raise ValueError(f"the {what} is not valid UTF-8 text") from None
    try:
        text = TypeAdapter(Line).validate_python(text)
    except ValidationError as exc:
        message = str(exc.errors()[0]["msg"]).removeprefix("Value error, ")
        raise ValueError(f"the {what} {message[:1].lower()}{message[1:]}") from None
    try:
        if yaml.safe_load(f"value: {text}") == {"value": text} and "#" not in text:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML strings


def _placeholders(text: str) -> list[Placeholder]:
    found = []
    item = None
    for number, line in enumerate(text.splitlines(), 1):
        match = re.match(r"^( *)(- )?([a-z_]+):\s+# TODO: (.*)$", line)
        if line.startswith("sources:"):
            item = "sources.0."
        elif not line.startswith(" "):
            item = None
        if match:
            prefix = item if match.group(1) or match.group(2) else ""
            found.append(Placeholder(number, f"{prefix or ''}{match.group(3)}", match.group(4)))
    return found


def _write(data_dir: Path, path: Path, id_: str, text: str) -> Skeleton:
    """Write a new record at `path`, never through a link leading out of the data folder
    (which validate refuses, SC013) and never over anything, a dangling link included."""
    folder = path.parent
    try:
        if folder.is_symlink() and not folder.resolve().is_relative_to(data_dir.resolve()):
            raise atomic.WriteError(
                f"{folder} is a link to {folder.resolve()}, outside the data directory "
                "(validate refuses it, SC013): replace the link with the folder itself"
            )
        folder.mkdir(exist_ok=True)
        exists = os.path.lexists(path)
    except OSError as exc:
        raise atomic.WriteError(f"cannot create {folder}: {exc.strerror}") from None
    if exists:
        raise atomic.WriteError(f"{path} already exists: edit it, or choose another name")
    atomic.write_text(path, text)
    return Skeleton(path, id_, _placeholders(text))


def new_provider(data_dir: Path, name: str, today: dt.date) -> Skeleton:
    """Write providers/<id>.yaml for a provider called `name`; ValueError if it cannot be."""
    id_ = slugify(name)
    if not id_:
        raise ValueError(f"{name!r} gives no id: use a name with letters or digits")
    text = PROVIDER_TEMPLATE.format(
        id=id_,
        name=_line_value(name, "name"),
        source_id=slugify(f"{id_}-source", ID_MAX),
        today=today.isoformat(),
    )
    return _write(data_dir, data_dir / "providers" / f"{id_}.yaml", id_, text)


def new_event(data_dir: Path, title: str, date: str, today: dt.date) -> Skeleton:
    """Write events/<date>-<slug>.yaml; an event dated after today is `expected`."""
    date = dates.parse_partial(date)
    slug = slugify(title, ID_MAX - len(date) - 1)
    if not slug:
        raise ValueError(f"{title!r} gives no id: use a title with letters or digits")
    id_ = f"{date}-{slug}"
    text = EVENT_TEMPLATE.format(
        id=id_,
        date=date,
        status="expected" if dates.first_day(date) > today else "happened",
        title=_line_value(title, "title"),
        today=today.isoformat(),
    )
    return _write(data_dir, data_dir / "events" / f"{id_}.yaml", id_, text)
