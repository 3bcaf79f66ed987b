"""No output drops a field of the catalogue's shape without saying so.

A probe provider (tests/probe/) holds a value found nowhere else in every field that
core/shape.py declares; each output a user meets is run through the CLI, and must carry
each value, unless the field is in that output's exclusion list below, with the reason.
A new field in the shape fails here until the probe has a value for it and every output
carries it (or says, here, why not).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, TESTS, run
from sovcloud.core import shape

PROBE = "probe-zq"
ONLY_PROBE = ("--country", "LU")  # listings: the probe alone

# What shows that an output carries each field's probe value (a regular expression; `\s+`
# where a terminal table may wrap). Keys are paths in the shape: `owners.stake` is the
# `stake` field of the entity of the provider field `owners`.
NEEDLES = {
    "id": r"probe-zq",
    "name": r"Zqname",
    "aliases": r"Zqalias",
    "kind": r"software-vendor",
    "country": r"\bLU\b",
    "headquarters": r"Zqhq",
    "founded": r"1987-06",
    "status": r"merged",
    "website": r"zqsite\.example",
    "owners.name": r"Zqowner",
    "owners.provider": r"linked-zq",
    "owners.country": r"\bJP\b",
    "owners.role": r"\bparent\b",
    "owners.stake": r"37\.5",
    "owners.stake_note": r"Zqstakenote",
    "owners.since": r"1991-02",
    "owners.until": r"2031-03",
    "ownership.complete": (
        r"all of the capital|\"complete\": true|complete: true|ownership(_complete)?=(1|complete)$"
    ),
    "ownership.note": r"Zqownershipnote",
    "licensed_technology.vendor": r"Zqvendor",
    "licensed_technology.provider": r"linked-zq",
    "licensed_technology.country": r"\bKR\b",
    "licensed_technology.technology": r"Zqtech",
    "offers.id": r"zqoffer-id",
    "offers.name": r"Zqoffer\s+Name",
    "offers.service": r"colocation",
    "offers.status": r"\bclosed\b",
    "offers.description": r"Zqofferdescription",
    "description": r"Zqdescription",
    "note": r"Zqprovidernote",
    "last_reviewed": r"2026-11-03",
    "certifications.scheme": r"bsi-c5|BSI C5",
    "certifications.version": r"9\.87",
    "certifications.status": r"attested",
    "certifications.milestone": r"Zqmilestone",
    "certifications.scope": r"Zqscope",
    "certifications.offers": r"zqoffer-id|offers:\s+Zqoffer",
    "certifications.services": r"caas",
    "certifications.activities": r"2,\s*6\b|-\s+2\s+-\s+6\b",
    "certifications.granted": r"2024-02-03",
    "certifications.expires": r"2099-09-09",
    "certifications.ended": r"2023-07-14",
    "certifications.number": r"ZQ-4242",
    "certifications.body": r"Zqbody",
    "certifications.checked": r"2026-11-02",
    "certifications.note": r"Zqcertnote",
    "data_centres.location": r"Zqdc",
    "data_centres.country": r"\bIE\b",
    "data_centres.operator": r"Zqoperator",
    "sovereignty.criterion": r"sov-4-2",
    "sovereignty.answers": r"\b3,\s*5\b|-\s+3\s+-\s+5\b|\[3, 5\]|answers=\[3,5\]",
    # Also an offer's id: seen near the answer's criterion, or it proves nothing.
    "sovereignty.offers": r"sov-4-2[\s\S]{0,200}zqanswered",
    "sovereignty.since": r"2022-04",
    "sovereignty.until": r"2030-10",
    "sovereignty.note": r"Zqanswernote",
    "sources.id": r"zqsrc-one",
    "sources.publisher": r"Zqpublisher",
    "sources.title": r"Zqtitle",
    "sources.date": r"2025-12",
    "sources.url": r"zqsource\.example",
    "sources.type": r"\bcompany\b",
    "sources.note": r"Zqsourcenote",
}


def shape_paths() -> dict[str, shape.Field]:
    """Every field of the provider's shape, by path, nested fields included."""
    out: dict[str, shape.Field] = {}
    for f in shape.PROVIDER.fields:
        inner = f.items or f.part
        if inner is None:
            out[f.key] = f
            continue
        for g in inner.fields:
            out[f"{f.key}.{g.key}"] = g
    return out


