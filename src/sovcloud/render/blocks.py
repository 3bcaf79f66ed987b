"""A document as blocks, written as Markdown or as one self-contained HTML page.

What the dossier says is built once, as headings, paragraphs, tables, lists and numbered
notes; `markdown` and `html` only write it out, so that the two files cannot say different
things. Every piece of text in a block is data: each writer escapes all of it (Markdown
markup, HTML tags and entities), so record text never becomes markup, a link or a tag.
Links are made only from `Link` pieces, whose address is also the text shown.
"""

from __future__ import annotations

import html as html_
from typing import NamedTuple

from sovcloud import __version__
from sovcloud.render.markup import md, md_table
from sovcloud.render.terminal import plain


class Strong(NamedTuple):
    text: str


class Link(NamedTuple):
    """An address, shown as itself."""

    url: str


class Marks(NamedTuple):
    """Footnote marks: the numbers of the notes that back a fact."""

    numbers: tuple[int, ...]


class Break(NamedTuple):
    """A line break inside a list item."""


Piece = str | Strong | Link | Marks | Break
Inline = list[Piece]


class Heading(NamedTuple):
    level: int
    text: Inline
    anchor: str = ""  # an id to link to, in HTML


class Para(NamedTuple):
    text: Inline
    role: str = ""  # what the paragraph is, for the page's style: "stamp", "licence"


class Table(NamedTuple):
    headers: list[str]
    rows: list[list[str]]
    labelled: bool = False  # the first cell of each row names the row


class Items(NamedTuple):
    items: list[Inline]


class Notes(NamedTuple):
    """The numbered notes the marks point to, in order."""

    notes: list[Inline]


Block = Heading | Para | Table | Items | Notes


class Document(NamedTuple):
    """A titled list of blocks, in one language."""

    title: str
    blocks: list[Block]
    lang: str = "en"

    def markdown(self) -> str:
        return markdown(self.blocks)

    def html(self) -> str:
        return html(self.blocks, self.title, self.lang)


# --- Markdown -------------------------------------------------------------------------------


def _md_inline(pieces: Inline) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(md(piece))
        elif isinstance(piece, Strong):
            out.append(f"**{md(piece.text)}**")
        elif isinstance(piece, Link):
            out.append(f"<{plain(piece.url)}>")  # an autolink: `>` is refused in links
        elif isinstance(piece, Marks):
            out.append("".join(f"[^{n}]" for n in piece.numbers))
        else:
            out.append("  \n  ")  # two spaces end a line inside the item
    return "".join(out)


def _md_block(block: Block) -> str:
    if isinstance(block, Heading):
        return "#" * block.level + " " + _md_inline(block.text)
    if isinstance(block, Para):
        return _md_inline(block.text)
    if isinstance(block, Table):
        return md_table(block.headers, block.rows).rstrip("\n")
    if isinstance(block, Items):
        return "\n".join("- " + _md_inline(item) for item in block.items)
    return "\n".join(f"[^{n}]: " + _md_inline(note) for n, note in enumerate(block.notes, 1))


def markdown(blocks: list[Block]) -> str:
    """The blocks as Markdown, a blank line between each, footnotes as [^1]."""
    return "\n\n".join(_md_block(b) for b in blocks) + "\n"


# --- HTML -----------------------------------------------------------------------------------

