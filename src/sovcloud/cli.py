"""Command-line wiring: parse options, call a query, hand the result to a renderer.

Only typer and the standard library are imported at the top: pydantic, yaml, rapidfuzz and
Rich's heavier parts load inside the commands that need them, so that start-up stays fast.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from sovcloud import __version__
from sovcloud.errors import SovcloudError

app = typer.Typer(
    name="sovcloud",
    help="A sourced, queryable knowledge base of the sovereign cloud market, starting in France.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="SOVCLOUD_DATA",
        help="Data directory holding providers/ and events/ (default: the bundled data).",
        show_default=False,
    ),
]


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _fail(message: str, code: int = 1) -> NoReturn:
    from sovcloud.render.terminal import error

    error(message)
    raise typer.Exit(code)


def _today() -> dt.date:
    override = os.environ.get("SOVCLOUD_TODAY")  # lets tests and reviews pin "today"
    return dt.date.fromisoformat(override) if override else dt.date.today()


def _version_callback(value: bool) -> None:
    if value:
        print(f"sovcloud {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version_callback, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    """A sourced, queryable knowledge base of the sovereign cloud market, starting in France."""


@app.command()
def validate(
    directory: Annotated[
        Path | None,
        typer.Argument(help="Data directory to check (default: --data, $SOVCLOUD_DATA, or "
                       "the bundled data).", show_default=False),
    ] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    format_: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Output for people or machines.")
    ] = ValidateFormat.text,
    max_age: Annotated[
        int | None,
        typer.Option("--max-age", min=0, help="Warn about records not reviewed for DAYS.",
                     metavar="DAYS"),
    ] = None,
) -> None:
    """Check every data file and report all problems, each with file:line and a check code.

    Exit 0 when the data is valid, 1 when not.

    Examples:

      sovcloud validate

      sovcloud validate ./data --strict

      sovcloud validate --format github
    """
    from sovcloud.catalogue import build
    from sovcloud.paths import resolve_data_dir
    from sovcloud.render.findings import render_findings

    try:
        data_dir = resolve_data_dir(directory or data)
    except SovcloudError as exc:
        _fail(str(exc))
    catalogue = build(data_dir, _today(), max_age_days=max_age)
    render_findings(catalogue, format_.value)
    failing = catalogue.errors or (strict and catalogue.warnings)
    raise typer.Exit(1 if failing else 0)


@app.command()
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(help="providers or events (default: both, keyed by kind)."),
    ] = None,
) -> None:
    """Print the JSON Schema of the records, for editors and other validators.

    Examples:

      sovcloud schema

      sovcloud schema providers > provider.schema.json
    """
    import json

    from sovcloud.models import json_schemas

    schemas = json_schemas()
    if kind is None:
        document: object = schemas
    elif kind in schemas:
        document = schemas[kind]
    else:
        raise typer.BadParameter("choose providers or events", param_hint="KIND")
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    """Console-script entry point."""
    app()
