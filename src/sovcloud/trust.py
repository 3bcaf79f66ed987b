"""Whether the index cache may be believed, and the key that proves its rows are ours.

The index is a cache, never an authority. It is used only when its folder and file belong to
the current user, are not writable by anyone else and are not symbolic links; and each row
it serves carries a keyed hash (BLAKE2b with a secret key) that sovcloud checks before
believing it. The key is kept outside the cache, in the user's state folder, readable by the
user alone: whoever can only write the cache (a restored CI cache, another account, a
shared folder) cannot forge a row. A cache that fails any of this is set aside and the files
answer instead.

Standard library only, and cheap: `_blake2` loads in a fifth of a millisecond, hashlib
with OpenSSL in three.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Sequence
from pathlib import Path
from typing import Any

try:
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without the builtin module
    from hashlib import blake2b

KEY_BYTES = 32
DIGEST_BYTES = 16
KEY_NAME = "index.key"


class Untrusted(Exception):
    """The cache cannot be believed; the message says why, in a few words."""


def _absolute(variable: str) -> str | None:
    """An XDG base directory from the environment: the specification says a relative path
    is invalid and must be ignored."""
    value = os.environ.get(variable)
    return value if value and os.path.isabs(value) else None


def cache_dir() -> Path:
    """$SOVCLOUD_CACHE_DIR, else $XDG_CACHE_HOME/sovcloud (when absolute), else
    ~/.cache/sovcloud."""
    explicit = os.environ.get("SOVCLOUD_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = _absolute("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "sovcloud"


def state_dir() -> Path:
    """Where the key lives, outside the cache: $SOVCLOUD_STATE_DIR, else
    $XDG_STATE_HOME/sovcloud (when absolute), else ~/.local/state/sovcloud."""
    explicit = os.environ.get("SOVCLOUD_STATE_DIR")
    if explicit:
        return Path(explicit)
    base = _absolute("XDG_STATE_HOME") or os.path.join(os.path.expanduser("~"), ".local", "state")
    return Path(base) / "sovcloud"


def private_dir(path: Path, create: bool = True) -> None:
    """Create `path` (mode 0700) if needed and asked; Untrusted unless it is a folder, not a
    link, of this user, that no one else may write in."""
    try:
        if create:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        st = os.lstat(path)
    except OSError as exc:
        raise Untrusted(f"{path} cannot be used ({exc.strerror or exc})") from None
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise Untrusted(f"{path} is not a folder but a link or a file")
    _owned(path, st)


def check_file(path: Path) -> bool:
    """Whether `path` exists; Untrusted unless it is then a regular file, not a link, of this
    user, that no one else may write."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise Untrusted(f"{path} cannot be used ({exc.strerror or exc})") from None
    if stat.S_ISLNK(st.st_mode):
        raise Untrusted(f"{path} is a symbolic link")
    if not stat.S_ISREG(st.st_mode):
        raise Untrusted(f"{path} is not a regular file")
    _owned(path, st)
    return True


def _owned(path: Path, st: os.stat_result) -> None:
    if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
        raise Untrusted(f"{path} belongs to another user")
    if st.st_mode & 0o022:
        raise Untrusted(f"{path} may be written by other users (chmod go-w)")


