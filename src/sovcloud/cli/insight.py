"""Answers no other directory gives: assess, match, changes, stale.

Thin commands: the rules and computations are in sovcloud/insight.py, the views in
render/insight.py; both load inside the commands.
"""

# No `from __future__ import annotations`: Typer would evaluate every annotation string
# of every command on each start.
import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from sovcloud.cli import completion
from sovcloud.cli.common import (
    MAX_AGE_DAYS,
    AsOfOption,
    DataOption,
    Format,
    FormatOption,
    LangOption,
    NoPagerOption,
    UntilOption,
    answer,
    choices,
    command,
    day,
    emit_view,
    partial_date,
    today,
)
from sovcloud.vocabulary import SERVICE_MODELS

if TYPE_CHECKING:
    from pathlib import Path

    from sovcloud.index import Index
    from sovcloud.render.insight import ChangesView

_AGO = {"d": 1, "w": 7, "m": 30, "y": 365}


def _window_start(value: str | None) -> str | None:
    """A partial date, or a span back from today ('7d', '4w', '3m', '1y') as a day."""
    import re

    if value is None:
        return None
    ago = re.fullmatch(r"(\d{1,4})([dwmy])", value.strip().lower())
    if ago:
        days = int(ago.group(1)) * _AGO[ago.group(2)]
        return (today() - dt.timedelta(days=days)).isoformat()
    return partial_date(value)


