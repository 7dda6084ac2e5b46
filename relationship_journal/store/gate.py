"""The one gate every use of a journal goes through.

Ordinary use (the window, and every command that reads or writes the journal) holds a
*shared* lock on ``journal.sqlite.lock``: any number of them run side by side, and SQLite
serialises their writes. A *conversion* (setting or removing the passphrase, restoring a
backup, upgrading or creating the schema) rewrites the file under everyone's feet, so it
holds the lock *exclusively*: it waits briefly for ordinary users to finish, then refuses,
naming who has the journal open; ordinary users wait briefly for a conversion, then refuse,
naming it. A waiting conversion closes a turnstile (``journal.sqlite.lock-queue``) first, so
a stream of short commands cannot keep it out, and writes there what it is doing, for
the message of those who wait.
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


def queue_path(journal: Path) -> Path:
    """The turnstile: a conversion holds it while it waits for ordinary users to leave, so
    that new ones, arriving one after another, cannot keep it out for ever."""
    return journal.with_name(journal.name + ".lock-queue")


class GatePass:
    """Passage through the gate, shared or exclusive, until ``release()``."""

    def __init__(self, journal: Path, handle: IO[bytes], queue: IO[bytes] | None) -> None:
        self.journal = journal
        self._handle: IO[bytes] | None = handle
        self._queue = queue

    @property
    def held(self) -> bool:
        return self._handle is not None

    @property
    def exclusive(self) -> bool:
        return self._queue is not None

    def release(self) -> None:
        self._leave_queue()
        if self._handle is not None:
            _let_go(self._handle)
            self._handle = None

    def make_exclusive(self, what: str, wait: float | None = None) -> None:
        """Become the only user, for a conversion; the shared lock is let go first, so two
        users upgrading at once cannot wait on each other."""
        handle = self._require()
        if self.exclusive:
            return
        unlock(handle)
        try:
            self._queue = _take_queue(self.journal, what, wait)
            _take_exclusive(self.journal, handle, what, wait)
        except BaseException:
            self.release()
            raise

    def make_shared(self, wait: float | None = None) -> None:
        handle = self._require()
        if not self.exclusive:
            return
        unlock(handle)
        self._leave_queue()
        try:
            _take_shared(self.journal, handle, wait)
        except BaseException:
            self.release()
            raise

    def _leave_queue(self) -> None:
        if self._queue is not None:
            with suppress(OSError):
                self._queue.seek(0)
                self._queue.truncate()
            _let_go(self._queue)
            self._queue = None

    def _require(self) -> IO[bytes]:
        if self._handle is None:
            raise RuntimeError("the gate pass was released")
        return self._handle


def enter(journal: Path, wait: float | None = None) -> GatePass:
    """Shared passage for ordinary use; raises ``JournalBusyError`` when a conversion holds
    the journal for longer than ``wait`` seconds."""
    handle = _open(lock_path(journal), journal)
    try:
        _take_shared(journal, handle, wait)
    except BaseException:
        handle.close()
        raise
    remove_stale_files(journal)
    return GatePass(journal, handle, None)


def enter_exclusive(journal: Path, what: str, wait: float | None = None) -> GatePass:
    """Exclusive passage for a conversion described by ``what`` ("set the passphrase")."""
    queue = _take_queue(journal, what, wait)
    try:
        handle = _open(lock_path(journal), journal)
    except BaseException:
        _let_go(queue)
        raise
    passage = GatePass(journal, handle, queue)
    try:
        _take_exclusive(journal, handle, what, wait)
    except BaseException:
        passage.release()
        raise
    remove_stale_files(journal)
    return passage


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


def _open(path: Path, journal: Path) -> IO[bytes]:
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


def _let_go(handle: IO[bytes]) -> None:
    with suppress(OSError):
        unlock(handle)
        handle.close()


def _wait(handle: IO[bytes], shared: bool, wait: float | None) -> bool:
    deadline = time.monotonic() + (WAIT_SECONDS if wait is None else wait)
    while not try_lock(handle, shared):
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_SECONDS)
    return True


def _take_shared(journal: Path, handle: IO[bytes], wait: float | None) -> None:
    """Through the turnstile (closed while a conversion waits or works), then in."""
    queue = _open(queue_path(journal), journal)
    try:
        if not _wait(queue, shared=True, wait=wait):
            raise JournalBusyError(journal, describe_holder(journal))
        if not _wait(handle, shared=True, wait=wait):
            raise JournalBusyError(journal, describe_holder(journal))
    finally:
        _let_go(queue)


def _take_queue(journal: Path, what: str, wait: float | None) -> IO[bytes]:
    """The turnstile, held by a conversion from before it waits until it is done."""
    window = window_holder(journal)
    if window is not None:
        user = f"the Relationship Journal window (process {window})"
        raise JournalInUseError(journal, what, user)
    queue = _open(queue_path(journal), journal)
    if not _wait(queue, shared=False, wait=wait):
        queue.close()
        raise JournalBusyError(journal, describe_holder(journal))
    with suppress(OSError):
        queue.seek(0)
        queue.truncate()
        moment = datetime.now().strftime("%H:%M:%S")
        queue.write(f"{os.getpid()}\n{what}\n{moment}\n".encode())
    return queue


def _take_exclusive(journal: Path, handle: IO[bytes], what: str, wait: float | None) -> None:
    if not _wait(handle, shared=False, wait=wait):
        user = "another Relationship Journal command that is still running"
        raise JournalInUseError(journal, what, user)


def describe_holder(journal: Path) -> str:
    """Who holds the journal exclusively, as the holder wrote it into the turnstile."""
    try:
        lines = queue_path(journal).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        lines = []
    if len(lines) >= 3 and lines[0].isdigit():
        return f"another program is working to {lines[1]} (process {lines[0]}, since {lines[2]})"
    return "another program is converting it (a passphrase change, a restore or an upgrade)"
