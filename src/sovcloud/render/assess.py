"""What `sovcloud assess NAME` shows, in every output format, and its rules (`--rules`).

AssessView wraps what assess.py computed and knows its four shapes, as the other views do:
the JSON document (also YAML), flat rows (CSV), Markdown, and lines for people. RulesView
prints the rules of assess_rules.py, which is also the README's section. Record text reaches
the terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.assess import Assessment
from sovcloud.assess_rules import MET, NOT_MET, RULES_INTRO, UNKNOWN, Rule, rules_in
from sovcloud.facts import Fact
from sovcloud.i18n import t, tn
from sovcloud.render.facts import (
    Numbered,
    rule_lines,
    source_md,
    source_text,
    sources_block,
    wrapped,
)
from sovcloud.render.markup import md, md_table

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

Rows = tuple[list[str], list[list[str]]]

STATUS_SHOWN = {MET: "met", NOT_MET: "not met", UNKNOWN: "unknown"}
STATUS_STYLES = {MET: "green", NOT_MET: "red", UNKNOWN: "yellow"}


# --- assess ---------------------------------------------------------------------------------


def _status(status: str, lang: str) -> str:
    """'met', 'not met' or 'unknown', in `lang`."""
    return t(STATUS_SHOWN[status], lang)


class AssessView(NamedTuple):
    assessment: Assessment  # its titles and facts already in `lang`
    lang: str = "en"

    def _facts(self) -> list[Fact]:
        return [f for c in self.assessment.criteria for f in c.verdict.facts]

    def _count(self) -> str:
        statuses = [c.verdict.status for c in self.assessment.criteria]
        counted = {MET: "{n} met", NOT_MET: "{n} not met", UNKNOWN: "{n} unknown"}
        return ", ".join(
            tn(statuses.count(s), text, text, self.lang) for s, text in counted.items()
        )

    def document(self) -> Any:
        a = self.assessment
        r = a.record
        return {
            "provider": {"id": r["id"], "name": r["name"], "country": r["country"]},
            "on": a.on.isoformat(),
            "as_of": a.as_of.isoformat() if a.as_of else None,
            "criteria": [
                {
                    "id": c.rule.id,
                    "title": c.rule.title,
                    "status": c.verdict.status,
                    "facts": [{"text": f.text, "sources": f.sources} for f in c.verdict.facts],
                }
                for c in a.criteria
            ],
            "notes": a.notes,
        }

    def flat(self) -> Rows:
        headers = ["provider", "on", "criterion", "title", "status", "facts", "sources"]
        a = self.assessment
        rows = [
            [
                a.record["id"],
                a.on.isoformat(),
                c.rule.id,
                c.rule.title,
                c.verdict.status,
                "; ".join(f.text for f in c.verdict.facts),
                "; ".join(
                    dict.fromkeys(
                        source_text(s, self.lang) for f in c.verdict.facts for s in f.sources
                    )
                ),
            ]
            for c in a.criteria
        ]
        return headers, rows

    def markdown(self) -> str:
        a = self.assessment
        r = a.record
        lang = self.lang
        numbered = Numbered.of(self._facts())
        out = [t("# Sovereignty profile: {name} ({id})", lang, name=md(r["name"]), id=md(r["id"]))]
        out += [
            "",
            t(
                "On {day}; {count}. The rules: `sovcloud assess --rules`.",
                lang,
                day=a.on,
                count=self._count(),
            ),
            "",
        ]
        out += [md(note) for note in a.notes] + ([""] if a.notes else [])
        out += [
            md_table(
                [t("Criterion", lang), t("Answer", lang)],
                [[c.rule.title, _status(c.verdict.status, lang)] for c in a.criteria],
            )
        ]
        for c in a.criteria:
            status = _status(c.verdict.status, lang)
            out += [t("## {title}: {status}", lang, title=md(c.rule.title), status=status), ""]
            for fact in c.verdict.facts:
                marks = numbered.marks(fact)
                out.append(f"- {md(fact.text)}" + (f" {md(marks)}" if marks else ""))
            out.append("")
        if numbered.sources:
            out += [f"## {t('Sources', lang)}", ""]
            out += [f"{i}. {source_md(s, lang)}" for i, s in enumerate(numbered.sources, 1)]
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        a = self.assessment
        r = a.record
        lang = self.lang
        width = console.width
        numbered = Numbered.of(self._facts())
        out: list[Line] = [
            [
                (r["name"], "bold"),
                (f"  ({r['id']})", "dim"),
                (t("  sovereignty profile on {day}", lang, day=a.on), ""),
            ]
        ]
        for note in a.notes:
            out += paragraph(note, "italic", width)
        pad = max(len(_status(s, lang)) for s in STATUS_SHOWN) + 2
        for c in a.criteria:
            status = c.verdict.status
            # The title wraps under itself; the rule's id follows it where it fits.
            head = paragraph(c.rule.title, "bold", width, indent=" " * pad, hang=" " * pad)
            head[0][0] = (_status(status, lang).upper().ljust(pad), f"bold {STATUS_STYLES[status]}")
            rule_id = f"  ({c.rule.id})"
            if sum(len(text) for text, _ in head[-1]) + len(rule_id) <= width:
                head[-1].append((rule_id, "dim"))
            else:
                head.append([(" " * pad, ""), (rule_id.strip(), "dim")])
            out += [[], *head]
            for fact in c.verdict.facts:
                marks = numbered.marks(fact)
                text = fact.text + (f" {marks}" if marks else "")
                out += paragraph(text, "", width, indent=" " * pad, hang=" " * (pad + 2))
        if numbered.sources:
            out += [[], [(t("Sources", lang), "bold underline")]]
            out += sources_block(numbered.sources, width, lang)
        footer = t(
            "{count}. How each is decided: sovcloud assess --rules", lang, count=self._count()
        )
        out += [[], [(footer, "dim")]]
        print_lines(console, out)


class RulesView(NamedTuple):
    """The rules of assess: `sovcloud assess --rules`, and the README section (in English)."""

    lang: str = "en"

    @property
    def rules(self) -> tuple[Rule, ...]:
        return rules_in(self.lang)

    @property
    def intro(self) -> str:
        return t(RULES_INTRO, self.lang)

    def document(self) -> Any:
        return [
            {
                "id": rule.id,
                "title": rule.title,
                "explanation": rule.explanation,
                "references": [ref._asdict() for ref in rule.references],
            }
            for rule in self.rules
        ]

    def flat(self) -> Rows:
        headers = ["id", "title", "explanation", "references"]
        rows = [
            [
                rule.id,
                rule.title,
                rule.explanation,
                "; ".join(f"{x.publisher}, {x.title}, {x.date} {x.url}" for x in rule.references),
            ]
            for rule in self.rules
        ]
        return headers, rows

    def markdown(self) -> str:
        """The README's section "How `assess` decides", generated from the rules table and
        wrapped as the README is."""
        out = [f"## {t('How `assess` decides', self.lang)}", "", wrapped(self.intro), ""]
        for rule in self.rules:
            out += [f"### {rule.title} (`{rule.id}`)", "", wrapped(rule.explanation), ""]
            if rule.references:
                out += [t("References:", self.lang), ""]
                out += [
                    wrapped(f'- {x.publisher}, "{x.title}", {x.date}: {x.note}. <{x.url}>', "  ")
                    for x in rule.references
                ]
                out.append("")
        return "\n".join(out).rstrip("\n") + "\n"

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        width = console.width
        out: list[Line] = paragraph(self.intro, "", width)
        out += rule_lines(self.rules, width)
        print_lines(console, out)


# --- match ----------------------------------------------------------------------------------
