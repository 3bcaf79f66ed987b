"""Properties that hold for any input (Hypothesis): records survive a write and a read;
no file content crashes `validate` or changes a file; no text given to `show` or `search`
crashes them or reaches outside the data; filters only ever narrow a listing."""

from __future__ import annotations

import builtins
import contextlib
import datetime as dt
import functools
import io
import json
import os
import shutil
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError
from test_bad_inputs import GOOD_EVENT, GOOD_PROVIDER

from conftest import FIXTURE_DATA, REPO, run
from sovcloud.countries import ISO_3166_ALPHA2
from sovcloud.models import (
    CertStatus,
    EventKind,
    EventStatus,
    OwnerRole,
    Provider,
    ProviderKind,
    ProviderStatus,
    ServiceModel,
    SourceType,
)
from sovcloud.models import Event as EventModel
from sovcloud.render.formats import OutputFormat
from sovcloud.trust import cache_dir, state_dir
from sovcloud.yamlparse import dump, parse

# The autouse environment fixture (no colour, fixed today, the cache) is the same for
# every example of a test, so sharing it between examples is what we want.
SHARED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

# --- records: write, read, same record ------------------------------------------------------

# Texts that YAML writers and readers disagree on, or that mean something to YAML, Markdown
# or Rich: each must come back as the same text.
TRICKY = [
    "NO",
    "no",
    "yes",
    "On",
    "null",
    "Null",
    "~",
    "true",
    "False",
    "1e3",
    "1E3",
    "09",
    "0x1F",
    "0o17",
    "1_000",
    "+1",
    "-.5",
    "1.",
    ".inf",
    ".nan",
    "2023",
    "2023-01-01",
    "12:30",
    "=",
    "<<",
    "- a",
    "a: b",
    "a:b",
    "#x",
    "x #y",
    "? x",
    "! x",
    "&a",
    "*a",
    "%x",
    "@x",
    "`x`",
    "'",
    '"',
    "{a}",
    "[a]",
    "|",
    ">",
    "[bold]x[/bold]",
    "[link=https://evil.example]x[/link]",
    "\\e[31m",
    "Thésée",
    "日本語",
    "a\u00a0b",
    "  padded  ",
    "tab\tinside",
    "ÇA VA ?",
]
text_chars = st.characters(exclude_categories=["Cs", "Cc", "Cf", "Zl", "Zp", "Co", "Cn"])
one_line = st.one_of(st.sampled_from(TRICKY), st.text(text_chars, min_size=1, max_size=30))
long_text = st.one_of(
    one_line,
    st.lists(one_line, min_size=1, max_size=4).map("\n".join),
)
prose = st.one_of(
    long_text,
    st.fixed_dictionaries({}, optional={"en": long_text, "fr": long_text}).filter(bool),
)
slug = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
country = st.sampled_from(sorted(ISO_3166_ALPHA2))
day = st.dates(min_value=dt.date(1800, 1, 1), max_value=dt.date(2200, 12, 31))
partial_date = st.one_of(
    day.map(lambda d: d.isoformat()),
    day.map(lambda d: d.isoformat()[:7]),
    day.map(lambda d: d.isoformat()[:4]),
    st.integers(1800, 2200),  # `date: 2023` arrives as a number
)
url = st.from_regex(
    r"https?://[a-z0-9-]{1,12}(\.[a-z]{2,6}){1,2}(/[A-Za-z0-9._~!$&'()*+,;=:@%/?#\[\]-]{0,30})?",
    fullmatch=True,
)
version = st.one_of(one_line, st.sampled_from(["3.2", "3.20", "1.10", "2", "2022", "IV"]))


def enum(kind: Any) -> st.SearchStrategy[str]:
    return st.sampled_from([member.value for member in kind])


