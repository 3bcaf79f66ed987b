"""Languages: picking the English or French version of a record's text."""

from __future__ import annotations

import os
from typing import Any

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
