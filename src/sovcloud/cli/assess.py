"""`sovcloud assess`: a provider's sovereignty profile, by the default rules or a framework's.

Thin command: the rules and the grading are in sovcloud/assess.py and framework_assess.py,
the views in render/assess.py and render/framework_assess.py; all load inside the command.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import datetime as dt
from typing import TYPE_CHECKING, Annotated

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

if TYPE_CHECKING:
    from pathlib import Path

NameArgument = Annotated[
    str | None,
    typer.Argument(
        help="Id, name or alias of a provider; accents, case and small typos are forgiven.",
        autocompletion=completion.provider_names,
        show_default=False,
    ),
]
RulesOption = Annotated[
    bool, typer.Option("--rules", help="Print the rules and how each decides, then exit.")
]
SchemeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--scheme",
        metavar="ID",
        help="Also check that it holds this scheme (repeatable): bsi-c5, iso-27001... "
        "`sovcloud schemes` lists them.",
        autocompletion=completion.schemes,
    ),
]
FrameworkOption = Annotated[
    str,
    typer.Option(
        "--framework",
        metavar="ID",
        help="secnumcloud: the rules below (default); eu-csf: the EU Cloud Sovereignty "
        "Framework, with SEAL levels and score.",
    ),
]
WeightsOption = Annotated[
    str | None,
    typer.Option(
        "--weights",
        metavar="VERSION",
        help="With --framework eu-csf: the weights and level names of this version "
        "(1.2.1, 2026-06). Default: the latest published by the day.",
        show_default=False,
    ),
]


@command()
def assess(
    name: NameArgument = None,
    rules: RulesOption = False,
    scheme: SchemeOption = None,
    framework: FrameworkOption = "secnumcloud",
    weights: WeightsOption = None,
    as_of: AsOfOption = None,
    format_: FormatOption = Format.table,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """A provider's sovereignty profile by explicit rules: each criterion met, not met or
    unknown, with the facts and sources behind it; or, with --framework eu-csf, its SEAL
    level per objective of the EU Cloud Sovereignty Framework.

    Examples:

      sovcloud assess bleu

      sovcloud assess s3ns --as-of 2024-01-01 --format markdown

      sovcloud assess ionos --scheme bsi-c5 --scheme iso-27001

      sovcloud assess s3ns --framework eu-csf

      sovcloud assess --rules

      sovcloud assess numspot --lang fr
    """
    from sovcloud.assess import assess as assess_provider
    from sovcloud.i18n import current_lang
    from sovcloud.render.assess import AssessView, RulesView

    chosen = current_lang(lang)
    if framework != "secnumcloud":
        _assess_framework(name, rules, framework, weights, scheme, as_of, format_, data)
        return
    if weights is not None:
        raise typer.BadParameter("goes with --framework eu-csf", param_hint="--weights")
    if rules:
        emit_view(RulesView(chosen), format_)
        return
    if name is None:
        raise typer.BadParameter("name a provider, or give --rules", param_hint="NAME")
    assessment = answer(
        data,
        lambda index: assess_provider(index, name, today(), day(as_of), scheme or [], chosen),
    )
    emit_view(AssessView(assessment, chosen), format_)


def _assess_framework(
    name: str | None,
    rules: bool,
    framework: str,
    weights: str | None,
    scheme: list[str] | None,
    as_of: dt.datetime | None,
    format_: Format,
    data: "Path | None",
) -> None:
    """assess --framework ID: the provider graded against a sovereignty framework."""
    from sovcloud.framework_assess import assess_framework, load_framework
    from sovcloud.render.framework_assess import FrameworkAssessView
    from sovcloud.render.framework_rules import FrameworkRulesView

    if scheme:
        raise typer.BadParameter(
            "goes with the default rules, not --framework", param_hint="--scheme"
        )
    if rules:
        record = answer(data, lambda index: load_framework(index, framework))
        emit_view(FrameworkRulesView(record), format_)
        return
    if name is None:
        raise typer.BadParameter("name a provider, or give --rules", param_hint="NAME")
    assessment = answer(
        data,
        lambda index: assess_framework(index, name, today(), day(as_of), framework, weights),
    )
    emit_view(FrameworkAssessView(assessment), format_)
