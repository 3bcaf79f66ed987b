"""Certification schemes as records, and certifications as register entries: status is
computed one way everywhere, and every listing says how much of the register it covers."""

from __future__ import annotations

import csv
import json
import sqlite3
import textwrap
from pathlib import Path

from conftest import REPO, run

SHIPPED = REPO / "data"


def as_json(*args: str) -> object:
    result = run(*args, "--format", "json")
    assert result.exit_code == 0, result
    return json.loads(result.stdout)


def test_schemes_lists_at_least_eight_with_authority_and_register() -> None:
    listed = as_json("schemes")
    assert isinstance(listed, list)
    ids = [s["id"] for s in listed]
    assert ids[:2] == ["secnumcloud", "hds"]  # the main ones first
    assert {"iso-27001", "bsi-c5", "eucs", "ens", "acn-cloud", "gaia-x", "cispe-code"} <= set(ids)
    for scheme in listed:
        assert scheme["authority"] and scheme["description"]
    registers = [s for s in listed if s.get("official_register")]
    assert len(registers) >= 8
    hds = next(s for s in listed if s["id"] == "hds")
    assert hds["coverage"]["official_count"] >= 300  # ANS's own count, with its date
    assert hds["coverage"]["recorded"] < hds["coverage"]["official_count"]
    text = run("schemes").stdout
    assert "SecNumCloud" in text and "ANSSI" in text


def test_every_scheme_a_provider_names_has_a_record() -> None:
    schemes = {p.stem for p in (SHIPPED / "schemes").glob("*.yaml")}
    for path in (SHIPPED / "providers").glob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip().startswith("- scheme:"):
                assert line.split(":", 1)[1].strip() in schemes, path


def test_show_a_scheme_gives_its_versions_register_coverage_and_holders() -> None:
    out = run("show", "hds").stdout
    assert "version 2.0" in out and "transition ends 2026-05-16" in out
    assert "of the" in out and "recorded here" in out  # coverage, never silent
    found = as_json("show", "secnumcloud")
    assert found["scheme"]["held_as"] == "qualified"  # type: ignore[index]
    holders = {h["id"] for h in found["holders"]}  # type: ignore[index]
    assert {"ovhcloud", "outscale", "cloud-temple", "s3ns", "numspot"} <= holders


def test_secnumcloud_listing_states_its_coverage() -> None:
    lines = run("providers", "--secnumcloud").stdout.splitlines()
    assert any(line.startswith("SecNumCloud:") and "recorded here" in line for line in lines)
    md = run("providers", "--hds", "--format", "markdown").stdout
    assert "HDS:" in md and "of the" in md and "hosts" in md


def test_json_carries_the_register_fields_and_standing_of_every_entry() -> None:
    listed = as_json("providers", "--secnumcloud")
    assert isinstance(listed, list) and listed
    for provider in listed:
        for cert in provider["certifications"]:
            for key in ("version", "expires", "activities", "number", "body", "checked"):
                assert key in cert
            assert cert["standing"]["state"] in (
                "held",
                "unverified",
                "unknown",
                "pending",
                "superseded",
                "lapsed",
            )
            assert "evidence" in cert["standing"]
    ovh = next(p for p in listed if p["id"] == "ovhcloud")
    decided = [c for c in ovh["certifications"] if c.get("number")]
    assert decided and all(c["expires"] and c["checked"] for c in decided)


ACME_SCHEME = textwrap.dedent("""\
    id: acme-label
    name: Acme Label
    authority: Acme Authority
    jurisdiction: DE
    certifies: service
    held_as: labelled
    validity_years: 2
    official_register:
      publisher: Acme Authority
      title: Register of Acme labels
    counts:
      - count: 40
        unit: services
        date: 2026-10
        sources: [acme-register]
    description: A label invented for this test.
    sources:
      - id: acme-register
        publisher: Acme Authority
        title: Register of Acme labels
        date: 2026-10
        type: register
    last_reviewed: 2026-11-30
    """)


