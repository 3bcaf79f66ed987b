"""From files to validated records: read, parse, check each file, then check across files.

Per-file work (`read_record`) depends on the file alone, so it can run in parallel and be
cached by content version; cross-record checks (`cross_check`) run on the plain records.
Problems travel as findings; nothing here prints or exits.
"""

from __future__ import annotations

import datetime as dt
import difflib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sovcloud import dates
from sovcloud.errors import Finding
from sovcloud.paths import RecordFile

Record = dict[str, Any]
LineOf = Callable[[str, tuple[Any, ...]], int]


@dataclass
class FileResult:
    """What reading one file gave: its record (when valid) and the findings."""

    folder: str
    path: str
    record: Record | None
    findings: list[Finding]
    lines: dict[tuple[Any, ...], int] = field(default_factory=dict)


def read_record(file: RecordFile) -> FileResult:
    """Read, parse and validate one record file; never raises for bad content."""
    from sovcloud.yamlparse import MAX_BYTES, ParseError, decode, parse

    path = str(file.path)
    try:
        with open(file.path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        return _failed(file, Finding(path, 1, "SC001", f"cannot be read ({exc.strerror})"))
    if len(raw) > MAX_BYTES:
        return _failed(file, Finding(path, 1, "SC002",
                                     f"is larger than {MAX_BYTES // 1024} KiB: a record is "
                                     "far smaller, split it or remove what is not a record"))
    try:
        text = decode(raw)
        if not text.strip() or all(
            not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()
        ):
            raise ParseError("SC005", 1, "is empty: write the record, or delete the file")
        doc = parse(text)
    except ParseError as exc:
        return _failed(file, Finding(path, exc.line, exc.code, exc.message))
    if not isinstance(doc.value, dict):
        what = "a list" if isinstance(doc.value, list) else "a single value"
        return _failed(file, Finding(path, 1, "SC006",
                                     f"holds {what}, but a record is a mapping of fields "
                                     "(`id: ...`, `name: ...`)"))
    record, findings = _validate(file.folder, path, doc.value, doc.line_of)
    return FileResult(file.folder, path, record, findings, doc.lines)


def _failed(file: RecordFile, finding: Finding) -> FileResult:
    return FileResult(file.folder, str(file.path), None, [finding])


def _validate(
    folder: str, path: str, value: dict[str, Any], line_of: Callable[[tuple[Any, ...]], int]
) -> tuple[Record | None, list[Finding]]:
    from pydantic import ValidationError

    from sovcloud.models import MODELS

    model = MODELS[folder]
    try:
        instance = model.model_validate(value)
    except ValidationError as exc:
        return None, _schema_findings(path, value, exc.errors(include_url=False), line_of)
    return instance.model_dump(mode="json"), []


def _field_names() -> list[str]:
    from sovcloud.models import MODELS, Certification, DataCentre, License, Offer, Owner, Source

    names: set[str] = set()
    for model in (*MODELS.values(), Certification, DataCentre, License, Offer, Owner, Source):
        names.update(model.model_fields)
    return sorted(names)


def _data_path(value: Any, loc: Iterable[Any]) -> tuple[Any, ...]:
    """The part of a pydantic error location that indexes into the data (drops union tags)."""
    path: list[Any] = []
    for step in loc:
        if isinstance(value, dict) and step in value:
            value = value[step]
            path.append(step)
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            value = value[step]
            path.append(step)
        elif isinstance(value, dict) and isinstance(step, str) and not path[-1:] == [step]:
            # A missing or unknown key: the key itself belongs to the path.
            if step[:1].isupper() or "[" in step or step in ("str", "int", "float"):
                continue
            path.append(step)
            value = None
    return tuple(path)


_TYPE_ONLY = {"string_type", "model_type", "dict_type", "model_attributes_type"}


def _schema_findings(
    path: str,
    value: dict[str, Any],
    errors: list[Any],
    line_of: Callable[[tuple[Any, ...]], int],
) -> list[Finding]:
    grouped: dict[tuple[Any, ...], list[Any]] = {}
    for error in errors:
        grouped.setdefault(_data_path(value, error["loc"]), []).append(error)
    findings = []
    for data_path, group in grouped.items():
        specific = [e for e in group if e["type"] not in _TYPE_ONLY] or group
        error = specific[0]
        where = ".".join(str(p) for p in data_path) or "the record"
        line = line_of(data_path)
        if error["type"] == "extra_forbidden":
            key = str(data_path[-1])
            close = difflib.get_close_matches(key, _field_names(), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            findings.append(Finding(path, line, "SC101",
                                    f"unknown field `{where}`{hint}: fix its spelling or "
                                    "remove it (see data/README.md for the fields)"))
        elif error["type"] == "missing":
            findings.append(Finding(path, line, "SC102",
                                    f"missing required field `{where}`: add it"))
        else:
            if len(specific) > 1 and all(e["type"] in _TYPE_ONLY for e in specific):
                message = "should be text, or a mapping with `en` and/or `fr` texts"
            else:
                message = str(error["msg"]).removeprefix("Value error, ")
                message = message[:1].lower() + message[1:]
            shown = _short(error.get("input"))
            findings.append(Finding(path, line, "SC103",
                                    f"`{where}` {message}" + (f" (got {shown})" if shown else "")))
    return findings


def _short(value: Any) -> str:
    if isinstance(value, dict | list) or value is None:
        return ""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


# --- cross-record checks ------------------------------------------------------------------


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name: 'Thésée' and 'thesee' fold alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def cross_check(
    results: list[FileResult], line_of: LineOf, today: dt.date
) -> list[Finding]:
    """Checks that need several records: ids, references, aliases, dates, citations."""
    findings: list[Finding] = []
    by_id: dict[str, FileResult] = {}
    providers: dict[str, Record] = {}
    for result in results:
        record = result.record
        if record is None:
            continue
        stem = Path(result.path).name.removesuffix(".yaml")
        if record["id"] != stem:
            findings.append(Finding(result.path, line_of(result.path, ("id",)), "SC201",
                                    f"id `{record['id']}` differs from the file name `{stem}`: "
                                    f"make them equal (rename the file or change the id)"))
        if record["id"] in by_id:
            other = by_id[record["id"]]
            findings.append(Finding(result.path, line_of(result.path, ("id",)), "SC202",
                                    f"id `{record['id']}` is already used by {other.path}: "
                                    "choose another id"))
        else:
            by_id[record["id"]] = result
        if result.folder == "providers":
            providers[record["id"]] = record
    aliases: dict[str, tuple[str, str]] = {}
    for result in results:
        record = result.record
        if record is None:
            continue
        check = _ProviderChecks if result.folder == "providers" else _EventChecks
        findings.extend(check(result, providers, line_of, today).run())
        if result.folder == "providers":
            for index, name in enumerate([record["name"], *record["aliases"]]):
                key = fold(name)
                owner = aliases.get(key)
                if owner and owner[0] != record["id"]:
                    where = ("name",) if index == 0 else ("aliases", index - 1)
                    findings.append(Finding(result.path, line_of(result.path, where), "SC204",
                                            f"the name {name!r} is already a name or alias of "
                                            f"`{owner[0]}`: names must tell providers apart, "
                                            "remove or qualify it"))
                aliases.setdefault(key, (record["id"], result.path))
    return findings


class _Checks:
    def __init__(self, result: FileResult, providers: dict[str, Record], line_of: LineOf,
                 today: dt.date):
        self.result = result
        self.record: Record = result.record or {}
        self.providers = providers
        self.line_of = line_of
        self.today = today
        self.findings: list[Finding] = []

    def add(self, where: tuple[Any, ...], code: str, message: str) -> None:
        self.findings.append(Finding(self.result.path, self.line_of(self.result.path, where),
                                     code, message))

    def provider_ref(self, where: tuple[Any, ...], ref: str | None) -> None:
        if ref is not None and ref not in self.providers:
            close = difflib.get_close_matches(ref, list(self.providers), n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            self.add(where, "SC203",
                     f"refers to provider `{ref}`, which has no file providers/{ref}.yaml{hint}: "
                     "fix the id or add the provider")

    def order(self, where: tuple[Any, ...], earlier: str | None, later: str | None,
              what: str) -> None:
        if earlier and later and dates.first_day(earlier) > dates.last_day(later):
            self.add(where, "SC205", f"{what}: {earlier} comes after {later}; swap or fix them")

    def not_future(self, where: tuple[Any, ...], value: str | None, what: str) -> None:
        if value and dates.first_day(value) > self.today:
            self.add(where, "SC206",
                     f"{what} {value} is in the future: only expected events may be dated "
                     "after today; fix the date")

    def sources(self) -> None:
        seen: set[str] = set()
        for index, source in enumerate(self.record["sources"]):
            self.not_future(("sources", index, "date"), source["date"], "the source's date")
            key = source.get("id")
            if key is not None:
                if key in seen:
                    self.add(("sources", index, "id"), "SC208",
                             f"source id `{key}` is used twice in this record: make ids unique")
                seen.add(key)
        self.not_future(("last_reviewed",), self.record["last_reviewed"], "last_reviewed")

    def run(self) -> list[Finding]:
        self.sources()
        self.check()
        return self.findings

    def check(self) -> None:
        raise NotImplementedError


class _ProviderChecks(_Checks):
    def check(self) -> None:
        record = self.record
        keys = {s["id"] for s in record["sources"] if s.get("id")}
        offers = [o["id"] for o in record["offers"]]
        for index, offer in enumerate(offers):
            if offers.index(offer) != index:
                self.add(("offers", index, "id"), "SC208",
                         f"offer id `{offer}` is used twice: make offer ids unique")
        if record["status"] != "announced":
            self.not_future(("founded",), record["founded"], "founded")
        for section in ("owners", "licensed_technology", "data_centres", "certifications"):
            for index, item in enumerate(record[section]):
                where = (section, index)
                for cited in item.get("sources", []):
                    if cited not in keys:
                        self.add((*where, "sources"), "SC207",
                                 f"cites source `{cited}`, which is not among this record's "
                                 f"sources (ids: {', '.join(sorted(keys)) or 'none'}): add it "
                                 "to `sources` with that id or fix the citation")
                if section in ("owners", "licensed_technology"):
                    self.provider_ref((*where, "provider"), item.get("provider"))
        for index, owner in enumerate(record["owners"]):
            self.order(("owners", index, "until"), owner["since"], owner["until"],
                       "ownership ends before it starts")
            if owner["provider"] == record["id"]:
                self.add(("owners", index, "provider"), "SC203", "a provider cannot own itself")
        for index, cert in enumerate(record["certifications"]):
            where = ("certifications", index)
            for j, offer in enumerate(cert["offers"]):
                if offer not in offers:
                    self.add((*where, "offers", j), "SC203",
                             f"names offer `{offer}`, which is not in this record's offers "
                             f"({', '.join(offers) or 'none'}): add the offer or fix the id")
            self.order((*where, "expires"), cert["granted"], cert["expires"],
                       "granted after it expires")
            self.order((*where, "ended"), cert["granted"], cert["ended"],
                       "granted after it ended")
            self.not_future((*where, "granted"), cert["granted"], "granted")
            self.not_future((*where, "ended"), cert["ended"], "ended")
            if cert["status"] in ("qualified", "certified") and cert["expires"] and (
                dates.last_day(cert["expires"]) < self.today
            ):
                self.add((*where, "status"), "SC206",
                         f"is marked {cert['status']} but expired on {cert['expires']}: "
                         "set status to expired, or record the renewal")


class _EventChecks(_Checks):
    def check(self) -> None:
        record = self.record
        for index, ref in enumerate(record["providers"]):
            self.provider_ref(("providers", index), ref)
        if record["status"] == "happened":
            self.not_future(("date",), record["date"], "the event's date")
        elif record["status"] == "expected" and dates.last_day(record["date"]) < self.today:
            self.add(("status",), "SC302",
                     f"is still expected although its date {record['date']} has passed: "
                     "mark it happened or cancelled, or move the date")


def max_age_findings(results: list[FileResult], line_of: LineOf, today: dt.date,
                     max_age_days: int) -> list[Finding]:
    """Warnings for records not reviewed within `max_age_days`."""
    findings = []
    for result in results:
        if result.record is None:
            continue
        reviewed = dt.date.fromisoformat(result.record["last_reviewed"])
        age = (today - reviewed).days
        if age > max_age_days:
            findings.append(Finding(result.path, line_of(result.path, ("last_reviewed",)),
                                    "SC303", f"was last reviewed {age} days ago ({reviewed}), "
                                    f"more than {max_age_days}: check it and update "
                                    "last_reviewed"))
    return findings
