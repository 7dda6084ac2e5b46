"""Capturing what happened: log an interaction, edit an entry, set a reminder.

Each save is one step on the undo stack, and the window's toast says what was saved with
Undo and Open at hand for a few seconds.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget
from sqlmodel import Session

from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.store import clock
from relationship_journal.store.agenda import mark_done
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
from relationship_journal.ui.today.reminder_dialog import ReminderDialog
from relationship_journal.ui.typeahead import TypeAhead


class Capture(QObject):
    def __init__(self, parent: QWidget, context: JournalContext) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context

    def log_interaction(self, request: LogRequest) -> int | None:
        context = self._context
        typed_early = TypeAhead.hold()  # keys typed before the dialog shows go into it
        dialog = LogDialog(
            self._parent,
            JournalCandidates(context.read),
            list(request.contact_ids),
            context.read(extra_categories),
            context.drafts,
        )
        dialog.prefill(request.polarity, request.summary, request.category)
        typed_early.follow(dialog)
        accepted = dialog.exec() == LogDialog.DialogCode.Accepted
        typed_early.release()
        if not accepted or dialog.result_interaction is None:
            return None
        logged = dialog.result_interaction
        names = dialog.picker.chosen_names()
        now = clock.now()

        def save(session: Session) -> int:
            entry_id = save_interaction(session, logged)
            if request.moment_key:  # the moment it answers is dealt with
                mark_done(session, request.moment_key, now)
            return entry_id

        entry_id = context.write(f"Log “{logged.summary}”", save)
        value = draft_from_interaction(logged).value
        worth = f"{value:+d}" if logged.polarity is not Polarity.NEUTRAL else "a note"
        with_whom = names[0] if len(names) == 1 else f"{names[0]} and {len(names) - 1} more"
        context.tell(f"Logged {worth} with {with_whom}", contact_id=logged.contact_ids[0])
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
        context.tell("Entry saved")

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
        self._context.tell(f"Reminder saved: {draft.title.strip()}", contact_id=draft.contact_id)
