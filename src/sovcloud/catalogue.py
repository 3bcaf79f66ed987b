"""The catalogue: every valid record of a data directory, with what was found wrong.

`build` reads every file (in parallel when there are many) and runs the cross-record
checks; the derived index (index.py) caches its result so that queries need not repeat it.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sovcloud.errors import Finding
from sovcloud.paths import RecordFile, Scan, scan

Record = dict[str, Any]
# Below this many files a process pool costs more than it saves.
PARALLEL_THRESHOLD = 400


@dataclass
class Catalogue:
    """All valid records of one data directory, keyed by id."""

    data_dir: Path
    providers: dict[str, Record] = field(default_factory=dict)
    events: dict[str, Record] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    files: int = 0

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]


def read_all(files: list[RecordFile], jobs: int | None = None,
             progress: Callable[[int], None] | None = None) -> list[Any]:
    """read_record over `files`, on every core when there are enough files to pay for it."""
    from sovcloud.loader import read_record

    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 or len(files) < PARALLEL_THRESHOLD:
        results = []
        for file in files:
            results.append(read_record(file))
            if progress:
                progress(1)
        return results
    from concurrent.futures import ProcessPoolExecutor

    chunk = max(50, len(files) // (jobs * 8))
    results = []
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(read_record, files, chunksize=chunk):
            results.append(result)
            if progress:
                progress(1)
    return results


def line_finder(results: Iterable[Any]) -> Callable[[str, tuple[Any, ...]], int]:
    """A function giving the line of a path inside a file, from the parsed results."""
    lines = {r.path: r.lines for r in results}

    def line_of(path: str, where: tuple[Any, ...]) -> int:
        table = lines.get(path, {})
        while where:
            if where in table:
                return table[where]
            where = where[:-1]
        return 1

    return line_of


def build(
    data_dir: Path,
    today: dt.date,
    *,
    jobs: int | None = None,
    max_age_days: int | None = None,
    listing: Scan | None = None,
    progress: Callable[[int], None] | None = None,
) -> Catalogue:
    """Read and check every record of `data_dir`."""
    from sovcloud.loader import cross_check, max_age_findings

    listing = listing or scan(data_dir)
    results = read_all(listing.files, jobs, progress)
    line_of = line_finder(results)
    findings = list(listing.findings)
    for result in results:
        findings.extend(result.findings)
    findings.extend(cross_check(results, line_of, today))
    if max_age_days is not None:
        findings.extend(max_age_findings(results, line_of, today, max_age_days))
    catalogue = Catalogue(data_dir, findings=sorted(findings), files=len(listing.files))
    for result in results:
        if result.record is not None:
            target = catalogue.providers if result.folder == "providers" else catalogue.events
            target.setdefault(result.record["id"], result.record)
    return catalogue
