"""Shell completion: provider names for NAME arguments and --provider, tags for --tag, scheme
ids, countries and every closed vocabulary for the options taking them, read from the file
names and the derived index, silent whatever goes wrong."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import FIXTURE_DATA, INSTALLED, fixture_run, installed, run
from sovcloud.cli.completion import among, countries, languages, provider_names, schemes, tags


def ctx(data: Path | str | None = FIXTURE_DATA) -> SimpleNamespace:
    """What Typer hands a callback: the context, whose params hold the options given so far."""
    return SimpleNamespace(params={"data": data})


@pytest.fixture
def indexed() -> None:
    """The test catalogue's index, as any earlier query leaves it."""
    assert fixture_run("providers", "-f", "json").exit_code == 0


def test_provider_ids_with_their_names(indexed: None) -> None:
    assert provider_names(ctx(), "b") == [("bleu", "Bleu"), ("bleuet-hosting", "Bleuet Hosting")]
    assert provider_names(ctx(), "thes") == [("thesee-datacenter", "Thésée DataCenter")]
    everything = dict(provider_names(ctx(), ""))
    assert {"bleu", "docaposte", "numspot", "outscale", "thesee-datacenter"} <= set(everything)


def test_one_word_names_and_aliases_complete_as_typed(indexed: None) -> None:
    assert provider_names(ctx(), "Num") == [("NumSpot", "numspot"), ("Numspot", "numspot")]
    # Names of several words would reach bash as several words: their ids are offered.
    assert provider_names(ctx(), "Th") == []


def test_tags_with_their_counts(indexed: None) -> None:
    assert tags(ctx(), "health") == [("health-data-hub", "3 events")]
    assert tags(ctx(), "zzz") == []


@pytest.mark.private_cache  # no index may exist yet
def test_without_an_index_ids_come_from_file_names() -> None:
    # No query has run: the cache directory is empty, and completion never builds it.
    assert provider_names(ctx(), "nu") == [("numspot", "numspot")]
    assert tags(ctx(), "") == []


def test_data_from_the_environment(indexed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOVCLOUD_DATA", str(FIXTURE_DATA))
    assert provider_names(ctx(None), "out") == [("outscale", "Outscale")]


def test_no_data_option_means_the_bundled_data() -> None:
    for context in (ctx(None), None, SimpleNamespace()):
        assert ("s3ns", "s3ns") in provider_names(context, "s3")  # type: ignore[arg-type]


def test_nothing_goes_wrong_loudly(capsys: pytest.CaptureFixture[str]) -> None:
    for context in (ctx("/no/such/folder"), ctx("\0"), SimpleNamespace(params=42)):
        assert provider_names(context, "a") == []  # type: ignore[arg-type]
        assert tags(context, "a") == []  # type: ignore[arg-type]
    assert capsys.readouterr() == ("", "")


def test_a_corrupt_index_completes_nothing(indexed: None) -> None:
    from sovcloud.index import cache_path

    cache_path(FIXTURE_DATA).write_bytes(b"not a database" * 100)
    assert provider_names(ctx(), "n") == []
    assert tags(ctx(), "h") == []


def test_a_name_looking_like_markup_is_escaped_for_typer(data_dir: Path) -> None:
    path = data_dir / "providers" / "bleu.yaml"
    path.write_text(path.read_text().replace("name: Bleu\n", "name: '[/]Bleu'\n", 1))
    assert run("providers", "--data", str(data_dir)).exit_code == 0
    assert ("bleu", r"\[/]Bleu") in provider_names(ctx(data_dir), "bl")


def complete(words: str, cache: Path) -> subprocess.CompletedProcess[str]:
    """What zsh asks sovcloud for when Tab is pressed after `words`."""
    env = {
        **os.environ,
        "_SOVCLOUD_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": words,
        "SOVCLOUD_CACHE_DIR": str(cache),
    }
    code = "import sys; from sovcloud.cli import main; sys.argv = ['sovcloud']; main()"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)


