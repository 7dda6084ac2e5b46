"""Pick one or more contacts by typing part of a name, accents and case ignored."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.text import fold

MAX_MATCHES = 8


class ContactPicker(QWidget):
    """``candidates`` are (id, name, organisation), most recently in touch first."""

    picked = Signal(int)

    def __init__(
        self,
        candidates: list[tuple[int, str, str]],
        preselected: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactPicker")
        self._candidates = candidates
        self._keys = [fold(f"{name} {org}") for _, name, org in candidates]
        self._names = {cid: name for cid, name, _ in candidates}
        self._chosen: list[int] = [cid for cid in preselected if cid in self._names]

        self.search = QLineEdit()
        self.search.setObjectName("contactPickerSearch")
        self.search.setPlaceholderText("Type part of a name, Enter to add")
        self.search.setAccessibleName("Find a contact")
        self.matches = QListWidget()
        self.matches.setObjectName("contactPickerMatches")
        self.matches.setAccessibleName("Matching contacts")
        self.matches.setMaximumHeight(150)
        self.matches.setVisible(False)
        self.chosen_row = QHBoxLayout()
        self.chosen_row.setContentsMargins(0, 0, 0, 0)
        self.chosen_label = QLabel()
        self.chosen_label.setObjectName("chosenContacts")
        self.clear_button = QPushButton("Clear")
        self.clear_button.setObjectName("clearChosen")
        self.clear_button.clicked.connect(self.clear)
        self.chosen_row.addWidget(self.chosen_label, 1)
        self.chosen_row.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.chosen_row)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self.search.textChanged.connect(self._refilter)
        self.search.installEventFilter(self)
        self.matches.itemActivated.connect(self._choose_item)
        self._show_chosen()

    def selected_ids(self) -> list[int]:
        return list(self._chosen)

    def clear(self) -> None:
        self._chosen.clear()
        self._show_chosen()
        self.search.setFocus()

    def choose(self, contact_id: int) -> None:
        if contact_id in self._names and contact_id not in self._chosen:
            self._chosen.append(contact_id)
        self.search.clear()
        self._show_chosen()
        self.picked.emit(contact_id)

    def _show_chosen(self) -> None:
        names = [self._names[cid] for cid in self._chosen]
        self.chosen_label.setText(", ".join(names) if names else "No contact chosen yet")
        self.clear_button.setVisible(bool(names))

    def _refilter(self, text: str) -> None:
        key = fold(text)
        self.matches.clear()
        if not key:
            self.matches.setVisible(False)
            return
        words = key.split()
        shown = 0
        for (cid, name, org), haystack in zip(self._candidates, self._keys, strict=True):
            if cid in self._chosen or not all(word in haystack for word in words):
                continue
            item = QListWidgetItem(f"{name} — {org}" if org else name)
            item.setData(Qt.ItemDataRole.UserRole, cid)
            self.matches.addItem(item)
            shown += 1
            if shown >= MAX_MATCHES:
                break
        self.matches.setVisible(shown > 0)
        if shown:
            self.matches.setCurrentRow(0)

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.choose(int(item.data(Qt.ItemDataRole.UserRole)))
        self.matches.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.isVisible():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.search.text().strip():
                item = self.matches.currentItem()
                if item is not None:
                    self._choose_item(item)
                return True
        return super().eventFilter(watched, event)
