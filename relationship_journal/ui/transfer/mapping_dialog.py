"""Map the columns of an unfamiliar CSV to contact fields."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations.transfer import ColumnMapping

NONE = "(not in this file)"
SINGLE_FIELDS = (
    ("name", "Full name"),
    ("given", "First name"),
    ("family", "Last name"),
    ("organisation", "Organisation"),
    ("title", "Job title"),
    ("birthday", "Birthday"),
    ("notes", "Notes"),
    ("tags", "Tags"),
    ("met_on", "When we met"),
    ("city", "City"),
)


class ColumnMappingDialog(QDialog):
    def __init__(self, parent: QWidget | None, header: list[str], start: ColumnMapping) -> None:
        super().__init__(parent)
        self.setObjectName("columnMapping")
        self.setWindowTitle("Which column holds what?")
        self.setMinimumWidth(480)
        self._boxes: dict[str, QComboBox] = {}
        form = QFormLayout()
        for attribute, label in SINGLE_FIELDS:
            box = self._box(attribute, header, getattr(start, attribute))
            form.addRow(label, box)
        self.email = self._box("email", header, start.emails[0][0] if start.emails else "")
        self.phone = self._box("phone", header, start.phones[0][0] if start.phones else "")
        form.addRow("Email", self.email)
        form.addRow("Phone", self.phone)
        self.month_first = QCheckBox("Dates are month first (4/12/1985 is 12 April)")
        self.month_first.setObjectName("monthFirst")
        form.addRow("", self.month_first)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "This file's columns are not those of a known contacts export. "
            "Say which column holds what; a name (full, first or last) is needed."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _box(self, name: str, header: list[str], current: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(f"map_{name}")
        box.addItem(NONE)
        box.addItems(header)
        if current in header:
            box.setCurrentText(current)
        self._boxes[name] = box
        return box

    def _value(self, name: str) -> str:
        text = self._boxes[name].currentText()
        return "" if text == NONE else text

    def mapping(self) -> ColumnMapping:
        mapping = ColumnMapping(format_name="CSV")
        for attribute, _label in SINGLE_FIELDS:
            setattr(mapping, attribute, self._value(attribute))
        if self._value("email"):
            mapping.emails = [(self._value("email"), "")]
        if self._value("phone"):
            mapping.phones = [(self._value("phone"), "")]
        mapping.day_first = not self.month_first.isChecked()
        return mapping

    def accept(self) -> None:
        if any(self._value(key) for key in ("name", "given", "family")):
            super().accept()
        else:
            self._boxes["name"].setFocus()
