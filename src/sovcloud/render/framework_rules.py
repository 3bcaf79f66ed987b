"""How `sovcloud assess --framework eu-csf` decides: `sovcloud assess --rules --framework
eu-csf`, in every output format, which is also the README's section.

FrameworkRulesView shows the framework record (versions, weights, level names, criteria and
their answers) and the RULES of framework_rules.py. Record text reaches the terminal only
through grid.print_lines, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core.labels import source_label
from sovcloud.framework_assess import label
from sovcloud.framework_rules import INTRO, RULES
from sovcloud.i18n import localized
from sovcloud.render.facts import rule_lines, wrapped
from sovcloud.render.markup import md, md_table
from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

Record = dict[str, Any]
Rows = tuple[list[str], list[list[str]]]


def number(value: float) -> str:
    """Points and percentages as people write them: 83.34, 125, 31.2."""
    return f"{round(value, 2):g}"


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
        out = [f"## How `assess --framework {fw['id']}` decides", "", wrapped(INTRO), ""]
        out += [wrapped(md(localized(fw["description"], "en"))), ""]
        out += self._versions_md()
        out += self._criteria_md()
        out += self._rules_md()
        return "\n".join(out).rstrip("\n") + "\n"

    def _versions_md(self) -> list[str]:
        """Each version's weights and level names, how the score is counted, the sources."""
        fw = self.framework
        out = ["### Versions, weights and level names", ""]
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
        return out

    def _criteria_md(self) -> list[str]:
        """Each objective's criteria, with the levels their answers allow."""
        out = ["", "### The criteria", ""]
        out += [
            wrapped(
                "Each criterion offers answers from the lowest score to the highest; the "
                "levels they allow are listed in that order."
            ),
            "",
        ]
        for o in self.framework["objectives"]:
            out.append(f"- {label(o['id'])} {md(localized(o['name'], 'en'))}:")
            for c in o["criteria"]:
                seals = "·".join(str(r["seal"]) for r in c["rungs"])
                out.append(
                    wrapped(
                        f"  - {label(c['id'])} {md(localized(c['title'], 'en'))}: SEAL {seals}",
                        "    ",
                    )
                )
        return out

    def _rules_md(self) -> list[str]:
        """What the records answer: the RULES, then the sourced answers."""
        out = ["", "### What the records answer", ""]
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
        return out

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
        out += rule_lines(RULES, width)
        out += [
            [],
            [("Each criterion's answers, points and levels: --format csv or markdown", "dim")],
        ]
        print_lines(console, out)
