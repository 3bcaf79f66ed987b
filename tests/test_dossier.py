"""sovcloud dossier: a provider file in Markdown, every fact with footnoted sources, stamped
with the data's version and the day it was made."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, TODAY, fixture_run, run
from sovcloud import __version__


def dossier(*args: str) -> str:
    result = fixture_run("dossier", *args)
    assert result.exit_code == 0, result
    return result.stdout


def test_everything_known_in_order() -> None:
    out = dossier("numspot")
    assert out.startswith("# Provider file: NumSpot\n")
    headings = re.findall(r"^## (.+)$", out, re.M)
    assert headings == [
        "Identity",
        "Owners",
        "Offers",
        "Certifications",
        "Events, newest first",
        "Sources",
    ]
    assert "| Founded | 2022 |" in out and "| Also known as | Numspot |" in out
    assert "Website: <https://numspot.example.com>" in out
    assert "- Docaposte (FR, 40%), shareholder, since 2022[^1]" in out
    assert "| SecNumCloud | 3.2 | in progress | pending | - | - | - |" in out
    assert "| HDS | 2.0 | certified | held | 2024-06 | - | - |" in out
    assert "### SecNumCloud 3.2: in progress (pending on 2026-11-30)" in out
    assert "- **Milestone:** J1" in out and "- **HDS activities:** 1, 2, 3, 4, 5, 6" in out
    assert "- **Offers:** NumSpot IaaS (numspot-iaas)" in out
    # Events newest first, the expected one marked, each with its own sources.
    assert out.index("2030 (expected), contract") < out.index("2023-10-18, statement")
    assert "Test summary in English." in out


def test_sources_are_footnotes_every_one_defined_and_cited() -> None:
    out = dossier("numspot")
    body, _, notes = out.partition("## Sources")
    cited = set(re.findall(r"\[\^(\d+)\](?!:)", body))
    defined = re.findall(r"^\[\^(\d+)\]: ", notes, re.M)
    assert defined == [str(n) for n in range(1, len(defined) + 1)]
    assert cited == set(defined)  # no dangling mark, no note that nothing cites
    # The record's sources first, in its order: the same numbers as `sovcloud show`.
    assert (
        '[^1]: Test Press, "A test article", 2023-10-18 (press) '
        "<https://press.example.com/a>" in notes
    )
    assert '[^2]: ANS, "HDS register", 2024 (register)' in notes
    assert "- **Sources:** [^2]" in body  # the HDS certification cites src-b


def test_stamp_names_version_fingerprint_and_day() -> None:
    out = dossier("numspot")
    stamp = re.search(
        r"Made on (\S+) with sovcloud (\S+), data (sha256:[0-9a-f]{16}) "
        r"\(6 providers, 5 events\)",
        out,
    )
    assert stamp, out[:400]
    assert stamp.group(1) == TODAY and stamp.group(2) == __version__


def _fingerprint(data: Path) -> str:
    result = run("dossier", "numspot", "--data", str(data))
    assert result.exit_code == 0, result
    found = re.search(r"sha256:[0-9a-f]{16}", result.stdout)
    assert found
    return found.group()


def test_fingerprint_follows_content_not_files(tmp_path: Path) -> None:
    original = _fingerprint(FIXTURE_DATA)
    copy = tmp_path / "copy"
    shutil.copytree(FIXTURE_DATA, copy)
    # Another checkout: other paths, other modification times, a reformatted file.
    for path in copy.rglob("*.yaml"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    outscale = copy / "providers" / "outscale.yaml"
    outscale.write_text("# a comment changes no fact\n" + outscale.read_text())
    assert _fingerprint(copy) == original
    # A changed fact changes it.
    outscale.write_text(outscale.read_text().replace("granted: 2022-03", "granted: 2022-04"))
    assert _fingerprint(copy) != original


def test_resolves_forgivingly_and_refuses_events() -> None:
    assert dossier("Thésée").startswith("# Provider file: Thésée DataCenter")
    result = fixture_run("dossier", "2023-hds-v2")
    assert result.exit_code == 1
    result = fixture_run("dossier", "bleue")
    assert result.exit_code == 1 and "could mean several" in result.stderr


def test_owners_and_licensors_see_their_links() -> None:
    out = dossier("docaposte")
    assert "## Named in other providers' records" in out
    assert "- Owner of NumSpot (numspot): Docaposte (FR, 40%), shareholder, since 2022[^" in out


def test_french() -> None:
    assert "Résumé de test en français." in dossier("numspot", "--lang", "fr")


def test_output_file_is_written_once_without_force(tmp_path: Path) -> None:
    target = tmp_path / "numspot.md"
    result = fixture_run("dossier", "numspot", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert f"wrote {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == dossier("numspot")
    target.write_text("mine")
    result = fixture_run("dossier", "numspot", "-o", str(target))
    assert result.exit_code == 1 and "pass --force" in result.stderr
    assert target.read_text() == "mine"
    assert fixture_run("dossier", "numspot", "-o", str(target), "--force").exit_code == 0
    assert target.read_text().startswith("# Provider file: NumSpot")


def test_record_text_never_becomes_markup(data_dir: Path) -> None:
    path = data_dir / "providers" / "numspot.yaml"
    path.write_text(
        path.read_text().replace(
            "description: Test joint venture owned by Docaposte and others.",
            "description: '<script>x</script> [link](https://evil.example) **bold** [^9]'",
        )
    )
    out = run("dossier", "numspot", "--data", str(data_dir)).stdout
    assert "<script>" not in out
    assert r"\<script\>x\</script\> \[link\](https://evil.example) \*\*bold\*\* \[^9\]" in out


@pytest.mark.parametrize("name", ["numspot", "outscale", "bleu", "thesee-datacenter"])
def test_every_table_row_has_its_columns(name: str) -> None:
    for line in dossier(name).splitlines():
        if line.startswith("|"):
            # An unescaped | in record text would add a column.
            assert len(re.findall(r"(?<!\\)\|", line)) in (3, 6, 8), line


def test_a_shortlist_is_one_file_with_the_comparison_and_a_section_each(tmp_path: Path) -> None:
    out = tmp_path / "shortlist.md"
    result = run("dossier", "numspot", "s3ns", "bleu", "-o", str(out))
    assert result.exit_code == 0, result
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Shortlist: NumSpot, S3NS, Bleu")
    assert "## Side by side" in text and "| SecNumCloud |" in text
    assert text.index("## NumSpot (numspot)") < text.index("## S3NS (s3ns)") < text.index(
        "## Bleu (bleu)")
    assert "Decision or certificate:** 3395" in text  # NumSpot's register line
    # One source, one number, across the whole file.
    definitions = [line for line in text.splitlines() if line.startswith("[^")]
    assert len(definitions) == len(set(d.split(":", 1)[1] for d in definitions))
    assert "data sha256:" in text and "CC BY 4.0" in text


def test_a_dossier_refuses_an_extension_that_is_not_markdown(tmp_path: Path) -> None:
    result = run("dossier", "numspot", "-o", str(tmp_path / "numspot.pdf"))
    assert result.exit_code == 2 and "name the file .md" in result.stderr
    assert not (tmp_path / "numspot.pdf").exists()
