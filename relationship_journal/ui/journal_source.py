"""Which journal the window shows (the user's or the demo), and switching between them.

The journal the window has open is locked, so that a second copy of the app refuses it
instead of writing alongside.
"""

from __future__ import annotations

from collections.abc import Callable

from relationship_journal.operations.errors import (
    PassphraseNeededError,
    UnlockCancelledError,
    WrongPassphraseError,
)
from relationship_journal.operations.journals import (
    Journal,
    JournalKey,
    JournalLock,
    open_demo_journal,
    open_user_journal,
)
from relationship_journal.paths import JournalPaths

# Asked for the passphrase of an encrypted journal; gets what went wrong with the last try
# ("" the first time) and returns the passphrase, or None when the user gives up.
PassphraseAsker = Callable[[str], "str | None"]

WRONG_PASSPHRASE = "That passphrase does not open the journal. Check it and try again."


class JournalSource:
    def __init__(
        self,
        paths: JournalPaths,
        ask_passphrase: PassphraseAsker | None = None,
        on_upgrade: Callable[[], None] | None = None,
    ) -> None:
        self.paths = paths
        self.is_demo = False
        self.ask_passphrase = ask_passphrase
        self.on_upgrade = on_upgrade  # told before an older journal is brought up to date
        self._lock: JournalLock | None = None

    @property
    def current_paths(self) -> JournalPaths:
        return self.paths.demo if self.is_demo else self.paths

    def open(self, demo: bool) -> Journal:
        target = self.paths.demo if demo else self.paths
        lock = JournalLock(target.journal)
        lock.acquire()
        try:
            journal = open_demo_journal(self.paths) if demo else self._open_user_journal()
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

    def _open_user_journal(self) -> Journal:
        """The user's journal, asking for its passphrase while the one given does not fit."""
        key: JournalKey | None = None
        problem = ""
        while True:
            try:
                return open_user_journal(self.paths, key, check=None, on_upgrade=self.on_upgrade)
            except (PassphraseNeededError, WrongPassphraseError):
                if self.ask_passphrase is None:
                    raise
                if key is not None:
                    problem = WRONG_PASSPHRASE
            passphrase = self.ask_passphrase(problem)
            if passphrase is None:
                raise UnlockCancelledError(self.paths.journal)
            key = JournalKey.for_file(self.paths.journal, passphrase)
