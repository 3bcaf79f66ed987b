"""Writing files whole or not at all.

Every writer stages its output in a temporary file beside the target (same directory, so
same file system), flushes it to disk with fsync, then moves it into place with one rename:
a reader, a crash or a full disk sees the old file or the new one, never half of one. An
existing target is kept unless the caller says to replace it; without `force`, the final
step is a hard link, which fails rather than replace a file that appeared in the meantime.

Only regular files are ever replaced. A target that is a pipe or a character device (or a
link to one, such as /dev/stdout) is written into, as a shell's `>` would, and never
replaced by a file (as root, replacing /dev/null would break the system); one that must be
staged whole (a database), a block device or a socket is refused. Standard library only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from sovcloud.errors import SovcloudError


class WriteError(SovcloudError):
    """A file could not be written, or would have replaced one without --force."""


def check_free(path: Path, force: bool) -> None:
    """Refuse early, before any work, when `path` exists and may not be replaced."""
    try:
        if not force and (path.exists() or path.is_symlink()):
            raise WriteError(f"{path} already exists: pass --force to replace it")
        if path.is_dir():
            raise WriteError(f"{path} is a directory: give a file name")
    except OSError as exc:  # a name too long, a folder that cannot be searched
        raise WriteError(f"cannot write {path}: {_reason(exc)}") from None


def write_bytes(path: Path, data: bytes, *, force: bool = False) -> None:
    """Write `data` to `path` atomically; into it, when it is a pipe or a character device
    (which --force allows, as it allows replacing a file)."""
    special = _special(path)
    if special is not None:
        if not force:
            raise WriteError(f"{path} already exists: pass --force to replace it")
        _write_into(path, data, special)
        return
    with staged(path, force=force) as temp, open(temp, "wb") as handle:
        handle.write(data)


def _special(path: Path) -> int | None:
    """The file type of what `path` leads to (links followed) when it exists and is neither
    a regular file nor a folder; else None."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return stat.S_IFMT(mode)


def _refuse_special(path: Path, what: str) -> None:
    if _special(path) is not None:
        raise WriteError(
            f"{path} is not a regular file (a pipe, a device or a socket): {what} is written "
            "only to a file, which never replaces it; give a file name"
        )


def _write_into(path: Path, data: bytes, kind: int) -> None:
    """Write `data` into a pipe or a character device without replacing it."""
    if kind not in (stat.S_IFIFO, stat.S_IFCHR):
        _refuse_special(path, "this")
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)
    if kind == stat.S_IFIFO:
        flags |= os.O_NONBLOCK  # fails at once when no one reads the pipe
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise WriteError(f"cannot write {path}: no process is reading the pipe") from None
        raise WriteError(f"cannot write {path}: {_reason(exc)}") from None
    try:
        opened = os.fstat(fd).st_mode
        if stat.S_IFMT(opened) != kind:  # swapped since we looked: write nothing
            raise WriteError(f"cannot write {path}: it changed while it was opened")
        os.set_blocking(fd, True)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {_reason(exc)}") from None
    finally:
        os.close(fd)


def write_text(path: Path, text: str, *, force: bool = False) -> None:
    """Write `text` to `path` atomically, as UTF-8 with the newlines given."""
    write_bytes(path, text.encode("utf-8"), force=force)


@contextlib.contextmanager
def staged(path: Path, *, force: bool = False) -> Iterator[Path]:
    """A temporary path to write, moved onto `path` when the block ends without error.

    For writers that need a file name rather than a stream (SQLite). Whatever the block
    leaves at the temporary path is fsynced and renamed; on any error it is removed and
    `path` is left as it was.
    """
    check_free(path, force)
    _refuse_special(path, "this output")
    temp = _temp_name(path)
    try:
        # Created here, with the usual permissions (0666 less the umask), so that the
        # final file gets them too: tempfile.mkstemp would leave it readable by us only.
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
        yield temp
        _fsync_file(temp)
        _move(temp, path, force)
        _fsync_dir(path.parent)
    except OSError as exc:
        raise WriteError(f"cannot write {path}: {_reason(exc)}") from exc
    finally:
        # Clean-up never hides the error that stopped the write (on a read-only file
        # system, removing a file that was never created fails too).
        for suffix in ("", "-journal", "-wal", "-shm"):  # what an interrupted SQLite leaves
            with contextlib.suppress(OSError):
                os.unlink(f"{temp}{suffix}")


@contextlib.contextmanager
def staged_files(directory: Path, names: Iterable[str], *, force: bool = False) -> Iterator[Path]:
    """A temporary folder in which to write `names`, all moved into `directory` at the end.

    `directory` is created when missing (its parent must exist). Nothing is moved until every
    file is written and fsynced, so a failure leaves `directory` as it was (and removes it if
    this call created it); files of `directory` with other names are never touched.
    """
    names = list(names)
    if directory.exists() and not directory.is_dir():
        raise WriteError(f"{directory} exists and is not a directory: give a folder name")
    for name in names:
        check_free(directory / name, force)
        _refuse_special(directory / name, "each table")
    created = False
    stage: Path | None = None
    try:
        if not directory.exists():
            directory.mkdir()
            created = True
        stage = _temp_name(directory / ".sovcloud-export")
        stage.mkdir()
        yield stage
        for name in names:
            _fsync_file(stage / name)
        _fsync_dir(stage)
        for name in names:
            _move(stage / name, directory / name, force)
        _fsync_dir(directory)
    except OSError as exc:
        raise WriteError(f"cannot write {directory}: {_reason(exc)}") from exc
    finally:
        if stage is not None:
            shutil.rmtree(stage, ignore_errors=True)
        if created:
            with contextlib.suppress(OSError):  # never hides the error that stopped us
                if not any(directory.iterdir()):
                    directory.rmdir()


# The longest file name most file systems take, in bytes.
NAME_MAX = 255


def _temp_name(path: Path) -> Path:
    """A hidden name beside `path`, from its name and a random part; the name is cut short
    when it would be longer than a file name may be, so that any name that can be written
    can be staged."""
    suffix = f".{secrets.token_hex(4)}.tmp"
    name = path.name
    room = NAME_MAX - len(suffix) - 1
    while len(os.fsencode(name)) > room:
        name = name[:-1]
    return path.with_name(f".{name}{suffix}")


def _move(temp: Path, path: Path, force: bool) -> None:
    if force:
        _refuse_special(path, "this output")  # appeared since the first look
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)  # fails if `path` exists, unlike a rename
    except FileExistsError:
        raise WriteError(f"{path} already exists: pass --force to replace it") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EXDEV):
            raise
        # No hard links on this file system (FAT, some network shares): check, then rename.
        if path.exists():
            raise WriteError(f"{path} already exists: pass --force to replace it") from None
        os.replace(temp, path)
        return
    os.unlink(temp)


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    # Makes the rename itself durable; not every platform can open a directory.
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)
