"""`sovcloud timeline`: events in date order."""

from typing import TYPE_CHECKING, Annotated

import typer

from sovcloud.cli import snapshot
from sovcloud.cli.common import (
    DataOption,
    Format,
    FormatOption,
    KindOption,
    LangOption,
    NoPagerOption,
    ProviderFilterOption,
    SinceOption,
    TagOption,
    UntilOption,
    answer,
    command,
    timeline_filter,
)

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.render.timeline import TimelineView


@command()
def timeline(
    ctx: typer.Context,
    since: SinceOption = None,
    until: UntilOption = None,
    provider: ProviderFilterOption = None,
    tag: TagOption = None,
    kind: KindOption = None,
    reverse: Annotated[bool, typer.Option("--reverse", help="Newest first.")] = False,
    format_: FormatOption = Format.table,
    svg: snapshot.SvgOption = None,
    html: snapshot.HtmlOption = None,
    force: snapshot.ForceOption = False,
    no_pager: NoPagerOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Events in date order, each at its own precision; expected ones are marked.

    Examples:

      sovcloud timeline --since 2020

      sovcloud timeline --tag health-data-hub --reverse

      sovcloud timeline --provider numspot --since 2023-06 --format csv

      sovcloud timeline --since 2024 --tag health-data-hub --html hdh.html
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import provider_names
    from sovcloud.query import timeline as query_timeline
    from sovcloud.render.timeline import TimelineView

    flt = timeline_filter(since, until, provider, tag, kind, newest_first=reverse)

    def question(index: "Index") -> "TimelineView":
        events = query_timeline(index, flt)
        return TimelineView(events, provider_names(index, events), current_lang(lang))

    snapshot.check(format_, svg, html, force)
    view = answer(data, question)
    snapshot.emit(view, format_, svg, html, force, ctx, pager=not no_pager)
