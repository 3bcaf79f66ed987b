"""What `validate` reports, from the index's rows: each file's own findings, the dated checks,
the cross-record checks asked of SQL, versions after a transition; stored with a keyed
hash and computed again only when the files, the listing or the day changed. And the one
check of every row, when the index file changed behind sovcloud's back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from typing import Any

from sovcloud.errors import Finding
from sovcloud.index.store import (
    PROVIDER_NAMES,
    SEALED_COUNT,
    SEALED_FILES,
    WITH_RECORDS,
    IndexDamaged,
)
from sovcloud.trust import (
    digest,
    seal,
    sealed,
)


def _state(conn: sqlite3.Connection) -> str:
    """The hash of every file's keyed hash, in order: what the stored findings were computed
    from, so that findings stored for an earlier state of the files are never believed for
    this one (an old findings list put back with its own generation number)."""
    macs = b"".join(row[0] or b"" for row in conn.execute("SELECT mac FROM files ORDER BY fid"))
    return digest(macs).hex()


def cached_findings(
    conn: sqlite3.Connection,
    listing_findings: list[Finding],
    today: dt.date,
    max_age_days: int | None,
    key: bytes,
    *,
    quick: bool = False,
) -> list[Finding]:
    """The findings, computed again only when the files, the listing or the day changed.

    The stored list is believed only with its keyed hash: over the list and what it was
    computed for, and, but for a quick open (which reads no file's row), over the state of
    every file's row too, so that a list stored for an earlier state is never put back."""
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    listed = json.dumps([[f.path, f.line, f.code, f.message] for f in listing_findings])
    cache_key = f"{meta.get('generation', '0')}|{today}|{max_age_days}|{listed}"
    stored = meta.get("findings")
    if meta.get("findings_key") == cache_key and stored is not None:
        if quick:
            believed = _meta_sealed(key, [cache_key, stored], meta.get("findings_mac"))
        else:
            state = _state(conn)
            believed = _meta_sealed(key, [cache_key, stored, state], meta.get("findings_state"))
        if believed:
            return [Finding(*f) for f in json.loads(stored)]
    findings = compute_findings(conn, listing_findings, today, max_age_days)
    stored = json.dumps([[f.path, f.line, f.code, f.message] for f in findings])
    state = _state(conn)
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [
                ("findings_key", cache_key),
                ("findings", stored),
                ("findings_mac", seal(key, [cache_key, stored]).hex()),
                ("findings_state", seal(key, [cache_key, stored, state]).hex()),
            ],
        )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return findings


def _meta_sealed(key: bytes, values: list[str], mac: str | None) -> bool:
    try:
        return sealed(key, values, bytes.fromhex(mac or ""))
    except ValueError:
        return False


def compute_findings(
    conn: sqlite3.Connection,
    listing_findings: list[Finding],
    today: dt.date,
    max_age_days: int | None,
) -> list[Finding]:
    """Every finding, from the index's rows (trusted: see Index.open)."""
    from sovcloud.checks import cross  # only when findings are computed

    findings = list(listing_findings)
    for path, stored in conn.execute("SELECT path, findings FROM files WHERE findings != '[]'"):
        findings.extend(
            Finding(path, line, code, message) for line, code, message in json.loads(stored)
        )
    iso = today.isoformat()
    findings.extend(
        Finding(path, line, code, message)
        for path, line, code, message in conn.execute(
            "SELECT f.path, t.line, t.code, t.message FROM timed t JOIN files f ON f.fid = t.fid "
            "WHERE (t.when_ = 'future' AND t.day > ?) OR (t.when_ = 'passed' AND t.day < ?)",
            (iso, iso),
        )
    )
    findings.extend(_cross_findings(conn))
    if max_age_days is not None:
        reviews = conn.execute(
            "SELECT path, reviewed_line, reviewed FROM files WHERE id IS NOT NULL"
        )
        findings.extend(cross.max_age_findings(reviews, today, max_age_days))
        unchecked = conn.execute(
            "SELECT f.path, c.line, c.scheme, c.checked FROM certs c JOIN files f "
            "ON f.fid = c.fid WHERE c.checked IS NULL OR c.checked < ? ORDER BY f.path, c.line",
            ((today - dt.timedelta(days=max_age_days)).isoformat(),),
        )
        findings.extend(cross.unchecked_findings(unchecked, today))
    findings.extend(_version_findings(conn, today))
    return sorted(set(findings))


_CHILDREN = ("refs", "certs", "search", "timed", "tagged")


