"""French: stats, match, assess, changes, stale, schemes and tags with --lang fr, through the
installed command, on the test catalogue: the words a reader sees are French, with French
grammar, and no English heading is left behind."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest

from conftest import FIXTURE_DATA, REPO, installed


def french(*args: str, data: Path = FIXTURE_DATA, width: int = 200) -> str:
    """The command's output with --lang fr, its lines joined: a phrase may wrap anywhere."""
    result = installed(*args, "--lang", "fr", "--data", str(data), env={"COLUMNS": str(width)})
    assert result.returncode == 0, result
    return " ".join(result.stdout.split())


def test_stats_speaks_french() -> None:
    out = french("stats")
    assert "Fournisseurs par pays (6 fournisseurs)" in out
    assert "Fournisseurs détenant une certification au 2026-11-30, par référentiel" in out
    assert "Événements par année (5 événements)" in out
    assert "(1 attendu)" in out and "░ attendu : annoncé ou prévu, pas encore advenu" in out
    assert "HDS : 2 des 302 hébergeurs" in out and "figurent ici" in out
    for english in ("Providers by", "Events per year", "expected", "recorded here", "hosts"):
        assert english not in out
    md = french("stats", "--format", "markdown")
    assert "| Pays | Fournisseurs |" in md and "| Année | Événements | Dont attendus |" in md
    assert "| Référentiel | Fournisseurs |" in md and "Country" not in md


def test_match_speaks_french() -> None:
    out = french(
        "match",
        "--require",
        "secnumcloud",
        "--require",
        "hds",
        "--service",
        "iaas",
        "--service",
        "paas",
    )
    assert "Fournisseur Pays Remplit Manque" in out
    assert "SecNumCloud : en cours (J1)" in out
    assert "HDS : aucune entrée enregistrée" in out
    assert "aucune offre iaas ou paas enregistrée" in out
    assert "HDS : certifié depuis 2019 ; détention non établie le 2026-11-30 : version non" in out
    assert "aucun ne remplit toutes les exigences, 4 candidats proches (au 2026-11-30)" in out
    assert "Services : une offre de l'un de ces types : iaas, paas" in out
    for english in (
        "Provider",
        "Lacks",
        "near miss",
        "none recorded",
        "offer recorded",
        "requirement",
        "not known",
    ):
        assert english not in out
    md = french("match", "--require", "secnumcloud", "--format", "markdown")
    assert "| \\# | Fournisseur | Pays | Remplit | Manque |" in md and "| rien |" in md


def test_assess_speaks_french() -> None:
    out = french("assess", "numspot")
    assert "NumSpot (numspot) profil de souveraineté au 2026-11-30" in out
    assert "NON REMPLI Qualification SecNumCloud détenue (secnumcloud)" in out
    assert "REMPLI Siège social dans l'UE (eu-office)" in out
    assert "INDÉTERMINÉ Aucun actionnaire hors UE au-delà des limites de SecNumCloud 3.2" in out
    assert "Dassault Systèmes (FR), actionnaire, participation non enregistrée" in out
    assert "(détenu le 2026-11-30 : accordé et en cours de validité)" in out
    assert "aucun centre de données n'est enregistré" in out
    assert "(presse)" in out and "(registre)" in out
    assert "3 remplis, 1 non rempli, 2 indéterminés. Comment chacun est décidé" in out
    for english in (
        "MET",
        "UNKNOWN",
        "sovereignty",
        "held on",
        "recorded",
        "shareholder",
        "(press)",
        "How each",
    ):
        assert english not in out
    md = french("assess", "bleu", "--as-of", "2021-01-01", "--format", "markdown")
    assert "# Profil de souveraineté : Bleu (bleu)" in md
    assert "| Critère | Réponse |" in md and "## Centres de données dans l'UE : indéterminé" in md
    assert "Au 2021-01-01 : actionnaires et certifications d'alors." in md
    rules = french("assess", "--rules")
    assert "Siège social dans l'UE (eu-office) Rempli quand le pays du fournisseur" in rules
    assert "Met when" not in rules and "quotes chapter" not in rules


