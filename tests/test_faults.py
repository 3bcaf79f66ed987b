"""Faults: a damaged, unwritable or full index, two processes building it at once, a read-only
data directory, a file changed while it is read, a crash while the index is written. Each
run answers as the files say, or fails with one clear line; never a traceback, never a
half-written index. (test_index.py holds the simpler cases: not a database, truncated.)
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import EVERY_QUERY, answers_to, run
from sovcloud.index import cache_path

pytestmark = pytest.mark.private_cache


def answers(data_dir: Path) -> list[str]:
    """The answers to questions that cover every query path; each must succeed."""
    return answers_to(data_dir, EVERY_QUERY)


def truth(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The answers read straight from the files, without any index."""
    monkeypatch.setenv("SOVCLOUD_NO_CACHE", "1")
    try:
        return answers(data_dir)
    finally:
        monkeypatch.delenv("SOVCLOUD_NO_CACHE")


def age(data_dir: Path) -> None:
    """Date every file in the past, so that the index trusts what it stored about them."""
    for path in data_dir.rglob("*.yaml"):
        os.utime(path, (1_600_000_000, 1_600_000_000))


def sound(path: Path) -> bool:
    """Whether the file is a whole SQLite database (or absent: nothing half-written)."""
    if not path.exists():
        return True
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def stored_with(path: Path, text: str) -> int:
    """How many records the index at `path` holds that contain `text`."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        sql = "SELECT count(*) FROM records WHERE instr(record, ?) > 0"
        return int(conn.execute(sql, (text,)).fetchone()[0])
    finally:
        conn.close()


# --- two processes at once ---------------------------------------------------------------------


def generate(out: Path, providers: int, events: int) -> None:
    """A valid data directory of `providers` + `events` small records."""
    (out / "providers").mkdir(parents=True)
    (out / "events").mkdir()
    for i in range(providers):
        (out / "providers" / f"p-{i:04d}.yaml").write_text(
            textwrap.dedent(f"""\
            id: p-{i:04d}
            name: Provider {i:04d}
            kind: cloud-provider
            country: FR
            status: active
            description: Provider number {i}.
            certifications:
              - scheme: secnumcloud
                status: {"qualified" if i % 3 == 0 else "in-progress"}
                sources: [s]
            sources:
              - id: s
                publisher: P
                title: T
                date: 2024
                type: register
            last_reviewed: 2026-11-01
            """)
        )
    for i in range(events):
        (out / "events" / f"2024-01-01-e-{i:04d}.yaml").write_text(
            textwrap.dedent(f"""\
            id: 2024-01-01-e-{i:04d}
            date: 2024-01-01
            kind: other
            title: Event {i}
            summary: Event number {i}.
            providers: [p-{i % providers:04d}]
            sources:
              - publisher: P
                title: T
                date: 2024
                type: press
            last_reviewed: 2026-11-01
            """)
        )


def sovcloud(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sovcloud", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_building_a_fresh_index_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 400 files: above the size where each process reads them with a pool of workers.
    data = tmp_path / "data"
    generate(data, 100, 300)
    expected = {
        "files": 400,
        "providers": 100,
        "events": 300,
        "schemes": 0,
        "tags": 0,
        "frameworks": 0,
        "errors": 0,
        "warnings": 0,
        "notices": 0,
    }
    for attempt in range(2):
        monkeypatch.setenv("SOVCLOUD_CACHE_DIR", str(tmp_path / f"cache-{attempt}"))
        both = [
            sovcloud("validate", str(data), "--format", "json"),
            sovcloud("validate", str(data), "--format", "json"),
            sovcloud("providers", "--secnumcloud", "--data", str(data), "--format", "json"),
        ]
        outputs = [process.communicate(timeout=120) for process in both]
        for process, (_, stderr) in zip(both, outputs, strict=True):
            assert process.returncode == 0, stderr
            assert "Traceback" not in stderr
        assert json.loads(outputs[0][0])["summary"] == expected
        assert json.loads(outputs[1][0])["summary"] == expected
        assert len(json.loads(outputs[2][0])) == 34  # p-0000, p-0003, ... p-0099
        assert sound(cache_path(data))
    # The index they built together answers like the files.
    assert run("validate", str(data), "--format", "json").stdout == outputs[0][0]


# --- a damaged index -------------------------------------------------------------------------


def built(data_dir: Path) -> Path:
    age(data_dir)
    assert run("providers", "--data", str(data_dir)).exit_code == 0
    return cache_path(data_dir)


def test_an_index_that_is_a_folder_is_bypassed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = truth(data_dir, monkeypatch)
    cache_path(data_dir).mkdir(parents=True)
    assert answers(data_dir) == expected


def test_an_index_of_another_shape_is_bypassed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A whole database with the right format mark, but none of the tables it should hold.
    path = built(data_dir)
    conn = sqlite3.connect(path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        if table != "meta":
            conn.execute(f"DROP TABLE {table}")
    conn.commit()
    conn.close()
    assert answers(data_dir) == truth(data_dir, monkeypatch)


def damage_an_index_page(path: Path) -> None:
    """Zero the page of the index SQLite uses to find a record by id."""
    conn = sqlite3.connect(path)
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'files_id'").fetchone()
    conn.close()
    assert root, "the index has no files_id index any more: choose another page"
    raw = bytearray(path.read_bytes())
    raw[(root[0] - 1) * page : root[0] * page] = bytes(page)
    path.write_bytes(bytes(raw))


def damage_records(path: Path, sql: str) -> None:
    conn = sqlite3.connect(path)
    assert conn.execute(sql).rowcount > 0
    conn.commit()
    conn.close()


DAMAGE = {
    "page-of-an-index": damage_an_index_page,
    "record-not-json": lambda path: damage_records(
        path, "UPDATE records SET record = substr(record, 1, 40)"
    ),
    "record-not-utf8": lambda path: damage_records(
        path, "UPDATE records SET record = CAST(x'7b22ff22' AS TEXT)"
    ),
}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_an_index_damaged_inside_is_bypassed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    expected = truth(data_dir, monkeypatch)
    DAMAGE[damage](built(data_dir))
    assert answers(data_dir) == expected
    assert sound(cache_path(data_dir))  # set aside, then rebuilt


def test_an_index_whose_records_changed_is_not_believed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = truth(data_dir, monkeypatch)
    damage_records(
        built(data_dir), "UPDATE records SET record = replace(record, 'NumSpot', 'NumSpoT')"
    )
    assert answers(data_dir) == expected


# --- an unwritable or full index -------------------------------------------------------------


def with_pragma(monkeypatch: pytest.MonkeyPatch, *pragmas: str, read_only: bool = False) -> None:
    """Every SQLite database the index opens on disk gets these pragmas, or opens read-only."""
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        if str(database) == ":memory:":
            return real(database, *args, **kwargs)
        if read_only:
            database, kwargs["uri"] = f"file:{database}?mode=ro", True
        conn = real(database, *args, **kwargs)
        for pragma in pragmas:
            conn.execute(pragma)
        return conn

    monkeypatch.setattr(sqlite3, "connect", connect)


def test_a_read_only_index_is_served_or_bypassed(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Works for root too: SQLite itself refuses to write.
    expected = truth(data_dir, monkeypatch)
    path = built(data_dir)
    before = path.read_bytes()
    target = data_dir / "providers" / "outscale.yaml"
    target.write_text(target.read_text().replace("name: Outscale", "name: Outscale Renamed"))
    expected_after = truth(data_dir, monkeypatch)
    assert expected_after != expected
    with_pragma(monkeypatch, read_only=True)
    assert answers(data_dir) == expected_after  # a stale index is never served
    assert path.read_bytes() == before


def test_a_full_disk_while_writing_the_index(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = truth(data_dir, monkeypatch)
    path = built(data_dir)
    pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]
    # Every record grows, and the database may not grow by a single page: SQLITE_FULL.
    for file in [*data_dir.glob("providers/*.yaml"), *data_dir.glob("events/*.yaml")]:
        file.write_text(file.read_text() + "note: " + "a long note " * 500 + "\n")
    expected = truth(data_dir, monkeypatch)
    with monkeypatch.context() as patch:
        with_pragma(patch, f"PRAGMA max_page_count = {pages}")
        assert answers(data_dir) == expected
    assert sound(path) and stored_with(path, "a long note") == 0  # the old index, whole
    assert answers(data_dir) == expected  # and once there is room, the new one
    assert stored_with(path, "a long note") == 11


def test_a_full_disk_while_creating_the_index(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = truth(data_dir, monkeypatch)
    with_pragma(monkeypatch, "PRAGMA max_page_count = 3")
    assert answers(data_dir) == expected
    assert sound(cache_path(data_dir))


# --- a crash while writing the index -----------------------------------------------------------

CRASH = """
import os, sys
import sovcloud.loader as loader
real, calls = loader.read_record, []
def read_record(file):
    calls.append(file)
    if len(calls) == {after}:
        os._exit(9)  # as if killed: no clean-up, no rollback
    return real(file)