def source(with_id: bool) -> st.SearchStrategy[dict[str, Any]]:
    required = {
        "publisher": one_line,
        "title": one_line,
        "date": partial_date,
        "type": enum(SourceType),
    }
    if with_id:
        required["id"] = slug
    return st.fixed_dictionaries(required, optional={"url": url, "note": prose})


cites = st.lists(slug, min_size=1, max_size=3)
owner = st.fixed_dictionaries(
    {"name": one_line, "country": country, "sources": cites},
    optional={
        "provider": slug,
        "role": enum(OwnerRole),
        "stake": st.one_of(
            st.floats(min_value=0, max_value=100, exclude_min=True, allow_nan=False),
            st.integers(1, 100),
        ),
        "stake_note": one_line,
        "since": partial_date,
        "until": partial_date,
    },
)
licence = st.fixed_dictionaries(
    {"vendor": one_line, "country": country, "technology": one_line, "sources": cites},
    optional={"provider": slug},
)
offer = st.fixed_dictionaries(
    {"id": slug, "name": one_line, "service": enum(ServiceModel)},
    optional={"status": enum(ProviderStatus), "description": prose},
)
data_centre = st.fixed_dictionaries(
    {"location": one_line, "country": country},
    optional={"operator": one_line, "sources": st.lists(slug, max_size=2)},
)
certification = st.fixed_dictionaries(
    {"scheme": slug, "status": enum(CertStatus), "sources": cites},
    optional={
        "version": version,
        "milestone": one_line,
        "scope": one_line,
        "offers": st.lists(slug, max_size=2),
        "activities": st.lists(st.integers(1, 6), max_size=6),
        "granted": partial_date,
        "expires": partial_date,
        "ended": partial_date,
        "note": prose,
    },
)
provider_record = st.fixed_dictionaries(
    {
        "id": slug,
        "name": one_line,
        "kind": enum(ProviderKind),
        "country": country,
        "status": enum(ProviderStatus),
        "description": prose,
        "sources": st.lists(source(with_id=True), min_size=1, max_size=3),
        "last_reviewed": day.map(lambda d: d.isoformat()),
    },
    optional={
        "aliases": st.lists(one_line, max_size=3),
        "headquarters": one_line,
        "founded": partial_date,
        "website": url,
        "owners": st.lists(owner, max_size=3),
        "licensed_technology": st.lists(licence, max_size=2),
        "offers": st.lists(offer, max_size=3),
        "data_centres": st.lists(data_centre, max_size=2),
        "certifications": st.lists(certification, max_size=3),
        "note": prose,
    },
)
event_record = st.fixed_dictionaries(
    {
        "id": slug,
        "date": partial_date,
        "kind": enum(EventKind),
        "title": st.one_of(one_line, st.fixed_dictionaries({"en": one_line, "fr": one_line})),
        "summary": prose,
        "sources": st.lists(source(with_id=False), min_size=1, max_size=3),
        "last_reviewed": day,  # a date object, as a YAML library would hand it over
    },
    optional={
        "status": enum(EventStatus),
        "providers": st.lists(slug, max_size=3),
        "actors": st.lists(one_line, max_size=3),
        "tags": st.lists(slug, max_size=3),
        "note": prose,
    },
)


@settings(max_examples=60, deadline=None, suppress_health_check=SHARED)
@given(
    st.one_of(
        provider_record.map(lambda r: (Provider, r)), event_record.map(lambda r: (EventModel, r))
    )
)
def test_an_accepted_record_survives_a_write_and_a_read(case: tuple[Any, dict[str, Any]]) -> None:
    model, data = case
    try:
        record = model.model_validate(data)
    except ValidationError:
        assume(False)  # the property is about records the model accepts
        raise
    written = record.model_dump(mode="json", exclude_none=True)
    # The model's own dump validates to the same record...
    assert model.model_validate(written) == record
    # ... and so does the YAML we write of it, read back the strict way, or by PyYAML as
    # other tools would (YAML 1.1: `NO` would be false there, unless quoted).
    text = dump(written)
    assert model.model_validate(parse(text).value) == record, text
    assert model.model_validate(yaml.safe_load(text)) == record, text