def test_changes_speaks_french() -> None:
    out = french("changes", "--since", "2020")
    assert "Qualifications et certifications accordées" in out
    assert "Outscale : qualification SecNumCloud 3.2 obtenue" in out
    assert "NumSpot : certification HDS 2.0 obtenue" in out
    assert "Thésée DataCenter : qualification SecNumCloud expirée" in out
    assert "NumSpot : Docaposte (FR) devient actionnaire (40%)" in out
    assert "NumSpot (coentreprise, FR) : création" in out
    assert "Événements : déclaration" in out and "(presse)" in out
    assert "10 changements entre 2020 et 2026-11-30" in out
    for english in (
        "granted",
        "Ownership",
        "New providers",
        "became",
        "founded",
        "changes",
        "(press)",
        "statement",
    ):
        assert english not in out
    md = french("changes", "--since", "2020", "--format", "markdown")
    assert "## Changements d'actionnaires" in md and "**2030 (attendu)**" not in md


def test_stale_speaks_french() -> None:
    out = french("stale", "--max-age", "10")
    assert "Dernière vérification Jours Type Fiche Fichier" in out
    assert "fournisseur" in out and "événement" in out
    assert "11 fiches non vérifiées depuis plus de 10 jours (au 2026-11-30) : vérifiez" in out
    assert "records" not in out and "Last reviewed" not in out
    entries = french("stale", "--entries", "--max-age", "30")
    assert "Preuve du Jours Type Vérifiée Fournisseur Entrée Aujourd'hui Fichier" in entries
    assert "presse jamais" in entries and "détenu" in entries
    assert "8 entrées de certification dont la source la plus récente a plus de 30 jours" in entries
    for english in ("Evidence of", "never", "press ", "held", "certification entries"):
        assert english not in entries


def with_vocabulary(tmp_path: Path) -> Path:
    """The test catalogue with a tag vocabulary, and a scheme whose name spelt out is given
    in English and French."""
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    (data / "tags").mkdir()
    for id_, en, fr in (
        ("health-data-hub", "Health Data Hub", "Plateforme des données de santé"),
        ("hds", "Health data hosting (HDS)", "Hébergement de données de santé (HDS)"),
        ("secnumcloud", "SecNumCloud", "SecNumCloud"),
    ):
        (data / "tags" / f"{id_}.yaml").write_text(
            f"id: {id_}\nlabel:\n  en: {en}\n  fr: {fr}\naliases: []\nlast_reviewed: 2026-11-30\n",
            encoding="utf-8",
        )
    scheme = data / "schemes" / "bsi-c5.yaml"
    scheme.write_text(
        scheme.read_text(encoding="utf-8").replace(
            "full_name: Cloud Computing Compliance Criteria Catalogue",
            "full_name:\n  en: Cloud Computing Compliance Criteria Catalogue\n"
            "  fr: Catalogue de critères de conformité du cloud",
        ),
        encoding="utf-8",
    )
    return data


def test_schemes_speaks_french_and_gives_the_french_full_name(tmp_path: Path) -> None:
    data = with_vocabulary(tmp_path)
    out = french("schemes", data=data)
    assert "Identifiant Nom Autorité Où Certifie Statut Enregistrés Registre" in out
    assert "entreprise certifié 2 / 302 hébergeurs" in out
    assert "4 référentiels. Enregistrés : entrées (ou hébergeurs) détenues ici" in out
    for english in ("Authority", "Certifies", "company", "hosts", "schemes.", "Compliance"):
        assert english not in out
    md = french("schemes", "--format", "markdown", data=data)
    assert "| BSI C5 (Catalogue de critères de conformité du cloud) |" in md
    assert "| HDS (Hébergeur de données de santé) |" in md  # spelt out in French only
    english = installed("schemes", "--format", "markdown", "--data", str(data)).stdout
    assert "| BSI C5 (Cloud Computing Compliance Criteria Catalogue) |" in english


