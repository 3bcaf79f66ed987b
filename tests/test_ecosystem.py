"""What other tools rely on: the checked-in JSON Schemas (current, and agreeing with
`validate` through check-jsonschema), the data files' schema comments, the pre-commit hooks,
and the files a data repository copies (docs/examples/data-repo/), which the guides show."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA, INSTALLED, REPO, run
from sovcloud import __version__

SCHEMAS = {"providers": "provider.schema.json", "events": "event.schema.json"}


def check_jsonschema(schema: Path, files: list[Path]) -> subprocess.CompletedProcess[str]:
    pytest.importorskip("check_jsonschema")
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(schema), *map(str, files)],
        capture_output=True,
        text=True,
    )


@pytest.mark.parametrize("kind", SCHEMAS)
def test_checked_in_schemas_are_current(kind: str) -> None:
    checked_in = (REPO / "schemas" / SCHEMAS[kind]).read_text(encoding="utf-8")
    assert checked_in == run("schema", kind).stdout, (
        f"schemas/{SCHEMAS[kind]} is out of date with the models: "
        "run `sovcloud schema --write schemas`"
    )


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
    bad.write_text(
        good.replace("kind: cloud-provider", "kind: spaceship").replace(
            "country: FR", "country: France"
        )
        + "colour: blue\n"
    )
    done = check_jsonschema(REPO / "schemas" / "provider.schema.json", [bad])
    assert done.returncode == 1
    assert "spaceship" in done.stdout and "colour" in done.stdout
    event = tmp_path / "event.yaml"
    event.write_text(
        "id: x\ndate: 23 May 2023\nkind: report\ntitle: t\nsummary: s\n"
        "sources: []\nlast_reviewed: 2026-11-01\n"
    )
    done = check_jsonschema(REPO / "schemas" / "event.schema.json", [event])
    assert done.returncode == 1


def test_schema_and_validate_agree_on_what_yaml_gives(data_dir: Path) -> None:
    # Unquoted versions arrive as numbers and days as dates (or strings, depending on the
    # YAML loader); accented links are allowed. Both checks must accept all of them.
    path = data_dir / "providers" / "outscale.yaml"
    path.write_text(
        path.read_text()
        .replace('version: "3.2"', "version: 3.2")
        .replace("https://cyber.example.gouv.fr/snc", "https://cyber.example.gouv.fr/qualifiés")
        + "founded: 2010-06-01\n"
    )
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


def test_pre_commit_hooks_validate_and_write_the_schemas(tmp_path: Path) -> None:
    hooks = {hook["id"]: hook for hook in yaml.safe_load(HOOKS.read_text())}
    assert set(hooks) == {"sovcloud-validate", "sovcloud-schemas"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["pass_filenames"] is False
    assert hooks["sovcloud-validate"]["files"] == r"\.ya?ml$"
    assert hooks["sovcloud-validate"]["entry"] == "sovcloud validate"
    assert hooks["sovcloud-schemas"]["entry"] == "sovcloud schema --write"
    # What pre-commit runs in a data repository laid out as the example (and as this one).
    repo = data_repository(tmp_path)
    for hook in hooks.values():
        command = [sys.executable, "-m", "sovcloud", *hook["entry"].split()[1:], *hook["args"]]
        done = subprocess.run(command, cwd=repo, capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr
    assert git(repo, "status", "--porcelain") == ""  # the schemas written are those committed


# --- the files a data repository copies (docs/examples/data-repo/) ----------------------------

HOOKS = REPO / ".pre-commit-hooks.yaml"
EXAMPLE = REPO / "docs" / "examples" / "data-repo"
PRE_COMMIT_CONFIG = EXAMPLE / ".pre-commit-config.yaml"
WORKFLOW = EXAMPLE / ".github" / "workflows" / "validate.yml"


def git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def data_repository(tmp_path: Path) -> Path:
    """A data repository laid out as the example: the test catalogue under data/, schemas/
    written as its README says, everything committed."""
    repo = tmp_path / "data-repo"
    shutil.copytree(FIXTURE_DATA, repo / "data")
    (repo / "schemas").mkdir()
    assert run("schema", "--write", str(repo / "schemas")).exit_code == 0
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "data")
    return repo


def pinned() -> tuple[str, str]:
    """The repository and the revision the example pre-commit configuration pins."""
    (repo,) = yaml.safe_load(PRE_COMMIT_CONFIG.read_text())["repos"]
    return repo["repo"], repo["rev"]


def workflow_steps() -> list[str]:
    (job,) = yaml.safe_load(WORKFLOW.read_text())["jobs"].values()
    return [step["run"] for step in job["steps"] if "run" in step]


def test_the_examples_pin_this_release_everywhere() -> None:
    url, rev = pinned()
    assert rev == f"v{__version__}"
    install = f'pip install "sovcloud @ git+{url}@{rev}"'
    assert workflow_steps()[0] == install
    assert install in (EXAMPLE / "README.md").read_text()
    (repo,) = yaml.safe_load(PRE_COMMIT_CONFIG.read_text())["repos"]
    shipped = {hook["id"] for hook in yaml.safe_load(HOOKS.read_text())}
    assert {hook["id"] for hook in repo["hooks"]} == shipped


def test_the_workflow_is_one_github_accepts() -> None:
    pytest.importorskip("check_jsonschema")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "check_jsonschema",
            "--builtin-schema",
            "vendor.github-workflows",
            str(WORKFLOW),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_readme_and_contributing_show_the_examples_as_they_are() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    contributing = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for example, guides in ((PRE_COMMIT_CONFIG, [readme, contributing]), (WORKFLOW, [readme])):
        block = f"```yaml\n{example.read_text()}```"
        for guide in guides:
            assert block in guide, f"{example.relative_to(REPO)} differs from its copy in a guide"
    _, rev = pinned()
    assert f"pin the release tagged `{rev}`" in readme


def test_the_workflow_steps_pass_on_good_data_and_fail_on_bad(tmp_path: Path) -> None:
    """Each `run:` step of the workflow after the installation, as the runner runs it (bash,
    in the repository), with the installed command."""
    if not INSTALLED.exists():
        pytest.skip("sovcloud is not installed as a command")
    repo = data_repository(tmp_path)
    env = {**os.environ, "PATH": f"{INSTALLED.parent}{os.pathsep}{os.environ['PATH']}"}

    def step(script: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-c", script], cwd=repo, env=env, capture_output=True, text=True
        )

    validate, schemas = workflow_steps()[1:]
    for script in (validate, schemas):
        done = step(script)
        assert done.returncode == 0, done.stdout + done.stderr
    # A schema the release does not write, and a record with an error.
    (repo / "schemas" / "provider.schema.json").write_text("{}\n")
    git(repo, "commit", "-q", "-am", "an old schema")
    done = step(schemas)
    assert done.returncode == 1 and "::error::schemas/ is not this release's" in done.stdout
    path = repo / "data" / "providers" / "bleu.yaml"
    path.write_text(path.read_text().replace("country: FR", "country: France"))
    done = step(validate)
    assert done.returncode == 1
    assert "::error file=data/providers/bleu.yaml,line=" in done.stdout


def test_a_new_record_names_schemas_the_data_repository_holds(tmp_path: Path) -> None:
    repo = data_repository(tmp_path)
    made = run("new", "provider", "Acme Cloud", "--data", str(repo / "data"))
    assert made.exit_code == 0, made
    path = Path(made.stdout.strip())
    comment = path.read_text(encoding="utf-8").splitlines()[0]
    schema = comment.removeprefix("# yaml-language-server: $schema=")
    assert (path.parent / schema).resolve() == (repo / "schemas" / "provider.schema.json")
