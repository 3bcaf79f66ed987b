"""Every output format works with every command that offers it.

The formats are declared once (render/formats.OutputFormat) and each has one renderer
(render/output.text; the table is drawn on the console). A format without a renderer, a
command family whose view lacks what a renderer reads, or a command whose --format is not
exercised here fails below: each (command, format) pair runs through the CLI on the test
catalogue."""

from __future__ import annotations

import csv
import importlib
import inspect
import io
import json
import pkgutil

import pytest
import typer.main

from conftest import fixture_run, run
from sovcloud.render.formats import OutputFormat

# Examples of each command that takes --format, on tests/data: one per view it can show.
EXAMPLES: dict[str, list[list[str]]] = {
    "providers": [[], ["--secnumcloud", "--include-pending"]],
    "show": [["numspot"], ["2030-hdh-migration"], ["secnumcloud"]],
    "timeline": [["--since", "2020"]],
    "search": [["health"]],
    "compare": [["bleu", "outscale"]],
    "schemes": [[]],
    "tags": [[]],
    "stats": [[]],
    "assess": [["bleu"], ["--rules"]],
    "match": [["--require", "secnumcloud"]],
    "changes": [["--since", "2020"]],
    "stale": [["--max-age", "0"], ["--entries"]],
}
# Commands with formats of their own (findings, for people and CI), with an example each.
OWN_FORMATS: dict[str, list[str]] = {"validate": []}
# (command, format) pairs refused by design, with the words the refusal must say. None today:
# every view gives every shape (document, flat rows, Markdown, Rich).
REFUSED: dict[tuple[str, str], str] = {}


def _commands() -> dict[str, tuple[str, ...]]:
    """Every command (subcommands as 'export csv') that takes --format, with its choices."""
    from sovcloud.cli import app

    found = {}
    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        subcommands = getattr(command, "commands", None) or {}
        pairs = [(f"{name} {k}", v) for k, v in subcommands.items()] or [(name, command)]
        for full_name, cmd in pairs:
            for param in cmd.params:
                if "--format" in getattr(param, "opts", ()):
                    found[full_name] = tuple(param.type.choices)
    return found


def test_every_format_has_a_renderer() -> None:
    from sovcloud.render.output import text
    from sovcloud.render.schemes import TagsView

    view = TagsView([])
    for format_ in OutputFormat:
        if format_ is OutputFormat.table:
            continue  # drawn on a console: run through the CLI below
        assert isinstance(text(view, format_), str), format_


def test_every_command_offering_the_formats_is_exercised() -> None:
    commands = _commands()
    formats = tuple(f.value for f in OutputFormat)
    with_formats = {name for name, choices in commands.items() if choices == formats}
    assert with_formats == set(EXAMPLES), "give EXAMPLES for each command taking --format"
    assert set(commands) - with_formats == set(OWN_FORMATS)


def _views() -> list[type]:
    """Every view class of the render package: what a command hands a renderer."""
    import sovcloud.render

    views = []
    for module in pkgutil.iter_modules(sovcloud.render.__path__):
        loaded = importlib.import_module(f"sovcloud.render.{module.name}")
        views += [
            cls
            for name, cls in inspect.getmembers(loaded, inspect.isclass)
            if name.endswith("View") and cls.__module__ == loaded.__name__
        ]
    return views


def test_every_view_gives_what_the_renderers_read() -> None:
    from sovcloud.render.output import View

    shapes = [name for name in dir(View) if not name.startswith("_")]
    assert shapes
    views = _views()
    assert len(views) >= 10
    for view in views:
        missing = [s for s in shapes if not callable(getattr(view, s, None))]
        assert not missing, f"{view.__name__} lacks {missing}"


def _check(format_: str, out: str) -> None:
    """What a program or a person can rely on in each format."""
    assert out.strip(), "no output"
    match OutputFormat(format_):
        case OutputFormat.json:
            json.loads(out)
        case OutputFormat.yaml:
            assert out.strip()
        case OutputFormat.csv:
            rows = list(csv.reader(io.StringIO(out)))
            assert all(len(r) == len(rows[0]) for r in rows)
        case OutputFormat.csv_excel:
            assert out.startswith("\ufeff")
            rows = list(csv.reader(io.StringIO(out[1:]), delimiter=";"))
            assert all(len(r) == len(rows[0]) for r in rows)
        case OutputFormat.tsv:
            lines = out.split("\n")
            assert lines[-1] == "" and "\r" not in out
            assert len({line.count("\t") for line in lines[:-1]}) == 1
        case OutputFormat.table | OutputFormat.markdown:
            pass


PAIRS = [
    (command, args, format_.value)
    for command, examples in EXAMPLES.items()
    for args in examples
    for format_ in OutputFormat
]