def test_tags_speaks_french(tmp_path: Path) -> None:
    out = french("tags", data=with_vocabulary(tmp_path))
    assert "Étiquette Événements Libellé Alias" in out
    assert "Hébergement de données de santé (HDS)" in out
    assert "3 étiquettes ; `sovcloud timeline --tag TAG` liste les événements" in out
    assert "tags;" not in out and "Health data hosting" not in out


def test_french_counts_agree_with_their_number() -> None:
    assert "1 remplit toutes les exigences, 1 candidat proche (au" in french(
        "match", "--require", "hds"
    )
    assert "1 remplit toutes les exigences, 2 candidats proches (au" in french(
        "match", "--require", "secnumcloud"
    )
    assert "aucun candidat proche" in french("match", "--require", "bsi-c5")
    alone = french("match", "--require", "secnumcloud", "--country", "DE")
    assert "aucun ne remplit toutes les exigences" in alone
    assert "1 fournisseur ne remplissant aucune exigence, même en partie, non listé " in alone
    assert "aucune fiche non vérifiée depuis plus de 30 jours" in french("stale", "--max-age", "30")
    assert "plus de 1 jour (au" in french("stale", "--max-age", "1")
    assert "5 événements, 1 attendu (pas encore advenu)" in french("timeline")
    assert french("providers", "--country", "DE").endswith("1 fournisseur")
    assert french("providers", "--country", "IT").endswith("aucun fournisseur")


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["match", "--require", "secnumcloud"],
        ["assess", "numspot"],
        ["changes"],
        ["stale"],
        ["schemes"],
        ["tags"],
    ],
)
def test_an_unknown_language_is_refused_by_each(command: list[str]) -> None:
    result = installed(*command, "--lang", "xx", "--data", str(FIXTURE_DATA))
    assert result.returncode == 2
    assert "'xx' is not a language sovcloud speaks: choose en or fr" in result.stderr


# --- every word has its French, in one place ---------------------------------------------


def _keys_in_source() -> list[tuple[str, int, str, str]]:
    """(file, line, function, key) for every literal text handed to t() or tn()."""
    found = []
    for path in sorted((REPO / "src" / "sovcloud").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("t", "tn"):
                continue
            argument = node.args[0] if node.func.id == "t" else node.args[2]
            branches = [argument]
            while branches:
                branch = branches.pop()
                if isinstance(branch, ast.IfExp):
                    branches += [branch.body, branch.orelse]
                elif isinstance(branch, ast.Constant) and isinstance(branch.value, str):
                    found.append((path.name, node.lineno, node.func.id, branch.value))
    return found


def test_every_text_given_to_t_or_tn_has_its_french() -> None:
    from sovcloud.i18n import FRENCH, FRENCH_COUNTS

    keys = _keys_in_source()
    assert len(keys) > 100
    missing = [
        (path, line, key)
        for path, line, function, key in keys
        if key not in (FRENCH if function == "t" else FRENCH_COUNTS)
    ]
    assert missing == []


def test_every_rule_reason_and_code_shown_has_its_french() -> None:
    from sovcloud.assess_rules import RULES, RULES_INTRO
    from sovcloud.changes import CHANGE_GROUPS
    from sovcloud.core.certs import REASONS, STATES
    from sovcloud.i18n import FRENCH
    from sovcloud.models import HolderUnit, SchemeTarget, SourceType
    from sovcloud.render.assess import STATUS_SHOWN
    from sovcloud.render.schemes import SCHEMES_HEADERS
    from sovcloud.render.stale import STALE_ENTRY_HEADERS, STALE_HEADERS
    from sovcloud.vocabulary import EVENT_KINDS, PROVIDER_KINDS

    texts = [RULES_INTRO, *REASONS.values(), *CHANGE_GROUPS.values(), *STATUS_SHOWN.values()]
    for rule in RULES:
        texts += [rule.title, rule.explanation, *(x.note for x in rule.references)]
    texts += [*STATES, *EVENT_KINDS, *PROVIDER_KINDS, *SchemeTarget, *HolderUnit, *SourceType]
    texts += [*STALE_HEADERS, *STALE_ENTRY_HEADERS, *SCHEMES_HEADERS]
    assert [text for text in texts if text not in FRENCH] == []
