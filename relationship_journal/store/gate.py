"""The one gate every use of a journal goes through.

Ordinary use (the window, and every command that reads or writes the journal) holds a
*shared* lock on ``journal.sqlite.lock``: any number of them run side by side, and SQLite
serialises their writes. A *conversion* (setting or removing the passphrase, restoring a
backup, upgrading or creating the schema) rewrites the file under everyone's feet, so it
holds the lock *exclusively*: it waits briefly for ordinary users to finish, then refuses,
naming who has the journal open; ordinary users wait briefly for a conversion, then refuse,
naming it. The conversion writes what it is doing into the lock file for that message.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime
from pathlib import Path
from typing import IO

from relationship_journal.store.errors import (
    JournalBusyError,
    JournalInUseError,
    JournalUnwritableError,
)
from relationship_journal.store.file_locks import try_lock, unlock
from relationship_journal.store.lock import window_holder
from relationship_journal.store.private_files import create_private_file
from relationship_journal.store.problems import os_meaning

# How long an ordinary command waits for a conversion, and a conversion for ordinary users.
WAIT_SECONDS = 5.0
POLL_SECONDS = 0.05
# Left behind by a conversion that was killed; never in use while the gate is passed.
STALE_PATTERNS = (".{name}.*.converting", ".{name}.restoring", ".{name}.*.partial")


def lock_path(journal: Path) -> Path:
    return journal.with_name(journal.name + ".lock")


class GatePass:
    """Passage through the gate, shared or exclusive, until ``release()``."""

    def __init__(self, journal: Path, handle: IO[bytes], exclusive: bool) -> None:
        self.journal = journal
        self._handle: IO[bytes] | None = handle
        self.exclusive = exclusive

    @property
    def held(self) -> bool:
        return self._handle is not None

    def release(self) -> None:
        if self._handle is None:
            return
        if self.exclusive:
            _forget_holder(self._handle)
        with suppress(OSError):
            unlock(self._handle)
            self._handle.close()
        self._handle = None

    def make_exclusive(self, what: str, wait: float | None = None) -> None:
        """Become the only user, for a conversion; the shared lock is let go first, so two
        users upgrading at once cannot wait on each other."""
        handle = self._require()
        if self.exclusive:
            return
        unlock(handle)
        try:
            _acquire_exclusive(self.journal, handle, what, wait)
        except BaseException:
            self._handle = None
            handle.close()
            raise
        self.exclusive = True

    def make_shared(self, wait: float | None = None) -> None:
        handle = self._require()
        if not self.exclusive:
            return
        _forget_holder(handle)
        unlock(handle)
        self.exclusive = False
        try:
            _acquire_shared(self.journal, handle, wait)
        except BaseException:
            self._handle = None
            handle.close()
            raise

    def _require(self) -> IO[bytes]:
        if self._handle is None:
            raise RuntimeError("the gate pass was released")
        return self._handle


def enter(journal: Path, wait: float | None = None) -> GatePass:
    """Shared passage for ordinary use; raises ``JournalBusyError`` when a conversion holds
    the journal for longer than ``wait`` seconds."""
    handle = _open(journal)
    try:
        _acquire_shared(journal, handle, wait)
    except BaseException:
        handle.close()
        raise
    remove_stale_files(journal)
    return GatePass(journal, handle, exclusive=False)


def enter_exclusive(journal: Path, what: str, wait: float | None = None) -> GatePass:
    """Exclusive passage for a conversion described by ``what`` ("set the passphrase")."""
    handle = _open(journal)
    try:
        _acquire_exclusive(journal, handle, what, wait)
    except BaseException:
        handle.close()
        raise
    remove_stale_files(journal)
    return GatePass(journal, handle, exclusive=True)


@contextmanager
def converting(journal: Path, what: str, wait: float | None = None) -> Iterator[GatePass]:
    passage = enter_exclusive(journal, what, wait)
    try:
        yield passage
    finally:
        passage.release()


def remove_stale_files(journal: Path) -> None:
    """Temporary copies a killed conversion left beside the journal (never in plain text:
    each is written under the key of the file it replaces)."""
    for pattern in STALE_PATTERNS:
        for leftover in journal.parent.glob(pattern.format(name=journal.name)):
            with suppress(OSError):
                leftover.unlink()


def _open(journal: Path) -> IO[bytes]:
    path = lock_path(journal)
    try:
        create_private_file(path)
        # Unbuffered: what the holder writes fails (or not) at once, never later at close.
        return path.open("r+b", buffering=0)
    except OSError as error:
        # A read-only data folder still lets a lock be taken on an existing lock file.
        if path.is_file():
            with suppress(OSError):
                return path.open("rb", buffering=0)
        cause, advice = os_meaning(error)
        raise JournalUnwritableError(journal.parent, cause, advice) from None


def _wait(handle: IO[bytes], shared: bool, wait: float | None) -> bool:
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while not try_lock(handle, shared):
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_SECONDS)
    return True


def _acquire_shared(journal: Path, handle: IO[bytes], wait: float | None) -> None:
    if not _wait(handle, shared=True, wait=wait):
        raise JournalBusyError(journal, describe_holder(journal))


def _acquire_exclusive(
    journal: Path, handle: IO[bytes], what: str, wait: float | None
) -> None:
    window = window_holder(journal)
    if window is not None:
        user = f"the Relationship Journal window (process {window})"
        raise JournalInUseError(journal, what, user)
    if not _wait(handle, shared=False, wait=wait):
        if try_lock(handle, shared=True):
            unlock(handle)
            user = "another Relationship Journal command that is still running"
            raise JournalInUseError(journal, what, user)
        raise JournalBusyError(journal, describe_holder(journal))
    with suppress(OSError):
        handle.seek(0)
        handle.truncate()
        moment = datetime.now().strftime("%H:%M:%S")
        handle.write(f"{os.getpid()}\n{what}\n{moment}\n".encode())
        handle.flush()


def _forget_holder(handle: IO[bytes]) -> None:
    with suppress(OSError):
        handle.seek(0)
        handle.truncate()


def describe_holder(journal: Path) -> str:
    """Who holds the journal exclusively, as the holder wrote it into the lock file."""
    try:
        lines = lock_path(journal).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    if len(lines) >= 3 and lines[0].isdigit():
        return f"another program is working to {lines[1]} (process {lines[0]}, since {lines[2]})"
    return "another program is converting it (a passphrase change, a restore or an upgrade)"