def test_a_scheme_added_as_one_file_works_everywhere(data_dir: Path, tmp_path: Path) -> None:
    (data_dir / "schemes" / "acme-label.yaml").write_text(ACME_SCHEME, encoding="utf-8")
    outscale = data_dir / "providers" / "outscale.yaml"
    text = outscale.read_text(encoding="utf-8")
    outscale.write_text(
        text.replace(
            "certifications:\n",
            "certifications:\n  - scheme: acme-label\n    status: labelled\n"
            "    number: AL-7\n    granted: 2026-01-15\n    expires: 2028-01-15\n"
            "    sources: [s1]\n    checked: 2026-11-20\n",
            1,
        ),
        encoding="utf-8",
    )
    assert "sources:\n  - id: s1" in text  # the citation above is the record's own
    data = ("--data", str(data_dir))
    assert run("validate", str(data_dir), "--strict").exit_code == 0
    listed = as_json("providers", "--scheme", "acme-label", *data)
    assert [p["id"] for p in listed] == ["outscale"]  # type: ignore[union-attr]
    table = run("providers", "--scheme", "acme-label", *data).stdout
    assert "Acme Label: 1 of the 40 services" in table
    assert "Acme Label" in run("show", "outscale", *data).stdout
    assert "Acme Label" in run("show", "acme-label", *data).stdout
    assert "Acme Label" in run("compare", "outscale", "bleu", *data).stdout
    matched = as_json("match", "--require", "acme-label", *data)
    assert matched[0]["id"] == "outscale"  # type: ignore[index]
    stats = as_json("stats", *data)
    assert any(b["scheme"] == "acme-label" for b in stats["providers_by_scheme"])  # type: ignore[index]
    document = json.loads(run("export", "json", "-", *data).stdout)
    assert "acme-label" in [s["id"] for s in document["schemes"]]
    assert run("export", "csv", str(tmp_path / "csv"), *data).exit_code == 0
    with open(tmp_path / "csv" / "certifications.csv", encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["scheme"] == "acme-label"]
    assert rows[0]["number"] == "AL-7" and rows[0]["standing"] == "held"


def test_a_misspelt_scheme_is_refused_with_the_nearest(data_dir: Path) -> None:
    path = data_dir / "providers" / "outscale.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("scheme: secnumcloud", "scheme: secnumcloude", 1),
        encoding="utf-8",
    )
    result = run("validate", str(data_dir))
    assert result.exit_code == 1
    assert "SC209" in result.stdout and "did you mean `secnumcloud`?" in result.stdout


def test_past_its_validity_a_qualification_lapses_and_says_renewal_not_confirmed(
    data_dir: Path,
) -> None:
    path = data_dir / "providers" / "outscale.yaml"
    text = path.read_text(encoding="utf-8")
    assert "granted: 2022-03\n" in text
    lapsing = text.replace("granted: 2022-03\n", "granted: 2022-03\n    expires: 2026-09-30\n", 1)
    path.write_text(lapsing, encoding="utf-8")
    data = ("--data", str(data_dir))
    assert "outscale" not in [p["id"] for p in as_json("providers", "--secnumcloud", *data)]
    shown = " ".join(run("show", "outscale", *data).stdout.split())
    assert "LAPSED" in shown and "renewal not confirmed" in shown
    # validate says so too, as a notice that never fails a contributor's CI on a date.
    result = run("validate", str(data_dir), "--strict", "--format", "json")
    assert result.exit_code == 0
    codes = {f["code"] for f in json.loads(result.stdout)["findings"]}
    assert "SC304" in codes
    # Before its end, it held.
    earlier = as_json("providers", "--secnumcloud", "--as-of", "2026-06-01", *data)
    assert "outscale" in [p["id"] for p in earlier]  # type: ignore[union-attr]


def test_an_hds_certificate_under_the_2018_referential_no_longer_counts(data_dir: Path) -> None:
    path = data_dir / "providers" / "numspot.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace('version: "2.0"', 'version: "1.1"', 1),
        encoding="utf-8",
    )
    data = ("--data", str(data_dir))
    assert "numspot" not in [p["id"] for p in as_json("providers", "--hds", *data)]
    assert "SUPERSEDED" in run("show", "numspot", *data).stdout
    # Before the end of the transition (2026-05-16) it still counted.
    before = as_json("providers", "--hds", "--as-of", "2026-05-01", *data)
    assert "numspot" in [p["id"] for p in before]  # type: ignore[union-attr]


def test_press_only_evidence_is_listed_but_marked_unverified() -> None:
    # Docaposte's HDS certificate of the test catalogue rests on press of 2023.
    listed = as_json("providers", "--hds", "--data", str(REPO / "tests" / "data"))
    docaposte = next(p for p in listed if p["id"] == "docaposte")  # type: ignore[union-attr]
    assert docaposte["unverified"] == ["hds"]
    table = run("providers", "--hds", "--data", str(REPO / "tests" / "data")).stdout
    assert "unverified" in table


def test_assess_bleu_answers_the_ownership_rule() -> None:
    found = as_json("assess", "bleu")
    owners = next(c for c in found["criteria"] if c["id"] == "eu-owners")  # type: ignore[index]
    assert owners["status"] == "met"
    assert any("hold all of the capital" in f["text"] for f in owners["facts"])