# --- any file content: validate answers, changes nothing ------------------------------------

YAML_BITS = [
    "\n",
    "  ",
    "    ",
    "\t",
    "- ",
    ": ",
    ":",
    "[",
    "]",
    "{",
    "}",
    ",",
    "'",
    '"',
    "#",
    "?",
    "|",
    ">",
    "&a ",
    "*a",
    "!!python/object:os.system",
    "!!binary",
    "!x ",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "id",
    "name",
    "acme",
    "sources",
    "NO",
    "~",
    "1e400",
    "9" * 5000,
    "\\e",
    "\ufeff",
    "\x00",
    "\x1b[31m",
    "\u202e",
    "[link=https://evil]x[/link]",
    "x" * 2000,
    "https://example.com",
    "javascript:alert(1)",
    "2023-02-29",
    "2026-11-01",
]
yamlish = st.lists(st.sampled_from(YAML_BITS), max_size=40).map("".join)
# Values that once crashed a reader or that a reader must refuse.
HOSTILE_VALUES = [
    "9" * 5000,
    "-" + "1" * 400,
    "1e400",
    ".nan",
    "!!python/object/apply:os.system [ls]",
    "!!binary QQ==",
    "&a x",
    "*a",
    '"\\e[31m"',
    '"\\x9b"',
    '"\\0"',
    '"\\ud800"',
    "﻿x",
    "x‮y",
    "[",
    "{",
    "'",
    "|",
    "- x",
    "? x",
    "x" * 2000,
    "https://exa mple.com",
    "javascript:alert(1)",
    "2023-02-29",
    "0",
    "~",
    "[]",
    "{}",
    "[[[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]]]",
    "{a: 1, a: 2}",
]


@st.composite
def spliced(draw: st.DrawFn) -> str:
    """A valid record with hostile text spliced in somewhere."""
    base = draw(st.sampled_from([GOOD_PROVIDER, GOOD_EVENT]))
    at = draw(st.integers(0, len(base)))
    cut = draw(st.integers(0, 20))
    return base[:at] + draw(st.one_of(yamlish, st.text(max_size=20))) + base[at + cut :]


@st.composite
def revalued(draw: st.DrawFn) -> str:
    """A valid record with some of its values replaced by hostile ones."""
    lines = draw(st.sampled_from([GOOD_PROVIDER, GOOD_EVENT])).splitlines()
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(lines) - 1))
        key, _, _ = lines[at].partition(": ")
        lines[at] = f"{key}: " + draw(
            st.one_of(st.sampled_from(HOSTILE_VALUES), yamlish, st.text(max_size=20))
        )
    return "\n".join(lines) + "\n"


