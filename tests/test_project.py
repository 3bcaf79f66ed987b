"""The project around the code: start-up imports, the schema, the docs, the shipped data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO, run

pytestmark = pytest.mark.private_cache


def test_help_does_not_load_heavy_modules() -> None:
    code = (
        "import sys\n"
        "from sovcloud.cli import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = [m for m in ('pydantic', 'yaml', 'rapidfuzz', 'sovcloud.models') "
        "if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert "HEAVY []" in out


def test_show_from_a_fresh_index_does_not_load_the_models_or_yaml(tmp_path: Path) -> None:
    # Typer itself imports pydantic to coerce parameters; what we avoid is building our
    # models and parsing YAML when the index is up to date.
    fixture = REPO / "tests" / "data"
    env_code = (
        "import sys\n"
        "from sovcloud.cli import app\n"
        "try:\n    app(['show', 'numspot', '--data', sys.argv[1]])\n"
        "except SystemExit:\n    pass\n"
        "print([m for m in ('yaml', 'sovcloud.models', 'sovcloud.loader') "
        "if m in sys.modules])\n"
    )
    import os

    env = {**os.environ, "SOVCLOUD_CACHE_DIR": str(tmp_path), "NO_COLOR": "1"}
    first = subprocess.run(
        [sys.executable, "-c", env_code, str(fixture)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert "'yaml'" in first  # the first run builds the index
    out = subprocess.run(
        [sys.executable, "-c", env_code, str(fixture)],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_version() -> None:
    from sovcloud import __version__

    result = run("--version")
    lines = result.stdout.splitlines()
    assert lines[0] == f"sovcloud {__version__}"
    assert lines[1].startswith("data: ") and "reviewed up to 2026-" in lines[1]


def test_schema_prints_json_schema_of_both_kinds() -> None:
    result = run("schema")
    schemas = json.loads(result.stdout)
    assert set(schemas) == {"providers", "events", "schemes", "tags", "frameworks"}
    provider = schemas["providers"]
    assert provider["$schema"].startswith("https://json-schema.org/")
    assert provider["additionalProperties"] is False
    assert {"id", "name", "certifications", "sources", "last_reviewed"} <= set(
        provider["properties"]
    )
    assert json.loads(run("schema", "events").stdout)["title"] == "Event"
    assert run("schema", "nothing").exit_code == 2


def test_schema_is_a_valid_json_schema() -> None:
    import pytest

    jsonschema = pytest.importorskip("jsonschema")
    for schema in json.loads(run("schema").stdout).values():
        jsonschema.Draft202012Validator.check_schema(schema)


def test_data_readme_examples_are_valid(tmp_path: Path) -> None:
    readme = (REPO / "data" / "README.md").read_text()
    blocks = re.findall(r"```yaml\n(.*?)```", readme, re.S)
    assert len(blocks) == 2
    (tmp_path / "providers").mkdir()
    (tmp_path / "events").mkdir()
    for block in blocks:
        id_ = re.search(r"^id: (\S+)", block, re.M).group(1)  # type: ignore[union-attr]
        folder = "providers" if "\nkind: joint-venture" in block else "events"
        (tmp_path / folder / f"{id_}.yaml").write_text(block)
    result = run("validate", str(tmp_path), "--format", "json")
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    # The examples refer to providers that exist in the real data only.
    assert codes <= {"SC203"}, result.stdout


def test_every_check_code_is_documented() -> None:
    from sovcloud.errors import CHECKS

    readme = (REPO / "data" / "README.md").read_text()
    used = set()
    for path in (REPO / "src" / "sovcloud").rglob("*.py"):
        used |= set(re.findall(r'"(SC\d{3})"', path.read_text()))
    for code in used:
        assert code in CHECKS
        assert f"| {code} | {CHECKS[code][1]} |" in readme


def test_validate_formats() -> None:
    from conftest import FIXTURE_DATA

    result = run("validate", str(FIXTURE_DATA), "--format", "json")
    document = json.loads(result.stdout)
    # Docaposte's HDS rests on press without a version: notices, which never fail.
    assert document["summary"] == {
        "files": 15,
        "providers": 6,
        "events": 5,
        "schemes": 4,
        "tags": 0,
        "frameworks": 0,
        "errors": 0,
        "warnings": 0,
        "notices": 3,
    }
    result = run("validate", str(FIXTURE_DATA), "--format", "github")
    assert "::notice file=" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("valid: 15 files")


def test_github_annotations_and_strict(data_dir: Path) -> None:
    event = data_dir / "events" / "2024-late.yaml"
    event.write_text(
        (data_dir / "events" / "2030-hdh-migration.yaml")
        .read_text()
        .replace("2030-hdh-migration", "2024-late")
        .replace("date: 2030", "date: 2024")
    )
    result = run("validate", str(data_dir), "--format", "github")
    assert result.exit_code == 0  # a warning only
    assert f"::warning file={event},line=3,title=SC302::" in result.stdout
    assert run("validate", str(data_dir), "--strict").exit_code == 1


def test_max_age_warns_about_old_reviews() -> None:
    from conftest import FIXTURE_DATA

    result = run("validate", str(FIXTURE_DATA), "--max-age", "10", "--format", "json")
    findings = [f for f in json.loads(result.stdout)["findings"] if f["code"] == "SC303"]
    assert len(findings) == 11  # the scheme records were reviewed on the day
    # Within 100 days every record was reviewed; no certification entry of the test
    # catalogue records when it was checked, so each is a warning of its own.
    result = run("validate", str(FIXTURE_DATA), "--max-age", "100", "--format", "json")
    findings = json.loads(result.stdout)["findings"]
    assert {f["code"] for f in findings if f["severity"] == "warning"} == {"SC307"}
    assert all("never checked" in f["message"] for f in findings if f["code"] == "SC307")


def test_command_line_choices_match_the_models() -> None:
    from sovcloud import vocabulary
    from sovcloud.models import EventKind, ProviderKind, ProviderStatus, ServiceModel
    from sovcloud.query import SORT_ORDERS

    assert vocabulary.PROVIDER_KINDS == tuple(k.value for k in ProviderKind)
    assert vocabulary.SERVICE_MODELS == tuple(s.value for s in ServiceModel)
    assert vocabulary.PROVIDER_STATUSES == tuple(s.value for s in ProviderStatus)
    assert vocabulary.EVENT_KINDS == tuple(k.value for k in EventKind)
    assert vocabulary.SORT_KEYS == tuple(SORT_ORDERS)


def test_help_shows_real_metavars() -> None:
    """Every option and argument shows what it takes in words (NAME, DATE, DIR), never
    Click's `<str>` or `{name}`."""
    import re

    commands = [
        "providers",
        "show",
        "timeline",
        "search",
        "compare",
        "schemes",
        "stats",
        "assess",
        "match",
        "changes",
        "stale",
        "validate",
        "schema",
        "dossier",
    ]
    commands += ["new provider", "new event"]
    commands += [f"export {kind}" for kind in ("json", "csv", "sqlite", "ics", "atom")]
    for command in commands:
        text = run(*command.split(), "--help").stdout
        assert not re.search(r"<(str|int|path|text|integer)>|\{[A-Za-z_]+\}", text), command


