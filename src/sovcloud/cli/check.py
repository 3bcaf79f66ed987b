"""Commands for data contributors: validate and schema."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from sovcloud.cli.common import DataOption, command, today


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


@command()
def validate(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Data directory to check (default: --data, $SOVCLOUD_DATA, or the bundled data).",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    format_: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Output for people or machines.")
    ] = ValidateFormat.text,
    max_age: Annotated[
        int | None,
        typer.Option(
            "--max-age", min=0, help="Warn about records not reviewed for DAYS.", metavar="DAYS"
        ),
    ] = None,
) -> None:
    """Check every data file and report all problems, each with file:line and a check code.

    Exit 0 when the data is valid, 1 when not.

    Examples:

      sovcloud validate

      sovcloud validate ./data --strict

      sovcloud validate --format github
    """
    from sovcloud.index import Index
    from sovcloud.paths import resolve_data_dir
    from sovcloud.render.findings import render_findings

    data_dir = resolve_data_dir(directory or data)
    index = Index.open(data_dir, today(), max_age_days=max_age)
    render_findings(index, format_.value)
    failing = index.errors or (strict and index.warnings)
    raise typer.Exit(1 if failing else 0)


@command()
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