file_content = st.one_of(
    st.binary(max_size=500),
    st.text(max_size=300).map(str.encode),
    yamlish.map(str.encode),
    spliced().map(str.encode),
    revalued().map(str.encode),
    revalued().map(str.encode),
    revalued().map(str.encode),
    revalued().map(lambda t: t.encode("utf-16")),
)


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` with its content and modification time."""
    return {
        str(p): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@settings(max_examples=80, deadline=None, suppress_health_check=SHARED)
@given(
    content=file_content,
    folder=st.sampled_from(["providers", "events"]),
    format_=st.sampled_from(["text", "json", "github"]),
)
def test_any_file_content_gets_an_answer_and_changes_nothing(
    hostile_dir: Path, content: bytes, folder: str, format_: str
) -> None:
    target = hostile_dir / folder / "x.yaml"
    target.write_bytes(content)
    try:
        before = tree(hostile_dir)
        result = run("validate", str(hostile_dir), "--format", format_)  # raises on a crash
        assert result.exit_code in (0, 1), result
        assert "Traceback" not in result.stdout + result.stderr
        if format_ == "json":
            document = json.loads(result.stdout)
            assert (document["summary"]["errors"] > 0) == (result.exit_code == 1)
            assert result.exit_code == 0 or any(
                f["file"] == str(target) for f in document["findings"]
            )
        else:
            assert result.stdout.splitlines()[-1].startswith(("valid: ", "invalid: "))
            assert result.exit_code == 0 or str(target) in result.stdout
        assert tree(hostile_dir) == before
    finally:
        target.unlink()


# --- any name or words: show and search answer, and read nothing outside the data ------------

HOSTILE_QUERIES = [
    "../../etc/passwd",
    "/etc/passwd",
    "providers/numspot.yaml",
    "../providers/numspot",
    "numspot.yaml",
    "~/.ssh/id_rsa",
    "file:///etc/passwd",
    "a\x00b",
    "\x00",
    "x" * 100_000,
    "numspot" * 5000,
    "%",
    "_",
    "*",
    "'; DROP TABLE files; --",
    '" OR 1=1 --',
    "\x1b[31m",
    "[bold]numspot[/bold]",
    "\u202enuspot",
    "\ufeffnumspot",
    "NUMSPOT",
    "Thésée",
    "thesee",
    " ",
    "",
    "\n",
    "\t",
    "ß" * 1000,
    "\u0301",
    "🙂",
]
query_text = st.one_of(st.sampled_from(HOSTILE_QUERIES), st.text(max_size=60))


class Watch:
    """Every path the program opens, lists or stats while watched."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def note(self, path: Any) -> None:
        if isinstance(path, int) or path == ":memory:":
            return  # an already open descriptor, or no file at all
        with contextlib.suppress(TypeError, ValueError):
            self.paths.append(os.path.abspath(os.fsdecode(path)))


@contextlib.contextmanager
def watching() -> Iterator[Watch]:
    watch = Watch()
    originals: dict[tuple[Any, str], Any] = {}

    def wrap(owner: Any, name: str) -> None:
        original = getattr(owner, name)
        originals[(owner, name)] = original

        def watched(path: Any = None, *args: Any, **kwargs: Any) -> Any:
            if path is not None:
                watch.note(path)
            return original(path, *args, **kwargs) if path is not None else original()

        setattr(owner, name, watched)

    for owner, name in [
        (builtins, "open"),
        (io, "open"),
        (os, "open"),
        (os, "stat"),
        (os, "lstat"),
        (os, "scandir"),
        (os, "listdir"),
        (sqlite3, "connect"),
    ]:
        wrap(owner, name)
    try:
        yield watch
    finally:
        for (owner, name), original in originals.items():
            setattr(owner, name, original)


def allowed_roots(data_dir: Path) -> list[str]:
    import sovcloud

    python = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    return [
        str(data_dir.resolve()),
        str(data_dir),
        str(cache_dir()),
        str(state_dir()),
        str(Path(sovcloud.__file__).parent),
        *python,
    ]


def inside(path: str, roots: list[str]) -> bool:
    """Whether `path` is in one of the roots, or is a folder above one (resolving a path
    looks at each folder on its way)."""
    return any(
        path == root
        or path.startswith(root.rstrip("/") + "/")
        or root.startswith(path + "/")
        or path == "/"
        for root in roots
    )


@pytest.fixture(scope="module")
def query_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("queries") / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


@settings(max_examples=60, deadline=None, suppress_health_check=SHARED)
@given(
    text=query_text,
    command=st.sampled_from(["show", "search"]),
    format_=st.sampled_from([f.value for f in OutputFormat]),
)
def test_any_text_resolves_or_fails_cleanly_and_reads_only_the_data(
    query_dir: Path, text: str, command: str, format_: str
) -> None:
    run("providers", "--data", str(query_dir))  # modules loaded, index built: not watched
    with watching() as watch:
        # After `--`, as a user would write a name that starts with a dash.
        result = run(command, "--data", str(query_dir), "--format", format_, "--", text)
    assert result.exit_code in (0, 1), result
    if result.exit_code == 1:
        assert result.stderr.startswith("error: "), result
    roots = allowed_roots(query_dir)
    outside = [p for p in watch.paths if not inside(p, roots)]
    assert not outside, outside
    assert watch.paths, "the watch saw nothing: it does not work"


@pytest.mark.parametrize(
    "args",
    [["show", "\udcff"], ["compare", "bleu", "\udcff"], ["timeline", "--provider", "\udcff"]],
    ids=["show", "compare", "timeline"],
)
def test_text_that_is_not_utf8_fails_cleanly(args: list[str]) -> None:
    result = run(*args, "--data", str(FIXTURE_DATA))
    assert result.exit_code == 1 and result.stderr.startswith("error: ")


# --- filters narrow ---------------------------------------------------------------------------

SCHEMES = ["secnumcloud", "hds", "iso-27001", "bsi-c5", "eucs", "SecNumCloud", "nope"]
KINDS = [k.value for k in ProviderKind]
STATUSES = [s.value for s in ProviderStatus]
COUNTRIES = ["FR", "fr", "DE", "US", "NO", "ZZ", ""]
OWNERS = ["Orange", "Capgemini", "Dassault", "Docaposte", "thales", "x", "zzzz", " "]
SORTS = ["name", "id", "country", "kind", "founded", "certifications"]


# Each filter as command-line options; options of one kind given twice are alternatives
# (`--kind hosting --kind hyperscaler`), filters of different kinds must all match.
FILTERS: dict[str, st.SearchStrategy[list[str]]] = {
    "secnumcloud": st.just(["--secnumcloud"]),
    "hds": st.just(["--hds"]),
    "cert": st.sampled_from(SCHEMES).map(lambda v: ["--cert", v]),
    "country": st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2).map(
        lambda vs: [a for v in vs for a in ("--country", v)]
    ),
    "kind": st.lists(st.sampled_from(KINDS), min_size=1, max_size=2).map(
        lambda vs: [a for v in vs for a in ("--kind", v)]
    ),
    "status": st.lists(st.sampled_from(STATUSES), min_size=1, max_size=2).map(
        lambda vs: [a for v in vs for a in ("--status", v)]
    ),
    "owner": st.one_of(st.sampled_from(OWNERS), st.text(max_size=10)).map(lambda v: ["--owner", v]),
}


@st.composite
def provider_filters(draw: st.DrawFn) -> tuple[list[str], list[str]]:
    """Some filters, and one more of a kind not among them."""
    kinds = draw(st.lists(st.sampled_from(sorted(FILTERS)), unique=True, max_size=4))
    args = [a for kind in kinds for a in draw(FILTERS[kind])]
    args += ["--sort", draw(st.sampled_from(SORTS))]
    others = sorted(set(FILTERS) - set(kinds))
    extra = draw(FILTERS[draw(st.sampled_from(others))]) if others else []
    return args, extra


def listed(*args: str) -> list[str]:
    result = run("providers", *args, "--data", str(REPO / "data"), "--format", "json")
    assert result.exit_code == 0, result
    return [record["id"] for record in json.loads(result.stdout)]


@functools.cache
def _everything() -> tuple[str, ...]:
    return tuple(listed())


@settings(max_examples=15, deadline=None, suppress_health_check=SHARED)
@given(case=provider_filters())
def test_a_filter_returns_a_subset(case: tuple[list[str], list[str]]) -> None:
    filters, extra = case
    everything = _everything()
    some = listed(*filters)
    assert len(some) == len(set(some))
    assert set(some) <= set(everything)
    # Pending certifications only add providers; one more filter only removes some.
    assert set(some) <= set(listed(*filters, "--include-pending"))
    assert set(listed(*filters, *extra)) <= set(some)
