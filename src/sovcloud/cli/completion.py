"""Shell completion of option values (Typer's `autocompletion=` callbacks): provider names,
scheme ids, tags, countries, and the closed vocabularies (kinds, services, languages...).

They run on every press of Tab, so they read only what they need: the record folders'
file names (a record's id is its file's name), and what the derived index already holds,
the cache file opened read-only with sqlite3, never built or refreshed (that would load the
models and parse YAML). Never an error on screen (it would land in the user's prompt):
anything that goes wrong completes nothing. Before a first query has built the index, ids
come from the file names, without their names as help. Standard library only.

What a shell receives is data too: bash puts a candidate on the command line as it is (Enter
would then run `Acme$(touch x)`), and zsh's script evaluates candidates and their help. So a
value is offered only when every character of it is one no shell acts on (a name that is
not is still reached through its id, a slug), and help loses the characters that could end
zsh's quoting (backslash, `$`, backquote) and control characters.
"""

# No `from __future__ import annotations`: Typer reads these annotations to know which
# arguments a callback takes.
import contextlib
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    import sqlite3

Candidates = list[tuple[str, str]]  # (value, help shown by zsh and fish)

# Letters and digits of any script, and punctuation that no shell expands, quotes or runs
# when it is inside a word (not at its start: `-x` could read as an option, `%` as a job).
# Patterns are compiled when completion runs, not when every command imports this module.
_SAFE_VALUE = r"[^\W_][\w.+,@%-]*"
# In help: what could end zsh's quoting, or drive the terminal.
_UNSAFE_HELP = r"[\\$`\x00-\x1f\x7f-\x9f]"


def shell_safe(value: str) -> bool:
    """Whether `value` can go on a command line as it is: nothing in it is expanded, quoted,
    split or run by bash, zsh or fish."""
    return re.fullmatch(_SAFE_VALUE, value) is not None


def _data_dir(ctx: Any) -> Path:
    """The data directory the command line names so far, as the command would choose it."""
    from sovcloud.paths import resolve_data_dir

    params = getattr(ctx, "params", None) or {}
    return resolve_data_dir(params.get("data"))


@contextlib.contextmanager
def _index(data_dir: Path) -> Iterator["sqlite3.Connection | None"]:
    """The cache file of `data_dir`, read-only, or None when there is none yet."""
    import sqlite3

    from sovcloud.index import cache_path
    from sovcloud.trust import Untrusted, check_file, private_dir

    path = cache_path(data_dir)
    try:
        # The same trust as a query's: this user's file, no one else's to write, no link.
        private_dir(path.parent, create=False)
        if not check_file(path):
            yield None
            return
    except Untrusted:
        yield None
        return
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.5)
    try:
        yield conn
    finally:
        conn.close()


def _ids(data_dir: Path, folder: str) -> list[str]:
    """The ids of a record folder's files, from their names: a directory listing."""
    return sorted(p.stem for p in (data_dir / folder).glob("*.yaml"))


def _names(data_dir: Path, folder: str) -> list[tuple[str, str]]:
    """(id, name) for every name and alias of the records of `folder`, each record's own
    name first; (id, id) from the file names when no index exists yet."""
    with _index(data_dir) as conn:
        if conn is None:
            return [(id_, id_) for id_ in _ids(data_dir, folder)]
        from sovcloud.index import name_rows

        return [(id_, name) for _, id_, name in name_rows(conn, folder)]


def _providers(data_dir: Path, incomplete: str) -> Candidates:
    names = _names(data_dir, "providers")
    # Ids, each with its name as help; and names or aliases of one word (NumSpot, OVHcloud),
    # each with its id. Typer keeps the values that start with what was typed, as typed; a
    # name of several words would reach bash as several words.
    found: dict[str, str] = {}
    for id_, name in names:
        found.setdefault(id_, name)  # the first name listed is the record's own
    for id_, name in names:
        if name != id_ and shell_safe(name):
            found.setdefault(name, id_)
    return [
        (value, _help(text))
        for value, text in sorted(found.items())
        if value.startswith(incomplete) and shell_safe(value)
    ]


def _schemes(data_dir: Path, incomplete: str) -> Candidates:
    # Ids only, each with its name as help: `sovcloud schemes` lists them so, and one
    # candidate for each scheme keeps the list short (names and aliases work when typed).
    found: dict[str, str] = {}
    for id_, name in _names(data_dir, "schemes"):
        found.setdefault(id_, name)
    return [
        (id_, _help(name))
        for id_, name in sorted(found.items())
        if id_.startswith(incomplete) and shell_safe(id_)
    ]


