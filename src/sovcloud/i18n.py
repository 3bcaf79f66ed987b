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


# Headings, labels and messages in French; English is the key. Anything missing is shown in
# English rather than not at all.
FRENCH = {
    "Provider": "Fournisseur",
    "Country": "Pays",
    "Ctry": "Pays",
    "Kind": "Type",
    "Other": "Autres",
    "Owners": "Actionnaires",
    "Technology under licence": "Technologie sous licence",
    "Offers": "Offres",
    "Certifications": "Certifications",
    "Data centres": "Centres de données",
    "Named by": "Cité par",
    "Events, newest first": "Événements, du plus récent au plus ancien",
    "Sources": "Sources",
    "Note": "Remarque",
    "Providers": "Fournisseurs",
    "Actors": "Acteurs",
    "Tags": "Étiquettes",
    "Score": "Score",
    "Match": "Résultat",
    "Why": "Pourquoi",
    "Id": "Identifiant",
    "Status": "Statut",
    "Founded": "Création",
    "Last reviewed": "Dernière vérification",
    "none recorded": "aucun enregistré",
    "also known as": "aussi appelé",
    "founded": "créé en",
    "qualified": "qualifié",
    "certified": "certifié",
    "in progress": "en cours",
    "announced": "annoncé",
    "expired": "expiré",
    "withdrawn": "retiré",
    "since": "depuis",
    "until": "jusqu'au",
    "ended": "fin",
    "expected": "attendu",
    "cancelled": "annulé",
    "shareholder": "actionnaire",
    "parent": "maison mère",
    "offers": "offres",
    "scope": "périmètre",
    "activities": "activités",
    "operated by": "exploité par",
    "providers": "fournisseurs",
    "events": "événements",
    "matches": "résultats",
    "provider": "fournisseur",
    "event": "événement",
    "included only through a pending certification (PENDING)": (
        "inclus seulement par une certification en cours (EN COURS)"
    ),
    "PENDING": "EN COURS",
    "expected (not yet happened)": "attendus (pas encore advenus)",
    "As of {day}: certifications valid and owners holding then.": (
        "Au {day} : certifications alors valides et actionnaires d'alors."
    ),
    "Last reviewed {day}.": "Dernière vérification le {day}.",
    "error": "erreur",
    "nearest": "le plus proche",
    "candidates": "candidats",
}


def t(text: str, lang: str = "en", **values: object) -> str:
    """`text` in `lang` (English is the key), with {placeholders} filled."""
    if lang == "fr":
        text = FRENCH.get(text, text)
    return text.format(**values) if values else text