def probed() -> dict[str, shape.Field]:
    """The fields the probe checks. Not: which facts cite which sources (`owners.sources`),
    shown as footnote numbers, source keys or rows of the citations table, which no value
    can stand for (test_dossier and test_export check citations); nor a derived field (a
    certification's standing), worked out on the day (test_schemes checks what each
    output says of it)."""
    return {
        path: f
        for path, f in shape_paths().items()
        if not f.derived and not (f.key == "sources" and "." in path)
    }


# --- what each output shows by design, and why ---------------------------------------------

# People read sources numbered: their keys are for contributors (JSON and exports carry them).
_SOURCE_KEY = {"sources.id"}
_SOURCES = {f"sources.{k}" for k in ("publisher", "title", "date", "url", "type", "note")}
# The owner's and the vendor's own records: `show` on the owner or vendor lists what names it
# ("Named by"); JSON and the exports carry the link.
_RECORD_LINKS = {"owners.provider", "licensed_technology.provider"}

# A listing (table, Markdown, one row per provider): what tells providers apart at a glance;
# `show` has the rest.
_LISTING_SUBSET = set(NEEDLES) - {
    "id",
    "name",
    "country",
    "kind",
    "owners.name",
    # SecNumCloud and HDS columns, then the other schemes held
    # SecNumCloud and HDS in full (the probe's are in progress and withdrawn), then the
    # other schemes held, by name (the probe's BSI C5 entry)
    "certifications.scheme",
    "certifications.milestone",
    "certifications.ended",
}

# The CSV listing has one row per provider: lists of records are one cell each, their
# items' one-line texts (an owner: name, country, stake; a licence: vendor, country,
# technology; an offer: its name; a data centre: location and country); certification
# entries are columns per scheme (status, standing, version, number, dates, checked).
# `export csv` has every field, a table per list.
_CSV_LISTING = (
    _SOURCE_KEY
    | _RECORD_LINKS
    | _SOURCES
    | {"owners.role", "owners.since", "owners.until", "owners.stake_note"}
    | {"ownership.note"}
    | {"offers.id", "offers.service", "offers.status", "offers.description"}
    | {"data_centres.operator"}
    | {
        "certifications.milestone",
        "certifications.scope",
        "certifications.offers",
        "certifications.services",
        "certifications.activities",
        "certifications.ended",
        "certifications.body",
        "certifications.note",
    }
)

# `compare` puts providers side by side, one row per fact that tells them apart in a
# tender; `show` (or `dossier` for a shortlist) has the rest.
_COMPARE = (
    _SOURCE_KEY
    | _RECORD_LINKS
    | {
        "aliases",
        "headquarters",
        "website",
        "description",
        "note",
        "ownership.note",
        "owners.role",
        "owners.since",
        "owners.until",
        "owners.stake_note",
        "offers.id",
        "offers.status",
        "offers.description",
        "data_centres.operator",
        "certifications.scope",
        "certifications.offers",
        "certifications.services",
        "certifications.activities",
        "certifications.number",
        "certifications.body",
        "certifications.checked",
        "certifications.note",
    }
)
# The terminal's grid leaves sources to `show`; compare's Markdown, which is pasted into
# reports, lists each provider's sources after the grid.
_COMPARE_TABLE = _COMPARE | _SOURCES

# The dossier names offers by their ids too; sources are footnotes.
_DOSSIER = _SOURCE_KEY | _RECORD_LINKS

