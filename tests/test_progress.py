"""The progress bar: drawn on a terminal during long work, never in a pipe, a file or CI."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, run
from sovcloud.index import Index
from sovcloud.render.progress import progress_bar, wanted

pytestmark = pytest.mark.private_cache


class Terminal(io.StringIO):
    """A stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _not_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_only_a_terminal_gets_a_bar(monkeypatch: pytest.MonkeyPatch) -> None:
    assert wanted(Terminal())
    assert not wanted(io.StringIO())
    with progress_bar("x", stream=io.StringIO()) as callback:
        assert callback is None  # a pipe: the work does not even report
    monkeypatch.setenv("CI", "true")
    assert not wanted(Terminal())
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TERM", "dumb")
    assert not wanted(Terminal())
    closed = Terminal()
    closed.close()
    assert not wanted(closed)


def test_the_bar_shows_long_work_then_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    screen = Terminal()
    with progress_bar("Checking data files", stream=screen, min_total=10) as callback:
        assert callback is not None
        for done in range(1, 1001, 100):
            callback(done, 1000)
        callback(1000, 1000)
    shown = screen.getvalue()
    assert "Checking data files" in shown
    assert "1000/1000" in shown


def test_short_work_shows_nothing() -> None:
    screen = Terminal()
    with progress_bar("Checking data files", stream=screen, min_total=500) as callback:
        assert callback is not None
        callback(11, 11)
    assert screen.getvalue() == ""


def many_files(tmp_path: Path, count: int) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    source = (data / "events" / "2023-hds-v2.yaml").read_text()
    for i in range(count):
        id_ = f"2023-copy-{i:04d}"
        (data / "events" / f"{id_}.yaml").write_text(
            source.replace("id: 2023-hds-v2", f"id: {id_}")
        )
    return data


def test_the_index_reports_to_the_bar(tmp_path: Path) -> None:
    data = many_files(tmp_path, 40)
    screen = Terminal()
    with progress_bar("Reading", stream=screen, min_total=20) as callback:
        index = Index.open(data, dt.date(2026, 11, 24), progress=callback, jobs=1)
    assert index.counts()["events"] == 45
    assert "55/55" in screen.getvalue()  # 45 events, 6 providers, 4 schemes


def test_validate_and_export_in_a_pipe_print_no_progress(tmp_path: Path) -> None:
    data = many_files(tmp_path, 30)
    result = run("validate", str(data))
    assert result.exit_code == 0
    assert result.stderr == ""
    result = run("export", "json", str(tmp_path / "out.json"), "--data", str(data))
    assert result.exit_code == 0
    assert result.stderr.strip().splitlines() == [
        f"wrote {tmp_path / 'out.json'}: 6 providers, 35 events"
    ]