@pytest.mark.parametrize(
    ("command", "args", "format_"),
    PAIRS,
    ids=[f"{c}{'-' + '-'.join(a) if a else ''}-{f}" for c, a, f in PAIRS],
)
def test_every_command_renders_every_format(command: str, args: list[str], format_: str) -> None:
    result = fixture_run(command, *args, "--format", format_)
    refusal = REFUSED.get((command, format_))
    if refusal is not None:
        assert result.exit_code == 2 and refusal in result.stderr, result
        return
    assert result.exit_code == 0, result
    _check(format_, result.stdout)


@pytest.mark.parametrize("command", OWN_FORMATS)
def test_commands_with_formats_of_their_own_render_each(command: str) -> None:
    for choice in _commands()[command]:
        result = fixture_run(command, *OWN_FORMATS[command], "--format", choice)
        assert result.exit_code == 0, (choice, result)
        assert result.stdout.strip(), choice


@pytest.mark.parametrize("format_", [f.value for f in OutputFormat if f is not OutputFormat.table])
def test_pictures_are_refused_with_another_format(format_: str, tmp_path) -> None:
    """--svg and --html draw the table: with another format, a usage error naming both."""
    result = fixture_run("providers", "--svg", str(tmp_path / "x.svg"), "--format", format_)
    assert result.exit_code == 2
    assert "--svg" in result.stderr and "--format" in result.stderr
    assert not (tmp_path / "x.svg").exists()


def test_an_unknown_format_lists_the_choices() -> None:
    result = run("providers", "--format", "xlsx")
    assert result.exit_code == 2
    for format_ in OutputFormat:
        assert format_.value in result.stderr


# --- tsv and csv-excel ------------------------------------------------------------------------


def test_tsv_keeps_each_row_on_one_line(data_dir) -> None:
    """A tab, a line break or a backslash in a value is written as `\\t`, `\\n`, `\\\\`."""
    path = data_dir / "providers" / "outscale.yaml"
    text = path.read_text(encoding="utf-8")
    old = next(line for line in text.splitlines() if line.startswith("description:"))
    path.write_text(
        text.replace(old, 'description: "First line\\n\\tsecond, C:\\\\cloud"'), encoding="utf-8"
    )
    result = run("providers", "--format", "tsv", "--data", str(data_dir))
    assert result.exit_code == 0, result
    lines = result.stdout.split("\n")
    assert lines.pop() == ""
    header = lines[0].split("\t")
    assert header[:2] == ["id", "name"] and len(lines) == 1 + 6
    assert all(line.count("\t") == len(header) - 1 for line in lines)
    row = next(line for line in lines if line.startswith("outscale\t")).split("\t")
    outscale = dict(zip(header, row, strict=True))
    assert outscale["description"] == "First line\\n\\tsecond, C:\\\\cloud"


def test_tsv_is_plain_on_a_colour_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "40")  # no wrapping either: one line per row
    result = fixture_run("providers", "--format", "tsv")
    assert "\x1b" not in result.stdout
    assert len(result.stdout.splitlines()) == 1 + 6


def test_csv_excel_is_utf8_with_a_bom_and_semicolons_whatever_the_locale() -> None:
    import os
    import subprocess

    from conftest import FIXTURE_DATA, installed_command

    command = installed_command()
    result = subprocess.run(
        [*command, "providers", "--format", "csv-excel", "--data", str(FIXTURE_DATA)],
        env={**os.environ, "PYTHONIOENCODING": "latin-1", "LC_ALL": "C"},
        capture_output=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert out.startswith(b"\xef\xbb\xbfid;name;aliases;")
    assert "Thésée".encode() in out  # UTF-8, as the mark says, not the locale's latin-1
    rows = list(csv.reader(io.StringIO(out.decode("utf-8-sig"), newline=""), delimiter=";"))
    assert len(rows) == 1 + 6 and len({len(r) for r in rows}) == 1
    assert out.count(b"\r\n") == len(rows) and out.count(b"\n") == len(rows)


def test_export_csv_for_excel(tmp_path) -> None:
    result = fixture_run("export", "csv", str(tmp_path / "out"), "--excel")
    assert result.exit_code == 0, result
    files = sorted((tmp_path / "out").glob("*.csv"))
    from sovcloud.export.tables import TABLE_NAMES

    assert [f.stem for f in files] == sorted(TABLE_NAMES)
    for path in files:
        body = path.read_bytes()
        header = body.split(b"\r\n", 1)[0]
        assert header.startswith(b"\xef\xbb\xbf") and b";" in header, path.name
        assert b"," not in header, path.name
    plain = fixture_run("export", "csv", str(tmp_path / "plain"))
    assert plain.exit_code == 0
    assert (tmp_path / "plain" / "providers.csv").read_bytes().startswith(b"id,name,")
