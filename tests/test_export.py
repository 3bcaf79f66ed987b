"""sovcloud export: sqlite, json, csv, ics and atom on the test catalogue, and how every
export writes (atomically, never over a file without --force, nothing on stdout)."""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURE_DATA, REPO, TODAY, fixture_run, run

TABLES = [
    "providers",
    "owners",
    "licences",
    "offers",
    "certifications",
    "data_centres",
    "sovereignty_answers",
    "events",
    "event_providers",
    "sources",
    "citations",
]
ATOM = "{http://www.w3.org/2005/Atom}"
SECNUMCLOUD_SQL = """
    SELECT DISTINCT p.id FROM providers p JOIN certifications c ON c.provider_id = p.id
    WHERE c.scheme = 'secnumcloud' AND c.status = 'qualified'
      AND (c.expires_last IS NULL OR c.expires_last >= :today)
    ORDER BY p.id
"""


def export(*args: str):
    result = fixture_run("export", *args)
    assert result.exit_code == 0, result
    return result


# --- sqlite ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("db") / "sovcloud.db"
    with pytest.MonkeyPatch.context() as mp:  # the autouse fixture is per test
        mp.setenv("SOVCLOUD_TODAY", TODAY)
        mp.setenv("SOVCLOUD_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        result = export("sqlite", str(out))
    assert result.stdout == ""
    assert "6 providers, 5 events" in result.stderr
    return out


def test_sqlite_secnumcloud_query_matches_the_cli(database: Path) -> None:
    cli = fixture_run("providers", "--secnumcloud", "--format", "json")
    expected = sorted(r["id"] for r in json.loads(cli.stdout))
    conn = sqlite3.connect(database)
    got = [row[0] for row in conn.execute(SECNUMCLOUD_SQL, {"today": TODAY})]
    assert got == expected == ["outscale"]


def test_sqlite_utils_sees_tables_keys_and_full_text_search(database: Path) -> None:
    sqlite_utils = pytest.importorskip("sqlite_utils")
    db = sqlite_utils.Database(database)
    assert set(TABLES) <= set(db.table_names())
    assert db["providers"].pks == ["id"]
    assert db["offers"].pks == ["provider_id", "id"]
    assert db["event_providers"].pks == ["event_id", "provider_id"]
    fks = {(fk.column, fk.other_table, fk.other_column) for fk in db["owners"].foreign_keys}
    assert fks == {("provider_id", "providers", "id"), ("owner_provider_id", "providers", "id")}
    assert {fk.other_table for fk in db["sources"].foreign_keys} == {"providers", "events"}
    # Datasette finds full-text tables the same way sqlite-utils does.
    assert db["providers"].detect_fts() == "providers_fts"
    assert db["events"].detect_fts() == "events_fts"
    assert [r["id"] for r in db["providers"].search("thesee")] == ["thesee-datacenter"]
    found = {r["id"] for r in db["events"].search("health data hub")}
    assert {"2020-05-27-senate-hdh", "2030-hdh-migration"} <= found
    assert db["providers"].count == 6 and db["events"].count == 5


def test_sqlite_foreign_keys_hold_and_sources_say_what_they_back(database: Path) -> None:
    conn = sqlite3.connect(database)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    backs = dict(
        conn.execute(
            "SELECT source_key, backs FROM sources WHERE provider_id = 'numspot'"
        ).fetchall()
    )
    assert json.loads(backs["src-a"]) == [
        "owner: Docaposte",
        "owner: Dassault Systèmes",
        "certification: secnumcloud 3.2 (in-progress)",
    ]
    assert json.loads(backs["src-b"]) == ["certification: hds 2.0 (certified)"]
    cited = conn.execute(
        "SELECT s.source_key FROM citations ci JOIN sources s ON s.id = ci.source_id "
        "JOIN certifications c ON c.id = ci.certification_id "
        "WHERE c.provider_id = 'numspot' AND c.scheme = 'hds'"
    ).fetchall()
    assert cited == [("src-b",)]
    event = conn.execute(
        "SELECT date, date_precision, date_first, date_last, summary, "
        "summary_fr FROM events WHERE id = '2023-10-18-numspot-hdh'"
    ).fetchone()
    assert event == (
        "2023-10-18",
        "day",
        "2023-10-18",
        "2023-10-18",
        "Test summary in English.",
        "Résumé de test en français.",
    )
    assert conn.execute(
        "SELECT date_first, date_last FROM events WHERE id = '2023-hds-v2'"
    ).fetchone() == ("2023-01-01", "2023-12-31")
    links = conn.execute(
        "SELECT provider_id FROM event_providers WHERE event_id = "
        "'2023-10-18-numspot-hdh' ORDER BY position"
    ).fetchall()
    assert links == [("numspot",), ("docaposte",)]


def test_sqlite_refuses_stdout(tmp_path: Path) -> None:
    result = fixture_run("export", "sqlite", "-")
    assert result.exit_code == 2
    assert result.stdout == ""


# --- json -----------------------------------------------------------------------------------


def test_json_document_holds_everything_sorted_and_valid(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    out = tmp_path / "sovcloud.json"
    result = export("json", str(out))
    assert result.stdout == ""
    document = json.loads(out.read_text(encoding="utf-8"))
    assert list(document) == [
        "schema_version",
        "sovcloud_version",
        "license",
        "license_url",
        "attribution",
        "providers",
        "events",
        "schemes",
        "standing",
    ]
    assert [s["id"] for s in document["schemes"]] == ["bsi-c5", "hds", "iso-27001", "secnumcloud"]
    standing = {(e["provider"], e["scheme"]): e for e in document["standing"]["entries"]}
    assert document["standing"]["as_of"] == "2026-11-30"
    assert standing[("docaposte", "hds")]["state"] == "unverified"
    assert standing[("outscale", "secnumcloud")]["state"] == "held"
    assert document["schema_version"] == 1
    assert [p["id"] for p in document["providers"]] == sorted(
        p.stem for p in (FIXTURE_DATA / "providers").glob("*.yaml")
    )
    assert [e["id"] for e in document["events"]] == sorted(
        p.stem for p in (FIXTURE_DATA / "events").glob("*.yaml")
    )
    schemas = {
        kind: json.loads((REPO / "schemas" / f"{kind}.schema.json").read_text())
        for kind in ("provider", "event")
    }
    for record in document["providers"]:
        jsonschema.validate(record, schemas["provider"])
        assert list(record)[:3] == ["id", "name", "aliases"]  # the schema's order
    for record in document["events"]:
        jsonschema.validate(record, schemas["event"])


def test_json_to_stdout_is_the_same_bytes_as_the_file(tmp_path: Path) -> None:
    out = tmp_path / "a.json"
    export("json", str(out))
    result = export("json", "-")
    assert result.stdout == out.read_text(encoding="utf-8")
    assert "wrote" not in result.stderr


# --- csv ------------------------------------------------------------------------------------


def test_csv_writes_one_file_per_table_like_sqlite(tmp_path: Path, database: Path) -> None:
    out = tmp_path / "tables"
    result = export("csv", str(out))
    assert result.stdout == ""
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{t}.csv" for t in TABLES)
    conn = sqlite3.connect(database)
    for table in TABLES:
        with open(out / f"{table}.csv", newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        columns = [c[1] for c in conn.execute(f"PRAGMA table_info({table})")]
        assert rows == [] or list(rows[0]) == columns
        assert len(rows) == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    with open(out / "certifications.csv", newline="", encoding="utf-8") as handle:
        outscale = [r for r in csv.DictReader(handle) if r["provider_id"] == "outscale"]
    assert outscale[0]["scheme"] == "secnumcloud" and outscale[0]["granted"] == "2022-03"
    assert json.loads(outscale[0]["offers"]) == ["iaas"]


def test_csv_leaves_other_files_and_needs_force_for_its_own(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    out.mkdir()
    (out / "notes.txt").write_text("mine")
    export("csv", str(out))
    (out / "events.csv").write_text("old")
    result = fixture_run("export", "csv", str(out))
    assert result.exit_code == 1
    assert f"{out / 'providers.csv'} already exists" in " ".join(result.stderr.split())
    assert (out / "events.csv").read_text() == "old"
    export("csv", str(out), "--force")
    assert (out / "events.csv").read_text().startswith("id,date,")
    assert (out / "notes.txt").read_text() == "mine"
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


# --- ics ------------------------------------------------------------------------------------


def unfold(data: bytes) -> list[str]:
    assert data.endswith(b"\r\n")
    physical = data.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in physical)
    assert all(len(line) <= 75 for line in physical)
    for line in physical:
        line.decode("utf-8")  # a fold never splits a character
    return data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")[:-1]


def test_ics_events_are_all_day_with_precision_said(tmp_path: Path) -> None:
    out = tmp_path / "timeline.ics"
    result = export("ics", str(out))
    assert result.stdout == ""
    lines = unfold(out.read_bytes())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == 5
    text = "\n".join(lines)
    assert "DTSTART;VALUE=DATE:20231018\nDTEND;VALUE=DATE:20231019" in text
    # Year and month precision: the first day, and the title and description say so.
    assert "DTSTART;VALUE=DATE:20230101" in text
    assert "SUMMARY:HDS referential version 2 published (2023)" in text
    assert (
        "Date: 2023 (year precision): the source gives no month or day\\, so the calendar "
        "shows it on 1 January." in text
    )
    assert "SUMMARY:Outscale qualified SecNumCloud 3.2 (2022-03)" in text
    assert "Date: March 2022 (month precision)" in text
    # Expected events are marked.
    assert "SUMMARY:Expected: Health Data Hub migration expected (2030)" in text
    assert "STATUS:TENTATIVE" in text


def test_ics_parses_with_an_independent_reader(tmp_path: Path) -> None:
    icalendar = pytest.importorskip("icalendar")
    import datetime as dt

    out = tmp_path / "timeline.ics"
    export("ics", str(out))
    calendar = icalendar.Calendar.from_ical(out.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 5
    senate = events["2020-05-27-senate-hdh@sovcloud"]
    assert senate["DTSTART"].dt == dt.date(2020, 5, 27)
    assert str(senate["SUMMARY"]) == "Senate exchange on the Health Data Hub host"
    description = str(events["2023-10-18-numspot-hdh@sovcloud"]["DESCRIPTION"])
    assert description.startswith("Test summary in English.\n\nDate: 2023-10-18.")
    assert "Providers: NumSpot, Docaposte." in description
    assert "- DSIH, NumSpot and the Health Data Hub (2023-10-18)" in description


def test_ics_escaping_and_folding_of_long_accented_text() -> None:
    from sovcloud.export.ical import escape, fold

    assert escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"
    line = "DESCRIPTION:" + "Thésée, données de santé; " * 20
    folded = fold(line)
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(p) <= 75 for p in physical)
    assert all(p.startswith(b" ") for p in physical[1:])
    assert folded.replace(b"\r\n ", b"").decode() == line + "\r\n"


def test_ics_takes_the_timeline_filters_and_french(tmp_path: Path) -> None:
    out = tmp_path / "hdh.ics"
    export("ics", str(out), "--tag", "health-data-hub", "--since", "2021", "--lang", "fr")
    lines = unfold(out.read_bytes())
    uids = [line for line in lines if line.startswith("UID:")]
    assert uids == ["UID:2023-10-18-numspot-hdh@sovcloud", "UID:2030-hdh-migration@sovcloud"]
    assert any(line.startswith("DESCRIPTION:Résumé de test en français.") for line in lines)
    assert fixture_run("export", "ics", "-", "--kind", "spaceship").exit_code == 2


def test_ics_to_stdout_keeps_crlf_bytes(tmp_path: Path) -> None:
    out = tmp_path / "a.ics"
    export("ics", str(out), "--provider", "numspot")
    env = {**os.environ, "SOVCLOUD_NO_CACHE": "1"}
    piped = subprocess.run(
        [
            sys.executable,
            "-m",
            "sovcloud",
            "export",
            "ics",
            "-",
            "--provider",
            "numspot",
            "--data",
            str(FIXTURE_DATA),
        ],
        capture_output=True,
        check=True,
        env=env,
    ).stdout
    assert piped == out.read_bytes()
    assert piped.count(b"BEGIN:VEVENT") == 2


# --- atom -----------------------------------------------------------------------------------


def test_atom_feed_newest_first_with_source_links(tmp_path: Path) -> None:
    out = tmp_path / "feed.xml"
    result = export("atom", str(out))
    assert result.stdout == ""
    feed = ET.parse(out).getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    titles = [e.findtext(f"{ATOM}title") for e in entries]
    assert titles == [
        "2030: Expected: Health Data Hub migration expected",
        "2023-10-18: Docaposte says NumSpot could host the Health Data Hub",
        "2023: HDS referential version 2 published",
        "2022-03: Outscale qualified SecNumCloud 3.2",
        "2020-05-27: Senate exchange on the Health Data Hub host",
    ]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 5 and all(i.startswith("urn:uuid:") for i in ids)
    for entry in entries:
        assert entry.findtext(f"{ATOM}updated") == "2026-11-01T00:00:00Z"
    content = entries[2].findtext(f"{ATOM}content")
    assert "year precision" in content and "calendar" not in content
    assert feed.findtext(f"{ATOM}updated") == "2026-11-01T00:00:00Z"


def test_atom_links_go_to_source_urls(tmp_path: Path, data_dir: Path) -> None:
    event = data_dir / "events" / "2023-hds-v2.yaml"
    event.write_text(
        event.read_text().replace(
            "    type: government",
            "    url: https://esante.example.gouv.fr/hds?a=1&b=2\n    type: government",
        )
    )
    out = tmp_path / "feed.xml"
    assert run("export", "atom", str(out), "--tag", "hds", "--data", str(data_dir)).exit_code == 0
    entry = ET.parse(out).getroot().find(f"{ATOM}entry")
    assert entry is not None
    link = entry.find(f"{ATOM}link")
    assert link is not None
    assert link.get("rel") == "alternate"
    assert link.get("href") == "https://esante.example.gouv.fr/hds?a=1&b=2"
    assert 'href="https://esante.example.gouv.fr/hds?a=1&amp;b=2"' in (
        entry.findtext(f"{ATOM}content") or ""
    )


def test_same_data_gives_the_same_bytes(tmp_path: Path) -> None:
    for kind in ("json", "ics", "atom"):
        first, second = tmp_path / f"1.{kind}", tmp_path / f"2.{kind}"
        export(kind, str(first))
        export(kind, str(second))
        assert first.read_bytes() == second.read_bytes(), kind


# --- writing safely -------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "json", "ics", "atom"])
def test_existing_file_is_kept_without_force(tmp_path: Path, kind: str) -> None:
    out = tmp_path / f"out.{kind}"
    out.write_text("precious")
    result = fixture_run("export", kind, str(out))
    assert result.exit_code == 1
    assert result.stderr.startswith("error: ")
    message = " ".join(result.stderr.split())  # the terminal may wrap the line
    assert f"{out} already exists: pass --force to replace it" in message
    assert out.read_text() == "precious"
    export(kind, str(out), "--force")
    assert out.read_bytes() != b"precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_a_failed_write_leaves_nothing_half_written(tmp_path: Path, monkeypatch) -> None:
    import errno

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    from sovcloud.trust import load_key

    load_key()  # made before the disk fills, as any earlier run would have
    out = tmp_path / "out.json"
    out.write_text("old")
    monkeypatch.setattr(os, "fsync", disk_full)
    result = fixture_run("export", "json", str(out), "--force")
    assert result.exit_code == 1
    message = " ".join(result.stderr.split())
    assert message.startswith(f"error: cannot write {out}: No space left on device")
    assert out.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def _limited(limit: int):
    def apply() -> None:
        import resource
        import signal

        # Writing past the limit fails with EFBIG, as a full disk fails with ENOSPC.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX resource limits")
@pytest.mark.parametrize("kind", ["sqlite", "json", "csv", "ics", "atom"])
def test_a_write_that_fails_half_way_keeps_the_old_file(tmp_path: Path, kind: str) -> None:
    out = tmp_path / ("tables" if kind == "csv" else f"out.{kind}")
    if kind == "csv":
        out.mkdir()
        (out / "events.csv").write_text("old")
    else:
        out.write_text("old")
    env = {**os.environ, "SOVCLOUD_NO_CACHE": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "sovcloud",
            "export",
            kind,
            str(out),
            "--force",
            "--data",
            str(FIXTURE_DATA),
        ],
        capture_output=True,
        text=True,
        env=env,
        preexec_fn=_limited(1000),
    )
    assert done.returncode == 1, done
    assert done.stdout == ""
    assert done.stderr.startswith("error: cannot write "), done.stderr
    assert "Traceback" not in done.stderr
    if kind == "csv":
        assert [p.name for p in out.iterdir()] == ["events.csv"]
        assert (out / "events.csv").read_text() == "old"
    else:
        assert [p.name for p in tmp_path.iterdir()] == [out.name]
        assert out.read_text() == "old"


def test_missing_folder_for_csv_is_created_and_removed_on_failure(
    tmp_path: Path, monkeypatch
) -> None:
    out = tmp_path / "new" / "tables"
    result = fixture_run("export", "csv", str(out))
    assert result.exit_code == 1 and "cannot write" in result.stderr  # the parent is missing
    assert not (tmp_path / "new").exists()
    import errno

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    out = tmp_path / "tables"
    assert fixture_run("export", "csv", str(out)).exit_code == 1
    assert list(tmp_path.iterdir()) == []


def test_export_help_has_examples() -> None:
    for args in (["export"], *[["export", k] for k in ("sqlite", "json", "csv", "ics", "atom")]):
        result = run(*args, "--help")
        assert result.exit_code == 0
        examples = result.stdout.split("Examples:")[1]
        assert examples.count(f"sovcloud {' '.join(args)} ") >= 2, args


# --- properties -----------------------------------------------------------------------------


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\":
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"),
        max_size=400,
    )
)
def test_ics_fold_and_escape_round_trip(text: str) -> None:
    from sovcloud.export.ical import escape, fold

    folded = fold("DESCRIPTION:" + escape(text))
    physical = folded.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical)
    assert all(line.startswith(b" ") for line in physical[1:])
    for line in physical:
        line.decode("utf-8")
    unfolded = folded.replace(b"\r\n ", b"").decode("utf-8")
    assert unfolded.endswith("\r\n") and "\n" not in unfolded[:-2]
    assert _unescape(unfolded[len("DESCRIPTION:") : -2]) == text


