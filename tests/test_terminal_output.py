"""Output for a person at a terminal: laid out to the terminal's width even when piped,
links that open on a click, long output in a pager; and none of it where no one looks."""

from __future__ import annotations

import re
import sys
from pathlib import Path

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


# --- links ----------------------------------------------------------------------------------

OSC8 = re.compile(r"\x1b]8;[^;\x1b]*;([^\x1b]*)\x1b\\(.*?)\x1b]8;;\x1b\\", re.S)
SGR = re.compile(r"\x1b\[[0-9;]*m")
SITE = "https://numspot.example.com"
REGISTER = "https://cyber.example.gouv.fr/snc"


def links(screen: str) -> dict[str, str]:
    """Each hyperlink's target and the text it shows."""
    return {m.group(1): SGR.sub("", m.group(2)) for m in OSC8.finditer(screen)}


@pytest.fixture
def colour(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("TTY_COMPATIBLE", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


@pytest.mark.usefixtures("colour")
@pytest.mark.parametrize(
    ("args", "url"),
    [(["show", "numspot"], SITE), (["changes", "--since", "2020"], REGISTER)],
    ids=["show", "changes"],
)
def test_a_terminal_gets_clickable_links_showing_their_whole_address(
    args: list[str], url: str
) -> None:
    code, screen, _ = in_terminal(*args, *DATA, columns=80, rows=500)
    assert code == 0, screen
    assert links(screen).get(url) == url  # the address is the visible text: copying works


@pytest.mark.usefixtures("colour")
@pytest.mark.parametrize(
    "env",
    [{"FORCE_COLOR": "1"}, {}],
    ids=["forced-colour", "plain"],
)
def test_a_pipe_never_gets_links(env: dict[str, str]) -> None:
    code, _, out = in_terminal("show", "numspot", *DATA, pipe_stdout=True, env=env)
    assert code == 0
    assert SITE in out and "\x1b]8" not in out
    if env:  # colour was asked for, and given: only the links are left out
        assert SGR.search(out)


@pytest.mark.usefixtures("colour")
@pytest.mark.parametrize("env", [{"NO_COLOR": "1"}, {"TERM": "dumb"}], ids=["no-color", "dumb"])
def test_no_links_where_colour_is_off(env: dict[str, str]) -> None:
    code, screen, _ = in_terminal("show", "numspot", *DATA, rows=500, env=env)
    assert code == 0
    assert SITE in screen and "\x1b" not in screen


def test_a_file_never_gets_links(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR")
    out = tmp_path / "numspot.txt"
    with out.open("w") as file:
        done = installed(
            "show", "numspot", *DATA, stdout=file, capture_output=False, env={"FORCE_COLOR": "1"}
        )
    assert done.returncode == 0
    text = out.read_text()
    assert SITE in text and "\x1b]8" not in text


# --- the pager ------------------------------------------------------------------------------

FAKE_PAGER = """\
import sys
with open(sys.argv[1], "a", encoding="utf-8") as shown:
    shown.write(sys.stdin.read())
"""


@pytest.fixture
def pager(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$PAGER is a program that keeps what it is given in a file (returned): it exists
    once the pager has run."""
    script = tmp_path / "pager.py"
    script.write_text(FAKE_PAGER)
    kept = tmp_path / "paged.txt"
    monkeypatch.setenv("PAGER", f"{sys.executable} {script} {kept}")
    monkeypatch.delenv("SOVCLOUD_PAGER", raising=False)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("TERM", "xterm-256color")
    return kept


LONG = {
    "providers": ["providers"],
    "show": ["show", "numspot"],
    "timeline": ["timeline"],
    "changes": ["changes", "--since", "2020"],
    "search": ["search", "numspot"],
}


@pytest.mark.parametrize("command", LONG, ids=list(LONG))
def test_output_longer_than_the_screen_goes_to_the_pager(pager: Path, command: str) -> None:
    code, screen, _ = in_terminal(*LONG[command], *DATA, rows=8)
    assert code == 0, screen
    paged = pager.read_text()
    assert paged.count("\n") >= 8 and "\x1b[" in paged  # the whole output, in colour
    assert len(SGR.sub("", screen).strip()) == 0  # nothing printed around the pager


def test_output_that_fits_is_printed_without_the_pager(pager: Path) -> None:
    code, screen, _ = in_terminal("providers", *DATA, rows=100)
    assert code == 0
    assert not pager.exists()
    assert "Outscale" in screen


@pytest.mark.parametrize("where", ["command", "global"])
def test_no_pager(pager: Path, where: str) -> None:
    args = ["providers", *DATA, "--no-pager"]
    if where == "global":
        args = ["--no-pager", "providers", *DATA]
    code, screen, _ = in_terminal(*args, rows=8)
    assert code == 0
    assert not pager.exists()
    assert "Outscale" in screen


def test_never_a_pager_without_a_terminal(pager: Path) -> None:
    code, _, out = in_terminal("providers", *DATA, rows=8, pipe_stdout=True)
    assert code == 0 and "Outscale" in out
    done = installed("providers", *DATA)  # no terminal at all
    assert done.returncode == 0 and "Outscale" in done.stdout
    assert not pager.exists()


def test_sovcloud_pager_comes_first_and_cat_means_none(
    pager: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOVCLOUD_PAGER", "cat")
    code, screen, _ = in_terminal("providers", *DATA, rows=8)
    assert code == 0 and "Outscale" in screen
    assert not pager.exists()


@pytest.mark.parametrize(
    "chosen", ["/nonexistent/pager -R", "no-such-pager-anywhere -P'%f'"], ids=["exec", "shell"]
)
def test_a_pager_that_cannot_start_leaves_the_output_printed(
    pager: Path, monkeypatch: pytest.MonkeyPatch, chosen: str
) -> None:
    monkeypatch.setenv("PAGER", chosen)
    code, screen, _ = in_terminal("providers", *DATA, rows=8)
    assert code == 0, screen
    assert "Outscale" in screen and "Thésée" in screen


def test_links_reach_only_a_pager_that_shows_them(pager: Path) -> None:
    code, _, _ = in_terminal("show", "numspot", *DATA, rows=8)
    assert code == 0
    paged = pager.read_text()
    assert SITE in paged and "\x1b]8" not in paged  # an unknown pager: plain addresses


# --- ids and links whole ---------------------------------------------------------------------

LONG_ID = "2022-03-outscale-qualified-secnumcloud-after-a-very-long-audit-of-its-iaas"


def test_a_long_event_id_is_never_cut_and_stays_inside_the_terminal(data_dir: Path) -> None:
    event = data_dir / "events" / "2022-03-outscale-qualified.yaml"
    text = event.read_text().replace("id: 2022-03-outscale-qualified", f"id: {LONG_ID}")
    event.unlink()
    (data_dir / "events" / f"{LONG_ID}.yaml").write_text(text)
    for columns in ("80", "100", "200"):
        done = installed("timeline", "--data", str(data_dir), env={"COLUMNS": columns})
        assert done.returncode == 0, done.stderr
        assert LONG_ID in done.stdout.split("\n") or any(
            line.strip() == LONG_ID for line in done.stdout.splitlines()
        ), done.stdout
        assert widest(done.stdout) <= int(columns)
