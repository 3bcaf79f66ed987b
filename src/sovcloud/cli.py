"""Command-line wiring: parse options, call a query, hand the result to a renderer.

Only typer and the standard library are imported at the top: pydantic, yaml, rapidfuzz and
Rich's heavier parts load inside the commands that need them, so that start-up stays fast.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from sovcloud import __version__
from sovcloud.errors import SovcloudError

if TYPE_CHECKING:
    from sovcloud.index import Index

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
        help="Data directory holding providers/ and events/ (default: the bundled data).",
        show_default=False,
    ),
]


class Format(StrEnum):
    """Mirrors render.output.OutputFormat, which this module must not import at start-up."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    yaml = "yaml"


FormatOption = Annotated[
    Format,
    typer.Option("--format", "-f", help="table for people; json, csv, markdown or yaml."),
]
LangOption = Annotated[
    str | None,
    typer.Option(
        "--lang",
        envvar="SOVCLOUD_LANG",
        help="Language of record text: en or fr.",
        show_default=False,
    ),
]


def _partial_date(value: str | None) -> str | None:
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
        callback=_partial_date,
        metavar="DATE",
        help="From this year, month or day (2020, 2023-12, 2024-01-18).",
    ),
]
UntilOption = Annotated[
    str | None,
    typer.Option(
        "--until", callback=_partial_date, metavar="DATE", help="Up to this year, month or day."
    ),
]

F = TypeVar("F", bound=Callable[..., Any])
SORT_KEYS = ("name", "id", "country", "kind", "founded", "certifications")


def command(*args: Any, **kwargs: Any) -> Callable[[F], F]:
    """app.command, with domain errors turned into one red line and exit 1 in one place."""

    def register(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> Any:
            try:
                return fn(*a, **k)
            except SovcloudError as exc:
                _report(exc)
                raise typer.Exit(1) from None

        app.command(*args, **kwargs)(wrapper)
        return fn

    return register


def _report(exc: SovcloudError) -> None:
    from sovcloud.errors import DataError, NotFoundError
    from sovcloud.render.terminal import error

    error(str(exc))
    if isinstance(exc, NotFoundError) and exc.suggestions:
        from sovcloud.render.terminal import plain

        label = "candidates" if "several" in str(exc) else "nearest"
        sys.stderr.write(f"{label}: " + ", ".join(plain(s) for s in exc.suggestions) + "\n")
    if isinstance(exc, DataError):
        from sovcloud.render.terminal import plain

        for f in exc.findings[:10]:
            sys.stderr.write(plain(f"  {f.path}:{f.line}: {f.code} {f.message}") + "\n")


def _open(data: Path | None) -> Index:
    """The index of the chosen data directory; invalid data stops every query."""
    from sovcloud.errors import DataError
    from sovcloud.index import Index
    from sovcloud.paths import resolve_data_dir

    index = Index.open(resolve_data_dir(data), _today())
    if index.errors:
        raise DataError(index.errors)
    return index


def _emit(view: Any, format_: Format) -> None:
    from sovcloud.render.output import OutputFormat, emit

    emit(view, OutputFormat(format_.value))


class ValidateFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


def _today() -> dt.date:
    override = os.environ.get("SOVCLOUD_TODAY")  # lets tests and reviews pin "today"
    return dt.date.fromisoformat(override) if override else dt.date.today()


def _version_callback(value: bool) -> None:
    if value:
        print(f"sovcloud {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_version_callback,
            is_eager=True,
            help="Print the version and exit.",
        ),
    ] = False,
) -> None:
    """A sourced, queryable knowledge base of the sovereign cloud market, starting in France."""


