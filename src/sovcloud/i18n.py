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
    # assess
    "met": "rempli",
    "not met": "non rempli",
    "  sovereignty profile on {day}": "  profil de souveraineté au {day}",
    "{count}. How each is decided: sovcloud assess --rules": (
        "{count}. Comment chacun est décidé : sovcloud assess --rules"
    ),
    "# Sovereignty profile: {name} ({id})": "# Profil de souveraineté : {name} ({id})",
    "On {day}; {count}. The rules: `sovcloud assess --rules`.": (
        "Au {day} ; {count}. Les règles : `sovcloud assess --rules`."
    ),
    "Criterion": "Critère",
    "Answer": "Réponse",
    "## {title}: {status}": "## {title} : {status}",
    "References:": "Références :",
    "How `assess` decides": "Comment `assess` décide",
    (
        "As of {day}: owners then holding and certifications then valid. The country, "
        "licences, offers and data centres carry no dates and are shown as recorded today."
    ): (
        "Au {day} : actionnaires et certifications d'alors. Le pays, les licences, les offres "
        "et les centres de données ne sont pas datés et sont montrés tels qu'enregistrés "
        "aujourd'hui."
    ),
    "Founded {founded}: it did not exist yet on {day}.": (
        "Créé en {founded} : il n'existait pas encore le {day}."
    ),
    "held on {day}": "détenu le {day}",
    "not held on {day}": "non détenu le {day}",
    "the recorded dates do not tell whether it was held on {day}": (
        "les dates enregistrées ne disent pas s'il était détenu le {day}"
    ),
    "{name}: {label} ({when}: {why})": "{name} : {label} ({when} : {why})",
    "{text}; scope: {scope}": "{text} ; périmètre : {scope}",
    "no {name} certification is recorded": "aucune certification {name} n'est enregistrée",
    "registered office in {country}{where}, an EU member state": (
        "siège social : {country}{where}, un État membre de l'UE"
    ),
    "registered office in {country}{where}, not an EU member state": (
        "siège social : {country}{where}, hors de l'UE"
    ),
    "stake given only in words: {note}": "participation décrite seulement en mots : {note}",
    "stake not recorded": "participation non enregistrée",
    "no owner is recorded as holding it on {day}": (
        "aucun actionnaire n'est enregistré comme le détenant le {day}"
    ),
    "parent company": "maison mère",
    "{text}: outside the EU": "{text} : hors de l'UE",
    (
        "{text}: registered in the EU, but its own record names {parent} ({country}) as its "
        "parent company, so it counts as non-EU"
    ): (
        "{text} : immatriculé dans l'UE, mais sa propre fiche désigne {parent} ({country}) "
        "comme sa maison mère : il compte donc comme non européen"
    ),
    "a non-EU parent company controls it: {names}": (
        "une maison mère non européenne le contrôle : {names}"
    ),
    "a non-EU holder has more than {limit}%: {names}": (
        "un détenteur non européen a plus de {limit}% : {names}"
    ),
    "non-EU holders have {known}% together, more than {limit}%": (
        "les détenteurs non européens ont ensemble {known}%, plus de {limit}%"
    ),
    "the owners recorded hold all of the capital, and none is based outside the EU": (
        "les actionnaires enregistrés détiennent tout le capital, et aucun n'est établi hors "
        "de l'UE"
    ),
    "wholly owned by a company based outside the EU": (
        "entièrement détenu par une société établie hors de l'UE"
    ),
    "no percentage is recorded for the non-EU holder(s) {names}": (
        "aucun pourcentage n'est enregistré pour le ou les détenteurs non européens {names}"
    ),
    "(limits {each}% each, {together}% together)": (
        "(limites : {each}% chacun, {together}% ensemble)"
    ),
    (
        "recorded percentages account for all the capital: non-EU holders have at most "
        "{largest}% each and {known}% together {limits}"
    ): (
        "les pourcentages enregistrés couvrent tout le capital : les détenteurs non européens "
        "ont au plus {largest}% chacun et {known}% ensemble {limits}"
    ),
    (
        "recorded percentages account for {total}% of the capital; even if the other {rest}% "
        "were held outside the EU, non-EU holdings would be at most {largest}% each and "
        "{together}% together {limits}"
    ): (
        "les pourcentages enregistrés couvrent {total}% du capital ; même si les {rest}% "
        "restants étaient détenus hors de l'UE, les participations non européennes seraient "
        "d'au plus {largest}% chacune et {together}% ensemble {limits}"
    ),
    "recorded percentages account for {total}% of the capital": (
        "les pourcentages enregistrés couvrent {total}% du capital"
    ),
    "; none is recorded for {names}": " ; aucun n'est enregistré pour {names}",
    ": the other {rest}% might be held outside the EU, beyond the limits {limits}": (
        " : les {rest}% restants pourraient être détenus hors de l'UE, au-delà des limites {limits}"
    ),
    ", outside the EU": ", hors de l'UE",
    "{vendor} ({country}{outside}): {technology}": "{vendor} ({country}{outside}) : {technology}",
    "no technology under licence is recorded": (
        "aucune technologie sous licence n'est enregistrée"
    ),
    "no data centre is recorded": "aucun centre de données n'est enregistré",
    # assess: the rules (`assess --rules`; the README's section stays in English).
    (
        "`sovcloud assess NAME` checks one provider against the rules below, using only what "
        "the catalogue records. Each criterion is met, not met or unknown, and lists the facts "
        "and the sources (publisher, title, date, link) behind the answer; nothing is guessed, "
        "so what the records do not say stays unknown. Owners are those holding on the day "
        "(today, or the day given with --as-of), as are certifications. The answers describe "
        "the records, not a legal opinion."
    ): (
        "`sovcloud assess NAME` confronte un fournisseur aux règles ci-dessous, à partir de ce "
        "que le catalogue enregistre et de cela seulement. Chaque critère est rempli, non "
        "rempli ou indéterminé, et donne les faits et les sources (éditeur, titre, date, lien) "
        "qui fondent la réponse ; rien n'est deviné, si bien que ce que les fiches ne disent "
        "pas reste indéterminé. Les actionnaires retenus sont ceux du jour (aujourd'hui, ou le "
        "jour donné par --as-of), de même que les certifications. Les réponses décrivent les "
        "fiches ; elles ne sont pas un avis juridique."
    ),
    "SecNumCloud qualification held": "Qualification SecNumCloud détenue",
    (
        "Met when a SecNumCloud qualification recorded for the provider is held on the day "
        "(today, or the --as-of day): qualified, granted by then, not past its validity or "
        "end, under a version that still counts, and backed by the register, an official "
        "text or the company itself. Not met when the qualification recorded is in "
        "progress, announced, lapsed or superseded, or when none is recorded (none recorded "
        "is read as none held: `sovcloud schemes` says how much of ANSSI's catalogue the "
        "records cover). Unknown when the records cannot prove it: only press sources, "
        "evidence older than the validity period, no grant date before the entry was last "
        "checked, or a day inside a grant or end date known only to the month or the year."
    ): (
        "Rempli quand une qualification SecNumCloud enregistrée pour le fournisseur est "
        "détenue ce jour-là (aujourd'hui, ou le jour de --as-of) : qualifiée, accordée à cette "
        "date, ni échue ni terminée, sous une version qui compte encore, et attestée par le "
        "registre, un texte officiel ou l'entreprise elle-même. Non rempli quand la "
        "qualification enregistrée est en cours, annoncée, échue ou d'une version dépassée, "
        "ou quand aucune n'est enregistrée (aucune enregistrée vaut aucune détenue : "
        "`sovcloud schemes` dit quelle part du catalogue de l'ANSSI les fiches couvrent). "
        "Indéterminé quand les fiches ne permettent pas de l'établir : sources de presse "
        "seules, preuves plus anciennes que la durée de validité, pas de date d'octroi avant "
        "la dernière vérification de l'entrée, ou un jour compris dans une date d'octroi ou de "
        "fin connue seulement au mois ou à l'année."
    ),
    "Registered office in the EU": "Siège social dans l'UE",
    (
        "Met when the provider's country (where its registered office is) is one of the 27 "
        "EU member states; not met otherwise. This is the first condition of SecNumCloud "
        "3.2's chapter 19.6. The country is backed by the record's own sources."
    ): (
        "Rempli quand le pays du fournisseur (celui de son siège social) est l'un des 27 États "
        "membres de l'UE ; non rempli sinon. C'est la première condition du chapitre 19.6 de "
        "SecNumCloud 3.2. Le pays est attesté par les sources de la fiche elle-même."
    ),
    "No non-EU owner above SecNumCloud 3.2's limits": (
        "Aucun actionnaire hors UE au-delà des limites de SecNumCloud 3.2"
    ),
    (
        "SecNumCloud 3.2, chapter 19.6, allows entities based outside the EU to hold, "
        "directly or indirectly, at most 24% of a qualified provider's capital and voting "
        "rights each and 39% together. Not met when an owner holding on the day is based "
        "outside the EU and is the parent company, or holds more than 24%, or such owners "
        "hold more than 39% together; an EU owner whose own record names a non-EU parent "
        "counts as non-EU (one level up only). Unknown when no owner is recorded, when a "
        "non-EU owner's percentage is not recorded (a stake given only in words is not "
        "interpreted), or when the recorded percentages leave room for unrecorded holders "
        "to exceed the limits. Met only when even the unrecorded rest, were it held outside "
        "the EU, would stay within both limits, or when a source says the owners recorded "
        "hold all of the capital (`ownership: complete`) and none is based outside the EU; "
        "not met when such a source says one non-EU company holds it all. Voting rights "
        "and control agreements, which 19.6 also covers, are not recorded and not checked; "
        "a current SecNumCloud 3.2 qualification means ANSSI checked them. We read the "
        "limits in the 3.2.a draft as quoted by PIALab and in later texts restating them, "
        "not in ANSSI's final 3.2 document of 8 March 2022 itself."
    ): (
        "Le chapitre 19.6 de SecNumCloud 3.2 permet à des entités établies hors de l'UE de "
        "détenir, directement ou indirectement, au plus 24 % du capital et des droits de vote "
        "d'un prestataire qualifié chacune, et 39 % ensemble. Non rempli quand un actionnaire "
        "du jour est établi hors de l'UE et est la maison mère, ou détient plus de 24 %, ou "
        "quand de tels actionnaires détiennent ensemble plus de 39 % ; un actionnaire européen "
        "dont la propre fiche désigne une maison mère hors UE compte comme non européen (un "
        "seul niveau au-dessus). Indéterminé quand aucun actionnaire n'est enregistré, quand le "
        "pourcentage d'un actionnaire non européen n'est pas enregistré (une participation "
        "décrite seulement en mots n'est pas interprétée), ou quand les pourcentages "
        "enregistrés laissent à des détenteurs non enregistrés de quoi dépasser les limites. "
        "Rempli seulement quand même le reste non enregistré, s'il était détenu hors de l'UE, "
        "resterait dans les deux limites, ou quand une source dit que les actionnaires "
        "enregistrés détiennent tout le capital (`ownership: complete`) et qu'aucun n'est "
        "établi hors de l'UE ; non rempli quand une telle source dit qu'une seule société non "
        "européenne détient tout. Les droits de vote et les accords de contrôle, que le 19.6 "
        "couvre aussi, ne sont ni enregistrés ni vérifiés ; une qualification SecNumCloud 3.2 "
        "en cours de validité signifie que l'ANSSI les a vérifiés. Nous lisons les limites "
        "dans le projet 3.2.a tel que PIALab le cite et dans des textes ultérieurs qui les "
        "reprennent, non dans le document final 3.2 de l'ANSSI du 8 mars 2022 lui-même."
    ),
    "No technology under licence from a non-EU company": (
        "Aucune technologie sous licence d'une société hors UE"
    ),
    (
        "Not met (flagged) when the provider runs technology under licence from a company "
        "based outside the EU, as Bleu runs Microsoft's and S3NS Google's: the vendor's "
        "country is recorded with each licence. Met otherwise, including when no licence is "
        "recorded (the catalogue records licences its sources report). Licences carry no "
        "dates: --as-of shows them as recorded today."
    ): (
        "Non rempli (signalé) quand le fournisseur exploite une technologie sous licence d'une "
        "société établie hors de l'UE, comme Bleu celle de Microsoft et S3NS celle de Google : "
        "le pays de l'éditeur est enregistré avec chaque licence. Rempli sinon, y compris "
        "quand aucune licence n'est enregistrée (le catalogue enregistre les licences que ses "
        "sources rapportent). Les licences ne sont pas datées : --as-of les montre telles "
        "qu'enregistrées aujourd'hui."
    ),
    "Data centres in the EU": "Centres de données dans l'UE",
    (
        "Met when every data centre recorded is in an EU member state; not met when one is "
        "outside the EU (the facts say which); unknown when none is recorded. Data centres "
        "carry no dates: --as-of shows them as recorded today."
    ): (
        "Rempli quand chaque centre de données enregistré est dans un État membre de l'UE ; "
        "non rempli quand l'un d'eux est hors de l'UE (les faits disent lequel) ; indéterminé "
        "quand aucun n'est enregistré. Les centres de données ne sont pas datés : --as-of les "
        "montre tels qu'enregistrés aujourd'hui."
    ),
    "HDS certification held (health data)": "Certification HDS détenue (données de santé)",
    (
        "As for SecNumCloud, with the HDS certification that French law requires of hosts "
        "of personal health data: met when held on the day, not met when in progress, "
        "lapsed or not recorded, unknown when the recorded dates cannot tell."
    ): (
        "Comme pour SecNumCloud, avec la certification HDS que le droit français exige des "
        "hébergeurs de données de santé à caractère personnel : rempli quand elle est détenue "
        "ce jour-là, non rempli quand elle est en cours, échue ou non enregistrée, indéterminé "
        "quand les dates enregistrées ne permettent pas de le dire."
    ),
    "{name} held": "{name} détenu",
    (
        "Met when a {name} certification recorded for the provider is held on the day, as "
        "every command states it; not met when it is in progress, lapsed or superseded, or "
        "none is recorded; unknown when the records cannot prove it."
    ): (
        "Rempli quand une certification {name} enregistrée pour le fournisseur est détenue ce "
        "jour-là, telle que chaque commande l'indique ; non rempli quand elle est en cours, "
        "échue ou d'une version dépassée, ou quand aucune n'est enregistrée ; indéterminé quand "
        "les fiches ne permettent pas de l'établir."
    ),
    (
        "quotes chapter 19.6 of the 3.2.a draft ANSSI published for comment: capital and "
        "voting rights not held, directly or indirectly, above 24% individually or 39% "
        "collectively by entities based outside the EU"
    ): (
        "cite le chapitre 19.6 du projet 3.2.a que l'ANSSI a soumis aux commentaires : capital "
        "et droits de vote non détenus, directement ou indirectement, au-delà de 24 % "
        "individuellement ou de 39 % collectivement par des entités établies hors de l'UE"
    ),
    (
        "the new chapter 19.6: EU registered office; third parties outside the EU at most "
        "24% individually and 39% collectively"
    ): (
        "le nouveau chapitre 19.6 : siège social dans l'UE ; tiers hors UE à 24 % au plus "
        "individuellement et 39 % collectivement"
    ),
    "restates article 19.6 of the SecNumCloud requirements with the same 24% and 39% limits": (
        "reprend l'article 19.6 du référentiel SecNumCloud avec les mêmes limites de 24 % et 39 %"
    ),
    # match
    "Has": "Remplit",
    "Lacks": "Manque",
    "nothing": "rien",
    "{name}: none recorded": "{name} : aucune entrée enregistrée",
    "{name}: held for {covered} offers only, not {uncovered}": (
        "{name} : détenu pour des offres {covered} seulement, pas {uncovered}"
    ),
    "{name}: {label}; not known to be held on {day}: {why}": (
        "{name} : {label} ; détention non établie le {day} : {why}"
    ),
    "{name}: not held on {day} (now {words})": "{name} : non détenu le {day} (aujourd'hui {words})",
    "{name}: not yet granted on {day} ({label})": "{name} : pas encore accordé le {day} ({label})",
    "{service} offer: {names}": "offre {service} : {names}",
    "{service} offer announced: {names}": "offre {service} annoncée : {names}",
    "{service} offer no longer active: {names}": "offre {service} plus active : {names}",
    "no {service} offer recorded": "aucune offre {service} enregistrée",
    " or ": " ou ",
    " (on {day})": " (au {day})",
    ". Services: an offer of any of {services}": (
        ". Services : une offre de l'un de ces types : {services}"
    ),
    ". Services: an offer of every one of {services}": (
        ". Services : une offre de chacun de ces types : {services}"
    ),
    "no provider has a certification of scheme {scheme!r} recorded: check the spelling": (
        "aucun fournisseur n'a de certification du référentiel {scheme!r} enregistrée : "
        "vérifiez l'orthographe"
    ),
    # changes
    "Qualifications and certifications granted": "Qualifications et certifications accordées",
    "Qualifications and certifications expired or ended": (
        "Qualifications et certifications expirées ou terminées"
    ),
    "Ownership changes": "Changements d'actionnaires",
    "New providers": "Nouveaux fournisseurs",
    "What the catalogue learnt: entries checked against their sources": (
        "Ce que le catalogue a appris : entrées vérifiées sur leurs sources"
    ),
    "What the catalogue learnt: records added": "Ce que le catalogue a appris : fiches ajoutées",
    "What the catalogue learnt: records changed": (
        "Ce que le catalogue a appris : fiches modifiées"
    ),
    "What the catalogue learnt: records removed": (
        "Ce que le catalogue a appris : fiches supprimées"
    ),
    "Records added or changed: unknown, {why}.": (
        "Fiches ajoutées ou modifiées : inconnues, {why}."
    ),
    "the data directory is not a git checkout": ("le dossier de données n'est pas un dépôt git"),
    "git is not installed": "git n'est pas installé",
    "the data's git checkout belongs to another user (see git's safe.directory)": (
        "le dépôt git des données appartient à un autre utilisateur (voir safe.directory de git)"
    ),
    "{title}: {kind}": "{title} : {kind}",
    "qualification": "qualification",
    "{name}: {label} checked ({state})": "{name} : {what} {label} vérifiée ({state})",
    "{name}: {label} qualified": "{name} : qualification {label} obtenue",
    "{name}: {label} certified": "{name} : certification {label} obtenue",
    "{name}: {label} expired": "{name} : {what} {label} expirée",
    "{name}: {label} withdrawn": "{name} : {what} {label} retirée",
    "{name}: {label} ended": "{name} : {what} {label} terminée",
    "{name}: {label} due to expire": "{name} : {what} {label} arrivant à échéance",
    "the parent company": "la maison mère",
    "a shareholder": "actionnaire",
    "{name}: {owner} ({country}) became {role}{stake}": (
        "{name} : {owner} ({country}) devient {role}{stake}"
    ),
    "{name}: {owner} ({country}) ceased to be {role}{stake}": (
        "{name} : {owner} ({country}) cesse d'être {role}{stake}"
    ),
    "{name} ({kind}, {country}) founded": "{name} ({kind}, {country}) : création",
    "{name} ({kind}, {country}) announced": "{name} ({kind}, {country}) : annonce",
    # stale
    "Days": "Jours",
    "Type": "Type",
    "Record": "Fiche",
    "File": "Fichier",
    "Evidence of": "Preuve du",
    "Checked": "Vérifiée",
    "Entry": "Entrée",
    "Now": "Aujourd'hui",
    "never": "jamais",
}

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
