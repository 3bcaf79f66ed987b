"""Shared fixtures: a fixed 'today', no colour, a fixed width, a cache of the tests' own."""

from __future__ import annotations

import io
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


@pytest.fixture(scope="session")
def _shared_cache(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """One cache and one key for the session's tests (for each worker): an index is built
    once per catalogue, as it is for a user, instead of once per test."""
    return tmp_path_factory.mktemp("cache"), tmp_path_factory.mktemp("state")


@pytest.fixture(autouse=True)
def _environment(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path_factory: pytest.TempPathFactory,
    _shared_cache: tuple[Path, Path],
):
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    monkeypatch.setenv("SOVCLOUD_TODAY", TODAY)
    # Tests that forge, break or time the cache, or need it cold, have one of their own
    # (`pytestmark = pytest.mark.private_cache`); the others share one.
    if request.node.get_closest_marker("private_cache"):
        cache, state = tmp_path_factory.mktemp("cache"), tmp_path_factory.mktemp("state")
    else:
        cache, state = _shared_cache
    monkeypatch.setenv("SOVCLOUD_CACHE_DIR", str(cache))
    # The index's key, outside the cache and private to the tests.
    monkeypatch.setenv("SOVCLOUD_STATE_DIR", str(state))
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


def _built_once() -> None:
    """Typer's test runner turns the app into its Click command at every call, which was
    half of an in-process run's time (every command's parameters, read from signatures):
    the command is built once per process instead. The command holds no state between
    invocations; a Typer without the private name keeps building it each time."""
    import typer.testing

    build = getattr(typer.testing, "_get_command", None)
    if build is None:
        return
    built: dict[Any, Any] = {}  # keyed by the app itself, which it keeps alive

    def once(typer_app: Any) -> Any:
        if typer_app not in built:
            built[typer_app] = build(typer_app)
        return built[typer_app]

    typer.testing._get_command = once  # type: ignore[attr-defined]


_built_once()


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


def installed_command() -> list[str]:
    """How to start the installed command: its console script, or `python -m sovcloud`
    where the environment has none."""
    return [str(INSTALLED)] if INSTALLED.exists() else [sys.executable, "-m", "sovcloud"]


NOBODY = 65534


def installed(
    *args: str,
    env: dict[str, str] | None = None,
    as_nobody: bool = False,
    timeout: float = 120,
    **kwargs: Any,
) -> subprocess.CompletedProcess[str]:
    """Run `sovcloud` as a process of its own: its exit code, stdout and stderr as text.

    As another user (`as_nobody`, through setpriv: permissions do not stop root), with
    redirections of the caller's own, or with settings that Python reads as it starts (its
    encoding, its locale), this starts the installed console script. Otherwise the process is
    forked from this one and runs the function the console script runs, `sovcloud.cli:main`,
    on its own descriptors and environment: the same exit code and output, without starting
    and importing again (most of the suite's time otherwise). `in_terminal()`, the pipe,
    worker and completion tests run the console script itself."""
    environment = {**os.environ, **(env or {})}
    # Standard output may go to a file of the caller's (e.g. /dev/full), stderr captured.
    stdout = kwargs.get("stdout") if set(kwargs) == {"stdout", "stderr", "capture_output"} else None
    forkable = not kwargs or (
        stdout is not None and kwargs["stderr"] == subprocess.PIPE and not kwargs["capture_output"]
    )
    if as_nobody or not forkable or not hasattr(os, "fork") or _read_at_start(environment):
        return _started(*args, env=environment, as_nobody=as_nobody, timeout=timeout, **kwargs)
    return _forked(list(args), environment, timeout, stdout)


def _read_at_start(environment: dict[str, str]) -> bool:
    """Whether the environment changes what Python reads only as it starts (its encoding,
    its buffering, its locale): a forked process would keep this one's."""
    keys = {k for k in {*environment, *os.environ} if k.startswith(("PYTHON", "LC_", "LANG"))}
    return any(environment.get(k) != os.environ.get(k) for k in keys)


def _started(
    *args: str, env: dict[str, str], as_nobody: bool, timeout: float, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    command = installed_command()
    if as_nobody:
        command = [*as_nobody_prefix(), *command]
    kwargs.setdefault("capture_output", True)
    return subprocess.run([*command, *args], env=env, text=True, timeout=timeout, **kwargs)


def _forked(
    args: list[str], environment: dict[str, str], timeout: float, stdout: Any = None
) -> subprocess.CompletedProcess[str]:
    import threading
    import time

    stdin_r, stdin_w = os.pipe()
    out_r, out_w = os.pipe()
    err_r, err_w = os.pipe()
    if stdout is not None:  # the caller's file instead of a pipe: nothing to read back
        os.close(out_w)
        out_w = os.dup(stdout.fileno())
    pid = os.fork()
    if pid == 0:  # the child: sovcloud's process from here on, and it never returns
        code = 1
        try:
            for fd, target in ((stdin_r, 0), (out_w, 1), (err_w, 2)):
                os.dup2(fd, target)
            for fd in (stdin_r, stdin_w, out_r, out_w, err_r, err_w):
                os.close(fd)
            os.environ.clear()
            os.environ.update(environment)
            # The streams Python would open: its encoding, stderr line-buffered, both
            # unbuffered under PYTHONUNBUFFERED (which _read_at_start keeps as here).
            encoding = sys.__stdout__.encoding if sys.__stdout__ else "utf-8"
            unbuffered = bool(environment.get("PYTHONUNBUFFERED"))

            def stream(fd: int, errors: str, by_line: bool) -> io.TextIOWrapper:
                raw = io.FileIO(fd, "w", closefd=False)
                binary = raw if unbuffered else io.BufferedWriter(raw)
                return io.TextIOWrapper(
                    binary,  # type: ignore[arg-type]
                    encoding=encoding,
                    errors=errors,
                    line_buffering=by_line,
                    write_through=unbuffered,
                )

            sys.stdin = open(0, encoding=encoding, closefd=False)  # noqa: SIM115
            sys.stdout = stream(1, "strict", by_line=False)
            sys.stderr = stream(2, "backslashreplace", by_line=True)
            sys.argv = [str(INSTALLED), *args]
            # The console script is run as a file, not with -m: Click names the program
            # (and completion its variable) after it, not after `python -m pytest`.
            import types

            sys.modules["__main__"] = types.ModuleType("__main__")
            from sovcloud.cli import main

            try:
                main()
                code = 0
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
                if isinstance(done.code, str):
                    sys.stderr.write(done.code + "\n")
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # shown as a traceback, as Python would show it
            import traceback

            traceback.print_exc()
            sys.stderr.flush()
        finally:
            os._exit(code)
    for fd in (stdin_r, out_w, err_w):
        os.close(fd)
    os.close(stdin_w)  # nothing on stdin, as with capture_output
    chunks: dict[int, list[bytes]] = {out_r: [], err_r: []}

    def drain(fd: int) -> None:
        while block := os.read(fd, 65536):
            chunks[fd].append(block)
        os.close(fd)

    readers = [threading.Thread(target=drain, args=(fd,), daemon=True) for fd in chunks]
    for reader in readers:
        reader.start()
    deadline = time.monotonic() + timeout  # one timeout for the whole run, as subprocess's
    for reader in readers:
        reader.join(max(0.0, deadline - time.monotonic()))
    if any(reader.is_alive() for reader in readers):
        os.kill(pid, 9)
        os.waitpid(pid, 0)
        raise subprocess.TimeoutExpired(args, timeout)
    _, status = os.waitpid(pid, 0)
    out, err = (b"".join(chunks[fd]).decode("utf-8", "replace") for fd in (out_r, err_r))
    return subprocess.CompletedProcess(
        [str(INSTALLED), *args], os.waitstatus_to_exitcode(status), out, err
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

    command = installed_command()
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
