"""From a file to a checked record: read, parse, validate, and check within the record.

`read_record` depends on the file's content alone, so it can run in parallel and its result
can be cached by content version in the derived index. What needs other records (ids,
references, names) or today's date is handed on as plain facts (`refs`, `timed`, the lines
of the record's fields) for checks/record.py, so that the index can re-run those checks without
re-reading files.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from sovcloud.checks.record import Timed, check_record
from sovcloud.errors import Finding
from sovcloud.models import MODELS, SLUG_MESSAGE, SLUG_PATTERN
from sovcloud.paths import RecordFile
from sovcloud.schema_messages import MAX_FINDINGS, schema_findings
from sovcloud.yamlparse import MAX_BYTES, ParseError, decode, parse

# Only the index imports this module, and only when a file must be read: queries that find
# the index up to date never load pydantic or yaml.

Record = dict[str, Any]


@dataclass
class FileResult:
    """What reading one file gave: its record (when valid), findings, and facts for checks."""

    folder: str
    path: str
    record: Record | None
    findings: list[Finding]
    record_json: bytes = b""  # the record as UTF-8 JSON, as the index stores it
    id_line: int = 1
    reviewed_line: int = 1
    refs: list[tuple[int, str]] = field(default_factory=list)  # (line, provider id)
    timed: list[Timed] = field(default_factory=list)
    line_of: Callable[[tuple[Any, ...]], int] = lambda path: 1  # noqa: E731  # the file's lines


def read_record(file: RecordFile) -> FileResult:
    """Read, parse, validate and check one record file; never raises for bad content."""
    path = file.path
    try:
        raw = _read_bounded(path, file.size, MAX_BYTES + 1)
    except OSError as exc:
        return _failed(file, Finding(path, 1, "SC001", f"cannot be read ({exc.strerror})"))
    if len(raw) > MAX_BYTES:
        return _failed(
            file,
            Finding(
                path,
                1,
                "SC002",
                f"is larger than {MAX_BYTES // 1024} KiB: a record is "
                "far smaller, split it or remove what is not a record",
            ),
        )
    try:
        text = decode(raw)
        doc = parse(text)
        if doc.value is None and _blank(text):
            raise ParseError("SC005", 1, "is empty: write the record, or delete the file")
    except ParseError as exc:
        return _failed(file, Finding(path, exc.line, exc.code, exc.message))
    if not isinstance(doc.value, dict):
        what = "a list" if isinstance(doc.value, list) else "a single value"
        return _failed(
            file,
            Finding(
                path,
                1,
                "SC006",
                f"holds {what}, but a record is a mapping of fields (`id: ...`, `name: ...`)",
            ),
        )
    record, record_json, findings = _validate(file.folder, path, doc.value, doc.line_of)
    result = FileResult(
        file.folder,
        path,
        record,
        findings,
        record_json,
        id_line=doc.line_of(("id",)),
        reviewed_line=doc.line_of(("last_reviewed",)),
        line_of=doc.line_of,
    )
    if record is not None:
        check_record(result, file.stem, doc.line_of)
        if len(result.findings) > MAX_FINDINGS:
            more = len(result.findings) - MAX_FINDINGS
            del result.findings[MAX_FINDINGS:]
            last = result.findings[-1]
            result.findings[-1] = Finding(
                last.path,
                last.line,
                last.code,
                f"{last.message} (and {more:,} more problems in this file: fix these first)",
            )
    else:
        # The references of a file that is not valid are checked all the same, so that one
        # run of validate reports everything rather than what the next run would.
        result.refs = raw_refs(file.folder, doc.value, doc.line_of)
    return result


def raw_refs(
    folder: str, value: dict[str, Any], line_of: Callable[[tuple[Any, ...]], int]
) -> list[tuple[int, str]]:
    """(line, provider id) of the references a record that failed validation makes, read
    from its raw values: only those written as ids."""
    import re

    slug = re.compile(SLUG_PATTERN)
    places: list[tuple[Any, ...]] = []
    if folder == "events" and isinstance(value.get("providers"), list):
        places += [("providers", i) for i in range(len(value["providers"]))]
    if folder == "providers":
        for section in ("owners", "licensed_technology"):
            items = value.get(section)
            if isinstance(items, list):
                places += [
                    (section, i, "provider")
                    for i, item in enumerate(items)
                    if isinstance(item, dict) and "provider" in item
                ]
    refs = []
    for place in places:
        target: Any = value
        for step in place:
            target = target[step]
        if isinstance(target, str) and slug.match(target) and len(target) <= 80:
            refs.append((line_of(place), target))
    return refs


# Windows opens files as text unless told otherwise.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0)


def _read_bounded(path: str, size: int, limit: int) -> bytes:
    """At most `limit` bytes of a file listed with `size` bytes. The first read asks for one
    byte more than listed (a file that grew since shows it): a buffered read of `limit`
    would allocate a megabyte for every small file, a quarter of the time to read one."""
    fd = os.open(path, _READ_FLAGS)
    try:
        chunks = []
        total = 0
        want = min(size + 1, limit)
        while total < limit:
            chunk = os.read(fd, min(want, limit - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
            want = 65536
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    finally:
        os.close(fd)


def _blank(text: str) -> bool:
    """Whether a text holds nothing but blank lines and comments."""
    return all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines())


def _failed(file: RecordFile, finding: Finding) -> FileResult:
    return FileResult(file.folder, file.path, None, [finding])


def _validate(
    folder: str, path: str, value: dict[str, Any], line_of: Callable[[tuple[Any, ...]], int]
) -> tuple[Record | None, bytes, list[Finding]]:
    """The record (as JSON values, and as UTF-8 JSON) or the schema's findings."""
    model = MODELS[folder]
    try:
        instance = model.__pydantic_validator__.validate_python(value)
    except ValidationError as exc:
        return (
            None,
            b"",
            schema_findings(
                path,
                value,
                exc.errors(include_url=False),
                line_of,
                _field_names,
                SLUG_PATTERN,
                SLUG_MESSAGE,
            ),
        )
    serializer = model.__pydantic_serializer__
    # pydantic's serializer writes the JSON text faster than json.dumps of the dict.
    record_json = serializer.to_json(instance)
    return serializer.to_python(instance, mode="json"), record_json, []


@functools.cache
def _field_names() -> list[str]:
    """Every field name of the models, for "did you mean" hints."""
    from sovcloud import models as m

    names: set[str] = set()
    models: list[Any] = [
        *m.MODELS.values(),
        *(m.Certification, m.DataCentre, m.License, m.Offer, m.Owner, m.Ownership, m.Source),
        *(m.SchemeVersion, m.Milestone, m.Activity, m.Register, m.HolderCount),
        *(m.SovereigntyAnswer, m.FrameworkVersion, m.Objective, m.Criterion, m.Rung),
    ]
    for model in models:
        names.update(model.model_fields)
    return sorted(names)
