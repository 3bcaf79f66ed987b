"""`sovcloud compare`: providers side by side."""

from typing import Annotated

import typer

from sovcloud.cli import completion
from sovcloud.cli.common import (
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    answer,
    command,
    day,
    emit_view,
    today,
)


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
