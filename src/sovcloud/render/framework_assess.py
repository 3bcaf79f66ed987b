"""What `sovcloud assess NAME --framework eu-csf` shows, in every output format.

FrameworkAssessView wraps what framework_assess.py computed: per objective the SEAL the
records leave open, the criterion that caps it, the facts and their numbered sources, the
criteria still unknown and what they leave open; then the overall SEAL and the Sovereignty
Score with the weights used. Its rules are render/framework_rules.py's. Record text reaches
the terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core import framework as rules_
from sovcloud.facts import Fact
from sovcloud.framework_assess import CriterionAnswer, FrameworkAssessment, label
from sovcloud.i18n import localized
from sovcloud.render.facts import Numbered, source_md, source_text, sources_block
from sovcloud.render.framework_rules import number
from sovcloud.render.markup import md, md_table

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

Record = dict[str, Any]
Rows = tuple[list[str], list[list[str]]]

SEAL_STYLES = {0: "red", 1: "red", 2: "yellow", 3: "green", 4: "green"}
DISCLAIMER = (
    "This describes public records, not an audit: no SEAL shown here was given by the "
    "Commission or by the provider."
)


def seal_span(span: rules_.Span) -> str:
    if span.settled:
        return f"SEAL-{span.low:g}"
    return f"SEAL-{span.low:g} to SEAL-{span.high:g}"


def points_span(span: rules_.Span) -> str:
    if span.settled:
        return number(span.low)
    return f"{number(span.low)} to {number(span.high)}"


class FrameworkAssessView(NamedTuple):
    assessment: FrameworkAssessment

    # --- shared pieces ------------------------------------------------------------------

    def _facts(self) -> list[Fact]:
        return [f for a in self._answered() for e in a.evidence for f in e.facts]

    def _answered(self) -> list[CriterionAnswer]:
        return [a for a in self.assessment.answers.values() if a.evidence]

    def _objective(self, objective_id: str) -> Record:
        return next(o for o in self.assessment.framework["objectives"] if o["id"] == objective_id)

    def _answers_text(self, item: CriterionAnswer) -> str:
        """'answer 3 or 4: largely inside the EU; wholly inside the EU'."""
        rungs = item.range.rungs
        labels = "; ".join(localized(item.criterion["rungs"][n - 1]["label"], "en") for n in rungs)
        if len(rungs) == 1:
            which = f"answer {rungs[0]}"
        elif len(rungs) == 2:
            which = f"answers {rungs[0]} or {rungs[1]}"
        elif rungs == tuple(range(rungs[0], rungs[-1] + 1)):
            which = f"answers {rungs[0]} to {rungs[-1]}"
        else:
            which = "answers " + ", ".join(str(n) for n in rungs[:-1]) + f" or {rungs[-1]}"
        return f"{which} of {item.range.offered}: {labels}"

    def _version_line(self) -> str:
        version = self.assessment.judgement.version
        return (
            f"Weights and level names of version {version['version']} ({version['title']}, "
            f"published {version['published']})"
        )

    def _overall(self) -> tuple[str, str]:
        j = self.assessment.judgement
        version = j.version
        best = int(j.seal.high)
        words = f"{seal_span(j.seal)}, the lowest of its objectives"
        words += f": at most SEAL-{best} ({rules_.seal_name(version, best)})"
        if j.capped_by:
            words += ", capped by " + ", ".join(label(o) for o in j.capped_by)
        if j.score.settled:
            score = f"Sovereignty Score {number(j.score.low)}%"
        else:
            score = (
                f"Sovereignty Score {number(j.score.low)}% to {number(j.score.high)}%: the "
                "lowest and highest the answers left open could score"
            )
        return words, score

    def _count_text(self) -> str:
        counts = self.assessment.counts()
        total = sum(counts.values())
        return (
            f"{counts['settled']} of {total} criteria settled by the records, "
            f"{counts['narrowed']} narrowed, {counts['unknown']} unknown"
        )

    def _unknown_groups(self, result: rules_.ObjectiveResult) -> tuple[list[str], list[str]]:
        """Unknown criteria that could lower the SEAL (with the range they leave), and those
        whose every answer allows SEAL-4."""
        answers = self.assessment.answers
        lowering, inert = [], []
        for c in result.criteria:
            if c.state != "unknown":
                continue
            name = f"{label(c.id)} {localized(answers[c.id].criterion['title'], 'en')}"
            if c.inert:
                inert.append(label(c.id))
            else:
                lowering.append(f"{name} ({seal_span(c.seal)}, {points_span(c.points)} points)")
        return lowering, inert

    # --- formats ------------------------------------------------------------------------

    def document(self) -> Any:
        a = self.assessment
        j = a.judgement
        r = a.record
        fw = a.framework

        def span(s: rules_.Span) -> dict[str, float]:
            return {"low": s.low, "high": s.high}

        objectives = []
        for result in j.objectives:
            objective = self._objective(result.id)
            criteria = []
            for c in result.criteria:
                item = a.answers[c.id]
                criteria.append(
                    {
                        "id": c.id,
                        "title": localized(item.criterion["title"], "en"),
                        "state": c.state,
                        "answers": list(c.rungs),
                        "of": c.offered,
                        "seal": span(c.seal),
                        "points": span(c.points),
                        "conflict": item.conflict,
                        "evidence": [
                            {
                                "by": e.by,
                                "title": e.title,
                                "answers": list(e.answers),
                                "facts": [{"text": f.text, "sources": f.sources} for f in e.facts],
                            }
                            for e in item.evidence
                        ],
                    }
                )
            objectives.append(
                {
                    "id": result.id,
                    "name": localized(objective["name"], "en"),
                    "weight": result.weight,
                    "seal": span(result.seal),
                    "points": span(result.points),
                    "nominal_points": fw["nominal_points"],
                    "capped_by": result.capped_by,
                    "open_below": result.open_below,
                    "criteria": criteria,
                }
            )
        return {
            "provider": {"id": r["id"], "name": r["name"], "country": r["country"]},
            "on": a.on.isoformat(),
            "as_of": a.as_of.isoformat() if a.as_of else None,
            "framework": {
                "id": fw["id"],
                "name": fw["name"],
                "version": j.version["version"],
                "published": j.version["published"],
                "weights": j.version["weights"],
                "seal_names": [localized(n, "en") for n in j.version["seal_names"]],
            },
            "overall": {
                "seal": span(j.seal),
                "score": span(j.score),
                "capped_by": j.capped_by,
            },
            "counts": a.counts(),
            "objectives": objectives,
            "notes": [DISCLAIMER, *a.notes],
        }

    def flat(self) -> Rows:
        a = self.assessment
        headers = [
            "provider", "on", "version", "objective", "criterion", "title", "state", "answers",
            "seal_low", "seal_high", "points_low", "points_high", "evidence", "sources",
        ]  # fmt: skip
        rows = []
        for result in a.judgement.objectives:
            for c in result.criteria:
                item = a.answers[c.id]
                rows.append(
                    [
                        a.record["id"],
                        a.on.isoformat(),
                        a.judgement.version["version"],
                        result.id,
                        c.id,
                        localized(item.criterion["title"], "en"),
                        c.state,
                        " ".join(str(n) for n in c.rungs),
                        f"{c.seal.low:g}",
                        f"{c.seal.high:g}",
                        number(c.points.low),
                        number(c.points.high),
                        "; ".join(f.text for e in item.evidence for f in e.facts),
                        "; ".join(
                            dict.fromkeys(
                                source_text(s)
                                for e in item.evidence
                                for f in e.facts
                                for s in f.sources
                            )
                        ),
                    ]
                )
        return headers, rows

    def markdown(self) -> str:
        a = self.assessment
        j = a.judgement
        r = a.record
        numbered = Numbered.of(self._facts())
        overall, score = self._overall()
        out = [f"# {md(a.framework['name'])}: {md(r['name'])} ({md(r['id'])})", ""]
        out += [f"On {a.on}. {md(self._version_line())}.", "", md(DISCLAIMER), ""]
        out += [md(note) for note in a.notes] + ([""] if a.notes else [])
        out += [f"**Overall: {md(overall)}.** {md(score)}. {md(self._count_text())}.", ""]
        rows = []
        for result in j.objectives:
            objective = self._objective(result.id)
            rows.append(
                [
                    f"{label(result.id)} {localized(objective['name'], 'en')}",
                    f"{number(result.weight)}%",
                    seal_span(result.seal),
                    ", ".join(label(c) for c in result.capped_by) or "-",
                    f"{points_span(result.points)} of {number(a.framework['nominal_points'])}",
                ]
            )
        out += [md_table(["Objective", "Weight", "SEAL", "Capped by", "Points"], rows)]
        for result in j.objectives:
            objective = self._objective(result.id)
            out += [
                f"## {label(result.id)} {md(localized(objective['name'], 'en'))}: "
                f"{seal_span(result.seal)}",
                "",
            ]
            for c in result.criteria:
                item = a.answers[c.id]
                if not item.evidence:
                    continue
                title = localized(item.criterion["title"], "en")
                out.append(
                    f"- **{label(c.id)} {md(title)}**: {seal_span(c.seal)}, "
                    f"{md(self._answers_text(item))}"
                )
                for e in item.evidence:
                    for fact in e.facts:
                        marks = numbered.marks(fact)
                        out.append(
                            f"  - {md(e.title)}: {md(fact.text)}"
                            + (f" {md(marks)}" if marks else "")
                        )
            lowering, inert = self._unknown_groups(result)
            if lowering:
                out.append(f"- Unknown, could lower the SEAL: {md('; '.join(lowering))}")
            if inert:
                out.append(f"- Unknown, no effect on the SEAL: {md(', '.join(inert))}")
            out.append("")
        if numbered.sources:
            out += ["## Sources", ""]
            out += [f"{i}. {source_md(s)}" for i, s in enumerate(numbered.sources, 1)]
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import print_lines

        width = console.width
        numbered = Numbered.of(self._facts())
        out = self._heading(width)
        for result in self.assessment.judgement.objectives:
            out += self._objective_lines(result, numbered, width)
        if numbered.sources:
            out += [[], [("Sources", "bold underline")]]
            out += sources_block(numbered.sources, width)
        out += [
            [],
            [("How each is decided: sovcloud assess --rules --framework eu-csf", "dim")],
        ]
        print_lines(console, out)

    def _heading(self, width: int) -> list[Line]:
        """The provider, the framework and its version, the notes, then the overall SEAL
        and score."""
        from sovcloud.render.grid import paragraph

        a = self.assessment
        j = a.judgement
        r = a.record
        overall, score = self._overall()
        if len(r["name"]) + len(r["id"]) + 4 <= width:
            out: list[Line] = [[(r["name"], "bold"), (f"  ({r['id']})", "dim")]]
        else:  # a long name and id, each on its own line
            out = paragraph(r["name"], "bold", width) + paragraph(f"({r['id']})", "dim", width)
        out += paragraph(f"{a.framework['name']} on {a.on}", "", width)
        out += paragraph(self._version_line(), "dim", width)
        out += paragraph(DISCLAIMER, "italic", width)
        for note in a.notes:
            out += paragraph(note, "italic", width)
        pad = "         "
        out.append([])
        out += paragraph(
            overall, f"bold {SEAL_STYLES[int(j.seal.high)]}", width, indent="OVERALL  ", hang=pad
        )
        out += paragraph(score, "", width, indent=pad, hang=pad)
        out += paragraph(self._count_text(), "dim", width, indent=pad, hang=pad)
        return out

    def _objective_lines(
        self, result: rules_.ObjectiveResult, numbered: Numbered, width: int
    ) -> list[Line]:
        """One objective: its SEAL, weight and points, what caps it, the criteria the records
        answer with their facts, and the unknown ones."""
        from sovcloud.render.grid import paragraph

        a = self.assessment
        objective = self._objective(result.id)
        out: list[Line] = [[]]
        out.append(
            [
                (f"{label(result.id)} {localized(objective['name'], 'en')}", "bold"),
                ("  ", ""),
                (seal_span(result.seal), f"bold {SEAL_STYLES[int(result.seal.high)]}"),
            ]
        )
        out += paragraph(
            f"weight {number(result.weight)}%; points {points_span(result.points)} of "
            f"{number(a.framework['nominal_points'])}",
            "dim",
            width,
            indent="  ",
            hang="  ",
        )
        if result.capped_by:
            out += paragraph(
                "capped by " + ", ".join(label(c) for c in result.capped_by),
                "",
                width,
                indent="  ",
                hang="    ",
            )
        for c in result.criteria:
            out += self._criterion_lines(c, numbered, width)
        return out + self._unknown_lines(result, width)

    def _criterion_lines(
        self, c: rules_.CriterionRange, numbered: Numbered, width: int
    ) -> list[Line]:
        """A criterion the records answer: its SEAL and answers, then each fact."""
        from sovcloud.render.grid import paragraph

        item = self.assessment.answers[c.id]
        if not item.evidence:
            return []
        title = localized(item.criterion["title"], "en")
        out = paragraph(
            f"{label(c.id)} {title}: {seal_span(c.seal)}, {self._answers_text(item)}",
            "bold",
            width,
            indent="  ",
            hang="    ",
        )
        for e in item.evidence:
            for fact in e.facts:
                marks = numbered.marks(fact)
                text = f"{e.title}: {fact.text}" + (f" {marks}" if marks else "")
                out += paragraph(text, "", width, indent="    - ", hang="      ")
        return out

    def _unknown_lines(self, result: rules_.ObjectiveResult, width: int) -> list[Line]:
        from sovcloud.render.grid import paragraph

        out: list[Line] = []
        lowering, inert = self._unknown_groups(result)
        if lowering:
            out += paragraph(
                "unknown, could lower the SEAL: " + "; ".join(lowering),
                "yellow",
                width,
                indent="  ? ",
                hang="    ",
            )
        if inert:
            out += paragraph(
                "unknown, no effect on the SEAL: " + ", ".join(inert),
                "dim",
                width,
                indent="  ? ",
                hang="    ",
            )
        return out
