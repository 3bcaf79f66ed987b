"""sovcloud new provider / new event: skeletons that validate once filled in, and never
replace a file or write into the installed package."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import run

# What a contributor writes in place of each placeholder.
FILLED = {
    "kind": "hosting",
    "country": "FR",
    "description": "A French host, for the test.",
    "summary": "Something happened, said in our own words.",
    "publisher": "Test Press",
    "title": "An article",
    "date": "2024-05",
    "type": "press",
}


def fill(text: str, **values: str) -> str:
    """Replace every `field:  # TODO: ...` line by `field: value`."""
    chosen = {**FILLED, **values}

    def value(match: re.Match[str]) -> str:
        return f"{match.group(1)}{match.group(2)}: {chosen[match.group(2)]}"

    return re.sub(r"^( *(?:- )?)([a-z_]+):\s+# TODO: .*$", value, text, flags=re.M)


def codes(data_dir: Path) -> set[str]:
    result = run("validate", str(data_dir), "--format", "json")
    found = json.loads(result.stdout)["findings"]
    return {f["code"] for f in found if f["severity"] != "notice"}


def test_new_provider_writes_a_skeleton_that_validates_once_filled(data_dir: Path) -> None:
    result = run("new", "provider", "Thésée Cloud & Œuvres", "--data", str(data_dir))
    assert result.exit_code == 0, result
    path = data_dir / "providers" / "thesee-cloud-oeuvres.yaml"
    assert result.stdout == f"{path}\n"
    text = path.read_text(encoding="utf-8")
    assert text.startswith(
        "# yaml-language-server: $schema=../../schemas/provider.schema.json\n"
        "id: thesee-cloud-oeuvres\nname: Thésée Cloud & Œuvres\n"
    )
    assert "last_reviewed: 2026-11-30" in text
    # The placeholders are listed with their lines, and validate refuses them until filled.
    listed = re.findall(r"line (\d+) +(\S+)", result.stderr)
    fields = [f for _, f in listed]
    assert fields == [
        "kind",
        "country",
        "description",
        "sources.0.publisher",
        "sources.0.title",
        "sources.0.date",
        "sources.0.type",
    ]
    lines = text.splitlines()
    for number, field in listed:
        assert lines[int(number) - 1].lstrip(" -").startswith(field.split(".")[-1] + ":")
    assert codes(data_dir) == {"SC103"}
    path.write_text(fill(text), encoding="utf-8")
    assert run("validate", str(data_dir)).exit_code == 0
    shown = run("show", "thesee cloud", "--data", str(data_dir), "--format", "json")
    assert json.loads(shown.stdout)["provider"]["country"] == "FR"


def test_new_event_id_is_date_and_slug_and_validates_once_filled(data_dir: Path) -> None:
    result = run(
        "new",
        "event",
        "ANSSI qualifie l'offre « Cloud Sûr »",
        "--date",
        "2024-03",
        "--data",
        str(data_dir),
    )
    assert result.exit_code == 0, result
    path = data_dir / "events" / "2024-03-anssi-qualifie-l-offre-cloud-sur.yaml"
    assert result.stdout.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schemas/event.schema.json\n")
    assert "date: 2024-03\nstatus: happened" in text
    assert "summary" in result.stderr and "sources.0.date" in result.stderr
    assert codes(data_dir) == {"SC103"}
    path.write_text(fill(text, kind="certification"), encoding="utf-8")
    assert run("validate", str(data_dir), "--strict").exit_code == 0


def test_new_event_after_today_is_expected(data_dir: Path) -> None:
    result = run("new", "event", "Migration: phase 2", "--date", "2031", "--data", str(data_dir))
    path = data_dir / "events" / "2031-migration-phase-2.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'title: "Migration: phase 2"' in text  # quoted: YAML would read a mapping
    assert "status: expected" in text
    path.write_text(fill(text, kind="contract"), encoding="utf-8")
    assert run("validate", str(data_dir), "--strict").exit_code == 0, result


def test_new_refuses_to_replace_a_file(data_dir: Path) -> None:
    before = (data_dir / "providers" / "numspot.yaml").read_text()
    result = run("new", "provider", "NumSpot", "--data", str(data_dir))
    assert result.exit_code == 1
    assert "already a name, alias or id of the provider `numspot`" in " ".join(
        result.stderr.split()
    )
    assert result.stdout == ""
    assert (data_dir / "providers" / "numspot.yaml").read_text() == before


def test_new_refuses_bad_names_and_dates(data_dir: Path) -> None:
    assert run("new", "provider", "!!!", "--data", str(data_dir)).exit_code == 2
    hidden = run("new", "provider", "Acme\u200bCloud", "--data", str(data_dir))
    assert hidden.exit_code == 2 and "U+200B" in hidden.stderr
    assert run("new", "event", "Title", "--date", "2023-13", "--data", str(data_dir)).exit_code == 2
    assert run("new", "event", "Title", "--data", str(data_dir)).exit_code == 2  # no date
    assert sorted(p.name for p in (data_dir / "providers").iterdir()) == sorted(
        p.name for p in (Path(__file__).parent / "data" / "providers").iterdir()
    )


def test_new_refuses_the_installed_bundled_data(tmp_path: Path, monkeypatch) -> None:
    import sovcloud.scaffold

    installed = tmp_path / "site-packages" / "sovcloud"
    (installed / "data" / "providers").mkdir(parents=True)
    monkeypatch.setattr(sovcloud.scaffold, "package_dir", lambda: installed)
    monkeypatch.setenv("SOVCLOUD_DATA", str(installed / "data"))
    result = run("new", "provider", "Acme")
    assert result.exit_code == 1
    assert "pass --data pointing at the data folder of your checkout" in " ".join(
        result.stderr.split()
    )
    assert list((installed / "data" / "providers").iterdir()) == []


def test_slugify() -> None:
    from sovcloud.scaffold import slugify

    assert slugify("Thésée DataCenter") == "thesee-datacenter"
    assert slugify("  3DS  OUTSCALE!! ") == "3ds-outscale"
    assert slugify("Straße Œuf") == "strasse-oeuf"
    long = slugify("word " * 40)
    assert len(long) <= 80 and not long.endswith("-") and long.startswith("word-word")


@pytest.mark.parametrize("args", [["new"], ["new", "provider"], ["new", "event"]])
def test_new_help_has_examples(args: list[str]) -> None:
    result = run(*args, "--help")
    assert result.exit_code == 0
    examples = result.stdout.split("Examples:")[1]
    assert examples.count(f"sovcloud {' '.join(args)} ") >= 2, args


@given(st.text(max_size=200))
def test_slugify_gives_an_id_or_nothing(text: str) -> None:
    from sovcloud.scaffold import slugify

    slug = slugify(text)
    assert slug == "" or re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", slug)
    assert len(slug) <= 80


def test_new_provider_refuses_a_name_or_alias_that_exists(data_dir: Path) -> None:
    # `3DS Outscale` is an alias of outscale in the test catalogue.
    result = run("new", "provider", "3DS Outscale", "--data", str(data_dir))
    assert result.exit_code == 1
    assert "already a name, alias or id of the provider `outscale`" in result.stderr
    assert "providers/outscale.yaml" in result.stderr
    assert not (data_dir / "providers" / "3ds-outscale.yaml").exists()
    result = run("new", "provider", "Numspot", "--data", str(data_dir))
    assert result.exit_code == 1 and "`numspot`" in result.stderr
