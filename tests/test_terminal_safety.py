"""Data never drives the terminal: Rich markup in records is shown as written, and no escape
sequence in any output comes from the data, in any command and any format.

Valid records carry markup everywhere text goes; control characters, which the models
refuse, reach the renderers only through a tampered index. The table format runs as on a
colour terminal, so that Rich's own escapes are there and can be told apart from the data's.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, reseal_record, run
from sovcloud.index import cache_path
from sovcloud.render.formats import OutputFormat
from sovcloud.yamlparse import parse

EVIL = "https://evil.example/"
BOLD = "[bold]Markup[/bold] Cloud"
LINK = f"[link={EVIL}]click[/link]"
SITE = "https://markup.example.com/?q=[bold]x[/bold]"
SOURCE_URL = f"https://press.example.com/[link={EVIL}]x[/link]"

PROVIDER = f"""\
id: markup-cloud
name: "{BOLD}"
aliases: ["{LINK}", "[red]Red[/] :warning:"]
kind: cloud-provider
country: FR
headquarters: "[blink]Paris[/blink]"
status: active
website: "{SITE}"
description: "[bold red]Described[/] with {LINK} and [/] stray closers"
owners:
  - name: "[italic]Owner[/italic] {LINK}"
    country: FR
    stake_note: "[b]majority[/b]"
    sources: [s1]
licensed_technology:
  - vendor: "[u]Vendor[/u]"
    country: US
    technology: "[s]Tech[/s] {LINK}"
    sources: [s1]
offers:
  - id: iaas
    name: "[reverse]Offer[/reverse]"
    service: iaas
    description: "[link={EVIL}]offer text[/link]"
data_centres:
  - location: "[dim]Lyon[/dim]"
    country: FR
    operator: "[on red]Operator[/]"
    sources: [s1]
certifications:
  - scheme: secnumcloud
    version: "[bold]3.2[/bold]"
    status: in-progress
    milestone: "[yellow]J1[/yellow] {LINK}"
    scope: "[green]scope[/green]"
    offers: [iaas]
    note: "[link={EVIL}]certification note[/link]"
    sources: [s1]
sources:
  - id: s1
    publisher: "[bold]Publisher[/bold]"
    title: "{LINK} title"
    date: 2023-10-18
    url: "{SOURCE_URL}"
    type: press
    note: "[i]source note[/i]"
last_reviewed: 2026-11-01
note: "[link={EVIL}]provider note[/link]"
"""

EVENT = f"""\
id: 2024-01-01-markup
date: 2024-01-01
kind: announcement
title: "[bold]Markup[/bold] event {LINK}"
summary: "[red]Summary[/red] {LINK}"
providers: [markup-cloud]
actors: ["[blue]Actor[/blue]", "{LINK}"]
tags: [markup]
sources:
  - publisher: "[bold]Press[/bold]"
    title: "{LINK}"
    date: 2024-01
    url: "{SOURCE_URL}"
    type: press