def test_export_and_new_help_do_not_load_heavy_modules() -> None:
    for args in (["export", "ics", "--help"], ["new", "event", "--help"]):
        code = (
            "import sys\n"
            "from sovcloud.cli import main\n"
            f"sys.argv = ['sovcloud', *{args!r}]\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('HEAVY', [m for m in ('pydantic', 'yaml', 'rapidfuzz', 'sovcloud.models', "
            "'sovcloud.cli.providers') if m in sys.modules])\n"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
        assert out.strip().endswith("HEAVY []"), (args, out)


# --- calendars and feeds: named after their filters, dated by their records -----------------


def _ics_value(lines: list[str], name: str) -> str | None:
    found = [line.split(":", 1)[1] for line in lines if line.startswith(f"{name}:")]
    return found[0].replace("\\,", ",").replace("\\;", ";") if found else None


@pytest.mark.parametrize(
    ("filters", "title"),
    [
        ([], "sovcloud — timeline"),
        (
            ["--tag", "health-data-hub", "--since", "2021"],
            "sovcloud — timeline, tag health-data-hub, since 2021",
        ),
        (
            ["--provider", "numspt", "--kind", "statement", "--until", "2024-06"],
            "sovcloud — timeline, provider NumSpot, kind statement, until 2024-06",
        ),
    ],
    ids=["all", "tag", "provider"],
)
def test_calendars_and_feeds_are_named_after_their_filters(
    tmp_path: Path, filters: list[str], title: str
) -> None:
    calendar, feed = tmp_path / "t.ics", tmp_path / "t.xml"
    export("ics", str(calendar), *filters)
    export("atom", str(feed), *filters)
    lines = unfold(calendar.read_bytes())
    assert _ics_value(lines, "X-WR-CALNAME") == title
    assert _ics_value(lines, "NAME") == title
    root = ET.parse(feed).getroot()
    assert root.findtext(f"{ATOM}title") == title


def test_feeds_of_different_filters_are_different_feeds(tmp_path: Path) -> None:
    ids = set()
    for filters in ([], ["--tag", "health-data-hub"], ["--tag", "hds"]):
        out = tmp_path / f"{len(ids)}.xml"
        export("atom", str(out), *filters)
        ids.add(ET.parse(out).getroot().findtext(f"{ATOM}id"))
    assert len(ids) == 3


def test_each_entry_is_dated_by_its_own_review_not_the_export(
    tmp_path: Path, data_dir: Path
) -> None:
    event = data_dir / "events" / "2023-hds-v2.yaml"
    event.write_text(
        event.read_text().replace("last_reviewed: 2026-11-01", "last_reviewed: 2025-06-15")
    )
    feed, calendar = tmp_path / "feed.xml", tmp_path / "t.ics"
    for kind, out in (("atom", feed), ("ics", calendar)):
        done = run("export", kind, str(out), "--data", str(data_dir))
        assert done.exit_code == 0, done
    root = ET.parse(feed).getroot()
    updated = {
        e.findtext(f"{ATOM}title"): e.findtext(f"{ATOM}updated")
        for e in root.findall(f"{ATOM}entry")
    }
    assert updated["2023: HDS referential version 2 published"] == "2025-06-15T00:00:00Z"
    assert set(updated.values()) == {"2025-06-15T00:00:00Z", "2026-11-01T00:00:00Z"}
    assert root.findtext(f"{ATOM}updated") == "2026-11-01T00:00:00Z"  # the latest review
    text = "\n".join(unfold(calendar.read_bytes()))
    hds = text.split("UID:2023-hds-v2@sovcloud")[1].split("END:VEVENT")[0]
    assert "LAST-MODIFIED:20250615T000000Z" in hds and "DTSTAMP:20250615T000000Z" in hds
    assert text.count("LAST-MODIFIED:20261101T000000Z") == 4
