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
    ("tab-indent", "providers", "acme.yaml", "id: acme\nsources:\n\t- x\n", "SC004", 3,
     "tab"),
    ("unquoted-colon", "providers", "acme.yaml", "id: acme\nname: a: b\n", "SC004", 2,
     "quoted"),
    ("wrong-type", "providers", "acme.yaml", GOOD_PROVIDER.replace("name: Acme Cloud",
                                                                   "name: [Acme]"),
     "SC103", 2, "`name`"),
    ("unknown-field", "providers", "acme.yaml", GOOD_PROVIDER + "colour: blue\n", "SC101", 19,
     "unknown field `colour`"),
    ("misspelt-field", "providers", "acme.yaml",
     GOOD_PROVIDER.replace("description:", "descripton:"), "SC101", 6,
     "did you mean `description`"),
    ("missing-field", "providers", "acme.yaml", GOOD_PROVIDER.replace("kind: cloud-provider\n",
                                                                      ""),
     "SC102", 1, "missing required field `kind`"),
    ("duplicate-key", "providers", "acme.yaml", GOOD_PROVIDER.replace(
        "status: active\n", "status: active\nname: Other\n"), "SC007", 6, "appears twice"),
    ("duplicate-id", "events", "numspot.yaml", GOOD_EVENT.replace("id: 2023-05-01-acme",
                                                                  "id: numspot"),
     "SC202", 1, "already used"),
    ("id-not-file-name", "providers", "acme.yaml", GOOD_PROVIDER.replace("id: acme",
                                                                         "id: acme-cloud"),
     "SC201", 1, "differs from the file name"),
    ("dangling-reference", "events", "2023-05-01-acme.yaml",
     GOOD_EVENT.replace("providers: [numspot]", "providers: [numspott]"), "SC203", 6,
     "did you mean `numspot`"),
    ("impossible-date", "providers", "acme.yaml", provider(**{"granted: 2022-03":
                                                              "granted: 2022-02-30"}),
     "SC103", 10, "not a day of the calendar"),
    ("bad-month", "providers", "acme.yaml", provider(**{"granted: 2022-03": "granted: 2022-13"}),
     "SC103", 10, "no month 13"),
    ("reversed-dates", "providers", "acme.yaml",
     provider(**{"granted: 2022-03": "granted: 2022-03\n    expires: 2021-01"}), "SC205", 11,
     "comes after"),
    ("future-date", "events", "2023-05-01-acme.yaml",
     GOOD_EVENT.replace("date: 2023-05-01", "date: 2031-05-01"), "SC206", 2, "in the future"),
    ("empty-file", "providers", "acme.yaml", "", "SC005", 1, "is empty"),
    ("comments-only", "providers", "acme.yaml", "# nothing here\n", "SC005", 1, "is empty"),
    ("list-not-mapping", "providers", "acme.yaml", "- id: acme\n", "SC006", 1, "holds a list"),
    ("scalar-not-mapping", "providers", "acme.yaml", "just text\n", "SC006", 1,
     "single value"),
    ("invalid-utf8", "providers", "acme.yaml", b"id: acme\nname: Caf\xe9\n", "SC003", 2,
     "UTF-8"),
    ("utf16", "providers", "acme.yaml", "id: acme\n".encode("utf-16"), "SC003", 1, "UTF-8"),
    ("python-tag", "providers", "acme.yaml", "id: !!python/object/apply:os.system [ls]\n",
     "SC008", 1, "not allowed"),
    ("custom-tag", "providers", "acme.yaml", GOOD_PROVIDER.replace("name: Acme Cloud",
                                                                   "name: !secret x"),
     "SC008", 2, "not allowed"),
    ("alias-bomb", "providers", "acme.yaml",
     'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
     'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
     "SC009", 1, "anchors and aliases"),
    ("deep-nesting", "providers", "acme.yaml", "a: " + "[" * 5000 + "]" * 5000 + "\n",
     "SC010", 1, "nests deeper"),
    ("too-large", "providers", "acme.yaml", GOOD_PROVIDER + "# " + "x" * (1024 * 1024) + "\n",
     "SC002", 1, "larger than 1024 KiB"),
    ("two-documents", "providers", "acme.yaml", GOOD_PROVIDER + "---\nid: b\n", "SC011", 19,
     "several YAML documents"),
    ("yml-ending", "providers", "acme.yml", GOOD_PROVIDER, "SC012", 1, "rename it to acme.yaml"),
    ("wrong-folder", ".", "acme.yaml", GOOD_PROVIDER, "SC012", 1, "move it into providers/"),
    ("other-file", "events", "notes.txt", "hello", "SC012", 1, "records are .yaml files"),
    ("javascript-url", "providers", "acme.yaml",
     GOOD_PROVIDER.replace("status: active", "status: active\nwebsite: javascript:alert(1)"),
     "SC103", 6, "only http:// and https://"),
    ("file-url", "events", "2023-05-01-acme.yaml",
     GOOD_EVENT.replace("type: press", "type: press\n    url: file:///etc/passwd"), "SC103", 12,
     "only http:// and https://"),
    ("escape-in-text", "providers", "acme.yaml",
     GOOD_PROVIDER.replace("name: Acme Cloud", 'name: "Acme \\e[31mRed"'), "SC103", 2,
     "control or escape character"),
    ("bidi-override", "providers", "acme.yaml",
     GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme \u202eduolC"), "SC103", 2,
     "control or escape character"),
    ("bad-country", "providers", "acme.yaml", GOOD_PROVIDER.replace("country: FR",
                                                                    "country: fr"),
     "SC103", 4, "did you mean FR"),
    ("bad-enum", "providers", "acme.yaml", GOOD_PROVIDER.replace("status: qualified",
                                                                 "status: qualifed"),
     "SC103", 9, "qualified"),
    ("unknown-citation", "providers", "acme.yaml", GOOD_PROVIDER.replace("sources: [s1]",
                                                                         "sources: [s2]"),
     "SC207", 11, "cites source `s2`"),
    ("no-sources", "events", "2023-05-01-acme.yaml",
     GOOD_EVENT.split("sources:")[0] + "sources: []\nlast_reviewed: 2026-11-01\n", "SC103", 7,
     "at least 1"),
    ("shared-alias", "providers", "acme.yaml",
     GOOD_PROVIDER.replace("name: Acme Cloud", "name: Acme Cloud\naliases: [Numspot]"),
     "SC204", 3, "also a name or alias of `numspot`"),
    ("nul-byte", "providers", "acme.yaml", "id: acme\nname: a\x00b\n", "SC003", 2, "NUL"),
]


