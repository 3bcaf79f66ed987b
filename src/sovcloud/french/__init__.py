"""The French texts, data only, read through `sovcloud.i18n` (`t`, `tn`). English is the key
everywhere: a text missing here is shown in English rather than not at all.

Kept in one module per family of commands so that each stays short; `FRENCH` joins them.
"""

from __future__ import annotations

from sovcloud.french.answers import ANSWERS
from sovcloud.french.checks import CHECKS_FR
from sovcloud.french.counts import FRENCH_COUNTS
from sovcloud.french.labels import LABELS

# Headings, labels and messages in French; English is the key.
FRENCH: dict[str, str] = {**LABELS, **ANSWERS}

__all__ = ["CHECKS_FR", "FRENCH", "FRENCH_COUNTS"]
