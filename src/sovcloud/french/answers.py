"""French for the answers: `assess` and its rules, `match`, `changes` and `stale`; English is
the key.
"""

from __future__ import annotations

ANSWERS: dict[str, str] = {
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
