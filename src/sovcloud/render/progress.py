"""A progress bar for long work (reading thousands of data files), for a person only.

It is drawn on stderr, and only when stderr is a terminal: never in a pipe, a file or CI,
where it would be noise in a log. It appears only once there are enough files to read for
the wait to be noticed, and vanishes when the work is done, leaving the screen as it was.
`Index.open(progress=...)` takes the callback this yields.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

Callback = Callable[[int, int], None]
MIN_TOTAL = 500  # fewer files are read in well under a second: no bar


def wanted(stream: IO[str]) -> bool:
    """Whether a person is watching `stream`: a terminal, not CI, not a dumb terminal."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):  # no such method, or a closed stream
        return False
    return tty and not os.environ.get("CI") and os.environ.get("TERM") != "dumb"


class _Bar:
    """Started on the first report of enough work, so that quick work shows nothing."""

    def __init__(self, description: str, stream: IO[str], min_total: int):
        self.description = description
        self.stream = stream
        self.min_total = min_total
        self.progress: Progress | None = None
        self.task: TaskID | None = None

    def update(self, done: int, total: int) -> None:
        if self.progress is None:
            if total < self.min_total:
                return
            self._start(total)
        assert self.progress is not None and self.task is not None
        self.progress.update(self.task, completed=done, total=total)

    def _start(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        console = Console(file=self.stream, highlight=False, markup=False, emoji=False)
        self.progress = Progress(
            TextColumn("{task.description}", markup=False),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=console,
            transient=True,
        )
        self.progress.start()
        self.task = self.progress.add_task(self.description, total=total)

    def close(self) -> None:
        if self.progress is not None:
            self.progress.stop()


@contextlib.contextmanager
def progress_bar(
    description: str, *, stream: Any = None, min_total: int = MIN_TOTAL
) -> Iterator[Callback | None]:
    """A `progress(done, total)` callback drawing a bar on stderr, or None when nobody
    would see it (then the work skips reporting altogether)."""
    out = stream if stream is not None else sys.stderr
    if not wanted(out):
        yield None
        return
    bar = _Bar(description, out, min_total)
    try:
        yield bar.update
    finally:
        bar.close()