# Printable from a browser to PDF: the system's own fonts (nothing fetched), A4 margins,
# headings kept with what follows, table rows not split across pages, addresses wrapped
# anywhere rather than running off the page.
STYLE = """\
:root { color-scheme: light; }
body { font: 11pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans",
  "Liberation Sans", "DejaVu Sans", Arial, sans-serif; color: #1a1a1a; background: #fff;
  margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
h1 { font-size: 1.7em; margin: 0 0 .4em; }
h2 { font-size: 1.3em; margin: 1.6em 0 .5em; padding-bottom: .15em;
  border-bottom: 1px solid #ccc; }
h3 { font-size: 1.1em; margin: 1.3em 0 .4em; }
h4 { font-size: 1em; margin: 1.1em 0 .3em; }
h1, h2, h3, h4 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
p, ul, ol { margin: .45em 0; }
ul { padding-left: 1.4em; }
li { margin: .15em 0; }
.stamp, .licence { color: #444; font-size: .92em; }
table { border-collapse: collapse; margin: .6em 0; width: 100%; font-size: .92em; }
th, td { border: 1px solid #bbb; padding: .3em .45em; text-align: left;
  vertical-align: top; }
thead th { background: #eee; }
tbody th { background: #f6f6f6; font-weight: 600; width: 1%; white-space: nowrap; }
tr { break-inside: avoid; page-break-inside: avoid; }
a { color: #0645ad; overflow-wrap: anywhere; }
sup.marks { font-size: .75em; line-height: 0; white-space: nowrap; }
sup.marks a { text-decoration: none; }
ol.notes { padding-left: 2.6em; font-size: .92em; }
ol.notes li:target { background: #fff3c4; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { font-size: 10pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""
# Nothing but the page itself: no script runs and nothing is fetched, even if some text
# got past the escaping.
POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"


def esc(text: object) -> str:
    """Text for HTML: every control and invisible character shown as '?', markup escaped,
    and `#` written as `&#35;` so that no line of the file can be read by a CI runner as a
    workflow command (`##[error]`): the page shows the same text."""
    parts = plain(text).replace("\n", " ").split("#")  # before the escapes, which hold `#`
    return "&#35;".join(html_.escape(part, quote=True) for part in parts)


def _html_inline(pieces: Inline) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, str):
            out.append(esc(piece))
        elif isinstance(piece, Strong):
            out.append(f"<strong>{esc(piece.text)}</strong>")
        elif isinstance(piece, Link):
            url = plain(piece.url)
            if url.startswith(("https://", "http://")):
                out.append(f'<a href="{esc(url)}">{esc(url)}</a>')
            else:  # not an address a reader may follow: shown, not linked
                out.append(esc(url))
        elif isinstance(piece, Marks):
            links = "".join(f'<a href="#note-{n}">[{n}]</a>' for n in piece.numbers)
            out.append(f'<sup class="marks">{links}</sup>')
        else:
            out.append("<br>")
    return "".join(out)


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        level = min(max(block.level, 1), 6)
        anchor = f' id="{esc(block.anchor)}"' if block.anchor else ""
        return f"<h{level}{anchor}>{_html_inline(block.text)}</h{level}>"
    if isinstance(block, Para):
        role = f' class="{esc(block.role)}"' if block.role else ""
        return f"<p{role}>{_html_inline(block.text)}</p>"
    if isinstance(block, Table):
        head = "".join(f'<th scope="col">{esc(h)}</th>' for h in block.headers)
        rows = []
        for row in block.rows:
            cells = [f"<td>{esc(c)}</td>" for c in row]
            if block.labelled and row:
                cells[0] = f'<th scope="row">{esc(row[0])}</th>'
            rows.append("<tr>" + "".join(cells) + "</tr>")
        return "\n".join(
            ["<table>", f"<thead><tr>{head}</tr></thead>", "<tbody>", *rows, "</tbody>", "</table>"]
        )
    if isinstance(block, Items):
        items = [f"<li>{_html_inline(item)}</li>" for item in block.items]
        return "\n".join(["<ul>", *items, "</ul>"])
    notes = [
        f'<li id="note-{n}">{_html_inline(note)}</li>' for n, note in enumerate(block.notes, 1)
    ]
    return "\n".join(['<ol class="notes">', *notes, "</ol>"])


def html(blocks: list[Block], title: str, lang: str = "en") -> str:
    """The blocks as one HTML page that needs nothing else: no font, style sheet, script
    or picture from anywhere, and a policy that forbids fetching any."""
    body = "\n".join(_html_block(b) for b in blocks)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="sovcloud {esc(__version__)}">\n'
        f"<title>{esc(title)}</title>\n"
        f"<style>\n{STYLE}</style>\n"
        "</head>\n"
        "<body>\n<main>\n"
        f"{body}\n"
        "</main>\n</body>\n</html>\n"
    )
