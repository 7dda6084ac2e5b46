"""Creating and editing contacts from the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.operations import contacts
from relationship_journal.ui.contact.dialog import ContactDialog
from relationship_journal.ui.context import JournalContext


class ContactEditing(QObject):
    def __init__(
        self, parent: QWidget, context: JournalContext, open_contact: Callable[[int], None]
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self._open_contact = open_contact

    def _ask(self, current: ContactDraft | None) -> ContactDraft | None:
        ws = self._context.ws
        draft, ok = ContactDialog.get_contact(
            self._parent,
            current,
            contacts.organisation_names(ws),
            contacts.relationship_types(ws),
            contacts.custom_fields(ws),
        )
        return draft if ok else None

    def new_contact(self) -> None:
        draft = self._ask(None)
        if draft is not None:
            self._open_contact(self._context.do(contacts.create, draft))
            self._context.tell(f"Added {draft.display_name}")

    def edit_contact(self, contact_id: int) -> None:
        draft = self._ask(contacts.draft_for_editing(self._context.ws, contact_id))
        if draft is not None:
            self._context.do(contacts.edit, contact_id, draft)
            self._context.tell(f"Saved {draft.display_name}")
