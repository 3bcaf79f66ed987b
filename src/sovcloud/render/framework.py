"""What `assess --framework eu-csf` shows, in every output format, and its rules.

FrameworkAssessView wraps what sovereignty.py computed: per objective the SEAL the records
leave open, the criterion that caps it, the facts and their numbered sources, the criteria
still unknown and what they leave open; then the overall SEAL and the Sovereignty Score with
the weights used. FrameworkRulesView prints how it is decided (`assess --rules --framework
eu-csf`), which is also the README's section. Record text reaches the terminal only through
grid.print_lines, never as markup.
"""

from __future__ import annotations

from textwrap import fill
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core import framework as rules_
from sovcloud.core.labels import source_label
from sovcloud.i18n import localized
from sovcloud.insight import Fact
from sovcloud.render.grid import LINK
from sovcloud.render.insight import Numbered
from sovcloud.render.terminal import plain
from sovcloud.render.views import md, md_table
from sovcloud.sovereignty import INTRO, RULES, CriterionAnswer, FrameworkAssessment, label

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

Record = dict[str, Any]
Rows = tuple[list[str], list[list[str]]]

MARKDOWN_WIDTH = 95  # the README's line length
SEAL_STYLES = {0: "red", 1: "red", 2: "yellow", 3: "green", 4: "green"}
DISCLAIMER = (
    "This describes public records, not an audit: no SEAL shown here was given by the "
    "Commission or by the provider."
)


def number(value: float) -> str:
    """Points and percentages as people write them: 83.34, 125, 31.2."""
    return f"{round(value, 2):g}"


def seal_span(span: rules_.Span) -> str:
    if span.settled:
        return f"SEAL-{span.low:g}"
    return f"SEAL-{span.low:g} to SEAL-{span.high:g}"


def points_span(span: rules_.Span) -> str:
    if span.settled:
        return number(span.low)
    return f"{number(span.low)} to {number(span.high)}"


def _source_text(source: Record) -> str:
    url = f" {source['url']}" if source.get("url") else ""
    return source_label(source) + url


