"""What the data's git history says about a window: the record files added, changed and
removed, and on which day each last landed.

This is what the catalogue learnt, as opposed to what happened in the market: a record
added today may tell of an event of 2019. It is known only when the data directory is part
of a git checkout and git is installed; otherwise `History.missing` says why, in words.
git runs read-only (`log`), without a pager, prompts, external diff drivers or the
file-system monitor a repository's configuration could name. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path
from typing import NamedTuple

# The folders that hold records, each file one record named by its id.
RECORD_FOLDERS = ("providers", "events", "schemes", "tags")
ADDED, CHANGED, REMOVED = "added", "changed", "removed"
_STATUS = {"A": ADDED, "M": CHANGED, "T": CHANGED, "D": REMOVED}
TIMEOUT = 60  # seconds: a huge history still answers; a hung git does not hang sovcloud


class FileChange(NamedTuple):
    folder: str  # providers, events, schemes or tags
    id: str  # the record's id: its file name without .yaml
    status: str  # ADDED, CHANGED or REMOVED over the window
    day: str  # the last day in the window a commit touched it (YYYY-MM-DD)


class History(NamedTuple):
    changes: list[FileChange]
    missing: str | None = None  # why the history is not known, when it is not


def record_changes(data_dir: Path, since: dt.date, until: dt.date) -> History:
    """The record files that commits made between `since` and `until` (days, both
    included, by commit date) added, changed or removed, newest first."""
    command = [
        "git",
        "--no-pager",
        "-c",
        "core.fsmonitor=false",
        "-C",
        str(data_dir),
        "log",
        f"--since={since.isoformat()}T00:00:00",
        f"--until={until.isoformat()}T23:59:59",
        "--name-status",
        "--no-renames",  # a moved file: removed here, added there
        "--no-ext-diff",
        "--no-textconv",
        "--relative",  # paths from the data directory, and only under it
        "--format=%x00%cs",
        "--",
        *RECORD_FOLDERS,
    ]
    environment = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "GIT_OPTIONAL_LOCKS": "0"}
    environment.pop("GIT_DIR", None)  # the data directory's own repository, not another
    environment.pop("GIT_WORK_TREE", None)
    try:
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            errors="replace",
            env=environment,
            timeout=TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        return History([], "git is not installed")
    except (OSError, subprocess.TimeoutExpired) as exc:
        return History([], f"git log could not run: {exc}")
    if done.returncode != 0:
        return History([], _why(done.stderr))
    return History(_parse(done.stdout))


def _why(stderr: str) -> str:
    """git's refusal, in the user's terms."""
    if "not a git repository" in stderr:
        return "the data directory is not a git checkout"
    if "dubious ownership" in stderr:
        return "the data's git checkout belongs to another user (see git's safe.directory)"
    first = next((line for line in stderr.splitlines() if line.strip()), "no reason given")
    return f"git log failed: {first.strip()}"


def _parse(output: str) -> list[FileChange]:
    """`git log --name-status --format=%x00%cs` (newest commit first) as one change per
    record file: added if a commit in the window added it (and none removed it since),
    removed if the newest removed it, else changed; dated by the newest commit."""
    statuses: dict[tuple[str, str], list[str]] = {}
    days: dict[tuple[str, str], str] = {}
    day = ""
    for line in output.splitlines():
        if line.startswith("\0"):
            day = line[1:].strip()
            continue
        status, _, path = line.partition("\t")
        folder, _, name = path.partition("/")
        if folder not in RECORD_FOLDERS or "/" in name or not name.endswith(".yaml"):
            continue
        key = (folder, name[: -len(".yaml")])
        statuses.setdefault(key, []).append(_STATUS.get(status[:1], CHANGED))
        days.setdefault(key, day)
    out = []
    for key, seen in statuses.items():  # newest first, as git listed them
        if seen[0] == REMOVED:
            if ADDED in seen:
                continue  # came and went within the window
            status = REMOVED
        else:
            since_removed = seen[: seen.index(REMOVED)] if REMOVED in seen else seen
            status = ADDED if ADDED in since_removed else CHANGED
        out.append(FileChange(key[0], key[1], status, days[key]))
    return out
