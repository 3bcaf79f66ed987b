"""Commands for data contributors: validate and schema."""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import sys
from pathlib import Path
from typing import Annotated

import typer

from sovcloud.cli import completion
from sovcloud.cli.common import (
    MAX_AGE_DAYS,
    DataOption,
    LangOption,
    command,
    today,
    untrusted,
)
from sovcloud.render.formats import FindingsFormat

# The files `schema --write` writes, named as the data files' `$schema` comments expect.
SCHEMA_FILES = {
    "providers": "provider.schema.json",
    "events": "event.schema.json",
    "schemes": "scheme.schema.json",
    "tags": "tag.schema.json",
    "frameworks": "framework.schema.json",
}


# Declared with the other output formats (standard library only, cheap at start-up).
ValidateFormat = FindingsFormat


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
            "--max-age",
            min=0,
            max=MAX_AGE_DAYS,
            help="Warn about records not reviewed for DAYS.",
            metavar="DAYS",
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    """Check every data file and report all problems, each with file:line and a check code.

    Exit 0 when the data is valid, 1 when not.

    Examples:

      sovcloud validate

      sovcloud validate ./data --strict

      sovcloud validate --format github
    """
    from sovcloud.i18n import current_lang
    from sovcloud.index import Index
    from sovcloud.paths import resolve_data_dir
    from sovcloud.render.findings import render_findings
    from sovcloud.render.progress import progress_bar

    data_dir = resolve_data_dir(directory or data)
    with progress_bar("Checking data files") as progress:
        index = Index.open(data_dir, today(), max_age_days=max_age, progress=progress)
    untrusted(index)
    from sovcloud.framework_assess import answer_findings

    # Answers to a sovereignty framework are checked against the framework, once all is read.
    index.findings += answer_findings(index, data_dir)
    render_findings(index, format_, current_lang(lang))
    failing = index.errors or (strict and index.warnings)
    raise typer.Exit(1 if failing else 0)


@command()
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(
            help="providers, events, schemes or tags (default: all, keyed by kind).",
            metavar="KIND",
            autocompletion=completion.among(tuple(SCHEMA_FILES)),
        ),
    ] = None,
    write: Annotated[
        Path | None,
        typer.Option(
            "--write",
            metavar="DIR",
            help="Write provider.schema.json, event.schema.json, scheme.schema.json and "
            "tag.schema.json into DIR instead (replacing them): how schemas/ is regenerated, "
            "and how a data repository gets the schemas its files name.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Print the JSON Schema of the records, for editors and other validators.

    Examples:

      sovcloud schema

      sovcloud schema providers > provider.schema.json

      sovcloud schema --write schemas/
    """
    import json

    from sovcloud.models import json_schemas

    schemas = json_schemas()
    if kind is not None and kind not in schemas:
        raise typer.BadParameter(
            f"choose {', '.join(list(schemas)[:-1])} or {list(schemas)[-1]}", param_hint="KIND"
        )
    if write is not None:
        from sovcloud.atomic import WriteError, write_text

        if not write.is_dir():
            raise WriteError(f"{write}: no such folder; create it first")
        for folder in [kind] if kind else list(schemas):
            target = write / SCHEMA_FILES[folder]
            text = json.dumps(schemas[folder], indent=2, ensure_ascii=False) + "\n"
            write_text(target, text, force=True)
            sys.stderr.write(f"wrote {target}\n")
        return
    document: object = schemas if kind is None else schemas[kind]
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")
