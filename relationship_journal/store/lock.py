"""One window per journal: an advisory lock of the window's own, beside the journal file.

The command line may work on a journal the window has open (both pass the shared gate, see
``gate``); a second window may not, since two windows would show each other stale pages.
The window writes its process id into the lock file, so that a conversion started
elsewhere can say which window to close.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import IO

from relationship_journal.store.errors import JournalLockedError
from relationship_journal.store.file_locks import try_lock, unlock
from relationship_journal.store.private_files import create_private_file


def lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".window")


class JournalLock:
    """Held by the window while it shows the journal."""

    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self._handle: IO[bytes] | None = None

    def acquire(self) -> None:
        path = lock_path(self.journal)
        create_private_file(path)
        handle = path.open("r+b")
        if not try_lock(handle, shared=False):
            handle.close()
            raise JournalLockedError(self.journal)
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()).encode())
        handle.flush()
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            with suppress(OSError):
                self._handle.seek(0)
                self._handle.truncate()
            unlock(self._handle)
            self._handle.close()
            self._handle = None

    @property
    def held(self) -> bool:
        return self._handle is not None


def window_holder(journal: Path) -> int | None:
    """The process id of a window (in another process) that has ``journal`` open, or None."""
    path = lock_path(journal)
    try:
        handle = path.open("rb")
    except OSError:
        return None
    with handle:
        if try_lock(handle, shared=True):
            unlock(handle)
            return None
        text = handle.read(32).decode("ascii", "replace").strip()
    pid = int(text) if text.isdigit() else 0
    return None if pid == os.getpid() else pid


@contextmanager
def journal_lock(journal: Path) -> Iterator[JournalLock]:
    lock = JournalLock(journal)
    lock.acquire()
    try:
        yield lock
    finally:
        lock.release()