@command()
def validate(
    directory: Annotated[
        Path | None,
        typer.Argument(
            help="Data directory to check (default: --data, $SOVCLOUD_DATA, or the bundled data).",
            show_default=False,
        ),
    ] = None,
    data: DataOption = None,
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as errors.")] = False,
    format_: Annotated[
        ValidateFormat, typer.Option("--format", "-f", help="Output for people or machines.")
    ] = ValidateFormat.text,
    max_age: Annotated[
        int | None,
        typer.Option(
            "--max-age", min=0, help="Warn about records not reviewed for DAYS.", metavar="DAYS"
        ),
    ] = None,
) -> None:
    """Check every data file and report all problems, each with file:line and a check code.

    Exit 0 when the data is valid, 1 when not.

    Examples:

      sovcloud validate

      sovcloud validate ./data --strict

      sovcloud validate --format github
    """
    from sovcloud.index import Index
    from sovcloud.paths import resolve_data_dir
    from sovcloud.render.findings import render_findings

    data_dir = resolve_data_dir(directory or data)
    index = Index.open(data_dir, _today(), max_age_days=max_age)
    render_findings(index, format_.value)
    failing = index.errors or (strict and index.warnings)
    raise typer.Exit(1 if failing else 0)


@command()
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(help="providers or events (default: both, keyed by kind)."),
    ] = None,
) -> None:
    """Print the JSON Schema of the records, for editors and other validators.

    Examples:

      sovcloud schema

      sovcloud schema providers > provider.schema.json
    """
    import json

    from sovcloud.models import json_schemas

    schemas = json_schemas()
    if kind is None:
        document: object = schemas
    elif kind in schemas:
        document = schemas[kind]
    else:
        raise typer.BadParameter("choose providers or events", param_hint="KIND")
    sys.stdout.write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


PROVIDER_KINDS = (
    "cloud-provider",
    "hyperscaler",
    "joint-venture",
    "hosting",
    "integrator",
    "software-vendor",
    "telecom-operator",
    "other",
)
EVENT_KINDS = (
    "certification",
    "contract",
    "partnership",
    "acquisition",
    "announcement",
    "launch",
    "regulation",
    "report",
    "court-decision",
    "statement",
    "tender",
    "funding",
    "incident",
    "other",
)


def _choices(allowed: tuple[str, ...]) -> Callable[[list[str] | None], list[str]]:
    def check(values: list[str] | None) -> list[str]:
        for value in values or []:
            if value not in allowed:
                raise typer.BadParameter(f"{value!r} is not one of: {', '.join(allowed)}")
        return values or []

    return check


