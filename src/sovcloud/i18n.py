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
    "Ownership": "Actionnariat",
    "the owners listed hold all of the capital": (
        "les actionnaires cités détiennent tout le capital"
    ),
    "no source says the owners listed hold all of the capital": (
        "aucune source ne dit que les actionnaires cités détiennent tout le capital"
    ),
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
    "attested": "attesté",
    "labelled": "labellisé",
    "adherent": "adhérent",
    "held": "détenu",
    "unverified": "non vérifié",
    "unknown": "indéterminé",
    "pending": "en cours",
    "superseded": "version dépassée",
    "lapsed": "échu",
    "renewal not confirmed": "renouvellement non confirmé",
    "version unknown": "version inconnue",
    "no source": "sans source",
    "register": "registre",
    "register-copy": "copie du registre",
    "government": "texte officiel",
    "company": "entreprise",
    "press": "presse",
    "analyst": "analyste",
    "opinion": "tribune",
    "other": "autre",
    "no.": "n°",
    "issued by": "délivré par",
    "checked": "vérifié le",
    "notice": "remarque",
    "notices": "remarques",
    "schemes": "référentiels",
    "tags": "étiquettes",
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
    "of": "sur",
    "Tag": "Étiquette",
    "Events": "Événements",
    "Label": "Libellé",
    "Aliases": "Alias",
    "shows them all": "les montre tous",
    "provider": "fournisseur",
    "event": "événement",
    "included only through a pending certification (PENDING)": (
        "inclus seulement par une certification en cours (EN COURS)"
    ),
    "PENDING": "EN COURS",
    "on evidence not proven (unverified: press only, old, or version unknown)": (
        "sur des preuves non établies (non vérifié : presse seule, ancienne, ou version inconnue)"
    ),
    "Not listed, as the recorded dates cannot tell whether they held then:": (
        "Non listés, car les dates enregistrées ne disent pas s'ils détenaient alors :"
    ),
    "expected (not yet happened)": "attendus (pas encore advenus)",
    "As of {day}: certifications valid and owners holding then.": (
        "Au {day} : certifications alors valides et actionnaires d'alors."
    ),
    "Last reviewed {day}.": "Dernière vérification le {day}.",
    "On {day} it did not exist yet (founded {founded}).": (
        "Au {day}, il n'existait pas encore (créé en {founded})."
    ),
    "error": "erreur",
    "warning": "avertissement",
    "nearest": "le plus proche",
    "candidates": "candidats",
    # Errors the commands report.
    "{text!r} is not valid UTF-8 text: type the name again": (
        "{text!r} n'est pas un texte UTF-8 valide : retapez le nom"
    ),
    "give a name, an alias or an id": "donnez un nom, un alias ou un identifiant",
    "{text!r} names several records; use an id": (
        "{text!r} désigne plusieurs fiches ; utilisez un identifiant"
    ),
    "nothing matches {text!r}": "rien ne correspond à {text!r}",
    "{text!r} could mean several records; be more precise or use an id": (
        "{text!r} peut désigner plusieurs fiches ; précisez ou utilisez un identifiant"
    ),
    "no provider with id {id!r}": "aucun fournisseur d'identifiant {id!r}",
    "no event with id {id!r}": "aucun événement d'identifiant {id!r}",
    "no scheme with id {id!r}": "aucun référentiel d'identifiant {id!r}",
    "no tag {text!r}; `sovcloud tags` lists them": (
        "aucune étiquette {text!r} ; `sovcloud tags` les liste"
    ),
    "{path}: the path is not valid UTF-8; rename the folder": (
        "{path} : ce chemin n'est pas en UTF-8 valide ; renommez le dossier"
    ),
    "{path}: no such data directory; pass a folder holding providers/ and events/": (
        "{path} : ce dossier de données n'existe pas ; indiquez un dossier contenant "
        "providers/ et events/"
    ),
    "{path}: cannot be read ({reason}); let your user read and search it": (
        "{path} : illisible ({reason}) ; donnez à votre utilisateur le droit de le lire et "
        "de le parcourir"
    ),
    (
        "{path} is not a data folder: a data folder holds providers/ and events/ (and "
        "schemes/); give the folder that holds them"
    ): (
        "{path} n'est pas un dossier de données : un dossier de données contient providers/ "
        "et events/ (et schemes/) ; indiquez le dossier qui les contient"
    ),
    (
        "{path} is the data installed with sovcloud, which an upgrade replaces: "
        "pass --data pointing at the data folder of your checkout"
    ): (
        "{path} est la copie des données installée avec sovcloud, qu'une mise à jour "
        "remplace : indiquez avec --data le dossier de données de votre copie de travail"
    ),
    "{where}: {code} {message}; run `sovcloud validate` for the full list": (
        "{where} : {code} {message} ; lancez `sovcloud validate` pour la liste complète"
    ),
    "{where}: {code} {message} ({more} more); run `sovcloud validate` for the full list": (
        "{where} : {code} {message} (et {more} autres) ; lancez `sovcloud validate` pour "
        "la liste complète"
    ),
    # validate's summary.
    "valid": "valide",
    "invalid": "invalide",
    "files": "fichiers",
    "errors": "erreurs",
    "warnings": "avertissements",
}

