"""Where the data lives, and which files in it are records.

Standard library only: every command scans the data directory on start-up to know whether
the derived index is still fresh.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from sovcloud.errors import DataDirError, Finding

FOLDERS = ("providers", "events", "schemes", "tags", "frameworks")
# A data directory from before schemes were records has no schemes/: its certifications
# are shown by scheme id and not checked against scheme records; one without frameworks/
# has no sovereignty framework to assess against.
OPTIONAL_FOLDERS = ("schemes", "tags", "frameworks")
RECORD_SUFFIX = ".yaml"
# Files a data directory may hold besides records, which are not data.
_IGNORED_NAMES = {"README.md", "readme.md", "LICENSE", "LICENSE.md", ".gitkeep", ".DS_Store"}


def bundled_data_dir() -> Path:
    """The data shipped with the package, or the checkout's data/ when run from source."""
    here = Path(__file__).resolve().parent
    installed = here / "data"
    if (installed / "providers").is_dir():
        return installed
    return here.parent.parent / "data"


def resolve_data_dir(explicit: str | os.PathLike[str] | None) -> Path:
    """--data, else $SOVCLOUD_DATA, else the bundled data; it must hold providers/ and events/."""
    chosen = explicit or os.environ.get("SOVCLOUD_DATA") or None
    data_dir = Path(chosen) if chosen else bundled_data_dir()
    try:
        str(data_dir).encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8, which no index or output can hold
        raise DataDirError(
            "{path}: the path is not valid UTF-8; rename the folder",
            path=printable(str(data_dir)),
        ) from None
    try:
        found = data_dir.is_dir() and any((data_dir / f).is_dir() for f in FOLDERS)
    except OSError as exc:  # a folder on the way that we may not search
        raise DataDirError(
            "{path}: cannot be read ({reason}); let your user read and search it",
            path=printable(str(data_dir)),
            reason=exc.strerror or str(exc),
        ) from None
    if not data_dir.is_dir():
        raise DataDirError(
            "{path}: no such data directory; pass a folder holding providers/ and events/",
            path=data_dir,
        )
    if not found:
        raise DataDirError(
            "{path} is not a data folder: a data folder holds providers/ and events/ (and "
            "schemes/); give the folder that holds them",
            path=data_dir,
        )
    return data_dir


class RecordFile:
    """A record file found in the data directory, with what identifies its content version.

    A plain class with slots: a large data directory lists 100,000 of them on every run.
    """

    __slots__ = ("folder", "path", "size", "mtime_ns")

    def __init__(self, folder: str, path: str, size: int, mtime_ns: int):
        self.folder = folder
        self.path = path
        self.size = size
        self.mtime_ns = mtime_ns

    @property
    def stem(self) -> str:
        return os.path.basename(self.path)[: -len(RECORD_SUFFIX)]

    def __reduce__(self) -> tuple[type, tuple[str, str, int, int]]:
        return (RecordFile, (self.folder, self.path, self.size, self.mtime_ns))


class Scan:
    """The record files of a data directory, and the files that should not be there."""

    def __init__(self) -> None:
        self.files: list[RecordFile] = []
        self.findings: list[Finding] = []


def folder_times(data_dir: Path) -> dict[str, int]:
    """Modification times of the data directory and its record folders: any file added,
    removed or renamed in them changes one of these. A folder that is not there is -2 (an
    optional folder, schemes/ or tags/, may stay absent: that is a state, not a doubt);
    -1 is kept for a time too recent to trust."""
    times = {}
    for folder in ("", *FOLDERS):
        try:
            times[folder] = os.stat(data_dir / folder).st_mtime_ns
        except OSError:
            times[folder] = -2
    return times


def scan(data_dir: Path) -> Scan:
    """List record files, reporting misplaced files and links that leave the directory."""
    result = Scan()
    root = data_dir.resolve()
    _check_top(data_dir, result.findings)
    for folder in FOLDERS:
        folder_path = data_dir / folder
        if not folder_path.is_dir():
            continue
        if folder_path.is_symlink() and not folder_path.resolve().is_relative_to(root):
            result.findings.append(
                Finding(
                    str(folder_path),
                    1,
                    "SC013",
                    f"is a link to {printable(str(folder_path.resolve()))}, outside the data "
                    "directory: replace the link with the folder itself",
                )
            )
            continue
        try:
            with os.scandir(folder_path) as entries:  # unsorted: callers sort what they show
                listed = list(entries)
        except OSError as exc:  # a folder we may not list: its records cannot be read
            result.findings.append(_unreadable(folder_path, exc))
            continue
        for entry in listed:
            found = _record_file(entry, folder, folder_path, root)
            if isinstance(found, RecordFile):
                result.files.append(found)
            elif found is not None:
                result.findings.append(found)
    return result


