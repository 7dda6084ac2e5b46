"""One copy of the app per journal: an advisory lock beside the journal file.

The operating system drops the lock when the process ends, even on a crash, so a stale
lock never keeps the user out.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from relationship_journal.store.errors import JournalLockedError
from relationship_journal.store.private_files import create_private_file


def lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".lock")


class JournalLock:
    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        path = lock_path(self.journal)
        create_private_file(path)
        handle = path.open("r+b")
        try:
            _lock(handle)
        except OSError:
            handle.close()
            raise JournalLockedError(self.journal) from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            _unlock(self._handle)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock(handle: IO[bytes]) -> None:
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextmanager
def journal_lock(journal: Path) -> Iterator[JournalLock]:
    lock = JournalLock(journal)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()