def verify_rows(conn: sqlite3.Connection, key: bytes) -> None:
    """IndexDamaged unless every row is one sovcloud wrote under this key: each file's row
    against its keyed hash, then its record and its rows in the other tables against the
    hashes that row holds. Run when the index file changed since sovcloud last wrote it."""
    records: dict[int, bytes | None] = {}
    children: dict[int, bytes] = {}
    for row in conn.execute(f"SELECT f.fid, {SEALED_FILES}, f.mac FROM files f"):
        values = row[1 : SEALED_COUNT + 1]
        if not sealed(key, values, row[-1]):
            raise IndexDamaged(f"holds a row of {values[0]} that sovcloud did not write")
        records[row[0]] = values[12]
        children[row[0]] = values[13]
    for fid, text in conn.execute("SELECT fid, record FROM records"):
        if fid not in records or records.pop(fid) != digest(text.encode()):
            raise IndexDamaged("holds a record that sovcloud did not write")
    if any(expected is not None for expected in records.values()):
        raise IndexDamaged("lacks records that sovcloud wrote")
    _check_children(conn, children)


def _check_children(conn: sqlite3.Connection, expected: dict[int, bytes]) -> None:
    """IndexDamaged unless every file's rows in the other tables hash to what its (checked)
    row says: read table by table in file order, side by side, so that memory stays small."""
    import itertools

    from sovcloud.index.rows import child_digest

    cursors = [
        itertools.groupby(
            conn.execute(f"SELECT * FROM {table} ORDER BY fid, rowid"), key=lambda r: r[0]
        )
        for table in _CHILDREN
    ]
    heads: list[tuple[int, list[tuple[Any, ...]]] | None] = []
    for cursor in cursors:
        first = next(cursor, None)
        heads.append((first[0], list(first[1])) if first else None)
    for fid in sorted(expected):
        tables: list[list[tuple[Any, ...]]] = []
        for position, cursor in enumerate(cursors):
            head = heads[position]
            if head is not None and head[0] < fid:  # rows of no file
                raise IndexDamaged("holds rows that sovcloud did not write")
            if head is not None and head[0] == fid:
                tables.append(head[1])
                following = next(cursor, None)
                heads[position] = (following[0], list(following[1])) if following else None
            else:
                tables.append([])
        if child_digest(*tables) != expected[fid]:
            raise IndexDamaged("holds rows that sovcloud did not write")
    if any(head is not None for head in heads):  # rows after the last file's
        raise IndexDamaged("holds rows that sovcloud did not write")


def _version_findings(conn: sqlite3.Connection, today: dt.date) -> list[Finding]:
    """SC306 for held entries without a version, in schemes whose transition to a newer
    version has ended: whether they still count cannot be told."""
    from sovcloud.core.certs import HELD_STATUSES
    from sovcloud.core.schemes import Scheme

    findings: list[Finding] = []
    for (text,) in conn.execute(f"SELECT r.record {WITH_RECORDS} WHERE f.folder = 'schemes'"):
        record = json.loads(text)
        passed = Scheme(record["id"], record).transition_passed(today)
        if passed is None:
            continue
        marks = ", ".join("?" * len(HELD_STATUSES))
        rows = conn.execute(
            "SELECT f.path, c.line FROM certs c JOIN files f ON f.fid = c.fid WHERE "
            f"c.scheme = ? AND c.version IS NULL AND c.status IN ({marks}) "
            "ORDER BY f.path, c.line",
            (record["id"], *HELD_STATUSES),
        )
        findings.extend(
            Finding(
                path,
                line,
                "SC306",
                f"records no version, and the transition to {record['name']} "
                f"{passed['version']} ended on {passed['transition_ends']}: record the version "
                "the certificate is under (it shows as unverified until then)",
            )
            for path, line in rows
        )
    return findings


def _cross_findings(conn: sqlite3.Connection) -> list[Finding]:
    """The cross-record checks, asked of the index in SQL so that only the records in
    trouble come back to Python: duplicate ids, dangling references, unknown tags, shared
    names, unknown schemes, names that look alike."""
    return [
        *_duplicate_ids(conn),
        *_dangling_refs(conn),
        *_unknown_tags(conn),
        *_shared_names(conn),
        *_unknown_schemes(conn),
        *_look_alikes(conn),
    ]


def _ids(conn: sqlite3.Connection, folder: str) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            "SELECT id FROM files WHERE folder = ? AND id IS NOT NULL ORDER BY id", (folder,)
        )
    ]


def _duplicate_ids(conn: sqlite3.Connection) -> list[Finding]:
    from sovcloud.checks import cross  # only when findings are computed

    # Providers, events and schemes share one namespace (`show ID` finds any of them);
    # tags have their own: the tag `secnumcloud` names the scheme's subject.
    rows = conn.execute(
        "SELECT id, path, id_line FROM files WHERE id IS NOT NULL AND folder != 'tags' AND id IN "
        "(SELECT id FROM files WHERE id IS NOT NULL AND folder != 'tags' GROUP BY id "
        "HAVING count(*) > 1) ORDER BY id, folder = 'events', path"
    )
    return list(cross.duplicate_ids(rows.fetchall()))


