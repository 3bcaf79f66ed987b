"""Long output on a terminal goes through a pager, as git and gh do.

Only when stdout is a terminal: a pipe, a file or CI gets the output as it is. The output is
first gathered on a stand-in for the terminal (same width, colour and links); if it fits on
the screen it is written straight out, else it is handed to `$SOVCLOUD_PAGER`, else
`$PAGER`, else `less -FRX` (quit if it fits, keep colour, leave the text on the screen). An
empty pager or `cat` means none. A pager that cannot be started, or that its shell cannot
find, leaves the output printed as if there were none. Standard library only.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from collections.abc import Iterator
from typing import TextIO

DEFAULT = "less -FRX"
# A command holding these is run by the shell, as git does; any other is run directly.
_SHELL_SYNTAX = set("|&;<>()$`\\\"'*?[#~=%")
# What the shell answers for a command it cannot run (126) or find (127).
_NOT_RUN = (126, 127)
# The first `less` to show OSC 8 hyperlinks with -R (its version 566, 2020).
_LESS_WITH_LINKS = 566
_OSC8 = r"\x1b\]8;[^\x1b]*\x1b\\"  # compiled only when a pager runs


class Screen(io.StringIO):
    """Stands for the terminal while the output is gathered: what draws on it sees a
    terminal (colour, links, the terminal's own width) and writes into memory."""

    shows_links = True

    def __init__(self, terminal: TextIO):
        super().__init__()
        self._encoding = getattr(terminal, "encoding", None) or "utf-8"

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._encoding

    def isatty(self) -> bool:
        return True


def command() -> str | None:
    """The pager the user chose, or the default; None for none."""
    chosen = os.environ.get("SOVCLOUD_PAGER")
    if chosen is None:
        chosen = os.environ.get("PAGER")
    if chosen is None:
        if os.environ.get("TERM") == "dumb":
            return None  # a dumb terminal cannot show less's screen
        chosen = DEFAULT
    chosen = chosen.strip()
    return None if chosen in ("", "cat") else chosen


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


@contextlib.contextmanager
def paged(enabled: bool = True) -> Iterator[None]:
    """Gather what is written to stdout inside the block, then show it, through the pager
    when it is longer than the screen. Does nothing unless stdout is a terminal."""
    chosen = command() if enabled else None
    terminal = sys.stdout
    if chosen is None or not _is_terminal(terminal):
        yield
        return
    screen = Screen(terminal)
    sys.stdout = screen
    try:
        yield
    except BaseException:
        sys.stdout = terminal
        terminal.write(screen.getvalue())  # what was made before the failure, as it is
        raise
    sys.stdout = terminal
    show(screen.getvalue(), terminal, chosen)


def _rows(terminal: TextIO) -> int:
    try:
        return os.get_terminal_size(terminal.fileno()).lines
    except (AttributeError, ValueError, OSError):
        return 0


def show(text: str, terminal: TextIO, chosen: str) -> None:
    """The text on the terminal: straight out when it fits, else through the pager."""
    rows = _rows(terminal)
    if rows and text.count("\n") < rows:
        terminal.write(text)
        return
    import shlex
    import signal
    import subprocess  # only when a pager runs

    if any(char in _SHELL_SYNTAX for char in chosen):
        args = ["/bin/sh", "-c", chosen]
    else:
        args = shlex.split(chosen)
    if not _shows_links(args):
        text = re.sub(_OSC8, "", text)
    terminal.flush()
    environment = dict(os.environ)
    environment.setdefault("LESS", "FRX")  # as git: quit if it fits, colour, no clearing
    environment.setdefault("LV", "-c")  # lv: keep colour
    try:
        pager = subprocess.Popen(
            args,
            stdin=subprocess.PIPE,
            env=environment,
            encoding=getattr(terminal, "encoding", None) or "utf-8",
            errors="replace",
        )
    except OSError:  # no such program, not executable
        terminal.write(text)
        return
    assert pager.stdin is not None
    # Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        with contextlib.suppress(BrokenPipeError):  # the reader quit before the end
            pager.stdin.write(text)
        with contextlib.suppress(BrokenPipeError):
            pager.stdin.close()
        code = pager.wait()
    finally:
        signal.signal(signal.SIGINT, previous)
    if code in _NOT_RUN and args[0] == "/bin/sh":
        terminal.write(text)  # the shell could not run the pager: nothing was shown


def _shows_links(args: list[str]) -> bool:
    """Whether the pager passes OSC 8 hyperlinks through: `less` from version 566 does,
    with -R; others are not trusted to, and get the addresses as plain text."""
    if os.path.basename(args[0]) != "less":
        return False
    import subprocess

    try:
        done = subprocess.run(
            [args[0], "--version"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    found = re.match(r"less (\d+)", done.stdout)
    return found is not None and int(found.group(1)) >= _LESS_WITH_LINKS
