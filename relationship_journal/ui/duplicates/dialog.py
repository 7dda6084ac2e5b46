"""Edit → Find duplicates: the pairs of contacts that may be one person, with why, to merge
or to mark as two people."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations import duplicates
from relationship_journal.operations.duplicates import LikelyPair
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.duplicates.merge_dialog import MergeDialog
from relationship_journal.ui.widgets import empty_state, label

PAIR = Qt.ItemDataRole.UserRole


class DuplicatesDialog(QDialog):
    def __init__(self, parent: QWidget | None, context: JournalContext) -> None:
        super().__init__(parent)
        self.setObjectName("duplicatesDialog")
        self.setWindowTitle("Find duplicates")
        self.setMinimumSize(560, 380)
        self._context = context
        self.list = QListWidget()
        self.list.setObjectName("duplicatePairs")
        self.list.setAccessibleName("Contacts that may be the same person")
        self.list.setAlternatingRowColors(True)
        self.empty = empty_state(
            "No likely duplicates: no two contacts share an e-mail address, a phone number "
            "or a name, and no names at one organisation are nearly the same."
        )
        self.merge_button = QPushButton("Merge…")
        self.merge_button.setObjectName("mergePair")
        self.distinct_button = QPushButton("Not the same person")
        self.distinct_button.setObjectName("distinctPair")
        connect_plain(self.merge_button.clicked, self.merge_selected)
        connect_plain(self.distinct_button.clicked, self.mark_selected_distinct)
        self.list.itemDoubleClicked.connect(lambda *_: self.merge_selected())
        self.list.currentRowChanged.connect(lambda *_: self._enable())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.merge_button)
        row.addWidget(self.distinct_button)
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(label("Pairs of contacts that may be one person, and why.", wrap=True))
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addLayout(row)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for pair in duplicates.find(self._context.ws):
            item = QListWidgetItem(f"{pair.first_name}  ·  {pair.second_name}\n{pair.reason}")
            item.setData(PAIR, pair)
            item.setToolTip(f"#{pair.first_id} and #{pair.second_id}: {pair.reason}")
            self.list.addItem(item)
        has_pairs = self.list.count() > 0
        self.list.setVisible(has_pairs)
        self.empty.setVisible(not has_pairs)
        if has_pairs:
            self.list.setCurrentRow(0)
        self._enable()

    def _enable(self) -> None:
        chosen = self.selected() is not None
        self.merge_button.setEnabled(chosen)
        self.distinct_button.setEnabled(chosen)

    def selected(self) -> LikelyPair | None:
        item = self.list.currentItem()
        pair = item.data(PAIR) if item is not None else None
        return pair if isinstance(pair, LikelyPair) else None

    def merge_selected(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        MergeDialog(self, self._context, pair.first_id, pair.second_id).exec()
        self.refresh()

    def mark_selected_distinct(self) -> None:
        pair = self.selected()
        if pair is None:
            return
        self._context.do(duplicates.not_the_same, pair.first_id, pair.second_id)
        self._context.tell(f"{pair.first_name} and {pair.second_name} kept apart")
        self.refresh()
