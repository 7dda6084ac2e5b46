"""A second copy of the app is refused the journal instead of writing alongside."""

from __future__ import annotations

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store.errors import JournalLockedError
from relationship_journal.store.lock import JournalLock, journal_lock
from relationship_journal.ui.journal_source import JournalSource


def test_second_lock_is_refused_and_released_lock_can_be_taken(paths: JournalPaths) -> None:
    first = JournalLock(paths.journal)
    first.acquire()
    with pytest.raises(JournalLockedError, match="open in another copy"), journal_lock(
        paths.journal
    ):
        pass
    first.release()
    with journal_lock(paths.journal) as again:
        assert again.held


def test_a_second_window_source_cannot_open_the_same_journal(paths: JournalPaths) -> None:
    first = JournalSource(paths)
    journal = first.open(demo=False)
    with pytest.raises(JournalLockedError):
        JournalSource(paths).open(demo=False)
    journal.close()
    first.release()
    second = JournalSource(paths).open(demo=False)
    second.close()