loader.read_record = read_record
sys.argv = ["sovcloud", *sys.argv[1:]]
from sovcloud.cli import main
main()
"""


@pytest.mark.parametrize("fresh", [True, False], ids=["first-build", "update"])
def test_a_crash_while_writing_the_index_leaves_it_whole(
    data_dir: Path, fresh: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = cache_path(data_dir)
    if not fresh:
        built(data_dir)
        target = data_dir / "providers" / "numspot.yaml"
        target.write_text(target.read_text().replace("name: NumSpot", "name: NumSpot Renamed"))
        for file in data_dir.rglob("*.yaml"):
            file.write_text(file.read_text() + "# edited\n")
    crashed = subprocess.run(
        [sys.executable, "-c", CRASH.format(after=5), "validate", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SOVCLOUD_NO_CACHE": ""},
    )
    assert crashed.returncode == 9, crashed.stderr
    assert sound(path)
    assert answers(data_dir) == truth(data_dir, monkeypatch)
    if not fresh:
        shown = run("show", "numspot", "-f", "json", "--data", str(data_dir))
        assert json.loads(shown.stdout)["provider"]["name"] == "NumSpot Renamed"


# --- the data directory ------------------------------------------------------------------------


def test_a_read_only_data_directory_is_served_and_never_written(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Simulated, so that it holds for root too: any write into the data directory fails.
    expected = truth(data_dir, monkeypatch)
    real_open, real_os_open = builtins.open, os.open
    attempts: list[str] = []

    def inside(path: Any) -> bool:
        try:
            return os.path.abspath(os.fsdecode(path)).startswith(str(data_dir))
        except TypeError:
            return False

    def guarded_open(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if inside(file) and any(c in mode for c in "wax+"):
            attempts.append(str(file))
            raise PermissionError(13, "Read-only file system", str(file))
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(file: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if inside(file) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            attempts.append(str(file))
            raise PermissionError(13, "Read-only file system", str(file))
        return real_os_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)
    assert answers(data_dir) == expected
    assert attempts == []


@pytest.mark.parametrize(
    "readable_again",
    [
        False,
        True,
    ],
    ids=["unreadable", "readable-again"],
)
def test_an_unreadable_record_is_one_clear_finding(
    data_dir: Path, readable_again: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Permissions do not stop root: refuse the read itself.
    real_open = os.open
    target = data_dir / "providers" / "bleu.yaml"

    def refusing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if str(file) == str(target):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(os, "open", refusing_open)
        result = run("validate", str(data_dir))
    assert result.exit_code == 1
    assert f"{target}:1: SC001" in result.stdout
    assert "cannot be read (Permission denied)" in result.stdout
    if readable_again:  # permissions fixed (chmod changes neither size nor time): read it
        assert run("validate", str(data_dir)).exit_code == 0


# --- a file that changes while it is read ------------------------------------------------------


def changing(patch: pytest.MonkeyPatch, target: Path, change: Any) -> list[str]:
    """Make `change(target)` happen after the listing and just before the file is read."""
    import sovcloud.loader as loader

    real = loader.read_record
    done: list[str] = []

    def read_record(file: Any) -> Any:
        if str(file.path) == str(target) and not done:
            change(target)
            done.append(str(target))
        return real(file)

    patch.setattr(loader, "read_record", read_record)
    return done


def rename(new_name: str) -> Any:
    def change(path: Path) -> None:
        path.write_text(path.read_text().replace("name: NumSpot", f"name: {new_name}"))

    return change


@pytest.mark.parametrize("cached", [True, False], ids=["index", "no-index"])
def test_a_file_changed_between_listing_and_reading(
    data_dir: Path, cached: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    age(data_dir)
    if not cached:
        monkeypatch.setenv("SOVCLOUD_NO_CACHE", "1")
    target = data_dir / "providers" / "numspot.yaml"
    target.write_text(target.read_text() + "# touched, so that it is read again\n")
    with monkeypatch.context() as patch:
        done = changing(patch, target, rename("NumSpot Changed"))
        first = run("show", "numspot", "-f", "json", "--data", str(data_dir))
    assert done, "the change did not happen during the run"
    assert first.exit_code == 0, first
    assert json.loads(first.stdout)["provider"]["name"] in ("NumSpot", "NumSpot Changed")
    again = run("show", "numspot", "-f", "json", "--data", str(data_dir))
    assert json.loads(again.stdout)["provider"]["name"] == "NumSpot Changed"


@pytest.mark.parametrize("change", ["emptied", "broken", "grown", "deleted"])
def test_a_file_spoilt_between_listing_and_reading(
    data_dir: Path, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    age(data_dir)
    target = data_dir / "providers" / "numspot.yaml"
    target.write_text(target.read_text() + "# touched\n")
    spoil = {
        "emptied": lambda p: p.write_text(""),
        "broken": lambda p: p.write_text("id: [numspot\n"),
        "grown": lambda p: p.write_text(p.read_text() + "#" * (2 * 1024 * 1024) + "\n"),
        "deleted": lambda p: p.unlink(),
    }[change]
    with monkeypatch.context() as patch:
        changing(patch, target, spoil)
        result = run("validate", str(data_dir))
    assert result.exit_code == 1, result
    assert f"{target}:" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    # The next run sees the file as it now is.
    again = run("validate", str(data_dir), "--format", "json")
    found = {(f["file"], f["code"]) for f in json.loads(again.stdout)["findings"]}
    if change == "deleted":
        assert all(file != str(target) for file, _ in found)
    else:
        code = {"emptied": "SC005", "broken": "SC004", "grown": "SC002"}[change]
        assert (str(target), code) in found


def test_a_cache_folder_that_vanishes_is_recreated(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = truth(data_dir, monkeypatch)
    path = built(data_dir)
    shutil.rmtree(path.parent)
    assert answers(data_dir) == expected
    assert path.exists() and sound(path)
