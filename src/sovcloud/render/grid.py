"""A lean table and line renderer for long listings.

Rich's Table measures every cell several times, which takes seconds for thousands of rows;
listings here can hold tens of thousands. This lays out columns once, wraps words itself,
and hands Rich one Text to print (or writes plain text straight out when there is no
colour to show). Cells are text and a style, never markup.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple

from sovcloud.render.terminal import hyperlinks, plain

if TYPE_CHECKING:
    from rich.console import Console

Segment = tuple[str, str]  # (text, style)
Line = list[Segment]


class Column(NamedTuple):
    header: str
    wrap: bool = True  # False: never narrower than its longest line
    max_width: int = 60


Cell = tuple[str, str]  # text (may hold newlines) and its style


_ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789-")


def _unbreakable(word: str) -> bool:
    """A link or an id is never cut: a link broken across lines is a dead link once copied,
    and an id cut in two no longer finds its record (`sovcloud show ID`). An id is lower
    case ASCII letters and digits joined by hyphens (`2025-02-13-cnil-authorises-darwin-eu`)."""
    if word.startswith(("http://", "https://", "<http")):
        return True
    return "-" in word and _ID_CHARACTERS.issuperset(word) and word[0] != "-"


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap; words longer than the width are cut, except links and ids, which
    get a line of their own, whole, however long."""
    if len(text) <= width and "\n" not in text:
        return [text]
    paragraphs = text.split("\n")
    if max(map(len, paragraphs)) <= width:
        return paragraphs  # lines that each fit (a title and its id): kept as they are
    width = max(1, width)  # cutting to nothing would never end
    lines: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph) <= width:  # as a text that fits whole (above): kept as it is
            lines.append(paragraph)
            continue
        current = ""
        start = len(lines)
        for word in paragraph.split(" "):
            if len(word) > width and _unbreakable(word):
                if current:
                    lines.append(current)
                lines.append(word)
                current = ""
                continue
            while len(word) > width:
                if current:
                    lines.append(current)
                    current = ""
                lines.append(word[:width])
                word = word[width:]
            if not current:
                current = word
            elif len(current) + 1 + len(word) <= width:
                current += " " + word
            else:
                lines.append(current)
                current = word
        if current or len(lines) == start:  # no empty line after a word on its own line
            lines.append(current)
    return lines


def paragraph(text: str, style: str, width: int, indent: str = "", hang: str = "") -> list[Line]:
    """A text wrapped to `width`: first line after `indent`, the others after `hang`."""
    lines = wrap(text, max(20, width - max(len(indent), len(hang))))
    return [[(indent if i == 0 else hang, ""), (line, style)] for i, line in enumerate(lines)]


def _longest_line(texts: Iterable[str]) -> int:
    """The length of the longest line of these texts: a column's width before fitting, one
    pass per column (a listing of 16,000 events spent a sixth of its time here)."""
    best = 0
    for text in texts:
        n = len(text) if "\n" not in text else max(map(len, text.split("\n")))
        if n > best:
            best = n
    return best


