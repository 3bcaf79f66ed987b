"""The everyday questions: providers, show, timeline, search, compare."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sovcloud.cli import completion, snapshot
from sovcloud.cli.common import (
    MAX_LIMIT,
    AsOfOption,
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
    choices,
    command,
    day,
    emit_view,
    timeline_filter,
    today,
)
from sovcloud.vocabulary import PROVIDER_KINDS, PROVIDER_STATUSES, SORT_KEYS

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.render.timeline import TimelineView


# The filters of `providers`, declared apart so the command reads as parse, query, render.
SecNumCloudOption = Annotated[
    bool, typer.Option("--secnumcloud", help="Holds a current SecNumCloud qualification.")
]
HdsOption = Annotated[bool, typer.Option("--hds", help="Holds a current HDS certification.")]
SchemeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--scheme",
        "--cert",
        metavar="ID",
        help="Holds this scheme (repeatable; all must hold): iso-27001, bsi-c5... "
        "`sovcloud schemes` lists them.",
        autocompletion=completion.schemes,
    ),
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        metavar="CODE",
        help="ISO country code (repeatable).",
        autocompletion=completion.countries,
    ),
]
ProviderKindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--kind",
        metavar="KIND",
        callback=choices(PROVIDER_KINDS),
        autocompletion=completion.among(PROVIDER_KINDS),
        help="cloud-provider, hyperscaler, joint-venture, hosting... (repeatable).",
    ),
]
ProviderStatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        callback=choices(PROVIDER_STATUSES),
        autocompletion=completion.among(PROVIDER_STATUSES),
        help="active, announced, merged or closed (repeatable).",
    ),
]
OwnerOption = Annotated[
    str | None,
    typer.Option("--owner", metavar="NAME", help="Owned by (fuzzy): 'Orange', 'Dassault'."),
]
IncludePendingOption = Annotated[
    bool,
    typer.Option(
        "--include-pending",
        help="Also list providers whose certification is only in progress "
        "or announced, marked PENDING.",
    ),
]
SortOption = Annotated[
    str,
    typer.Option(
        "--sort",
        metavar="KEY",
        callback=lambda v: choices(SORT_KEYS)([v])[0],
        autocompletion=completion.among(SORT_KEYS),
        help="name, id, country, kind, founded or certifications.",
    ),
]


@command()
def providers(
    ctx: typer.Context,
    secnumcloud: SecNumCloudOption = False,
    hds: HdsOption = False,
    scheme: SchemeOption = None,
    country: CountryOption = None,
    kind: ProviderKindOption = None,
    status: ProviderStatusOption = None,
    owner: OwnerOption = None,
    include_pending: IncludePendingOption = False,
    sort: SortOption = "name",
    as_of: AsOfOption = None,
    format_: FormatOption = Format.table,
    svg: snapshot.SvgOption = None,
    html: snapshot.HtmlOption = None,
    force: snapshot.ForceOption = False,
    no_pager: NoPagerOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """List providers; filters combine.

    Examples:

      sovcloud providers --secnumcloud

      sovcloud providers --hds --country FR --sort country

      sovcloud providers --scheme bsi-c5 --scheme iso-27001

      sovcloud providers --owner Orange --format json | jq '.[].id'

      sovcloud providers --secnumcloud --as-of 2021-01-01

      sovcloud providers --secnumcloud --svg secnumcloud.svg
    """
    from sovcloud.coverage import coverage
    from sovcloud.i18n import current_lang
    from sovcloud.query import ProviderFilter, provider_listing
    from sovcloud.render.providers import ProvidersView

    flt = ProviderFilter(
        secnumcloud=secnumcloud,
        hds=hds,
        certs=scheme or [],
        countries=country or [],
        kinds=kind or [],
        statuses=status or [],
        owner=owner,
        include_pending=include_pending,
        sort=sort,
        as_of=day(as_of),
    )
    snapshot.check(format_, svg, html, force)
    on = day(as_of) or today()

    def question(index: "Index") -> ProvidersView:
        listing = provider_listing(index, flt, today())
        return ProvidersView(
            listing.rows,
            on,
            current_lang(lang),
            coverage(index, listing.schemes, on),
            listing.undated,
        )

    view = answer(data, question)
    snapshot.emit(view, format_, svg, html, force, ctx, pager=not no_pager)


@command()
def show(
    name: Annotated[
        str,
        typer.Argument(
            help="Id, name or alias of a provider, event or scheme; "
            "accents, case and small typos are forgiven.",
            autocompletion=completion.provider_names,
            metavar="NAME",
        ),
    ],
    as_of: AsOfOption = None,
    format_: FormatOption = Format.table,
    no_pager: NoPagerOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Everything known about one provider, event or certification scheme, with sources.

    Examples:

      sovcloud show numspot

      sovcloud show "Thésée"

      sovcloud show s3ns --format markdown > s3ns.md

      sovcloud show outscale --as-of 2021-01-01

      sovcloud show secnumcloud
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import event_detail, provider_detail, resolve
    from sovcloud.render.show import EventView, ProviderView

    def question(index: "Index") -> Any:
        key = name.strip().lower()
        framework = index.framework(key) if key.isascii() and key.isprintable() else None
        if framework is not None:  # a framework is shown as its rules: how it decides
            from sovcloud.render.framework_rules import FrameworkRulesView

            return FrameworkRulesView(framework)
        found = resolve(index, name)
        if found.folder == "schemes":
            from sovcloud.coverage import scheme_detail
            from sovcloud.render.schemes import SchemeView

            on = day(as_of) or today()
            return SchemeView(scheme_detail(index, found.id, on), on, current_lang(lang))
        if found.folder == "providers":
            detail = provider_detail(index, found.id, day(as_of))
            return ProviderView(detail, day(as_of) or today(), current_lang(lang), day(as_of))
        return EventView(event_detail(index, found.id), current_lang(lang))

    emit_view(answer(data, question), format_, pager=not no_pager)


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


@command()
def compare(
    names: Annotated[
        list[str],
        typer.Argument(
            help="Two or more providers (id, name, alias).",
            autocompletion=completion.provider_names,
            metavar="NAME",
        ),
    ],
    as_of: AsOfOption = None,
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Providers side by side: country, owners, licensed technology, certifications.

    Examples:

      sovcloud compare bleu s3ns numspot

      sovcloud compare ovhcloud outscale --format markdown

      sovcloud compare bleu s3ns --as-of 2024-01-01
    """
    from sovcloud.i18n import current_lang
    from sovcloud.query import compare as query_compare
    from sovcloud.render.compare import CompareView

    if len(names) < 2:
        raise typer.BadParameter("name at least two providers", param_hint="NAMES")
    records = answer(data, lambda index: query_compare(index, names, day(as_of)))
    emit_view(CompareView(records, day(as_of) or today(), current_lang(lang)), format_)
