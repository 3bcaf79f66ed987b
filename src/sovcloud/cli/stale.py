"""`sovcloud stale`: the records, or certification entries, to check against their sources next.

Thin command: the ages are read in sovcloud/stale.py, shown by render/stale.py; both load
inside the command.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
from typing import Annotated

import typer

from sovcloud.cli.common import (
    MAX_AGE_DAYS,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    answer,
    command,
    emit_view,
    today,
)


@command()
def stale(
    max_age: Annotated[
        int,
        typer.Option(
            "--max-age",
            min=0,
            max=MAX_AGE_DAYS,
            metavar="DAYS",
            help="Older than this many days.",
        ),
    ] = 180,
    entries: Annotated[
        bool,
        typer.Option(
            "--entries",
            help="List certification entries by the age of their evidence instead: the "
            "newest source each cites, and the day it was last checked.",
        ),
    ] = False,
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Records not reviewed for longer than --max-age days, oldest first: what to check
    against its sources next (`validate --max-age` warns about the same, as SC303). With
    --entries, certification entries whose evidence is older than that, or never checked.

    Examples:

      sovcloud stale

      sovcloud stale --entries --max-age 365

      sovcloud stale --max-age 365 --format csv > to-review.csv

      sovcloud stale --max-age 90 --format json | jq -r '.[].path'
    """
    from sovcloud.i18n import current_lang
    from sovcloud.render.stale import StaleEntriesView, StaleView
    from sovcloud.stale import stale as stale_records
    from sovcloud.stale import stale_entries

    chosen = current_lang(lang)
    if entries:
        found_entries = answer(data, lambda index: stale_entries(index, today(), max_age))
        emit_view(StaleEntriesView(found_entries, max_age, today(), chosen), format_)
        return
    found = answer(data, lambda index: stale_records(index, today(), max_age, chosen))
    emit_view(StaleView(found, max_age, today(), chosen), format_)
