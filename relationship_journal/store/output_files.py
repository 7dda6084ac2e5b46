"""Writing a file the user asked for (an export, a brief, a backup) without harming what is
there: never through a symbolic link, never over another program's file unless the user
says ``--force``, never over another program's database at all, and never half: the
content goes to a temporary file in the same folder, renamed into place when complete.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO

from relationship_journal.store import schema
from relationship_journal.store.cipher import SQLITE_HEADER
from relationship_journal.store.errors import JournalError
from relationship_journal.store.private_files import PRIVATE_FILE
from relationship_journal.store.problems import os_meaning, sentence

# Whether an existing file is one this app wrote, of the kind about to be written.
Recogniser = Callable[[Path], bool]
PARTIAL = ".partial"


class OutputRefusedError(JournalError):
    """The place the user named for a file cannot safely take it."""

    def __init__(self, target: Path, reason: str, forceable: bool) -> None:
        hint = " Choose another name, or add --force to replace it." if forceable else ""
        super().__init__(f"Did not write {target}: {reason}; nothing was written.{hint}")


def head(path: Path, size: int = 4096) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError:
        return b""


def application_id(path: Path) -> int | None:
    """The application id in a plain SQLite file's header (None for anything else)."""
    data = head(path, 100)
    if len(data) < 72 or not data.startswith(SQLITE_HEADER):
        return None
    return int.from_bytes(data[68:72], "big")


def check_target(target: Path, ours: Recogniser, force: bool = False) -> None:
    """Raise ``OutputRefusedError`` unless ``target`` may be written: absent, empty, or a
    file of ours (or anything but a database or a folder, with ``force``)."""
    try:
        info = target.lstat()
    except FileNotFoundError:
        if not target.parent.is_dir():
            raise OutputRefusedError(target, "its folder does not exist", False) from None
        return
    except OSError as error:
        raise OutputRefusedError(target, os_meaning(error)[0], False) from None
    if stat.S_ISLNK(info.st_mode):
        if force:
            return  # the link itself is replaced; what it points to is never written
        raise OutputRefusedError(
            target, f"it is a symbolic link (to {os.readlink(target)})", forceable=True
        )
    if stat.S_ISDIR(info.st_mode):
        raise OutputRefusedError(target, "it is a folder", False)
    if not stat.S_ISREG(info.st_mode):
        raise OutputRefusedError(target, "it is not a regular file", False)
    found = application_id(target)
    if found is not None and found != schema.APPLICATION_ID:
        raise OutputRefusedError(
            target, "it is another program's database, which is never overwritten", False
        )
    if info.st_size == 0 or ours(target) or force:
        return
    raise OutputRefusedError(
        target, "a file of that name exists and was not written by Relationship Journal", True
    )


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A fresh path beside ``target`` to write the new content to (for writers that need a
    path: SQLite, Qt's PDF writer). When the block ends without error it is flushed and
    renamed over ``target``; otherwise it is deleted and ``target`` left as it was. A
    temporary file left by a killed writer is removed by the next write to ``target``."""
    _remove_orphans(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}-{uuid.uuid4().hex[:8]}{PARTIAL}")
    descriptor = os.open(temporary, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    os.close(descriptor)
    try:
        yield temporary
        _sync_file(temporary)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _move_into_place(temporary, target)


@contextlib.contextmanager
def writing(target: Path) -> Iterator[IO[bytes]]:
    """A binary file to stream the new content of ``target`` into, renamed into place when
    the block ends without error. Where the system allows, the file has no name until it is
    complete, so a crash or a kill leaves nothing behind."""
    unnamed = _unnamed_file(target.parent)
    if unnamed is None:
        with replacing(target) as temporary, temporary.open("wb") as handle:
            yield handle
        return
    with os.fdopen(unnamed, "wb") as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        _remove_orphans(target)
        temporary = target.with_name(f".{target.name}.{os.getpid()}-linked{PARTIAL}")
        os.link(f"/proc/self/fd/{handle.fileno()}", temporary, follow_symlinks=True)
    _move_into_place(temporary, target)


def _move_into_place(temporary: Path, target: Path) -> None:
    """Rename the complete ``temporary`` over ``target``, durably; or remove it."""
    try:
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    sync_folder(target.parent)


# Folders (by device) where an unnamed file can be given a name afterwards.
_NAMEABLE: dict[int, bool] = {}


def _unnamed_file(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not Path("/proc/self/fd").is_dir():
        return None
    try:
        device = folder.stat().st_dev
        if device not in _NAMEABLE:
            _NAMEABLE[device] = _can_name_unnamed(folder, flag)
        return os.open(folder, flag | os.O_WRONLY, PRIVATE_FILE) if _NAMEABLE[device] else None
    except OSError:
        return None  # a file system without unnamed files: a named temporary it is


def _can_name_unnamed(folder: Path, flag: int) -> bool:
    probe = folder / f".relationship-journal-probe-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    descriptor = os.open(folder, flag | os.O_WRONLY, PRIVATE_FILE)
    try:
        os.link(f"/proc/self/fd/{descriptor}", probe, follow_symlinks=True)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    probe.unlink(missing_ok=True)
    return True


def _remove_orphans(target: Path) -> None:
    """Temporary files of ``target`` whose writer is gone (killed before it could rename)."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.*{PARTIAL}"):
        pid = leftover.name[len(target.name) + 2 :].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # someone else's process: alive
    return True


def _sync_file(path: Path) -> None:
    with path.open("rb+") as handle:
        os.fsync(handle.fileno())


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); a no-op where folders cannot be synced."""
    if sys.platform == "win32":  # pragma: no cover
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_failure(target: Path, error: OSError) -> JournalError:
    """The user's view of an ``OSError`` met while writing ``target``."""
    return JournalError(sentence("write", target, *os_meaning(error)))
