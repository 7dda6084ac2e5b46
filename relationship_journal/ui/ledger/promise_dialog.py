"""A promise on its own, either way, with a due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.ui.dates import DayField
from relationship_journal.ui.dialogs import GuardedDialog, save_cancel


@dataclass
class PromiseDraft:
    owner: str
    text: str
    due_on: date | None


class PromiseDialog(GuardedDialog):
    unsaved_what = "this promise"

    def __init__(self, parent: QWidget | None, contact_name: str) -> None:
        super().__init__(parent)
        self.setObjectName("promiseDialog")
        self.setWindowTitle(f"Promise — {contact_name}")
        self.setMinimumWidth(440)
        self.owner = QComboBox()
        self.owner.setObjectName("promiseOwner")
        self.owner.addItem("I promised", "me")
        self.owner.addItem(f"{contact_name} promised", "them")
        self.text = QLineEdit()
        self.text.setObjectName("promiseText")
        self.text.setPlaceholderText("What was promised")
        self.has_due = QCheckBox("Due on")
        self.has_due.setChecked(True)
        self.due = DayField("promiseDue", date.today() + timedelta(days=7))
        self.has_due.toggled.connect(self.due.setEnabled)
        form = QFormLayout()
        form.addRow("Who", self.owner)
        form.addRow("What", self.text)
        form.addRow(self.has_due, self.due)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def has_unsaved_input(self) -> bool:
        return bool(self.text.text().strip())

    def accept(self) -> None:
        if not self.text.text().strip():
            self.text.setFocus()
            self.text.setPlaceholderText("Say what was promised")
        elif not self.due.refuse():
            super().accept()

    @classmethod
    def get_promise(
        cls, parent: QWidget | None, contact_name: str
    ) -> tuple[PromiseDraft | None, bool]:
        dialog = cls(parent, contact_name)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None, False
        due = dialog.due.value() if dialog.has_due.isChecked() else None
        return PromiseDraft(str(dialog.owner.currentData()), dialog.text.text(), due), True  # type: ignore[arg-type]
