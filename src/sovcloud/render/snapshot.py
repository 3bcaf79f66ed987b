"""A view's table rendering as a picture: an SVG or an HTML page of the terminal output.

The view draws on a recording Rich console (colour on, as a terminal would show it, at a
fixed width so that the same data gives the same file), and Rich exports what it recorded
into sovcloud's own templates: titled with the command that made the picture, in the fonts
the reader has (Rich's own SVG template fetches Fira Code from a CDN), the records' addresses
as links. Nothing is loaded from anywhere: the page says so to the browser. Record text
reaches that console only as Text, and Rich escapes it for XML and HTML, so a name holding
markup or `<script>` stays text in the file. Files are written whole or not at all, and an
existing one is replaced only with `force` (sovcloud.atomic).
"""

from __future__ import annotations

import html as html_
import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sovcloud import __version__
from sovcloud.atomic import WriteError, check_free, write_text
from sovcloud.charsets import xml_text
from sovcloud.core.licence import ATTRIBUTION, DATA_LICENSE_URL

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_WIDTH = 100  # wide enough for every column of the tables (markup.NARROW)

# Monospace fonts found on the reader's own system, nothing fetched; Rich lays the picture
# out for Fira Code's proportions (0.61), which these share within a few percent.
MONOSPACE = (
    "'Fira Code', 'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', "
    "'Cascadia Mono', monospace"
)

# Rich's SVG template (rich/_export_format.py) without the fonts from a CDN, with a title
# element, which names the picture for screen readers and in a browser tab.
SVG_TEMPLATE = """\
<svg class="rich-terminal" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">
    <title>@TITLE@</title>
    <desc>@DESC@</desc>
    <style>

    .{unique_id}-matrix {{
        font-family: @MONOSPACE@;
        font-size: {char_height}px;
        line-height: {line_height}px;
        font-variant-east-asian: full-width;
    }}

    .{unique_id}-title {{
        font-size: 18px;
        font-weight: bold;
        font-family: system-ui, Arial, sans-serif;
    }}

    {styles}
    </style>

    <defs>
    <clipPath id="{unique_id}-clip-terminal">
      <rect x="0" y="0" width="{terminal_width}" height="{terminal_height}" />
    </clipPath>
    {lines}
    </defs>

    {chrome}
    <g transform="translate({terminal_x}, {terminal_y})"
       clip-path="url(#{unique_id}-clip-terminal)">
    {backgrounds}
    <g class="{unique_id}-matrix">
    {matrix}
    </g>
    </g>
</svg>
"""

# Nothing but the page itself: no script runs and nothing is fetched.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'"

HTML_TEMPLATE = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="@POLICY@">
<meta name="generator" content="sovcloud @VERSION@">
<title>@TITLE@</title>
<style>
{stylesheet}
body {{
    color: {foreground};
    background-color: {background};
}}
pre {{ font-family: @MONOSPACE@; }}
code {{ font-family: inherit; }}
h1 {{ font: bold 1em @MONOSPACE@; margin: 0 0 0.8em; }}
footer {{ font: 0.85em system-ui, Arial, sans-serif; opacity: 0.8; }}
footer a {{ color: inherit; }}
</style>
</head>
<body>
<h1>@TITLE@</h1>
<pre><code>{code}</code></pre>
<footer><p>@FOOTER@</p></footer>
</body>
</html>
"""


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


class _Canvas(io.StringIO):
    """Where the recording console writes (nothing reaches the screen): a picture shows
    the records' addresses as links, as a colour terminal does."""

    shows_links = True


def record(view: Any, columns: int | None = None) -> Console:
    """A console that recorded the view's table rendering, in colour."""
    from rich.console import Console

    console = Console(
        file=_Canvas(),  # what counts is the record
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
    title = xml_text(title)
    if svg is not None:
        template = _fill(
            SVG_TEMPLATE, TITLE=title, DESC=f"Made with sovcloud {__version__}. {ATTRIBUTION}"
        )
        picture = console.export_svg(title=title, clear=False, code_format=template)
        write_text(svg, xml_text(_link_addresses(picture)), force=force)
        written.append(svg)
    if html is not None:
        footer = (
            f"{_escape(title)}: made with sovcloud {_escape(__version__)}. "
            f'{_escape(ATTRIBUTION)} <a href="{DATA_LICENSE_URL}">{DATA_LICENSE_URL}</a>'
        )
        template = _fill(HTML_TEMPLATE, TITLE=title, POLICY=POLICY, VERSION=__version__)
        template = template.replace("@FOOTER@", footer.replace("{", "{{").replace("}", "}}"))
        page = console.export_html(clear=False, code_format=template)
        write_text(html, xml_text(_escape_hrefs(page)), force=force)
        written.append(html)
    return written


def _escape(text: str) -> str:
    return html_.escape(text, quote=True)


def _fill(template: str, **values: str) -> str:
    """The template with @NAME@ replaced by the escaped values, ready for Rich's `format`
    (braces doubled), and the font stack in place."""
    for name, value in {**values, "MONOSPACE": MONOSPACE}.items():
        shown = value if name == "MONOSPACE" else _escape(value)
        template = template.replace(f"@{name}@", shown.replace("{", "{{").replace("}", "}}"))
    return template


# A text run of Rich's SVG that is an address and nothing else (a record's link, drawn in a
# style of its own; Rich writes spaces as &#160;, so a run holding one is not an address).
_SVG_ADDRESS = r"(<text [^>]*>)(https?://(?:(?!&#160;)[^<\s])+)(</text>)"


def _link_addresses(svg: str) -> str:
    """The SVG with each address drawn as a link to itself (Rich's SVG has none)."""
    return re.sub(_SVG_ADDRESS, lambda m: f'<a href="{m.group(2)}">{m.group()}</a>', svg)


def _escape_hrefs(page: str) -> str:
    """Rich writes a link's address into `href` as it is: escape it (`&` in a query)."""
    return re.sub(r'href="([^"]*)"', lambda m: f'href="{_escape(m.group(1))}"', page)
