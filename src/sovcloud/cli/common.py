"""What every command shares: the app, the recurring options, the error boundary.

Only typer and the standard library are imported at the top: pydantic, yaml, rapidfuzz and
Rich's heavier parts load inside the commands that need them, so that start-up stays fast.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from sovcloud.cli import completion
from sovcloud.errors import SovcloudError
from sovcloud.render.formats import FORMAT_HELP, OutputFormat
from sovcloud.vocabulary import EVENT_KINDS

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.query import TimelineFilter


def _usage_metavar(self: typer.core.TyperArgument, ctx: Any, *, usage: bool = False) -> str:
    """A required argument as NAME in usage lines, as the help text names it, rather than
    Typer's {NAME}, which reads like a placeholder to fill in with braces."""
    text = _typer_metavar(self, ctx, usage=usage)
    if text.startswith("{") and "}" in text:
        inner, rest = text[1:].split("}", 1)
        return (inner if self.metavar else inner.upper()) + rest
    return text


_typer_metavar = typer.core.TyperArgument.make_metavar
typer.core.TyperArgument.make_metavar = _usage_metavar  # type: ignore[method-assign]

app = typer.Typer(
    name="sovcloud",
    help="A sourced, queryable knowledge base of the sovereign cloud market, starting in France.",
    no_args_is_help=True,
    add_completion=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DataOption = Annotated[
    Path | None,
    typer.Option(
        "--data",
        envvar="SOVCLOUD_DATA",
        metavar="DIR",
        help="Data directory holding providers/ and events/ (default: the bundled data).",
        show_default=False,
    ),
]


# The one declaration of the output formats (standard library only, cheap at start-up).
Format = OutputFormat

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help=FORMAT_HELP)]


def _language(value: str | None) -> str | None:
    """--lang en or fr; anything else is refused (exit 2) rather than silently English."""
    if value is None or value.lower() in ("en", "fr"):
        return value
    raise typer.BadParameter(f"{value!r} is not a language sovcloud speaks: choose en or fr")


LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="SOVCLOUD_LANG",
        metavar="LANG",
        callback=_language,
        autocompletion=completion.languages,
        help="Language of record text and labels: en or fr.",
        show_default=False,
    ),
]


def partial_date(value: str | None) -> str | None:
    if value is None:
        return None
    from sovcloud.dates import parse_partial

    try:
        return parse_partial(value)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None


SinceOption = Annotated[
    str | None,
    typer.Option(
        "--since",
        callback=partial_date,
        metavar="DATE",
        help="From this year, month or day (2020, 2023-12, 2024-01-18).",
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", callback=partial_date, metavar="DATE", help="Up to this year, month or day."
    ),
]

AsOfOption = Annotated[
    dt.datetime | None,
    typer.Option(
        "--as-of",
        formats=["%Y-%m-%d"],
        metavar="DAY",
        help="The market as it stood that day (2021-01-01): qualifications then valid, "
        "owners then holding.",
    ),
]


def day(value: dt.datetime | None) -> dt.date | None:
    """The day of an --as-of option."""
    return value.date() if value else None


F = TypeVar("F", bound=Callable[..., Any])

# Bounds of numeric options, so that a number beyond them is a usage error, not an overflow:
# a record's age in days (dates start in 1800), how many results to list.
MAX_AGE_DAYS = 100_000
MAX_LIMIT = 1_000_000


# When set, only the command of that name registers itself: Typer builds the parameters of
# every registered command on each start, which costs more than running one of them.
_only: str | None = None


def register_only(name: str | None) -> None:
    """Register just this command from now on (None: every command)."""
    global _only
    _only = name


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """app.command, with domain errors turned into one red line and exit 1 in one place."""

    def register(fn: F) -> F:
        name = args[0] if args else kwargs.get("name") or fn.__name__.strip("_").replace("_", "-")
        if _only is None or name == _only:
            app.command(*args, **kwargs)(boundary(fn))
        return fn

    return register


def boundary(fn: F) -> F:
    """The command, with domain errors turned into one red line on stderr and exit 1."""

    @functools.wraps(fn)
    def wrapper(*a: Any, **k: Any) -> Any:
        try:
            return fn(*a, **k)
        except SovcloudError as exc:
            report(exc, k.get("lang"))
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def report(exc: SovcloudError, lang: str | None = None) -> None:
    """One red line on stderr, in the user's language, then any suggestions or findings."""
    from sovcloud.errors import DataError, NotFoundError
    from sovcloud.i18n import current_lang, t
    from sovcloud.render.terminal import error

    chosen = current_lang(lang)
    error(exc.localized(chosen), t("error", chosen))
    if isinstance(exc, NotFoundError) and exc.suggestions:
        from sovcloud.render.terminal import plain, write_out

        label = t("candidates" if "several" in exc.template else "nearest", chosen)
        write_out(f"{label}: " + ", ".join(plain(s) for s in exc.suggestions) + "\n", True)
    if isinstance(exc, DataError):
        from sovcloud.render.terminal import plain, write_out

        for f in exc.findings[:10]:
            write_out(plain(f"  {f.path}:{f.line}: {f.code} {f.message}") + "\n", True)


