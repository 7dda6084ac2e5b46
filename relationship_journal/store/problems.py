"""What an error of the operating system or of SQLite means for the user, and what to do.

Errors are told apart by their code (``errno``, SQLite's primary result code), never by
their English text, which varies between systems and versions.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

# SQLite's primary result codes (https://sqlite.org/rescode.html).
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26

FULL = "the disk is full"
READ_ONLY = "it is on a read-only file system"
NO_PERMISSION = "permission denied"

# errno → (what it is, what to do about it)
_OS_MEANINGS: dict[int, tuple[str, str]] = {
    errno.ENOSPC: (FULL, "Free some space and try again."),
    errno.EDQUOT: ("the disk quota is used up", "Free some space and try again."),
    errno.EFBIG: ("the file is too large for its file system", "Choose another place."),
    errno.EROFS: (READ_ONLY, "Remount it read-write, or use a folder you can write to."),
    errno.EACCES: (NO_PERMISSION, "Check the permissions of the file and its folder."),
    errno.EPERM: (NO_PERMISSION, "Check the permissions of the file and its folder."),
    errno.EISDIR: ("it is a folder, not a file", "Move the folder away or name a file."),
    errno.ENOTDIR: (
        "a part of its path is a file, not a folder",
        "Move that file away or choose another place.",
    ),
    errno.ENOENT: ("it or its folder does not exist", "Check the path."),
    errno.ELOOP: ("its path loops through symbolic links", "Check the path."),
    errno.ENAMETOOLONG: ("its name is too long", "Choose a shorter name."),
    errno.EIO: (
        "the disk reported an input/output error",
        "Check the disk; copy your backups elsewhere if it is failing.",
    ),
    errno.ENOLCK: ("its file system cannot lock files", "Use a folder on a local disk."),
}

# SQLite primary result code → (what it is, what to do about it)
_SQLITE_MEANINGS: dict[int, tuple[str, str]] = {
    SQLITE_FULL: (FULL, "Free some space and try again."),
    SQLITE_READONLY: (
        "it cannot be written (a read-only file or folder)",
        "Make the data folder writable and try again.",
    ),
    SQLITE_CANTOPEN: (
        "it cannot be opened (its folder is missing or cannot be written)",
        "Check that the data folder exists and is writable.",
    ),
    SQLITE_IOERR: (
        "the disk reported an input/output error",
        "Check the disk and that it has free space.",
    ),
    SQLITE_PERM: (NO_PERMISSION, "Check the permissions of the data folder."),
    SQLITE_NOMEM: ("the computer ran out of memory", "Close other programs and try again."),
    SQLITE_BUSY: (
        "another program kept it busy for too long",
        "Try again in a moment.",
    ),
    SQLITE_LOCKED: (
        "another program kept it busy for too long",
        "Try again in a moment.",
    ),
}


def os_meaning(error: OSError) -> tuple[str, str]:
    """(cause, advice) for an ``OSError``."""
    if error.errno in _OS_MEANINGS:
        return _OS_MEANINGS[error.errno]
    return (error.strerror or str(error), "")


def sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code of a DB-API error (either binding), or None."""
    original = getattr(error, "orig", None) or error
    code = getattr(original, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_damage(error: BaseException) -> bool:
    return sqlite_code(error) in (SQLITE_CORRUPT, SQLITE_NOTADB)


def is_busy(error: BaseException) -> bool:
    return sqlite_code(error) in (SQLITE_BUSY, SQLITE_LOCKED)


def sqlite_meaning(error: BaseException, where: Path | None = None) -> tuple[str, str] | None:
    """(cause, advice) for a known SQLite error of the environment; None for anything else
    (a bug, or damage, which callers report with the file's name). SQLite reports a disk
    that filled up while it made its side files as an I/O error: ``where`` (the file or its
    folder) lets that be told for what it is."""
    code = sqlite_code(error)
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN) and where is not None and disk_is_full(where):
        return _SQLITE_MEANINGS[SQLITE_FULL]
    return None if code is None else _SQLITE_MEANINGS.get(code)


def disk_is_full(where: Path) -> bool:
    folder = where if where.is_dir() else where.parent
    try:
        return os.statvfs(folder).f_bavail == 0
    except (OSError, AttributeError):
        return False


def sentence(what: str, path: Path, cause: str, advice: str, changed: bool = False) -> str:
    """One line: what failed, on which file, why, what to do; and that nothing changed."""
    tail = "" if changed else " Nothing was changed."
    return f"Cannot {what} {path} ({cause}).{tail} {advice}".rstrip()
