"""No traceback, ever: what goes wrong around the data (an unreadable folder, a read-only
file system, a full device on stdout, a name too long, absurd arguments, a malformed
SOVCLOUD_TODAY) ends in one line on stderr and the right exit code, and nothing is lost or
half-written. Each case runs the installed command; where root would not meet the fault
(permissions), it runs as `nobody`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, INSTALLED, as_nobody_prefix, give_to_nobody, installed
from sovcloud.cli import COMMANDS


def one_error_line(done: subprocess.CompletedProcess[str], code: int = 1) -> str:
    """The single line a failure printed on stderr (exit `code`, nothing else)."""
    assert done.returncode == code, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "Exception" not in done.stderr, done.stderr
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    if code == 2:  # Typer's usage errors: the usage, a hint, then the one error line
        lines = [line for line in lines if line.startswith("Error")]
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.fixture
def shared_data(public_tmp: Path) -> Path:
    """A copy of the test catalogue that `nobody` can read, with a cache it can write."""
    data = public_tmp / "data"
    shutil.copytree(FIXTURE_DATA, data)
    for path in [data, *data.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    for private in ("cache", "state"):  # nobody's own, as a user's cache and key folder are
        (public_tmp / private).mkdir(mode=0o700)
        give_to_nobody(public_tmp / private)
    return data


def nobody_env(data: Path) -> dict[str, str]:
    return {
        "SOVCLOUD_CACHE_DIR": str(data.parent / "cache"),
        "SOVCLOUD_STATE_DIR": str(data.parent / "state"),
        "HOME": str(data.parent / "state"),
    }


# --- an unreadable providers/ folder ----------------------------------------------------------


def test_an_unreadable_providers_folder(shared_data: Path) -> None:
    (shared_data / "providers").chmod(0)
    env = nobody_env(shared_data)
    done = installed("validate", str(shared_data), env=env, as_nobody=True)
    assert done.returncode == 1, done
    assert "Traceback" not in done.stderr
    assert f"{shared_data / 'providers'}:1: SC001" in done.stdout
    assert "cannot be listed (Permission denied)" in done.stdout
    # A query stops with its one error line, then the findings behind it.
    done = installed("providers", "--data", str(shared_data), env=env, as_nobody=True)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ") and "providers:1: SC001" in done.stderr


def test_an_unreadable_data_directory(shared_data: Path) -> None:
    shared_data.chmod(0o644)  # readable, but its entries cannot be reached
    line = one_error_line(
        installed("validate", str(shared_data), env=nobody_env(shared_data), as_nobody=True)
    )
    assert "cannot be read (Permission denied)" in line


# --- a read-only file system under export and new ------------------------------------------


def read_only(
    folder: Path, *args: str, as_nobody: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run the installed command with `folder` mounted read-only (a private mount namespace:
    nothing outside the command sees it); skips where that cannot be done."""
    unshare = shutil.which("unshare")
    if os.geteuid() != 0 or unshare is None:
        pytest.skip("mounting a read-only file system needs root and unshare")
    probe = subprocess.run([unshare, "-m", "true"], capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"no mount namespace here: {probe.stderr.decode().strip()}")
    user = as_nobody_prefix() if as_nobody else []
    script = 'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" && shift && exec "$@"'
    return subprocess.run(
        [unshare, "-m", "sh", "-c", script, "sh", str(folder), *user, str(INSTALLED), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **nobody_env(folder.parent / "data")} if as_nobody else None,
    )


EXPORTS = [
    ["export", "json", "{out}/all.json"],
    ["export", "csv", "{out}/tables"],
    ["export", "sqlite", "{out}/market.db"],
    ["export", "ics", "{out}/events.ics"],
    ["export", "atom", "{out}/feed.xml"],
    ["dossier", "numspot", "-o", "{out}/numspot.md"],
    ["providers", "--svg", "{out}/providers.svg"],
]


@pytest.mark.parametrize("as_nobody", [False, True], ids=["root", "nobody"])
@pytest.mark.parametrize("command", EXPORTS, ids=[" ".join(c[:2]) for c in EXPORTS])
def test_export_onto_a_read_only_file_system(
    shared_data: Path, command: list[str], as_nobody: bool
) -> None:
    out = shared_data.parent / "out"
    out.mkdir(mode=0o777)
    out.chmod(0o777)
    args = [a.format(out=out) for a in command]
    done = read_only(out, *args, "--data", str(shared_data), as_nobody=as_nobody)
    line = one_error_line(done)
    assert "Read-only file system" in line and str(out) in line
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("as_nobody", [False, True], ids=["root", "nobody"])
@pytest.mark.parametrize("kind", ["provider", "event"])
def test_new_on_a_read_only_file_system(shared_data: Path, kind: str, as_nobody: bool) -> None:
    before = sorted(p.name for p in shared_data.rglob("*"))
    extra = ["--date", "2024"] if kind == "event" else []
    done = read_only(
        shared_data,
        "new",
        kind,
        "Acme Cloud",
        *extra,
        "--data",
        str(shared_data),
        as_nobody=as_nobody,
    )
    assert "Read-only file system" in one_error_line(done)
    assert done.stdout == ""
    assert sorted(p.name for p in shared_data.rglob("*")) == before


