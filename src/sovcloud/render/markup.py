"""Record text made safe for each output: Markdown (`md`, `md_table`) and Rich (`styled`).

Record text reaches Rich only as `Text`, never as markup, and Markdown only escaped, never
as markup, a link or HTML. Shared by every command's view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from rich.text import Text

Record = dict[str, Any]
Rows = tuple[list[str], list[list[str]]]  # CSV: headers and rows, what a view's flat() gives
NARROW = 100  # below this terminal width, tables drop their least useful columns


def md(text: object) -> str:
    """Markdown-safe text: record data must never become markup or break a table."""
    out = plain(text).replace("\n", " ")
    # `&` too: a named entity (`&ZeroWidthSpace;`, `&rlm;`) would become the invisible
    # character it names once rendered.
    for char in "\\`*_[]<>|#!&":
        out = out.replace(char, "\\" + char)
    return out


def md_table(headers: list[str], rows: list[list[str]]) -> str:
    lines = [
        "| " + " | ".join(md(h) for h in headers) + " |",
        "|" + "|".join(" --- " for _ in headers) + "|",
    ]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def styled(text: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(plain(text), style=style)
