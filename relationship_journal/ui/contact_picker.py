"""Pick one or more contacts by typing part of a name, accents and case ignored.

Matches are looked up in the journal as the user types (a few rows per keystroke, so the
picker opens at once on any journal). The people chosen show as chips above the search
field, each removable on its own. Enter picks the highlighted match; Enter in an empty
field, or with the name of someone chosen already, moves on (``done``); Escape closes an
open list of matches and nothing else.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.text import fold
from relationship_journal.operations.contacts import Candidate
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.icons import icon


class CandidateSource(Protocol):
    """Where a picker finds people: by what was typed (leaving out those chosen), by id."""

    def find(self, text: str, exclude: Sequence[int]) -> list[Candidate]: ...

    def by_id(self, ids: Sequence[int]) -> list[Candidate]: ...


class ContactPicker(QWidget):
    """``single``: choosing someone replaces whoever was chosen (one person only)."""

    picked = Signal(int)
    done = Signal()  # Enter with nothing typed: the user is finished choosing

    def __init__(
        self,
        source: CandidateSource,
        preselected: Sequence[int] = (),
        parent: QWidget | None = None,
        single: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("contactPicker")
        self._source = source
        self._single = single
        known = source.by_id(list(preselected))
        self._names = {c.id: c.name for c in known}
        self._chosen: list[int] = [c.id for c in known]

        self.search = QLineEdit()
        self.search.setObjectName("contactPickerSearch")
        self.search.setPlaceholderText("Type part of a name, Enter to add")
        self.search.setAccessibleName("With: find a contact")
        self.matches = QListWidget()
        self.matches.setObjectName("contactPickerMatches")
        self.matches.setAccessibleName("Matching contacts")
        self.matches.setMaximumHeight(150)
        self.matches.setVisible(False)
        self.chips = QHBoxLayout()
        self.chips.setContentsMargins(0, 0, 0, 0)
        self.chips.setSpacing(4)
        self.nobody = QLabel("Nobody chosen yet")
        self.nobody.setProperty("role", "muted")
        self.nobody.setObjectName("chosenContacts")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(self.chips)
        layout.addWidget(self.search)
        layout.addWidget(self.matches)
        self.search.textChanged.connect(self._refilter)
        self.search.installEventFilter(self)
        self.matches.installEventFilter(self)
        self.matches.itemActivated.connect(self._choose_item)
        self._show_chosen()

    def selected_ids(self) -> list[int]:
        return list(self._chosen)

    def chosen_names(self) -> list[str]:
        return [self._names[cid] for cid in self._chosen]

    def is_chosen_already(self, typed: str) -> bool:
        """Whether ``typed`` names, in part, someone chosen already (case and accents aside)."""
        wanted = fold(typed)
        return bool(wanted) and any(wanted in fold(self._names[i]) for i in self._chosen)

    def clear(self) -> None:
        self._chosen.clear()
        self._show_chosen()
        self.search.setFocus()

    def choose(self, contact_id: int) -> None:
        if contact_id not in self._names:
            self._names.update((c.id, c.name) for c in self._source.by_id([contact_id]))
        if contact_id in self._names and contact_id not in self._chosen:
            if self._single:
                self._chosen.clear()
            self._chosen.append(contact_id)
        self.search.clear()
        self._show_chosen()
        self.picked.emit(contact_id)

    def remove(self, contact_id: int) -> None:
        if contact_id in self._chosen:
            self._chosen.remove(contact_id)
        self._show_chosen()
        self.search.setFocus()

    def chip(self, contact_id: int) -> QToolButton | None:
        found = self.findChild(QToolButton, f"chip_{contact_id}")
        return found if isinstance(found, QToolButton) else None

    def _show_chosen(self) -> None:
        while self.chips.count():
            item = self.chips.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self.nobody:
                widget.deleteLater()
        for contact_id in self._chosen:
            name = self._names[contact_id]
            chip = QToolButton()
            chip.setObjectName(f"chip_{contact_id}")
            chip.setText(name)
            chip.setIcon(icon("remove"))
            chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            chip.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the cross after the name
            chip.setProperty("role", "chip")
            chip.setToolTip(f"Remove {name}")
            chip.setAccessibleName(f"{name}, remove")
            connect_plain(chip.clicked, lambda cid=contact_id: self.remove(cid))
            self.chips.addWidget(chip)
        self.nobody.setVisible(not self._chosen)
        self.chips.addWidget(self.nobody)
        self.chips.addStretch()

    def _refilter(self, text: str) -> None:
        self.matches.clear()
        found = self._source.find(text, self._chosen) if text.strip() else []
        for candidate in found:
            self._names[candidate.id] = candidate.name
            item = QListWidgetItem(candidate.label)
            item.setData(Qt.ItemDataRole.UserRole, candidate.id)
            self.matches.addItem(item)
        self.matches.setVisible(bool(found))
        if found:
            self.matches.setCurrentRow(0)

    def _choose_item(self, item: QListWidgetItem) -> None:
        self.choose(int(item.data(Qt.ItemDataRole.UserRole)))
        self.matches.setVisible(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched not in (self.search, self.matches):
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key == Qt.Key.Key_Escape and not self.matches.isHidden():
            self.matches.setVisible(False)  # Escape closes the suggestions, not the dialog
            self.search.setFocus()
            return True
        if watched is self.search:
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not self.matches.isHidden():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self.search.text().strip():
                    item = self.matches.currentItem()
                    if item is not None and not self.matches.isHidden():
                        self._choose_item(item)
                    elif self.is_chosen_already(self.search.text()):
                        self.search.clear()  # typed out of habit: they are there already
                        self.done.emit()
                    return True
                # Nobody chosen yet is fine too: the form asks for someone when it is saved.
                self.done.emit()
                return True
            if key == Qt.Key.Key_Backspace and not self.search.text() and self._chosen:
                self.remove(self._chosen[-1])  # as in a mail program's address field
                return True
        return super().eventFilter(watched, event)
