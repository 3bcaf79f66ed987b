"""What ships: the wheel and the sdist carry the data, py.typed and one version; the docs'
pictures regenerate from the tool; CONTRIBUTING.md names commands that exist."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tarfile
import tomllib
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, run
from sovcloud import __version__


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sdist, and the wheel built from it, as `python -m build` makes them (offline:
    the build backend is taken from this environment)."""
    for module in ("build", "hatchling"):
        if importlib.util.find_spec(module) is None:
            pytest.skip(f"{module} is not installed (pip install -e '.[dev]')")
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_wheel_carries_the_data_and_py_typed(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert wheel.name == f"sovcloud-{__version__}-py3-none-any.whl"
    names = set(zipfile.ZipFile(wheel).namelist())
    for kind in ("providers", "events", "schemes", "tags", "frameworks"):
        shipped = {f"sovcloud/data/{kind}/{p.name}" for p in (REPO / "data" / kind).glob("*.yaml")}
        assert shipped and shipped <= names
    assert "sovcloud/py.typed" in names
    # Both licences travel with the wheel, and the metadata names them.
    assert {
        f"sovcloud-{__version__}.dist-info/licenses/LICENSE",
        f"sovcloud-{__version__}.dist-info/licenses/data/LICENSE.md",
    } <= names
    assert not any("__pycache__" in n or n.startswith("tests/") for n in names)
    metadata = zipfile.ZipFile(wheel).read(f"sovcloud-{__version__}.dist-info/METADATA")
    assert f"\nVersion: {__version__}\n" in metadata.decode()
    assert "\nLicense-Expression: Apache-2.0 AND CC-BY-4.0\n" in metadata.decode()
    entry_points = (
        zipfile.ZipFile(wheel).read(f"sovcloud-{__version__}.dist-info/entry_points.txt").decode()
    )
    assert "sovcloud = sovcloud.cli:main" in entry_points


def test_sdist_carries_the_data_and_the_contributor_files(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    root = f"sovcloud-{__version__}"
    with tarfile.open(sdist) as archive:
        names = set(archive.getnames())
    for path in (
        "data/providers/numspot.yaml",
        "data/README.md",
        "src/sovcloud/py.typed",
        "CONTRIBUTING.md",
        ".pre-commit-hooks.yaml",
        "schemas/provider.schema.json",
        "docs/make_screens.sh",
        "docs/stats.svg",
        "docs/examples/data-repo/.pre-commit-config.yaml",
        "docs/examples/data-repo/.github/workflows/validate.yml",
    ):
        assert f"{root}/{path}" in names, path
    data_files = {n for n in names if n.startswith(f"{root}/data/") and n.endswith(".yaml")}
    assert len(data_files) == len(list((REPO / "data").rglob("*.yaml")))


def test_one_version_string() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text())
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["hatch"]["version"]["path"] == "src/sovcloud/__init__.py"
    written = [
        p
        for p in (REPO / "src").rglob("*.py")
        if re.search(r"^__version__\s*=", p.read_text(), re.M)
    ]
    assert written == [REPO / "src" / "sovcloud" / "__init__.py"]
    assert run("--version").stdout.splitlines()[0] == f"sovcloud {__version__}"


def test_the_changelog_has_a_section_for_this_version() -> None:
    """Releases are kept per version: Unreleased on top, then this version with its day."""
    headings = re.findall(r"^## (.+)$", (REPO / "CHANGELOG.md").read_text(), re.M)
    assert headings[0] == "Unreleased"
    assert re.fullmatch(rf"{re.escape(__version__)} — \d{{4}}-\d{{2}}-\d{{2}}", headings[1])


def test_docs_pictures_regenerate(tmp_path: Path) -> None:
    env = {**os.environ, "SOVCLOUD": f"{sys.executable} -m sovcloud"}
    done = subprocess.run(
        ["bash", str(REPO / "docs" / "make_screens.sh"), str(tmp_path)],
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    made = sorted(p.name for p in tmp_path.iterdir())
    assert made == ["providers-secnumcloud.svg", "stats.svg", "timeline.svg"]
    for name in made:
        shipped = REPO / "docs" / name
        assert shipped.is_file(), f"docs/{name} is missing: run bash docs/make_screens.sh"
        for path in (tmp_path / name, shipped):
            text = path.read_text(encoding="utf-8")
            root = ET.fromstring(text)
            assert root.tag == "{http://www.w3.org/2000/svg}svg"
            # Nothing fetched to show it (Rich's own template loads a font from a CDN).
            assert "url(" not in text.replace("url(#", ""), f"{path}: run docs/make_screens.sh"


def test_contributing_names_commands_that_exist() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for command in (
        "sovcloud new provider",
        "sovcloud new event",
        "sovcloud validate",
        "sovcloud schema",
        "pre-commit install",
        "python -m build",
    ):
        assert command in guide, command
    assert "# yaml-language-server: $schema=../../schemas/provider.schema.json" in guide
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text()
    hook_id = re.search(r"^- id: (\S+)", hooks, re.M)
    assert hook_id and f"id: {hook_id.group(1)}" in guide
    assert run("new", "provider", "--help").exit_code == 0
    assert run("new", "event", "--help").exit_code == 0
