"""`sovcloud assess NAME --framework eu-csf`: a provider graded against a sovereignty
framework.

For each criterion, the answers the records leave possible: those RULES (framework_rules.py)
leave, narrowed by the provider's own `sovereignty:` answers, each with the facts and sources
behind it. core/framework.py then applies the framework's own rules (lowest SEAL, weighted
score) to those sets. render/framework_assess.py shows the result; nothing here prints.
Standard library only.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud import dates
from sovcloud.core import framework as rules_
from sovcloud.errors import Finding, NotFoundError
from sovcloud.facts import Context, Fact, cited, provider_context
from sovcloud.framework_rules import RULES
from sovcloud.i18n import localized
from sovcloud.query import existed, resolve

if TYPE_CHECKING:
    from pathlib import Path

    from sovcloud.index import Index

Record = dict[str, Any]

DEFAULT_FRAMEWORK = "eu-csf"

# --- assess -------------------------------------------------------------------------------


class Evidence(NamedTuple):
    """Why a criterion's answers are narrowed: a rule or a sourced answer, with its facts."""

    by: str  # a rule id, or "recorded"
    title: str
    answers: tuple[int, ...]
    facts: list[Fact]


class CriterionAnswer(NamedTuple):
    criterion: Record
    range: rules_.CriterionRange
    evidence: list[Evidence]
    conflict: bool  # the evidence rules out every answer: the records disagree


class FrameworkAssessment(NamedTuple):
    record: Record  # as it stood on `on`
    framework: Record
    on: dt.date
    as_of: dt.date | None
    judgement: rules_.Judgement
    answers: dict[str, CriterionAnswer]
    notes: list[str]

    def counts(self) -> dict[str, int]:
        """How many criteria the records settle, narrow, or leave unknown."""
        states = [a.range.state for a in self.answers.values()]
        return {s: states.count(s) for s in ("settled", "narrowed", "unknown")}


def load_framework(index: Index, framework_id: str) -> Record:
    found = index.framework(framework_id)
    if found is None:
        known = [f"{f['id']} ({f['name']})" for f in index.frameworks()]
        raise NotFoundError(
            "no framework {id!r} in the data (frameworks/{id}.yaml); --framework takes "
            "secnumcloud (the default rules) or one of these",
            known,
            id=framework_id,
        )
    return found


def _answer_start(item: Record, record: Record) -> str | None:
    """From when a sourced answer is known: its `since`, else its earliest source's date."""
    if item.get("since"):
        return str(item["since"])
    days = [s["date"] for s in record["sources"] if s.get("id") in set(item["sources"])]
    return min(days, key=dates.first_day) if days else None


def _known_from(start: str, item: Record, record: Record) -> dt.date:
    """The first day the answer is sure to hold: the end of the period `start` names (a
    source of "2026" may be of December). Without a `since`, the record's last review caps
    it: whoever reviewed the record read the source that day, so it existed then (an
    undated page read this year is known from that day, not from 31 December)."""
    known = dates.last_day(start)
    if not item.get("since"):
        known = min(known, dates.first_day(str(record["last_reviewed"])))
    return known


def recorded_answers(
    record: Record, criteria: dict[str, Record], on: dt.date
) -> tuple[dict[str, list[Evidence]], list[str]]:
    """The provider's sourced answers that hold on `on`, by criterion, and notes on those
    that name no criterion of the framework or an answer it does not offer."""
    found: dict[str, list[Evidence]] = {}
    notes = []
    for position, item in enumerate(record["sovereignty"], 1):
        criterion = criteria.get(item["criterion"])
        if criterion is None:
            notes.append(
                f"providers/{record['id']}.yaml: sovereignty answer {position} names criterion "
                f"{item['criterion']}, which the framework does not have: it is left out"
            )
            continue
        offered = len(criterion["rungs"])
        if any(n > offered for n in item["answers"]):
            notes.append(
                f"providers/{record['id']}.yaml: sovereignty answer {position} gives an answer "
                f"beyond the {offered} that {item['criterion']} offers: it is left out"
            )
            continue
        start = _answer_start(item, record)
        if start and _known_from(start, item, record) > on:
            continue
        if item.get("until") and on >= dates.first_day(item["until"]):
            continue
        text = localized(item["note"], "en")
        if item["offers"]:
            names = {o["id"]: o["name"] for o in record["offers"]}
            text += " (offer: " + ", ".join(names.get(o, o) for o in item["offers"]) + ")"
        found.setdefault(item["criterion"], []).append(
            Evidence(
                "recorded",
                "Sourced answer",
                tuple(sorted(item["answers"])),
                [Fact(text, cited(record, item["sources"]))],
            )
        )
    return found, notes


def evidence_for(ctx: Context, framework: Record) -> tuple[dict[str, list[Evidence]], list[str]]:
    """Every piece of evidence the records give toward the framework's criteria."""
    criteria = rules_.criteria(framework)
    found, notes = recorded_answers(ctx.record, criteria, ctx.on)
    for rule in RULES:
        facts = rule.applies(ctx)
        if facts is None:
            continue
        for criterion_id, answers in rule.answers.items():
            if criterion_id in criteria:
                found.setdefault(criterion_id, []).append(
                    Evidence(rule.id, rule.title, answers, facts)
                )
    return found, notes


