"""The known gaps of SECURITY.md, each as a test that fails today (xfail, strict): when one
is closed, its test passes, the strict mark fails the suite, and SECURITY.md must change."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from conftest import installed

pytestmark = pytest.mark.private_cache


@pytest.mark.xfail(strict=True, reason="freshness is the file's size and modification time")
def test_an_edit_restoring_size_and_time_is_seen(data_dir: Path) -> None:
    target = data_dir / "providers" / "numspot.yaml"
    os.utime(target, (1_600_000_000, 1_600_000_000))
    shown = installed("show", "numspot", "-f", "json", "--data", str(data_dir))
    assert json.loads(shown.stdout)["provider"]["name"] == "NumSpot"
    before = target.stat()
    target.write_text(target.read_text().replace("name: NumSpot", "name: NumSpoX"))
    os.utime(target, ns=(before.st_atime_ns, before.st_mtime_ns))  # same size, same time
    shown = installed("show", "numspot", "-f", "json", "--data", str(data_dir))
    assert json.loads(shown.stdout)["provider"]["name"] == "NumSpoX"


@pytest.mark.xfail(strict=True, reason="dated checks are stored per row and not capped")
def test_dated_findings_of_one_file_are_capped(data_dir: Path) -> None:
    sources = "".join(
        f"  - id: s{i}\n    publisher: P\n    title: T\n    date: 2031\n    type: press\n"
        for i in range(80)
    )
    text = (data_dir / "providers" / "bleuet-hosting.yaml").read_text()
    head, _, _ = text.partition("sources:\n")
    path = data_dir / "providers" / "bleuet-hosting.yaml"
    path.write_text(f"{head}sources:\n{sources}last_reviewed: 2026-11-01\n")
    done = installed("validate", str(data_dir), "--format", "json")
    own = [f for f in json.loads(done.stdout)["findings"] if f["file"] == str(path)]
    assert 0 < len(own) <= 50
