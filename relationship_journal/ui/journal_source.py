"""Which journal the window shows (the user's or the demo), and switching between them."""

from __future__ import annotations

from relationship_journal.paths import JournalPaths
from relationship_journal.session import open_demo_journal, open_user_journal
from relationship_journal.store.journal import Journal


class JournalSource:
    def __init__(self, paths: JournalPaths) -> None:
        self.paths = paths
        self.is_demo = False

    def open(self, demo: bool) -> Journal:
        journal = open_demo_journal(self.paths) if demo else open_user_journal(self.paths)
        self.is_demo = demo
        return journal
