"""assess, match, changes and stale on the test catalogue, on cases whose answer is known."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, REPO, fixture_run, run
from sovcloud.assess_rules import RULES
from sovcloud.facts import cert_verdict
from sovcloud.render.formats import OutputFormat

FORMATS = [f.value for f in OutputFormat]


def as_json(result) -> object:
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def criteria(*args: str, data: Path = FIXTURE_DATA) -> dict[str, dict]:
    """assess's criteria by rule id."""
    document = as_json(run("assess", *args, "--data", str(data), "-f", "json"))
    return {c["id"]: c for c in document["criteria"]}


def write_provider(data: Path, id_: str, body: str) -> None:
    """A provider file with the fields every record needs, and `body` for the rest."""
    (data / "providers" / f"{id_}.yaml").write_text(
        f"id: {id_}\nname: {id_.title()}\nkind: cloud-provider\nstatus: active\n"
        f"description: Test provider.\n{body}"
        "sources:\n  - id: s1\n    publisher: Test Press\n    title: Owners\n"
        "    date: 2024\n    url: https://press.example.com/owners\n    type: press\n"
        "last_reviewed: 2026-11-01\n",
        encoding="utf-8",
    )


def owners(*lines: str) -> str:
    """An owners block from 'Name, CC, role, stake' lines (stake may be empty)."""
    out = "owners:\n"
    for line in lines:
        name, country, role, stake, *rest = [p.strip() for p in line.split(",")]
        out += f"  - name: {name}\n    country: {country}\n    role: {role}\n"
        out += f"    stake: {stake}\n" if stake else ""
        out += "".join(f"    {extra}\n" for extra in rest)
        out += "    sources: [s1]\n"
    return out


# --- match ----------------------------------------------------------------------------------


def test_match_lists_qualified_first_then_near_misses_with_what_they_lack() -> None:
    found = as_json(fixture_run("match", "--require", "secnumcloud", "-f", "json"))
    assert [c["id"] for c in found] == ["outscale", "bleu", "numspot"]
    assert found[0]["meets_all"] and found[0]["lacks"] == []
    numspot = found[2]
    assert not numspot["meets_all"]
    assert numspot["lacks"] == ["SecNumCloud: in progress (J1)"]
    assert numspot["needs"][0]["state"] == "pending"
    assert found[1]["lacks"] == ["SecNumCloud: announced"]


def test_match_as_of_a_day_before_outscales_qualification_does_not_count_it() -> None:
    before = as_json(
        fixture_run(
            "match", "--require", "secnumcloud", "--as-of", "2021-06-01", "-f", "json", "--all"
        )
    )
    outscale = next(c for c in before if c["id"] == "outscale")
    assert not outscale["meets_all"]
    assert "not yet granted on 2021-06-01" in outscale["lacks"][0]
    assert not any(c["meets_all"] for c in before)
    after = as_json(
        fixture_run("match", "--require", "secnumcloud", "--as-of", "2023-01-01", "-f", "json")
    )
    assert [c["id"] for c in after if c["meets_all"]] == ["outscale"]
    assert after[0]["id"] == "outscale"


def test_match_as_of_a_day_before_the_review_does_not_take_pending_as_progress() -> None:
    # NumSpot's "in progress" is what the record said when reviewed, not in 2023.
    found = as_json(
        fixture_run(
            "match", "--require", "secnumcloud", "--as-of", "2023-01-01", "-f", "json", "--all"
        )
    )
    numspot = next(c for c in found if c["id"] == "numspot")
    assert numspot["needs"][0]["state"] == "missing"
    assert numspot["lacks"] == ["SecNumCloud: not held on 2023-01-01 (now in progress)"]


def test_match_ranks_by_fewest_lacking_then_pending_before_missing() -> None:
    found = as_json(
        fixture_run("match", "--require", "secnumcloud", "--require", "hds", "-f", "json")
    )
    # NumSpot lacks one requirement, in progress; Outscale one, missing. Docaposte's HDS
    # rests on press of 2019 without a version: after the v2 transition it proves nothing.
    assert [c["id"] for c in found] == ["numspot", "outscale", "bleu", "docaposte"]
    assert found[1]["lacks"] == ["HDS: none recorded"]
    assert found[2]["lacks"] == ["SecNumCloud: announced", "HDS: none recorded"]
    assert "transition to version 2.0 has ended" in found[3]["lacks"][1]


