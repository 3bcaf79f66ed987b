"""The terminal: consoles, safe text and one-line error messages.

Record text is data, never markup: everything shown goes through `plain`, which removes
control and escape characters, and is handed to Rich as `Text`, never parsed as markup.
"""

from __future__ import annotations

import functools
import os
import re
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

# C0/C1 controls (ESC included), DEL, bidi controls and invisible characters (the set the
# models refuse in records): they could move the cursor, change colours, open hyperlinks or
# hide text. Newlines are kept where text may span lines. Lone surrogates (file names that
# are not UTF-8) cannot even be written out. Every one of them is a character Python does
# not count as printable (a test checks it), so printable text skips the pattern, which is
# compiled only when needed: compiling it is a hundredth of a command's start-up.
UNSAFE_CHARACTERS = (
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b\u200e\u200f\u2028\u2029"
    "\u202a-\u202e\u2060-\u2064\u2066-\u2069\ud800-\udfff\ufeff\ufff9-\ufffb"
    "\U000e0000-\U000e007f]"
)


@functools.cache
def unsafe() -> re.Pattern[str]:
    return re.compile(UNSAFE_CHARACTERS)


def plain(text: object) -> str:
    """Text with every control, escape and invisible character replaced by a visible '?'."""
    text = str(text)
    if text.isprintable():
        return text
    return unsafe().sub("?", text).replace("\t", " ")


def console(stderr: bool = False) -> Console:
    """A Rich console; plain text when NO_COLOR is set or the stream is not a terminal."""
    from rich.console import Console

    stream = sys.stderr if stderr else sys.stdout
    no_color = bool(os.environ.get("NO_COLOR"))
    width = None
    if not stream.isatty():
        width = int(os.environ.get("COLUMNS", "100") or 100)
    return Console(
        file=stream,
        no_color=no_color,
        highlight=False,
        emoji=False,
        markup=False,
        width=width,
        soft_wrap=False,
    )


def error(message: str, label: str = "error") -> None:
    """One clear line on stderr."""
    from rich.text import Text

    err = console(stderr=True)
    # Whole, however narrow the terminal or piped stderr: a wrapped error line breaks grep
    # and CI annotations.
    err.print(Text(f"{label}: ", style="bold red") + Text(plain(message)), soft_wrap=True)


def warn(message: str) -> None:
    """A warning line on stderr."""
    from rich.text import Text

    err = console(stderr=True)
    err.print(Text("warning: ", style="yellow") + Text(plain(message)), soft_wrap=True)
