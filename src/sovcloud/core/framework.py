"""A sovereignty framework's own rules, read from its record in data/frameworks/.

The EU Cloud Sovereignty Framework grades a cloud service on objectives (SOV-1 to SOV-8),
each made of criteria. Every answer to a criterion scores points and allows a SEAL level
(0 to 4). As the Commission's implementation guidance and calculator define them:

- an objective reaches the lowest SEAL its answers allow (a criterion whose answers all allow
  SEAL-4 never lowers it);
- the offer as a whole reaches the lowest SEAL of any objective;
- an objective's score is the sum of its answers' points, out of a nominal 1000, and the
  Sovereignty Score is the weighted sum of the objectives' scores, in percent.

The records rarely settle an answer: they leave a set of possible answers for each criterion
(all of them when nothing is known). This module turns those sets into ranges: the lowest and
highest SEAL and score the records leave open, and the criteria that cap each objective. It
decides nothing about providers (framework_assess.py says which answers the records leave
possible); standard library only, importing nothing above it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from sovcloud import dates

Record = dict[str, Any]

TOP_SEAL = 4


class Span(NamedTuple):
    """A range of values the records leave open: one value when low == high."""

    low: float
    high: float

    @property
    def settled(self) -> bool:
        return self.low == self.high


class CriterionRange(NamedTuple):
    """One criterion, with the answers (numbered from 1) the records leave possible."""

    id: str
    rungs: tuple[int, ...]
    seal: Span
    points: Span
    offered: int  # how many answers the criterion offers

    @property
    def state(self) -> str:
        """'settled' (one answer), 'narrowed' (some answers ruled out) or 'unknown'."""
        if len(self.rungs) == 1:
            return "settled"
        return "narrowed" if len(self.rungs) < self.offered else "unknown"

    @property
    def inert(self) -> bool:
        """Every answer allows SEAL-4: the criterion can never lower the SEAL."""
        return self.seal.low == TOP_SEAL and self.state == "unknown"


class ObjectiveResult(NamedTuple):
    id: str
    weight: float  # percent
    seal: Span
    points: Span
    capped_by: list[str]  # criteria whose best possible SEAL is the objective's best
    open_below: list[str]  # criteria that could still lower the SEAL below its best
    criteria: list[CriterionRange]

    def criteria_below(self, level: int) -> list[str]:
        """The criteria that keep the objective below `level` whatever their answer."""
        return [c.id for c in self.criteria if c.seal.high < level]


class Judgement(NamedTuple):
    """The whole framework applied to the possible answers."""

    version: Record
    objectives: list[ObjectiveResult]
    seal: Span
    score: Span  # percent
    capped_by: list[str]  # objectives whose best SEAL is the overall best


def criteria(framework: Record) -> dict[str, Record]:
    """Every criterion of the framework, by id, in the framework's order."""
    return {c["id"]: c for o in framework["objectives"] for c in o["criteria"]}


def objective_of(framework: Record, criterion_id: str) -> Record | None:
    objective: Record
    for objective in framework["objectives"]:
        if any(c["id"] == criterion_id for c in objective["criteria"]):
            return objective
    return None


def version(framework: Record, name: str | None, on: dt.date) -> Record:
    """The version asked for by name or, without a name, the latest published by `on` (the
    earliest when none was)."""
    versions: list[Record] = framework["versions"]
    if name is not None:
        for candidate in versions:
            if candidate["version"] == name:
                return candidate
        known = ", ".join(v["version"] for v in versions)
        raise KeyError(f"{framework['id']} has no version {name!r}: choose one of {known}")
    published = [v for v in versions if dates.last_day(v["published"]) <= on]
    return published[-1] if published else versions[0]


def criterion_range(criterion: Record, rungs: frozenset[int] | None) -> CriterionRange:
    """The SEAL and points a criterion allows when its answer is one of `rungs` (None: any)."""
    offered = criterion["rungs"]
    chosen = sorted(rungs) if rungs else list(range(1, len(offered) + 1))
    picked = [offered[n - 1] for n in chosen]
    seals = [r["seal"] for r in picked]
    points = [r["points"] for r in picked]
    return CriterionRange(
        criterion["id"],
        tuple(chosen),
        Span(min(seals), max(seals)),
        Span(min(points), max(points)),
        len(offered),
    )


def judge(
    framework: Record, chosen_version: Record, possible: Mapping[str, frozenset[int]]
) -> Judgement:
    """The SEAL of each objective and of the whole, and the score, as ranges, given the
    answers the records leave possible for each criterion (absent: any answer)."""
    nominal = framework["nominal_points"]
    results = []
    for objective in framework["objectives"]:
        ranges = [criterion_range(c, possible.get(c["id"])) for c in objective["criteria"]]
        best = min(r.seal.high for r in ranges)
        worst = min(r.seal.low for r in ranges)
        capped = [r.id for r in ranges if r.seal.high == best] if best < TOP_SEAL else []
        below = [r.id for r in ranges if r.seal.low < best]
        points = Span(sum(r.points.low for r in ranges), sum(r.points.high for r in ranges))
        weight = chosen_version["weights"][objective["id"]]
        results.append(
            ObjectiveResult(
                objective["id"], weight, Span(worst, best), points, capped, below, ranges
            )
        )
    best = min(o.seal.high for o in results)
    worst = min(o.seal.low for o in results)
    capped = [o.id for o in results if o.seal.high == best] if best < TOP_SEAL else []
    score = Span(
        round(sum(o.weight * o.points.low / nominal for o in results), 2),
        round(sum(o.weight * o.points.high / nominal for o in results), 2),
    )
    return Judgement(chosen_version, results, Span(worst, best), score, capped)


def seal_name(chosen_version: Record, level: int, lang: str = "en") -> str:
    """'Data Sovereignty': a level's name in this version of the framework."""
    names = chosen_version["seal_names"][level]
    return str(names.get(lang) or names.get("en") or names.get("fr"))