def test_match_service_needs_an_offer_and_a_qualification_that_covers_it() -> None:
    iaas = as_json(
        fixture_run("match", "--require", "secnumcloud", "--service", "iaas", "-f", "json")
    )
    assert iaas[0]["id"] == "outscale" and iaas[0]["meets_all"]
    paas = as_json(
        fixture_run("match", "--require", "secnumcloud", "--service", "paas", "-f", "json", "--all")
    )
    outscale = next(c for c in paas if c["id"] == "outscale")
    assert outscale["lacks"] == [
        "SecNumCloud: held for iaas offers only, not paas",
        "no paas offer recorded",
    ]


def test_match_country_is_a_filter() -> None:
    found = as_json(fixture_run("match", "--require", "bsi-c5", "--country", "de", "-f", "json"))
    assert [c["id"] for c in found] == ["bleuet-hosting"]
    assert (
        as_json(fixture_run("match", "--require", "bsi-c5", "--country", "FR", "-f", "json")) == []
    )


def test_match_table_and_csv() -> None:
    table = fixture_run("match", "--require", "secnumcloud")
    assert table.exit_code == 0
    assert "SecNumCloud: in progress (J1)" in table.stdout
    assert "1 meet every requirement, 2 near misses" in table.stdout
    rows = list(
        csv.DictReader(
            io.StringIO(fixture_run("match", "--require", "secnumcloud", "-f", "csv").stdout)
        )
    )
    assert [(r["id"], r["meets_all"]) for r in rows] == [
        ("outscale", "yes"),
        ("bleu", "no"),
        ("numspot", "no"),
    ]


