"""Languages: picking the English or French version of a record's text."""

from __future__ import annotations

import os
from typing import Any

# The French texts are data, kept in their own package; they are named here too, where the
# rest of the code finds them.
from sovcloud.french import CHECKS_FR, FRENCH, FRENCH_COUNTS

LANGS = ("en", "fr")


def current_lang(explicit: str | None = None) -> str:
    """--lang, else $SOVCLOUD_LANG, else English."""
    lang = (explicit or os.environ.get("SOVCLOUD_LANG") or "en").lower()
    return lang if lang in LANGS else "en"


def localized(value: Any, lang: str = "en") -> str:
    """The text in `lang` when the record has it, else the other version, else ''."""
    if value is None:
        return ""
    if isinstance(value, dict):
        other = "fr" if lang == "en" else "en"
        return value.get(lang) or value.get(other) or ""
    return str(value)


__all__ = [
    "CHECKS_FR",
    "FRENCH",
    "FRENCH_COUNTS",
    "LANGS",
    "current_lang",
    "localized",
    "t",
    "tn",
]


def t(text: str, lang: str = "en", /, **values: object) -> str:
    """`text` in `lang` (English is the key), with {placeholders} filled."""
    if lang == "fr":
        text = FRENCH.get(text, text)
    return text.format(**values) if values else text


def tn(n: int, one: str, other: str, lang: str = "en", /, **values: object) -> str:
    """The phrase counting `n`, singular or plural as `lang` wants it (gettext's ngettext):
    English `one` and `other` forms, the French ones from FRENCH_COUNTS, {n} and the other
    {placeholders} filled."""
    forms = FRENCH_COUNTS.get(other) if lang == "fr" else None
    if forms is None:
        text = one if n == 1 else other
    elif n == 0 and len(forms) > 2:
        text = forms[2]
    else:
        text = forms[0] if n <= 1 else forms[1]
    return text.format(n=n, **values)
