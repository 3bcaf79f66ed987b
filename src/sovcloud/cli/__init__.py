"""Command-line wiring: parse options, call a query, hand the result to a renderer.

One module per group of commands, each registering its commands on the shared app when
imported. `main` imports only the module of the command being run: Typer builds every
registered command's parameters on each start, which cost more than the command itself.
`app` (for tests and completion) is the app with every command.
"""

from __future__ import annotations

import errno
import importlib
import os
import sys
from typing import Annotated, Any

import typer

from sovcloud import __version__
from sovcloud.cli.common import app as _app
from sovcloud.cli.common import pager_off, register_only

# Command name -> the module under sovcloud.cli that defines it, in the order `--help`
# lists them (groups, such as export and new, come after the commands).
COMMANDS = {
    "validate": "check",
    "schema": "check",
    "dossier": "dossier",
    "assess": "assess",
    "match": "match",
    "changes": "changes",
    "stale": "stale",
    "providers": "providers",
    "show": "show",
    "timeline": "timeline",
    "search": "search",
    "compare": "compare",
    "schemes": "schemes",
    "tags": "schemes",
    "stats": "stats",
    "export": "export",
    "new": "new",
}

__all__ = ["COMMANDS", "app", "main"]


def _load(modules: set[str]) -> None:
    """Import these command modules, in the order of COMMANDS: the order of registration
    is the order of `--help`."""
    for module in dict.fromkeys(COMMANDS.values()):
        if module in modules:
            importlib.import_module(f"sovcloud.cli.{module}")


def __getattr__(name: str) -> Any:
    if name == "app":
        _load(set(COMMANDS.values()))
        return _app
    raise AttributeError(name)


def _version_callback(value: bool) -> None:
    if value:
        print(f"sovcloud {__version__}")
        print(_data_line())
        raise typer.Exit()


def _data_line() -> str:
    """Which data sovcloud reads, and the day it was last reviewed."""
    from sovcloud.cli.common import open_index
    from sovcloud.errors import SovcloudError

    try:
        index = open_index(None, quick=True)
    except SovcloudError as exc:
        return f"data: none usable ({exc})"
    return f"data: {index.data_dir}, reviewed up to {index.data_date() or 'unknown'}"


@_app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and the data it reads (folder, last review), then exit.",
        ),
    ] = False,
    no_pager: Annotated[
        bool,
        typer.Option(
            "--no-pager",
            help="Never page long output on a terminal ($PAGER, less), whatever the command.",
        ),
    ] = False,
) -> None:
    """A sourced, queryable knowledge base of the sovereign cloud market, starting in France."""
    if no_pager:
        pager_off()


def main() -> None:
    """Console-script entry point: never a traceback. A failure to write the output (a full
    device, a closed pipe) and any other error end in one line on stderr and exit 1."""
    try:
        _main()
        _flush()
    except SystemExit as done:
        _flush()
        raise done from None
    except OSError as exc:
        if exc.filename is None and exc.errno in _OUTPUT_ERRNOS:
            _output_failed(exc)
        _last_words(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc))
    except Exception as exc:
        if os.environ.get("SOVCLOUD_DEBUG"):
            raise
        _last_words(
            f"unexpected {type(exc).__name__}: {exc} (a bug: please report it; "
            "SOVCLOUD_DEBUG=1 shows where)"
        )


# What writing to stdout fails with: a full device, a closed pipe, a quota, an I/O error.
_OUTPUT_ERRNOS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EDQUOT, errno.EFBIG}


def _flush() -> None:
    """Write out what stdout still holds, or fail as _output_failed does."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        _output_failed(exc)


def _output_failed(exc: OSError) -> None:
    """Standard output cannot be written: say so once (a closed pipe says nothing: its
    reader is gone on purpose) and exit 1, with nothing left for Python to flush at exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    if exc.errno != errno.EPIPE:
        _last_words(f"cannot write the output: {exc.strerror or exc}")
    raise SystemExit(1)


def _last_words(message: str) -> None:
    """One line on stderr (if it can be written at all), then exit 1."""
    from sovcloud.render.terminal import log_safe, plain

    try:
        sys.stderr.write(log_safe(f"error: {plain(message)}\n"))
        sys.stderr.flush()
    except (OSError, ValueError):
        pass
    raise SystemExit(1)


def _main() -> None:
    command = next((arg for arg in sys.argv[1:] if not arg.startswith("-")), None)
    wanted = COMMANDS.get(command or "")
    # Completion and help at the top need every command; so does a mistyped name, so that
    # the error can suggest the right one.
    complete = any(k.startswith("_SOVCLOUD_COMPLETE") for k in os.environ)
    if wanted and not complete:
        register_only(command)
        _load({wanted})
    else:
        _load(set(COMMANDS.values()))
    _app()
