"""CI logs take no orders from the data: no line of what sovcloud prints for people or logs
can be read by a CI runner as a workflow command, whatever the records say. Only
`validate --format github` emits commands, one per finding.

GitHub Actions obeys a line that, once leading white space is trimmed, starts with `::`
(`::error::`, `::add-mask::`), and in its legacy form a line holding `##[` anywhere; a line
ends at a newline or a carriage return. Records here put such text where it lands at the
start of a line (descriptions and summaries span lines, names start rows) and in the middle.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from conftest import installed, run
from sovcloud.render.terminal import LogSafeStream, log_safe
from sovcloud.yamlparse import parse

PROVIDER = """\
id: evil-cloud
name: "::add-mask::Evil"
aliases: ["##[error]alias", "  ::warning::spaced"]
kind: cloud-provider
country: FR
status: active
description: |-
  First line.
  ::error file=x.py,line=1::from the description
    ::warning title=t::indented
  \u3000::notice::after an ideographic space
  a ##[set-output name=x;]y legacy and ##vso[task.setvariable variable=x]y
offers:
  - id: iaas
    name: "::stop-commands::token"
    service: iaas
sources:
  - id: s1
    publisher: "::notice::publisher"
    title: "##[group]title"
    date: 2023
    type: press
last_reviewed: 2026-11-01
"""

EVENT = """\
id: 2024-01-01-evil
date: 2024-01-01
kind: announcement
title: "::add-mask::title"
summary: |-
  Summary.
  ::error::from the summary
providers: [evil-cloud]
actors: ["##[debug]actor", "::set-env name=A::b"]
tags: [evil]
sources:
  - publisher: "::error::press"
    title: T
    date: 2024
    type: press
