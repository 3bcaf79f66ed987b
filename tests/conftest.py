"""Shared fixtures: a fixed 'today', no colour, a fixed width, a private cache."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sovcloud.cli import app

TESTS = Path(__file__).parent
FIXTURE_DATA = TESTS / "data"
REPO = TESTS.parent
TODAY = "2026-11-30"


@pytest.fixture(autouse=True)
def _environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("SOVCLOUD_TODAY", TODAY)
    monkeypatch.setenv("SOVCLOUD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    # The index's key, outside the cache and private to the tests.
    monkeypatch.setenv("SOVCLOUD_STATE_DIR", str(tmp_path_factory.mktemp("state")))
    monkeypatch.delenv("SOVCLOUD_DATA", raising=False)
    monkeypatch.delenv("SOVCLOUD_LANG", raising=False)
    monkeypatch.delenv("SOVCLOUD_NO_CACHE", raising=False)
    # The test catalogue sits in sovcloud's own git checkout: its history is not the
    # catalogue's (tests that need one make a repository of their own).
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(TESTS))


class Result:
    def __init__(self, exit_code: int, stdout: str, stderr: str):
        self.exit_code = exit_code
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self) -> str:
        return f"Result({self.exit_code}, stdout={self.stdout!r}, stderr={self.stderr!r})"


def run(*args: str) -> Result:
    """Run the CLI as a user would; a Python exception escaping it fails the test."""
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)


# Questions covering every query path, on the test catalogue.
EVERY_QUERY = [
    ("providers", "-f", "json"),
    ("providers", "--secnumcloud", "--include-pending", "-f", "json"),
    ("show", "numspot", "-f", "json"),
    ("show", "2030-hdh-migration", "-f", "json"),
    ("timeline", "--since", "2022", "-f", "json"),
    ("search", "health", "-f", "json"),
    ("compare", "bleu", "outscale", "-f", "json"),
    ("validate", "--format", "json"),
]


def answers_to(data_dir: Path, commands: list[tuple[str, ...]]) -> list[str]:
    """The output of each command run on `data_dir`; each must succeed."""
    out = []
    for command in commands:
        result = run(*command, "--data", str(data_dir))
        assert result.exit_code == 0, (command, result)
        out.append(result.stdout)
    return out


def fixture_run(*args: str) -> Result:
    """Run a command against the small test catalogue."""
    return run(*args, "--data", str(FIXTURE_DATA))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private, writable copy of the test catalogue."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


# --- the installed command, as a user (or another user) runs it ------------------------------

INSTALLED = Path(sys.executable).with_name("sovcloud")
NOBODY = 65534


def installed(
    *args: str,
    env: dict[str, str] | None = None,
    as_nobody: bool = False,
    timeout: float = 120,
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    """Run the installed `sovcloud` console script in a subprocess (as `nobody` when asked,
    through setpriv: permissions do not stop root, so faults are tried as another user)."""
    command = [str(INSTALLED)] if INSTALLED.exists() else [sys.executable, "-m", "sovcloud"]
    if as_nobody:
        command = [*as_nobody_prefix(), *command]
    kwargs.setdefault("capture_output", True)
    return subprocess.run(
        [*command, *args],
        env={**os.environ, **(env or {})},
        text=True,
        timeout=timeout,
        **kwargs,
    )


def in_terminal(
    *args: str,
    columns: int = 80,
    rows: int = 24,
    pipe_stdout: bool = False,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> tuple[int, str, str]:
    """Run the installed command as from a terminal of `columns` x `rows` (a pseudo-terminal
    as stdin, stderr and, unless `pipe_stdout`, stdout), without $COLUMNS or $LINES unless `env`
    sets them: the exit
    code, what the terminal showed (newlines as written) and what stdout's pipe got."""
    import fcntl
    import struct
    import termios
    import threading

    command = [str(INSTALLED)] if INSTALLED.exists() else [sys.executable, "-m", "sovcloud"]
    environment = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    environment.update(env or {})
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    process = subprocess.Popen(
        [*command, *args],
        stdin=slave,
        stdout=subprocess.PIPE if pipe_stdout else slave,
        stderr=slave,
        env=environment,
        start_new_session=True,  # the terminal is its own, as a login's would be
    )
    os.close(slave)
    shown: list[bytes] = []

    def read_screen() -> None:
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: every writer has closed the terminal
                break
            if not chunk:
                break
            shown.append(chunk)

    reader = threading.Thread(target=read_screen, daemon=True)
    reader.start()
    out, _ = process.communicate(timeout=timeout)
    reader.join(timeout)
    os.close(master)
    screen = b"".join(shown).decode("utf-8", "replace").replace("\r\n", "\n")
    return process.returncode, screen, (out or b"").decode("utf-8", "replace")


def as_nobody_prefix() -> list[str]:
    """The command prefix that runs a program as `nobody`; skips the test when there is none."""
    if os.geteuid() != 0:
        return []  # already not root: the test runs as this user
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot try this as an ordinary user")
    return [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"]


@pytest.fixture
def public_tmp() -> Any:
    """A temporary folder that another user can reach (pytest's own are private to their
    owner), removed afterwards."""
    import tempfile

    path = Path(tempfile.mkdtemp(prefix="sovcloud-test-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def give_to_nobody(path: Path) -> None:
    """Make a folder tree belong to `nobody` (only root can)."""
    if os.geteuid() != 0:
        return
    for item in [path, *path.rglob("*")]:
        os.lchown(item, NOBODY, NOBODY)


def reseal_record(conn: Any, fid: int, record_text: str) -> None:
    """Store `record_text` as file `fid`'s record with the hashes sovcloud would have made,
    signed with the user's key: what a bug past validation could leave, or someone holding
    the key. (Without the key, a changed row is refused: see test_cache_trust.py.)"""
    from sovcloud.index.store import SEALED_COLUMNS
    from sovcloud.trust import digest, load_key, seal

    conn.execute("UPDATE records SET record = ? WHERE fid = ?", (record_text, fid))
    conn.execute("UPDATE files SET rdigest = ? WHERE fid = ?", (digest(record_text.encode()), fid))
    values = conn.execute(
        f"SELECT {', '.join(SEALED_COLUMNS)} FROM files WHERE fid = ?", (fid,)
    ).fetchone()
    conn.execute("UPDATE files SET mac = ? WHERE fid = ?", (seal(load_key(), values), fid))
