"""The checks inside one record, beyond the schema: its id against its file name, sources and
citations, dates in order, names, links, certifications, schemes and frameworks.

They run once per file version (their result is cached with the file); what depends on
today is kept as Timed checks, and the references to other records as refs, for the
cross-record checks (checks/cross.py) to judge on every refresh. Standard library only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from sovcloud import dates
from sovcloud.charsets import mixed_word
from sovcloud.core.certs import HELD_STATUSES, PROOF
from sovcloud.errors import Finding

Record = dict[str, Any]


class Checked(Protocol):
    """What the checks of one record read and fill: a file's reading (loader.FileResult),
    described here so that the checks need not import the loader that calls them."""

    folder: str
    path: str
    record: dict[str, Any] | None
    findings: list[Finding]
    refs: list[tuple[int, str]]
    timed: list[Timed]


LineOf = Callable[[tuple[Any, ...]], int]


class Timed:
    """A check that depends on today: `future` fails when `day` is after today, `passed`
    when it is before. A plain class: this module is on the path of every query."""

    __slots__ = ("line", "code", "when", "day", "message")

    def __init__(self, line: int, code: str, when: str, day: str, message: str):
        self.line = line
        self.code = code
        self.when = when  # "future" or "passed"
        self.day = day  # ISO day
        self.message = message


def check_record(result: Checked, stem: str, line_of: LineOf) -> None:
    """Checks inside one valid record; fills result.findings, refs and timed."""
    record = result.record
    assert record is not None
    report = _Report(result, line_of)
    if record["id"] != stem:
        report.add(
            ("id",),
            "SC201",
            f"id `{record['id']}` differs from the file name `{stem}`: make "
            "them equal (rename the file or change the id)",
        )
    seen = _source_ids(record, report)
    report.not_future(("last_reviewed",), record["last_reviewed"], "last_reviewed")
    if result.folder == "schemes":
        _check_scheme(record, seen, report.add)
    elif result.folder == "frameworks":
        _check_framework(record, seen, report.add)
    elif result.folder == "events":
        _check_event(record, report)
    elif result.folder == "providers":
        _check_names(record, report)
        _check_links(record, seen, report)
        _check_certifications(record, report)


class _Report:
    """Where the checks of one record put what they find: findings now, references and
    dated checks for later (the day they fire on is only known when they are read)."""

    def __init__(self, result: Checked, line_of: LineOf):
        self.result = result
        self.line_of = line_of

    def add(self, where: tuple[Any, ...], code: str, message: str) -> None:
        self.result.findings.append(Finding(self.result.path, self.line_of(where), code, message))

    def refer(self, where: tuple[Any, ...], provider_id: str) -> None:
        self.result.refs.append((self.line_of(where), provider_id))

    def timed(self, where: tuple[Any, ...], code: str, when: str, day: str, message: str) -> None:
        self.result.timed.append(Timed(self.line_of(where), code, when, day, message))

    def order(
        self, where: tuple[Any, ...], earlier: str | None, later: str | None, what: str
    ) -> None:
        if earlier and later and dates.first_day(earlier) > dates.last_day(later):
            self.add(where, "SC205", f"{what}: {earlier} comes after {later}; swap or fix them")

    def not_future(self, where: tuple[Any, ...], value: str | None, what: str) -> None:
        if value:
            self.timed(
                where,
                "SC206",
                "future",
                dates.first_day(value).isoformat(),
                f"{what} {value} is in the future: only expected events may be dated after "
                "today; fix the date",
            )


def _source_ids(record: Record, report: _Report) -> set[str]:
    """The ids of the record's sources, each once (SC208), each source's date not ahead."""
    seen: set[str] = set()
    for index, source in enumerate(record.get("sources", [])):
        report.not_future(("sources", index, "date"), source["date"], "the source's date")
        key = source.get("id")
        if key is not None:
            if key in seen:
                report.add(
                    ("sources", index, "id"),
                    "SC208",
                    f"source id `{key}` is used twice in this record: make ids unique",
                )
            seen.add(key)
    return seen


def _check_event(record: Record, report: _Report) -> None:
    for index, ref in enumerate(record["providers"]):
        report.refer(("providers", index), ref)
    if record["status"] == "happened":
        report.not_future(("date",), record["date"], "the event's date")
    elif record["status"] == "expected":
        report.timed(
            ("status",),
            "SC302",
            "passed",
            dates.last_day(record["date"]).isoformat(),
            f"is still expected although its date {record['date']} has passed: mark it "
            "happened or cancelled, or move the date",
        )


def _check_names(record: Record, report: _Report) -> None:
    """A word of the name or an alias mixing scripts (SC211) can pass for another name."""
    names: list[tuple[tuple[Any, ...], str]] = [(("name",), record["name"])]
    names += [(("aliases", i), alias) for i, alias in enumerate(record["aliases"])]
    for place, name in names:
        mixed = mixed_word(name) if not name.isascii() else None
        if mixed:
            word, found = mixed
            report.add(
                place,
                "SC211",
                f"the word {word!r} mixes {' and '.join(sorted(s.title() for s in found))} "
                "letters, which can make a name look like another: write each word in one "
                "script",
            )


def _check_links(record: Record, seen: set[str], report: _Report) -> None:
    """Offer ids once; the sources cited and the providers named by owners, licensed
    technology, data centres and certifications; ownership in order."""
    offers = [o["id"] for o in record["offers"]]
    for index, offer in enumerate(offers):
        if offers.index(offer) != index:
            report.add(
                ("offers", index, "id"),
                "SC208",
                f"offer id `{offer}` is used twice: make offer ids unique",
            )
    if record["status"] != "announced":
        report.not_future(("founded",), record["founded"], "founded")
    for section in (
        "owners",
        "licensed_technology",
        "data_centres",
        "certifications",
        "sovereignty",
    ):
        for index, item in enumerate(record[section]):
            _citations(item.get("sources", []), (section, index, "sources"), seen, report.add)
            ref = item.get("provider")
            if ref is None:
                continue
            if ref == record["id"]:
                report.add(
                    (section, index, "provider"),
                    "SC203",
                    "refers to this provider itself: remove `provider` or fix the id",
                )
            else:
                report.refer((section, index, "provider"), ref)
    for index, owner in enumerate(record["owners"]):
        report.order(
            ("owners", index, "until"),
            owner["since"],
            owner["until"],
            "ownership ends before it starts",
        )
    _check_answers(record, offers, report.add, report.order)


def _check_certifications(record: Record, report: _Report) -> None:
    """Each entry: its offers exist, its dates in order and not ahead, and, when held, a
    validity that has not ended (SC304, dated) and evidence better than the press (SC305)."""
    offers = [o["id"] for o in record["offers"]]
    types = {s["id"]: s["type"] for s in record["sources"] if s.get("id")}
    for index, cert in enumerate(record["certifications"]):
        where = ("certifications", index)
        for j, offer in enumerate(cert["offers"]):
            if offer not in offers:
                report.add(
                    (*where, "offers", j),
                    "SC203",
                    f"names offer `{offer}`, which is not in this record's offers "
                    f"({', '.join(offers) or 'none'}): add the offer or fix the id",
                )
        report.order(
            (*where, "expires"), cert["granted"], cert["expires"], "granted after it expires"
        )
        report.order((*where, "ended"), cert["granted"], cert["ended"], "granted after it ended")
        report.not_future((*where, "granted"), cert["granted"], "granted")
        report.not_future((*where, "ended"), cert["ended"], "ended")
        if cert["status"] not in HELD_STATUSES:
            continue
        if cert["expires"]:
            report.timed(
                (*where, "status"),
                "SC304",
                "passed",
                dates.last_day(cert["expires"]).isoformat(),
                f"is marked {cert['status']} but its validity ended on {cert['expires']}: "
                "record the renewal (granted, expires, its source), or set status: expired "
                "and ended; until then it shows as lapsed, renewal not confirmed",
            )
        kinds = {types[c] for c in cert["sources"] if c in types}
        if kinds and not kinds & PROOF:
            report.add(
                (*where, "sources"),
                "SC305",
                f"is marked {cert['status']} on {', '.join(sorted(kinds))} sources only: "
                "cite the register or the company's own page where one exists; until "
                "then it shows as unverified",
            )


def _citations(
    cited_ids: list[str],
    where: tuple[Any, ...],
    seen: set[str],
    add: Callable[[tuple[Any, ...], str, str], None],
) -> None:
    """SC207 for each cited source id the record does not define."""
    for cited in cited_ids:
        if cited not in seen:
            add(
                where,
                "SC207",
                f"cites source `{cited}`, which is not among this record's sources "
                f"(ids: {', '.join(sorted(seen)) or 'none'}): add it to `sources` "
                "with that id or fix the citation",
            )


def _check_scheme(
    record: dict[str, Any], seen: set[str], add: Callable[[tuple[Any, ...], str, str], None]
) -> None:
    """A scheme's versions, counts and lists cite its own sources, and name things once."""
    for section in ("versions", "counts"):
        for index, item in enumerate(record[section]):
            _citations(item["sources"], (section, index, "sources"), seen, add)
    for section, key in (("versions", "version"), ("milestones", "id"), ("activities", "number")):
        names = [item[key] for item in record[section]]
        for index, name in enumerate(names):
            if names.index(name) != index:
                add(
                    (section, index, key),
                    "SC208",
                    f"{key} `{name}` is listed twice in `{section}`: list each once",
                )