last_reviewed: 2026-11-01
"""

WHITESPACE = re.compile(r"^\s*")


def commands(log: str) -> list[str]:
    """The lines a GitHub Actions runner would take for workflow commands."""
    found = []
    for line in re.split(r"\r\n|\r|\n", log):
        trimmed = WHITESPACE.sub("", line)
        if trimmed.startswith("::") or re.search(r"##[A-Za-z]*\[", line):
            found.append(line)
    return found


@pytest.fixture
def evil_dir(data_dir: Path) -> Path:
    (data_dir / "providers" / "evil-cloud.yaml").write_text(PROVIDER, encoding="utf-8")
    (data_dir / "events" / "2024-01-01-evil.yaml").write_text(EVENT, encoding="utf-8")
    result = run("validate", str(data_dir))
    assert result.exit_code == 0, result
    return data_dir


QUERIES = {
    "show": ["show", "evil-cloud"],
    "show-event": ["show", "2024-01-01-evil"],
    "providers": ["providers"],
    "timeline": ["timeline"],
    "search": ["search", "evil"],
    "compare": ["compare", "evil-cloud", "numspot"],
}
FORMATS = ["table", "markdown", "csv", "yaml", "json"]


@pytest.mark.parametrize("format_", FORMATS)
@pytest.mark.parametrize("query", QUERIES, ids=list(QUERIES))
def test_data_text_starts_no_workflow_command(evil_dir: Path, query: str, format_: str) -> None:
    done = installed(
        *QUERIES[query], "--data", str(evil_dir), "--format", format_, env={"COLUMNS": "60"}
    )
    assert done.returncode == 0, done.stderr
    assert commands(done.stdout + "\n" + done.stderr) == []
    assert "Evil" in done.stdout or "evil" in done.stdout


def test_the_dossier_starts_no_workflow_command(evil_dir: Path, tmp_path: Path) -> None:
    done = installed("dossier", "evil-cloud", "--data", str(evil_dir))
    assert done.returncode == 0, done.stderr
    assert commands(done.stdout + done.stderr) == []
    # The files say the same: a CI step that shows them runs nothing either.
    for name in ("evil.md", "evil.html"):
        out = tmp_path / name
        written = installed("dossier", "evil-cloud", "--data", str(evil_dir), "-o", str(out))
        assert written.returncode == 0, written.stderr
        text = out.read_text(encoding="utf-8")
        assert commands(text) == [] and "Evil" in text


@pytest.mark.parametrize("format_", ["json", "yaml"])
def test_programs_still_get_the_values_as_written(evil_dir: Path, format_: str) -> None:
    # JSON and YAML break the commands with escapes: the values read back are unchanged.
    done = installed("show", "evil-cloud", "--data", str(evil_dir), "--format", format_)
    assert commands(done.stdout) == []
    document = json.loads(done.stdout) if format_ == "json" else parse(done.stdout).value
    provider = document["provider"]
    assert provider["name"] == "::add-mask::Evil"
    assert provider["aliases"] == ["##[error]alias", "::warning::spaced"]
    assert "\n::error file=x.py,line=1::from the description\n" in provider["description"]
    assert "##vso[task.setvariable variable=x]y" in provider["description"]


def test_csv_and_markdown_show_the_text_escaped(evil_dir: Path) -> None:
    done = installed("providers", "--data", str(evil_dir), "--format", "csv")
    rows = list(csv.reader(io.StringIO(done.stdout)))
    (row,) = [r for r in rows if r[0] == "evil-cloud"]
    assert row[1] == "::add-mask::Evil"  # inside the line: no command, kept as written
    assert any("First line.\n\\::error file=x.py" in cell for cell in row)
    markdown = installed("show", "evil-cloud", "--data", str(evil_dir), "--format", "markdown")
    # `\:` and `\#` are Markdown escapes: rendered, the text reads as written.
    assert "#\\#[error]alias" in markdown.stdout or "\\#\\#\\[error\\]alias" in markdown.stdout


def hostile_invalid(data_dir: Path) -> Path:
    """A record whose findings quote hostile values, and two that share a hostile name."""
    (data_dir / "providers" / "evil-cloud.yaml").write_text(
        PROVIDER.replace("country: FR", 'country: "##[add-mask]secret"'), encoding="utf-8"
    )
    twin = PROVIDER.replace("evil-cloud", "evil-twin").replace(
        'aliases: ["##[error]alias", "  ::warning::spaced"]', 'aliases: ["##[error]alias"]'
    )
    (data_dir / "providers" / "evil-twin.yaml").write_text(twin, encoding="utf-8")
    return data_dir


def test_plain_validate_starts_no_workflow_command(data_dir: Path) -> None:
    hostile_invalid(data_dir)
    done = installed("validate", str(data_dir), env={"COLUMNS": "60"})
    assert done.returncode == 1
    assert "SC103" in done.stdout and "secret" in done.stdout
    assert commands(done.stdout + done.stderr) == []


def test_only_the_github_format_emits_commands_one_per_finding(data_dir: Path) -> None:
    hostile_invalid(data_dir)
    done = installed("validate", str(data_dir), "--format", "github")
    assert done.returncode == 1
    findings = json.loads(installed("validate", str(data_dir), "--format", "json").stdout)
    emitted = commands(done.stdout)
    assert len(emitted) == len(findings["findings"])
    assert all(re.match(r"::(error|warning|notice) file=", line) for line in emitted)


def test_a_query_stopped_by_hostile_findings_prints_no_command(data_dir: Path) -> None:
    hostile_invalid(data_dir)
    done = installed("providers", "--data", str(data_dir))
    assert done.returncode == 1
    assert "SC103" in done.stderr
    assert commands(done.stdout + done.stderr) == []


@pytest.mark.parametrize(
    "text",
    [
        "::error::x",
        "  ::error::x",
        "a\n::error::x",
        "a\r::error::x",
        "a ##[error]x",
        "\u2003::warning::x",
        "##vso[task.complete]x",
        "###[x",
        "a\n \t::x",
        "##teamcity[message text='x']",
    ],
)
def test_log_safe_breaks_every_command_form(text: str) -> None:
    assert commands(text) != []
    assert commands(log_safe(text)) == []


def test_a_command_split_across_writes_is_broken_too() -> None:
    for text in ["::error::split", "  ::add-mask::x", "a ##[error]x", "x\n  ::warning::y"]:
        for cut in range(len(text) + 1):
            out = io.StringIO()
            stream = LogSafeStream(out)  # type: ignore[arg-type]
            stream.write(text[:cut])
            stream.write(text[cut:])
            assert commands(out.getvalue()) == [], (text, cut, out.getvalue())
