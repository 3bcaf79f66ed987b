"""sovcloud export: the catalogue and the timeline in the formats other tools read.

Every export is written whole or not at all (sovcloud.atomic), refuses to replace an
existing file without --force, and prints nothing on stdout unless OUT is `-`.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from sovcloud.cli.common import (
    DataOption,
    KindOption,
    LangOption,
    ProviderFilterOption,
    SinceOption,
    TagOption,
    UntilOption,
    open_index,
    timeline_filter,
    today,
)
from sovcloud.cli.groups import group, subcommand

if TYPE_CHECKING:
    from sovcloud.index import Index

export_app = group(
    "export",
    """Write the catalogue or the timeline to a file other tools read.

    sqlite, json and csv hold every record; ics and atom hold the timeline, with the same
    filters as `sovcloud timeline`. A file is written whole or not at all, and an existing
    one is replaced only with --force.

    Examples:

      sovcloud export sqlite sovcloud.db && datasette sovcloud.db

      sovcloud export json - | jq '.providers | length'

      sovcloud export ics hdh.ics --tag health-data-hub
    """,
)

ForceOption = Annotated[bool, typer.Option("--force", help="Replace OUT if it already exists.")]


def _out(help_: str) -> Any:
    return typer.Argument(metavar="OUT", help=help_, show_default=False)


def _no_stdout(out: Path, what: str) -> None:
    if str(out) == "-":
        raise typer.BadParameter(f"{what} cannot be written to standard output", param_hint="OUT")


def _done(out: Path, counts: dict[str, int]) -> None:
    """What was written, on stderr: stdout stays for data."""
    shown = ", ".join(f"{n} {name}" for name, n in counts.items())
    sys.stderr.write(f"wrote {out}: {shown}\n")


def _emit(out: Path, body: bytes, force: bool, counts: dict[str, int]) -> None:
    """Bytes to stdout when OUT is `-`, else to the file, atomically."""
    if str(out) == "-":
        sys.stdout.flush()
        sys.stdout.buffer.write(body)
        sys.stdout.buffer.flush()
        return
    from sovcloud.atomic import write_bytes

    write_bytes(out, body, force=force)
    _done(out, counts)


def _read_index(data: Path | None) -> "Index":
    """common.open_index, with a progress bar on a terminal while files are read."""
    from sovcloud.core import schemes
    from sovcloud.render.progress import progress_bar

    with progress_bar("Reading data files") as progress:
        index = open_index(data, progress=progress)
    schemes.use(index.schemes())
    return index


def _standing(providers: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The providers with each certification's standing today, which the tables carry."""
    from sovcloud.core.certs import annotate

    on = today()
    return [annotate(p, on) for p in providers]


def _refuse_existing(out: Path, force: bool) -> None:
    """Fail before any work when OUT exists and --force was not given."""
    if str(out) != "-":
        from sovcloud.atomic import check_free

        check_free(out, force)