def _check_answers(
    record: dict[str, Any],
    offers: list[str],
    add: Callable[[tuple[Any, ...], str, str], None],
    order: Callable[[tuple[Any, ...], str | None, str | None, str], None],
) -> None:
    """A provider's sovereignty answers: each rung once, known offers, dates in order. Whether
    the criterion and its rungs exist is checked against the framework (framework_assess.py)."""
    for index, item in enumerate(record["sovereignty"]):
        where = ("sovereignty", index)
        answers = item["answers"]
        if len(set(answers)) != len(answers):
            add(
                (*where, "answers"),
                "SC208",
                f"`answers` of sovereignty answer {index + 1} lists a rung twice: list each once",
            )
        for j, offer in enumerate(item["offers"]):
            if offer not in offers:
                add(
                    (*where, "offers", j),
                    "SC203",
                    f"names offer `{offer}`, which is not in this record's offers "
                    f"({', '.join(offers) or 'none'}): add the offer or fix the id",
                )
        order((*where, "until"), item["since"], item["until"], "it ends before it starts")


def _check_framework(
    record: dict[str, Any], seen: set[str], add: Callable[[tuple[Any, ...], str, str], None]
) -> None:
    """A framework's versions weigh exactly its objectives, 100 in all; its criteria are named
    after their objective, listed once, cite its sources and rise in points."""
    objectives = [o["id"] for o in record["objectives"]]
    for index, name in enumerate(objectives):
        if objectives.index(name) != index:
            add(("objectives", index, "id"), "SC208", f"objective `{name}` is listed twice")
    versions = [v["version"] for v in record["versions"]]
    for index, version in enumerate(record["versions"]):
        where = ("versions", index)
        _citations(version["sources"], (*where, "sources"), seen, add)
        if versions.index(version["version"]) != index:
            add((*where, "version"), "SC208", f"version `{version['version']}` is listed twice")
        weights = version["weights"]
        strays = [k for k in weights if k not in objectives]
        missing = [o for o in objectives if o not in weights]
        if strays or missing:
            add(
                (*where, "weights"),
                "SC103",
                f"`weights` of version {version['version']} must weigh each objective once "
                + (f"(not an objective: {', '.join(strays)}) " if strays else "")
                + (f"(no weight for: {', '.join(missing)}) " if missing else "")
                + f"; the objectives are {', '.join(objectives)}",
            )
        total = sum(weights.values())
        if abs(total - 100) > 0.01:
            add(
                (*where, "weights"),
                "SC103",
                f"`weights` of version {version['version']} add up to {total:g}, not 100: "
                "write each objective's weight in percent",
            )
    criteria: list[str] = []
    for i, objective in enumerate(record["objectives"]):
        for j, criterion in enumerate(objective["criteria"]):
            place: tuple[Any, ...] = ("objectives", i, "criteria", j)
            cid = criterion["id"]
            _citations(criterion["sources"], (*place, "sources"), seen, add)
            if cid in criteria:
                add((*place, "id"), "SC208", f"criterion `{cid}` is listed twice")
            criteria.append(cid)
            if not cid.startswith(objective["id"] + "-"):
                add(
                    (*place, "id"),
                    "SC103",
                    f"criterion `{cid}` is listed under objective `{objective['id']}`: name it "
                    f"`{objective['id']}-<number>` or move it",
                )
            points = [r["points"] for r in criterion["rungs"]]
            if points != sorted(points):
                add(
                    (*place, "rungs"),
                    "SC103",
                    f"the answers of criterion `{cid}` must go from the lowest points to the "
                    f"highest ({', '.join(f'{p:g}' for p in points)})",
                )
