"""What can be done from a contact's page: answer a profile question, set a stage, make a
promise, link people, say how far ahead to be told; each one undoable step."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from relationship_journal.domain import profile
from relationship_journal.operations import agenda, capture, contacts, photos, promises, stages
from relationship_journal.operations import profile as answers
from relationship_journal.operations.contacts import Candidates
from relationship_journal.operations.errors import InvalidInputError
from relationship_journal.ui.contact.fact_dialogs import FactDialog, FactHistoryDialog
from relationship_journal.ui.contact.link_dialog import LinkDialog
from relationship_journal.ui.contact.notice_dialog import NoticeDialog
from relationship_journal.ui.contact.stage_dialog import StageDialog
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.ledger.promise_actions import resolve_promise
from relationship_journal.ui.ledger.promise_dialog import PromiseDialog

if TYPE_CHECKING:
    from relationship_journal.ui.contact.page import ContactPage


def fact_draft_key(contact_id: int, topic_key: str) -> str:
    return f"fact-{contact_id}-{topic_key}"


class ContactActions(QObject):
    def __init__(self, page: ContactPage, context: JournalContext) -> None:
        super().__init__(page)
        self._page = page
        self._context = context

    def _shown(self) -> tuple[int, str] | None:
        """The contact on the page (id, name), if any."""
        page = self._page
        if page.contact_id is None or page.file is None:
            return None
        return page.contact_id, page.file.contact.display_name

    def choose_photo(self) -> None:
        if self._shown() is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self._page,
            "Choose a photo",
            "",
            "Images (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp)",
        )
        if path:
            self.set_photo(Path(path))

    def set_photo(self, path: Path) -> None:
        """A photo chosen or dropped: checked, made small and stored as one undoable step."""
        shown = self._shown()
        if shown is None:
            return
        try:
            self._context.do(photos.photo_from_file, shown[0], path)
        except InvalidInputError as error:
            QMessageBox.warning(self._page, "Photo not set", f"{path.name}: {error}")
            return
        self._context.tell(f"Photo of {shown[1]} set")

    def remove_photo(self) -> None:
        shown = self._shown()
        if shown is not None:
            self._context.do(photos.remove_photo, shown[0])
            self._context.tell(f"Photo of {shown[1]} removed")

    def edit_fact(self, topic_key: str) -> None:
        shown = self._shown()
        if shown is None or self._page.file is None:
            return
        contact_id = shown[0]
        topic = profile.topic(topic_key)
        current = self._page.file.facts.get(topic_key)
        text, ok = FactDialog.get_answer(
            self._page,
            topic,
            current.text if current else "",
            self._context.drafts,
            fact_draft_key(contact_id, topic_key),
        )
        if ok:
            self._context.do(answers.record_answer, contact_id, topic_key, text)
            self._context.tell(f"{topic.label}: saved, the earlier answer kept in its history")

    def show_fact_history(self, topic_key: str) -> None:
        shown = self._shown()
        if shown is None:
            return
        contact_id = shown[0]
        history = answers.answers_over_time(self._context.ws, contact_id, topic_key)
        FactHistoryDialog(self._page, profile.topic(topic_key), history).exec()

    def set_stage(self) -> None:
        shown = self._shown()
        if shown is None or self._page.file is None:
            return
        contact_id = shown[0]
        models = stages.models(self._context.ws)
        held = {layer.layer: (layer.model_key, layer.stage) for layer in self._page.file.layers}
        choice, ok = StageDialog.get_stage(self._page, models, held)
        if ok and choice is not None and choice.layer:
            self._context.do(
                stages.move, contact_id, choice.layer, choice.stage, choice.model_key, choice.note
            )
            self._context.tell(f"{choice.layer}: {choice.stage}")

    def edit_notice(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        contact_id, name = shown
        rules = agenda.notice_rules(self._context.ws)
        dialog = NoticeDialog(self._page, name, contact_id, rules)
        if dialog.exec() != NoticeDialog.DialogCode.Accepted:
            return
        self._context.do(agenda.set_notice, dialog.choices(), contact_id)

    def add_promise(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        contact_id, name = shown
        draft, ok = PromiseDialog.get_promise(self._page, name)
        if ok and draft is not None:
            self._context.do(promises.make, contact_id, draft.text, draft.owner, draft.due_on)
            mine = draft.owner == "me"
            self._context.tell(f"{'You promised' if mine else f'{name} promised'}: {draft.text}")

    def resolve_promise(self, promise_id: int, status: str) -> None:
        resolve_promise(self._page, self._context, promise_id, status)

    def add_link(self) -> None:
        shown = self._shown()
        if shown is None:
            return
        contact_id, name = shown
        candidates = Candidates(self._context.ws)
        choice, ok = LinkDialog.get_link(self._page, name, candidates, contact_id)
        if ok and choice is not None:
            self._context.do(contacts.link, contact_id, choice.other_ids, choice.kind, choice.note)
            self._context.tell(f"Linked {name}")

    def remove_link(self, link_id: int) -> None:
        self._context.do(contacts.unlink, link_id)
        self._context.tell("Link removed")

    def delete_entry(self, entry_id: int) -> None:
        self._context.do(capture.remove_entry, entry_id)
        self._context.tell("Entry deleted")