def test_an_unknown_language_is_refused() -> None:
    result = run("providers", "--lang", "xx")
    assert result.exit_code == 2
    assert "choose en or fr" in result.stderr


def test_an_error_line_is_never_wrapped(tmp_path: Path) -> None:
    long_name = tmp_path / ("a-rather-long-folder-name-" * 6)
    long_name.mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "sovcloud", "validate", str(long_name)],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "60"},
        check=False,
    )
    assert result.returncode == 1
    (line,) = result.stderr.splitlines()
    assert line.startswith("error: ") and str(long_name) in line


def test_old_installed_data_is_said_once_on_stderr(monkeypatch) -> None:
    monkeypatch.setenv("SOVCLOUD_TODAY", "2027-06-01")
    result = run("providers", "--secnumcloud")
    assert result.exit_code == 0
    assert result.stderr.count("last reviewed on 2026-11-30, 183 days ago") == 1
    assert "--data DIR" in result.stderr
    monkeypatch.setenv("SOVCLOUD_TODAY", "2026-12-15")
    assert "days ago" not in run("providers", "--secnumcloud").stderr


def test_the_dev_extra_holds_every_package_the_tests_import() -> None:
    # With the README's development setup (pip install -e '.[dev]'), no test is skipped for
    # a missing package: everything a test imports optionally is in the test extra, which
    # the dev extra includes.
    import tomllib

    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert "sovcloud[test]" in extras["dev"]
    wanted = {
        re.split(r"[<>=\[ ]", requirement)[0].lower().replace("-", "_")
        for requirement in extras["test"]
    }
    for path in (REPO / "tests").glob("*.py"):
        for module in re.findall(r"importorskip\(\"([\w.]+)\"\)", path.read_text()):
            assert module.split(".")[0] in wanted, f"{path.name} needs {module}: add it to test"