def _source_md(source: Record) -> str:
    url = f" <{plain(source['url'])}>" if source.get("url") else ""
    return md(source_label(source)) + url


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
                                _source_text(s)
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
            out += [f"{i}. {_source_md(s)}" for i, s in enumerate(numbered.sources, 1)]
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        a = self.assessment
        j = a.judgement
        r = a.record
        width = console.width
        numbered = Numbered.of(self._facts())
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
        for result in j.objectives:
            objective = self._objective(result.id)
            out.append([])
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
                item = a.answers[c.id]
                if not item.evidence:
                    continue
                title = localized(item.criterion["title"], "en")
                out += paragraph(
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
        if numbered.sources:
            out += [[], [("Sources", "bold underline")]]
            for i, s in enumerate(numbered.sources, 1):
                out += paragraph(f"[{i}] {source_label(s)}", "", width, indent="  ", hang="      ")
                if s.get("url"):
                    out.append([("      ", ""), (s["url"], LINK)])
        out += [
            [],
            [("How each is decided: sovcloud assess --rules --framework eu-csf", "dim")],
        ]
        print_lines(console, out)


# --- the rules -----------------------------------------------------------------------------


class FrameworkRulesView(NamedTuple):
    """How `assess --framework` decides: `sovcloud assess --rules --framework eu-csf`, and
    the README's section, from the framework record and the RULES table."""

    framework: Record

    def _references(self) -> list[tuple[str, Record]]:
        """Each version's sources, as the framework record cites them."""
        sources = {s.get("id"): s for s in self.framework["sources"]}
        return [
            (v["version"], sources[i])
            for v in self.framework["versions"]
            for i in v["sources"]
            if i in sources
        ]

    def document(self) -> Any:
        fw = self.framework
        return {
            "intro": INTRO,
            "framework": {
                "id": fw["id"],
                "name": fw["name"],
                "authority": fw["authority"],
                "nominal_points": fw["nominal_points"],
                "versions": [
                    {
                        "version": v["version"],
                        "title": v["title"],
                        "published": v["published"],
                        "weights": v["weights"],
                        "seal_names": [localized(n, "en") for n in v["seal_names"]],
                    }
                    for v in fw["versions"]
                ],
                "objectives": [
                    {
                        "id": o["id"],
                        "name": localized(o["name"], "en"),
                        "criteria": [
                            {
                                "id": c["id"],
                                "title": localized(c["title"], "en"),
                                "answers": [
                                    {
                                        "label": localized(r["label"], "en"),
                                        "points": r["points"],
                                        "seal": r["seal"],
                                    }
                                    for r in c["rungs"]
                                ],
                            }
                            for c in o["criteria"]
                        ],
                    }
                    for o in fw["objectives"]
                ],
            },
            "rules": [
                {
                    "id": rule.id,
                    "title": rule.title,
                    "explanation": rule.explanation,
                    "answers": {c: list(n) for c, n in rule.answers.items()},
                    "references": [ref._asdict() for ref in rule.references],
                }
                for rule in RULES
            ],
        }

    def flat(self) -> Rows:
        headers = ["objective", "criterion", "title", "answer", "label", "points", "seal"]
        rows = [
            [
                o["id"],
                c["id"],
                localized(c["title"], "en"),
                str(n),
                localized(r["label"], "en"),
                number(r["points"]),
                str(r["seal"]),
            ]
            for o in self.framework["objectives"]
            for c in o["criteria"]
            for n, r in enumerate(c["rungs"], 1)
        ]
        return headers, rows

    def markdown(self) -> str:
        """The README's section on the framework, wrapped as the README is."""
        fw = self.framework

        def wrapped(text: str, indent: str = "") -> str:
            return fill(
                text,
                MARKDOWN_WIDTH,
                subsequent_indent=indent,
                break_long_words=False,
                break_on_hyphens=False,
            )

        out = [f"## How `assess --framework {fw['id']}` decides", "", wrapped(INTRO), ""]
        out += [wrapped(md(localized(fw["description"], "en"))), ""]
        out += ["### Versions, weights and level names", ""]
        objectives = [o["id"] for o in fw["objectives"]]
        headers = ["Version", "Published", *[label(o) for o in objectives]]
        rows = [
            [
                v["version"],
                str(v["published"]),
                *[f"{number(v['weights'][o])}%" for o in objectives],
            ]
            for v in fw["versions"]
        ]
        out += [md_table(headers, rows)]
        names = [
            [f"SEAL-{level}", *[localized(v["seal_names"][level], "en") for v in fw["versions"]]]
            for level in range(5)
        ]
        out += [md_table(["Level", *[v["version"] for v in fw["versions"]]], names)]
        out += [
            wrapped(
                "Without --weights, the latest version published by the day is used. An "
                "objective's points are out of a nominal "
                f"{number(fw['nominal_points'])}; the score is the sum of each objective's "
                "weight times its points over that nominal, in percent. Answers' points are "
                "rounded to two decimals in the calculator, so a perfect set of answers scores "
                "a little over 100%, as the calculator itself does."
            ),
            "",
            wrapped(md(localized(fw["note"], "en"))),
            "",
            "Sources:",
            "",
        ]
        for version, source in self._references():
            url = f" <{plain(source['url'])}>" if source.get("url") else ""
            out.append(wrapped(f"- ({md(version)}) {md(source_label(source))}{url}", "  "))
        out += ["", "### The criteria", ""]
        out += [
            wrapped(
                "Each criterion offers answers from the lowest score to the highest; the "
                "levels they allow are listed in that order."
            ),
            "",
        ]
        for o in fw["objectives"]:
            out.append(f"- {label(o['id'])} {md(localized(o['name'], 'en'))}:")
            for c in o["criteria"]:
                seals = "·".join(str(r["seal"]) for r in c["rungs"])
                out.append(
                    wrapped(
                        f"  - {label(c['id'])} {md(localized(c['title'], 'en'))}: SEAL {seals}",
                        "    ",
                    )
                )
        out += ["", "### What the records answer", ""]
        for rule in RULES:
            out += [f"#### {rule.title} (`{rule.id}`)", "", wrapped(rule.explanation), ""]
            if rule.references:
                out += ["References:", ""]
                out += [
                    wrapped(f'- {x.publisher}, "{x.title}", {x.date}: {x.note}. <{x.url}>', "  ")
                    for x in rule.references
                ]
                out.append("")
        out += [
            "#### Sourced answers (`sovereignty:`)",
            "",
            wrapped(
                "A provider's record may answer a criterion directly, in its `sovereignty:` "
                "section: the criterion, the answers a source supports (one when it settles "
                "it), the sources, and a note saying in our own words what they say. They "
                "count from their `since`, or from their earliest source, until their "
                "`until`. When the rules and the answers rule out every answer, the records "
                "disagree: all the answers any of them allows stay open, and the assessment "
                "says so."
            ),
            "",
        ]
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        fw = self.framework
        width = console.width
        out: list[Line] = paragraph(INTRO, "", width)
        out += [[], [(f"{fw['name']} ({fw['authority']})", "bold")]]
        for v in fw["versions"]:
            weights = ", ".join(f"{label(o)} {number(w)}%" for o, w in v["weights"].items())
            out += paragraph(
                f"version {v['version']} ({v['published']}): {weights}",
                "",
                width,
                indent="  ",
                hang="    ",
            )
        for o in fw["objectives"]:
            out += [[], [(f"{label(o['id'])} {localized(o['name'], 'en')}", "bold")]]
            for c in o["criteria"]:
                seals = "·".join(str(r["seal"]) for r in c["rungs"])
                out += paragraph(
                    f"{label(c['id'])} {localized(c['title'], 'en')}: SEAL {seals}",
                    "",
                    width,
                    indent="  ",
                    hang="    ",
                )
        out += [[], [("What the records answer", "bold underline")]]
        for rule in RULES:
            out += [[], [(rule.title, "bold"), (f"  ({rule.id})", "dim")]]
            out += paragraph(rule.explanation, "", width, indent="  ", hang="  ")
            for x in rule.references:
                out += paragraph(
                    f'{x.publisher}, "{x.title}", {x.date}: {x.note}.',
                    "dim",
                    width,
                    indent="  - ",
                    hang="    ",
                )
                out.append([("    ", ""), (x.url, LINK)])
        out += [
            [],
            [("Each criterion's answers, points and levels: --format csv or markdown", "dim")],
        ]
        print_lines(console, out)
