"""Output for a person at a terminal: laid out to the terminal's width even when piped,
links that open on a click, long output in a pager; and none of it where no one looks."""

from __future__ import annotations

import pytest

from conftest import FIXTURE_DATA, in_terminal, installed

DATA = ("--data", str(FIXTURE_DATA))


def widest(text: str) -> int:
    return max(len(line) for line in text.splitlines())


# --- the width of piped output --------------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 200])
def test_piped_output_takes_the_width_of_the_terminal_behind_stderr(columns: int) -> None:
    # `sovcloud providers | head` typed at a terminal: stdout is a pipe, stderr the terminal.
    code, _, out = in_terminal("providers", *DATA, columns=columns, pipe_stdout=True)
    assert code == 0
    assert "Outscale" in out and "\x1b" not in out  # a pipe: plain text
    assert widest(out) <= columns
    if columns == 200:  # wider than the 100 columns of old: the table spreads out
        assert widest(out) > 100


def test_columns_wins_over_the_terminal() -> None:
    code, _, out = in_terminal(
        "providers", *DATA, columns=200, pipe_stdout=True, env={"COLUMNS": "80"}
    )
    assert code == 0 and widest(out) <= 80
    done = installed("providers", *DATA, env={"COLUMNS": "80"})
    assert done.returncode == 0 and widest(done.stdout) <= 80


def test_no_terminal_at_all_gives_100_columns() -> None:
    # CI, cron: nothing to measure. (installed() runs with stdout and stderr both piped.)
    done = installed("providers", *DATA, env={"COLUMNS": ""})
    assert done.returncode == 0
    assert 80 < widest(done.stdout) <= 100


def test_a_columns_that_is_not_a_number_is_ignored() -> None:
    done = installed("providers", *DATA, env={"COLUMNS": "wide"})
    assert done.returncode == 0, done.stderr
    assert widest(done.stdout) <= 100
