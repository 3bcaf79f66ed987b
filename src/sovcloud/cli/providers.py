"""`sovcloud providers`: who holds what, filtered, with the register coverage behind it."""

from typing import TYPE_CHECKING, Annotated

import typer

from sovcloud.cli import completion, snapshot
from sovcloud.cli.common import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    NoPagerOption,
    answer,
    choices,
    command,
    day,
    today,
)
from sovcloud.vocabulary import PROVIDER_KINDS, PROVIDER_STATUSES, SORT_KEYS

if TYPE_CHECKING:
    from sovcloud.index import Index


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