@command()
def providers(
    secnumcloud: Annotated[
        bool, typer.Option("--secnumcloud", help="Holds a current SecNumCloud qualification.")
    ] = False,
    hds: Annotated[bool, typer.Option("--hds", help="Holds a current HDS certification.")] = False,
    cert: Annotated[
        list[str] | None,
        typer.Option(
            "--cert", metavar="SCHEME", help="Holds this scheme (repeatable): iso-27001, bsi-c5..."
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option("--country", metavar="CODE", help="ISO country code (repeatable)."),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            callback=_choices(PROVIDER_KINDS),
            help="cloud-provider, hyperscaler, joint-venture, hosting... (repeatable).",
        ),
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option(
            "--status",
            callback=_choices(("active", "announced", "merged", "closed")),
            help="active, announced, merged or closed (repeatable).",
        ),
    ] = None,
    owner: Annotated[
        str | None, typer.Option("--owner", help="Owned by (fuzzy): 'Orange', 'Dassault'.")
    ] = None,
    include_pending: Annotated[
        bool,
        typer.Option(
            "--include-pending",
            help="Also list providers whose certification is only in progress "
            "or announced, marked PENDING.",
        ),
    ] = False,
    sort: Annotated[
        str,
        typer.Option(
            "--sort",
            callback=lambda v: _choices(SORT_KEYS)([v])[0],
            help="name, id, country, kind, founded or certifications.",
        ),
    ] = "name",
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """List providers; filters combine.

    Examples:

      sovcloud providers --secnumcloud

      sovcloud providers --hds --country FR --sort country

      sovcloud providers --owner Orange --format json | jq '.[].id'
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import ProviderFilter, list_providers
    from sovcloud.render.views import ProvidersView

    index = _open(data)
    flt = ProviderFilter(
        secnumcloud=secnumcloud,
        hds=hds,
        certs=cert or [],
        countries=country or [],
        kinds=kind or [],
        statuses=status or [],
        owner=owner,
        include_pending=include_pending,
        sort=sort,
    )
    rows = list_providers(index, flt, _today())
    _emit(ProvidersView(rows, _today(), current_lang(lang)), format_)


@command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            help="Id, name or alias of a provider or event; "
            "accents, case and small typos are forgiven."
        ),
    ],
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Everything known about one provider or event, with numbered sources.

    Examples:

      sovcloud show numspot

      sovcloud show "Thésée"

      sovcloud show s3ns --format markdown > s3ns.md
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import event_detail, provider_detail, resolve
    from sovcloud.render.views import EventView, ProviderView

    index = _open(data)
    found = resolve(index, name)
    view: Any
    if found.folder == "providers":
        view = ProviderView(provider_detail(index, found.id), _today(), current_lang(lang))
    else:
        view = EventView(event_detail(index, found.id), current_lang(lang))
    _emit(view, format_)


@command()
def timeline(
    since: SinceOption = None,
    until: UntilOption = None,
    provider: Annotated[
        list[str] | None,
        typer.Option(
            "--provider", metavar="NAME", help="Events naming this provider (repeatable, fuzzy)."
        ),
    ] = None,
    tag: Annotated[
        list[str] | None,
        typer.Option(
            "--tag", help="Events with this tag (repeatable): health-data-hub, secnumcloud..."
        ),
    ] = None,
    kind: Annotated[
        list[str] | None,
        typer.Option(
            "--kind",
            callback=_choices(EVENT_KINDS),
            help="certification, contract, report, statement... (repeatable).",
        ),
    ] = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Events in date order, each at its own precision; expected ones are marked.

    Examples:

      sovcloud timeline --since 2020

      sovcloud timeline --tag health-data-hub --reverse

      sovcloud timeline --provider numspot --since 2023-06 --format csv
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import TimelineFilter
    from sovcloud.query import timeline as query_timeline
    from sovcloud.render.views import TimelineView

    index = _open(data)
    flt = TimelineFilter(
        since=since,
        until=until,
        providers=provider or [],
        tags=tag or [],
        kinds=kind or [],
        reverse=reverse,
    )
    events = query_timeline(index, flt)
    names = {p["id"]: p["name"] for p in index.providers()} if events else {}
    _emit(TimelineView(events, names, current_lang(lang)), format_)


@command()
def search(
    text: Annotated[str, typer.Argument(help="Words to look for; spelling is forgiven.")],
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="At most this many.")] = 20,
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Fuzzy search over providers (names, aliases, owners, offers) and events.

    Examples:

      sovcloud search "health data hub"

      sovcloud search orange

      sovcloud search secnumcloud --limit 5 --format json
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import search as query_search
    from sovcloud.render.views import SearchView

    index = _open(data)
    _emit(SearchView(query_search(index, text, limit=limit, lang=current_lang(lang))), format_)


@command()
def compare(
    names: Annotated[list[str], typer.Argument(help="Two or more providers (id, name, alias).")],
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Providers side by side: country, owners, licensed technology, certifications.

    Examples:

      sovcloud compare bleu s3ns numspot

      sovcloud compare ovhcloud outscale --format markdown
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import compare as query_compare
    from sovcloud.render.views import CompareView

    if len(names) < 2:
        raise typer.BadParameter("name at least two providers", param_hint="NAMES")
    index = _open(data)
    _emit(CompareView(query_compare(index, names), _today(), current_lang(lang)), format_)


def main() -> None:
    """Console-script entry point."""
    app()
