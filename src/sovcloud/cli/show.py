"""`sovcloud show`: everything known about one provider, event, scheme or framework."""

from typing import TYPE_CHECKING, Annotated, Any

import typer

from sovcloud.cli import completion
from sovcloud.cli.common import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    NoPagerOption,
    answer,
    command,
    day,
    emit_view,
    today,
)

if TYPE_CHECKING:
    from sovcloud.index import Index


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
