"""`sovcloud search`: fuzzy search over every record."""

from typing import Annotated

import typer

from sovcloud.cli.common import (
    MAX_LIMIT,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    NoPagerOption,
    answer,
    command,
    emit_view,
)


@command()
def search(
    text: Annotated[
        str, typer.Argument(metavar="WORDS", help="Words to look for; spelling is forgiven.")
    ],
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="At most this many.")
    ] = 20,
    format_: FormatOption = Format.table,
    no_pager: NoPagerOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Fuzzy search over providers (ids, names, aliases, owners, offers, notes), events
    (ids, titles, summaries, actors, tags, notes) and schemes; the best first, recent events
    first among equals.

    Examples:

      sovcloud search "health data hub"

      sovcloud search orange

      sovcloud search secnumcloud --limit 5 --format json
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import search as query_search
    from sovcloud.render.search import SearchView

    found = answer(
        data, lambda index: query_search(index, text, limit=limit, lang=current_lang(lang))
    )
    view = SearchView(found.hits, current_lang(lang), found.total)
    emit_view(view, format_, pager=not no_pager)
