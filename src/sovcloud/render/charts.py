"""Bar charts of the market's counts (`sovcloud stats`), in every output format.

The bars are characters, so that a chart reads the same in plain text (NO_COLOR, a pipe,
a file) as in colour: a full block per unit (or per step when the counts outgrow the
width), a light shade for expected events, and the number always written beside the bar.
Colour only adds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from sovcloud.core.labels import scheme_name
from sovcloud.coverage import Coverage
from sovcloud.i18n import t, tn
from sovcloud.render.markup import Rows, md, md_table
from sovcloud.stats import Bar, Stats

if TYPE_CHECKING:
    from rich.console import Console

    from sovcloud.render.grid import Line

FULL = "█"
SHADE = "░"  # the part of a year's events that is only expected
MAX_BAR = 60  # wider bars are no easier to compare
LABEL_MAX = 24


class Chart(NamedTuple):
    """One chart as shown: its name in JSON and CSV, its title, and labelled bars."""

    name: str
    title: str
    bars: list[tuple[str, Bar]]  # (label, bar)
    style: str  # the bars' colour


def bar_text(bar: Bar, scale: float) -> tuple[str, str]:
    """(happened, expected) blocks for one bar: at least one block for any count above 0,
    so that a small count never looks like none."""
    if bar.value <= 0:
        return "", ""
    total = max(1, round(bar.value * scale))
    expected = max(1, round(bar.expected * scale)) if bar.expected else 0
    expected = min(expected, total)
    return FULL * (total - expected), SHADE * expected


def _short(label: str) -> str:
    """A label cut to LABEL_MAX characters: a scheme id may be long, the bars need room."""
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def chart_lines(chart: Chart, width: int, lang: str = "en") -> list[Line]:
    """A title, then one line per bar: label, count, bar, and how many are expected."""
    lines: list[Line] = [[(chart.title, "bold")]]
    if not chart.bars:
        return [*lines, [(f"  {t('none', lang)}", "dim")]]
    bars = [(_short(label), bar) for label, bar in chart.bars]
    label_width = max(len(label) for label, _ in bars)
    count_width = max(len(str(bar.value)) for _, bar in bars)
    notes = {
        bar.key: tn(bar.expected, " ({n} expected)", " ({n} expected)", lang)
        if bar.expected
        else ""
        for _, bar in bars
    }
    room = width - 2 - label_width - 2 - count_width - 2 - max(len(n) for n in notes.values())
    room = max(10, min(MAX_BAR, room))
    top = max(bar.value for _, bar in bars)
    scale = min(1.0, room / top) if top else 1.0
    for label, bar in bars:
        done, expected = bar_text(bar, scale)
        line: Line = [
            ("  " + label.ljust(label_width) + "  ", ""),
            (str(bar.value).rjust(count_width), "bold"),
        ]
        if done or expected:
            line += [("  ", ""), (done, chart.style), (expected, "yellow")]
        lines.append([*line, (notes[bar.key], "dim")])
    if scale < 1.0:
        each = t("each {block} is about {size}", lang, block=FULL, size=f"{1 / scale:.2g}")
        lines.append([(f"  {each}", "dim")])
    return lines


class StatsView(NamedTuple):
    stats: Stats
    lang: str = "en"

    def charts(self) -> list[Chart]:
        s, lang = self.stats, self.lang
        return [
            Chart(
                "providers_by_country",
                tn(
                    s.providers,
                    "Providers by country ({n} provider)",
                    "Providers by country ({n} providers)",
                    lang,
                ),
                [(bar.key, bar) for bar in s.by_country],
                "cyan",
            ),
            Chart(
                "providers_by_scheme",
                t("Providers holding a certification on {day}, by scheme", lang, day=s.on),
                [(scheme_name(bar.key), bar) for bar in s.by_scheme],
                "green",
            ),
            Chart(
                "events_by_year",
                tn(s.events, "Events per year ({n} event)", "Events per year ({n} events)", lang),
                [(bar.key, bar) for bar in s.by_year],
                "magenta",
            ),
        ]

    def document(self) -> Any:
        s = self.stats
        return {
            "as_of": s.on.isoformat(),
            "providers": s.providers,
            "events": s.events,
            "providers_by_country": [
                {"country": b.key, "providers": b.value} for b in s.by_country
            ],
            "providers_by_scheme": [
                {"scheme": b.key, "name": scheme_name(b.key), "providers": b.value}
                for b in s.by_scheme
            ],
            "events_by_year": [
                {"year": b.key, "events": b.value, "expected": b.expected} for b in s.by_year
            ],
            "coverage": [_coverage_document(c) for c in s.coverage],
        }

    def flat(self) -> Rows:
        headers = ["chart", "key", "label", "count", "expected"]
        rows = [
            [chart.name, bar.key, label, str(bar.value), str(bar.expected)]
            for chart in self.charts()
            for label, bar in chart.bars
        ]
        return headers, rows

    def markdown(self) -> str:
        heads = {
            "providers_by_country": ("Country", "Providers"),
            "providers_by_scheme": ("Scheme", "Providers"),
            "events_by_year": ("Year", "Events", "Of which expected"),
        }
        out = []
        for chart in self.charts():
            out += [f"## {chart.title}", ""]
            headers = [t(h, self.lang) for h in heads[chart.name]]
            if chart.name == "events_by_year":
                rows = [[label, str(b.value), str(b.expected)] for label, b in chart.bars]
            else:
                rows = [[label, str(b.value)] for label, b in chart.bars]
            out.append(md_table(headers, rows))
        out += [md(self._coverage_line(c)) + "  " for c in self.stats.coverage]
        return "\n".join(out) + ("\n" if self.stats.coverage else "")

    def _coverage_line(self, cov: Coverage) -> str:
        from sovcloud.render.schemes import coverage_line

        return coverage_line(cov, scheme_name(cov.scheme), self.lang)

    def rich(self, console: Console) -> None:
        from sovcloud.render.grid import paragraph, print_lines

        lines: list[Line] = []
        for chart in self.charts():
            if lines:
                lines.append([])
            lines += chart_lines(chart, console.width, self.lang)
        if any(bar.expected for bar in self.stats.by_year):
            key = t(
                "{shade} expected: announced or planned, not yet happened", self.lang, shade=SHADE
            )
            lines.append([(f"  {key}", "dim")])
        if self.stats.coverage:
            lines.append([])
        for cov in self.stats.coverage:
            lines += paragraph(self._coverage_line(cov), "bold", console.width)
        print_lines(console, lines)


def _coverage_document(cov: Coverage) -> Any:
    from sovcloud.render.schemes import coverage_document

    return coverage_document(cov)
