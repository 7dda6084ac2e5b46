"""The open journal as the UI sees it: writes in one transaction each, then one signal.

Every write is one step on the undo stack: ``write("Log interaction", action)`` runs the
action, records what undoes it, and tells the views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from sqlmodel import Session

from relationship_journal.store import undo_log
from relationship_journal.store.drafts import DraftStore
from relationship_journal.store.journal import Journal
from relationship_journal.store.undo_log import Inverse
from relationship_journal.ui.undo import JournalChange

T = TypeVar("T")


@dataclass(frozen=True)
class LogRequest:
    """Open the log dialog with these contacts and, optionally, a prefilled entry."""

    contact_ids: tuple[int, ...] = ()
    polarity: str = ""
    summary: str = ""
    category: str = ""
    moment_key: str = ""  # logged from a moment on Today: it is done once logged


class JournalContext(QObject):
    """Shared by every page: ``changed`` fires after each committed user action."""

    changed = Signal()
    open_contact_requested = Signal(int)
    log_requested = Signal(object)  # a LogRequest
    # A short note for the window's toast: text, whether Undo applies, a contact to open.
    told = Signal(str, bool, object)

    def __init__(
        self,
        journal: Journal,
        is_demo: bool,
        parent: QObject | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.journal = journal
        self.is_demo = is_demo
        self.drafts = drafts
        self.undo_stack = QUndoStack(self)

    def write(self, label: str, action: Callable[[Session], T]) -> T:
        """Run one user action in one transaction, make it one undo step, tell the views."""
        with self.journal.transaction() as session:
            undo_log.begin(session)
            result = action(session)
            inverse = undo_log.take(session)
        self.record(label, inverse)
        self.changed.emit()
        return result

    def record(self, label: str, inverse: Inverse) -> None:
        """Put an action committed elsewhere (a background import) on the undo stack."""
        if inverse:
            self.undo_stack.push(JournalChange(label, inverse, self._replay))

    def _replay(self, inverse: Inverse) -> Inverse:
        with self.journal.transaction() as session:
            redo = undo_log.replay(session, inverse)
        self.changed.emit()
        return redo

    def tell(self, text: str, undoable: bool = True, contact_id: int | None = None) -> None:
        """Say what just happened, with Undo (for the last step) and Open at hand."""
        self.told.emit(text, undoable, contact_id)

    def request_log(self, request: LogRequest | None = None) -> None:
        self.log_requested.emit(request or LogRequest())

    def read(self, query: Callable[[Session], T]) -> T:
        with self.journal.reading() as session:
            return query(session)