# Sovereignty answers are read through `assess NAME --framework eu-csf`, which shows each
# with the criterion's wording and the SEAL it leaves open; a bare "sov-4-2: 3, 5" in `show`
# would mean nothing. JSON, YAML, the CSV listing and the exports carry them.
_ANSWERS = {
    f"sovereignty.{k}" for k in ("criterion", "answers", "offers", "since", "until", "note")
}
# The CSV listing's cell gives each answer's criterion and numbers.
_ANSWER_DETAIL = _ANSWERS - {"sovereignty.criterion", "sovereignty.answers"}

EXCLUDED: dict[str, set[str]] = {
    "providers table": _LISTING_SUBSET,
    "providers markdown": _LISTING_SUBSET,
    "providers csv": _CSV_LISTING | _ANSWER_DETAIL,
    "providers json": set(),
    "providers yaml": set(),
    "show": _SOURCE_KEY | _RECORD_LINKS | {"offers.id"} | _ANSWERS,
    "show markdown": _SOURCE_KEY | _RECORD_LINKS | {"offers.id"} | _ANSWERS,
    "compare": _COMPARE_TABLE | _ANSWERS,
    "compare markdown": _COMPARE | _ANSWERS,
    "dossier": _DOSSIER | _ANSWERS,
    "export csv": set(),
    "export sqlite": set(),
    "export json": set(),
}


