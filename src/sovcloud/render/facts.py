"""Facts with numbered sources, as the views of assess, match and changes show them.

A fact cites its sources; an answer numbers them once, in order of first citation, and marks
each fact with its numbers ([1][3-5]), then lists them as footnotes. Record text reaches the
terminal only through grid.print_lines, never as markup.
"""

from __future__ import annotations

from textwrap import fill
from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core.labels import source_label
from sovcloud.facts import Fact
from sovcloud.render.grid import LINK
from sovcloud.render.markup import md
from sovcloud.render.terminal import plain

if TYPE_CHECKING:
    from sovcloud.render.grid import Line

Record = dict[str, Any]

MARKDOWN_WIDTH = 95  # the README's line length


def wrapped(text: str, indent: str = "") -> str:
    """Markdown text wrapped as the README is (the rules' sections are generated into it)."""
    return fill(
        text,
        MARKDOWN_WIDTH,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    )


def source_text(source: Record, lang: str = "en") -> str:
    """One source on one line: label, then its link."""
    url = f" {source['url']}" if source.get("url") else ""
    return source_label(source, lang) + url


def source_md(source: Record, lang: str = "en") -> str:
    url = f" <{plain(source['url'])}>" if source.get("url") else ""
    return md(source_label(source, lang)) + url


def _source_key(source: Record) -> tuple[str, ...]:
    return tuple(str(source.get(k, "")) for k in ("publisher", "title", "date", "url"))


class Numbered(NamedTuple):
    """Sources numbered once for a whole answer, in order of first citation."""

    sources: list[Record]
    numbers: dict[tuple[str, ...], int]

    @classmethod
    def of(cls, facts: list[Fact]) -> Numbered:
        sources: list[Record] = []
        numbers: dict[tuple[str, ...], int] = {}
        for fact in facts:
            for source in fact.sources:
                key = _source_key(source)
                if key not in numbers:
                    sources.append(source)
                    numbers[key] = len(sources)
        return cls(sources, numbers)

    def marks(self, fact: Fact) -> str:
        """'[1][3-5]': the fact's sources, runs of numbers shortened."""
        found = sorted({self.numbers[_source_key(s)] for s in fact.sources})
        runs: list[list[int]] = []
        for n in found:
            if runs and n == runs[-1][-1] + 1:
                runs[-1].append(n)
            else:
                runs.append([n])
        return "".join(f"[{r[0]}]" if len(r) == 1 else f"[{r[0]}-{r[-1]}]" for r in runs)


def sources_block(sources: list[Record], width: int, lang: str = "en") -> list[Line]:
    """The numbered sources as footnotes: label, then link on its own line."""
    from sovcloud.render.grid import paragraph

    out: list[Line] = []
    for i, s in enumerate(sources, 1):
        out += paragraph(f"[{i}] {source_label(s, lang)}", "", width, indent="  ", hang="      ")
        if s.get("url"):
            out.append([("      ", ""), (s["url"], LINK)])
    return out


def rule_lines(rules: Any, width: int) -> list[Line]:
    """The terminal lines of a table of rules (assess's and the framework's): each rule's
    title and id, its explanation, then its references with their links."""
    from sovcloud.render.grid import paragraph

    out: list[Line] = []
    for rule in rules:
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
    return out
