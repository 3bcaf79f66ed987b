"""A data directory large enough for the paths small ones never take: files read by worker
processes (started before the listing when the index is empty), and queries that trust the
folders' times and check only the files they show (above 2,000 files; the tests lower that
size to 400, so that 500 files take the path in a fifth of the time)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import pytest

import sovcloud.index
from conftest import REPO, answers_to, run

pytestmark = pytest.mark.private_cache

PROVIDERS, EVENTS = 150, 350  # 500 files: above QUICK_ABOVE (lowered) and PARALLEL_THRESHOLD


@pytest.fixture(autouse=True)
def _quick_above_400(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sovcloud.index.serve, "QUICK_ABOVE", 400)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("generate", REPO / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("large") / "data"
    module.generate(out, PROVIDERS, EVENTS)
    return out


@pytest.fixture
def large(generated: Path, tmp_path: Path) -> Path:
    """A private copy, which a test may edit."""
    return Path(shutil.copytree(generated, tmp_path / "data"))


COMMANDS = [
    ("providers", "-f", "json"),
    ("providers", "--secnumcloud", "-f", "json"),
    ("show", "numspot", "-f", "json"),
    ("timeline", "--since", "2024", "-f", "json"),
    ("search", "provider 00042", "-f", "json"),
    ("validate", "--format", "json"),
]


def answers(data_dir: Path) -> list[str]:
    return answers_to(data_dir, COMMANDS)


def test_read_in_parallel_or_not_the_answers_are_the_same(
    large: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert sovcloud.index.serve.QUICK_ABOVE < PROVIDERS + EVENTS
    assert sovcloud.index.refresh.PARALLEL_THRESHOLD < PROVIDERS + EVENTS
    built = answers(large)  # an empty index: read by workers started before the listing
    quick = answers(large)  # served from the index, trusting the folders' times
    assert json.loads(built[-1])["summary"]["files"] == PROVIDERS + EVENTS
    assert len(json.loads(built[1])) > 0 and len(json.loads(built[3])) > 20
    with monkeypatch.context() as patch:
        patch.setattr(sovcloud.index.refresh, "PARALLEL_THRESHOLD", 10**9)  # one process
        patch.setenv("SOVCLOUD_NO_CACHE", "1")
        serial = answers(large)
    assert built == quick == serial


def test_a_large_directory_sees_edits_and_new_files_at_once(large: Path) -> None:
    answers(large)
    target = large / "providers" / "provider-00042.yaml"
    target.write_text(target.read_text().replace("name: Provider 00042", "name: Renamed 42"))
    # A search shows the record as it now is: the files it shows are checked.
    found = run("search", "provider 00042", "-f", "json", "--data", str(large))
    assert json.loads(found.stdout)[0]["title"] == "Renamed 42"
    shown = run("show", "provider-00042", "-f", "json", "--data", str(large))
    assert json.loads(shown.stdout)["provider"]["name"] == "Renamed 42"
    new = large / "providers" / "newcomer.yaml"
    new.write_text(
        re.sub(r"(?m)^aliases: .*$", "aliases: []", target.read_text())
        .replace("id: provider-00042", "id: newcomer")
        .replace("name: Renamed 42", "name: Newcomer")
    )
    listed = run("providers", "-f", "json", "--data", str(large))
    assert "newcomer" in [p["id"] for p in json.loads(listed.stdout)]