@pytest.fixture(scope="module")
def shell_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache holding the test catalogue's index, as a first query leaves it."""
    cache = tmp_path_factory.mktemp("shell-cache")
    env = {**os.environ, "SOVCLOUD_CACHE_DIR": str(cache)}
    subprocess.run(
        [sys.executable, "-m", "sovcloud", "providers", "--data", str(FIXTURE_DATA)],
        env=env,
        check=True,
        capture_output=True,
    )
    return cache


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (f"sovcloud show --data {FIXTURE_DATA} num", '"numspot":"NumSpot"'),
        (f"sovcloud compare --data {FIXTURE_DATA} bleu out", '"outscale":"Outscale"'),
        (f"sovcloud dossier --data {FIXTURE_DATA} thes", '"thesee-datacenter":"Thésée DataCenter"'),
        (f"sovcloud timeline --data {FIXTURE_DATA} --provider doc", '"docaposte":"Docaposte"'),
        (f"sovcloud timeline --data {FIXTURE_DATA} --tag heal", '"health-data-hub":"3 events"'),
    ],
)
def test_the_shell_gets_the_candidates(shell_cache: Path, words: str, expected: str) -> None:
    done = complete(words, shell_cache)
    assert done.returncode == 0 and done.stderr == "", done
    assert expected in done.stdout


# --- completion runs nothing -------------------------------------------------------------------


def hostile_names(data_dir: Path, marker: Path) -> Path:
    """Providers whose one-word names and aliases would run a command on the command line."""
    touch = f"touch${{IFS}}{marker}"
    path = data_dir / "providers" / "bleu.yaml"
    path.write_text(
        path.read_text().replace(
            "name: Bleu\n",
            f"name: 'Acme$({touch}-name)'\naliases: ['`{touch}-alias`', 'Ac;{touch}-semi']\n",
            1,
        )
    )
    path = data_dir / "providers" / "outscale.yaml"
    path.write_text(
        path.read_text().replace("name: Outscale\n", f"name: 'Out\\$({touch}-help) scale'\n", 1)
    )
    done = installed("validate", str(data_dir))
    assert done.returncode == 0, done.stdout
    assert installed("providers", "--data", str(data_dir)).returncode == 0  # the index
    return data_dir


def shell_candidates(shell: str, words: list[str]) -> list[str]:
    """The installed command's answer to the shell's completion request, line by line."""
    env = {"_SOVCLOUD_COMPLETE": f"complete_{shell}"}
    if shell == "bash":
        env |= {"COMP_WORDS": " ".join(words), "COMP_CWORD": str(len(words) - 1)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": " ".join(words), "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    done = installed(env=env)
    assert done.stderr == "", done.stderr
    return done.stdout.splitlines()


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_candidates_hold_no_shell_metacharacters(
    shell: str, data_dir: Path, tmp_path: Path
) -> None:
    hostile_names(data_dir, tmp_path / "ran")
    for typed in ["A", "`", "O", "b", "o", ""]:
        lines = shell_candidates(shell, ["sovcloud", "show", "--data", str(data_dir), typed])
        for line in lines:
            value = line.split("\t")[0] if shell == "fish" else line
            if shell == "zsh":
                assert "\\" not in line and "$(" not in line.replace("\\$", ""), line
                continue
            assert not set(value) & set("$`;()|&<>\\'\" \t*?![]{}~#"), value
    # The ids stay offered: every provider is still reached.
    assert "bleu" in shell_candidates(shell, ["sovcloud", "show", "--data", str(data_dir), "bl"])[0]


def test_tab_then_enter_in_bash_runs_nothing(data_dir: Path, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    hostile_names(data_dir, marker)
    script = installed(env={"_SOVCLOUD_COMPLETE": "source_bash"}).stdout
    assert "complete -o default -F" in script
    command = f"""
        {script}
        for typed in A '`' Ac O b o ''; do
            COMP_WORDS=(sovcloud show --data {data_dir} "$typed")
            COMP_CWORD=4
            _sovcloud_completion sovcloud
            for candidate in "${{COMPREPLY[@]}}"; do
                # What readline puts on the line, then what Enter does with it.
                eval "true show $candidate"
            done
        done
    """
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", command],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PATH": f"{INSTALLED.parent}:{os.environ['PATH']}"},
    )
    assert done.returncode == 0, done.stderr
    assert list(tmp_path.glob("ran*")) == []


# --- option values --------------------------------------------------------------------------


