"""The vocabularies: `sovcloud schemes` and `sovcloud tags` (`show SCHEME` is in show.py)."""

# No `from __future__ import annotations`: Typer evaluates the annotations.
from typing import TYPE_CHECKING

from sovcloud.cli.common import (
    DataOption,
    Format,
    FormatOption,
    LangOption,
    answer,
    command,
    emit_view,
    today,
)

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.render.schemes import SchemesView, TagsView


@command()
def schemes(
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Certification schemes: authority, register, and how much of it is recorded here.

    Examples:

      sovcloud schemes

      sovcloud schemes --format json | jq '.[] | {id, coverage}'

      sovcloud show secnumcloud
    """
    from sovcloud.coverage import scheme_list
    from sovcloud.i18n import current_lang
    from sovcloud.render.schemes import SchemesView

    def question(index: "Index") -> "SchemesView":
        return SchemesView(scheme_list(index, today()), current_lang(lang))

    emit_view(answer(data, question), format_)


@command()
def tags(
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """The tag vocabulary of events, most used first, with labels in English and French
    and the aliases that find each tag.

    Examples:

      sovcloud tags

      sovcloud tags --lang fr

      sovcloud timeline --tag hdh
    """
    from sovcloud.i18n import current_lang
    from sovcloud.render.schemes import TagsView

    def question(index: "Index") -> "TagsView":
        counts = index.tag_counts()
        found = sorted(
            ((tag, counts.get(tag["id"], 0)) for tag in index.tags()),
            key=lambda tc: (-tc[1], tc[0]["id"]),
        )
        return TagsView(found, current_lang(lang))

    emit_view(answer(data, question), format_)
