"""The checks across records and against today: duplicate ids, references to records that do
not exist, names two providers share or that look alike, and what has not been reviewed or
checked for too long.

They work on small facts (ids, references, names, dated conditions) that the derived index
keeps, so they re-run on every refresh without re-reading any file. Each reports at most
MAX_PER_CHECK findings. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Iterable, Iterator

from sovcloud.core.text import id_named
from sovcloud.errors import Finding

# Findings of one cross-record check reported, at most: two files sharing thousands of
# aliases would otherwise give hundreds of thousands. The last one says how many more.
MAX_PER_CHECK = 200


def capped(findings: Iterable[Finding], code: str) -> list[Finding]:
    """At most MAX_PER_CHECK findings; when there were more, the last kept says how many."""
    kept: list[Finding] = []
    more = 0
    for finding in findings:
        if len(kept) < MAX_PER_CHECK:
            kept.append(finding)
        else:
            more += 1
    if more:
        last = kept[-1]
        kept[-1] = Finding(
            last.path,
            last.line,
            last.code,
            f"{last.message} (and {more:,} more {code} findings not listed: fix these first)",
        )
    return kept


def duplicate_ids(rows: Iterable[tuple[str, str, int]]) -> list[Finding]:
    """SC202 for (id, path, id line) rows of ids used more than once, each id's rows in
    precedence order (providers first): the first keeps the id, the others are reported."""
    return capped(_duplicate_ids(rows), "SC202")


def _duplicate_ids(rows: Iterable[tuple[str, str, int]]) -> Iterator[Finding]:
    first: dict[str, str] = {}
    for id_, path, line in rows:
        if id_ in first:
            yield (
                Finding(
                    path,
                    line,
                    "SC202",
                    f"id `{id_}` is already used by {first[id_]}: choose another id",
                )
            )
        else:
            first[id_] = path


def dangling_refs(
    rows: Iterable[tuple[str, int, str]],
    provider_ids: Callable[[], list[str]],
    invalid_ids: Callable[[], set[str]] = set,
    names: Callable[[], dict[str, str]] = dict,
) -> list[Finding]:
    """SC203 for (path, line, provider id) references to providers that have no valid
    record: an invalid file is named as such (its own errors say what to fix), and a name
    or alias of a provider points at that provider's id."""
    return capped(_dangling_refs(rows, provider_ids, invalid_ids, names), "SC203")


def _dangling_refs(
    rows: Iterable[tuple[str, int, str]],
    provider_ids: Callable[[], list[str]],
    invalid_ids: Callable[[], set[str]],
    names: Callable[[], dict[str, str]],
) -> Iterator[Finding]:
    known: list[str] | None = None
    broken: set[str] = set()
    by_name: dict[str, str] = {}
    for number, (path, line, ref) in enumerate(rows):
        if known is None:
            known, broken, by_name = provider_ids(), invalid_ids(), names()
        if ref in broken:
            yield Finding(
                path,
                line,
                "SC203",
                f"refers to provider `{ref}`, whose file providers/{ref}.yaml is invalid: "
                "fix the errors reported in that file",
            )
            continue
        hint = ""
        if number < MAX_PER_CHECK:  # what is not listed needs no hint
            named = id_named(by_name, ref)
            close = [named] if named else difflib.get_close_matches(ref, known, n=1)
            why = f" `{ref}` is one of its names" if named else ""
            hint = f" (did you mean `{close[0]}`?{why})" if close else ""
        yield Finding(
            path,
            line,
            "SC203",
            f"refers to provider `{ref}`, which has no file providers/{ref}.yaml{hint}: "
            "fix the id or add the provider",
        )


def unchecked_findings(
    rows: Iterable[tuple[str, int, str, str | None]], today: dt.date
) -> list[Finding]:
    """SC307 for (path, line, scheme, checked) certification entries not checked recently."""
    findings = []
    for path, line, scheme, checked in rows:
        if checked is None:
            text = f"this {scheme} entry was never checked against its sources"
        else:
            age = (today - dt.date.fromisoformat(checked)).days
            text = f"this {scheme} entry was last checked {age} days ago ({checked})"
        findings.append(
            Finding(
                path,
                line,
                "SC307",
                f"{text}: check it against the register and set `checked` to that day",
            )
        )
    return findings


def unknown_tag_refs(
    rows: Iterable[tuple[str, int, str]],
    tag_ids: list[str],
    names: Callable[[], dict[str, str]],
) -> list[Finding]:
    """SC210 for (path, line, tag) tags outside the vocabulary of tags/."""
    findings = []
    by_name: dict[str, str] | None = None
    for path, line, tag in rows:
        if by_name is None:
            by_name = names()
        meant = id_named(by_name, tag)
        if meant is None:
            close = difflib.get_close_matches(tag, tag_ids, n=1, cutoff=0.6)
            meant = close[0] if close else None
        hint = f"did you mean `{meant}`? " if meant else ""
        findings.append(
            Finding(
                path,
                line,
                "SC210",
                f"tag `{tag}` is not in the vocabulary (tags/): {hint}use a tag `sovcloud tags` "
                "lists, or add the tag to tags/ with its English and French label",
            )
        )
    return findings


