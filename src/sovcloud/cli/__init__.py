"""Command-line wiring: parse options, call a query, hand the result to a renderer.

One module per group of commands; this one assembles them. Only typer and the standard
library load at start-up.
"""

from __future__ import annotations

from typing import Annotated

import typer

from sovcloud import __version__
from sovcloud.cli import check, queries  # noqa: F401  (they register their commands)
from sovcloud.cli.common import app

__all__ = ["app", "main"]


def _version_callback(value: bool) -> None:
    if value:
        print(f"sovcloud {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """A sourced, queryable knowledge base of the sovereign cloud market, starting in France."""


def main() -> None:
    """Console-script entry point."""
    app()
