"""Bounded reports: however many problems the files hold, what validate prints stays
readable. Each cross-record check lists at most MAX_PER_CHECK findings, the last saying how
many more there are; a file gets at most MAX_FINDINGS findings of its own."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import installed
from sovcloud.checks import MAX_PER_CHECK
from sovcloud.loader import MAX_FINDINGS

ALIASES = 17_000  # about 400 KiB of aliases in each file


def provider(id_: str, aliases: list[str], extra: str = "") -> str:
    listed = "".join(f"\n  - {a}" for a in aliases) or " []"
    return f"""\
id: {id_}
name: {id_.title()}
aliases:{listed}
kind: cloud-provider
country: FR
status: active
description: A provider.
{extra}sources:
  - id: s1
    publisher: P
    title: T
    date: 2024
    type: press
last_reviewed: 2026-11-01
"""


def findings_of(data_dir: Path) -> tuple[int, str, list[dict[str, object]]]:
    done = installed("validate", str(data_dir), "--format", "json")
    return done.returncode, done.stdout, json.loads(done.stdout)["findings"]


def test_two_files_sharing_thousands_of_aliases(data_dir: Path) -> None:
    aliases = [f"Shared Alias {i:05d}" for i in range(ALIASES)]
    for id_ in ("twin-one", "twin-two"):
        path = data_dir / "providers" / f"{id_}.yaml"
        path.write_text(provider(id_, aliases), encoding="utf-8")
        assert path.stat().st_size > 300_000
    code, out, findings = findings_of(data_dir)
    assert code == 1
    shared = [f for f in findings if f["code"] == "SC204"]
    assert len(shared) == MAX_PER_CHECK
    assert f"and {2 * ALIASES - MAX_PER_CHECK:,} more SC204 findings" in str(shared[-1]["message"])
    assert len(out) < 200_000
    # The text report is as short, and still ends with the summary.
    text = installed("validate", str(data_dir)).stdout
    assert len(text.splitlines()) < MAX_PER_CHECK + 20
    assert text.splitlines()[-1].startswith("invalid:")


def test_thousands_of_dangling_references(data_dir: Path) -> None:
    refs = ", ".join(f"ghost-{i:05d}" for i in range(20_000))
    event = (data_dir / "events" / "2023-hds-v2.yaml").read_text()
    event = event.replace("tags: [hds]\n", f"tags: [hds]\nproviders: [{refs}]\n", 1)
    assert "ghost-00001" in event
    (data_dir / "events" / "2023-hds-v2.yaml").write_text(event)
    code, out, findings = findings_of(data_dir)
    dangling = [f for f in findings if f["code"] == "SC203"]
    assert code == 1 and len(dangling) == MAX_PER_CHECK
    assert "more SC203 findings" in str(dangling[-1]["message"])
    assert len(out) < 200_000


def test_a_file_with_thousands_of_its_own_problems(data_dir: Path) -> None:
    certifications = "certifications:\n" + "".join(
        f"  - scheme: hds\n    status: in-progress\n    sources: [missing-{i}]\n"
        for i in range(3000)
    )
    (data_dir / "providers" / "many.yaml").write_text(provider("many", [], certifications))
    code, out, findings = findings_of(data_dir)
    own = [f for f in findings if str(f["file"]).endswith("many.yaml")]
    assert code == 1 and len(own) == MAX_FINDINGS
    assert "more problems in this file" in str(own[-1]["message"])