def test_the_database_carries_standing_and_register_fields(tmp_path: Path) -> None:
    out = tmp_path / "x.db"
    assert run("export", "sqlite", str(out)).exit_code == 0
    conn = sqlite3.connect(out)
    rows = conn.execute(
        "SELECT number, standing, evidence FROM certifications "
        "WHERE provider_id = 'ovhcloud' AND scheme = 'secnumcloud' AND number IS NOT NULL"
    ).fetchall()
    assert rows and all(standing == "held" for _, standing, _ in rows)


def test_stale_entries_lists_evidence_oldest_first() -> None:
    found = as_json("stale", "--entries", "--max-age", "1095")
    assert isinstance(found, list) and found
    ages = [e["age_days"] for e in found if e["age_days"] is not None]
    assert ages == sorted(ages, reverse=True)
    # The seed article of June 2020 is the only evidence of some HDS entries.
    assert any(e["scheme"] == "hds" and e["evidence_date"] == "2020-06" for e in found)
    out = run("stale", "--entries").stdout
    assert "certification entries whose newest source is older than 180 days" in " ".join(
        out.split()
    )


def test_stats_state_the_coverage_of_registers_with_a_count() -> None:
    found = as_json("stats")
    hds = next(c for c in found["coverage"] if c["scheme"] == "hds")  # type: ignore[index]
    assert hds["official_count"] == 404 and hds["unit"] == "hosts"
    assert "HDS:" in run("stats").stdout


def test_on_a_day_only_what_held_then_is_shown() -> None:
    shown = " ".join(run("show", "s3ns", "--as-of", "2021-01-01").stdout.split())
    assert "did not exist yet (founded 2022-06)" in shown
    assert "since 2025-12-17" not in shown  # granted later: not shown on that day
    found = as_json("show", "s3ns", "--as-of", "2021-01-01")
    assert found["provider"]["certifications"] == []  # type: ignore[index]
    compared = run("compare", "bleu", "s3ns", "--as-of", "2021-01-01").stdout
    assert "J1" not in compared and "qualified" not in compared


def test_providers_as_of_names_what_the_dates_cannot_place() -> None:
    out = " ".join(run("providers", "--secnumcloud", "--as-of", "2021-01-01").stdout.split())
    assert "cannot tell whether they held then:" in out
    assert "oodrive" in out  # qualified, but no grant date recorded


# --- the tag vocabulary ----------------------------------------------------------------------


def test_tags_lists_the_vocabulary_with_counts_labels_and_aliases() -> None:
    found = as_json("tags")
    assert isinstance(found, list) and len(found) >= 30
    counts = [t["events"] for t in found]
    assert counts == sorted(counts, reverse=True)
    hdh = next(t for t in found if t["id"] == "health-data-hub")
    assert "hdh" in hdh["aliases"] and hdh["label"]["fr"]
    assert "Étiquette" in run("tags", "--lang", "fr").stdout


def test_a_tag_alias_filters_and_an_unknown_tag_names_the_nearest() -> None:
    by_alias = as_json("timeline", "--tag", "hdh")
    by_id = as_json("timeline", "--tag", "health-data-hub")
    assert by_alias == by_id and len(by_id) >= 20
    result = run("timeline", "--tag", "helth-data-hub")
    assert result.exit_code == 1
    assert "no tag 'helth-data-hub'" in result.stderr and "health-data-hub" in result.stderr


def test_validate_refuses_a_tag_outside_the_vocabulary(tmp_path: Path) -> None:
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SHIPPED, data)
    path = next((data / "events").glob("*hdh*.yaml"))
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("health-data-hub", "health-datahub", 1), encoding="utf-8")
    result = run("validate", str(data))
    assert result.exit_code == 1
    assert "SC210" in result.stdout and "did you mean `health-data-hub`?" in result.stdout


def test_csv_listing_carries_each_entry_standing_number_and_check() -> None:
    import io

    rows = list(csv.DictReader(io.StringIO(run("providers", "--secnumcloud", "-f", "csv").stdout)))
    ovh = next(r for r in rows if r["id"] == "ovhcloud")
    assert ovh["secnumcloud_standing"].split(";") == ["held", "held", "held"]
    assert "2279" in ovh["secnumcloud_number"].split(";")
    assert ovh["secnumcloud_checked"].startswith("2026-")


def test_assess_accepts_any_scheme() -> None:
    found = as_json("assess", "t-systems", "--scheme", "bsi-c5")
    criteria = {c["id"]: c for c in found["criteria"]}  # type: ignore[index]
    assert "bsi-c5" in criteria and criteria["bsi-c5"]["title"] == "BSI C5 held"
    assert criteria["bsi-c5"]["status"] in ("met", "unknown")
    assert "secnumcloud" in criteria  # the default rules stay