def create_private_file(path: Path) -> None:
    """Create an empty file readable and writable by this user only, unless one exists; a
    link in its place is never followed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        os.close(os.open(path, flags, 0o600))
    except FileExistsError:
        pass


def load_key() -> bytes:
    """The user's key, made on first use (32 random bytes, mode 0600); Untrusted when it
    cannot be read or made, or could be read or changed by someone else."""
    folder = state_dir()
    private_dir(folder)
    path = folder / KEY_NAME
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    temp = folder / f".{KEY_NAME}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temp, flags, 0o600)
        try:
            os.write(fd, os.urandom(KEY_BYTES))
            os.fsync(fd)
        finally:
            os.close(fd)
        try:
            os.link(temp, path)  # never replaces a key another process made meanwhile
        except FileExistsError:
            pass
    except OSError as exc:
        raise Untrusted(f"no key can be kept in {folder} ({exc.strerror or exc})") from None
    finally:
        try:
            os.unlink(temp)
        except OSError:
            pass
    try:
        return _read_key(path)
    except FileNotFoundError:
        raise Untrusted(f"no key can be kept in {folder}") from None


def _read_key(path: Path) -> bytes:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise Untrusted(f"{path} cannot be read ({exc.strerror or exc})") from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise Untrusted(f"{path} is not a regular file")
        if hasattr(os, "geteuid") and st.st_uid != os.geteuid():
            raise Untrusted(f"{path} belongs to another user")
        if st.st_mode & 0o077:
            raise Untrusted(f"{path} may be read by other users (chmod 600)")
        key = os.read(fd, KEY_BYTES + 1)
    finally:
        os.close(fd)
    if len(key) != KEY_BYTES:
        raise Untrusted(f"{path} is not a key of {KEY_BYTES} bytes")
    return key


# --- keyed hashes ----------------------------------------------------------------------------


def digest(data: bytes) -> bytes:
    """A plain hash of `data` (a record, a file's other rows): the keyed hash of the file's
    row covers it, so it needs no key of its own."""
    return blake2b(data, digest_size=DIGEST_BYTES).digest()


def seal(key: bytes, values: Sequence[Any]) -> bytes:
    """The keyed hash of a row's values (text, numbers, None, bytes as hex), each written
    out and separated by NUL, which no stored text holds (texts refuse control characters,
    findings are JSON, paths are listed names)."""
    text = "\x00".join(
        "\x01" if v is None else v.hex() if isinstance(v, bytes) else str(v) for v in values
    )
    data = text.encode("utf-8", "surrogatepass")
    return blake2b(data, key=key, digest_size=DIGEST_BYTES).digest()


def sealed(key: bytes, values: Sequence[Any], mac: object) -> bool:
    """Whether `mac` is the keyed hash of `values` (compared in constant time)."""
    from _operator import _compare_digest  # hmac.compare_digest, without hashlib

    return isinstance(mac, bytes) and _compare_digest(seal(key, values), mac)


# --- the witness: how the index file looked when sovcloud last wrote it ---------------------
#
# Checking every row's keyed hash on every command costs seconds at scale (110,000 files).
# A file's change time (st_ctime) is set by the kernel on every write and cannot be set
# back by its owner, so when the index file's device, inode, size, modification and change
# times are those sovcloud sealed right after its own last write, no one else has written
# it since, and its rows are the ones sovcloud checked or wrote. Any other state (a
# restored or copied cache, an edit, a planted journal applied by SQLite) is checked row by
# row once, then witnessed again. Windows reports the creation time as st_ctime: nothing
# witnesses a write there, so every row is checked each time, as before.

WITNESS_SUFFIX = ".witness"


def file_identity(path: Path) -> list[int] | None:
    """What the witness seals of a file: device, inode, size, modification and change
    times; None when it is not a regular file."""
    try:
        st = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        return None
    return [st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def _witness_values(path: Path, identity: list[int]) -> list[Any]:
    return ["sovcloud index witness", str(path), *identity]


def witnessed(path: Path, key: bytes) -> bool:
    """Whether the index file at `path` is as sovcloud left it after its last write (see
    above); False whenever that cannot be told."""
    if os.name == "nt" or os.path.lexists(f"{path}-journal"):
        return False  # a journal left beside the file may still change it
    identity = file_identity(path)
    if identity is None:
        return False
    try:
        fd = os.open(f"{path}{WITNESS_SUFFIX}", os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except OSError:
        return False
    try:
        mac = bytes.fromhex(os.read(fd, 2 * DIGEST_BYTES + 1).decode("ascii", "replace"))
    except ValueError:
        return False
    finally:
        os.close(fd)
    return sealed(key, _witness_values(path, identity), mac)


def witness(path: Path, key: bytes) -> None:
    """Seal how the index file at `path` looks now, right after sovcloud wrote it. A cache
    that cannot take the witness file only costs the next run a check of every row."""
    if os.name == "nt":
        return
    identity = file_identity(path)
    if identity is None:
        return
    mac = seal(key, _witness_values(path, identity)).hex()
    target = f"{path}{WITNESS_SUFFIX}"
    temp = f"{target}.{os.getpid()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(temp, flags, 0o600)
        try:
            os.write(fd, mac.encode("ascii"))
        finally:
            os.close(fd)
        os.replace(temp, target)  # replaces a link itself, never what it points to
    except OSError:
        try:
            os.unlink(temp)
        except OSError:
            pass
