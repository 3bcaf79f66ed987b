"""French for the phrases that count something (read by `i18n.tn`)."""

from __future__ import annotations

# Phrases that count something, in French: the English plural is the key, the French forms
# are (one, other) or (one, other, zero). French puts 0 and 1 in the singular, and often
# says "aucun" rather than 0.
FRENCH_COUNTS: dict[str, tuple[str, ...]] = {
    "{n} providers": ("{n} fournisseur", "{n} fournisseurs", "aucun fournisseur"),
    "{n} events": ("{n} événement", "{n} événements", "aucun événement"),
    "{n} expected (not yet happened)": (
        "{n} attendu (pas encore advenu)",
        "{n} attendus (pas encore advenus)",
    ),
    # stats
    "Providers by country ({n} providers)": (
        "Fournisseurs par pays ({n} fournisseur)",
        "Fournisseurs par pays ({n} fournisseurs)",
        "Fournisseurs par pays (aucun fournisseur)",
    ),
    "Events per year ({n} events)": (
        "Événements par année ({n} événement)",
        "Événements par année ({n} événements)",
        "Événements par année (aucun événement)",
    ),
    " ({n} expected)": (" ({n} attendu)", " ({n} attendus)"),
    # coverage
    (
        "{name}: {n} recorded here; the register's own count is not recorded, so this "
        "listing may be incomplete."
    ): (
        "{name} : {n} figure ici ; le décompte du registre lui-même n'est pas enregistré, "
        "cette liste peut donc être incomplète.",
        "{name} : {n} figurent ici ; le décompte du registre lui-même n'est pas enregistré, "
        "cette liste peut donc être incomplète.",
        "{name} : aucun ne figure ici ; le décompte du registre lui-même n'est pas "
        "enregistré, cette liste peut donc être incomplète.",
    ),
    (
        "{name}: {n} of the {count} {unit} are recorded here{share}, by the count of {date}{where}."
    ): (
        "{name} : {n} des {count} {unit} figure ici{share}, selon le décompte du {date}{where}.",
        "{name} : {n} des {count} {unit} figurent ici{share}, selon le décompte du {date}{where}.",
        "{name} : aucun des {count} {unit} ne figure ici{share}, selon le décompte du "
        "{date}{where}.",
    ),
    # schemes, tags
    (
        "{n} schemes. Recorded: entries (or hosts) held here today, against the register's "
        "own latest count."
    ): (
        "{n} référentiel. Enregistrés : entrées (ou hébergeurs) détenues ici aujourd'hui, "
        "rapportées au dernier décompte du registre lui-même.",
        "{n} référentiels. Enregistrés : entrées (ou hébergeurs) détenues ici aujourd'hui, "
        "rapportées au dernier décompte du registre lui-même.",
        "Aucun référentiel.",
    ),
    "{n} tags; `sovcloud timeline --tag TAG` lists the events of one (an alias works too).": (
        "{n} étiquette ; `sovcloud timeline --tag TAG` liste ses événements (un alias convient "
        "aussi).",
        "{n} étiquettes ; `sovcloud timeline --tag TAG` liste les événements de l'une d'elles "
        "(un alias convient aussi).",
        "Aucune étiquette.",
    ),
    # assess
    "{n} met": ("{n} rempli", "{n} remplis"),
    "{n} not met": ("{n} non rempli", "{n} non remplis"),
    "{n} unknown": ("{n} indéterminé", "{n} indéterminés"),
    # match
    "{n} meet every requirement": (
        "{n} remplit toutes les exigences",
        "{n} remplissent toutes les exigences",
        "aucun ne remplit toutes les exigences",
    ),
    "{n} near misses": ("{n} candidat proche", "{n} candidats proches", "aucun candidat proche"),
    "; {n} more near misses not listed (--all lists them)": (
        " ; {n} autre candidat proche non listé (--all le liste)",
        " ; {n} autres candidats proches non listés (--all les liste)",
    ),
    "; {n} providers with nothing toward any requirement not listed (--all lists them)": (
        " ; {n} fournisseur ne remplissant aucune exigence, même en partie, non listé "
        "(--all le liste)",
        " ; {n} fournisseurs ne remplissant aucune exigence, même en partie, non listés "
        "(--all les liste)",
    ),
    # changes
    "and {n} more: sovcloud show {ref}": (
        "et {n} autre : sovcloud show {ref}",
        "et {n} autres : sovcloud show {ref}",
    ),
    "{n} changes from {since} to {until}": (
        "{n} changement entre {since} et {until}",
        "{n} changements entre {since} et {until}",
        "aucun changement entre {since} et {until}",
    ),
    "{n} changes from {since}": (
        "{n} changement depuis {since}",
        "{n} changements depuis {since}",
        "aucun changement depuis {since}",
    ),
    # stale
    "{n} days": ("{n} jour", "{n} jours"),
    "{n} records not reviewed for more than {age} (on {day})": (
        "{n} fiche non vérifiée depuis plus de {age} (au {day})",
        "{n} fiches non vérifiées depuis plus de {age} (au {day})",
        "aucune fiche non vérifiée depuis plus de {age} (au {day})",
    ),
    ": check each against its sources, then update last_reviewed": (
        " : vérifiez-la sur ses sources, puis mettez à jour last_reviewed",
        " : vérifiez chacune sur ses sources, puis mettez à jour last_reviewed",
    ),
    (
        "{n} certification entries whose newest source is older than {age}, or never "
        "checked (on {day}); check each against its register and set `checked`."
    ): (
        "{n} entrée de certification dont la source la plus récente a plus de {age}, ou "
        "jamais vérifiée (au {day}) ; vérifiez-la sur son registre et renseignez `checked`.",
        "{n} entrées de certification dont la source la plus récente a plus de {age}, ou "
        "jamais vérifiées (au {day}) ; vérifiez chacune sur son registre et renseignez "
        "`checked`.",
        "aucune entrée de certification dont la source la plus récente a plus de {age}, ni "
        "jamais vérifiée (au {day}).",
    ),
}
