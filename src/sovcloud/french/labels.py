"""French for the headings, labels, errors and vocabularies of the listings, `show`, `stats`
and `schemes`; English is the key.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
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
    "frameworks": "cadres de souveraineté",
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
    "no provider meets every requirement: no dossier written to {file}": (
        "aucun fournisseur ne remplit toutes les exigences : aucun dossier écrit dans {file}"
    ),
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
    "file": "fichier",
    "scheme": "référentiel",
    "tag": "étiquette",
    "framework": "cadre de souveraineté",
    "errors": "erreurs",
    "warnings": "avertissements",
    # Codes of the vocabularies these commands show: event and provider kinds, what a
    # scheme certifies, what a register counts, offers' states.
    "certification": "certification",
    "contract": "contrat",
    "partnership": "partenariat",
    "acquisition": "acquisition",
    "announcement": "annonce",
    "launch": "lancement",
    "regulation": "réglementation",
    "report": "rapport",
    "court-decision": "décision de justice",
    "statement": "déclaration",
    "tender": "appel d'offres",
    "funding": "financement",
    "incident": "incident",
    "cloud-provider": "fournisseur de cloud",
    "hyperscaler": "hyperscaler",
    "joint-venture": "coentreprise",
    "hosting": "hébergeur",
    "integrator": "intégrateur",
    "software-vendor": "éditeur de logiciels",
    "telecom-operator": "opérateur télécom",
    "service": "service",
    "site": "site",
    "product": "produit",
    "services": "services",
    "hosts": "hébergeurs",
    "companies": "entreprises",
    "certificates": "certificats",
    "products": "produits",
    "active": "active",
    "merged": "fusionnée",
    "closed": "fermée",
    # Why a certification entry stands as it does (core/certs.py's REASONS).
    "granted and within its validity": "accordé et en cours de validité",
    "held when last checked; grant date not recorded": (
        "détenu lors de la dernière vérification ; date d'octroi non enregistrée"
    ),
    "only press sources back it": "seule la presse l'atteste",
    "its newest source ({detail}) is older than the scheme's validity period": (
        "sa source la plus récente ({detail}) est plus ancienne que la durée de validité du "
        "référentiel"
    ),
    "version not recorded, and the transition to version {detail} has ended": (
        "version non enregistrée, alors que la transition vers la version {detail} est finie"
    ),
    "its version no longer counts since the transition to version {detail} ended": (
        "sa version ne compte plus depuis la fin de la transition vers la version {detail}"
    ),
    "validity ended on {detail}": "fin de validité : {detail}",
    "validity ended on {detail}; renewal not confirmed": (
        "fin de validité : {detail} ; renouvellement non confirmé"
    ),
    "ended on {detail}": "fin : {detail}",
    "granted later, on {detail}": "accordé plus tard ({detail})",
    "granted during {detail}: the day is not known": (
        "accordé au cours de {detail} : le jour n'est pas connu"
    ),
    "ended during {detail}: the day is not known": (
        "terminé au cours de {detail} : le jour n'est pas connu"
    ),
    "no grant date before it was last checked ({detail})": (
        "pas de date d'octroi avant sa dernière vérification ({detail})"
    ),
    "ended, with no dates to tell when it held": (
        "terminé, sans date qui dise quand il était détenu"
    ),
    "{name}: {text}": "{name} : {text}",
    # stats
    "Providers holding a certification on {day}, by scheme": (
        "Fournisseurs détenant une certification au {day}, par référentiel"
    ),
    "none": "aucun",
    "each {block} is about {size}": "chaque {block} vaut environ {size}",
    "{shade} expected: announced or planned, not yet happened": (
        "{shade} attendu : annoncé ou prévu, pas encore advenu"
    ),
    "Scheme": "Référentiel",
    "Year": "Année",
    "Of which expected": "Dont attendus",
    # The coverage line ending a listing filtered on a scheme, stats and show SCHEME.
    ' of "{title}" ({publisher})': " de « {title} » ({publisher})",
    # schemes, tags
    "Name": "Nom",
    "Authority": "Autorité",
    "Where": "Où",
    "Certifies": "Certifie",
    "Held as": "Statut",
    "Recorded": "Enregistrés",
    "Register": "Registre",
}