def _tags(data_dir: Path, incomplete: str) -> Candidates:
    # The vocabulary of tags/ when the data has one (as --tag reads it), else the tags the
    # events carry; with how many events carry each, once an index exists.
    counts = _counts(data_dir, "events", "tags")
    vocabulary = _ids(data_dir, "tags") or sorted(counts or {})
    return [
        (tag, "" if counts is None else _events(counts.get(tag, 0)))
        for tag in vocabulary
        if tag.startswith(incomplete) and shell_safe(tag)
    ]


def _events(n: int) -> str:
    return f"{n} event{'s' if n != 1 else ''}"


def _counts(data_dir: Path, folder: str, field: str) -> dict[str, int] | None:
    """How many records of `folder` hold each value of `field` (one value, or a list of
    them), from the index; None when there is no index yet."""
    import json
    import sqlite3

    with _index(data_dir) as conn:
        if conn is None:
            return None
        try:
            # json_each walks a list, and yields a single value as it is.
            rows = conn.execute(
                "SELECT v.value, count(*) FROM files f JOIN records r ON r.fid = f.fid, "
                "json_each(r.record, ?) AS v WHERE f.folder = ? GROUP BY v.value",
                (f"$.{field}", folder),
            ).fetchall()
            return {value: n for value, n in rows if isinstance(value, str)}
        except sqlite3.OperationalError:  # an SQLite without its JSON functions
            counts: dict[str, int] = {}
            for (text,) in conn.execute(
                "SELECT r.record FROM files f JOIN records r ON r.fid = f.fid WHERE f.folder = ?",
                (folder,),
            ):
                found = json.loads(text).get(field)
                for value in found if isinstance(found, list) else [found]:
                    if isinstance(value, str):
                        counts[value] = counts.get(value, 0) + 1
            return counts


def _countries(data_dir: Path, incomplete: str) -> Candidates:
    # The countries of the providers recorded, with how many each; before any index,
    # every ISO code. --country takes `fr` as `FR`: a code completes in the case typed.
    counts = _counts(data_dir, "providers", "country")
    if counts:
        codes = {c: f"{n} provider{'s' if n != 1 else ''}" for c, n in counts.items()}
    else:
        from sovcloud.countries import ISO_3166_ALPHA2

        codes = dict.fromkeys(ISO_3166_ALPHA2, "")
    lower = incomplete.islower()
    return [
        (code.lower() if lower else code, text)
        for code, text in sorted(codes.items())
        if code.startswith(incomplete.upper()) and shell_safe(code)
    ]


def _help(text: str) -> str:
    """Help as Typer shows it: it renders help as Rich markup, which a name such as
    '[/x]' would break (an error in the prompt); escaped, it shows as written. Characters
    that could end zsh's quoting are shown as '?'."""
    from rich.markup import escape

    return escape(re.sub(_UNSAFE_HELP, "?", text))


def provider_names(ctx: typer.Context, incomplete: str) -> Candidates:
    """Provider ids whose id or name starts with what was typed (accents and case ignored)."""
    try:
        return _providers(_data_dir(ctx), incomplete)
    except Exception:  # completion must never print a traceback into the prompt
        return []


def tags(ctx: typer.Context, incomplete: str) -> Candidates:
    """Event tags starting with what was typed, each with how many events carry it."""
    try:
        return _tags(_data_dir(ctx), incomplete)
    except Exception:  # completion must never print a traceback into the prompt
        return []


def schemes(ctx: typer.Context, incomplete: str) -> Candidates:
    """Ids of the schemes recorded in the data (schemes/), each with its name."""
    try:
        return _schemes(_data_dir(ctx), incomplete)
    except Exception:  # completion must never print a traceback into the prompt
        return []


def countries(ctx: typer.Context, incomplete: str) -> Candidates:
    """Country codes of the providers recorded (any ISO code before a first query)."""
    try:
        return _countries(_data_dir(ctx), incomplete)
    except Exception:  # completion must never print a traceback into the prompt
        return []


def languages(incomplete: str) -> list[str]:
    """The languages sovcloud speaks (i18n.LANGS)."""
    from sovcloud.i18n import LANGS

    return [lang for lang in LANGS if lang.startswith(incomplete)]


def among(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    """The completion of a closed vocabulary (sovcloud.vocabulary): the values starting
    with what was typed."""

    def complete(incomplete: str) -> list[str]:
        return [value for value in values if value.startswith(incomplete)]

    return complete
