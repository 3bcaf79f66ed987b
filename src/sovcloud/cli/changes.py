"""`sovcloud changes`: what changed in the market in a window, and what the catalogue learnt.

Thin command: the changes are read in sovcloud/changes.py, shown by render/changes.py; both
load inside the command.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from sovcloud.cli.common import (
    DataOption,
    Format,
    FormatOption,
    LangOption,
    NoPagerOption,
    UntilOption,
    answer,
    command,
    emit_view,
    partial_date,
    today,
)

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.render.changes import ChangesView

_AGO = {"d": 1, "w": 7, "m": 30, "y": 365}


def _window_start(value: str | None) -> str | None:
    """A partial date, or a span back from today ('7d', '4w', '3m', '1y') as a day."""
    import re

    if value is None:
        return None
    ago = re.fullmatch(r"(\d{1,4})([dwmy])", value.strip().lower())
    if ago:
        days = int(ago.group(1)) * _AGO[ago.group(2)]
        return (today() - dt.timedelta(days=days)).isoformat()
    return partial_date(value)


@command()
def changes(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            callback=lambda v: _window_start(v),
            metavar="DATE",
            help="From this year, month or day (2020, 2023-12, 2024-01-18), or this long ago "
            "(7d, 4w, 3m, 1y). Default: 30 days ago.",
            show_default=False,
        ),
    ] = None,
    until: UntilOption = None,
    format_: FormatOption = Format.table,
    no_pager: NoPagerOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """What changed in the market in a window: qualifications granted and ended, ownership
    changes, new providers and events, grouped by kind, each with its sources. Then what the
    catalogue learnt in that window: the records added, changed or removed (from the data's
    git history, when --data is a git checkout) and the entries checked against their sources.

    Examples:

      sovcloud changes                       # the last 30 days

      sovcloud changes --since 7d

      sovcloud changes --since 2024

      sovcloud changes --since 2022 --until 2022-12

      sovcloud changes --since 2025-06 --format markdown > changes.md
    """
    from sovcloud.changes import changes as market_changes
    from sovcloud.changes import learnt as catalogue_learnt
    from sovcloud.dates import first_day, last_day
    from sovcloud.i18n import current_lang
    from sovcloud.render.changes import ChangesView

    since = since or (today() - dt.timedelta(days=30)).isoformat()
    # What changed ends today: an event expected next year is not a change yet.
    until = until or today().isoformat()
    if until and first_day(since) > last_day(until):
        raise typer.BadParameter(f"--since {since} is after --until {until}: swap them")

    def question(index: "Index") -> "ChangesView":
        history = catalogue_learnt(index, since, until, current_lang(lang))
        found = market_changes(index, since, until, today(), current_lang(lang), history.changes)
        names = index.provider_names({p for c in found for p in c.providers})
        return ChangesView(found, names, since, until, current_lang(lang), history.missing)

    emit_view(answer(data, question), format_, pager=not no_pager)