def with_tag_vocabulary(data_dir: Path) -> Path:
    """The test catalogue with a tags/ folder, as the shipped data has: the three tags its
    events carry, and one no event carries yet."""
    (data_dir / "tags").mkdir()
    for tag in ("health-data-hub", "hds", "secnumcloud", "sovereignty"):
        (data_dir / "tags" / f"{tag}.yaml").write_text(
            f"id: {tag}\nlabel:\n  en: {tag}\n  fr: {tag}\nlast_reviewed: 2026-11-01\n"
        )
    return data_dir


def test_scheme_ids_with_their_names(indexed: None) -> None:
    assert schemes(ctx(), "") == [
        ("bsi-c5", "BSI C5"),
        ("hds", "HDS"),
        ("iso-27001", "ISO 27001"),
        ("secnumcloud", "SecNumCloud"),
    ]
    assert schemes(ctx(), "s") == [("secnumcloud", "SecNumCloud")]


def test_without_an_index_scheme_ids_come_from_file_names() -> None:
    assert [value for value, _ in schemes(ctx(), "")] == [
        "bsi-c5",
        "hds",
        "iso-27001",
        "secnumcloud",
    ]


def test_countries_of_the_providers_recorded(indexed: None) -> None:
    assert countries(ctx(), "") == [("DE", "1 provider"), ("FR", "5 providers")]
    # --country takes `fr` for FR: what was typed in lower case completes so.
    assert countries(ctx(), "f") == [("fr", "5 providers")]


@pytest.mark.private_cache  # no index may exist yet
def test_without_an_index_any_country_code() -> None:
    offered = [value for value, _ in countries(ctx(), "")]
    assert len(offered) == 249 and {"FR", "DE", "US"} <= set(offered)
    assert [value for value, _ in countries(ctx(), "fr")] == ["fr"]


def test_tags_come_from_the_vocabulary_when_there_is_one(data_dir: Path) -> None:
    with_tag_vocabulary(data_dir)
    # Before any query: the file names of tags/.
    assert tags(ctx(data_dir), "") == [
        ("hds", ""),
        ("health-data-hub", ""),
        ("secnumcloud", ""),
        ("sovereignty", ""),
    ]
    assert run("providers", "--data", str(data_dir)).exit_code == 0
    assert tags(ctx(data_dir), "s") == [("secnumcloud", "1 event"), ("sovereignty", "0 events")]


