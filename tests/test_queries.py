"""What a user sees from providers, show, timeline, search and compare on the test catalogue."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml

from conftest import fixture_run, run


def ids(result) -> list[str]:
    assert result.exit_code == 0, result
    return [r["id"] for r in json.loads(result.stdout)]


# --- providers ------------------------------------------------------------------------------


def test_secnumcloud_lists_only_current_qualifications() -> None:
    # Outscale is qualified; NumSpot in progress, Bleu announced, Thésée expired.
    assert ids(fixture_run("providers", "--secnumcloud", "-f", "json")) == ["outscale"]


def test_include_pending_adds_in_progress_and_announced_marked_as_such(monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    assert ids(fixture_run("providers", "--secnumcloud", "--include-pending", "-f", "json")) == [
        "bleu",
        "numspot",
        "outscale",
    ]
    table = fixture_run("providers", "--secnumcloud", "--include-pending")
    assert "PENDING: in progress 3.2 (J1)" in table.stdout
    assert "PENDING: announced" in table.stdout
    assert "2 included only through a pending certification" in table.stdout


def test_filters_combine() -> None:
    assert ids(fixture_run("providers", "--hds", "-f", "json")) == ["docaposte", "numspot"]
    assert ids(fixture_run("providers", "--hds", "--kind", "joint-venture", "-f", "json")) == [
        "numspot"
    ]
    assert ids(fixture_run("providers", "--country", "de", "-f", "json")) == ["bleuet-hosting"]
    assert ids(fixture_run("providers", "--cert", "bsi-c5", "--country", "FR", "-f", "json")) == []
    assert ids(
        fixture_run("providers", "--cert", "iso-27001", "--cert", "secnumcloud", "-f", "json")
    ) == ["outscale"]


def test_owner_filter_is_fuzzy_and_accent_blind() -> None:
    assert ids(fixture_run("providers", "--owner", "dassault systemes", "-f", "json")) == [
        "numspot",
        "outscale",
    ]
    assert ids(fixture_run("providers", "--owner", "Orange", "-f", "json")) == ["bleu"]


def test_sort_by_country() -> None:
    listed = ids(fixture_run("providers", "--sort", "country", "-f", "json"))
    assert listed[0] == "bleuet-hosting"  # DE before FR


def test_bad_choice_is_a_usage_error() -> None:
    result = fixture_run("providers", "--kind", "spaceship")
    assert result.exit_code == 2
    assert "spaceship" in result.stderr


def test_csv_has_one_row_per_provider_with_certifications_flattened() -> None:
    result = fixture_run("providers", "-f", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == [
        "bleu",
        "bleuet-hosting",
        "docaposte",
        "numspot",
        "outscale",
        "thesee-datacenter",
    ]
    outscale = next(r for r in rows if r["id"] == "outscale")
    assert outscale["secnumcloud_status"] == "qualified"
    assert outscale["secnumcloud_granted"] == "2022-03"
    assert outscale["iso-27001_status"] == "certified"


def test_markdown_table_and_yaml_parse_back() -> None:
    md = fixture_run("providers", "--secnumcloud", "-f", "markdown").stdout
    lines = md.strip().splitlines()
    assert lines[0].startswith("| Provider |")
    assert len(lines) >= 3 and "Outscale" in lines[2]
    assert lines[-1].startswith("SecNumCloud: 1 recorded here")  # the coverage line
    records = yaml.safe_load(fixture_run("providers", "-f", "yaml").stdout)
    assert {r["id"] for r in records} >= {"numspot", "outscale"}


def test_json_is_the_complete_record() -> None:
    records = json.loads(fixture_run("providers", "--owner", "Orange", "-f", "json").stdout)
    bleu = records[0]
    assert bleu["licensed_technology"][0]["vendor"] == "Microsoft"
    assert bleu["owners"][0] == {
        "name": "Orange",
        "provider": None,
        "country": "FR",
        "role": "shareholder",
        "stake": 50.0,
        "stake_note": None,
        "since": None,
        "until": None,
        "sources": ["s1"],
    }


# --- show -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["numspot", "NumSpot", "NUMSPOT", "numspt", "Numspot"])
def test_show_resolves_forgivingly(name: str) -> None:
    result = fixture_run("show", name, "-f", "json")
    assert result.exit_code == 0, result
    assert json.loads(result.stdout)["provider"]["id"] == "numspot"


@pytest.mark.parametrize("name", ["thesee", "Thésée", "THESEE DATACENTER", "thesee-datacenter"])
def test_show_ignores_accents_and_case(name: str) -> None:
    result = fixture_run("show", name, "-f", "json")
    assert json.loads(result.stdout)["provider"]["id"] == "thesee-datacenter"


def test_show_refuses_to_guess_between_close_candidates() -> None:
    result = fixture_run("show", "bleue")
    assert result.exit_code == 1
    assert "could mean several" in result.stderr
    assert "bleu" in result.stderr and "bleuet-hosting" in result.stderr


def test_show_unknown_name_suggests_nearest() -> None:
    result = fixture_run("show", "qwertyuiop")
    assert result.exit_code == 1
    assert "nothing matches 'qwertyuiop'" in result.stderr
    assert "nearest:" in result.stderr
    assert "Traceback" not in result.stderr


def test_show_provider_has_everything_with_numbered_sources() -> None:
    out = fixture_run("show", "numspot").stdout
    # Sources are numbered most authoritative first: ANS's register before the press.
    assert "Docaposte (FR, 40%) shareholder, since 2022 [2]" in out
    assert "SecNumCloud: in progress v3.2 (J1) — PENDING: in progress; offers: NumSpot" in out
    assert "HDS: certified v2.0 since 2024-06; activities 1, 2, 3, 4, 5, 6 [1]" in out
    assert "[1] ANS" in out and "[2] Test Press" in out and "https://press.example.com/a" in out
    # Events newest first, the expected one marked, dates at their own precision.
    assert out.index("2030 (expected)") < out.index("2023-10-18")


def test_show_event_and_its_formats() -> None:
    result = fixture_run("show", "2023-hds-v2", "-f", "json")
    assert json.loads(result.stdout)["event"]["date"] == "2023"
    md = fixture_run("show", "2023-hds-v2", "-f", "markdown").stdout
    assert md.startswith("# HDS referential version 2 published")
    rows = list(csv.DictReader(io.StringIO(fixture_run("show", "numspot", "-f", "csv").stdout)))
    assert rows[0]["hds_granted"] == "2024-06"


def test_show_markdown_has_footnotes() -> None:
    md = fixture_run("show", "outscale", "-f", "markdown").stdout
    assert "## Sources" in md
    assert (
        '1. ANSSI, "Qualified SecNumCloud providers", 2024-05 (register) '
        "<https://cyber.example.gouv.fr/snc>" in md
    )


# --- timeline -------------------------------------------------------------------------------


def test_timeline_in_date_order_at_own_precision() -> None:
    events = json.loads(fixture_run("timeline", "-f", "json").stdout)
    assert [e["date"] for e in events] == ["2020-05-27", "2022-03", "2023", "2023-10-18", "2030"]
    out = fixture_run("timeline").stdout
    assert "2030 (expected)" in out
    assert "── 2023 ──" in out
    assert "2023-01-01" not in out  # no invented day


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--since", "2023"], ["2023-hds-v2", "2023-10-18-numspot-hdh", "2030-hdh-migration"]),
        (["--since", "2023-06", "--until", "2023-12"], ["2023-hds-v2", "2023-10-18-numspot-hdh"]),
        (["--until", "2022"], ["2020-05-27-senate-hdh", "2022-03-outscale-qualified"]),
        (
            ["--tag", "health-data-hub", "--reverse"],
            ["2030-hdh-migration", "2023-10-18-numspot-hdh", "2020-05-27-senate-hdh"],
        ),
        (["--provider", "numspt"], ["2023-10-18-numspot-hdh", "2030-hdh-migration"]),
        (["--kind", "certification"], ["2022-03-outscale-qualified"]),
    ],
)
def test_timeline_filters(args: list[str], expected: list[str]) -> None:
    assert ids(fixture_run("timeline", *args, "-f", "json")) == expected


def test_timeline_bad_date_is_a_usage_error() -> None:
    result = fixture_run("timeline", "--since", "2023-13")
    assert result.exit_code == 2
    assert "no month 13" in result.stderr


def test_timeline_csv() -> None:
    rows = list(csv.DictReader(io.StringIO(fixture_run("timeline", "-f", "csv").stdout)))
    assert rows[3]["providers"] == "NumSpot; Docaposte"


# --- search and compare ---------------------------------------------------------------------


def test_search_ranks_and_says_why() -> None:
    hits = json.loads(fixture_run("search", "orange", "-f", "json").stdout)
    assert hits[0]["id"] == "bleu" and hits[0]["field"] == "owner"
    hits = json.loads(fixture_run("search", "Cedric", "-f", "json").stdout)
    assert hits[0] == {
        "kind": "event",
        "id": "2020-05-27-senate-hdh",
        "title": "Senate exchange on the Health Data Hub host",
        "score": 90.0,
        "field": "actor",
        "match": "Cédric O",
    }


def test_search_shows_the_matching_text_in_the_language_asked() -> None:
    # The French summary matches; in English, the same field is shown in English.
    hits = json.loads(fixture_run("search", "résumé de test", "-f", "json").stdout)
    assert hits[0]["id"] == "2023-10-18-numspot-hdh" and hits[0]["field"] == "summary"
    assert hits[0]["match"] == "Test summary in English."
    french = fixture_run("search", "résumé de test", "-f", "json", "--lang", "fr").stdout
    assert json.loads(french)[0]["match"] == "Résumé de test en français."


def test_search_shows_the_name_when_name_and_id_match_alike() -> None:
    hits = json.loads(fixture_run("search", "numspot", "-f", "json").stdout)
    assert hits[0]["id"] == "numspot"
    assert (hits[0]["field"], hits[0]["match"]) == ("name", "NumSpot")


def test_search_tolerates_typos() -> None:
    hits = json.loads(fixture_run("search", "outscal", "-f", "json").stdout)
    assert hits[0]["id"] == "outscale"


def test_search_finds_nothing_cleanly() -> None:
    result = fixture_run("search", "zzzzzzzz", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []


def test_compare_side_by_side() -> None:
    out = fixture_run("compare", "bleu", "outscale").stdout
    assert "Microsoft (US): Azure and Microsoft 365" in out
    assert "qualified v3.2 since 2022-03" in out
    records = json.loads(fixture_run("compare", "Bleu", "3DS Outscale", "-f", "json").stdout)
    assert [r["id"] for r in records] == ["bleu", "outscale"]
    md = fixture_run("compare", "bleu", "outscale", "-f", "markdown").stdout
    assert md.splitlines()[0] == "|  | Bleu | Outscale |"


def test_compare_needs_two() -> None:
    assert fixture_run("compare", "bleu").exit_code == 2


# --- general --------------------------------------------------------------------------------


def test_every_command_help_has_examples() -> None:
    from sovcloud.cli import COMMANDS

    for command in COMMANDS:
        result = run(command, "--help")
        assert result.exit_code == 0
        assert "Examples:" in result.stdout
        assert f"sovcloud {command}" in result.stdout


def test_missing_data_directory_is_one_clear_line(tmp_path) -> None:
    result = run("providers", "--data", str(tmp_path / "nope"))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ") and "no such data directory" in result.stderr


def test_data_from_environment(monkeypatch) -> None:
    from conftest import FIXTURE_DATA

    monkeypatch.setenv("SOVCLOUD_DATA", str(FIXTURE_DATA))
    assert "outscale" in ids(run("providers", "--secnumcloud", "-f", "json"))


# --- as of a day ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2018-06-01", []),  # before any qualification
        ("2020-01-01", ["thesee-datacenter"]),  # Thésée qualified 2019, ended 2021-06
        ("2021-01-01", ["thesee-datacenter"]),
        ("2022-02-01", []),  # Thésée's has ended, Outscale's not yet granted (2022-03)
        ("2023-01-01", ["outscale"]),
        ("2026-11-30", ["outscale"]),
    ],
)
def test_secnumcloud_as_of_a_day(day: str, expected: list[str]) -> None:
    assert ids(fixture_run("providers", "--secnumcloud", "--as-of", day, "-f", "json")) == expected


def test_as_of_hides_providers_not_yet_founded_and_owners_not_yet_holding() -> None:
    listed = ids(fixture_run("providers", "--as-of", "2021-01-01", "-f", "json"))
    assert "numspot" not in listed  # founded 2022
    record = json.loads(
        fixture_run("show", "numspot", "--as-of", "2022-06-01", "-f", "json").stdout
    )["provider"]
    assert [o["name"] for o in record["owners"]] == ["Docaposte", "Dassault Systèmes"]
    # Events after the day are not shown.
    detail = json.loads(
        fixture_run("show", "numspot", "--as-of", "2023-01-01", "-f", "json").stdout
    )
    assert detail["events"] == []


def test_held_without_grant_date_counts_only_from_last_review(data_dir) -> None:
    target = data_dir / "providers" / "outscale.yaml"
    target.write_text(target.read_text().replace("    granted: 2022-03\n", "", 1))
    assert ids(run("providers", "--secnumcloud", "--data", str(data_dir), "-f", "json")) == [
        "outscale"
    ]
    # Reviewed 2026-11-01: before that we cannot tell it held.
    assert (
        ids(
            run(
                "providers",
                "--secnumcloud",
                "--as-of",
                "2026-10-01",
                "--data",
                str(data_dir),
                "-f",
                "json",
            )
        )
        == []
    )


def test_as_of_in_compare_and_bad_day() -> None:
    out = fixture_run("compare", "outscale", "thesee", "--as-of", "2020-06-01").stdout
    assert "since 2022-03" not in out  # granted later: not part of that day
    assert "qualified v3.2 since 2022-03" in fixture_run("compare", "outscale", "thesee").stdout
    assert fixture_run("providers", "--as-of", "2021-02-30").exit_code == 2


# --- French ---------------------------------------------------------------------------------


def test_french_headings_labels_and_record_text() -> None:
    out = fixture_run("show", "numspot", "--lang", "fr").stdout
    assert "Actionnaires" in out and "Sources" in out
    assert "en cours v3.2 (J1)" in out  # the status, in French
    event = fixture_run("show", "2023-10-18-numspot-hdh", "--lang", "fr").stdout
    assert "Résumé de test en français." in event
    assert "Test summary in English." in fixture_run("show", "2023-10-18-numspot-hdh").stdout


def test_french_errors_and_validate_messages(data_dir, monkeypatch) -> None:
    monkeypatch.setenv("SOVCLOUD_LANG", "fr")
    result = fixture_run("show", "qwertyuiop")
    assert result.stderr.startswith("erreur: rien ne correspond à 'qwertyuiop'")
    assert "le plus proche:" in result.stderr
    (data_dir / "providers" / "x.yaml").write_text("id: x\ncolour: 1\n")
    result = run("validate", str(data_dir))
    assert result.exit_code == 1
    assert "SC101 erreur [unknown-field] champ inconnu" in result.stdout
    assert result.stdout.splitlines()[-1].startswith("invalide: 16 fichiers")


# --- search: ids, tags, notes; how many; newest first ----------------------------------------


def test_search_says_how_many_it_leaves_out_and_how_to_see_them() -> None:
    out = " ".join(run("search", "health data hub").stdout.split())
    match = re.search(r"20 of (\d+) matches: --limit (\d+) shows them all", out)
    assert match and match.group(1) == match.group(2) and int(match.group(1)) > 20
    everything = json.loads(
        run("search", "health data hub", "--limit", match.group(1), "-f", "json").stdout
    )
    assert len(everything) == int(match.group(1))


def test_search_finds_ids_and_tags() -> None:
    hits = json.loads(run("search", "hdh", "-f", "json").stdout)
    assert hits and all("hdh" in h["id"] or h["field"] != "id" for h in hits)
    assert any(h["field"] == "id" for h in hits)
    tagged = json.loads(fixture_run("search", "health data hub", "-f", "json").stdout)
    assert tagged


def test_search_ranks_recent_events_first_among_equals() -> None:
    hits = json.loads(run("search", "health data hub", "--limit", "200", "-f", "json").stdout)
    events = [h for h in hits if h["kind"] == "event"]
    for score in {h["score"] for h in events}:
        ids = [h["id"] for h in events if h["score"] == score]
        assert ids == sorted(ids, reverse=True)


def test_search_shows_the_matching_excerpt_not_the_title_again() -> None:
    out = run("search", "hdh").stdout
    rows = [line for line in out.splitlines() if line.startswith(("9", "8", "7", "1"))]
    assert rows
    for line in rows:
        assert not re.search(r"title: ", line)


def test_no_fact_is_cut_in_compare_or_markdown() -> None:
    # Bleu's owners carry a long stake note; licences and milestones are long too.
    for args in (
        ("compare", "bleu", "s3ns"),
        ("compare", "bleu", "s3ns", "-f", "markdown"),
        ("providers", "--secnumcloud", "--include-pending", "-f", "markdown"),
        ("match", "--require", "secnumcloud", "-f", "markdown"),
    ):
        out = run(*args).stdout
        assert "…" not in out, args
    out = run("compare", "bleu", "s3ns", "-f", "markdown").stdout
    assert "Orange and Capgemini together hold 100%; the split is not given in our sources" in out


def test_markdown_is_citable_with_summaries_notes_and_linked_sources() -> None:
    timeline = run("timeline", "--since", "2026-04", "--until", "2026-04", "-f", "markdown").stdout
    assert "### 2026-04-23: Health Data Hub selects Scaleway" in timeline
    assert "Sources disagree" in timeline  # the event's note
    assert re.search(r"^1\. .+<https://", timeline, re.M)
    compared = run("compare", "bleu", "s3ns", "-f", "markdown").stdout
    assert "## Sources" in compared and "### Bleu" in compared and "### S3NS" in compared
    shown = run("show", "s3ns", "-f", "markdown").stdout
    numbered = re.findall(r"^\d+\. .*\((\w[\w-]*)\)(?: <|$)", shown, re.M)
    order = [
        "register",
        "register-copy",
        "government",
        "company",
        "analyst",
        "press",
        "opinion",
        "other",
    ]
    ranks = [order.index(kind) for kind in numbered]
    assert ranks == sorted(ranks)