def fit_widths(
    columns: list[Column], rows: list[list[Cell]], width: int, gap: str = "  "
) -> list[int]:
    """Column widths that fit `width`, taking from the widest wrapping column first."""
    count = len(columns)
    natural = [len(c.header) for c in columns]
    shortest = [len(c.header) for c in columns]
    for i, column in enumerate(columns):
        longest = _longest_line(row[i][0] for row in rows if i < len(row))
        natural[i] = max(natural[i], min(longest, column.max_width))
        if not column.wrap:
            shortest[i] = max(shortest[i], longest)
    widths = list(natural)
    for i, column in enumerate(columns):
        if column.wrap:
            shortest[i] = min(natural[i], max(shortest[i], 8))
    excess = sum(widths) + len(gap) * (count - 1) - width
    while excess > 0:
        candidates = [i for i in range(count) if widths[i] > shortest[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
        excess -= 1
    return widths


def _row_layout(wrapped: list[list[str]], widths: list[int], gap: str) -> list[list[str] | str]:
    """The physical lines of a row whose cells are wrapped: each either the cells' texts
    side by side, or, for a link or id wider than its column (wrap keeps them whole), a
    line of its own once the other cells have said what they had beside it: the word
    alone (indent included), at its column when it fits within the table's right edge,
    else further left, so that it is never cut and never runs past the table."""
    total = sum(widths) + len(gap) * (len(widths) - 1)
    queues = [list(cell) for cell in wrapped]
    out: list[list[str] | str] = []
    while any(queues):
        heads = [queue[0] if queue else "" for queue in queues]
        wide = {i for i, head in enumerate(heads) if len(head) > widths[i]}
        if not wide or any(head for i, head in enumerate(heads) if i not in wide):
            out.append(["" if i in wide else head for i, head in enumerate(heads)])
            for i, queue in enumerate(queues):
                if queue and i not in wide:
                    queue.pop(0)
            continue
        for i in sorted(wide):
            word = queues[i].pop(0)
            start = sum(widths[:i]) + len(gap) * i
            out.append(" " * max(0, min(start, total - len(word))) + word)
    return out


def _fits(wrapped: list[list[str]], widths: list[int]) -> bool:
    """Whether every line of every cell fits its column (only a link or id can not)."""
    return all(max(map(len, cell)) <= width for cell, width in zip(wrapped, widths, strict=True))


def row_lines(row: list[Cell], widths: list[int], gap: str = "  ") -> list[Line]:
    """The lines of one row, each cell wrapped to its column."""
    wrapped = [wrap(text, widths[i]) for i, (text, _) in enumerate(row)]
    out: list[Line] = []
    for parts in _row_layout(wrapped, widths, gap):
        if isinstance(parts, str):  # a link or id on a line of its own
            word = parts.lstrip(" ")
            style = next(row[i][1] for i, cell in enumerate(wrapped) if word in cell)
            out.append([(parts[: len(parts) - len(word)], ""), (word, style)])
            continue
        out.append(_join([(part, row[i][1]) for i, part in enumerate(parts)], widths, gap))
    return out


def row_text(row: list[Cell], widths: list[int], gap: str = "  ") -> list[str]:
    """The lines of one row as plain strings: row_lines without styles, for long listings
    written where colour does not show."""
    # Most cells fit their column whole: no call to wrap for them (a call per cell was a
    # quarter of a long listing's time).
    wrapped = [
        [text] if len(text) <= width and "\n" not in text else wrap(text, width)
        for (text, _), width in zip(row, widths, strict=True)
    ]
    height = max(len(cell) for cell in wrapped)
    line = _line_format(tuple(widths), gap)
    fits = _fits(wrapped, widths)
    if height == 1 and fits:
        return [line.format(*[cell[0] for cell in wrapped]).rstrip()]
    if not fits:
        return [
            parts if isinstance(parts, str) else line.format(*parts).rstrip()
            for parts in _row_layout(wrapped, widths, gap)
        ]
    for cell in wrapped:
        cell += [""] * (height - len(cell))
    return [line.format(*parts).rstrip() for parts in zip(*wrapped, strict=True)]


@functools.cache
def _line_format(widths: tuple[int, ...], gap: str) -> str:
    """A format that pads each cell to its column's width (never cuts): one call per line,
    where padding cell by cell took a third of a long listing's time."""
    return gap.join(f"{{:<{w}}}" for w in widths).replace("{:<0}", "{}")


def is_plain(console: Console) -> bool:
    """Whether output shows no colour: then text is written as is, without Rich."""
    return bool(console.no_color or not console.is_terminal)


def write_plain(console: Console, lines: list[str]) -> None:
    """Write plain lines, every control character made visible (the one door for text)."""
    console.file.write(plain("\n".join(lines)) + "\n")


def table_lines(
    columns: list[Column], rows: list[list[Cell]], width: int, gap: str = "  "
) -> list[Line]:
    """Lines of a table fitted to `width`: a header, a rule, then the rows."""
    widths = fit_widths(columns, rows, width, gap)
    out: list[Line] = [
        _join([(c.header, "bold") for c in columns], widths, gap),
        [(gap.join("─" * w for w in widths), "dim")],
    ]
    for row in rows:
        out.extend(row_lines(row, widths, gap))
    return out


def _join(cells: list[Segment], widths: list[int], gap: str) -> Line:
    """Cells padded to their columns' widths (the padding takes the cell's style)."""
    last = len(cells) - 1
    return [
        (text.ljust(widths[i]) + gap if i < last else text, style)
        for i, (text, style) in enumerate(cells)
    ]


LINK = "link"  # the style of a segment whose text is an address to make clickable
# What an address never holds (models refuse it): a link target holding one is not made.
_NOT_IN_LINK = frozenset(' \t\n<>"{}|\\^`')


def linked(lines: list[Line], url: str) -> list[Line]:
    """The lines with `url`, wherever a segment holds it whole (wrap never cuts a link),
    made a segment of its own in the LINK style, to be clickable where that is possible."""
    if not url:
        return lines
    out: list[Line] = []
    for line in lines:
        new: Line = []
        for text, style in line:
            before, found, after = text.partition(url)
            while found:
                if before:
                    new.append((before, style))
                new.append((url, LINK))
                before, found, after = after.partition(url)
            if before:
                new.append((before, style))
        out.append(new)
    return out


def print_lines(console: Console, lines: list[Line]) -> None:
    """Print the lines: as plain text when colour would not show, else as one Rich Text.

    Every segment goes through `plain` here, the one door to the screen, so that no
    record text can carry an escape sequence whatever the caller did.
    """
    if is_plain(console):
        write_plain(console, ["".join(t for t, _ in line).rstrip() for line in lines])
        return
    from rich.style import Style
    from rich.text import Text

    links = hyperlinks(console)
    rich_text = Text(no_wrap=True, overflow="ignore")
    for line in lines:
        for segment, style in line:
            shown = plain(segment)
            if style == LINK:
                # The link target is the text itself, built as a Style object (never parsed
                # from a string), and only for an http(s) address with nothing unsafe in it.
                safe = (
                    links
                    and shown == segment
                    and segment.startswith(("https://", "http://"))
                    and _NOT_IN_LINK.isdisjoint(segment)
                )
                rich_text.append(shown, style=Style(underline=True, link=segment if safe else None))
            else:
                rich_text.append(shown, style=style or None)
        rich_text.append("\n")
    console.print(rich_text, end="", soft_wrap=True)
