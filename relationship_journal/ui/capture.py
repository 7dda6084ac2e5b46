"""Capturing what happened: log an interaction, edit an entry, set a reminder.

Each save is one step on the undo stack, and the window's toast says what was saved with
Undo and Open at hand for a few seconds.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.store import clock
from relationship_journal.store.ledger import entry_draft, update_entry
from relationship_journal.store.reminders import add_reminder
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.ledger.actions import (
    JournalCandidates,
    draft_from_interaction,
    extra_categories,
    save_interaction,
)
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.toast import Toast
from relationship_journal.ui.today.reminder_dialog import ReminderDialog


class Capture(QObject):
    def __init__(
        self,
        parent: QWidget,
        context: JournalContext,
        toast: Toast,
        open_contact: Callable[[int], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._toast = toast
        self._open_contact = open_contact
        self._toast_index = -1
        context.undo_stack.indexChanged.connect(self._stack_moved)

    def _stack_moved(self, index: int) -> None:
        # The toast's Undo takes back its own action only: once anything else happened, go.
        if index != self._toast_index:
            self._toast.hide()

    def _announce(self, text: str, contact_id: int | None) -> None:
        self._toast_index = self._context.undo_stack.index()
        self._toast.show_message(
            text,
            undo=self._context.undo_stack.undo,
            open_it=(lambda: self._open_contact(contact_id)) if contact_id is not None else None,
        )

    def log_interaction(self, request: LogRequest) -> int | None:
        context = self._context
        dialog = LogDialog(
            self._parent,
            JournalCandidates(context.read),
            list(request.contact_ids),
            context.read(extra_categories),
            context.drafts,
        )
        dialog.prefill(request.polarity, request.summary, request.category)
        if dialog.exec() != LogDialog.DialogCode.Accepted or dialog.result_interaction is None:
            return None
        logged = dialog.result_interaction
        names = dialog.picker.chosen_names()
        entry_id = context.write(
            f"Log “{logged.summary}”", lambda session: save_interaction(session, logged)
        )
        value = draft_from_interaction(logged).value
        worth = f"{value:+d}" if logged.polarity is not Polarity.NEUTRAL else "a note"
        with_whom = names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"
        self._announce(f"Logged {worth} with {with_whom}", logged.contact_ids[0])
        return entry_id

    def edit_entry(self, entry_id: int) -> None:
        context = self._context
        before = context.read(lambda s: entry_draft(s, entry_id))
        dialog = LogDialog(
            self._parent,
            JournalCandidates(context.read),
            before.contact_ids,
            context.read(extra_categories),
        )
        dialog.load_entry(before)
        if dialog.exec() != LogDialog.DialogCode.Accepted or dialog.result_interaction is None:
            return
        after = draft_from_interaction(dialog.result_interaction)
        now = clock.now()
        context.write("Edit entry", lambda s: update_entry(s, entry_id, after, now))
        self._announce("Entry saved", None)

    def new_reminder(self, contact_id: int | None) -> None:
        dialog = ReminderDialog(self._parent, JournalCandidates(self._context.read), contact_id)
        if dialog.exec() != ReminderDialog.DialogCode.Accepted:
            return
        draft = dialog.draft()
        self._context.write(
            f"New reminder “{draft.title.strip()}”",
            lambda s: add_reminder(
                s, draft.title, draft.starts_at, draft.all_day, draft.rule, draft.contact_id
            ),
        )
        self._announce(f"Reminder saved: {draft.title.strip()}", draft.contact_id)
