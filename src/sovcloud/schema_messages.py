"""pydantic's validation errors, said in the project's words.

A contributor reads "`status` of certification 2 is 'qualifed', not one of ...: did you mean
`qualified`?", not "certifications.1.status input should be 'qualified', 'certified'...". One
typo gives one finding: a misspelt field is reported as unknown with the field it was meant
to be, and not also as that field missing. Standard library only (loaded with pydantic, when
a file must be read again).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from typing import Any

from sovcloud.errors import Finding
from sovcloud.paths import printable

# What one item of each list field is called, for positions such as "certification 2".
ITEM_NAMES = {
    "owners": "owner",
    "licensed_technology": "licence",
    "offers": "offer",
    "data_centres": "data centre",
    "certifications": "certification",
    "sources": "source",
    "aliases": "alias",
    "providers": "provider",
    "actors": "actor",
    "tags": "tag",
    "activities": "activity",
    "versions": "version",
    "milestones": "milestone",
    "counts": "count",
    "services": "service",
    "sovereignty": "sovereignty answer",
    "objectives": "objective",
    "criteria": "criterion",
    "rungs": "answer",
}
# Schema problems reported per file, at most.
MAX_FINDINGS = 50
_TYPE_ONLY = {"string_type", "model_type", "dict_type", "model_attributes_type"}
_QUOTED = re.compile(r"'([^']*)'")


def where(data_path: tuple[Any, ...]) -> str:
    """A position a person reads: '`status` of certification 2', 'source 1', 'the record'."""
    items: list[str] = []
    field: list[str] = []
    steps = list(data_path)
    i = 0
    while i < len(steps):
        step = steps[i]
        nxt = steps[i + 1] if i + 1 < len(steps) else None
        if isinstance(step, str) and isinstance(nxt, int):
            items.append(f"{ITEM_NAMES.get(step, _cut(printable(step), 40))} {nxt + 1}")
            field = []
            i += 2
            continue
        if isinstance(step, str):
            field.append(_cut(printable(step), 40))
        i += 1
    owner = " of ".join(reversed(items))
    if field:
        name = "`" + ".".join(field) + "`"
        return f"{name} of {owner}" if owner else name
    return owner or "the record"


def schema_findings(
    path: str,
    value: dict[str, Any],
    errors: list[Any],
    line_of: Callable[[tuple[Any, ...]], int],
    field_names: Callable[[], list[str]],
    slug_pattern: str,
    slug_message: str,
) -> list[Finding]:
    """One finding per problem, in the project's words, each at its line."""
    grouped: dict[tuple[Any, ...], list[Any]] = {}
    for error in errors:
        grouped.setdefault(data_path(value, error["loc"]), []).append(error)
    typos = _typos(grouped, field_names)
    findings: list[Finding] = []
    for place, group in grouped.items():
        if place in typos.values():
            continue  # the missing field is the misspelt one, reported once as unknown
        if len(findings) == MAX_FINDINGS:
            last = findings[-1]
            more = len(grouped) - MAX_FINDINGS
            findings[-1] = last._replace(
                message=f"{last.message} (and {more} more problems in this file: fix these first)"
            )
            break
        specific = [e for e in group if e["type"] not in _TYPE_ONLY] or group
        error = specific[0]
        line = line_of(place)
        if error["type"] == "extra_forbidden":
            meant = typos.get(place)
            key = str(place[-1])
            if meant is not None:
                hint = f" (did you mean `{meant[-1]}`?)"
            else:
                close = difflib.get_close_matches(key[:100], field_names(), n=1)
                hint = f" (did you mean `{close[0]}`?)" if close and close[0] != key else ""
            # A field spelt right in the wrong place (`checked` on an owner) is misplaced.
            fix = (
                "move it where it belongs or remove it"
                if key in field_names()
                else "fix its spelling or remove it"
            )
            findings.append(
                Finding(
                    path,
                    line,
                    "SC101",
                    f"unknown field {where(place)}{hint}: {fix} (data/README.md lists the fields)",
                )
            )
        elif error["type"] == "missing":
            findings.append(Finding(path, line, "SC102", f"{where(place)} is missing: add it"))
        else:
            message = _invalid(place, specific, error, slug_pattern, slug_message)
            findings.append(Finding(path, line, "SC103", message))
    return findings


def _typos(
    grouped: dict[tuple[Any, ...], list[Any]], field_names: Callable[[], list[str]]
) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    """{unknown field's place: the missing field's place} where an unknown field is a
    misspelling of a required one at the same level (`descripton` for `description`)."""
    unknown = [p for p, g in grouped.items() if any(e["type"] == "extra_forbidden" for e in g)]
    missing = [p for p, g in grouped.items() if all(e["type"] == "missing" for e in g)]
    pairs: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for place in unknown:
        siblings = [m for m in missing if m[:-1] == place[:-1] and m not in pairs.values()]
        names = [str(m[-1]) for m in siblings]
        close = difflib.get_close_matches(str(place[-1])[:100], names, n=1, cutoff=0.75)
        if close:
            pairs[place] = siblings[names.index(close[0])]
    return pairs


def _invalid(
    place: tuple[Any, ...],
    specific: list[Any],
    error: Any,
    slug_pattern: str,
    slug_message: str,
) -> str:
    """An invalid value, said as: `field` of item N <what is wrong>[: did you mean X?]."""
    name = where(place)
    given = error.get("input")
    shown = _short(given)
    kind = error["type"]
    if len(specific) > 1 and all(e["type"] in _TYPE_ONLY for e in specific):
        return f"{name} should be text, or a mapping with `en` and/or `fr` texts"
    if kind == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == slug_pattern:
        suggestion = slugify(str(given)) if isinstance(given, str) else ""
        hint = f": did you mean `{suggestion}`?" if suggestion and suggestion != given else ""
        return f"{name} is {shown}, which {slug_message}{hint}"
    if kind == "enum":
        allowed = _QUOTED.findall(str(error.get("ctx", {}).get("expected", "")))
        meant = nearest(str(given), allowed)
        return f"{name} is {shown}, not one of {', '.join(allowed)}" + (
            f": did you mean `{meant}`?" if meant else ""
        )
    if kind == "too_short" and place and place[-1] == "sources":
        return (
            f"{name} is empty: every fact here cites at least one source (publisher, title, "
            "date, type); add one"
        )
    if kind == "too_short":
        return f"{name} is empty: give at least one, or remove the field"
    message = str(error["msg"]).removeprefix("Value error, ")
    message = message[:1].lower() + message[1:]
    if shown and isinstance(given, str) and shown in message:
        return f"{name}: {message}"
    return f"{name} {message}" + (f" (got {shown})" if shown else "")


def nearest(given: str, allowed: Iterable[str]) -> str | None:
    """The allowed value a person most likely meant: same letters in another case, else
    the closest spelling."""
    allowed = list(allowed)
    folded = {a.casefold(): a for a in allowed}
    if given.casefold() in folded:
        return folded[given.casefold()]
    close = difflib.get_close_matches(given.casefold(), list(folded), n=1, cutoff=0.6)
    return folded[close[0]] if close else None


def slugify(text: str) -> str:
    """What an id written as a name most likely meant: 'Scaleway' -> 'scaleway'."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


def data_path(value: Any, loc: Iterable[Any]) -> tuple[Any, ...]:
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


def _short(value: Any) -> str:
    if isinstance(value, dict | list) or value is None:
        return ""
    return _cut(repr(value), 60)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."
