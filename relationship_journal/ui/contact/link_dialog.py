"""Link a contact to another: reports to, works with, former colleague, introduced by, partner."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.links import LINK_KINDS
from relationship_journal.operations.contacts import Candidate
from relationship_journal.ui.contact_picker import CandidateSource, ContactPicker
from relationship_journal.ui.dialogs import save_cancel


class _Others:
    """Everyone but the contact being linked."""

    def __init__(self, source: CandidateSource, contact_id: int) -> None:
        self._source, self._contact_id = source, contact_id

    def find(self, text: str, exclude: Sequence[int]) -> list[Candidate]:
        return self._source.find(text, [*exclude, self._contact_id])

    def by_id(self, ids: Sequence[int]) -> list[Candidate]:
        return self._source.by_id(ids)


@dataclass
class LinkChoice:
    kind: str
    other_ids: list[int]
    note: str


class LinkDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, name: str, candidates: CandidateSource, contact_id: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(f"Link {name} to…")
        self.setMinimumWidth(460)
        self.kind = QComboBox()
        self.kind.setObjectName("linkKind")
        for kind in LINK_KINDS:
            self.kind.addItem(f"{name} {kind.forward}…", kind.key)
        self.picker = ContactPicker(_Others(candidates, contact_id))
        self.note = QLineEdit()
        self.note.setObjectName("linkNote")
        self.note.setPlaceholderText("Optional note")
        form = QFormLayout()
        form.addRow("Link", self.kind)
        form.addRow("Contact", self.picker)
        form.addRow("Note", self.note)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        if self.picker.selected_ids():
            super().accept()
        else:
            self.picker.search.setFocus()

    @classmethod
    def get_link(
        cls, parent: QWidget | None, name: str, candidates: CandidateSource, contact_id: int
    ) -> tuple[LinkChoice | None, bool]:
        dialog = cls(parent, name, candidates, contact_id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        choice = LinkChoice(
            str(dialog.kind.currentData()), dialog.picker.selected_ids(), dialog.note.text()
        )
        return choice, True
