"""French for what each check code means and how to fix it (shown by `validate`)."""

from __future__ import annotations

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