def answer(criterion: Record, evidence: list[Evidence]) -> CriterionAnswer:
    """The answers left once every piece of evidence is taken into account. When they rule
    out every answer, the records disagree: all the answers any of them allows stay open."""
    every = frozenset(range(1, len(criterion["rungs"]) + 1))
    left = every
    for item in evidence:
        left &= frozenset(item.answers)
    conflict = bool(evidence) and not left
    if conflict:
        left = frozenset(n for item in evidence for n in item.answers)
    return CriterionAnswer(criterion, rules_.criterion_range(criterion, left), evidence, conflict)


def grade(
    index: Index, framework: Record, record: Record, on: dt.date, chosen: Record
) -> tuple[Context, rules_.Judgement, dict[str, CriterionAnswer], list[str]]:
    """The framework applied to one provider on a day: its context, the judgement, each
    criterion's answer, and notes on sourced answers left out."""
    ctx = provider_context(index, record, on)
    evidence, notes = evidence_for(ctx, framework)
    answers = {
        cid: answer(criterion, evidence.get(cid, []))
        for cid, criterion in rules_.criteria(framework).items()
    }
    possible = {cid: frozenset(a.range.rungs) for cid, a in answers.items()}
    return ctx, rules_.judge(framework, chosen, possible), answers, notes


def assess_framework(
    index: Index,
    name: str,
    today: dt.date,
    on: dt.date | None = None,
    framework_id: str = DEFAULT_FRAMEWORK,
    version_name: str | None = None,
) -> FrameworkAssessment:
    """The provider graded against the framework on a day (today by default)."""
    framework = load_framework(index, framework_id)
    found = resolve(index, name, folders=("providers",))
    record = index.provider(found.id)
    if record is None:
        raise NotFoundError("no provider with id {id!r}", id=found.id)
    day = on or today
    chosen = chosen_version(framework, version_name, day)
    ctx, judgement, answers, notes = grade(index, framework, record, day, chosen)
    if on is not None:
        notes.insert(
            0,
            f"As of {on}: owners and certifications then holding, and sourced answers known "
            "by then. Licences and data centres carry no dates and are shown as recorded today.",
        )
        if not existed(record, on):
            notes.append(f"Founded {record['founded']}: it did not exist yet on {on}.")
    if dates.last_day(chosen["published"]) > day:
        notes.append(
            f"Version {chosen['version']} of the framework was published {chosen['published']}, "
            f"after {day}: its weights are applied to the records of that day all the same."
        )
    conflicts = [label(cid) for cid, a in answers.items() if a.conflict]
    if conflicts:
        notes.append(
            "The records disagree on " + ", ".join(conflicts) + ": every answer one of them "
            "allows stays open."
        )
    return FrameworkAssessment(ctx.record, framework, day, on, judgement, answers, notes)


def chosen_version(framework: Record, name: str | None, on: dt.date) -> Record:
    """The framework version asked for, or the latest published by `on`."""
    try:
        return rules_.version(framework, name, on)
    except KeyError as exc:
        raise NotFoundError(str(exc.args[0])) from None


def answer_findings(index: Index, data_dir: Path) -> list[Finding]:
    """For validate: SC203 for a provider's sovereignty answer naming a criterion no
    framework in frameworks/ defines, SC103 for one giving an answer beyond those its
    criterion offers. Nothing to check when the data has no frameworks."""
    import difflib

    from sovcloud.yamlparse import ParseError, parse

    criteria: dict[str, Record] = {}
    for framework in index.frameworks():
        criteria.update(rules_.criteria(framework))
    if not criteria:
        return []
    found = []
    for record in index.providers():
        problems = []
        for position, item in enumerate(record["sovereignty"]):
            criterion = criteria.get(item["criterion"])
            if criterion is None:
                close = difflib.get_close_matches(item["criterion"], list(criteria), n=1)
                hint = f"did you mean `{close[0]}`? " if close else ""
                problems.append(
                    (
                        position,
                        "SC203",
                        f"sovereignty answer {position + 1} names criterion "
                        f"`{item['criterion']}`, which no framework in frameworks/ defines: "
                        f"{hint}`sovcloud assess --rules --framework eu-csf` lists them",
                    )
                )
            elif max(item["answers"]) > len(criterion["rungs"]):
                problems.append(
                    (
                        position,
                        "SC103",
                        f"`answers` of sovereignty answer {position + 1} go beyond the "
                        f"{len(criterion['rungs'])} answers that `{item['criterion']}` offers: "
                        "number them from 1 in the framework's order",
                    )
                )
        if not problems:
            continue
        path = data_dir / "providers" / f"{record['id']}.yaml"
        try:
            line_of = parse(path.read_text(encoding="utf-8")).line_of
        except (OSError, ValueError, ParseError):  # changed since it was read: its first line
            line_of = None
        for position, code, message in problems:
            line = line_of(("sovereignty", position, "criterion")) if line_of else 1
            found.append(Finding(str(path), line, code, message))
    return found


def label(criterion_id: str) -> str:
    """'SOV-4.4' for sov-4-4; 'SOV-2' for sov-2."""
    if criterion_id.count("-") >= 2:
        head, _, number = criterion_id.rpartition("-")
        return f"{head.upper()}.{number}"
    return criterion_id.upper()


def title(criterion: Record) -> str:
    return localized(criterion["title"], "en")