def open_index(
    data: Path | None,
    *,
    quick: bool = False,
    use_cache: bool | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> "Index":
    """The index of the chosen data directory; invalid data stops every query."""
    from sovcloud.errors import DataError
    from sovcloud.index import Index
    from sovcloud.paths import resolve_data_dir

    index = Index.open(
        resolve_data_dir(data), today(), quick=quick, use_cache=use_cache, progress=progress
    )
    untrusted(index)
    if index.errors:
        raise DataError(index.errors)
    return index


T = TypeVar("T")


def answer(data: Path | None, question: Callable[["Index"], T]) -> T:
    """Ask the index a question; if a quick index served a file changed since it was read,
    bring the index up to date and ask again, so that nothing shown is stale. An index found
    damaged while answering is set aside, and the files answer instead."""
    import sqlite3

    from sovcloud.index import IndexDamaged

    def ask(index: "Index") -> T:
        from sovcloud.core import schemes

        # The schemes the data defines decide how every certification is shown and judged.
        schemes.use(index.schemes())
        return question(index)

    index = open_index(data, quick=True)
    try:
        result = ask(index)
        if not index.verify_served():
            index = open_index(data)
            result = ask(index)
    except (IndexDamaged, sqlite3.DatabaseError) as exc:
        index.set_aside()
        if isinstance(exc, IndexDamaged):
            index.untrusted = f"{index.cache_path} {exc}"
            untrusted(index)
        index = open_index(data, use_cache=False)
        result = ask(index)
    _warn_if_old(index)
    return result


_warned: set[str] = set()


def untrusted(index: "Index") -> None:
    """One line on stderr, once a run, when the index cache was set aside for want of
    trust: the answers come from the files all the same."""
    if index.untrusted and "said" not in _warned:
        from sovcloud.render.terminal import warn

        _warned.add("said")
        warn(f"the index cache is not used: {index.untrusted}; answering from the files")


# Past this many days, the data installed with sovcloud is said to be old.
OLD_DATA_DAYS = 90


def _warn_if_old(index: "Index") -> None:
    """One line on stderr when the data installed with the package was last reviewed long
    ago: registers move monthly, and a buyer must know the answer may be stale."""
    from sovcloud.paths import bundled_data_dir

    if index.data_dir != bundled_data_dir():
        return  # a checkout or a data repository: its owner knows how fresh it is
    reviewed = index.data_date()
    if reviewed is None:
        return
    age = (today() - dt.date.fromisoformat(reviewed)).days
    if age > OLD_DATA_DAYS:
        from sovcloud.render.terminal import warn

        warn(
            f"the data installed with sovcloud was last reviewed on {reviewed}, {age} days "
            "ago: registers have moved since. Use a newer release (pip install -U sovcloud) "
            "or a data checkout (--data DIR)."
        )


NoPagerOption = Annotated[
    bool,
    typer.Option(
        "--no-pager",
        help="Print straight to the terminal, even when the output is longer than the "
        "screen (default: $SOVCLOUD_PAGER, $PAGER or less -FRX).",
    ),
]

# `sovcloud --no-pager COMMAND`: no pager for this run, whatever the command.
_pager_off = False


def pager_off() -> None:
    """No command of this run pages its output (the global --no-pager)."""
    global _pager_off
    _pager_off = True


def emit_view(view: Any, format_: OutputFormat, pager: bool = False) -> None:
    """The view on stdout in its format; through the pager, when asked, on a terminal."""
    from sovcloud.render.output import emit
    from sovcloud.render.pager import paged

    with paged(pager and not _pager_off):
        emit(view, format_)


def today() -> dt.date:
    """Today, or $SOVCLOUD_TODAY when set (tests and reviews pin it); a value that is not a
    day is a usage error (exit 2)."""
    override = os.environ.get("SOVCLOUD_TODAY")
    if not override:
        return dt.date.today()
    if len(override) == 10 and override.isascii():
        try:
            return dt.date.fromisoformat(override)
        except ValueError:
            pass
    raise typer.BadParameter(
        f"SOVCLOUD_TODAY={override[:40]!r} is not a day: write it as 2026-11-24, or unset it"
    )


def choices(allowed: tuple[str, ...]) -> Callable[[list[str] | None], list[str]]:
    """A callback refusing values outside `allowed` (exit 2, the values listed)."""

    def check(values: list[str] | None) -> list[str]:
        for value in values or []:
            if value not in allowed:
                raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}")
        return values or []

    return check


# The timeline's filters, shared by `timeline` and the calendar and feed exports.
ProviderFilterOption = Annotated[
    list[str] | None,
    typer.Option(
        "--provider",
        metavar="NAME",
        help="Events naming this provider (repeatable, fuzzy).",
        autocompletion=completion.provider_names,
    ),
]
TagOption = Annotated[
    list[str] | None,
    typer.Option(
        "--tag",
        metavar="TAG",
        help="Events with this tag (repeatable): health-data-hub, secnumcloud...",
        autocompletion=completion.tags,
    ),
]
KindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        callback=choices(EVENT_KINDS),
        autocompletion=completion.among(EVENT_KINDS),
        help="certification, contract, report, statement... (repeatable).",
    ),
]


def timeline_filter(
    since: str | None,
    until: str | None,
    provider: list[str] | None,
    tag: list[str] | None,
    kind: list[str] | None,
    newest_first: bool,
) -> "TimelineFilter":
    """The timeline's filters, from the options above."""
    from sovcloud.query import TimelineFilter

    return TimelineFilter(
        since=since,
        until=until,
        providers=provider or [],
        tags=tag or [],
        kinds=kind or [],
        reverse=newest_first,
    )
