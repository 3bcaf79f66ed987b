"""validate speaks the project's words and reports everything in one run."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import REPO, run


def findings(data_dir: Path) -> list[dict]:
    result = run("validate", str(data_dir), "--format", "json")
    return [f for f in json.loads(result.stdout)["findings"] if f["severity"] != "notice"]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_closed_values_ids_and_countries_get_did_you_mean(data_dir: Path) -> None:
    outscale = data_dir / "providers" / "outscale.yaml"
    edit(outscale, "country: FR", "country: France")
    edit(outscale, "service: iaas", "service: IaaS")
    edit(outscale, "status: qualified", "status: qualifed")
    edit(data_dir / "providers" / "bleu.yaml", "id: bleu", "id: Bleu")
    messages = [f["message"] for f in findings(data_dir)]
    assert any(
        "'France' is not a country code" in m and "did you mean `FR`?" in m for m in messages
    )
    assert any(
        m.startswith("`service` of offer 1 is 'IaaS'") and "did you mean `iaas`?" in m
        for m in messages
    )
    assert any(
        m.startswith("`status` of certification 1 is 'qualifed'")
        and "did you mean `qualified`?" in m
        for m in messages
    )
    assert any("which is not an id" in m and "did you mean `bleu`?" in m for m in messages)
    # Positions are 1-based and in words, never pydantic's `certifications.0`; the value
    # given is said once.
    assert not any(re.search(r"\.\d+\b", m.split(":")[0]) for m in messages)
    assert not any(m.count("'qualifed'") > 1 for m in messages)


def test_one_typo_gives_one_finding(data_dir: Path) -> None:
    edit(data_dir / "providers" / "outscale.yaml", "description:", "descripton:")
    found = [f for f in findings(data_dir) if f["file"].endswith("outscale.yaml")]
    assert [f["code"] for f in found] == ["SC101"]
    assert "unknown field `descripton` (did you mean `description`?)" in found[0]["message"]


def test_no_source_is_said_as_the_first_rule(data_dir: Path) -> None:
    path = data_dir / "events" / "2023-hds-v2.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.split("sources:")[0] + "sources: []\nlast_reviewed: 2026-11-01\n", encoding="utf-8"
    )
    (message,) = [f["message"] for f in findings(data_dir)]
    assert message.startswith("`sources` is empty: every fact here cites at least one source")


def test_an_invalid_file_is_named_as_such_not_as_missing(data_dir: Path) -> None:
    edit(data_dir / "providers" / "outscale.yaml", "country: FR", "country: France")
    refs = [f for f in findings(data_dir) if f["code"] == "SC203"]
    assert refs, "the event naming outscale is still reported"
    assert all("whose file providers/outscale.yaml is invalid" in f["message"] for f in refs)
    assert not any("which has no file" in f["message"] for f in refs)


def test_references_of_an_invalid_file_are_reported_in_the_same_run(data_dir: Path) -> None:
    path = data_dir / "events" / "2020-05-27-senate-hdh.yaml"
    edit(path, "kind: statement", "kind: statment")
    edit(path, "actors:", "providers: [acme-cloud]\nactors:")
    codes = sorted(f["code"] for f in findings(data_dir) if f["file"] == str(path))
    assert codes == ["SC103", "SC203"]


def test_an_alias_in_an_event_suggests_its_provider(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(REPO / "tests" / "data", data)
    edit(
        data / "events" / "2022-03-outscale-qualified.yaml",
        "providers: [outscale]",
        "providers: [3ds-outscale]",
    )
    (message,) = [f["message"] for f in findings(data) if f["code"] == "SC203"]
    assert "did you mean `outscale`? `3ds-outscale` is one of its names" in message


def test_the_summary_counts_agree_with_their_number(data_dir) -> None:
    # "1 framework", "0 errors" in English; "0 erreur", "2 fichiers" in French.
    from conftest import run

    english = run("validate", str(data_dir)).stdout.splitlines()[-1]
    assert ", 0 errors, 0 warnings" in english and " 1 files" not in english
    french = run("validate", str(data_dir), "--lang", "fr").stdout.splitlines()[-1]
    assert ", 0 erreur, 0 avertissement" in french