def test_match_warns_of_a_scheme_nobody_holds_and_needs_a_requirement() -> None:
    result = fixture_run("match", "--require", "secnumclod", "-f", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []
    assert "secnumclod" in result.stderr
    assert fixture_run("match").exit_code == 2
    assert fixture_run("match", "--service", "spaceship").exit_code == 2


# --- assess ---------------------------------------------------------------------------------


def test_assess_bleu_flags_microsoft_technology_and_reads_its_owners() -> None:
    found = criteria("bleu")
    assert list(found) == [rule.id for rule in RULES]
    technology = found["eu-technology"]
    assert technology["status"] == "not-met"
    assert "Microsoft (US, outside the EU)" in technology["facts"][0]["text"]
    assert technology["facts"][0]["sources"] == [
        {"publisher": "Test Press", "title": "Bleu", "date": "2021-05", "type": "press"}
    ]
    assert found["eu-owners"]["status"] == "met"  # Orange 50% and Capgemini 50%, both FR
    assert found["eu-office"]["status"] == "met"
    assert found["secnumcloud"]["status"] == "not-met"
    assert "announced" in found["secnumcloud"]["facts"][0]["text"]
    assert found["eu-data-centres"]["status"] == "unknown"  # none recorded
    assert found["hds"]["status"] == "not-met"


def test_assess_outscale_follows_the_day() -> None:
    assert criteria("outscale")["secnumcloud"]["status"] == "met"
    assert criteria("outscale", "--as-of", "2021-06-01")["secnumcloud"]["status"] == "not-met"
    # Granted "2022-03": on the 15th, the month does not tell whether it was granted yet.
    assert criteria("outscale", "--as-of", "2022-03-15")["secnumcloud"]["status"] == "unknown"
    assert criteria("outscale", "--as-of", "2022-03-31")["secnumcloud"]["status"] == "met"


def test_assess_unknown_stays_unknown() -> None:
    found = criteria("numspot")
    # Docaposte's 40% is recorded, Dassault Systèmes's stake is not.
    assert found["eu-owners"]["status"] == "unknown"
    assert "40%" in found["eu-owners"]["facts"][-1]["text"]
    assert found["hds"]["status"] == "met"
    # Outscale's parent is "wholly owned" in words only: not interpreted.
    assert criteria("outscale")["eu-owners"]["status"] == "unknown"


@pytest.mark.parametrize(
    ("lines", "status"),
    [
        (["Orange, FR, shareholder, 80", "Google, US, shareholder, 20"], "met"),
        (["Orange, FR, shareholder, 70", "Google, US, shareholder, 30"], "not-met"),
        (
            [
                "Orange, FR, shareholder, 60",
                "Google, US, shareholder, 20",
                "Amazon, US, shareholder, 20",
            ],
            "not-met",
        ),  # 40% together
        (["Orange, FR, shareholder, 80", "Google, US, shareholder, "], "unknown"),
        (["Google, US, parent, "], "not-met"),
        (["Orange, FR, shareholder, 90"], "met"),  # even the other 10% could not break a limit
        (["Orange, FR, shareholder, 70"], "unknown"),  # the other 30% could
        ([], "unknown"),
    ],
)
def test_assess_owners_against_secnumcloud_limits(
    data_dir: Path, lines: list[str], status: str
) -> None:
    write_provider(data_dir, "testcloud", "country: FR\n" + (owners(*lines) if lines else ""))
    assert criteria("testcloud", data=data_dir)["eu-owners"]["status"] == status


def test_assess_owners_counts_an_eu_owner_with_a_non_eu_parent(data_dir: Path) -> None:
    write_provider(data_dir, "usholding-eu", "country: IE\n" + owners("Megacorp, US, parent, 100"))
    write_provider(
        data_dir,
        "testcloud",
        "country: FR\n"
        + owners(
            "Orange, FR, shareholder, 70", "Usholding, IE, shareholder, 30, provider: usholding-eu"
        ),
    )
    found = criteria("testcloud", data=data_dir)["eu-owners"]
    assert found["status"] == "not-met"
    assert "Megacorp (US)" in found["facts"][1]["text"]


def test_assess_owners_as_of_a_day(data_dir: Path) -> None:
    write_provider(
        data_dir,
        "testcloud",
        "country: FR\n"
        + owners(
            "Orange, FR, shareholder, 100, since: 2021", "Megacorp, US, parent, , until: 2020"
        ),
    )
    assert criteria("testcloud", data=data_dir)["eu-owners"]["status"] == "met"
    assert (
        criteria("testcloud", "--as-of", "2019-06-01", data=data_dir)["eu-owners"]["status"]
        == "not-met"
    )


def test_assess_data_centres_and_office(data_dir: Path) -> None:
    centres = (
        "data_centres:\n  - location: Paris\n    country: FR\n    sources: [s1]\n"
        "  - location: Virginia\n    country: US\n    sources: [s1]\n"
    )
    write_provider(data_dir, "testcloud", "country: NO\n" + centres)
    found = criteria("testcloud", data=data_dir)
    assert found["eu-data-centres"]["status"] == "not-met"
    assert "Virginia (US, outside the EU)" in found["eu-data-centres"]["facts"][1]["text"]
    assert found["eu-office"]["status"] == "not-met"  # Norway is not in the EU
    write_provider(data_dir, "testcloud", "country: FR\n" + centres.split("  - location: V")[0])
    assert criteria("testcloud", data=data_dir)["eu-data-centres"]["status"] == "met"


def test_assess_table_shows_answers_facts_and_numbered_sources() -> None:
    result = fixture_run("assess", "numspot")
    assert result.exit_code == 0
    out = result.stdout
    assert re.search(r"^MET +HDS certification held", out, re.M)
    assert re.search(r"^UNKNOWN +No non-EU owner", out, re.M)
    assert "Docaposte (FR), shareholder, 40% [1]" in out
    assert '[1] Test Press, "A test article", 2023-10-18 (press)' in out
    assert "https://press.example.com/a" in out


def test_assess_needs_a_name_unless_rules_and_resolves_forgivingly() -> None:
    assert fixture_run("assess").exit_code == 2
    assert criteria("Numspot")["hds"]["status"] == "met"
    missing = fixture_run("assess", "nothing-like-it")
    assert missing.exit_code == 1 and missing.stderr.startswith("error: ")


def test_assess_rules_lists_every_rule_with_the_secnumcloud_limits() -> None:
    rules = as_json(run("assess", "--rules", "-f", "json"))
    assert [r["id"] for r in rules] == [
        "secnumcloud",
        "eu-office",
        "eu-owners",
        "eu-technology",
        "eu-data-centres",
        "hds",
    ]
    owners_rule = rules[2]
    assert "24%" in owners_rule["explanation"] and "39%" in owners_rule["explanation"]
    assert all(ref["url"].startswith("https://") for ref in owners_rule["references"])
    markdown = run("assess", "--rules", "-f", "markdown").stdout
    assert markdown.startswith("## How `assess` decides\n")
    assert markdown.count("\n### ") == len(RULES)


def test_readme_section_matches_the_rules_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    generated = run("assess", "--rules", "-f", "markdown").stdout
    assert "## How `assess` decides" in readme, "the README lost its rules section"
    assert generated in readme, "regenerate: sovcloud assess --rules --format markdown"


@pytest.mark.parametrize(
    ("cert", "day", "state"),
    [
        ({"status": "qualified", "granted": "2022-03"}, "2022-02-28", "lapsed"),
        ({"status": "qualified", "granted": "2022-03"}, "2022-03-10", "unknown"),
        ({"status": "qualified", "granted": "2022-03"}, "2022-04-01", "held"),
        ({"status": "qualified"}, "2026-01-01", "unknown"),  # no grant date, before the review
        ({"status": "qualified"}, "2026-11-30", "held"),
        ({"status": "expired", "granted": "2019", "ended": "2021-06"}, "2021-06-15", "unknown"),
        ({"status": "expired", "granted": "2019", "ended": "2021-06"}, "2021-07-01", "lapsed"),
        ({"status": "expired", "granted": "2019", "ended": "2021-06"}, "2020-05-01", "held"),
        ({"status": "expired", "ended": "2021-06"}, "2020-05-01", "unknown"),
        ({"status": "expired"}, "2026-11-30", "lapsed"),
        ({"status": "in-progress"}, "2026-11-30", "pending"),
        (
            {"status": "certified", "granted": "2024-02-01", "expires": "2027-02-01"},
            "2027-02-01",
            "held",
        ),
    ],
)
def test_cert_verdict_never_guesses_inside_a_dates_precision(
    cert: dict, day: str, state: str
) -> None:
    full = {"scheme": "secnumcloud", "sources": ["s1"], **cert}
    record = {
        "sources": [{"id": "s1", "type": "register", "date": "2026"}],
        "last_reviewed": "2026-11-01",
        "certifications": [full],
    }
    assert cert_verdict(full, dt.date.fromisoformat(day), record)[0] == state


# --- changes --------------------------------------------------------------------------------


def test_changes_in_2022_list_outscales_qualification_with_its_source() -> None:
    found = as_json(fixture_run("changes", "--since", "2022", "--until", "2022-12", "-f", "json"))
    granted = [c for c in found if c["group"] == "granted"]
    assert [(c["date"], c["title"]) for c in granted] == [
        ("2022-03", "Outscale: SecNumCloud 3.2 qualified")
    ]
    assert granted[0]["sources"][0]["publisher"] == "ANSSI"
    assert granted[0]["sources"][0]["url"] == "https://cyber.example.gouv.fr/snc"
    assert [c["group"] for c in found] == ["granted", "ownership", "founded", "event"]
    assert found[1]["title"] == "NumSpot: Docaposte (FR) became a shareholder (40%)"
    assert found[2]["title"] == "NumSpot (joint-venture, FR) founded"
    assert found[3]["ref"] == "2022-03-outscale-qualified"
    # Thésée's 2019 qualification and 2021 expiry are outside the window.
    assert not any("Thésée" in c["title"] for c in found)


def test_changes_are_grouped_and_in_date_order() -> None:
    found = as_json(fixture_run("changes", "--since", "2019", "--until", "2031", "-f", "json"))
    granted = [c["date"] for c in found if c["group"] == "granted"]
    assert granted == ["2019", "2019", "2022-03", "2024-02-01", "2024-06"]
    ended = [c for c in found if c["group"] == "ended"]
    assert [(c["date"], c["status"], c["title"]) for c in ended] == [
        ("2021-06", "happened", "Thésée DataCenter: SecNumCloud expired"),
        ("2027-02-01", "expected", "Bleuet Hosting: BSI C5 due to expire"),
    ]
    events = [(c["kind"], c["date"]) for c in found if c["group"] == "event"]
    assert events == sorted(events)  # by kind, then date
    assert ("contract", "2030") in events


def test_changes_table_markdown_and_csv() -> None:
    table = fixture_run("changes", "--since", "2021", "--until", "2021-12")
    assert table.exit_code == 0
    assert "Qualifications and certifications expired or ended" in table.stdout
    assert "2021-06  Thésée DataCenter: SecNumCloud expired" in table.stdout
    markdown = fixture_run(
        "changes", "--since", "2022", "--until", "2022-12", "-f", "markdown"
    ).stdout
    assert "## Qualifications and certifications granted" in markdown
    assert "## Events: certification" in markdown
    rows = list(
        csv.DictReader(
            io.StringIO(
                fixture_run("changes", "--since", "2022", "--until", "2022-12", "-f", "csv").stdout
            )
        )
    )
    assert rows[0]["ref"] == "outscale" and "ANSSI" in rows[0]["sources"]


def test_changes_window_defaults_accepts_spans_and_refuses_a_reversed_one() -> None:
    # Without --since: the last 30 days, up to today; what is expected later is not a change.
    out = fixture_run("changes").stdout
    assert "changes from 2026-10-31 to 2026-11-30" in out
    assert "changes from 2026-11-23 to 2026-11-30" in fixture_run("changes", "--since", "7d").stdout
    assert fixture_run("changes", "--since", "2022-13").exit_code == 2
    reversed_ = fixture_run("changes", "--since", "2025", "--until", "2024")
    assert reversed_.exit_code == 2 and "swap them" in reversed_.stderr


def test_changes_say_what_the_catalogue_learnt(data_dir: Path) -> None:
    path = data_dir / "providers" / "outscale.yaml"
    text = path.read_text(encoding="utf-8")
    checked = "    offers: [iaas]\n    sources: [s1]\n    checked: 2026-11-27\n"
    path.write_text(
        text.replace("    offers: [iaas]\n    sources: [s1]\n", checked, 1), encoding="utf-8"
    )
    found = as_json(run("changes", "--since", "7d", "--data", str(data_dir), "-f", "json"))
    assert [c["title"] for c in found if c["group"] == "checked"] == [
        "Outscale: SecNumCloud 3.2 checked (held)"
    ]


# --- stale ----------------------------------------------------------------------------------


def test_stale_lists_records_by_last_reviewed_oldest_first(data_dir: Path) -> None:
    for name, day in (
        ("providers/bleu.yaml", "2025-01-10"),
        ("events/2023-hds-v2.yaml", "2025-06-01"),
        ("providers/outscale.yaml", "2026-03-01"),
    ):
        path = data_dir / name
        path.write_text(
            path.read_text(encoding="utf-8").replace(
                "last_reviewed: 2026-11-01", f"last_reviewed: {day}"
            ),
            encoding="utf-8",
        )
    found = as_json(run("stale", "--data", str(data_dir), "-f", "json"))
    assert [(r["id"], r["last_reviewed"], r["age_days"]) for r in found] == [
        ("bleu", "2025-01-10", 689),
        ("2023-hds-v2", "2025-06-01", 547),
        ("outscale", "2026-03-01", 274),
    ]
    assert found[0]["path"] == "providers/bleu.yaml" and found[1]["kind"] == "event"
    assert [
        r["id"]
        for r in as_json(run("stale", "--max-age", "300", "--data", str(data_dir), "-f", "json"))
    ] == ["bleu", "2023-hds-v2"]
    # The same records validate --max-age warns about (SC303).
    report = json.loads(
        run("validate", str(data_dir), "--max-age", "180", "--format", "json").stdout
    )
    warned = sorted(Path(f["file"]).stem for f in report["findings"] if f["code"] == "SC303")
    assert warned == sorted(r["id"] for r in found)


def test_stale_with_nothing_stale_says_so() -> None:
    assert as_json(fixture_run("stale", "-f", "json")) == []
    table = fixture_run("stale")
    assert table.exit_code == 0
    assert "0 records not reviewed for more than 180 days" in table.stdout
    assert len(as_json(fixture_run("stale", "--max-age", "0", "-f", "json"))) == 11
    assert fixture_run("stale", "--max-age", "-1").exit_code == 2


# --- every command ----------------------------------------------------------------------------

COMMANDS = {
    "assess": ["assess", "numspot"],
    "assess-as-of": ["assess", "outscale", "--as-of", "2021-01-01"],
    "rules": ["assess", "--rules"],
    "match": ["match", "--require", "secnumcloud", "--require", "hds", "--service", "iaas"],
    "changes": ["changes", "--since", "2019"],
    "stale": ["stale", "--max-age", "0"],
}


@pytest.mark.parametrize("format_", FORMATS)
@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
def test_every_format_of_every_command(command: str, format_: str) -> None:
    result = fixture_run(*COMMANDS[command], "--format", format_)
    assert result.exit_code == 0, result
    assert result.stdout.strip()
    if format_ == "json":
        json.loads(result.stdout)
    if format_ == "csv":
        rows = list(csv.reader(io.StringIO(result.stdout)))
        assert len({len(r) for r in rows}) == 1


@pytest.mark.parametrize("command", ["assess", "match", "changes", "stale"])
def test_help_has_examples(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    examples = result.stdout.split("Examples:")[1]
    assert examples.count(f"sovcloud {command}") >= 2


# --- terminal safety ------------------------------------------------------------------------

# What a tampered index could serve: escapes that would blink, open a link, reverse the text
# or ring the bell if they reached a terminal raw.
BAD = "Evil\x1b[5m\u202eCorp\x07"
BAD_URL = "https://press.example.com/\x1b]8;;https://evil.example/"


def bad_record() -> dict:
    cite = {"sources": ["s1"]}
    return {
        "id": "evil",
        "name": BAD,
        "kind": "cloud-provider",
        "country": "FR",
        "status": "active",
        "headquarters": BAD,
        "founded": "2022",
        "last_reviewed": "2026-11-01",
        "owners": [
            {
                "name": BAD,
                "country": "US",
                "role": "shareholder",
                "stake_note": BAD,
                "since": "2022",
                **cite,
            }
        ],
        "licensed_technology": [{"vendor": BAD, "country": "US", "technology": BAD, **cite}],
        "offers": [{"id": "o", "name": BAD, "service": "paas", "status": "announced"}],
        "data_centres": [{"location": BAD, "country": "FR", "operator": BAD, **cite}],
        "certifications": [
            {
                "scheme": "secnumcloud",
                "status": "in-progress",
                "milestone": BAD,
                "scope": BAD,
                "offers": [],
                "activities": [],
                **cite,
            },
            {
                "scheme": "hds",
                "status": "certified",
                "granted": "2023",
                "offers": [],
                "activities": [],
                **cite,
            },
        ],
        "sources": [
            {
                "id": "s1",
                "publisher": BAD,
                "title": BAD,
                "date": "2024",
                "url": BAD_URL,
                "type": "press",
            }
        ],
    }


def bad_views() -> list:
    from sovcloud.assess import Assessment, Criterion
    from sovcloud.changes import Change, _provider_changes
    from sovcloud.facts import Context
    from sovcloud.match import Candidate, MatchResult, Tender, _scheme_need, _service_need
    from sovcloud.render.assess import AssessView
    from sovcloud.render.changes import ChangesView
    from sovcloud.render.match import MatchView
    from sovcloud.render.stale import StaleView
    from sovcloud.stale import StaleRecord

    record, on = bad_record(), dt.date(2026, 11, 24)
    ctx = Context(record, on, {})
    assessment = Assessment(record, on, None, [Criterion(r, r.function(ctx)) for r in RULES], [BAD])
    needs = [_scheme_need(record, s, ["paas"], on) for s in ("secnumcloud", "hds")]
    candidate = Candidate(record, [*needs, _service_need(record, "paas")])
    found = _provider_changes(record, "2000", None, on)
    event = Change("event", "other", "2024", "happened", ["evil"], BAD, BAD, record["sources"])
    return [
        AssessView(assessment),
        MatchView(MatchResult([candidate], on, Tender(["secnumcloud"]), 0, [])),
        ChangesView([*found, event], {"evil": BAD}, "2000", None),
        StaleView([StaleRecord("providers", "evil", BAD, "2020-01-01", 1789)], 180, on),
    ]


@pytest.mark.parametrize("format_", FORMATS)
def test_record_text_never_reaches_the_output_as_escapes(format_: str) -> None:
    from rich.console import Console

    from sovcloud.render.output import text as render_text

    for view in bad_views():
        if format_ == "table":
            outputs = []
            for colour in (True, False):
                buffer = io.StringIO()
                console = Console(
                    file=buffer,
                    width=200,
                    force_terminal=colour,
                    no_color=not colour,
                    color_system="truecolor" if colour else None,
                    markup=False,
                    highlight=False,
                )
                view.rich(console)
                outputs.append(buffer.getvalue())
            text = "".join(outputs)
        else:
            text = render_text(view, OutputFormat(format_))
        assert "Corp" in text or "Evil" in text, type(view).__name__
        for raw in ("\x1b[5m", "\x1b]8;;https://evil", "\u202e", "\x07"):
            assert raw not in text, (type(view).__name__, format_, raw)


# --- matching a real tender -----------------------------------------------------------------


def test_repeated_services_mean_any_of_unless_all_services() -> None:
    # Outscale offers IaaS only: it answers "IaaS or PaaS", not "IaaS and PaaS".
    anyof = as_json(
        fixture_run(
            "match",
            "--require",
            "secnumcloud",
            "--service",
            "iaas",
            "--service",
            "paas",
            "-f",
            "json",
        )
    )
    outscale = next(c for c in anyof if c["id"] == "outscale")
    assert outscale["meets_all"] and outscale["rank"] == 1
    every = as_json(
        fixture_run(
            "match",
            "--require",
            "secnumcloud",
            "--service",
            "iaas",
            "--service",
            "paas",
            "--all-services",
            "-f",
            "json",
        )
    )
    outscale = next(c for c in every if c["id"] == "outscale")
    assert not outscale["meets_all"]
    assert "no paas offer recorded" in outscale["lacks"]
    out = fixture_run(
        "match", "--require", "secnumcloud", "--service", "iaas", "--service", "paas"
    ).stdout
    assert "an offer of any of iaas, paas" in " ".join(out.split())


def test_an_offer_counts_as_the_kind_the_register_qualifies(data_dir: Path) -> None:
    path = data_dir / "providers" / "outscale.yaml"
    text = path.read_text(encoding="utf-8").replace("service: iaas", "service: private-cloud")
    path.write_text(text, encoding="utf-8")
    lacking = as_json(
        run(
            "match",
            "--require",
            "secnumcloud",
            "--service",
            "iaas",
            "--data",
            str(data_dir),
            "-f",
            "json",
            "--all",
        )
    )
    assert not next(c for c in lacking if c["id"] == "outscale")["meets_all"]
    # ANSSI's catalogue types the qualified service as IaaS: the offer counts as IaaS.
    typed = "    offers: [iaas]\n    services: [iaas]\n"
    qualified_as = text.replace("    offers: [iaas]\n", typed, 1)
    path.write_text(qualified_as, encoding="utf-8")
    found = as_json(
        run(
            "match",
            "--require",
            "secnumcloud",
            "--service",
            "iaas",
            "--data",
            str(data_dir),
            "-f",
            "json",
        )
    )
    assert next(c for c in found if c["id"] == "outscale")["meets_all"]


def test_near_misses_are_ordered_by_distance_and_capped() -> None:
    found = as_json(run("match", "--require", "secnumcloud", "--require", "hds", "-f", "json"))
    near = [c for c in found if not c["meets_all"]]
    assert len(near) <= 10

    # Lacking SecNumCloud (a qualification) is farther than lacking HDS: no provider without
    # SecNumCloud comes before one that has it and lacks only HDS.
    def lacks_snc(c: dict) -> bool:
        return any(
            n["requirement"] == "secnumcloud" and n["state"] == "missing" for n in c["needs"]
        )

    last_with = max((c["rank"] for c in near if not lacks_snc(c)), default=0)
    first_without = min((c["rank"] for c in near if lacks_snc(c)), default=99)
    assert last_with < first_without
    everyone = as_json(
        run("match", "--require", "secnumcloud", "--require", "hds", "--all", "-f", "json")
    )
    assert len(everyone) > len(found)
    assert "more near misses not listed (--all lists them)" in " ".join(
        run("match", "--require", "secnumcloud", "--require", "hds").stdout.split()
    )


# --- changes: what the catalogue learnt, from the data's git history --------------------------


def _git(repo: Path, *args: str, day: str | None = None) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.org",
    }
    if day:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = f"{day}T12:00:00+00:00"
    subprocess.run(["git", "-C", str(repo), *args], check=True, env=env, capture_output=True)


@pytest.fixture
def data_checkout(tmp_path: Path) -> Path:
    """The test catalogue in a git checkout: all of it committed on 2026-10-01, then on
    2026-11-20 NumSpot revised, an event added and Thésée DataCenter removed."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_DATA, repo / "data")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "first", day="2026-10-01")
    data = repo / "data"
    numspot = data / "providers" / "numspot.yaml"
    numspot.write_text(
        numspot.read_text().replace("last_reviewed: 2026-11-01", "last_reviewed: 2026-11-20")
    )
    event = (data / "events" / "2022-03-outscale-qualified.yaml").read_text()
    (data / "events" / "2022-05-outscale-again.yaml").write_text(
        event.replace("id: 2022-03-outscale-qualified", "id: 2022-05-outscale-again").replace(
            "date: 2022-03", "date: 2022-05"
        )
    )
    (data / "providers" / "thesee-datacenter.yaml").unlink()
    for path in data.rglob("*.yaml"):
        if "thesee" in path.read_text():
            path.write_text(path.read_text().replace("thesee-datacenter", "outscale"))
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "second", day="2026-11-20")
    return data


def test_changes_say_what_the_catalogue_learnt_from_its_history(data_checkout: Path) -> None:
    found = as_json(
        run("changes", "--since", "2026-11-15", "--data", str(data_checkout), "-f", "json")
    )
    learnt = {
        (c["group"], c["ref"], c["date"])
        for c in found
        if c["group"] in ("added", "revised", "removed")
    }
    assert ("added", "2022-05-outscale-again", "2026-11-20") in learnt
    assert ("revised", "numspot", "2026-11-20") in learnt
    assert ("removed", "thesee-datacenter", "2026-11-20") in learnt
    # The first commit is outside the window: nothing of it is listed.
    assert not any(ref == "bleu" for _, ref, _ in learnt)
    # An event dated 2022 is something the catalogue learnt, not a change of the window.
    assert not any(c["group"] == "event" and c["ref"] == "2022-05-outscale-again" for c in found)
    table = run("changes", "--since", "2026-11-15", "--data", str(data_checkout)).stdout
    assert "What the catalogue learnt: records added" in table
    assert "2026-11-20  Outscale qualified SecNumCloud 3.2 (event)" in table
    assert "What the catalogue learnt: records changed" in table
    assert "2026-11-20  NumSpot (provider)" in table
    assert "not a git checkout" not in table
    earlier = as_json(
        run(
            "changes",
            "--since",
            "2026-09-01",
            "--until",
            "2026-10-31",
            "--data",
            str(data_checkout),
            "-f",
            "json",
        )
    )
    assert {c["ref"] for c in earlier if c["group"] == "added"} >= {"bleu", "numspot"}


def test_changes_say_in_one_line_when_the_data_has_no_history(data_dir: Path) -> None:
    out = run("changes", "--since", "2026-11-15", "--data", str(data_dir)).stdout
    notes = [line for line in out.splitlines() if "Records added or changed" in line]
    assert notes == ["Records added or changed: unknown, the data directory is not a git checkout."]
    markdown = run(
        "changes", "--since", "2026-11-15", "--data", str(data_dir), "-f", "markdown"
    ).stdout
    assert "not a git checkout" in markdown
