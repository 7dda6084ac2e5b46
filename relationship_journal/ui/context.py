"""The open journal as the window sees it: its workspace, one undo step per action, and one
signal after each change.

Pages read through ``operations`` with ``context.ws``; a write goes through
``context.do(operation, …)``, which makes it one step on the undo stack and tells the views.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Concatenate, ParamSpec, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from relationship_journal.domain.clock import Clock
from relationship_journal.operations.drafts import DraftStore
from relationship_journal.operations.journals import Journal
from relationship_journal.operations.workspace import Change, Done, Inverse, Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.ui.undo import JournalChange

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True)
class LogRequest:
    """Open the log dialog with these contacts and, optionally, a prefilled entry."""

    contact_ids: tuple[int, ...] = ()
    polarity: str = ""
    summary: str = ""
    category: str = ""
    moment_key: str = ""  # logged from a moment on Today: it is done once logged
    kind: str = ""  # "meeting", "call"…; empty: the dialog's own choice
    occurred_at: datetime | None = None  # when it happened; None: now


class JournalContext(QObject):
    """Shared by every page: ``changed`` fires after each committed user action."""

    changed = Signal()
    open_contact_requested = Signal(int)
    # A contact opened on one of its tabs (ContactPage.TABS): a found entry, a profile answer.
    open_contact_at_requested = Signal(int, str)
    log_requested = Signal(object)  # a LogRequest
    # A short note for the window's toast: text, whether Undo applies, a contact to open.
    told = Signal(str, bool, object)

    def __init__(
        self,
        journal: Journal,
        paths: JournalPaths,
        is_demo: bool,
        parent: QObject | None = None,
        drafts: DraftStore | None = None,
        clock: Clock | None = None,
    ) -> None:
        super().__init__(parent)
        self.ws = Workspace(journal, paths, clock)
        self.is_demo = is_demo
        self.drafts = drafts
        self.undo_stack = QUndoStack(self)

    @property
    def journal(self) -> Journal:
        return self.ws.journal

    @journal.setter
    def journal(self, journal: Journal) -> None:
        self.ws.journal = journal

    def do(
        self,
        operation: Callable[Concatenate[Workspace, P], Done[T]],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        """Run one user action, make it one undo step, tell the views; returns its result."""
        done = operation(self.ws, *args, **kwargs)
        self.record(done.change)
        self.changed.emit()
        return done.value

    def record(self, change: Change | None) -> None:
        """Put an action committed elsewhere (a background import) on the undo stack."""
        if change is not None:
            self.undo_stack.push(JournalChange(change, self._replay))

    def _replay(self, inverse: Inverse) -> Inverse:
        redo = self.ws.replay(inverse)
        self.changed.emit()
        return redo

    def tell(self, text: str, undoable: bool = True, contact_id: int | None = None) -> None:
        """Say what just happened, with Undo (for the last step) and Open at hand."""
        self.told.emit(text, undoable, contact_id)

    def request_log(self, request: LogRequest | None = None) -> None:
        self.log_requested.emit(request or LogRequest())
