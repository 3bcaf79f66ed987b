"""Resolving a name: the one record a user means by an id, a name or an alias (accents and
case ignored), else the closest fuzzy match; rapidfuzz is loaded only for that last step.
"""

from __future__ import annotations

from typing import NamedTuple

from sovcloud.core.text import fold
from sovcloud.errors import NotFoundError
from sovcloud.index import Index

# Fuzzy scores (0-100): below FUZZY_MIN nothing is close; two candidates within
# AMBIGUOUS_GAP of each other are too close to choose between.
FUZZY_MIN = 75
AMBIGUOUS_GAP = 4


def checked_text(text: str) -> str:
    """The text, or NotFoundError when it is not valid Unicode (bytes that are not UTF-8
    in a command's arguments arrive as lone surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        shown = text.encode("utf-8", "replace").decode("utf-8", "replace")
        raise NotFoundError(
            "{text!r} is not valid UTF-8 text: type the name again", text=shown
        ) from None
    return text


class Resolved(NamedTuple):
    folder: str  # "providers", "events" or "schemes"
    id: str


def resolve(
    index: Index, name: str, *, folders: tuple[str, ...] = ("providers", "events", "schemes")
) -> Resolved:
    """Find the one record a user means: id, then name or alias (accents and case ignored),
    then the closest fuzzy match. Several close candidates or none: NotFoundError."""
    text = checked_text(name).strip()
    if not text:
        raise NotFoundError("give a name, an alias or an id")
    for folder in folders:
        if index._one(folder, text) is not None:
            return Resolved(folder, text)
    exact = [Resolved(f, i) for f, i in index.ids_by_folded_name(fold(text)) if f in folders]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        raise NotFoundError(
            "{text!r} names several records; use an id",
            [f"{r.id} ({r.folder[:-1]})" for r in exact],
            text=text,
        )
    return _fuzzy(index, text, folders)


def _fuzzy(index: Index, text: str, folders: tuple[str, ...]) -> Resolved:
    from rapidfuzz import fuzz, process

    target = fold(text)
    best: dict[Resolved, float] = {}
    labels: dict[Resolved, str] = {}
    names = [(f, i, n) for f, i, n in index.names() if f in folders]
    choices = [fold(n) for _, _, n in names] + [i for _, i, _ in names]
    owners = [(f, i, n) for f, i, n in names] * 2
    for _, score, position in process.extract(target, choices, scorer=fuzz.WRatio, limit=25):
        folder, id_, label = owners[position]
        key = Resolved(folder, id_)
        # A provider name beats an event title that merely mentions it.
        weight = score if folder != "events" else score - 8
        if weight > best.get(key, -1):
            best[key] = weight
            labels[key] = label
    ranked = sorted(best.items(), key=lambda kv: (-kv[1], kv[0].id))
    if not ranked or ranked[0][1] < FUZZY_MIN:
        nearest = [f"{r.id} ({labels[r]})" for r, _ in ranked[:3]]
        raise NotFoundError("nothing matches {text!r}", nearest, text=text)
    top_key, top_score = ranked[0]
    close = [r for r, s in ranked if top_score - s <= AMBIGUOUS_GAP]
    if len(close) > 1:
        raise NotFoundError(
            "{text!r} could mean several records; be more precise or use an id",
            [f"{r.id} ({labels[r]})" for r in close],
            text=text,
        )
    return top_key