def test_counts_without_sqlite_json_functions(
    indexed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some SQLite builds lack json_each: the records are read instead, to the same end."""
    import sqlite3

    connect = sqlite3.connect

    class NoJson:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.conn = connect(*args, **kwargs)  # type: ignore[arg-type]

        def execute(self, sql: str, *params: object) -> sqlite3.Cursor:
            if "json_" in sql:
                raise sqlite3.OperationalError("no such function: json_each")
            return self.conn.execute(sql, *params)  # type: ignore[arg-type]

        def close(self) -> None:
            self.conn.close()

    monkeypatch.setattr(sqlite3, "connect", NoJson)
    assert countries(ctx(), "") == [("DE", "1 provider"), ("FR", "5 providers")]
    assert tags(ctx(), "h") == [("hds", "1 event"), ("health-data-hub", "3 events")]


def test_closed_vocabularies_and_languages() -> None:
    from sovcloud.i18n import LANGS
    from sovcloud.vocabulary import SERVICE_MODELS

    assert among(SERVICE_MODELS)("p") == ["paas", "private-cloud"]
    assert languages("") == list(LANGS) and languages("f") == ["fr"]
    for lang in languages(""):  # every language offered is one --lang takes
        assert fixture_run("tags", "--lang", lang).exit_code == 0


def shell_values(shell: str, words: str, cache: Path) -> list[str]:
    """The values the installed command offers `shell` when Tab is pressed after `words`
    (the last word being what was typed so far), as the shell's script asks for them, on
    the test catalogue (chosen through $SOVCLOUD_DATA) indexed in `cache`."""
    env = {"SOVCLOUD_DATA": str(FIXTURE_DATA), "SOVCLOUD_CACHE_DIR": str(cache)}
    if shell == "bash":
        env |= {"COMP_WORDS": words, "COMP_CWORD": str(len(words.split(" ")) - 1)}
    else:
        env |= {"_TYPER_COMPLETE_ARGS": words, "_TYPER_COMPLETE_FISH_ACTION": "get-args"}
    done = installed(env={"_SOVCLOUD_COMPLETE": f"complete_{shell}", **env})
    assert done.returncode == 0 and done.stderr == "", done
    if shell == "bash":
        return done.stdout.splitlines()
    if shell == "fish":
        return [line.split("\t")[0] for line in done.stdout.splitlines()]
    # zsh: _arguments '*: :(("value":"help"\n"value"...))', or _files when none.
    import re

    return re.findall(r'^(?:_arguments \'\*: :\(\()?"((?:[^"]|"")*)"', done.stdout, re.M)


# What Tab offers after each option taking a value: (the command line, the values offered).
OPTION_VALUES = [
    ("match --require ", ["bsi-c5", "hds", "iso-27001", "secnumcloud"]),
    ("match --require s", ["secnumcloud"]),
    ("providers --scheme i", ["iso-27001"]),
    ("providers --cert h", ["hds"]),
    ("assess bleu --scheme b", ["bsi-c5"]),
    ("match --service p", ["paas", "private-cloud"]),
    ("providers --country ", ["DE", "FR"]),
    ("match --country f", ["fr"]),
    ("providers --kind h", ["hyperscaler", "hosting"]),
    ("timeline --kind c", ["certification", "contract", "court-decision"]),
    ("export atom feed.xml --kind r", ["regulation", "report"]),
    ("providers --status a", ["active", "announced"]),
    ("providers --sort c", ["country", "certifications"]),
    ("timeline --tag h", ["hds", "health-data-hub"]),
    ("export ics cal.ics --tag s", ["secnumcloud"]),
    ("providers --format ", ["table", "json", "csv", "markdown", "yaml", "tsv", "csv-excel"]),
    ("validate --format g", ["github"]),
    ("show --lang ", ["en", "fr"]),
    ("export ics cal.ics --lang f", ["fr"]),
    ("schema s", ["schemes"]),
    ("assess num", ["numspot"]),
    ("timeline --provider out", ["outscale"]),
]


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
@pytest.mark.parametrize(("words", "expected"), OPTION_VALUES)
def test_option_values_complete_in_each_shell(
    shell: str, words: str, expected: list[str], shell_cache: Path
) -> None:
    assert shell_values(shell, f"sovcloud {words}", shell_cache) == expected


# Options and arguments taking a text no list could hold; every other one completes.
FREE_TEXT_OPTIONS = {"--since", "--until", "--date", "--owner"}
FREE_TEXT_ARGUMENTS = {
    "sovcloud search text",
    "sovcloud new provider name",
    "sovcloud new event title",
}


def test_every_option_taking_a_word_completes_it() -> None:
    """A new option with a closed set of values, or naming a record, must say how Tab
    completes it: this fails when one is added without."""
    from typer.main import get_command

    from sovcloud.cli import app

    def params(command: object, path: str) -> Iterator[tuple[str, object]]:
        for param in getattr(command, "params", []):
            yield path, param
        for name, sub in (getattr(command, "commands", None) or {}).items():
            yield from params(sub, f"{path} {name}")

    missing = []
    for path, param in params(get_command(app), "sovcloud"):
        if getattr(param, "is_flag", False) or param.type.name != "text":  # type: ignore[attr-defined]
            continue  # flags; paths, numbers and days complete as the shell does; choices
        free = set(param.opts) & FREE_TEXT_OPTIONS  # type: ignore[attr-defined]
        free |= {f"{path} {param.name}"} & FREE_TEXT_ARGUMENTS  # type: ignore[attr-defined]
        if param._custom_shell_complete is None and not free:  # type: ignore[attr-defined]
            missing.append(f"{path} {param.opts}")  # type: ignore[attr-defined]
    assert missing == []


def test_file_names_no_shell_could_take_are_not_offered(data_dir: Path) -> None:
    """Before any index, scheme ids and tags are file names: a hostile one is not offered."""
    with_tag_vocabulary(data_dir)
    for folder in ("tags", "schemes"):
        (data_dir / folder / "s$(touch ran).yaml").write_text("id: x\n")
        (data_dir / folder / "s`id`.yaml").write_text("id: x\n")
    assert [v for v, _ in tags(ctx(data_dir), "s")] == ["secnumcloud", "sovereignty"]
    assert [v for v, _ in schemes(ctx(data_dir), "s")] == ["secnumcloud"]