@command()
def assess(
    name: Annotated[
        str | None,
        typer.Argument(
            help="Id, name or alias of a provider; accents, case and small typos are forgiven.",
            autocompletion=completion.provider_names,
            show_default=False,
        ),
    ] = None,
    rules: Annotated[
        bool, typer.Option("--rules", help="Print the rules and how each decides, then exit.")
    ] = False,
    scheme: Annotated[
        list[str] | None,
        typer.Option(
            "--scheme",
            metavar="ID",
            help="Also check that it holds this scheme (repeatable): bsi-c5, iso-27001... "
            "`sovcloud schemes` lists them.",
            autocompletion=completion.schemes,
        ),
    ] = None,
    framework: Annotated[
        str,
        typer.Option(
            "--framework",
            metavar="ID",
            help="secnumcloud: the rules below (default); eu-csf: the EU Cloud Sovereignty "
            "Framework, with SEAL levels and score.",
        ),
    ] = "secnumcloud",
    weights: Annotated[
        str | None,
        typer.Option(
            "--weights",
            metavar="VERSION",
            help="With --framework eu-csf: the weights and level names of this version "
            "(1.2.1, 2026-06). Default: the latest published by the day.",
            show_default=False,
        ),
    ] = None,
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
    from sovcloud.i18n import current_lang
    from sovcloud.insight import assess as assess_provider
    from sovcloud.render.insight import AssessView, RulesView

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
    from sovcloud.render.framework import FrameworkAssessView, FrameworkRulesView
    from sovcloud.sovereignty import assess_framework, load_framework

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
    require: Annotated[
        list[str] | None,
        typer.Option(
            "--require",
            metavar="SCHEME",
            help="A certification the tender requires (repeatable): secnumcloud, hds, "
            "bsi-c5...; or a minimum SEAL of the EU Cloud Sovereignty Framework for an "
            "objective: sov-2:3 (SOV-2 at SEAL-3 or more).",
            autocompletion=completion.schemes,
        ),
    ] = None,
    service: Annotated[
        list[str] | None,
        typer.Option(
            "--service",
            metavar="KIND",
            callback=choices(SERVICE_MODELS),
            autocompletion=completion.among(SERVICE_MODELS),
            help="An offer the tender needs (repeatable: any of them, or every one with "
            "--all-services): iaas, paas, saas, caas, private-cloud, hosting, colocation.",
        ),
    ] = None,
    country: Annotated[
        list[str] | None,
        typer.Option(
            "--country",
            metavar="CODE",
            help="Only providers registered here (repeatable).",
            autocompletion=completion.countries,
        ),
    ] = None,
    all_services: Annotated[
        bool,
        typer.Option(
            "--all-services",
            help="With several --service: require an offer of every kind, not of any.",
        ),
    ] = False,
    everyone: Annotated[
        bool,
        typer.Option(
            "--all",
            help="List every near miss (10 otherwise), and providers with nothing toward any "
            "requirement.",
        ),
    ] = False,
    as_of: AsOfOption = None,
    format_: FormatOption = Format.table,
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
    """
    from sovcloud.i18n import current_lang, t
    from sovcloud.insight import Tender
    from sovcloud.insight import match as match_tender
    from sovcloud.render.insight import MatchView
    from sovcloud.render.terminal import warn

    if not require and not service:
        raise typer.BadParameter("give at least one --require or --service")
    chosen = current_lang(lang)
    schemes, seals = _requirements(require or [])
    tender = Tender(
        schemes, service or [], country or [], day(as_of), everyone, all_services, seals
    )
    result = answer(data, lambda index: match_tender(index, tender, today(), chosen))
    for scheme in result.unknown_schemes:
        warn(
            t(
                "no provider has a certification of scheme {scheme!r} recorded: check the spelling",
                chosen,
                scheme=scheme,
            ),
            t("warning", chosen),
        )
    emit_view(MatchView(result, chosen), format_)


@command()
def changes(
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            callback=lambda v: _window_start(v),
            metavar="DATE",
            help="From this year, month or day (2020, 2023-12, 2024-01-18), or this long ago "
            "(7d, 4w, 3m, 1y). Default: 30 days ago.",
            show_default=False,
        ),
    ] = None,
    until: UntilOption = None,
    format_: FormatOption = Format.table,
    no_pager: NoPagerOption = False,
    lang: LangOption = None,
    data: DataOption = None,
) -> None:
    """What changed in the market in a window: qualifications granted and ended, ownership
    changes, new providers and events, grouped by kind, each with its sources. Then what the
    catalogue learnt in that window: the records added, changed or removed (from the data's
    git history, when --data is a git checkout) and the entries checked against their sources.

    Examples:

      sovcloud changes                       # the last 30 days

      sovcloud changes --since 7d

      sovcloud changes --since 2024

      sovcloud changes --since 2022 --until 2022-12

      sovcloud changes --since 2025-06 --format markdown > changes.md
    """
    from sovcloud.dates import first_day, last_day
    from sovcloud.i18n import current_lang
    from sovcloud.insight import changes as market_changes
    from sovcloud.insight import learnt as catalogue_learnt
    from sovcloud.render.insight import ChangesView

    since = since or (today() - dt.timedelta(days=30)).isoformat()
    # What changed ends today: an event expected next year is not a change yet.
    until = until or today().isoformat()
    if until and first_day(since) > last_day(until):
        raise typer.BadParameter(f"--since {since} is after --until {until}: swap them")

    def question(index: "Index") -> "ChangesView":
        history = catalogue_learnt(index, since, until, current_lang(lang))
        found = market_changes(index, since, until, today(), current_lang(lang), history.changes)
        names = index.provider_names({p for c in found for p in c.providers})
        return ChangesView(found, names, since, until, current_lang(lang), history.missing)

    emit_view(answer(data, question), format_, pager=not no_pager)


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
    from sovcloud.insight import stale as stale_records
    from sovcloud.insight import stale_entries
    from sovcloud.render.insight import StaleEntriesView, StaleView

    chosen = current_lang(lang)
    if entries:
        found_entries = answer(data, lambda index: stale_entries(index, today(), max_age))
        emit_view(StaleEntriesView(found_entries, max_age, today(), chosen), format_)
        return
    found = answer(data, lambda index: stale_records(index, today(), max_age, chosen))
    emit_view(StaleView(found, max_age, today(), chosen), format_)