def test_export_into_a_folder_we_may_not_write(shared_data: Path) -> None:
    out = shared_data.parent / "closed"
    out.mkdir()
    out.chmod(0o755)  # root's: nobody may not write in it
    done = installed(
        "export",
        "json",
        str(out / "all.json"),
        "--data",
        str(shared_data),
        env=nobody_env(shared_data),
        as_nobody=True,
    )
    assert "Permission denied" in one_error_line(done)
    assert list(out.iterdir()) == []


# --- stdout on a full device ----------------------------------------------------------------------

EVERY_COMMAND = {
    "validate": ["validate", str(FIXTURE_DATA)],
    "validate-json": ["validate", str(FIXTURE_DATA), "--format", "json"],
    "schema": ["schema"],
    "providers": ["providers"],
    "show": ["show", "numspot"],
    "timeline": ["timeline"],
    "search": ["search", "health"],
    "compare": ["compare", "bleu", "numspot"],
    "export": ["export", "json", "-"],
    "stats": ["stats"],
    "dossier": ["dossier", "numspot"],
    "assess": ["assess", "bleu"],
    "match": ["match", "--require", "hds"],
    "changes": ["changes", "--since", "2020"],
    "stale": ["stale"],
    "schemes": ["schemes"],
    "tags": ["tags"],
    "new": ["new", "provider", "Full Device Cloud"],
    "help": ["--help"],
    "version": ["--version"],
}


def test_every_command_is_tried_on_a_full_device() -> None:
    tried = {args[0] for args in EVERY_COMMAND.values()}
    assert set(COMMANDS) <= tried


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("name", EVERY_COMMAND)
def test_stdout_on_a_full_device(name: str, data_dir: Path) -> None:
    args = EVERY_COMMAND[name]
    if args[0] not in ("validate", "schema") and args[0].startswith("-") is False:
        args = [*args, "--data", str(data_dir)]
    with open("/dev/full", "w") as full:
        done = installed(*args, stdout=full, stderr=subprocess.PIPE, capture_output=False)
    assert one_error_line(done) == "error: cannot write the output: No space left on device"


def test_stdout_closed_early_is_quiet() -> None:
    process = subprocess.Popen(
        [str(INSTALLED), "timeline", "--data", str(FIXTURE_DATA)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "COLUMNS": "400"},
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone, as with `| head -0`
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 1 and stderr == ""


# --- names and arguments ------------------------------------------------------------------------


@pytest.mark.parametrize("command", EXPORTS, ids=[" ".join(c[:2]) for c in EXPORTS])
def test_a_legal_250_character_output_name(command: list[str], tmp_path: Path) -> None:
    name = "a" * 245 + {
        "json": ".json",
        "csv": "",
        "sqlite": ".db",
        "ics": ".ics",
        "atom": ".xml",
        "numspot": ".md",
    }.get(command[1], ".out")
    out = tmp_path / name
    args = [a if "{out}" not in a else str(out) for a in command]
    done = installed(*args, "--data", str(FIXTURE_DATA))
    assert done.returncode == 0, done.stderr
    assert out.exists() and len(out.name) <= 255
    assert [p.name for p in tmp_path.iterdir()] == [name]  # no temporary file left


@pytest.mark.parametrize("command", EXPORTS, ids=[" ".join(c[:2]) for c in EXPORTS])
def test_an_output_name_too_long(command: list[str], tmp_path: Path) -> None:
    out = tmp_path / ("é" * 130)  # 260 bytes: more than a file name may be
    args = [a if "{out}" not in a else str(out) for a in command]
    line = one_error_line(installed(*args, "--data", str(FIXTURE_DATA)))
    assert "File name too long" in line
    assert list(tmp_path.iterdir()) == []


def test_search_with_a_thousand_words() -> None:
    words = " ".join(f"word{i}" for i in range(1000))
    done = installed("search", words, "--data", str(FIXTURE_DATA), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    # A thousand words that a text holds: still found.
    words = " ".join(["health"] * 1000)
    done = installed("search", words, "--data", str(FIXTURE_DATA), "--format", "json")
    assert done.returncode == 0 and "health" in done.stdout.lower()


@pytest.mark.parametrize(
    "args",
    [
        ["search", "health", "--limit", str(2**64 + 1)],
        ["search", "health", "--limit", "-" + str(2**64)],
        ["stale", "--max-age", str(2**64)],
        ["validate", "--max-age", str(2**63)],
        ["validate", "--max-age", "99999999"],
    ],
    ids=["limit", "negative-limit", "stale-age", "validate-age", "validate-age-days"],
)
def test_numbers_beyond_their_range(args: list[str]) -> None:
    done = installed(*args, "--data", str(FIXTURE_DATA))
    assert "range" in one_error_line(done, code=2)


@pytest.mark.parametrize(
    "value",
    [
        "garbage",
        "2026-13-01",
        "2026-02-30",
        "\uff12\uff10\uff12\uff16-11-30",
        "20261130",
        "2026-11-30T00:00",
    ],
)
@pytest.mark.parametrize("command", ["providers", "validate", "show"])
def test_a_malformed_sovcloud_today(value: str, command: str) -> None:
    args = {"providers": ["providers"], "validate": ["validate"], "show": ["show", "numspot"]}
    done = installed(*args[command], "--data", str(FIXTURE_DATA), env={"SOVCLOUD_TODAY": value})
    assert "SOVCLOUD_TODAY" in one_error_line(done, code=2)