last_reviewed: 2026-11-01
note: "[i]event note[/i]"
"""

FORMATS = [f.value for f in OutputFormat]  # every format: a new one is checked too
COMMANDS = {
    "providers": ["providers"],
    "providers-filtered": ["providers", "--secnumcloud", "--include-pending"],
    "show-provider": ["show", "markup-cloud"],
    "show-provider-by-alias": ["show", LINK],
    "show-event": ["show", "2024-01-01-markup"],
    "timeline": ["timeline"],
    "timeline-provider": ["timeline", "--provider", "markup-cloud"],
    "search": ["search", "markup"],
    "search-markup": ["search", "[bold]"],
    "compare": ["compare", "markup-cloud", "numspot"],
}

# What Rich writes on a colour terminal: SGR styles, and OSC 8 hyperlinks (open and close).
SGR = re.compile(r"\x1b\[[0-9;]*m")
OSC8 = re.compile(r"\x1b]8;([^;\x1b\x07]*);([^\x1b\x07]*)\x1b\\")
# The only link targets allowed: the records' own http(s) links, shown as they are.
LINK_TARGETS = {"", SITE, SOURCE_URL}


# The styles sovcloud uses (bold, dim, italic, underline, and red, green, yellow, cyan text)
# and their resets. Blink, reverse, conceal, strike-through or a background could only come
# from markup in the data, which the records are full of here.
SGR_CODES = {0, 1, 2, 3, 4, 22, 23, 24, 39, *range(30, 38), *range(90, 98)}


def sgr_codes(sequence: str) -> set[int]:
    """The attributes an SGR sequence sets, a 256-colour or true-colour foreground as 39."""
    params = [int(p) if p else 0 for p in sequence[2:-1].split(";")]
    codes = set()
    while params:
        code = params.pop(0)
        if code == 38:  # 38;5;n or 38;2;r;g;b: a foreground colour
            params = params[1:] if params[:1] == [5] else params[4:]
            code = 39
        codes.add(code)
    return codes


def escapes_are_rich_only(output: str, links: set[str] = LINK_TARGETS) -> None:
    """Every escape sequence is one of Rich's styles or a link to a record's own URL."""
    assert "\x9b" not in output, "a C1 control sequence introducer"
    assert "\x07" not in output and "\x90" not in output and "\x9d" not in output
    for found in OSC8.finditer(output):
        target = found.group(2)
        assert target in links, f"a hyperlink to {target!r}"
        if target:  # a link shows its own address: no text disguises where it goes
            shown = visible(output[found.end() :].split("\x1b]8;", 1)[0])
            assert shown == target, (shown, target)
    for found in SGR.finditer(output):
        assert sgr_codes(found.group()) <= SGR_CODES, f"a style from the data: {found.group()!r}"
    rest = SGR.sub("", OSC8.sub("", output))
    assert "\x1b" not in rest, repr(rest[rest.index("\x1b") - 40 : rest.index("\x1b") + 40])


def visible(output: str) -> str:
    return SGR.sub("", OSC8.sub("", output))


@pytest.fixture(scope="module")
def _markup_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The test catalogue and two records full of markup, written once for the module's
    tests, which only read them (and so share one index)."""
    target = Path(shutil.copytree(FIXTURE_DATA, tmp_path_factory.mktemp("markup") / "data"))
    (target / "providers" / "markup-cloud.yaml").write_text(PROVIDER, encoding="utf-8")
    (target / "events" / "2024-01-01-markup.yaml").write_text(EVENT, encoding="utf-8")
    return target


@pytest.fixture
def markup_dir(_markup_copy: Path) -> Path:
    assert run("validate", str(_markup_copy)).exit_code == 0
    return _markup_copy


