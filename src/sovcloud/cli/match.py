"""`sovcloud match`: who could answer a tender, and what each provider lacks.

Thin command: the ranking is in sovcloud/match.py, the view in render/match.py; both load
inside the command.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
from pathlib import Path
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
    choices,
    command,
    day,
    emit_view,
    today,
)
from sovcloud.errors import SovcloudError
from sovcloud.vocabulary import SERVICE_MODELS

if TYPE_CHECKING:
    from sovcloud.index import Index
    from sovcloud.match import MatchResult
    from sovcloud.render.blocks import Document

RequireOption = Annotated[
    list[str] | None,
    typer.Option(
        "--require",
        metavar="SCHEME",
        help="A certification the tender requires (repeatable): secnumcloud, hds, "
        "bsi-c5...; or a minimum SEAL of the EU Cloud Sovereignty Framework for an "
        "objective: sov-2:3 (SOV-2 at SEAL-3 or more).",
        autocompletion=completion.schemes,
    ),
]
ServiceOption = Annotated[
    list[str] | None,
    typer.Option(
        "--service",
        metavar="KIND",
        callback=choices(SERVICE_MODELS),
        autocompletion=completion.among(SERVICE_MODELS),
        help="An offer the tender needs (repeatable: any of them, or every one with "
        "--all-services): iaas, paas, saas, caas, private-cloud, hosting, colocation.",
    ),
]
CountryOption = Annotated[
    list[str] | None,
    typer.Option(
        "--country",
        metavar="CODE",
        help="Only providers registered here (repeatable).",
        autocompletion=completion.countries,
    ),
]
AllServicesOption = Annotated[
    bool,
    typer.Option(
        "--all-services",
        help="With several --service: require an offer of every kind, not of any.",
    ),
]
EveryoneOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="List every near miss (10 otherwise), and providers with nothing toward any "
        "requirement.",
    ),
]


DossierOption = Annotated[
    Path | None,
    typer.Option(
        "--dossier",
        metavar="FILE",
        help="Also write the shortlist of the providers meeting every requirement as one "
        "dossier, as `sovcloud dossier` does: FILE.md for Markdown, FILE.html for a web page.",
        show_default=False,
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Replace the --dossier FILE if it exists.")
]


def _requirements(values: list[str]) -> tuple[list[str], list[tuple[str, int]]]:
    """--require values: scheme ids, and minimum SEALs per objective (`sov-2:3`)."""
    import re

    schemes, seals = [], []
    for value in values:
        found = re.fullmatch(r"(sov-[0-9]+):([0-9]+)", value.strip().lower())
        if found is None:
            schemes.append(value)
        elif int(found.group(2)) > 4:
            raise typer.BadParameter(
                f"{value!r}: a SEAL level runs from 0 to 4 (sov-2:3 asks SOV-2 to reach SEAL-3)",
                param_hint="--require",
            )
        else:
            seals.append((found.group(1), int(found.group(2))))
    return schemes, seals


@command()
def match(
    require: RequireOption = None,
    service: ServiceOption = None,
    country: CountryOption = None,
    all_services: AllServicesOption = False,
    everyone: EveryoneOption = False,
    as_of: AsOfOption = None,
    format_: FormatOption = Format.table,
    dossier: DossierOption = None,
    force: ForceOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """Who could answer a tender: providers meeting every requirement first, then the ten
    nearest misses (lacking a qualification is farther than lacking an offer kind), each
    with what it lacks. Repeated --service means an offer of any of those kinds.

    Examples:

      sovcloud match --require secnumcloud --require hds --service paas

      sovcloud match --require secnumcloud --country FR --format json | jq '.[0].id'

      sovcloud match --require secnumcloud --as-of 2021-06-01

      sovcloud match --require secnumcloud --service iaas --lang fr

      sovcloud match --require sov-2:2 --require sov-3:2 --service iaas

      sovcloud match --require secnumcloud --require hds --dossier shortlist.html
    """
    from sovcloud.i18n import current_lang, t
    from sovcloud.match import Tender
    from sovcloud.match import match as match_tender
    from sovcloud.render.match import MatchView
    from sovcloud.render.terminal import warn

    if not require and not service:
        raise typer.BadParameter("give at least one --require or --service")
    chosen = current_lang(lang)
    schemes, seals = _requirements(require or [])
    tender = Tender(
        schemes, service or [], country or [], day(as_of), everyone, all_services, seals
    )
    from sovcloud.cli.dossier import checked_output, write_document

    as_html = checked_output(dossier, force, "--dossier")  # before any work

    def question(index: "Index") -> "tuple[MatchResult, Document | None]":
        found = match_tender(index, tender, today(), chosen)
        return found, (_shortlist(index, found, chosen) if dossier else None)

    result, document = answer(data, question)
    for scheme in result.unknown_schemes:
        warn(
            t(
                "no provider has a certification of scheme {scheme!r} recorded: check the spelling",
                chosen,
                scheme=scheme,
            ),
            t("warning", chosen),
        )
    if dossier is not None:  # first: a reader that stops early (| head) keeps the file
        if document is None:
            raise SovcloudError(
                "no provider meets every requirement: no dossier written to {file}",
                file=str(dossier),
            )
        write_document(document, as_html, dossier, force)
    emit_view(MatchView(result, chosen), format_)


def _shortlist(index: "Index", result: "MatchResult", lang: str) -> "Document | None":
    """The dossier of the providers meeting every requirement, as `sovcloud dossier`
    writes it for them; None when none does."""
    from sovcloud.provenance import stamp
    from sovcloud.query import provider_detail
    from sovcloud.render.dossier import dossier_of

    details = [provider_detail(index, c.record["id"]) for c in result.candidates if c.meets_all]
    return dossier_of(details, stamp(index, today()), lang) if details else None
