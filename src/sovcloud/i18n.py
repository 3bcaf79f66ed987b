"""Languages: picking the English or French version of a record's text."""

from __future__ import annotations

import os
from typing import Any

LANGS = ("en", "fr")


def __getattr__(name: str) -> Any:
    # The French texts are data, kept in their own package and loaded when French is asked
    # for (an English answer never needs them); they are named here too, where the rest of
    # the code finds them.
    if name in ("CHECKS_FR", "FRENCH", "FRENCH_COUNTS"):
        import sovcloud.french

        return getattr(sovcloud.french, name)
    raise AttributeError(f"module 'sovcloud.i18n' has no attribute {name!r}")


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
    "LANGS",
    "current_lang",
    "localized",
    "t",
    "tn",
]


def t(text: str, lang: str = "en", /, **values: object) -> str:
    """`text` in `lang` (English is the key), with {placeholders} filled."""
    if lang == "fr":
        from sovcloud.french import FRENCH

        text = FRENCH.get(text, text)
    return text.format(**values) if values else text


def tn(n: int, one: str, other: str, lang: str = "en", /, **values: object) -> str:
    """The phrase counting `n`, singular or plural as `lang` wants it (gettext's ngettext):
    English `one` and `other` forms, the French ones from FRENCH_COUNTS, {n} and the other
    {placeholders} filled."""
    forms = None
    if lang == "fr":
        from sovcloud.french import FRENCH_COUNTS

        forms = FRENCH_COUNTS.get(other)
    if forms is None:
        text = one if n == 1 else other
    elif n == 0 and len(forms) > 2:
        text = forms[2]
    else:
        text = forms[0] if n <= 1 else forms[1]
    return text.format(n=n, **values)
