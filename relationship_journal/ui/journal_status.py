"""The status bar's word on the journal: whose it is and how many people it holds.

The count is read off the UI thread (a count of a journal of 100,000 contacts is an index
read of some milliseconds, more the first time), after each change; a count read for a
journal the window has left, or overtaken by a newer one, is dropped.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from relationship_journal.domain.wording import count_of
from relationship_journal.operations import contacts
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.tasks import run_task


class JournalStatus(QLabel):
    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusLabel")
        self._context = context
        self._asked = 0  # the newest count asked for
        context.changed.connect(self.refresh)

    def refresh(self) -> None:
        self._asked += 1
        asked, ws = self._asked, self._context.ws
        where = "Demo journal" if self._context.is_demo else "Your journal"
        self.setToolTip(f"Stored in {self._context.journal.path}")
        run_task(
            lambda _progress: contacts.live_count(ws),
            lambda count: self._counted(asked, where, count),
            lambda _error, _details: self._counted(asked, where, None),
        )

    def _counted(self, asked: int, where: str, count: int | None) -> None:
        if asked == self._asked:
            self.setText(where if count is None else f"{where} · {count_of(count, 'contact')}")