def force_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Rich writes as to a colour terminal that shows links, wide enough not to wrap."""
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TTY_COMPATIBLE", "1")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLORTERM", "truecolor")
    monkeypatch.setenv("COLUMNS", "400")


@pytest.fixture
def colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    force_colour(monkeypatch)


@pytest.mark.usefixtures("colour_terminal")
@pytest.mark.parametrize("format_", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_markup_in_records_is_shown_as_written(
    markup_dir: Path, command: str, format_: str
) -> None:
    result = run(*COMMANDS[command], "--data", str(markup_dir), "--format", format_)
    assert result.exit_code == 0, result
    escapes_are_rich_only(result.stdout + result.stderr)
    out = result.stdout
    if format_ == "table":
        assert "\x1b[" in out, "the colour terminal is not in effect: the test proves nothing"
        shown = visible(out)
        assert "[bold]" in shown or "[link=" in shown or "[red]" in shown, shown
        for text in (BOLD, LINK):  # written out in full wherever they are shown
            if text[:6] in shown:
                assert text in shown.replace("\n", "") or text in shown
    elif format_ == "json":
        document = json.loads(out)
        assert BOLD in out or LINK in json.dumps(document, ensure_ascii=False)
    elif format_ == "yaml":
        assert parse(out).value == json.loads(
            run(*COMMANDS[command], "--data", str(markup_dir), "--format", "json").stdout
        )
    elif format_ == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert any("[" in cell for row in rows[1:] for cell in row)
    elif format_ == "csv-excel":
        rows = list(csv.reader(io.StringIO(out.removeprefix("\ufeff")), delimiter=";"))
        assert any("[" in cell for row in rows[1:] for cell in row)
    elif format_ == "tsv":
        rows = [line.split("\t") for line in out.splitlines()]
        assert any("[" in cell for row in rows[1:] for cell in row)
    elif format_ == "markdown":
        # Markdown shows the brackets as text: escaped, never a live link or emphasis. A
        # record's own link is an autolink, <https://...>, where brackets are part of it.
        text = re.sub(r"<https?://[^\s<>]*>", "", out)
        assert "[link=" not in text.replace("\\[link=", "")
        assert "[bold]" not in text.replace("\\[bold\\]", "")


@pytest.mark.usefixtures("colour_terminal")
def test_a_provider_table_shows_every_field_literally(markup_dir: Path) -> None:
    out = run("show", "markup-cloud", "--data", str(markup_dir)).stdout
    shown = visible(out)
    for text in [
        BOLD,
        LINK,
        "[blink]Paris[/blink]",
        "[italic]Owner[/italic]",
        "[u]Vendor[/u]",
        "[s]Tech[/s]",
        "[reverse]Offer[/reverse]",
        "[dim]Lyon[/dim]",
        "[on red]Operator[/]",
        "[yellow]J1[/yellow]",
        "[green]scope[/green]",
        "[bold]Publisher[/bold]",
        "[red]Red[/] :warning:",
        SITE,
        SOURCE_URL,
    ]:
        assert text in shown, text
    # The only links are the website and the source, each showing its own address.
    assert {m.group(2) for m in OSC8.finditer(out)} <= {"", SITE, SOURCE_URL}
    assert SITE in {m.group(2) for m in OSC8.finditer(out)}


@pytest.mark.usefixtures("colour_terminal")
def test_an_event_table_shows_every_field_literally(markup_dir: Path) -> None:
    shown = visible(run("show", "2024-01-01-markup", "--data", str(markup_dir)).stdout)
    for text in [
        "[bold]Markup[/bold] event",
        LINK,
        "[red]Summary[/red]",
        "[blue]Actor[/blue]",
        "[bold]Press[/bold]",
        "[i]event note[/i]",
        SOURCE_URL,
    ]:
        assert text in shown, text


@pytest.mark.usefixtures("colour_terminal")
@pytest.mark.parametrize(
    "args",
    [["dossier", "markup-cloud"], ["stats"], ["stats", "-f", "markdown"], ["stats", "-f", "csv"]],
    ids=["dossier", "stats", "stats-markdown", "stats-csv"],
)
def test_other_commands_carry_no_escapes_from_the_data(markup_dir: Path, args: list[str]) -> None:
    result = run(*args, "--data", str(markup_dir))
    assert result.exit_code == 0, result
    escapes_are_rich_only(result.stdout + result.stderr)
    if args[0] == "dossier":  # Markdown: markup escaped, links only as autolinks
        text = re.sub(r"<https?://[^\s<>]*>", "", result.stdout)
        assert "\\[bold\\]Markup\\[/bold\\] Cloud" in text
        assert "[link=" not in text.replace("\\[link=", "")


@pytest.mark.usefixtures("colour_terminal")
def test_not_found_messages_show_markup_literally(markup_dir: Path) -> None:
    result = run("show", f"[bold]{EVIL}[/bold] \x1b]8;;{EVIL}\x1b\\x", "--data", str(markup_dir))
    assert result.exit_code == 1
    escapes_are_rich_only(result.stderr)
    assert "[bold]" in visible(result.stderr)


# --- validate's messages ------------------------------------------------------------------

HOSTILE_FILE = f"""\
id: hostile
name: "Name \\e[31mred \\e]8;;{EVIL}\\e\\\\click"
"[bold]unknown[/bold]": 1
"\\e[2Jclear": 2
"\\x9b31mcsi": 3
website: "{EVIL}\\e[0m"
"""


@pytest.mark.usefixtures("colour_terminal")
@pytest.mark.parametrize("format_", ["text", "json", "github"])
@pytest.mark.parametrize(
    "file_name",
    [
        "hostile.yaml",
        "[bold red]x[link=https:evil]y.yaml",
        "\x1b[31mred.yaml",
        "\x9b31m.yaml",
        "\x1b]8;;https:evil.example\x1b\\x.yaml",
    ],
    ids=["plain-name", "markup-name", "esc-name", "csi-name", "osc8-name"],
)
def test_validate_messages_never_carry_escapes_from_the_data(
    data_dir: Path, format_: str, file_name: str
) -> None:
    (data_dir / "providers" / file_name).write_text(HOSTILE_FILE, encoding="utf-8")
    result = run("validate", str(data_dir), "--format", format_)
    assert result.exit_code == 1, result
    escapes_are_rich_only(result.stdout + result.stderr)
    assert EVIL not in {m.group(2) for m in OSC8.finditer(result.stdout)}
    if format_ == "json":
        findings = json.loads(result.stdout)["findings"]
        assert all("\x1b" not in f["file"] + f["message"] for f in findings)
    if file_name.startswith("["):
        shown = visible(result.stdout).replace("%3A", ":")  # github escapes it in `file=`
        assert "[bold red]x[link=https:evil]y" in shown
    if file_name == "hostile.yaml":
        shown = visible(result.stdout)
        assert "[bold]unknown[/bold]" in shown  # the unknown field, named as written
        if format_ == "text":
            assert "control or escape character" in shown


# --- records that bypass validation: a tampered index -----------------------------------------


def tamper(data_dir: Path, changes: dict[str, str]) -> None:
    """Put control characters into the records the index serves, as a bug past validation
    could (sealed with the user's key, so the index believes them); the files stay valid
    and unchanged, so the index keeps serving its copy."""
    past = 1_600_000_000
    for path in data_dir.rglob("*.yaml"):
        os.utime(path, (past, past))  # old enough for the index to trust its copy
    assert run("providers", "--data", str(data_dir)).exit_code == 0
    conn = sqlite3.connect(cache_path(data_dir))
    rows = conn.execute("SELECT fid, record FROM records").fetchall()
    changed = 0
    for fid, text in rows:
        new = text
        for old, bad in changes.items():
            new = new.replace(old, bad)
        if new != text:
            reseal_record(conn, fid, new)
            changed += 1
    conn.commit()
    conn.close()
    assert changed, "the index stores records differently now: update this test"


BAD = {
    "Outscale": "Out\\u001b[31mscale\\u001b]8;;https://evil.example/\\u001b\\\\",
    "3DS Outscale": "3DS \\u009b31mOutscale",
    "Test Press": "Test \\u202ePress\\u0007",
    "Dassault Systèmes": "Dassault \\u001b[2JSystèmes",
    # Links too: a space would let a link add styles, an escape would end it early.
    "https://cyber.example.gouv.fr/snc": "https://cyber.example.gouv.fr/snc blink reverse",
    "https://numspot.example.com": "https://numspot.example.com/\\u001b]8;;https://evil.example/",
}


# The links of the test catalogue, before tampering.
FIXTURE_LINKS = {
    "",
    "https://cyber.example.gouv.fr/snc",
    "https://numspot.example.com",
    "https://press.example.com/a",
}
BYPASS_COMMANDS = {
    "providers": ["providers"],
    "show": ["show", "outscale"],
    "timeline": ["timeline"],
    "search": ["search", "outscale"],
    "compare": ["compare", "outscale", "numspot"],
    "event": ["show", "2022-03-outscale-qualified"],
}
BYPASS_CASES = [
    pytest.param(c, f, t, id=f"{c}-{f}-{t}")
    for c in BYPASS_COMMANDS
    for f in FORMATS
    for t in (["colour", "no-colour"] if f == "table" else ["colour"])
]


@pytest.mark.parametrize(("command", "format_", "terminal"), BYPASS_CASES)
def test_control_characters_that_bypassed_validation_never_reach_the_output(
    data_dir: Path, command: str, format_: str, terminal: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    if terminal == "colour":
        force_colour(monkeypatch)
    tamper(data_dir, BAD)
    result = run(*BYPASS_COMMANDS[command], "--data", str(data_dir), "--format", format_)
    assert result.exit_code == 0, result
    # A link with a space stays a link to what the record says, shown as itself: the words
    # after the space must not become styles (blink, reverse).
    escapes_are_rich_only(
        result.stdout + result.stderr,
        FIXTURE_LINKS | {"https://cyber.example.gouv.fr/snc blink reverse"},
    )
    assert "\u202e" not in result.stdout and "\x07" not in result.stdout
    if format_ == "json" and command in ("providers", "show", "compare"):
        assert "\\u001b" in result.stdout  # the same value for programs, as escapes


def test_plain_skips_its_pattern_only_where_that_is_exact() -> None:
    # plain() returns printable ASCII as it is, without its pattern: that is exact only if
    # no character of the pattern is printable ASCII. (Some unsafe characters beyond ASCII
    # are printable to Python, the Hangul fillers and the braille blank: those texts go
    # through the pattern.)
    from sovcloud.render.terminal import plain, unsafe

    unsafe_characters = [chr(c) for c in range(0x110000) if unsafe().fullmatch(chr(c))]
    assert len(unsafe_characters) > 2000  # the surrogates alone are 2,048
    assert not [c for c in unsafe_characters if c.isascii() and c.isprintable()]
    shown = plain("Thésée «\u00a0cloud\u00a0»\n\x1b[31m\tok\u3164\u2800")
    assert shown == "Thésée «\u00a0cloud\u00a0»\n?[31m ok??"


def test_the_set_of_unsafe_characters_is_the_pattern_s() -> None:
    # plain() tests a whole page against the set, and uses the pattern only when it meets one.
    from sovcloud.render.terminal import _unsafe_set, unsafe

    found = {chr(c) for c in range(0x110000) if unsafe().fullmatch(chr(c))}
    assert found == _unsafe_set()
