"""The --svg, --html and --force options of the commands that draw tables and charts.

Not a command module: the commands providers, timeline and stats import it. Only typer and the
standard library are imported here.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from sovcloud.cli.common import Format, emit_view

SvgOption = Annotated[
    Path | None,
    typer.Option(
        "--svg",
        metavar="FILE",
        help="Write the table as an SVG picture to FILE instead of printing it "
        "(width: $COLUMNS, else 100).",
        show_default=False,
    ),
]
HtmlOption = Annotated[
    Path | None,
    typer.Option(
        "--html",
        metavar="FILE",
        help="Write the table as an HTML page to FILE instead of printing it.",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --svg or --html file if it exists.")
]


def check(format_: Format, svg: Path | None, html: Path | None, force: bool) -> None:
    """Before any work: --svg and --html draw the table, so no other --format goes with
    them (exit 2); an existing file without --force, or one file for both, exit 1."""
    if svg is None and html is None:
        return
    if format_ is not Format.table:
        raise typer.BadParameter(
            "--svg and --html draw the table; leave out --format", param_hint="--format"
        )
    from sovcloud.render.snapshot import check_targets

    check_targets(svg, html, force)


def emit(
    view: Any,
    format_: Format,
    svg: Path | None,
    html: Path | None,
    force: bool,
    ctx: typer.Context,
    pager: bool = False,
) -> None:
    """The view on stdout in its format (through the pager when asked), or drawn into the
    --svg / --html files, titled with the command that made them."""
    if svg is None and html is None:
        emit_view(view, format_, pager)
        return
    from sovcloud.render.snapshot import save

    for path in save(view, svg=svg, html=html, title=command_line(ctx), force=force):
        sys.stderr.write(f"wrote {path}\n")


# Options that say where the picture goes or where the data is, not what it shows.
_NOT_IN_TITLE = {"svg", "html", "force", "data", "no_pager"}


def command_line(ctx: typer.Context) -> str:
    """The command that made the picture, as it could be typed again (without the options
    that only say where it is written): its title."""
    import datetime as dt
    import shlex
    from enum import Enum

    def word(value: Any) -> str:
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, dt.datetime):
            value = value.date().isoformat()
        return shlex.quote(str(value))

    words = ["sovcloud", ctx.info_name or ""]
    for param in ctx.command.params:
        name = param.name or ""
        source = ctx.get_parameter_source(name)
        if name in _NOT_IN_TITLE or source is None or source.name != "COMMANDLINE":
            continue
        value = ctx.params.get(name)
        values = value if isinstance(value, list | tuple) else [value]
        flag = param.opts[0] if param.param_type_name == "option" else None
        if flag is None:
            words += [word(v) for v in values]
        elif getattr(param, "is_flag", False):
            if value:
                words.append(flag)
        else:
            for v in values:
                words += [flag, word(v)]
    return " ".join(w for w in words if w)