def _check_top(data_dir: Path, findings: list[Finding]) -> None:
    """The record folders are there, and nothing else is, but for files people keep beside
    data (README, LICENSE, hidden files)."""
    for folder in FOLDERS:
        if not (data_dir / folder).is_dir() and folder not in OPTIONAL_FOLDERS:
            findings.append(
                Finding(
                    str(data_dir / folder),
                    1,
                    "SC014",
                    f"the folder {folder}/ is missing: create it (it may stay empty)",
                )
            )
    try:
        top = _sorted_entries(data_dir)
    except OSError as exc:
        top = []
        findings.append(_unreadable(data_dir, exc))
    for entry in top:
        if entry.name in FOLDERS and entry.is_dir():
            continue  # a link to a folder elsewhere is reported by scan
        if entry.name in _IGNORED_NAMES or entry.name.startswith("."):
            continue
        findings.append(_misplaced(Path(entry.path), None))


def _record_file(
    entry: os.DirEntry[str], folder: str, folder_path: Path, root: Path
) -> RecordFile | Finding | None:
    """One entry of a record folder: a record file to read, what is wrong with it, or None
    for a file that is rightly there and not a record."""
    name = entry.name
    if not name.isprintable():
        # Control characters could drive a terminal when the name is shown, bytes that
        # are not UTF-8 cannot be stored or printed: show it escaped, read nothing.
        return Finding(
            os.path.join(str(folder_path), printable(name)),
            1,
            "SC012",
            "is not read as a record: its name holds control or invisible "
            "characters, or bytes that are not UTF-8 (shown escaped); rename it",
        )
    if not name.endswith(RECORD_SUFFIX) or name in _IGNORED_NAMES:
        return None if name in _IGNORED_NAMES else _misplaced(Path(entry.path), folder)
    if entry.is_symlink():
        try:
            target = Path(entry.path).resolve()
        except (RuntimeError, OSError):  # a loop of links (3.11: RuntimeError)
            return Finding(
                entry.path,
                1,
                "SC001",
                "cannot be read: it is a link that leads back to itself; "
                "replace it with the record file",
            )
        if not target.is_relative_to(root):
            return Finding(
                entry.path,
                1,
                "SC013",
                f"is a link to {printable(str(target))}, outside the data directory: "
                "replace the link with the file itself",
            )
    try:
        st = entry.stat()
    except OSError as exc:
        return Finding(entry.path, 1, "SC001", f"cannot be read ({exc.strerror})")
    if stat.S_ISREG(st.st_mode):
        return RecordFile(folder, entry.path, st.st_size, st.st_mtime_ns)
    if stat.S_ISDIR(st.st_mode):
        return _misplaced(Path(entry.path), folder)
    # Reading a pipe would wait forever, a device may never end.
    return Finding(
        entry.path,
        1,
        "SC001",
        "cannot be read: it is not a regular file (a pipe, socket or "
        "device); replace it with the record file",
    )


def _unreadable(folder: Path, exc: OSError) -> Finding:
    return Finding(
        printable(str(folder)),
        1,
        "SC001",
        f"cannot be listed ({exc.strerror or exc}): no record in it was read; let your "
        "user read and search the folder (chmod u+rx)",
    )


def printable(path: str) -> str:
    """A path as text that is safe to show: bytes that are not UTF-8 and control or
    invisible characters written as escapes (`\\xff`, `\\x1b`)."""
    if path.isprintable():
        return path
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _sorted_entries(folder: Path) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        return sorted(it, key=lambda e: e.name)


def _misplaced(path: Path, folder: str | None) -> Finding:
    name = printable(path.name)
    if path.is_dir():
        fix = "records live directly in providers/ or events/, not in sub-folders"
    elif name.endswith(".yml"):
        fix = f"rename it to {name[:-4]}{RECORD_SUFFIX} (records end in .yaml)"
    elif folder is None and name.endswith(RECORD_SUFFIX):
        fix = "move it into providers/ or events/"
    else:
        fix = "records are .yaml files in providers/ or events/; move or remove it"
    return Finding(printable(str(path)), 1, "SC012", f"is not read as a record: {fix}")
