"""The table look shared by every list in the app."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


def make_table(
    name: str,
    accessible: str,
    model: QAbstractItemModel,
    stretch_column: int,
    widths: dict[int, int] | None = None,
) -> QTableView:
    """A read-only list of rows whose ``stretch_column`` (the text people read) takes the
    free width; the other columns keep ``widths``. Long text ends in "…" and shows whole on
    hover (the models give it as the tooltip)."""
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    # The model first: a header forgets its sections' resize modes when the model changes.
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(48)
    for column, width in (widths or {}).items():
        table.setColumnWidth(column, width)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    return table
