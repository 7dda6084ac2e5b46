"""Which journal the window shows (the user's or the demo), and switching between them.

The journal the window has open is locked, so that a second copy of the app refuses it
instead of writing alongside.
"""

from __future__ import annotations

from relationship_journal.paths import JournalPaths
from relationship_journal.session import open_demo_journal, open_user_journal
from relationship_journal.store.journal import Journal
from relationship_journal.store.lock import JournalLock


class JournalSource:
    def __init__(self, paths: JournalPaths) -> None:
        self.paths = paths
        self.is_demo = False
        self._lock: JournalLock | None = None

    @property
    def current_paths(self) -> JournalPaths:
        return self.paths.demo if self.is_demo else self.paths

    def open(self, demo: bool) -> Journal:
        target = self.paths.demo if demo else self.paths
        lock = JournalLock(target.journal)
        lock.acquire()
        try:
            journal = open_demo_journal(self.paths) if demo else open_user_journal(self.paths)
        except BaseException:
            lock.release()
            raise
        self.release()
        self._lock = lock
        self.is_demo = demo
        return journal

    def release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
