"""The contacts table's columns fitted to the window: the name takes the free width and
elides, and the less important columns step aside while the table is narrow."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

# Width of each column as the model orders them (Name, Organisation, Title, Stage, Tier,
# Balance, Health, Last contact, Known, Next moment).
WIDTHS = (150, 130, 125, 96, 68, 64, 100, 98, 56, 130)
NAME_MINIMUM = 150
# The first to step aside when the table is too narrow for every column; the others stay.
HIDE_FIRST = (2, 8, 4, 9, 3, 1)


class FittedColumns(QObject):
    """Keeps ``table``'s columns within its width: no sideways scrolling."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self._table = table
        header = table.horizontalHeader()
        header.setHighlightSections(False)  # bold titles of the chosen row's cells were cut
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column, width in enumerate(WIDTHS):
            table.setColumnWidth(column, width)
        table.viewport().installEventFilter(self)
        table.model().modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        """Hide the columns that do not fit, in order of importance; show those that do."""
        table = self._table
        room = table.viewport().width() - NAME_MINIMUM
        widths = {column: self._width(column) for column in range(1, len(WIDTHS))}
        hidden = set()
        for column in HIDE_FIRST:
            if sum(w for c, w in widths.items() if c not in hidden) <= room:
                break
            hidden.add(column)
        for column in widths:
            table.setColumnHidden(column, column in hidden)

    def _width(self, column: int) -> int:
        """The column's width as shown, or as it will be shown again once room is made."""
        header = self._table.horizontalHeader()
        size = header.sectionSize(column)
        return size if size > 0 else WIDTHS[column]