def _dangling_refs(conn: sqlite3.Connection) -> list[Finding]:
    from sovcloud.checks import cross  # only when findings are computed

    dangling = conn.execute(
        "SELECT f.path, r.line, r.provider_id FROM refs r JOIN files f ON f.fid = r.fid "
        "WHERE r.provider_id NOT IN "
        "(SELECT id FROM files WHERE folder = 'providers' AND id IS NOT NULL) "
        "ORDER BY f.path, r.line"
    ).fetchall()

    def invalid_ids() -> set[str]:
        # Files that exist but hold no valid record: named by their file name.
        rows = conn.execute("SELECT path FROM files WHERE folder = 'providers' AND id IS NULL")
        return {os.path.basename(p)[: -len(".yaml")] for (p,) in rows if p.endswith(".yaml")}

    def provider_names() -> dict[str, str]:
        rows = conn.execute(
            "SELECT s.folded, f.id FROM search s JOIN files f ON f.fid = s.fid "
            f"WHERE {PROVIDER_NAMES} AND f.folder = 'providers'"
        )
        return dict(rows.fetchall())

    return list(
        cross.dangling_refs(dangling, lambda: _ids(conn, "providers"), invalid_ids, provider_names)
    )


def _unknown_tags(conn: sqlite3.Connection) -> list[Finding]:
    from sovcloud.checks import cross  # only when findings are computed

    tag_ids = _ids(conn, "tags")
    if not tag_ids:
        return []  # a data directory without a tag vocabulary
    unknown = conn.execute(
        "SELECT f.path, t.line, t.tag FROM tagged t JOIN files f ON f.fid = t.fid "
        "WHERE t.tag NOT IN (SELECT id FROM files WHERE folder = 'tags' AND id IS NOT NULL) "
        "ORDER BY f.path, t.line"
    ).fetchall()

    def tag_names() -> dict[str, str]:
        rows = conn.execute(
            "SELECT s.folded, f.id FROM search s JOIN files f ON f.fid = s.fid "
            "WHERE f.folder = 'tags' AND s.field IN ('alias', 'title')"
        )
        return dict(rows.fetchall())

    return list(cross.unknown_tag_refs(unknown, tag_ids, tag_names))


def _shared_names(conn: sqlite3.Connection) -> list[Finding]:
    from sovcloud.checks import cross  # only when findings are computed

    rows = conn.execute(
        "SELECT s.folded, f.id, f.path, s.line, s.text FROM search s JOIN files f "
        f"ON f.fid = s.fid WHERE {PROVIDER_NAMES} AND f.folder = 'providers' AND s.folded IN "
        f"(SELECT s.folded FROM search s JOIN files f ON f.fid = s.fid WHERE {PROVIDER_NAMES} "
        "AND f.folder = 'providers' GROUP BY s.folded HAVING count(DISTINCT f.id) > 1) "
        "ORDER BY s.folded, f.path, s.line"
    )
    return list(cross.shared_names(rows.fetchall()))


def _unknown_schemes(conn: sqlite3.Connection) -> list[Finding]:
    from sovcloud.checks import cross  # only when findings are computed

    # A certification must name a scheme that has a record, once the data has schemes at
    # all (a data directory from before schemes were records has none).
    scheme_ids = _ids(conn, "schemes")
    if not scheme_ids:
        return []
    unknown = conn.execute(
        "SELECT f.path, c.line, c.scheme FROM certs c JOIN files f ON f.fid = c.fid "
        "WHERE c.scheme NOT IN "
        "(SELECT id FROM files WHERE folder = 'schemes' AND id IS NOT NULL) "
        "ORDER BY f.path, c.line"
    ).fetchall()
    return list(cross.unknown_scheme_refs(unknown, scheme_ids))


def _look_alikes(conn: sqlite3.Connection) -> list[Finding]:
    from sovcloud.checks import cross  # only when findings are computed

    # Providers' names that look alike (one skeleton) without folding alike: found through
    # their own partial index, only the groups in trouble come back.
    rows = conn.execute(
        "SELECT s.skeleton, f.id, f.path, s.line, s.text, s.folded FROM search s JOIN files f "
        "ON f.fid = s.fid WHERE s.skeleton IS NOT NULL AND s.skeleton IN (SELECT skeleton "
        "FROM search WHERE skeleton IS NOT NULL GROUP BY skeleton "
        "HAVING count(DISTINCT folded) > 1) ORDER BY s.skeleton, f.path, s.line"
    )
    return list(cross.confusable_names(rows.fetchall()))
