"""A view's table rendering as a picture: an SVG or an HTML page of the terminal output.

The view draws on a recording Rich console (colour on, as a terminal would show it, at a
fixed width so that the same data gives the same file), and Rich exports what it recorded.
Record text reaches that console only as Text, and Rich escapes it for XML and HTML, so a
name holding markup or `<script>` stays text in the file. Files are written whole or not at
all, and an existing one is replaced only with `force` (sovcloud.atomic).
"""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sovcloud.atomic import WriteError, check_free, write_text
from sovcloud.charsets import xml_text

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_WIDTH = 100  # wide enough for every column of the tables (views.NARROW)


def width() -> int:
    """$COLUMNS when set (the docs pin it), else DEFAULT_WIDTH: never the live terminal's,
    so that a picture does not depend on the window it was made in."""
    try:
        return max(40, int(os.environ.get("COLUMNS", "")))
    except ValueError:
        return DEFAULT_WIDTH


def check_targets(svg: Path | None, html: Path | None, force: bool) -> None:
    """Refuse early, before any work: the same file twice, or a file that exists."""
    if svg is not None and html is not None and svg.resolve() == html.resolve():
        raise WriteError(f"{svg}: give --svg and --html different files")
    for path in (svg, html):
        if path is not None:
            check_free(path, force)


def record(view: Any, columns: int | None = None) -> Console:
    """A console that recorded the view's table rendering, in colour."""
    from rich.console import Console

    console = Console(
        file=io.StringIO(),  # what counts is the record; nothing reaches the screen
        record=True,
        force_terminal=True,
        no_color=False,  # not even when NO_COLOR is set: the picture is the terminal's
        color_system="truecolor",
        width=columns or width(),
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    view.rich(console)
    return console


def save(
    view: Any, *, svg: Path | None, html: Path | None, title: str, force: bool = False
) -> list[Path]:
    """Write the view as SVG and/or HTML; the paths written."""
    check_targets(svg, html, force)
    console = record(view)
    written = []
    # Rich escapes markup; a character XML cannot hold (U+FFFE, a control) is replaced, so
    # that the picture and the page stay well-formed whatever the text.
    if svg is not None:
        write_text(
            svg, xml_text(console.export_svg(title=xml_text(title), clear=False)), force=force
        )
        written.append(svg)
    if html is not None:
        write_text(html, xml_text(console.export_html(clear=False)), force=force)
        written.append(html)
    return written
