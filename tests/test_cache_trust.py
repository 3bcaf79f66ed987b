"""The index is a cache, never an authority: whoever can write the cache but not the data
cannot change an answer. A row sovcloud did not write (forged with every checksum that needs
no key), stored findings emptied, an index that belongs to another user, that others may
write, that is reached through a link, or that was made under another key: each is set aside
with one line on stderr, and the answers come from the files. A relative XDG_CACHE_HOME is
ignored, as the XDG specification says.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import zlib
from pathlib import Path
from typing import Any

import pytest

from conftest import NOBODY, as_nobody_prefix, give_to_nobody, installed
from sovcloud.index import cache_path
from sovcloud.trust import digest

pytestmark = pytest.mark.private_cache

HYPERSCALER = """\
id: hyperscaler
name: Hyperscaler
kind: hyperscaler
country: US
status: active
description: A US hyperscaler with no French qualification.
sources:
  - id: s1
    publisher: P
    title: T
    date: 2024
    type: company
last_reviewed: 2026-11-01
"""


@pytest.fixture
def market(data_dir: Path) -> Path:
    (data_dir / "providers" / "hyperscaler.yaml").write_text(HYPERSCALER)
    for path in data_dir.rglob("*.yaml"):
        os.utime(path, (1_600_000_000, 1_600_000_000))  # old: the index trusts its copy
    return data_dir


def build(data_dir: Path, **env: str) -> Path:
    done = installed("providers", "--data", str(data_dir), env=env)
    assert done.returncode == 0, done.stderr
    return cache_path(data_dir)


def columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def forge_record(path: Path, id_: str, change: Any) -> None:
    """Change a stored record as someone who can write the cache would: the JSON, and every
    checksum that needs no key (a CRC, a plain hash), so that only a key can tell."""
    conn = sqlite3.connect(path)
    fid, text = conn.execute(
        "SELECT f.fid, r.record FROM files f JOIN records r ON r.fid = f.fid WHERE f.id = ?",
        (id_,),
    ).fetchone()
    record = json.loads(text)
    change(record, conn, fid)
    new = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    conn.execute("UPDATE records SET record = ? WHERE fid = ?", (new, fid))
    if "crc" in columns(conn, "records"):
        conn.execute("UPDATE records SET crc = ? WHERE fid = ?", (zlib.crc32(new.encode()), fid))
    if "rdigest" in columns(conn, "files"):
        conn.execute("UPDATE files SET rdigest = ? WHERE fid = ?", (digest(new.encode()), fid))
    conn.commit()
    conn.close()


def qualify(record: dict[str, Any], conn: sqlite3.Connection, fid: int) -> None:
    """Give the record a current SecNumCloud qualification, as NumSpot's entry is written,
    and the row that lets `providers --secnumcloud` find it."""
    numspot = json.loads(
        conn.execute(
            "SELECT r.record FROM files f JOIN records r ON r.fid = f.fid WHERE f.id = 'numspot'"
        ).fetchone()[0]
    )
    entry = next(c for c in numspot["certifications"] if c["scheme"] == "secnumcloud")
    record["certifications"] = [
        {
            **entry,
            "status": "qualified",
            "granted": "2024-01",
            "offers": [],
            "sources": ["s1"],
            "milestone": None,
        }
    ]
    for source in record["sources"]:
        source["type"] = "register"
    conn.execute(
        "INSERT INTO certs VALUES (?, 7, 'secnumcloud', 'qualified', ?, NULL)",
        (fid, entry["version"]),
    )


def qualified(data_dir: Path) -> tuple[list[str], str]:
    done = installed("providers", "--secnumcloud", "-f", "json", "--data", str(data_dir))
    assert done.returncode == 0, done.stderr
    return [p["id"] for p in json.loads(done.stdout)], done.stderr


def warning_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("warning:")]


# --- rows sovcloud did not write ----------------------------------------------------------------


def test_a_forged_qualification_is_never_served(market: Path) -> None:
    path = build(market)
    before, _ = qualified(market)
    assert "hyperscaler" not in before
    forge_record(path, "hyperscaler", qualify)
    ids, stderr = qualified(market)
    assert ids == before
    assert len(warning_lines(stderr)) == 1 and "index cache is not used" in stderr
    assessed = installed("assess", "hyperscaler", "-f", "json", "--data", str(market))
    assert assessed.returncode == 0, assessed.stderr
    assert '"qualified"' not in assessed.stdout
    shown = installed("show", "hyperscaler", "-f", "json", "--data", str(market))
    assert json.loads(shown.stdout)["provider"]["certifications"] == []
    # Set aside and rebuilt: the next run is quiet and right.
    again, stderr = qualified(market)
    assert again == before and stderr == ""


def test_emptied_stored_findings_do_not_pass_validate(market: Path) -> None:
    bad = market / "providers" / "hyperscaler.yaml"
    bad.write_text(HYPERSCALER + "unknown_field: x\n")
    os.utime(bad, (1_600_000_000, 1_600_000_000))
    first = installed("validate", str(market), "--strict")
    assert first.returncode == 1 and "SC101" in first.stdout
    conn = sqlite3.connect(cache_path(market))
    conn.execute("UPDATE files SET findings = '[]'")
    conn.execute("UPDATE meta SET value = '[]' WHERE key = 'findings'")
    conn.commit()
    conn.close()
    again = installed("validate", str(market), "--strict")
    assert again.returncode == 1 and "SC101" in again.stdout, again
    assert len(warning_lines(again.stderr)) <= 1


def test_findings_of_an_earlier_state_are_not_put_back(market: Path) -> None:
    # The stored findings of a clean state, put back after a file broke: not believed.
    installed("validate", str(market))
    conn = sqlite3.connect(cache_path(market))
    clean = dict(conn.execute("SELECT key, value FROM meta"))
    conn.close()
    bad = market / "providers" / "hyperscaler.yaml"
    bad.write_text(HYPERSCALER + "unknown_field: x\n")
    os.utime(bad, (1_600_000_100, 1_600_000_100))
    assert installed("validate", str(market)).returncode == 1
    conn = sqlite3.connect(cache_path(market))
    conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", clean.items())
    conn.commit()
    conn.close()
    done = installed("validate", str(market), "--strict")
    assert done.returncode == 1 and "SC101" in done.stdout


@pytest.mark.parametrize(
    "table,sql",
    [
        ("refs", "DELETE FROM refs"),
        ("search", "UPDATE search SET folded = 'x' || folded WHERE field = 'name'"),
        ("timed", "DELETE FROM timed"),
        ("certs", "UPDATE certs SET scheme = 'secnumcloud'"),
    ],
)
def test_validate_checks_every_row_it_reads(market: Path, table: str, sql: str) -> None:
    # A dangling reference, a shared name, a future date: found again after each tampering.
    event = market / "events" / "2023-hds-v2.yaml"
    event.write_text(
        event.read_text()
        .replace("tags: [hds]", "tags: [hds]\nproviders: [ghost]")
        .replace("date: 2023\n", "date: 2031\n", 1)
    )
    alias = market / "providers" / "hyperscaler.yaml"
    alias.write_text(HYPERSCALER.replace("name: Hyperscaler", "name: Hyperscaler\naliases: [Bleu]"))
    for path in market.rglob("*.yaml"):
        os.utime(path, (1_600_000_000, 1_600_000_000))
    expected = installed("validate", str(market), "--format", "json")
    codes = {f["code"] for f in json.loads(expected.stdout)["findings"]}
    assert {"SC203", "SC204", "SC206"} <= codes
    conn = sqlite3.connect(cache_path(market))
    conn.execute(sql)
    conn.execute("DELETE FROM meta WHERE key LIKE 'findings%'")  # computed again from the rows
    conn.commit()
    conn.close()
    done = installed("validate", str(market), "--format", "json")
    assert json.loads(done.stdout)["findings"] == json.loads(expected.stdout)["findings"]


# --- the witness: rows are checked again whenever the file changed behind sovcloud's back -------


def test_a_forged_row_is_found_though_the_file_times_are_put_back(market: Path) -> None:
    path = build(market)
    before, _ = qualified(market)
    st = os.stat(path)
    forge_record(path, "hyperscaler", qualify)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # the change time cannot be put back
    ids, stderr = qualified(market)
    assert ids == before and "index cache is not used" in stderr


def test_a_forged_index_with_the_witness_of_the_real_one_is_found(market: Path) -> None:
    path = build(market)
    before, _ = qualified(market)
    witness = Path(f"{path}.witness")
    kept = witness.read_bytes()
    forged = path.with_name("forged.sqlite")
    shutil.copy2(path, forged)  # same bytes, times and size: another file
    forge_record(forged, "hyperscaler", qualify)
    os.replace(forged, path)
    witness.write_bytes(kept)
    ids, stderr = qualified(market)
    assert ids == before and "index cache is not used" in stderr


def test_an_index_sovcloud_wrote_is_witnessed_until_someone_else_writes(market: Path) -> None:
    from sovcloud.trust import load_key, witnessed

    path = build(market)
    assert witnessed(path, load_key())
    assert stat.S_IMODE(os.stat(f"{path}.witness").st_mode) == 0o600
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO meta VALUES ('someone', 'else')")
    conn.commit()
    conn.close()
    assert not witnessed(path, load_key())
    build(market)  # checked row by row, found sound, witnessed again
    assert witnessed(path, load_key())


# --- an index that is not ours ------------------------------------------------------------------


def untouched(path: Path) -> tuple[bytes, int, int]:
    st = os.lstat(path)
    return path.read_bytes(), st.st_uid, stat.S_IMODE(st.st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_an_index_of_another_user_is_not_used(market: Path) -> None:
    path = build(market)
    forge_record(path, "hyperscaler", qualify)  # whatever it says
    os.chown(path, NOBODY, NOBODY)
    before = untouched(path)
    ids, stderr = qualified(market)
    assert "hyperscaler" not in ids
    assert "belongs to another user" in stderr and len(warning_lines(stderr)) == 1
    assert untouched(path) == before  # neither used nor changed nor removed


def test_an_index_others_may_write_is_not_used(market: Path) -> None:
    path = build(market)
    forge_record(path, "hyperscaler", qualify)
    path.chmod(0o666)
    before = untouched(path)
    ids, stderr = qualified(market)
    assert "hyperscaler" not in ids and "may be written by other users" in stderr
    assert untouched(path) == before


def test_a_cache_folder_others_may_write_is_not_used(market: Path, tmp_path: Path) -> None:
    cache = tmp_path / "shared-cache"
    cache.mkdir()
    cache.chmod(0o777)
    ids, stderr = qualified_with(market, SOVCLOUD_CACHE_DIR=str(cache))
    assert "hyperscaler" not in ids and "may be written by other users" in stderr
    assert list(cache.iterdir()) == []  # nothing written where others could change it


def qualified_with(data_dir: Path, **env: str) -> tuple[list[str], str]:
    done = installed("providers", "--secnumcloud", "-f", "json", "--data", str(data_dir), env=env)
    assert done.returncode == 0, done.stderr
    return [p["id"] for p in json.loads(done.stdout)], done.stderr


def test_an_index_reached_through_a_link_is_never_opened(market: Path, tmp_path: Path) -> None:
    # The link leads to another SQLite file with tables of the same names: it must not be
    # dropped, recreated or written.
    elsewhere = tmp_path / "precious.sqlite"
    conn = sqlite3.connect(elsewhere)
    conn.execute("CREATE TABLE files(x)")
    conn.execute("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO files VALUES ('keep me')")
    conn.commit()
    conn.close()
    before = elsewhere.read_bytes()
    path = cache_path(market)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(elsewhere)
    ids, stderr = qualified(market)
    assert "hyperscaler" not in ids and "symbolic link" in stderr
    assert elsewhere.read_bytes() == before and path.is_symlink()


def test_an_index_made_under_another_key_is_started_again(market: Path, tmp_path: Path) -> None:
    # As a cache restored in CI from another run, or copied from another machine.
    other = tmp_path / "other-state"
    path = build(market, SOVCLOUD_STATE_DIR=str(other))
    forge_record(path, "hyperscaler", qualify)
    ids, _ = qualified(market)
    assert "hyperscaler" not in ids
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM records").fetchone()[0] > 0  # rebuilt here
    conn.close()


def test_the_key_is_kept_private_outside_the_cache(market: Path) -> None:
    build(market)
    state = Path(os.environ["SOVCLOUD_STATE_DIR"])
    key = state / "index.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and key.stat().st_size == 32
    assert not key.resolve().is_relative_to(cache_path(market).parent.resolve())
    key.chmod(0o644)  # readable by others: not a secret any more
    ids, stderr = qualified(market)
    assert "may be read by other users" in stderr
    assert "hyperscaler" not in ids


def test_as_another_user_a_shared_cache_is_not_trusted(market: Path, public_tmp: Path) -> None:
    # nobody, pointed at a cache folder root owns and everyone may write (/tmp-like): it
    # writes nothing there, and answers from the files.
    prefix = as_nobody_prefix()
    assert prefix is not None
    data = public_tmp / "data"
    shutil.copytree(market, data)
    for item in [data, *data.rglob("*")]:
        item.chmod(0o755 if item.is_dir() else 0o644)
    shared = public_tmp / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    state = public_tmp / "state"
    state.mkdir(mode=0o700)
    give_to_nobody(state)
    done = installed(
        "providers",
        "--secnumcloud",
        "-f",
        "json",
        "--data",
        str(data),
        env={
            "SOVCLOUD_CACHE_DIR": str(shared),
            "SOVCLOUD_STATE_DIR": str(state),
            "HOME": str(state),
        },
        as_nobody=True,
    )
    assert done.returncode == 0, done.stderr
    assert "hyperscaler" not in done.stdout
    assert list(shared.iterdir()) == []
    assert len(warning_lines(done.stderr)) == 1


# --- where the cache is ---------------------------------------------------------------------


def test_a_relative_xdg_cache_home_is_ignored(data_dir: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "SOVCLOUD_CACHE_DIR"}
    env |= {"XDG_CACHE_HOME": "cache", "HOME": str(home)}
    import subprocess

    from conftest import INSTALLED

    done = subprocess.run(
        [str(INSTALLED), "validate", "."],
        cwd=data_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (data_dir / "cache").exists()
    assert list((home / ".cache" / "sovcloud").glob("index-*.sqlite"))


def test_completion_ignores_an_index_others_may_write(market: Path) -> None:
    from types import SimpleNamespace

    from sovcloud.cli.completion import provider_names

    path = build(market)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE search SET text = 'Planted' WHERE field = 'name'")
    conn.commit()
    conn.close()
    path.chmod(0o666)
    names = provider_names(SimpleNamespace(params={"data": market}), "")  # type: ignore[arg-type]
    assert ("Planted", "bleu") not in names
    assert ("numspot", "numspot") in names  # from the file names instead
