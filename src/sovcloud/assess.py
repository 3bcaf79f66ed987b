"""`sovcloud assess NAME`: a provider's sovereignty profile on a day, rule by rule.

The rules are in assess_rules.py; this applies them to one provider as it stood on the day
(`--framework eu-csf` is framework_assess.py). render/assess.py shows the result; nothing
here prints. Standard library only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.assess_rules import RULES, Rule, Verdict, rules_in, scheme_rule
from sovcloud.errors import NotFoundError
from sovcloud.facts import provider_context
from sovcloud.i18n import t
from sovcloud.query import existed, resolve

if TYPE_CHECKING:
    from sovcloud.index import Index

Record = dict[str, Any]


class Criterion(NamedTuple):
    rule: Rule
    verdict: Verdict


class Assessment(NamedTuple):
    record: Record  # as it stood on `on`
    on: dt.date
    as_of: dt.date | None
    criteria: list[Criterion]
    notes: list[str]


def assess(
    index: Index,
    name: str,
    today: dt.date,
    on: dt.date | None = None,
    schemes: Iterable[str] = (),
    lang: str = "en",
) -> Assessment:
    """The provider's sovereignty profile on a day (today by default), rule by rule; with
    `schemes`, also whether it holds each of them. Titles and facts are in `lang`."""
    found = resolve(index, name, folders=("providers",))
    record = index.provider(found.id)
    if record is None:
        raise NotFoundError("no provider with id {id!r}", id=found.id)
    day = on or today
    ctx = provider_context(index, record, day, lang)
    known = {rule.id for rule in RULES}
    extra = [
        scheme_rule(s, lang) for s in dict.fromkeys(s.lower() for s in schemes) if s not in known
    ]
    criteria = [Criterion(rule, rule.function(ctx)) for rule in (*rules_in(lang), *extra)]
    return Assessment(ctx.record, day, on, criteria, _as_of_notes(record, on, lang))


def _as_of_notes(record: Record, on: dt.date | None, lang: str) -> list[str]:
    """What an answer as of a past day leaves as recorded today, and whether the provider
    existed then."""
    if on is None:
        return []
    notes = [
        t(
            "As of {day}: owners then holding and certifications then valid. The country, "
            "licences, offers and data centres carry no dates and are shown as recorded "
            "today.",
            lang,
            day=on,
        )
    ]
    if not existed(record, on):
        notes.append(
            t(
                "Founded {founded}: it did not exist yet on {day}.",
                lang,
                founded=record["founded"],
                day=on,
            )
        )
    return notes
