"""The derived index answers exactly as reading the files would, and never serves stale data."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from conftest import EVERY_QUERY, answers_to, run
from sovcloud.index import cache_path

pytestmark = pytest.mark.private_cache


def answers(data_dir: Path) -> list[str]:
    return answers_to(data_dir, EVERY_QUERY)


def test_same_answers_with_and_without_the_index(data_dir: Path, monkeypatch) -> None:
    with_index = answers(data_dir)
    assert cache_path(data_dir).exists()
    again = answers(data_dir)  # now served from the index
    monkeypatch.setenv("SOVCLOUD_NO_CACHE", "1")
    assert answers(data_dir) == with_index == again


def test_an_edited_file_is_seen_at_once(data_dir: Path) -> None:
    run("providers", "--data", str(data_dir))
    target = data_dir / "providers" / "outscale.yaml"
    target.write_text(target.read_text().replace("name: Outscale", "name: Outscale Renamed"))
    result = run("show", "outscale", "-f", "json", "--data", str(data_dir))
    assert json.loads(result.stdout)["provider"]["name"] == "Outscale Renamed"
    # Edited again within the same second, same size: still seen.
    target.write_text(target.read_text().replace("Outscale Renamed", "Outscale Remamed"))
    result = run("show", "outscale", "-f", "json", "--data", str(data_dir))
    assert json.loads(result.stdout)["provider"]["name"] == "Outscale Remamed"


def test_added_and_removed_files_are_seen(data_dir: Path) -> None:
    run("providers", "--data", str(data_dir))
    (data_dir / "providers" / "bleuet-hosting.yaml").unlink()
    result = run("providers", "-f", "json", "--data", str(data_dir))
    assert "bleuet-hosting" not in [r["id"] for r in json.loads(result.stdout)]
    broken = data_dir / "events" / "2024-broken.yaml"
    broken.write_text("id: [\n")
    result = run("timeline", "--data", str(data_dir))
    assert result.exit_code == 1 and f"{broken}:" in result.stderr


def test_corrupt_index_falls_back_without_error(data_dir: Path) -> None:
    expected = answers(data_dir)
    path = cache_path(data_dir)
    path.write_bytes(b"this is not a database" * 100)
    assert answers(data_dir) == expected
    # ... and the next run has rebuilt it.
    sqlite3.connect(path).execute("SELECT count(*) FROM files").fetchone()


def test_truncated_index_falls_back_without_error(data_dir: Path) -> None:
    expected = answers(data_dir)
    path = cache_path(data_dir)
    content = path.read_bytes()
    path.write_bytes(content[: len(content) // 3])
    assert answers(data_dir) == expected


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through permissions")
def test_unwritable_cache_falls_back_without_error(
    data_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    cache = tmp_path / "ro-cache"
    cache.mkdir()
    cache.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("SOVCLOUD_CACHE_DIR", str(cache))
    assert answers(data_dir)


def test_cache_that_is_a_file_falls_back(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    # Works for root too: a cache "directory" that is a plain file cannot be written.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    monkeypatch.setenv("SOVCLOUD_CACHE_DIR", str(blocker / "sub"))
    monkeypatch.setenv("SOVCLOUD_NO_CACHE", "")
    with_fallback = answers(data_dir)
    monkeypatch.setenv("SOVCLOUD_NO_CACHE", "1")
    assert answers(data_dir) == with_fallback


def test_xdg_cache_home_is_respected(data_dir: Path, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("SOVCLOUD_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    run("providers", "--data", str(data_dir))
    assert list((tmp_path / "xdg" / "sovcloud").glob("index-*.sqlite"))


def test_read_only_data_directory_is_served(data_dir: Path) -> None:
    for path in data_dir.rglob("*"):
        path.chmod(path.stat().st_mode & ~0o222)
    try:
        assert answers(data_dir)
    finally:
        for path in data_dir.rglob("*"):
            path.chmod(path.stat().st_mode | 0o200)


def test_an_index_built_later_still_answers_for_an_earlier_day(data_dir: Path, monkeypatch) -> None:
    # The event happened on 2026-11-01: built on 2026-11-30, the index leaves out its
    # "date in the future" check, which can no longer fire; asked for 2026-10-01, it must
    # notice and check again.
    event = data_dir / "events" / "2026-11-01-late.yaml"
    event.write_text(
        (data_dir / "events" / "2023-hds-v2.yaml")
        .read_text()
        .replace("2023-hds-v2", "2026-11-01-late")
        .replace("date: 2023\n", "date: 2026-11-01\n")
    )
    assert run("validate", str(data_dir)).exit_code == 0
    monkeypatch.setenv("SOVCLOUD_TODAY", "2026-10-01")
    result = run("validate", str(data_dir))
    assert result.exit_code == 1
    assert f"{event}:2: SC206" in result.stdout
