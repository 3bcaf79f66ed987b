"""Nothing outlives its command: the processes that read files for an index build die with
the command, however it is stopped (SIGTERM, SIGINT, kill -9 of it alone, not of its process
group), so that a CI step capturing its output is not left waiting on a pipe they hold."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_faults import generate

from conftest import installed_command
from sovcloud.index.refresh import die_with_parent

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="finding child processes needs /proc"
)


def children(pid: int) -> list[int]:
    """The live processes whose parent is `pid`."""
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            state = process_state(int(entry))
            if state is not None and state[1] == pid and state[0] not in "ZX":
                found.append(int(entry))
    return found


def process_state(pid: int) -> tuple[str, int] | None:
    """(state letter, parent pid) of a process, None when there is none."""
    try:
        with open(f"/proc/{pid}/stat") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return fields[0], int(fields[1])


def alive(pid: int) -> bool:
    state = process_state(pid)
    return state is not None and state[0] not in "ZX"


@pytest.fixture(scope="module")
def many_files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Enough files for the build to read them in worker processes for a while."""
    data = tmp_path_factory.mktemp("many") / "data"
    generate(data, 500, 4500)
    return data


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: files are read in-process")
@pytest.mark.parametrize(
    "sig", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"]
)
def test_reader_processes_die_with_the_command(
    many_files: Path, tmp_path: Path, sig: signal.Signals
) -> None:
    command = installed_command()
    build = subprocess.Popen(
        [*command, "validate", str(many_files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "SOVCLOUD_CACHE_DIR": str(tmp_path / "cache")},
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and time.monotonic() < deadline and build.poll() is None:
            workers = children(build.pid)
            time.sleep(0.01)
        assert workers, "the build started no reading process: the test proves nothing"
        time.sleep(0.3)  # reading now
        os.kill(build.pid, sig)
        # As a CI step would: wait for the output to end. The workers hold the same pipes.
        build.communicate(timeout=20)
        deadline = time.monotonic() + 10
        while any(alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert [w for w in workers if alive(w)] == []
    finally:
        build.kill()
        for worker in workers:  # left behind (without the fix): end them, by their id
            if alive(worker) and process_state(worker) is not None:
                os.kill(worker, signal.SIGKILL)


def _orphan(parent: int) -> None:
    try:
        die_with_parent(parent)  # the parent named is not ours: exits with 1 at once
    except BaseException:
        os._exit(5)
    os._exit(3)


def test_a_worker_whose_parent_is_already_gone_ends_at_once() -> None:
    context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
    process = context.Process(target=_orphan, args=(2**22 + 12345,))
    process.start()
    process.join(10)
    assert process.exitcode == 1