@subcommand(export_app, "sqlite")
def sqlite(
    out: Annotated[Path, _out("The database file to write.")],
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """A SQLite database: one table per kind of fact, with primary and foreign keys and
    full-text search, ready for Datasette, sqlite-utils or plain SQL.

    Tables: providers, owners, licences, offers, certifications, data_centres, events,
    event_providers, sources (with what each backs) and citations; providers_fts and
    events_fts search names, descriptions, titles and summaries.

    Examples:

      sovcloud export sqlite sovcloud.db

      sovcloud export sqlite sovcloud.db --force && datasette sovcloud.db

      sqlite-utils search sovcloud.db providers thesee
    """
    from sovcloud.export.database import write_database

    _no_stdout(out, "a database")
    _refuse_existing(out, force)
    index = _read_index(data)
    counts = write_database(out, _standing(index.providers()), index.events(), force=force)
    _done(out, {"providers": counts["providers"], "events": counts["events"]})


@subcommand(export_app, "json")
def json_(
    out: Annotated[Path, _out("The file to write, or - for standard output.")],
    force: ForceOption = False,
    data: DataOption = None,
) -> None:
    """One JSON document with every record: schema_version, then providers and events
    sorted by id, each as the JSON Schemas in schemas/ describe it.

    Examples:

      sovcloud export json sovcloud.json

      sovcloud export json - | jq '.events[].id'

      sovcloud export json sovcloud.json --force --data ./data
    """
    from sovcloud.export.document import to_json
    from sovcloud.models import SCHEMA_VERSION

    _refuse_existing(out, force)
    index = _read_index(data)
    providers, events = index.providers(), index.events()
    body = to_json(providers, events, SCHEMA_VERSION, index.schemes(), today())
    _emit(out, body, force, {"providers": len(providers), "events": len(events)})


@subcommand(export_app, "csv")
def csv_(
    directory: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="The folder to write the CSV files into (created if missing).",
            show_default=False,
        ),
    ],
    force: ForceOption = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel",
            help="For Excel in French: ';' between cells and a UTF-8 byte-order mark.",
        ),
    ] = False,
    data: DataOption = None,
) -> None:
    """One CSV file per table, the same tables as `export sqlite`, with a header row.

    certifications.csv has one row per certification entry, with its scope, dates, number,
    standing on the day and sources (citations.csv links each to sources.csv). Lists of
    values (aliases, tags, covered offers) are JSON arrays in one cell. Other files in DIR
    are left alone; existing CSV files of the same names are replaced only with --force.

    Examples:

      sovcloud export csv tables/

      sovcloud export csv tables/ --force && head tables/certifications.csv

      sovcloud export csv tableaux/ --excel
    """
    from sovcloud.atomic import check_free
    from sovcloud.export.tables import csv_names, write_csv

    _no_stdout(directory, "a folder of CSV files")
    for name in csv_names():
        check_free(directory / name, force)
    index = _read_index(data)
    counts = write_csv(
        directory, _standing(index.providers()), index.events(), force=force, excel=excel
    )
    sys.stderr.write(
        f"wrote {len(counts)} CSV files into {directory}: "
        f"{counts['providers']} providers, {counts['events']} events\n"
    )


def _timeline(
    data: Path | None,
    since: str | None,
    until: str | None,
    provider: list[str] | None,
    tag: list[str] | None,
    kind: list[str] | None,
    newest_first: bool,
) -> tuple[list[dict[str, Any]], dict[str, str], str]:
    """The events, the names of the providers they name, and the timeline's title."""
    from sovcloud.export.feeds import timeline_title
    from sovcloud.query import provider_names, resolve_filter, timeline

    index = _read_index(data)
    flt = resolve_filter(index, timeline_filter(since, until, provider, tag, kind, newest_first))
    events = timeline(index, flt)
    title = timeline_title(flt, index.provider_names(set(flt.providers)))
    return events, provider_names(index, events), title


@subcommand(export_app, "ics")
def ics(
    out: Annotated[Path, _out("The .ics file to write, or - for standard output.")],
    since: SinceOption = None,
    until: UntilOption = None,
    provider: ProviderFilterOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The timeline as an iCalendar file: one all-day event per event, for any calendar.

    A date known only to the month or the year is shown on its first day, and its title
    and description say so; expected events are marked tentative.

    Examples:

      sovcloud export ics sovcloud.ics

      sovcloud export ics hdh.ics --tag health-data-hub --since 2019

      sovcloud export ics - --provider numspot > numspot.ics
    """
    from sovcloud.export.ical import to_ics
    from sovcloud.i18n import current_lang

    _refuse_existing(out, force)
    events, names, title = _timeline(data, since, until, provider, tag, kind, newest_first=False)
    body = to_ics(events, names, current_lang(lang), title)
    _emit(out, body, force, {"events": len(events)})


@subcommand(export_app, "atom")
def atom(
    out: Annotated[Path, _out("The feed file to write, or - for standard output.")],
    since: SinceOption = None,
    until: UntilOption = None,
    provider: ProviderFilterOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The timeline as an Atom feed: one entry per event, newest first, linking to the
    sources.

    Examples:

      sovcloud export atom feed.xml

      sovcloud export atom secnumcloud.xml --tag secnumcloud --force

      sovcloud export atom - --kind certification --since 2024
    """
    from sovcloud.export.atom import to_atom
    from sovcloud.i18n import current_lang

    _refuse_existing(out, force)
    events, names, title = _timeline(data, since, until, provider, tag, kind, newest_first=True)
    body = to_atom(events, names, current_lang(lang), title)
    _emit(out, body, force, {"events": len(events)})
