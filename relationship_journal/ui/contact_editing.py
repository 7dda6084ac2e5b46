"""Creating and editing contacts from the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    update_contact,
)
from relationship_journal.store.custom_fields import fields as custom_fields
from relationship_journal.store.organisations import list_organisations
from relationship_journal.store.vocabulary import RELATIONSHIP_TYPE, terms
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
        context = self._context
        draft, ok = ContactDialog.get_contact(
            self._parent,
            current,
            [row.name for row in context.read(list_organisations)],
            context.read(lambda s: terms(s, RELATIONSHIP_TYPE)),
            context.read(custom_fields),
        )
        return draft if ok else None

    def new_contact(self) -> None:
        draft = self._ask(None)
        if draft is None:
            return
        now = clock.now()
        contact = self._context.write(
            f"New contact {draft.display_name}", lambda s: create_contact(s, draft, now)
        )
        assert contact.id is not None
        self._open_contact(contact.id)

    def edit_contact(self, contact_id: int) -> None:
        current = self._context.read(lambda s: draft_of(s, get_contact(s, contact_id)))
        draft = self._ask(current)
        if draft is not None:
            now = clock.now()
            self._context.write(
                f"Edit {draft.display_name}", lambda s: update_contact(s, contact_id, draft, now)
            )
