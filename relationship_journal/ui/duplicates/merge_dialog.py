"""Two cards of one person side by side: the user picks, field by field, which value stays.

Fields only one card has are taken as they are; where both differ a pair of radio buttons
says which wins (the kept card's by default). Everything else the other card holds —
entries, promises, profile answers, links, tags — comes along without asking.
"""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.operations import duplicates
from relationship_journal.operations.duplicates import FieldPair
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import birthday_text
from relationship_journal.ui.widgets import label


class MergeDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, context: JournalContext, keep_id: int, other_id: int
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle("Merge two contacts")
        self.setMinimumSize(720, 480)
        self._context = context
        self.keep_id, self.other_id = keep_id, other_id
        self.choices: dict[str, QButtonGroup] = {}
        self.merged_name = ""
        intro = label(
            "Everything both cards hold is kept: journal entries, promises, profile answers "
            "with their history, links, tags and custom values. Where the two differ, choose "
            "what stays. Notes are joined. Edit → Undo takes the merge back.",
            wrap=True,
        )
        self._grid_host = QWidget()
        self._grid = QGridLayout(self._grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self._grid_host)
        swap = QPushButton("Keep the other card instead")
        swap.setObjectName("swapMerge")
        connect_plain(swap.clicked, self.swap)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(swap, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self._fill()

    def _fill(self) -> None:
        for group in self.choices.values():
            group.deleteLater()
        self.choices = {}
        while self._grid.count():
            item = self._grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        ws = self._context.ws
        pairs = duplicates.side_by_side(ws, self.keep_id, self.other_id)
        keep_name = _title(pairs, "keep") or f"#{self.keep_id}"
        other_name = _title(pairs, "other") or f"#{self.other_id}"
        self._grid.addWidget(label(f"<b>Stays: {keep_name}</b>"), 0, 1)
        self._grid.addWidget(label(f"<b>Folded in: {other_name}</b>"), 0, 2)
        pairs = [_readable(pair) for pair in pairs]
        for row, pair in enumerate(pairs, start=1):
            self._grid.addWidget(QLabel(pair.label), row, 0)
            if pair.conflicting:
                self._choice(pair, row)
            else:
                self._grid.addWidget(label(pair.keep or "—", wrap=True), row, 1)
                self._grid.addWidget(label(pair.other or "—", wrap=True), row, 2)
        self._grid.setRowStretch(len(pairs) + 1, 1)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(2, 1)

    def _choice(self, pair: FieldPair, row: int) -> None:
        group = QButtonGroup(self)
        for column, text in ((1, pair.keep), (2, pair.other)):
            button = QRadioButton(_short(text))
            button.setToolTip(text)
            button.setObjectName(f"merge_{pair.key}_{'keep' if column == 1 else 'other'}")
            group.addButton(button, column)
            self._grid.addWidget(button, row, column)
        group.button(1).setChecked(True)
        self.choices[pair.key] = group

    def take_other(self) -> set[str]:
        return {key for key, group in self.choices.items() if group.checkedId() == 2}

    def swap(self) -> None:
        self.keep_id, self.other_id = self.other_id, self.keep_id
        self._fill()

    def accept(self) -> None:
        self.merged_name = self._context.do(
            duplicates.merge, self.keep_id, self.other_id, self.take_other()
        )
        self._context.tell(f"Merged into {self.merged_name}", contact_id=self.keep_id)
        super().accept()


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}")


def _readable(pair: FieldPair) -> FieldPair:
    """The pair with its dates ("1974-11-28", "--11-28") written as the window writes them."""

    def shown(value: str) -> str:
        if not _ISO_DAY.fullmatch(value):
            return value
        try:
            return birthday_text(PartialDate.parse(value))
        except (DateError, ValueError):
            return value

    return replace(pair, keep=shown(pair.keep), other=shown(pair.other))


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _title(pairs: list[FieldPair], side: str) -> str:
    for pair in pairs:
        if pair.key == "display_name":
            return str(getattr(pair, side))
    return ""
