"""Command groups (`sovcloud export ...`, `sovcloud new ...`): sub-apps of the main app
whose commands share the error boundary of `common.command`.

Only typer and the standard library are imported here.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from sovcloud.cli.common import app, boundary

F = TypeVar("F", bound=Callable[..., Any])


def group(name: str, help_: str) -> typer.Typer:
    """A sub-app registered under the main app as `sovcloud NAME`."""
    sub = typer.Typer(
        name=name,
        help=help_,
        no_args_is_help=True,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.add_typer(sub, name=name)
    return sub


def subcommand(target: typer.Typer, *args: Any, **kwargs: Any) -> Callable[[F], F]:
    """target.command, with domain errors turned into one red line and exit 1, as
    common.command does for the main app's commands."""

    def register(fn: F) -> F:
        target.command(*args, **kwargs)(boundary(fn))
        return fn

    return register
