"""sovcloud dossier: a provider file in Markdown, every fact with footnoted sources, stamped
with the data's version and the day it was made."""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser
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
        r"\(6 providers, 5 events, reviewed up to 2026-11-01\)",
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
    assert (
        text.index("## NumSpot (numspot)")
        < text.index("## S3NS (s3ns)")
        < text.index("## Bleu (bleu)")
    )
    assert "Decision or certificate:** 3395" in text  # NumSpot's register line
    # One source, one number, across the whole file.
    definitions = [line for line in text.splitlines() if line.startswith("[^")]
    assert len(definitions) == len(set(d.split(":", 1)[1] for d in definitions))
    assert "data sha256:" in text and "CC BY 4.0" in text


@pytest.mark.parametrize("name", ["numspot.pdf", "numspot.txt", "numspot.html.bak"])
def test_a_dossier_refuses_an_extension_that_is_neither_markdown_nor_html(
    tmp_path: Path, name: str
) -> None:
    result = run("dossier", "numspot", "-o", str(tmp_path / name))
    assert result.exit_code == 2 and "name the file .md or .html" in result.stderr
    assert not (tmp_path / name).exists()


# --- the HTML page --------------------------------------------------------------------------


class Page(HTMLParser):
    """What a browser would see in the page: its elements, attributes and text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        if not self.tags or self.tags[-1][0] != "style":
            self.text.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for t, attrs in self.tags if t == tag]

    def shown(self) -> str:
        return " ".join("".join(self.text).split())


SHORTLIST = ("numspot", "outscale", "bleu")


def html_dossier(tmp_path: Path, *names: str, data: Path = FIXTURE_DATA) -> str:
    out = tmp_path / "shortlist.html"
    result = run("dossier", *names, "-o", str(out), "--data", str(data))
    assert result.exit_code == 0, result
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    return out.read_text(encoding="utf-8")


def test_an_html_shortlist_is_one_page_saying_what_the_markdown_says(tmp_path: Path) -> None:
    text = html_dossier(tmp_path, *SHORTLIST)
    assert text.startswith("<!DOCTYPE html>")
    page = Page(text)
    shown = page.shown()
    assert "Shortlist: NumSpot, Outscale, Bleu" in "".join(t for t in page.text if "Shortlist" in t)
    # The comparison table, then one section per provider, then the sources.
    headings = [a.get("id") for t, a in page.tags if t == "h2"]
    assert headings == [
        "side-by-side",
        "provider-numspot",
        "provider-outscale",
        "provider-bleu",
        "sources",
    ]
    assert page.all("table") and "SecNumCloud" in shown
    # The data's version, fingerprint and date, and the licence with its link.
    assert re.search(
        r"data sha256:[0-9a-f]{16} \(6 providers, 5 events, reviewed up to "
        r"\d{4}-\d\d-\d\d\)",
        shown,
    ), shown[:500]
    assert "CC BY 4.0" in shown
    assert {"href": "https://creativecommons.org/licenses/by/4.0/"} in page.all("a")
    # Every mark leads to a note, every note is cited, numbered as in the Markdown file.
    marks = {a["href"] for a in page.all("a") if (a.get("href") or "").startswith("#note-")}
    notes = [a["id"] for t, a in page.tags if t == "li" and (a.get("id") or "").startswith("note-")]
    assert notes == [f"note-{n}" for n in range(1, len(notes) + 1)]
    assert marks == {f"#{n}" for n in notes}
    markdown = dossier(*SHORTLIST)
    assert len(notes) == len(re.findall(r"^\[\^\d+\]: ", markdown, re.M))
    # The same facts: every line of the Markdown, unescaped and without its marks, is there.
    unmarked = re.sub(r"\[\d+\]", "", shown)
    for line in markdown.splitlines():
        if re.fullmatch(r"\|( --- \|)+", line):
            continue  # a table's rule
        words = re.sub(r"^\[\^\d+\]: |\[\^\d+\]|[*|]|^- |^#+ ", "", line).replace("\\", "")
        for part in re.split(r"\s{2,}|<|>", words):
            assert " ".join(part.split()) in unmarked, part
    # Source addresses are links showing themselves.
    assert {"href": "https://press.example.com/a"} in page.all("a")


def test_the_html_page_needs_nothing_from_anywhere(tmp_path: Path) -> None:
    text = html_dossier(tmp_path, *SHORTLIST)
    page = Page(text)
    assert not page.all("script") and not page.all("link") and not page.all("img")
    assert not any("src" in attrs for _, attrs in page.tags)
    assert "@import" not in text and "url(" not in text
    # Every address in the page is a link for the reader to follow, never fetched.
    hrefs = {a["href"] for a in page.all("a")}
    for found in re.finditer(r"https?://[^\s\"<>]+", text):
        assert found.group() in hrefs or text[found.start() - 2 : found.start()] == '">'
    policy = [m for m in page.all("meta") if m.get("http-equiv") == "Content-Security-Policy"]
    assert policy and "default-src 'none'" in (policy[0]["content"] or "")
    assert page.all("title") and "@page" in text  # titled, and set for printing


def test_record_text_never_becomes_html(tmp_path: Path, data_dir: Path) -> None:
    from test_deceptive_text import HOSTILE, hostile_dir
    from test_terminal_safety import PROVIDER

    hostile_dir(data_dir)
    (data_dir / "providers" / "markup-cloud.yaml").write_text(PROVIDER, encoding="utf-8")
    text = html_dossier(tmp_path, "outscale", "markup-cloud", data=data_dir)
    page = Page(text)
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "main",
        "h1",
        "h2",
        "h3",
        "h4",
        "p",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "ul",
        "ol",
        "li",
        "a",
        "strong",
        "sup",
        "br",
    }
    assert {t for t, _ in page.tags} <= allowed
    assert HOSTILE.replace("\u0301", "?") in page.shown() or HOSTILE in page.shown()
    # The record's links are links; the markup that pretends to be one is text.
    hrefs = {a["href"] for a in page.all("a")}
    assert "https://evil.example/" not in hrefs
    assert "[link=https://evil.example/]click[/link]" in page.shown()


@pytest.mark.parametrize("name", ["page.htm", "PAGE.HTML"])
def test_html_by_any_of_its_names(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert run("dossier", "numspot", "-o", str(out), "--data", str(FIXTURE_DATA)).exit_code == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- match --dossier: the tender's shortlist in one file ------------------------------------


def test_match_writes_the_shortlist_of_those_meeting_every_requirement(tmp_path: Path) -> None:
    target = tmp_path / "tender.md"
    result = fixture_run("match", "--require", "secnumcloud", "--dossier", str(target))
    assert result.exit_code == 0, result
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# Provider file: Outscale")  # the one meeting every requirement
    assert "Bleu" not in text and "NumSpot" not in text  # near misses stay out
    assert "Outscale" in result.stdout  # the ranking is still shown


def test_match_writes_no_dossier_when_nobody_meets_every_requirement(tmp_path: Path) -> None:
    target = tmp_path / "tender.html"
    result = fixture_run(
        "match", "--require", "secnumcloud", "--require", "bsi-c5", "--dossier", str(target)
    )
    assert result.exit_code == 1
    assert "no provider meets every requirement" in result.stderr
    assert not target.exists()


def test_match_refuses_a_dossier_that_is_neither_markdown_nor_html(tmp_path: Path) -> None:
    target = tmp_path / "tender.pdf"
    result = fixture_run("match", "--require", "secnumcloud", "--dossier", str(target))
    assert result.exit_code == 2 and "a dossier is Markdown or HTML" in result.stderr
    assert not target.exists()
