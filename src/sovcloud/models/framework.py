"""A sovereignty framework record, data/frameworks/<id>.yaml: its versions, objectives,
criteria and the answers (rungs) each criterion offers.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from sovcloud.models.common import (
    CRITERION_PATTERN,
    Citations,
    Day,
    Line,
    LocalizedText,
    PartialDate,
    Prose,
    Slug,
    Source,
    Strict,
    Version,
)


class Rung(Strict):
    """One answer a criterion offers, with the points it scores and the SEAL it allows."""

    label: LocalizedText = Field(description="the answer, in your own words")
    points: Annotated[float, Field(ge=0, le=1000)]
    seal: Annotated[int, Field(ge=0, le=4)] = Field(description="the SEAL level the answer allows")


class Criterion(Strict):
    """A question of an objective, with its answers from the lowest to the highest."""

    id: Annotated[str, Field(pattern=CRITERION_PATTERN, max_length=80)]
    title: LocalizedText = Field(description="what it asks, in your own words")
    rungs: Annotated[list[Rung], Field(min_length=2, max_length=9)] = Field(
        description="the answers, from the lowest score to the highest"
    )
    sources: Citations
    note: Prose | None = None


class Objective(Strict):
    """One sovereignty objective (SOV-1 to SOV-8) and its criteria."""

    id: Slug
    name: LocalizedText
    description: Prose
    criteria: Annotated[list[Criterion], Field(min_length=1)]


class FrameworkVersion(Strict):
    """A published version of a framework: its weights and the names of its levels."""

    version: Version
    title: Line
    published: PartialDate
    weights: dict[Slug, Annotated[float, Field(ge=0, le=100)]] = Field(
        description="each objective's weight in percent; they add up to 100"
    )
    seal_names: Annotated[list[LocalizedText], Field(min_length=5, max_length=5)] = Field(
        description="the names of SEAL-0 to SEAL-4 in this version"
    )
    sources: Citations
    note: Prose | None = None


class Framework(Strict):
    """A sovereignty framework, such as the EU Cloud Sovereignty Framework:
    data/frameworks/<id>.yaml."""

    id: Slug
    name: Line
    aliases: list[Line] = []
    authority: Line
    nominal_points: Annotated[float, Field(gt=0)] = Field(
        description="the points each objective's score is divided by (the calculator's 1000)"
    )
    versions: Annotated[list[FrameworkVersion], Field(min_length=1)] = Field(
        description="oldest first"
    )
    objectives: Annotated[list[Objective], Field(min_length=1)]
    description: Prose
    sources: Annotated[list[Source], Field(min_length=1)]
    last_reviewed: Day
    note: Prose | None = None
