"""Shell completion of provider names and event tags (Typer's `autocompletion=` callbacks).

They run on every press of Tab, so they read what the derived index already holds: the
cache file opened read-only with sqlite3, never built or refreshed (that would load the
models and parse YAML), and never an error on screen (it would land in the user's prompt):
anything that goes wrong completes nothing. Before a first query has built the index,
provider ids come from the file names. Standard library only.

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
from collections.abc import Iterator
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


def _providers(data_dir: Path, incomplete: str) -> Candidates:
    with _index(data_dir) as conn:
        if conn is None:
            names = [(p.stem, p.stem) for p in sorted((data_dir / "providers").glob("*.yaml"))]
        else:
            from sovcloud.index import name_rows

            names = [(id_, name) for _, id_, name in name_rows(conn, "providers")]
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


def _tags(data_dir: Path, incomplete: str) -> Candidates:
    import json
    import sqlite3

    counts: dict[str, int] = {}
    with _index(data_dir) as conn:
        if conn is None:
            return []
        try:
            rows = conn.execute(
                "SELECT t.value, count(*) FROM files f JOIN records r ON r.fid = f.fid, "
                "json_each(r.record, '$.tags') AS t WHERE f.folder = 'events' GROUP BY t.value"
            ).fetchall()
            counts = dict(rows)
        except sqlite3.OperationalError:  # an SQLite without its JSON functions
            for (text,) in conn.execute(
                "SELECT r.record FROM files f JOIN records r ON r.fid = f.fid "
                "WHERE f.folder = 'events'"
            ):
                for tag in json.loads(text).get("tags", []):
                    counts[tag] = counts.get(tag, 0) + 1
    return [
        (tag, f"{n} event{'s' if n != 1 else ''}")
        for tag, n in sorted(counts.items())
        if isinstance(tag, str) and tag.startswith(incomplete) and shell_safe(tag)
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
