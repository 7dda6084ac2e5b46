"""Capturing what happened: log an interaction, edit an entry, set a reminder.

Each save is one step on the undo stack, and the window's toast says what was saved with
Undo and Open at hand for a few seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.operations import agenda, capture
from relationship_journal.operations.contacts import Candidates
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.today.reminder_dialog import ReminderDialog
from relationship_journal.ui.typeahead import TypeAhead


class Capture(QObject):
    def __init__(self, parent: QWidget, context: JournalContext) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context

    def _dialog(self, contact_ids: list[int], drafts: bool) -> LogDialog:
        ws = self._context.ws
        return LogDialog(
            self._parent,
            Candidates(ws),
            contact_ids,
            capture.categories(ws),
            self._context.drafts if drafts else None,
        )

    def log_interaction(self, request: LogRequest) -> int | None:
        context = self._context
        typed_early = TypeAhead.hold()  # keys typed before the dialog shows go into it
        dialog = self._dialog(list(request.contact_ids), drafts=True)
        dialog.prefill(
            request.polarity, request.summary, request.category, request.kind, request.occurred_at
        )
        typed_early.follow(dialog)
        accepted = dialog.exec() == LogDialog.DialogCode.Accepted
        typed_early.release()
        interaction = dialog.result_interaction
        if not accepted or interaction is None:
            return None
        entry_id = context.do(capture.log_interaction, interaction, request.moment_key)
        names = dialog.picker.chosen_names()
        worth = (
            "a note"
            if interaction.worth.polarity is Polarity.NEUTRAL
            else f"{interaction.value:+d}"
        )
        with_whom = names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"
        context.tell(f"Logged {worth} with {with_whom}", contact_id=interaction.contact_ids[0])
        return entry_id

    def edit_entry(self, entry_id: int) -> None:
        before = capture.entry_for_editing(self._context.ws, entry_id)
        dialog = self._dialog(list(before.contact_ids), drafts=False)
        dialog.load_entry(before)
        if dialog.exec() != LogDialog.DialogCode.Accepted or dialog.result_interaction is None:
            return
        self._context.do(capture.edit_entry, entry_id, dialog.result_interaction)
        self._context.tell("Entry saved")

    def new_reminder(self, contact_id: int | None) -> None:
        dialog = ReminderDialog(self._parent, Candidates(self._context.ws), contact_id)
        if dialog.exec() != ReminderDialog.DialogCode.Accepted:
            return
        draft = dialog.draft()
        self._context.do(
            agenda.remind, draft.title, draft.starts_at, draft.all_day, draft.rule, draft.contact_id
        )
        self._context.tell(f"Reminder saved: {draft.title.strip()}", contact_id=draft.contact_id)
