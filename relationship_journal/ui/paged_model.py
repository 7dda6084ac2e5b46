"""A read-only table model that fetches rows from SQL a page at a time."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex
RowRole = Qt.ItemDataRole.UserRole + 10
PAGE_SIZE = 200


@dataclass(frozen=True)
class TableColumn(Generic[Row]):
    title: str
    text: Callable[[Row], str]
    colour: Callable[[Row], QColor | None] | None = None
    align_right: bool = False
    hint: str = ""  # what the column means, on hover over its title
    tip: Callable[[Row], str] | None = None  # the whole story on hover, when not the text


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: list[TableColumn[Row]],
        count: Callable[[], int],
        fetch: Callable[[int, int], list[Row]],
    ) -> None:
        super().__init__()
        self._columns = columns
        self._count_rows = count
        self._fetch = fetch
        self._count = 0
        self._pages: dict[int, list[Row]] = {}
        # Empty until its page first shows it (``reload``): starting the app counts nothing.

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._count = self._count_rows()
        self.endResetModel()

    def row_at(self, row: int) -> Row:
        number = row // PAGE_SIZE
        page = self._pages.get(number)
        if page is None:
            page = self._fetch(number * PAGE_SIZE, PAGE_SIZE)
            self._pages[number] = page
        return page[row % PAGE_SIZE]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._columns[section].hint or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row_at(index.row())
        column = self._columns[index.column()]
        if role == RowRole:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return (column.tip or column.text)(row)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            return column.colour(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
