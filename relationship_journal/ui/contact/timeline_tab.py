"""A contact's timeline tab: everything that happened, newest first; entries editable.

Its entries are read a page at a time, the next as the table is scrolled to its end."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations.contacts import ContactFile
from relationship_journal.ui.contact.timeline import (
    EntryIdRole,
    OlderEntries,
    TimelineModel,
    other_items,
)
from relationship_journal.ui.icons import icon
from relationship_journal.ui.widgets import label


class TimelineTab(QWidget):
    edit_requested = Signal(int)  # an entry's id
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = TimelineModel()
        self._contact_id: int | None = None
        self.table = QTableView()
        self.table.setObjectName("timeline")
        self.table.setAccessibleName("Timeline")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 90)
        self.delete_button = QPushButton(icon("delete"), "Delete entry")
        self.delete_button.setObjectName("deleteEntryButton")
        self.delete_button.setToolTip("Delete the selected journal entry (undo with Ctrl+Z)")
        self.delete_button.clicked.connect(self._delete)
        self.edit_button = QPushButton(icon("edit"), "Edit entry")
        self.edit_button.setObjectName("editEntryButton")
        self.edit_button.setToolTip("Edit the selected journal entry (or double-click it)")
        self.edit_button.clicked.connect(self._edit)
        self.table.doubleClicked.connect(self._edit)
        # Only journal entries can be edited or deleted here; promises and stage changes
        # in the timeline have their own places.
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.table.installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        row = QHBoxLayout()
        row.addWidget(label("Entries, promises, stage and profile changes, newest first", "muted"))
        row.addStretch()
        row.addWidget(self.edit_button)
        row.addWidget(self.delete_button)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self._update_buttons()

    def show_file(self, file: ContactFile, older: OlderEntries) -> None:
        """The file's entries and the rest of its timeline; ``older`` reads the entries
        after those the file holds, as the table is scrolled to its end. The same contact
        shown again (after an edit) keeps its chosen entry chosen, and in view."""
        chosen = self.selected_entry_id() if file.contact.id == self._contact_id else None
        self._contact_id = file.contact.id
        more = older if file.more_entries else None
        self.model.set_timeline(file.entries, other_items(file), more)
        row = self.model.row_of_entry(chosen) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)
            # Centred: in view still when the note of what was saved takes some height.
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Ctrl+End goes to the first thing that happened: every older entry is read first
        (scrolling reads them a page at a time)."""
        if (
            watched is self.table
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.matches(QKeySequence.StandardKey.MoveToEndOfDocument)
        ):
            while self.model.canFetchMore(QModelIndex()):
                self.model.fetchMore(QModelIndex())
        return super().eventFilter(watched, event)

    def selected_entry_id(self) -> int | None:
        index = self.table.currentIndex()
        entry_id = index.data(EntryIdRole) if index.isValid() else None
        return None if entry_id is None else int(entry_id)

    def _update_buttons(self, *_args: object) -> None:
        chosen = self.selected_entry_id() is not None
        self.edit_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def _edit(self, *_args: object) -> None:
        entry_id = self.selected_entry_id()
        if entry_id is not None:
            self.edit_requested.emit(entry_id)

    def _delete(self) -> None:
        entry_id = self.selected_entry_id()
        if entry_id is not None:
            self.delete_requested.emit(entry_id)