# What each check means and how to fix it, in French; validate shows this before the
# English details (values, field names), which stay as the check wrote them.
CHECKS_FR = {
    "SC001": "fichier illisible : vérifiez ses droits, ce doit être un fichier ordinaire",
    "SC002": "fichier trop gros (plus de 1 Mio) : une fiche est bien plus petite",
    "SC003": "encodage invalide : enregistrez le fichier en UTF-8, sans octet nul",
    "SC004": "erreur de syntaxe YAML : vérifiez l'indentation (espaces, pas de tabulations) "
    "et les guillemets",
    "SC005": "fichier vide : écrivez la fiche ou supprimez le fichier",
    "SC006": "une fiche est une suite de champs `nom: valeur`, pas une liste ni une valeur seule",
    "SC007": "clé en double dans un même bloc : gardez-en une seule",
    "SC008": "balise YAML interdite : les fichiers ne contiennent que des valeurs simples",
    "SC009": "ancres et alias (&nom, *nom) interdits : écrivez chaque valeur en entier",
    "SC010": "imbrication trop profonde : vérifiez l'indentation",
    "SC011": "plusieurs documents YAML (---) : une seule fiche par fichier",
    "SC012": "ce fichier n'est pas lu comme une fiche : les fiches sont des fichiers .yaml dans "
    "providers/ ou events/",
    "SC013": "lien symbolique vers l'extérieur du dossier de données : remplacez-le par le "
    "fichier lui-même",
    "SC014": "dossier providers/ ou events/ manquant : créez-le (il peut rester vide)",
    "SC101": "champ inconnu : corrigez son orthographe ou supprimez-le (voir data/README.md)",
    "SC102": "champ obligatoire manquant : ajoutez-le",
    "SC103": "valeur invalide (type, vocabulaire, date, code pays ou lien) : corrigez-la",
    "SC201": "l'identifiant diffère du nom du fichier : rendez-les identiques",
    "SC202": "identifiant déjà utilisé par une autre fiche : choisissez-en un autre",
    "SC203": "référence à une fiche qui n'existe pas : corrigez l'identifiant ou ajoutez la fiche",
    "SC204": "nom ou alias porté par deux fournisseurs : il doit les distinguer",
    "SC205": "dates dans le désordre : inversez-les ou corrigez-les",
    "SC206": "date future ou qualification expirée encore marquée valide : corrigez la date "
    "ou le statut",
    "SC207": "source citée absente des sources de la fiche : ajoutez-la ou corrigez la citation",
    "SC208": "deux offres ou deux sources de la fiche ont le même identifiant",
    "SC302": "événement toujours « attendu » après sa date : marquez-le advenu ou annulé",
    "SC303": "fiche non vérifiée depuis trop longtemps : relisez-la et mettez à jour last_reviewed",
    "SC209": "référentiel inconnu : utilisez un identifiant de schemes/ ou ajoutez le référentiel",
    "SC210": "étiquette hors vocabulaire : utilisez une étiquette de tags/ ou ajoutez-la",
    "SC211": (
        "un mot du nom mêle plusieurs écritures (latin et cyrillique...) : écrivez chaque mot "
        "dans une seule"
    ),
    "SC212": (
        "nom qui ressemble à s'y méprendre à celui d'un autre fournisseur, écrit avec d'autres "
        "caractères : écrivez-le comme il se lit ou choisissez-en un autre"
    ),
    "SC304": (
        "certification encore marquée détenue après sa fin de validité : notez le "
        "renouvellement, ou passez-la en expired avec ended"
    ),
    "SC305": (
        "certification détenue sur la foi de la presse seule : citez le registre ou l'entreprise"
    ),
    "SC306": (
        "certification sans version alors que la transition vers une version plus récente "
        "est finie : notez la version du certificat"
    ),
    "SC307": (
        "certification non vérifiée depuis trop longtemps : revérifiez-la et mettez à jour checked"
    ),
}


def t(text: str, lang: str = "en", /, **values: object) -> str:
    """`text` in `lang` (English is the key), with {placeholders} filled."""
    if lang == "fr":
        text = FRENCH.get(text, text)
    return text.format(**values) if values else text
