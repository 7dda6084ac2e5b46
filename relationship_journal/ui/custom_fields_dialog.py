"""Define the journal's custom fields once; every contact then shows and edits them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.custom_fields import FIELD_TYPES
from relationship_journal.operations import lists
from relationship_journal.operations.errors import InvalidInputError
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.theme import WITHDRAWAL


class CustomFieldsDialog(QDialog):
    def __init__(self, parent: QWidget | None, context: JournalContext) -> None:
        super().__init__(parent)
        self.setObjectName("customFieldsDialog")
        self.setWindowTitle("Custom fields")
        self.setMinimumWidth(460)
        self._context = context
        self.list = QListWidget()
        self.list.setObjectName("customFieldList")
        self.name = QLineEdit()
        self.name.setObjectName("customFieldName")
        self.name.setPlaceholderText("For example: Account number, Preferred airline")
        self.type = QComboBox()
        self.type.setObjectName("customFieldType")
        self.type.addItems(list(FIELD_TYPES))
        self.choices = QLineEdit()
        self.choices.setObjectName("customFieldChoices")
        self.choices.setPlaceholderText("Comma-separated, for a choice field")
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WITHDRAWAL};")
        self.error.setVisible(False)
        add = QPushButton("Add field")
        add.setObjectName("addCustomField")
        add.clicked.connect(self.add_field)
        remove = QPushButton("Remove selected")
        remove.setObjectName("removeCustomField")
        remove.clicked.connect(self.remove_selected)
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Type", self.type)
        form.addRow("Choices", self.choices)
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addStretch()
        buttons_row.addWidget(remove)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Fields every contact has, shown and edited with the others."))
        layout.addWidget(self.list)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons_row)
        layout.addWidget(close)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        for field in lists.custom_fields(self._context.ws):
            choices = f" ({', '.join(field.choices.splitlines())})" if field.choices else ""
            item = QListWidgetItem(f"{field.name} — {field.field_type}{choices}")
            item.setData(Qt.ItemDataRole.UserRole, field.id)
            self.list.addItem(item)

    def add_field(self) -> None:
        name, kind = self.name.text(), self.type.currentText()
        choices = [c.strip() for c in self.choices.text().split(",")]
        try:
            self._context.do(lists.add_custom_field, name, kind, choices)
        except InvalidInputError as error:
            self.error.setText(str(error))
            self.error.setVisible(True)
            return
        self.error.setVisible(False)
        self.name.clear()
        self.choices.clear()
        self.reload()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self, "Remove field", f"Remove '{item.text()}' and its value on every contact?"
        )
        if answer == QMessageBox.StandardButton.Yes:
            field_id = int(item.data(Qt.ItemDataRole.UserRole))
            self._context.do(lists.remove_custom_field, field_id, item.text())
            self.reload()
