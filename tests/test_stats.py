"""sovcloud stats: the counts, the bar charts and their formats, on the test catalogue."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest

from conftest import fixture_run
from sovcloud.render.charts import FULL, SHADE, StatsView, bar_text
from sovcloud.stats import Bar, Stats

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_json_counts_the_test_catalogue() -> None:
    result = fixture_run("stats", "--format", "json")
    assert result.exit_code == 0, result
    stats = json.loads(result.stdout)
    assert stats["as_of"] == "2026-11-30"
    assert (stats["providers"], stats["events"]) == (6, 5)
    assert stats["providers_by_country"] == [
        {"country": "FR", "providers": 5},
        {"country": "DE", "providers": 1},
    ]
    # Held today only: Outscale's SecNumCloud counts; NumSpot's (in progress), Bleu's
    # (announced) and Thésée's (expired) do not.
    schemes = {s["scheme"]: s["providers"] for s in stats["providers_by_scheme"]}
    assert schemes == {"hds": 2, "secnumcloud": 1, "iso-27001": 1, "bsi-c5": 1}
    assert stats["providers_by_scheme"][0] == {"scheme": "hds", "name": "HDS", "providers": 2}
    years = {y["year"]: (y["events"], y["expected"]) for y in stats["events_by_year"]}
    assert years["2023"] == (2, 0) and years["2030"] == (1, 1)
    assert years["2025"] == (0, 0)  # a year without events is a bar of 0, not a gap
    assert list(years) == [str(y) for y in range(2020, 2031)]


def test_csv_has_one_row_per_bar() -> None:
    rows = list(csv.DictReader(io.StringIO(fixture_run("stats", "-f", "csv").stdout)))
    assert {r["chart"] for r in rows} == {
        "providers_by_country",
        "providers_by_scheme",
        "events_by_year",
    }
    secnumcloud = next(r for r in rows if r["key"] == "secnumcloud")
    assert (secnumcloud["label"], secnumcloud["count"]) == ("SecNumCloud", "1")
    assert next(r for r in rows if r["key"] == "2030")["expected"] == "1"


def test_markdown_has_a_table_per_chart() -> None:
    md = fixture_run("stats", "-f", "markdown").stdout
    assert md.count("## ") == 3
    assert "| Country | Providers |\n| --- | --- |\n| FR | 5 |\n| DE | 1 |" in md
    assert "| 2030 | 1 | 1 |" in md


def test_plain_bars_are_readable_without_colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = fixture_run("stats").stdout
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert re.search(r"^  FR\s+5  █████$", out, re.M)
    assert re.search(r"^  DE\s+1  █$", out, re.M)
    assert re.search(r"^  SecNumCloud\s+1  █$", out, re.M)
    assert re.search(r"^  2030\s+1  ░ \(1 expected\)$", out, re.M)
    assert re.search(r"^  2025\s+0$", out, re.M)
    assert "░ expected: announced or planned" in out


def _render(view: StatsView, *, colour: bool, width: int) -> str:
    from rich.console import Console

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        force_terminal=colour,
        no_color=not colour,
        width=width,
        color_system="truecolor" if colour else None,
    )
    view.rich(console)
    return buffer.getvalue()


def _big_stats() -> Stats:
    return Stats(
        providers=500,
        events=400,
        on=dt.date(2026, 11, 24),
        by_country=[Bar("FR", 400), Bar("DE", 99), Bar("LU", 1)],
        by_scheme=[Bar("secnumcloud", 3), Bar("a-scheme-id-far-longer-than-any-name-we-know", 2)],
        by_year=[Bar("2024", 300, 0), Bar("2025", 0), Bar("2026", 100, 40)],
    )


@pytest.mark.parametrize("width", [80, 120])
def test_colour_only_adds(width: int) -> None:
    view = StatsView(_big_stats())
    coloured = _render(view, colour=True, width=width)
    assert "\x1b[" in coloured
    assert ANSI.sub("", coloured) == _render(view, colour=False, width=width)


def test_large_counts_are_scaled_to_the_width() -> None:
    out = _render(StatsView(_big_stats()), colour=False, width=80)
    assert max(len(line) for line in out.splitlines()) <= 80
    fr = next(line for line in out.splitlines() if line.startswith("  FR"))
    lu = next(line for line in out.splitlines() if line.startswith("  LU"))
    assert "400" in fr and fr.count(FULL) <= 60
    assert lu.count(FULL) == 1  # a count above 0 never looks like none
    assert "each █ is about" in out
    assert "  a-scheme-id-far-longer-…  2  ██" in out
    year = next(line for line in out.splitlines() if line.startswith("  2026"))
    assert SHADE in year and "(40 expected)" in year


def test_bar_text() -> None:
    assert bar_text(Bar("x", 0), 1.0) == ("", "")
    assert bar_text(Bar("x", 3), 1.0) == (FULL * 3, "")
    assert bar_text(Bar("x", 3, 1), 1.0) == (FULL * 2, SHADE)
    assert bar_text(Bar("x", 1000, 1), 0.01) == (FULL * 9, SHADE)


def test_empty_catalogue(tmp_path) -> None:
    (tmp_path / "providers").mkdir()
    (tmp_path / "events").mkdir()
    from conftest import run

    result = run("stats", "--data", str(tmp_path))
    assert result.exit_code == 0, result
    assert result.stdout.count("  none") == 3
    assert (
        json.loads(run("stats", "--data", str(tmp_path), "-f", "json").stdout)["events_by_year"]
        == []
    )


def test_help_has_examples() -> None:
    from conftest import run

    assert "sovcloud stats --svg stats.svg" in run("stats", "--help").stdout
