"""The terminal: consoles, safe text and one-line error messages.

Record text is data, never markup: everything shown goes through `plain`, which removes
control and escape characters, and is handed to Rich as `Text`, never parsed as markup.
Whatever reaches stdout or stderr as text for people also goes through `log_safe`: a CI
runner reads the log line by line, and data text must never form one of its commands.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from typing import TYPE_CHECKING, Any, TextIO

from sovcloud.charsets import CONTROL, INVISIBLE, SURROGATES, members

if TYPE_CHECKING:
    from rich.console import Console

# C0/C1 controls (ESC included), DEL, and the invisible or ignorable characters the models
# refuse in records (sovcloud.charsets: bidi controls, zero-width characters, Hangul fillers,
# variation selectors, noncharacters...): they could move the cursor, change colours, open
# hyperlinks or hide text. Newlines are kept where text may span lines. Lone surrogates
# (file names that are not UTF-8) cannot even be written out. The pattern is compiled only
# when needed: compiling it is a hundredth of a command's start-up.
UNSAFE_CHARACTERS = f"[{CONTROL}{INVISIBLE}{SURROGATES}]"


@functools.cache
def unsafe() -> re.Pattern[str]:
    return re.compile(UNSAFE_CHARACTERS)


# Above this many characters, a set test (once the set is built, a few milliseconds) costs
# less than the pattern's scan; below, building the set would cost more than it saves.
_PAGE = 50_000


@functools.cache
def _unsafe_set() -> frozenset[str]:
    return members(UNSAFE_CHARACTERS[1:-1])


def plain(text: object) -> str:
    """Text with every control, escape and invisible character replaced by a visible '?'."""
    text = str(text)
    if text.isascii() and text.isprintable():
        return text  # the common case, without the pattern
    if len(text) > _PAGE and _unsafe_set().isdisjoint(text):
        return text.replace("\t", " ")  # accents, dashes, rules: a whole page at once
    return unsafe().sub("?", text).replace("\t", " ")


# What a CI runner obeys in a log line: GitHub Actions runs a line whose text, once leading
# white space is trimmed, starts with `::` (`::error::`, `::add-mask::`), and, in its legacy
# form, a line holding `##[` anywhere (`##[set-output name=x;]`), as Azure Pipelines does
# `##vso[` and TeamCity `##teamcity[`. A line ends at a newline or a carriage return.
_COMMAND = r"(?:(?:^|(?<=[\n\r]))[^\S\n\r]*::|##[A-Za-z]*\[)"


@functools.cache
def _command() -> re.Pattern[str]:
    return re.compile(_COMMAND)


def command_like(text: str) -> bool:
    """Whether a CI runner could read part of `text` as a workflow command."""
    return ("::" in text or "##" in text) and _command().search(text) is not None


def log_safe(text: str, line_so_far: str = "") -> str:
    """`text` with a backslash inside every run of characters that a CI runner would read as
    a workflow command (`\\::error::`, `#\\#[`): shown as written, obeyed by none.

    `line_so_far` is what was already written of the current line, when `text` continues
    it: a command may start there and end here, and the backslash then goes in `text`.
    """
    if "::" not in text and "##" not in text and not line_so_far:
        return text
    full = line_so_far + text
    offset = len(line_so_far)
    pieces = []
    last = offset
    for found in _command().finditer(full):
        if found.end() <= offset:
            continue  # written already, and made safe then
        if found.group().endswith("::"):
            cut = max(found.end() - 2, offset)  # before the colons: `\::error::`
        else:
            cut = max(found.start() + 1, offset)  # between the signs: `#\#[`
        pieces.append(full[last:cut])
        pieces.append("\\")
        last = cut
    if not pieces:
        return text
    pieces.append(full[last:])
    return "".join(pieces)


class LogSafeStream:
    """A text stream that writes through `log_safe`, remembering the current line so that a
    command split across two writes is caught too. What Rich consoles write to."""

    def __init__(self, stream: TextIO):
        self._stream = stream
        self._line = ""

    def write(self, text: str) -> int:
        safe = log_safe(text, self._line)
        ends = max(safe.rfind("\n"), safe.rfind("\r"))
        self._line = safe[ends + 1 :] if ends >= 0 else self._line + safe
        self._stream.write(safe)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    @property
    def shows_links(self) -> bool | None:
        return getattr(self._stream, "shows_links", None)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def write_out(text: str, stderr: bool = False) -> None:
    """Text for people (or a log) on stdout or stderr, with no workflow command in it."""
    (sys.stderr if stderr else sys.stdout).write(log_safe(text))


# The width of output going neither to a terminal nor where one can be measured (CI logs,
# cron mail): wide enough for every column of the tables (markup.NARROW).
DEFAULT_WIDTH = 100


def _columns() -> int | None:
    """$COLUMNS when it is a usable width."""
    value = os.environ.get("COLUMNS", "")
    return int(value) if value.isdigit() and int(value) > 0 else None


def _terminal_width(stream: TextIO) -> int | None:
    """The width of the terminal behind `stream`, if it is one."""
    try:
        return os.get_terminal_size(stream.fileno()).columns or None
    except (AttributeError, ValueError, OSError):  # no descriptor, closed, not a terminal
        return None


def output_width(stream: TextIO) -> int | None:
    """The width to lay `stream`'s text out to: $COLUMNS when set; on a terminal, None (Rich
    measures it, and follows a resized window); in a pipe or a file, the width of the
    terminal behind stderr, where the person who typed the command is (`| head`, `| less`,
    `> list.txt`); else DEFAULT_WIDTH."""
    columns = _columns()
    if columns is not None:
        return columns
    if stream.isatty():
        return None
    return _terminal_width(sys.stderr) or DEFAULT_WIDTH


def console(stderr: bool = False) -> Console:
    """A Rich console; plain text when NO_COLOR is set or the stream is not a terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    no_color = bool(os.environ.get("NO_COLOR"))
    return Console(
        file=LogSafeStream(stream),  # type: ignore[arg-type]
        no_color=no_color,
        highlight=False,
        emoji=False,
        markup=False,
        width=output_width(stream),
        soft_wrap=False,
    )


def hyperlinks(console: Console) -> bool:
    """Whether links may be written as OSC 8 hyperlinks (the address stays the visible text):
    only where colour shows on a terminal a person reads, or a page or picture drawn from
    one. Never in a pipe or a file, not even under FORCE_COLOR (the escapes would end up in
    what a program reads), nor with NO_COLOR or on a dumb terminal."""
    if console.no_color or console.color_system is None:  # NO_COLOR, TERM=dumb, a pipe
        return False
    # What the output goes to may say itself whether it shows links: the pager, a picture.
    shows = getattr(console.file, "shows_links", None)
    if shows is not None:
        return bool(shows)
    if os.environ.get("TTY_COMPATIBLE") == "1":  # Rich's way of saying "this is a terminal"
        return True
    try:
        return console.file.isatty()
    except ValueError:  # closed
        return False


def error(message: str, label: str = "error") -> None:
    """One clear line on stderr."""
    from rich.text import Text

    err = console(stderr=True)
    # Whole, however narrow the terminal or piped stderr: a wrapped error line breaks grep
    # and CI annotations.
    err.print(Text(f"{label}: ", style="bold red") + Text(plain(message)), soft_wrap=True)


def warn(message: str, label: str = "warning") -> None:
    """A warning line on stderr."""
    from rich.text import Text

    err = console(stderr=True)
    err.print(Text(f"{label}: ", style="yellow") + Text(plain(message)), soft_wrap=True)