@pytest.fixture(scope="module")
def probe_data(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("probe") / "data"
    shutil.copytree(TESTS / "probe", data)
    shutil.copytree(FIXTURE_DATA / "schemes", data / "schemes")
    (data / "events").mkdir()
    return data


def _cells(table: str, rows: list[dict[str, object]]) -> list[str]:
    """Rows as `table.column=value` lines, so that a value is seen with its column."""
    return [f"{table}.{k}={'' if v is None else v}" for row in rows for k, v in row.items()]


def _csv_text(table: str, text: str) -> list[str]:
    return _cells(table, list(csv.DictReader(io.StringIO(text))))


def _database(path: Path) -> str:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        names = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return "\n".join(
            line
            for name in names
            for line in _cells(name, [dict(r) for r in conn.execute(f"SELECT * FROM [{name}]")])
        )
    finally:
        conn.close()


def _csv_files(folder: Path) -> str:
    return "\n".join(
        line
        for path in sorted(folder.glob("*.csv"))
        for line in _csv_text(path.stem, path.read_text(encoding="utf-8"))
    )


@pytest.fixture(scope="module")
def outputs(probe_data: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Every output of the probe, as text."""
    out_dir = tmp_path_factory.mktemp("out")
    data = ("--data", str(probe_data))
    commands = {
        "providers table": ("providers", *ONLY_PROBE),
        "providers markdown": ("providers", *ONLY_PROBE, "-f", "markdown"),
        "providers csv": ("providers", *ONLY_PROBE, "-f", "csv"),
        "providers json": ("providers", *ONLY_PROBE, "-f", "json"),
        "providers yaml": ("providers", *ONLY_PROBE, "-f", "yaml"),
        "show": ("show", PROBE),
        "show markdown": ("show", PROBE, "-f", "markdown"),
        "compare": ("compare", PROBE, "plain-zq"),
        "compare markdown": ("compare", PROBE, "plain-zq", "-f", "markdown"),
        "dossier": ("dossier", PROBE),
        "export csv": ("export", "csv", str(out_dir / "csv")),
        "export sqlite": ("export", "sqlite", str(out_dir / "probe.db")),
        "export json": ("export", "json", "-"),
    }
    texts = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("COLUMNS", "200")  # fewer wrapped cells
        for name, command in commands.items():
            result = run(*command, *data)
            assert result.exit_code == 0, (name, result)
            texts[name] = result.stdout
    texts["providers csv"] = "\n".join(_csv_text("providers", texts["providers csv"]))
    texts["export csv"] = _csv_files(out_dir / "csv")
    texts["export sqlite"] = _database(out_dir / "probe.db")
    return texts


def test_every_field_of_the_shape_has_a_probe_value() -> None:
    missing = sorted(set(probed()) - set(NEEDLES))
    assert not missing, f"give these fields a value in tests/probe and a needle here: {missing}"
    unknown = sorted(set(NEEDLES) - set(probed()))
    assert not unknown, f"needles for fields the shape does not declare: {unknown}"


def test_every_output_carries_every_field(outputs: dict[str, str]) -> None:
    dropped = [
        f"{output}: {path}"
        for output, text in outputs.items()
        for path in probed()
        if path not in EXCLUDED[output] and not re.search(NEEDLES[path], text, re.MULTILINE)
    ]
    assert not dropped, "outputs that drop a field of the shape:\n" + "\n".join(dropped)


def test_exclusions_are_needed(outputs: dict[str, str]) -> None:
    """An exclusion for a field the output carries after all is out of date."""
    stale = [
        f"{output}: {path}"
        for output, paths in EXCLUDED.items()
        for path in sorted(paths)
        if re.search(NEEDLES[path], outputs[output], re.MULTILINE)
    ]
    assert not stale, "remove these exclusions, the outputs carry the field:\n" + "\n".join(stale)


def test_the_probe_is_distinctive(probe_data: Path) -> None:
    """The plain provider compared with the probe holds none of its values."""
    plain = (probe_data / "providers" / "plain-zq.yaml").read_text(encoding="utf-8")
    body = "\n".join(line for line in plain.splitlines() if not line.startswith("#"))
    clashes = [p for p, needle in NEEDLES.items() if re.search(needle, body)]
    assert not clashes


def test_json_documents_hold_the_whole_record(outputs: dict[str, str]) -> None:
    listed = {r["id"]: r for r in json.loads(outputs["providers json"])}
    exported = {r["id"]: r for r in json.loads(outputs["export json"])["providers"]}
    for record in (listed[PROBE], exported[PROBE]):
        assert {f.key for f in shape.PROVIDER.fields} <= set(record)


def test_the_shape_declares_every_field_of_the_models() -> None:
    """A field added to a model and not to the shape would reach JSON and YAML only."""
    from sovcloud import models

    pairs = {
        shape.PROVIDER: models.Provider,
        shape.OWNER: models.Owner,
        shape.OWNERSHIP: models.Ownership,
        shape.LICENCE: models.License,
        shape.OFFER: models.Offer,
        shape.CERTIFICATION: models.Certification,
        shape.DATA_CENTRE: models.DataCentre,
        shape.SOURCE: models.Source,
        shape.EVENT: models.Event,
    }
    for entity, model in pairs.items():
        declared = [f.key for f in entity.fields if not f.derived]
        assert sorted(declared) == sorted(model.model_fields), entity.name


def test_export_csv_has_one_row_per_certification_entry_with_its_evidence(
    outputs: dict[str, str], tmp_path: Path, probe_data: Path
) -> None:
    """What a buyer opens in a spreadsheet: each entry on its own row, with its scope, its
    dates and the links of the sources it cites, not 'qualified;qualified' in one cell."""
    result = run("export", "csv", str(tmp_path / "csv"), "--data", str(probe_data))
    assert result.exit_code == 0, result
    with (tmp_path / "csv" / "certifications.csv").open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["provider_id"] == PROBE]
    assert [r["scheme"] for r in rows] == ["bsi-c5", "secnumcloud", "hds"]
    c5 = rows[0]
    assert c5["scope"] == "Zqscope of the attestation"
    assert (c5["granted"], c5["expires"]) == ("2024-02-03", "2099-09-09")
    assert json.loads(c5["source_urls"]) == ["https://zqsource.example.com/two"]
    assert json.loads(rows[2]["source_urls"]) == ["https://zqsource.example.com/one"]
    assert rows[2]["ended"] == "2023-07-14"
