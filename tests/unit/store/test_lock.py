"""A second copy of the app is refused the journal instead of writing alongside."""

from __future__ import annotations

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store.errors import JournalLockedError
from relationship_journal.store.lock import JournalLock, journal_lock


def test_second_lock_is_refused_and_released_lock_can_be_taken(paths: JournalPaths) -> None:
    first = JournalLock(paths.journal)
    first.acquire()
    with (
        pytest.raises(JournalLockedError, match="open in another copy"),
        journal_lock(paths.journal),
    ):
        pass
    first.release()
    with journal_lock(paths.journal) as again:
        assert again.held
