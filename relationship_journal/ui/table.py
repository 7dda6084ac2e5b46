"""The table look shared by every list in the app."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

# The share of the width the text people read keeps when the window is narrow.
MAIN_SHARE = 0.4


# Below this share of their widths the other columns would be cut short: the optional ones
# are hidden first.
CROWDED = 0.75


class _ColumnFitter(QObject):
    """Gives the other columns their widths while there is room, and shrinks them in
    proportion when there is not, so the main column never drops below ``MAIN_SHARE`` of
    the table and the table never scrolls sideways. A column with a floor (a sample of its
    longest text: a date, a kind) keeps room for it whole; where the columns would be
    crowded, the optional ones are hidden, in their order."""

    def __init__(
        self,
        table: QTableView,
        widths: dict[int, int],
        floors: dict[int, str],
        optional: tuple[int, ...],
    ) -> None:
        super().__init__(table)
        self._table = table
        self._widths = widths
        self._floors = floors
        self._optional = optional
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        budget = self._table.viewport().width() * (1 - MAIN_SHARE)
        hidden: set[int] = set()
        for column in self._optional:
            wanted = sum(w for c, w in self._widths.items() if c not in hidden)
            if not wanted or budget / wanted >= CROWDED:
                break
            hidden.add(column)
        wanted = sum(w for c, w in self._widths.items() if c not in hidden)
        scale = min(1.0, budget / wanted) if wanted else 1.0
        header = self._table.horizontalHeader()
        metrics = self._table.fontMetrics()
        for column, width in self._widths.items():
            self._table.setColumnHidden(column, column in hidden)
            # Never narrower than the column's title, nor than its floor.
            least = min(width, header.sectionSizeHint(column))
            if column in self._floors:
                least = max(least, metrics.horizontalAdvance(self._floors[column]) + 16)
            self._table.setColumnWidth(column, max(least, int(width * scale)))


def make_table(
    name: str,
    accessible: str,
    model: QAbstractItemModel,
    stretch_column: int,
    widths: dict[int, int] | None = None,
    floors: dict[int, str] | None = None,
    optional: tuple[int, ...] = (),
) -> QTableView:
    """A read-only list of rows whose ``stretch_column`` (the text people read) takes the
    free width; the other columns keep ``widths`` while they fit, those with ``floors``
    room for that text at least, and the ``optional`` ones are hidden in a narrow window.
    Long text ends in "…" and shows whole on hover (the models give it as the tooltip)."""
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
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(28)
    header = table.horizontalHeader()
    header.setHighlightSections(False)  # bold titles of the chosen row's cells would be cut
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    header.setSectionResizeMode(stretch_column, QHeaderView.ResizeMode.Stretch)
    _ColumnFitter(table, dict(widths or {}), dict(floors or {}), optional).fit()
    return table
