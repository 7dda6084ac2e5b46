"""Which journal the window works on: the welcome on first run, leaving the demo for the
user's own journal, and text left unsaved by a crash offered back."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from relationship_journal.operations.drafts import DraftStore
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.dates import moment_text
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.ledger.log_dialog import LOG_DRAFT
from relationship_journal.ui.welcome import Choice, WelcomeDialog


class JournalSwitch(QObject):
    """``switched`` fires once the window works on another journal (the demo or the
    user's)."""

    switched = Signal()

    def __init__(self, parent: QWidget, context: JournalContext, source: JournalSource) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._source = source

    def welcome(
        self, start_own: Callable[[], object], import_contacts: Callable[[], object]
    ) -> Choice:
        """First run: import contacts, explore the demo, or start empty."""
        dialog = WelcomeDialog(self._parent)
        dialog.exec()
        if dialog.choice is Choice.EMPTY:
            start_own()
        elif dialog.choice is Choice.IMPORT:
            start_own()
            import_contacts()
        return dialog.choice

    def start_own_journal(self) -> None:
        self._open(demo=False)

    def explore_demo(self) -> None:
        self._open(demo=True)

    def _open(self, demo: bool) -> None:
        """Work on the demo or the user's journal; the one left is closed once the other
        is open (a journal that cannot be opened leaves the window where it was)."""
        context = self._context
        journal = self._source.open(demo=demo)
        context.journal.close()
        context.journal = journal
        context.drafts = DraftStore(self._source.current_paths.drafts, journal.key)
        context.is_demo = demo
        context.undo_stack.clear()
        self.switched.emit()
        context.changed.emit()

    def offer_drafts(
        self, log: Callable[[LogRequest], object], edit_fact: Callable[[int, str], object]
    ) -> None:
        """Offer back text that was being typed when the app last stopped unexpectedly."""
        drafts = self._context.drafts
        for draft in drafts.pending() if drafts else []:
            answer = QMessageBox.question(
                self._parent,
                "Unsaved text",
                f"You were writing something on {moment_text(draft.saved_at)} that was not "
                "saved. Open it to finish it?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Discard,
            )
            if answer != QMessageBox.StandardButton.Open:
                assert drafts is not None
                drafts.discard(draft.key)
            elif draft.key == LOG_DRAFT:
                log(LogRequest())
            elif draft.key.startswith("fact-"):
                _, contact_id, topic = draft.key.split("-", 2)
                edit_fact(int(contact_id), topic)
