"""What other tools rely on: the checked-in JSON Schemas (current, and agreeing with
`validate` through check-jsonschema), the data files' schema comments, the pre-commit hook."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import REPO, run

SCHEMAS = {"providers": "provider.schema.json", "events": "event.schema.json"}


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("check_jsonschema")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema),
         *map(str, files)],
        capture_output=True, text=True)


@pytest.mark.parametrize("kind", SCHEMAS)
def test_checked_in_schemas_are_current(kind: str) -> None:
    checked_in = (REPO / "schemas" / SCHEMAS[kind]).read_text(encoding="utf-8")
    assert checked_in == run("schema", kind).stdout, (
        f"schemas/{SCHEMAS[kind]} is out of date with the models: "
        "run `sovcloud schema --write schemas`")


def test_schema_write_regenerates_both_files(tmp_path: Path) -> None:
    result = run("schema", "--write", str(tmp_path))
    assert result.exit_code == 0 and result.stdout == ""
    for name in SCHEMAS.values():
        assert (tmp_path / name).read_bytes() == (REPO / "schemas" / name).read_bytes()
    assert run("schema", "--write", str(tmp_path / "nope")).exit_code == 1


@pytest.mark.parametrize("kind", SCHEMAS)
def test_shipped_data_passes_check_jsonschema(kind: str) -> None:
    files = sorted((REPO / "data" / kind).glob("*.yaml"))
    assert files
    done = check_jsonschema(REPO / "schemas" / SCHEMAS[kind], files)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("kind", SCHEMAS)
def test_test_catalogue_passes_check_jsonschema(kind: str) -> None:
    files = sorted((REPO / "tests" / "data" / kind).glob("*.yaml"))
    done = check_jsonschema(REPO / "schemas" / SCHEMAS[kind], files)
    assert done.returncode == 0, done.stdout + done.stderr


def test_check_jsonschema_refuses_a_bad_record(tmp_path: Path) -> None:
    good = (REPO / "tests" / "data" / "providers" / "outscale.yaml").read_text()
    bad = tmp_path / "outscale.yaml"
    bad.write_text(good.replace("kind: cloud-provider", "kind: spaceship")
                   .replace("country: FR", "country: France") + "colour: blue\n")
    done = check_jsonschema(REPO / "schemas" / "provider.schema.json", [bad])
    assert done.returncode == 1
    assert "spaceship" in done.stdout and "colour" in done.stdout
    event = tmp_path / "event.yaml"
    event.write_text("id: x\ndate: 23 May 2023\nkind: report\ntitle: t\nsummary: s\n"
                     "sources: []\nlast_reviewed: 2026-11-01\n")
    done = check_jsonschema(REPO / "schemas" / "event.schema.json", [event])
    assert done.returncode == 1


def test_schema_and_validate_agree_on_what_yaml_gives(data_dir: Path) -> None:
    # Unquoted versions arrive as numbers and days as dates (or strings, depending on the
    # YAML loader); accented links are allowed. Both checks must accept all of them.
    path = data_dir / "providers" / "outscale.yaml"
    path.write_text(path.read_text()
                    .replace('version: "3.2"', "version: 3.2")
                    .replace("https://cyber.example.gouv.fr/snc",
                             "https://cyber.example.gouv.fr/qualifiés")
                    + "founded: 2010-06-01\n")
    assert run("validate", str(data_dir)).exit_code == 0
    done = check_jsonschema(REPO / "schemas" / "provider.schema.json", [path])
    assert done.returncode == 0, done.stdout


def test_every_data_file_names_its_schema() -> None:
    files = 0
    for kind, schema in SCHEMAS.items():
        for path in sorted((REPO / "data" / kind).glob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first == f"# yaml-language-server: $schema=../../schemas/{schema}", path
            assert (path.parent / "../../schemas" / schema).resolve().is_file()
            files += 1
    assert files > 100


def test_pre_commit_hook_runs_validate() -> None:
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
    (hook,) = hooks
    assert hook["id"] == "sovcloud-validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False
    assert hook["files"] == r"\.ya?ml$"
    assert hook["entry"] == "sovcloud validate"
    # What pre-commit runs in a data repository laid out as this one.
    command = [sys.executable, "-m", "sovcloud", *hook["entry"].split()[1:], *hook["args"]]
    done = subprocess.run(command, cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
