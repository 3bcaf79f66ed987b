"""--svg and --html on providers, timeline and stats: the table drawn into a file, written
whole, never over an existing file without --force, record text kept as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, fixture_run, installed, run

COMMANDS = [
    ["providers", "--secnumcloud"],
    ["timeline", "--tag", "health-data-hub"],
    ["stats"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_svg_and_html_hold_the_table(tmp_path: Path, args: list[str]) -> None:
    svg, html = tmp_path / "out.svg", tmp_path / "out.html"
    result = fixture_run(*args, "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0, result
    assert result.stdout == ""  # the files are the output; what was written goes to stderr
    assert f"wrote {svg}" in result.stderr and f"wrote {html}" in result.stderr
    root = ET.fromstring(svg.read_text(encoding="utf-8"))  # well-formed XML
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert f"sovcloud&#160;{args[0]}" in svg.read_text(encoding="utf-8")  # the title
    page = html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    # The table as a person sees it, in colour even though the tests set NO_COLOR.
    assert "color: #" in page
    assert {p.name for p in tmp_path.iterdir()} == {"out.svg", "out.html"}  # no temporary


def test_the_picture_shows_what_the_table_shows(tmp_path: Path) -> None:
    html = tmp_path / "providers.html"
    fixture_run("providers", "--secnumcloud", "--html", str(html))
    page = html.read_text(encoding="utf-8")
    for text in ("Outscale", "qualified 3.2, 2022-03", "1 provider<"):
        assert text in page
    assert "NumSpot" not in page


def test_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    svg = tmp_path / "out.svg"
    svg.write_text("mine")
    result = fixture_run("stats", "--svg", str(svg))
    assert result.exit_code == 1
    assert "already exists: pass --force" in result.stderr
    assert svg.read_text() == "mine"
    assert fixture_run("stats", "--svg", str(svg), "--force").exit_code == 0
    assert svg.read_text().startswith("<svg")


def test_nothing_is_written_when_one_of_two_files_exists(tmp_path: Path) -> None:
    svg, html = tmp_path / "out.svg", tmp_path / "out.html"
    html.write_text("mine")
    assert fixture_run("timeline", "--svg", str(svg), "--html", str(html)).exit_code == 1
    assert not svg.exists() and html.read_text() == "mine"


def test_svg_and_html_draw_the_table_only(tmp_path: Path) -> None:
    result = fixture_run("providers", "--format", "json", "--svg", str(tmp_path / "x.svg"))
    assert result.exit_code == 2
    assert "leave out --format" in result.stderr
    same = tmp_path / "same"
    result = fixture_run("stats", "--svg", str(same), "--html", str(same))
    assert result.exit_code == 1 and "different files" in result.stderr
    assert not same.exists()


def test_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    result = fixture_run("stats", "--svg", str(tmp_path / "nope" / "x.svg"))
    assert result.exit_code == 1
    assert "cannot write" in result.stderr and "Traceback" not in result.stderr


def test_width_follows_columns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    narrow, wide = tmp_path / "80.svg", tmp_path / "120.svg"
    fixture_run("providers", "--svg", str(narrow))
    monkeypatch.setenv("COLUMNS", "120")
    fixture_run("providers", "--svg", str(wide))

    def view_width(path: Path) -> float:
        return float(ET.fromstring(path.read_text()).attrib["viewBox"].split()[2])

    assert view_width(narrow) < view_width(wide)


HOSTILE = "<script>alert(1)</script>"
MARKUP = "[bold red]Evil[/bold red]"


@pytest.mark.parametrize("args", COMMANDS[:2], ids=lambda a: a[0])
def test_record_text_stays_text(data_dir: Path, tmp_path: Path, args: list[str]) -> None:
    provider = data_dir / "providers" / "outscale.yaml"
    text = provider.read_text().replace("name: Outscale\n", f"name: '{HOSTILE}'\n", 1)
    provider.write_text(text)
    event = data_dir / "events" / "2030-hdh-migration.yaml"
    event.write_text(
        event.read_text().replace(
            "title: Health Data Hub migration expected", f"title: '{MARKUP} {HOSTILE}'"
        )
    )
    assert run("validate", str(data_dir)).exit_code == 0
    svg, html = tmp_path / "x.svg", tmp_path / "x.html"
    result = run(*args, "--data", str(data_dir), "--svg", str(svg), "--html", str(html))
    assert result.exit_code == 0, result
    for path in (svg, html):
        text = path.read_text(encoding="utf-8")
        assert "<script" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        if args[0] == "timeline":  # shown as written, not taken for Rich markup
            shown = MARKUP.replace(" ", "&#160;") if path == svg else MARKUP
            assert shown in text
    ET.fromstring(svg.read_text(encoding="utf-8"))  # still well-formed


def test_help_shows_the_options() -> None:
    for command in ("providers", "timeline", "stats"):
        out = run(command, "--help").stdout
        assert "--svg" in out and "--html" in out and "--force" in out


# --- self-contained, titled, with links -----------------------------------------------------

SVG_NAMESPACE = "http://www.w3.org/2000/svg"


def fetched(text: str) -> list[str]:
    """Addresses a browser would fetch on its own: style sheets, imports, fonts, sources."""
    found = re.findall(
        r"<link\b[^>]*>|@import[^;]*|\bsrc\s*=\s*\S+|url\(\s*['\"]?https?:[^)]*\)", text
    )
    return [f for f in found if "http" in f]


@pytest.mark.parametrize(
    "args",
    [*COMMANDS, ["providers", "--country", "FR", "--sort", "id"]],
    ids=["providers", "timeline", "stats", "options"],
)
def test_pictures_need_nothing_from_anywhere_and_are_titled(
    tmp_path: Path, args: list[str]
) -> None:
    svg, html = tmp_path / "out.svg", tmp_path / "out.html"
    done = installed(*args, "--svg", str(svg), "--html", str(html), "--data", str(FIXTURE_DATA))
    assert done.returncode == 0, done.stderr
    title = "sovcloud " + " ".join(args)  # the command, as it could be typed again
    for path in (svg, html):
        text = path.read_text(encoding="utf-8")
        assert fetched(text) == [], path.name
        # Every address in the file is a link to follow, or the SVG's namespace.
        hrefs = set(re.findall(r'href="([^"]+)"', text))
        for address in re.findall(r"https?://[^\s\"'<>)]+", text):
            assert address in hrefs or address == SVG_NAMESPACE, (path.name, address)
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    assert root.find(f"{{{SVG_NAMESPACE}}}title").text == title
    page = html.read_text(encoding="utf-8")
    assert f"<title>{title}</title>" in page and f"<h1>{title}</h1>" in page
    # The page credits the data as its licence asks, with a working link.
    assert 'CC BY 4.0. <a href="https://creativecommons.org/licenses/by/4.0/">' in page


def test_the_records_addresses_are_links_in_pictures(tmp_path: Path) -> None:
    from sovcloud.render.grid import LINK, print_lines
    from sovcloud.render.snapshot import save

    url = "https://register.example.gouv.fr/list?a=1&b=2"

    class WithLink:
        def rich(self, console) -> None:  # what `show` does with a source's address
            print_lines(console, [[("Source: ", ""), (url, LINK)]])

    svg, html = tmp_path / "x.svg", tmp_path / "x.html"
    save(WithLink(), svg=svg, html=html, title="sovcloud show x")
    root = ET.fromstring(svg.read_text(encoding="utf-8"))
    links = [a.get("href") for a in root.iter(f"{{{SVG_NAMESPACE}}}a")]
    assert links == [url]
    page = html.read_text(encoding="utf-8")
    assert 'href="https://register.example.gouv.fr/list?a=1&amp;b=2"' in page
    body = re.search(r"<pre.*</pre>", page, re.S)
    assert body is not None
    ET.fromstring(body.group())  # well-formed: the & of the address is escaped
