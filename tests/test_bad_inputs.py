"""The corpus of bad inputs: each must be refused with its code, its file:line and a fix,
a non-zero exit, no traceback, and no file changed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import run

GOOD_PROVIDER = """\
id: acme
name: Acme Cloud
kind: cloud-provider
country: FR
status: active
description: A test provider.
certifications:
  - scheme: secnumcloud
    status: qualified
    granted: 2022-03
    sources: [s1]
sources:
  - id: s1
    publisher: ANSSI
    title: Register
    date: 2022-03
    type: register
last_reviewed: 2026-11-01
"""

GOOD_EVENT = """\
id: 2023-05-01-acme
date: 2023-05-01
kind: announcement
title: Acme announces things
summary: A test event.
providers: [numspot]
sources:
  - publisher: Test Press
    title: Article
    date: 2023-05
    type: press
last_reviewed: 2026-11-01
"""


def provider(**replace: str) -> str:
    text = GOOD_PROVIDER
    for old, new in replace.items():
        text = text.replace(old.replace("__", " "), new)
    return text


# (case, folder, file name, content, code, line, words the message must contain)
CASES: list[tuple[str, str, str, bytes | str, str, int, str]] = [
    ("yaml-syntax", "providers", "acme.yaml", "id: acme\nname: [Acme\n", "SC004", 3, "YAML"),
    ("tab-indent", "providers", "acme.yaml", "id: acme\nsources:\n\t- x\n", "SC004", 3, "tab"),
    ("unquoted-colon", "providers", "acme.yaml", "id: acme\nname: a: b\n", "SC004", 2, "quoted"),
    (
        "wrong-type",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: [Acme]"),
        "SC103",
        2,
        "`name`",
    ),
    (
        "unknown-field",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "colour: blue\n",
        "SC101",
        19,
        "unknown field `colour`",
    ),
    (
        "misspelt-field",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("description:", "descripton:"),
        "SC101",
        6,
        "did you mean `description`",
    ),
    (
        "missing-field",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("kind: cloud-provider\n", ""),
        "SC102",
        1,
        "`kind` is missing: add it",
    ),
    (
        "duplicate-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("status: active\n", "status: active\nname: Other\n"),
        "SC007",
        6,
        "appears twice",
    ),
    (
        "duplicate-id",
        "events",
        "numspot.yaml",
        GOOD_EVENT.replace("id: 2023-05-01-acme", "id: numspot"),
        "SC202",
        1,
        "already used",
    ),
    (
        "id-not-file-name",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("id: acme", "id: acme-cloud"),
        "SC201",
        1,
        "differs from the file name",
    ),
    (
        "dangling-reference",
        "events",
        "2023-05-01-acme.yaml",
        GOOD_EVENT.replace("providers: [numspot]", "providers: [numspott]"),
        "SC203",
        6,
        "did you mean `numspot`",
    ),
    (
        "impossible-date",
        "providers",
        "acme.yaml",
        provider(**{"granted: 2022-03": "granted: 2022-02-30"}),
        "SC103",
        10,
        "not a day of the calendar",
    ),
    (
        "bad-month",
        "providers",
        "acme.yaml",
        provider(**{"granted: 2022-03": "granted: 2022-13"}),
        "SC103",
        10,
        "no month 13",
    ),
    (
        "reversed-dates",
        "providers",
        "acme.yaml",
        provider(**{"granted: 2022-03": "granted: 2022-03\n    expires: 2021-01"}),
        "SC205",
        11,
        "comes after",
    ),
    (
        "future-date",
        "events",
        "2023-05-01-acme.yaml",
        GOOD_EVENT.replace("date: 2023-05-01", "date: 2031-05-01"),
        "SC206",
        2,
        "in the future",
    ),
    ("empty-file", "providers", "acme.yaml", "", "SC005", 1, "is empty"),
    ("comments-only", "providers", "acme.yaml", "# nothing here\n", "SC005", 1, "is empty"),
    ("list-not-mapping", "providers", "acme.yaml", "- id: acme\n", "SC006", 1, "holds a list"),
    ("scalar-not-mapping", "providers", "acme.yaml", "just text\n", "SC006", 1, "single value"),
    ("invalid-utf8", "providers", "acme.yaml", b"id: acme\nname: Caf\xe9\n", "SC003", 2, "UTF-8"),
    ("utf16", "providers", "acme.yaml", "id: acme\n".encode("utf-16"), "SC003", 1, "UTF-8"),
    # The offset counts the byte-order mark: it is the byte's place in the file.
    (
        "bom-then-invalid-utf8",
        "providers",
        "acme.yaml",
        b"\xef\xbb\xbfid: acme\nname: Caf\xe9\n",
        "SC003",
        2,
        "byte 0xe9 at offset 21",
    ),
    (
        "python-tag",
        "providers",
        "acme.yaml",
        "id: !!python/object/apply:os.system [ls]\n",
        "SC008",
        1,
        "not allowed",
    ),
    (
        "custom-tag",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: !secret x"),
        "SC008",
        2,
        "not allowed",
    ),
    (
        "alias-bomb",
        "providers",
        "acme.yaml",
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
        "SC009",
        1,
        "anchors and aliases",
    ),
    (
        "deep-nesting",
        "providers",
        "acme.yaml",
        "a: " + "[" * 5000 + "]" * 5000 + "\n",
        "SC010",
        1,
        "nests deeper",
    ),
    (
        "too-large",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "# " + "x" * (1024 * 1024) + "\n",
        "SC002",
        1,
        "larger than 1024 KiB",
    ),
    (
        "two-documents",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "---\nid: b\n",
        "SC011",
        19,
        "several YAML documents",
    ),
    ("yml-ending", "providers", "acme.yml", GOOD_PROVIDER, "SC012", 1, "rename it to acme.yaml"),
    ("wrong-folder", ".", "acme.yaml", GOOD_PROVIDER, "SC012", 1, "move it into providers/"),
    ("other-file", "events", "notes.txt", "hello", "SC012", 1, "records are .yaml files"),
    (
        "javascript-url",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("status: active", "status: active\nwebsite: javascript:alert(1)"),
        "SC103",
        6,
        "only http:// and https://",
    ),
    (
        "file-url",
        "events",
        "2023-05-01-acme.yaml",
        GOOD_EVENT.replace("type: press", "type: press\n    url: file:///etc/passwd"),
        "SC103",
        12,
        "only http:// and https://",
    ),
    (
        "escape-in-text",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", 'name: "Acme \\e[31mRed"'),
        "SC103",
        2,
        "control or escape character",
    ),
    (
        "bidi-override",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme \u202eduolC"),
        "SC103",
        2,
        "control or escape character",
    ),
    (
        "bad-country",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("country: FR", "country: fr"),
        "SC103",
        4,
        "did you mean `FR`?",
    ),
    (
        "bad-enum",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("status: qualified", "status: qualifed"),
        "SC103",
        9,
        "qualified",
    ),
    (
        "unknown-citation",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("sources: [s1]", "sources: [s2]"),
        "SC207",
        11,
        "cites source `s2`",
    ),
    (
        "no-sources",
        "events",
        "2023-05-01-acme.yaml",
        GOOD_EVENT.split("sources:")[0] + "sources: []\nlast_reviewed: 2026-11-01\n",
        "SC103",
        7,
        "`sources` is empty: every fact here cites at least one source",
    ),
    (
        "shared-alias",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme Cloud\naliases: [Numspot]"),
        "SC204",
        3,
        "also a name or alias of `numspot`",
    ),
    ("nul-byte", "providers", "acme.yaml", "id: acme\nname: a\x00b\n", "SC003", 2, "NUL"),
]

OWNER = "owners:\n  - name: X\n    country: FR\n    stake: {}\n    sources: [s1]\ncertifications:"


def website(url: str) -> str:
    return GOOD_PROVIDER.replace("status: active", f"status: active\nwebsite: {url}")


# Hostile inputs of issue 6: what contributors' files may hold by mistake or on purpose.
CASES += [
    (
        "key-not-text",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "null: x\n",
        "SC101",
        19,
        "unknown field `null`",
    ),
    (
        "number-as-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "2023: x\n",
        "SC101",
        19,
        "unknown field `2023`",
    ),
    (
        "complex-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "? [a, b]\n: x\n",
        "SC004",
        19,
        "a key must be a plain word",
    ),
    (
        "merge-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "<<: {note: x}\n",
        "SC101",
        19,
        "unknown field `<<`",
    ),
    (
        "quoted-duplicate-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + '"name": Other\n',
        "SC007",
        19,
        "the key 'name' appears twice",
    ),
    (
        "alias-as-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + "*name : x\n",
        "SC009",
        19,
        "anchors and aliases",
    ),
    (
        "binary-tag",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: !!binary QWNtZQ=="),
        "SC008",
        2,
        "the tag tag:yaml.org,2002:binary is not allowed",
    ),
    (
        "very-long-line",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: " + "x" * 200_000),
        "SC103",
        2,
        "`name` string should have at most 500 characters",
    ),
    (
        "very-long-key",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER + '? "' + "k" * 100_000 + '"\n: x\n',
        "SC101",
        19,
        "unknown field `" + "k" * 37 + "...`",
    ),
    (
        "number-too-long",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("status: active", "status: active\nfounded: " + "9" * 5000),
        "SC103",
        6,
        "holds a number 5000 characters long",
    ),
    (
        "id-with-path-separators",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("id: acme", "id: ../acme"),
        "SC103",
        1,
        "`id` is '../acme', which is not an id",
    ),
    (
        "reference-with-path-separators",
        "events",
        "2023-05-01-acme.yaml",
        GOOD_EVENT.replace("providers: [numspot]", "providers: [../../etc/passwd]"),
        "SC103",
        6,
        "provider 1 is '../../etc/passwd', which is not an id",
    ),
    (
        "bom-inside-file",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("kind:", "\ufeffkind:"),
        "SC003",
        3,
        "byte-order mark (U+FEFF) after its start",
    ),
    (
        "raw-escape-byte",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme \x1b[31mCloud"),
        "SC004",
        2,
        "the character U+001B, which YAML does not allow",
    ),
    (
        "raw-c1-control",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme \x9b31mCloud"),
        "SC004",
        2,
        "the character U+009B, which YAML does not allow",
    ),
    (
        "zero-width-space",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme Cloud\naliases: [Num\u200bSpot]"),
        "SC103",
        3,
        "control or escape character, or an invisible one (U+200B)",
    ),
    (
        "feb-29-in-common-year",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("granted: 2022-03", "granted: 2023-02-29"),
        "SC103",
        10,
        "'2023-02-29' is not a day of the calendar: that month has 28 days",
    ),
    (
        "feb-29-in-1900",
        "providers",
        "acme.yaml",  # a century year is leap only by 400
        GOOD_PROVIDER.replace("granted: 2022-03", "granted: 1900-02-29"),
        "SC103",
        10,
        "'1900-02-29' is not a day of the calendar: that month has 28 days",
    ),
    (
        "april-31",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("granted: 2022-03", "granted: 2022-04-31"),
        "SC103",
        10,
        "'2022-04-31' is not a day of the calendar: that month has 30 days",
    ),
    (
        "stake-over-100",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("certifications:", OWNER.format(150)),
        "SC103",
        10,
        "`stake` of owner 1 input should be less than or equal to 100",
    ),
    (
        "stake-not-a-number",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("certifications:", OWNER.format(".nan")),
        "SC103",
        10,
        "`stake` of owner 1 input should be a valid number",
    ),
    (
        "review-date-as-number",
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("last_reviewed: 2026-11-01", "last_reviewed: 0"),
        "SC103",
        18,
        "`last_reviewed` is not a day: write the full date",
    ),
    (
        "url-with-space",
        "providers",
        "acme.yaml",
        website("https://example.com/a b"),
        "SC103",
        6,
        "`website` is not a well-formed link: no spaces",
    ),
    (
        "url-javascript-mixed-case",
        "providers",
        "acme.yaml",
        website("JaVaScRiPt:alert(1)"),
        "SC103",
        6,
        "only http:// and https:// links are allowed",
    ),
    (
        "url-data",
        "providers",
        "acme.yaml",
        website("data:text/html,hello"),
        "SC103",
        6,
        "only http:// and https:// links are allowed",
    ),
    (
        "url-breaking-out-of-markdown",
        "providers",
        "acme.yaml",
        website("https://x.example.com/>[click](javascript:alert(1))"),
        "SC103",
        6,
        "is not a well-formed link",
    ),
    (
        "url-without-host",
        "providers",
        "acme.yaml",
        website("https:///etc/passwd"),
        "SC103",
        6,
        "it names no host",
    ),
]


def _write(data_dir: Path, folder: str, name: str, content: bytes | str) -> Path:
    target = data_dir / folder / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode())
    return target


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 60
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize(
    ("case", "folder", "name", "content", "code", "line", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_input_is_refused_with_file_line_and_code(
    data_dir: Path,
    case: str,
    folder: str,
    name: str,
    content: bytes | str,
    code: str,
    line: int,
    words: str,
) -> None:
    path = _write(data_dir, folder, name, content)
    before = _snapshot(data_dir)
    result = run("validate", str(data_dir))
    assert result.exit_code == 1, result
    assert f"{path}:{line}: {code}" in result.stdout, result.stdout
    assert words in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(data_dir) == before


@pytest.mark.parametrize(
    ("case", "folder", "name", "content", "code", "line", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_queries_refuse_bad_data_with_the_same_finding(
    data_dir: Path,
    case: str,
    folder: str,
    name: str,
    content: bytes | str,
    code: str,
    line: int,
    words: str,
) -> None:
    path = _write(data_dir, folder, name, content)
    result = run("providers", "--data", str(data_dir))
    assert result.exit_code == 1
    assert f"{path}:{line}: {code}" in result.stderr


def test_bom_and_windows_line_ends_are_accepted(data_dir: Path) -> None:
    _write(
        data_dir,
        "providers",
        "acme.yaml",
        b"\xef\xbb\xbf" + GOOD_PROVIDER.replace("\n", "\r\n").encode(),
    )
    result = run("validate", str(data_dir))
    assert result.exit_code == 0, result
    shown = run("show", "acme", "--data", str(data_dir), "--format", "json")
    assert json.loads(shown.stdout)["provider"]["name"] == "Acme Cloud"


def test_symlink_leaving_the_data_directory_is_refused(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text(GOOD_PROVIDER)
    link = data_dir / "providers" / "acme.yaml"
    os.symlink(outside, link)
    result = run("validate", str(data_dir))
    assert result.exit_code == 1
    assert f"{link}:1: SC013" in result.stdout
    assert "outside the data directory" in result.stdout


def test_symlink_inside_the_data_directory_is_read(data_dir: Path) -> None:
    real = data_dir / "providers" / "acme.yaml"
    real.write_text(GOOD_PROVIDER)
    os.symlink(real, data_dir / "providers" / "acme-link.yaml")
    result = run("validate", str(data_dir))
    # Read, and so refused for its id, not for being a link.
    assert "SC013" not in result.stdout
    assert "acme-link.yaml:1: SC201" in result.stdout


def test_every_problem_is_reported_not_just_the_first(data_dir: Path) -> None:
    _write(data_dir, "providers", "acme.yaml", GOOD_PROVIDER + "colour: blue\n")
    _write(data_dir, "providers", "zeta.yaml", "- a list\n")
    _write(data_dir, "events", "x.yml", "id: x\n")
    result = run("validate", str(data_dir))
    assert result.exit_code == 1
    for code in ("SC101", "SC006", "SC012"):
        assert code in result.stdout
    assert "3 errors" in result.stdout.splitlines()[-1]


def test_tabs_inside_a_flow_sequence_are_separators(data_dir: Path) -> None:
    # YAML allows tabs between the items of a [...] list, even at the start of a line.
    _write(
        data_dir,
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace(
            "name: Acme Cloud", "name: Acme Cloud\naliases: [Acme\t,\n\tACME SAS]"
        ),
    )
    result = run("validate", str(data_dir))
    assert result.exit_code == 0, result
    shown = run("show", "acme", "--data", str(data_dir), "--format", "json")
    assert json.loads(shown.stdout)["provider"]["aliases"] == ["Acme", "ACME SAS"]


def test_an_unquoted_version_keeps_its_text(data_dir: Path) -> None:
    # `version: 3.20` reads as a number; the version shown is still "3.20", not "3.2".
    _write(
        data_dir,
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("granted: 2022-03", "granted: 2022-03\n    version: 3.20"),
    )
    shown = run("show", "acme", "--data", str(data_dir), "--format", "json")
    assert shown.exit_code == 0, shown
    assert json.loads(shown.stdout)["provider"]["certifications"][0]["version"] == "3.20"


@pytest.mark.parametrize("day", ["2024-02-29", "2000-02-29", "2022-12-31"])
def test_last_days_of_months_are_days(data_dir: Path, day: str) -> None:
    _write(
        data_dir,
        "providers",
        "acme.yaml",
        GOOD_PROVIDER.replace("granted: 2022-03", f"granted: {day}"),
    )
    shown = run("show", "acme", "--data", str(data_dir), "--format", "json")
    assert shown.exit_code == 0, shown
    assert json.loads(shown.stdout)["provider"]["certifications"][0]["granted"] == day


@pytest.mark.parametrize(
    "name",
    ["acme\x1b[31m.yaml", "acme\n::error file=x::pwned.yaml", "acme\u202e.yaml", "acme\u200b.yaml"],
    ids=["escape", "newline", "bidi", "zero-width"],
)
def test_a_file_name_with_control_characters_is_reported_escaped(data_dir: Path, name: str) -> None:
    _write(data_dir, "providers", name, GOOD_PROVIDER)
    before = _snapshot(data_dir)
    shown = name.encode("unicode_escape").decode()  # how the finding names it
    for format_ in ("text", "json", "github"):
        result = run("validate", str(data_dir), "--format", format_)
        assert result.exit_code == 1, result
        assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
        assert "::error file=x::pwned" not in result.stdout.replace("%0A", "\n").split("\n")
        if format_ == "json":
            found = [f for f in json.loads(result.stdout)["findings"] if f["severity"] != "notice"]
            assert [f["code"] for f in found] == ["SC012"]
            assert found[0]["file"] == str(data_dir / "providers" / shown)
        else:
            assert "SC012" in result.stdout and "control or invisible" in result.stdout
    assert _snapshot(data_dir) == before


def test_a_file_name_that_is_not_utf8_is_reported_escaped(data_dir: Path) -> None:
    folder = os.fsencode(data_dir / "providers")
    with open(folder + b"/acme\xff.yaml", "wb") as handle:
        handle.write(GOOD_PROVIDER.encode())
    result = run("validate", str(data_dir))
    assert result.exit_code == 1, result
    assert f"{data_dir}/providers/acme\\xff.yaml:1: SC012" in result.stdout
    assert "not UTF-8" in result.stdout
    # Queries stop on it with the same finding, without a traceback.
    listed = run("providers", "--data", str(data_dir))
    assert listed.exit_code == 1 and "acme\\xff.yaml:1: SC012" in listed.stderr


def test_a_data_directory_whose_path_is_not_utf8_is_one_clear_line(tmp_path: Path) -> None:
    odd = os.fsencode(tmp_path) + b"/data\xff"
    os.makedirs(odd + b"/providers")
    result = run("validate", os.fsdecode(odd))
    assert result.exit_code == 1
    assert "data\\xff: the path is not valid UTF-8" in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_named_like_a_record_is_not_read(data_dir: Path) -> None:
    # Reading a pipe would wait for a writer forever: it must be reported, never opened.
    import subprocess
    import sys

    fifo = data_dir / "providers" / "acme.yaml"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "sovcloud", "validate", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "SOVCLOUD_NO_CACHE": "1"},
    )
    assert result.returncode == 1, result
    assert f"{fifo}:1: SC001" in result.stdout
    assert "not a regular file" in result.stdout


def test_a_record_folder_linked_outside_the_data_directory_is_not_read(
    data_dir: Path, tmp_path: Path
) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.yaml").write_text("id: secret\nneedle-of-the-outside-file: 1\n")
    (data_dir / "events").rename(tmp_path / "events-moved")
    os.symlink(outside, data_dir / "events")
    result = run("validate", str(data_dir))
    assert result.exit_code == 1, result
    assert f"{data_dir / 'events'}:1: SC013" in result.stdout
    assert "outside the data directory" in result.stdout
    assert "needle-of-the-outside-file" not in result.stdout
    assert "secret.yaml" not in result.stdout


def test_a_record_folder_linked_inside_the_data_directory_is_read(data_dir: Path) -> None:
    (data_dir / "events").rename(data_dir / "providers-and-events")
    os.symlink(data_dir / "providers-and-events", data_dir / "events")
    result = run("validate", str(data_dir), "--format", "json")
    assert "SC013" not in result.stdout
    assert json.loads(result.stdout)["summary"]["events"] == 5


def test_links_in_a_loop_or_to_nothing_are_reported(data_dir: Path) -> None:
    folder = data_dir / "providers"
    os.symlink("acme-b.yaml", folder / "acme-a.yaml")
    os.symlink("acme-a.yaml", folder / "acme-b.yaml")
    os.symlink("nowhere.yaml", folder / "acme-c.yaml")
    result = run("validate", str(data_dir))
    assert result.exit_code == 1, result
    assert f"{folder / 'acme-a.yaml'}:1: SC001" in result.stdout
    assert "leads back to itself" in result.stdout
    assert (
        f"{folder / 'acme-c.yaml'}:1: SC001 error [unreadable-file] cannot be read (No such "
        "file or directory)" in result.stdout
    )


def test_a_file_with_thousands_of_problems_gets_a_bounded_report(data_dir: Path) -> None:
    path = _write(
        data_dir,
        "providers",
        "acme.yaml",
        "id: acme\n" + "".join(f"k{i}: 1\n" for i in range(20_000)),
    )
    result = run("validate", str(data_dir), "--format", "json")
    assert result.exit_code == 1
    mine = [f for f in json.loads(result.stdout)["findings"] if f["file"] == str(path)]
    assert len(mine) == 50
    assert "more problems in this file: fix these first" in mine[-1]["message"]
