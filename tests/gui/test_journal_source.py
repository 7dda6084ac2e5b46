"""The window's journal is locked against a second copy of the app."""

from __future__ import annotations

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store.errors import JournalLockedError
from relationship_journal.ui.journal_source import JournalSource


def test_a_second_window_source_cannot_open_the_same_journal(paths: JournalPaths) -> None:
    first = JournalSource(paths)
    journal = first.open(demo=False)
    with pytest.raises(JournalLockedError):
        JournalSource(paths).open(demo=False)
    journal.close()
    first.release()
    second_source = JournalSource(paths)
    second_source.open(demo=False).close()
    second_source.release()
