"""Charts drawn with QPainter in the colours of the balance and health badges."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from relationship_journal.drawing import ChartColours, paint_balance
from relationship_journal.ui.theme import value_colour


class BalanceChart(QWidget):
    """The balance of one relationship over time: a line, filled green above zero, red below."""

    def __init__(self, parent: QWidget | None = None, compact: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("balanceChart")
        self.setAccessibleName("Balance over time")
        self._series: list[tuple[date, float]] = []
        self._compact = compact
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(70 if compact else 170)

    def sizeHint(self) -> QSize:
        return QSize(420, 70 if self._compact else 190)

    def set_series(self, series: list[tuple[date, float]]) -> None:
        self._series = series
        self.update()

    def series(self) -> list[tuple[date, float]]:
        return list(self._series)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.paint(painter, QRectF(self.rect()))
        painter.end()

    def paint(self, painter: QPainter, area: QRectF) -> None:
        palette = self.palette()
        colours = ChartColours(
            text=palette.color(QPalette.ColorRole.PlaceholderText),
            grid=palette.color(QPalette.ColorRole.Mid),
            positive=value_colour(1),
            negative=value_colour(-1),
            neutral=value_colour(0),
        )
        paint_balance(painter, area, self._series, colours, self._compact)