def _write(data_dir: Path, folder: str, name: str, content: bytes | str) -> Path:
    target = data_dir / folder / name
    target.write_bytes(content if isinstance(content, bytes) else content.encode())
    return target


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_corpus_is_large_and_distinct() -> None:
    assert len(CASES) >= 30
    assert len({case[0] for case in CASES}) == len(CASES)


@pytest.mark.parametrize(("case", "folder", "name", "content", "code", "line", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_bad_input_is_refused_with_file_line_and_code(
    data_dir: Path, case: str, folder: str, name: str, content: bytes | str, code: str,
    line: int, words: str,
) -> None:
    path = _write(data_dir, folder, name, content)
    before = _snapshot(data_dir)
    result = run("validate", str(data_dir))
    assert result.exit_code == 1, result
    assert f"{path}:{line}: {code}" in result.stdout, result.stdout
    assert words in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    assert _snapshot(data_dir) == before


@pytest.mark.parametrize(("case", "folder", "name", "content", "code", "line", "words"), CASES,
                         ids=[c[0] for c in CASES])
def test_queries_refuse_bad_data_with_the_same_finding(
    data_dir: Path, case: str, folder: str, name: str, content: bytes | str, code: str,
    line: int, words: str,
) -> None:
    path = _write(data_dir, folder, name, content)
    result = run("providers", "--data", str(data_dir))
    assert result.exit_code == 1
    assert f"{path}:{line}: {code}" in result.stderr


def test_bom_and_windows_line_ends_are_accepted(data_dir: Path) -> None:
    _write(data_dir, "providers", "acme.yaml",
           b"\xef\xbb\xbf" + GOOD_PROVIDER.replace("\n", "\r\n").encode())
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
