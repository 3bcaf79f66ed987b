"""Files are never clobbered: `--force` replaces regular files only. A pipe or a character
device (or a link to one) is written into, as a shell's `>` would, or refused; `new` never
writes through a link that leaves the data folder. Every case runs the installed command.

The devices are made here (mknod, as root) rather than taken from /dev: were the guarantee
broken, the system's /dev/null would be the file replaced.
"""

from __future__ import annotations

import json
import os
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, installed


def fifo(path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    os.mkfifo(path)
    return path


def null_device(path: Path) -> Path:
    """A character device node that behaves as /dev/null (major 1, minor 3 on Linux)."""
    if os.geteuid() != 0 or not os.path.exists("/dev/null"):
        pytest.skip("making a device node needs root")
    null = os.stat("/dev/null").st_rdev
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, null)
    except OSError as exc:
        pytest.skip(f"cannot make a device node here: {exc}")
    return path


def kind(path: Path) -> str:
    mode = os.lstat(path).st_mode
    return {
        stat.S_IFIFO: "fifo",
        stat.S_IFCHR: "char",
        stat.S_IFREG: "file",
        stat.S_IFLNK: "link",
    }.get(stat.S_IFMT(mode), "other")


def export(*args: str) -> subprocess.CompletedProcess[str]:
    return installed("export", *args, "--data", str(FIXTURE_DATA))


def read_fifo(path: Path, into: list[bytes]) -> threading.Thread:
    def reader() -> None:
        with open(path, "rb") as handle:
            into.append(handle.read())

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    return thread


def test_export_force_writes_into_a_pipe_with_a_reader(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    received: list[bytes] = []
    reader = read_fifo(pipe, received)
    # The reader opens the pipe in its own time: the export may find no reader yet.
    for _ in range(50):
        done = export("json", str(pipe), "--force")
        if done.returncode == 0:
            break
        assert "no process is reading the pipe" in done.stderr
        reader.join(0.1)
    reader.join(30)
    assert done.returncode == 0, done.stderr
    assert kind(pipe) == "fifo"
    assert json.loads(received[0])["providers"]


def test_export_force_onto_a_pipe_without_reader_refuses(tmp_path: Path) -> None:
    pipe = fifo(tmp_path / "pipe")
    done = export("json", str(pipe), "--force")
    assert done.returncode == 1
    assert "no process is reading the pipe" in done.stderr and "Traceback" not in done.stderr
    assert kind(pipe) == "fifo"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]


@pytest.mark.parametrize("kind_", ["json", "ics", "atom"])
def test_export_force_onto_a_device_writes_into_it(tmp_path: Path, kind_: str) -> None:
    device = null_device(tmp_path / "null")
    done = export(kind_, str(device), "--force")
    assert done.returncode == 0, done.stderr
    assert kind(device) == "char"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_export_force_onto_a_link_to_a_device_keeps_both(tmp_path: Path) -> None:
    # As /dev/stdout is a link: the link stays, and the device behind it stays.
    device = null_device(tmp_path / "null")
    link = tmp_path / "stdout"
    link.symlink_to(device)
    done = export("json", str(link), "--force")
    assert done.returncode == 0, done.stderr
    assert kind(link) == "link" and kind(device) == "char"


def test_dossier_and_pictures_onto_a_device(tmp_path: Path) -> None:
    device = null_device(tmp_path / "null")
    for args in (
        ["dossier", "numspot", "-o", str(device), "--force"],
        ["providers", "--svg", str(device), "--force"],
    ):
        done = installed(*args, "--data", str(FIXTURE_DATA))
        assert done.returncode == 0, done.stderr
        assert kind(device) == "char"


def test_without_force_a_device_is_not_touched(tmp_path: Path) -> None:
    device = null_device(tmp_path / "null")
    done = export("json", str(device))
    assert done.returncode == 1 and "already exists" in done.stderr
    assert kind(device) == "char"


@pytest.mark.parametrize("make", ["fifo", "device"])
def test_a_database_is_never_staged_over_a_special_file(tmp_path: Path, make: str) -> None:
    target = fifo(tmp_path / "x") if make == "fifo" else null_device(tmp_path / "x")
    done = export("sqlite", str(target), "--force")
    assert done.returncode == 1
    assert "is not a regular file" in done.stderr and "Traceback" not in done.stderr
    assert kind(target) in ("fifo", "char")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x"]


def test_csv_tables_are_never_moved_over_a_special_file(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    pipe = fifo(out / "providers.csv")
    done = export("csv", str(out), "--force")
    assert done.returncode == 1 and "is not a regular file" in done.stderr
    assert kind(pipe) == "fifo"
    assert sorted(p.name for p in out.iterdir()) == ["providers.csv"]


# --- new --------------------------------------------------------------------------------------


def test_new_refuses_a_providers_folder_linked_outside(data_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    providers = data_dir / "providers"
    for path in providers.iterdir():
        path.rename(outside / path.name)
    providers.rmdir()
    providers.symlink_to(outside)
    before = sorted(p.name for p in outside.iterdir())
    done = installed("new", "provider", "Acme Cloud", "--data", str(data_dir))
    assert done.returncode == 1 and "outside the data directory" in done.stderr
    assert done.stdout == "" and "Traceback" not in done.stderr
    assert sorted(p.name for p in outside.iterdir()) == before
    # validate says the same of that folder.
    assert "SC013" in installed("validate", str(data_dir)).stdout


def test_new_refuses_a_dangling_link_where_the_record_would_go(
    data_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "target.yaml"
    (data_dir / "providers" / "acme-cloud.yaml").symlink_to(target)
    done = installed("new", "provider", "Acme Cloud", "--data", str(data_dir))
    assert done.returncode == 1 and "already exists" in done.stderr
    assert not target.exists()


def test_new_through_a_link_inside_the_data_folder_works(data_dir: Path) -> None:
    # A folder linked within the data folder is one validate accepts: so does new.
    real = data_dir / "all-events"
    (data_dir / "events").rename(real)
    (data_dir / "events").symlink_to(real)
    done = installed("new", "event", "Acme Cloud", "--date", "2024", "--data", str(data_dir))
    assert done.returncode == 0, done.stderr
    assert (real / "2024-acme-cloud.yaml").is_file()
