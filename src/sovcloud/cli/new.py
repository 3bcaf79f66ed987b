"""sovcloud new: start a record from a skeleton, for data contributors."""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from sovcloud.cli.common import DataOption, partial_date, today
from sovcloud.cli.groups import group, subcommand

if TYPE_CHECKING:
    from sovcloud.scaffold import Skeleton

new_app = group(
    "new",
    """Start a new record: write a skeleton file into the data folder, to fill in.

    The file's id comes from the name or title (accents removed, lower case, hyphens);
    an existing file is never replaced. What is left to fill in is listed, and
    `sovcloud validate` refuses the file until it is.

    Examples:

      sovcloud new provider "Acme Cloud" --data ./data

      sovcloud new event "Acme is qualified" --date 2024-03 --data ./data
    """,
)


def _show(skeleton: "Skeleton") -> None:
    """The path on stdout (for `$EDITOR "$(sovcloud new ...)"`); what to do next on stderr."""
    sys.stdout.write(f"{skeleton.path}\n")
    width = max(len(p.field) for p in skeleton.placeholders)
    lines = [f"created {skeleton.path} (id {skeleton.id})"]
    lines.append("fill in these empty fields; sovcloud validate refuses the file until then:")
    for p in skeleton.placeholders:
        lines.append(f"  line {p.line:<3} {p.field:<{width}}  {p.hint}")
    data_dir = skeleton.path.parent.parent
    lines.append(
        f"then delete the TODO comments and run: sovcloud validate {data_dir}\n"
        "data/README.md explains every field; a fact without a source is not a fact here."
    )
    sys.stderr.write("\n".join(lines) + "\n")


@subcommand(new_app, "provider")
def provider(
    name: Annotated[
        str, typer.Argument(metavar="NAME", help="The provider's name, as people use it.")
    ],
    data: DataOption = None,
) -> None:
    """Write providers/<id>.yaml, a provider skeleton to fill in.

    Examples:

      sovcloud new provider "Acme Cloud" --data ./data

      sovcloud new provider "Thésée DataCenter" --data ./data

      $EDITOR "$(sovcloud new provider 'Acme Cloud' --data ./data)"
    """
    from sovcloud.index import Index
    from sovcloud.query import provider_named
    from sovcloud.scaffold import new_provider, slugify, writable_data_dir

    data_dir = writable_data_dir(data)
    existing = provider_named(Index.open(data_dir, today()), name, slugify(name))
    if existing is not None:
        from sovcloud.atomic import WriteError

        raise WriteError(
            f"{name!r} is already a name, alias or id of the provider `{existing}`: edit "
            f"{data_dir / 'providers' / (existing + '.yaml')} instead (sovcloud show "
            f"{existing} --data {data_dir} shows it)"
        )
    try:
        skeleton = new_provider(data_dir, name, today())
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="NAME") from None
    _show(skeleton)


@subcommand(new_app, "event")
def event(
    title: Annotated[str, typer.Argument(metavar="TITLE", help="The event's title, one line.")],
    date: Annotated[
        str,
        typer.Option(
            "--date",
            callback=partial_date,
            metavar="DATE",
            help="When it happened, as precise as the source: 2023, 2023-12 or 2023-12-18.",
            show_default=False,
        ),
    ],
    data: DataOption = None,
) -> None:
    """Write events/<date>-<slug>.yaml, an event skeleton to fill in; an event dated after
    today is marked expected.

    Examples:

      sovcloud new event "Acme is qualified" --date 2024-03 --data ./data

      sovcloud new event "HDS referential version 2" --date 2023 --data ./data
    """
    from sovcloud.scaffold import new_event, writable_data_dir

    data_dir = writable_data_dir(data)
    try:
        skeleton = new_event(data_dir, title, date, today())
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="TITLE") from None
    _show(skeleton)