def unknown_scheme_refs(
    rows: Iterable[tuple[str, int, str]], scheme_ids: list[str]
) -> list[Finding]:
    """SC209 for (path, line, scheme id) certifications naming a scheme without a record."""
    return capped(_unknown_scheme_refs(rows, scheme_ids), "SC209")


def _unknown_scheme_refs(
    rows: Iterable[tuple[str, int, str]], scheme_ids: list[str]
) -> Iterator[Finding]:
    for number, (path, line, ref) in enumerate(rows):
        hint = ""
        if number < MAX_PER_CHECK:
            close = difflib.get_close_matches(ref, scheme_ids, n=1, cutoff=0.6)
            hint = f"did you mean `{close[0]}`? " if close else ""
        yield Finding(
            path,
            line,
            "SC209",
            f"names scheme `{ref}`, which has no file schemes/{ref}.yaml: {hint}"
            f"use a known scheme id (`sovcloud schemes` lists them) or add the scheme",
        )


def shared_names(rows: Iterable[tuple[str, str, str, int, str]]) -> list[Finding]:
    """SC204 for (folded name, provider id, path, line, name) rows of names that two or
    more providers hold, reported in every file holding one: either may be the one to fix."""
    holders: dict[str, list[tuple[str, str, int, str]]] = {}
    for folded, id_, path, line, name in rows:
        holders.setdefault(folded, []).append((id_, path, line, name))
    return capped(_shared_names(holders), "SC204")


def _shared_names(holders: dict[str, list[tuple[str, str, int, str]]]) -> Iterator[Finding]:
    for group in holders.values():
        ids = {id_ for id_, _, _, _ in group}
        for id_, path, line, name in group:
            rest = sorted(ids - {id_})
            others = ", ".join(f"`{i}`" for i in rest[:5])
            if len(rest) > 5:
                others += f" and {len(rest) - 5:,} other providers"
            yield Finding(
                path,
                line,
                "SC204",
                f"the name {name!r} is also a name or alias of {others}: "
                "names must tell providers apart, remove or qualify it",
            )


def confusable_names(rows: Iterable[tuple[str, str, str, int, str, str]]) -> list[Finding]:
    """SC212 for (skeleton, provider id, path, line, name, folded name) rows of names that
    look the same as another provider's name or alias (one skeleton, see
    charsets.skeleton) without being the same name (SC204 reports those): reported in every
    file holding one, as either may be the impostor."""
    groups: dict[str, list[tuple[str, str, int, str, str]]] = {}
    for look, id_, path, line, name, folded in rows:
        groups.setdefault(look, []).append((id_, path, line, name, folded))
    return capped(_confusable_names(groups), "SC212")


def _confusable_names(groups: dict[str, list[tuple[str, str, int, str, str]]]) -> Iterator[Finding]:
    for group in groups.values():
        for id_, path, line, name, folded in group:
            others = sorted({(i, n) for i, _, _, n, f in group if i != id_ and f != folded})
            if not others:
                continue
            shown = ", ".join(f"{n!r} of `{i}`" for i, n in others[:5])
            if len(others) > 5:
                shown += f" and {len(others) - 5:,} others"
            unusual = sorted({f"U+{ord(c):04X} {_char_name(c)}" for c in name if not c.isascii()})
            detail = f" (it holds {', '.join(unusual[:5])})" if unusual else ""
            yield Finding(
                path,
                line,
                "SC212",
                f"the name {name!r}{detail} looks the same as {shown}, written with other "
                "characters: names must tell providers apart at a glance, write it as it "
                "looks or choose another",
            )


def _char_name(char: str) -> str:
    import unicodedata

    return unicodedata.name(char, "").lower()


def max_age_findings(
    reviews: Iterable[tuple[str, int, str]], today: dt.date, max_age_days: int
) -> list[Finding]:
    """Warnings for records (path, line, last_reviewed) not reviewed within `max_age_days`."""
    findings = []
    for path, line, reviewed_text in reviews:
        reviewed = dt.date.fromisoformat(reviewed_text)
        age = (today - reviewed).days
        if age > max_age_days:
            findings.append(
                Finding(
                    path,
                    line,
                    "SC303",
                    f"was last reviewed {age} days ago ({reviewed}), more than "
                    f"{max_age_days}: check it and update last_reviewed",
                )
            )
    return findings
