"""Charts drawn with QPainter in the colours of the balance and health badges."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

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
        """Draw into ``area`` of any paint device (the window, or a PDF page)."""
        palette = self.palette()
        text_colour = palette.color(QPalette.ColorRole.PlaceholderText)
        left = 8 if self._compact else 40
        bottom = 6 if self._compact else 22
        plot = area.adjusted(left, 8, -8, -bottom)
        if len(self._series) < 2 or plot.width() <= 0 or plot.height() <= 0:
            painter.setPen(text_colour)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No deposits or withdrawals yet")
            return
        values = [value for _, value in self._series]
        top_value = max(max(values), 1.0)
        low_value = min(min(values), 0.0)
        span = top_value - low_value or 1.0

        def y_of(value: float) -> float:
            return plot.bottom() - (value - low_value) / span * plot.height()

        def x_of(index: int) -> float:
            return plot.left() + index / (len(self._series) - 1) * plot.width()

        zero_y = y_of(0.0)
        grid = QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine)
        painter.setPen(grid)
        painter.drawLine(QPointF(plot.left(), zero_y), QPointF(plot.right(), zero_y))
        if not self._compact:
            painter.setPen(text_colour)
            for value in (top_value, 0.0, low_value) if low_value < 0 else (top_value, 0.0):
                painter.drawText(
                    QRectF(area.left(), y_of(value) - 8, left - 6, 16),
                    Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                    f"{value:+.0f}" if value else "0",
                )
            first, last = self._series[0][0], self._series[-1][0]
            painter.drawText(
                QRectF(plot.left(), plot.bottom() + 4, 120, 16),
                Qt.AlignmentFlag.AlignLeft,
                f"{first:%b %Y}",
            )
            painter.drawText(
                QRectF(plot.right() - 120, plot.bottom() + 4, 120, 16),
                Qt.AlignmentFlag.AlignRight,
                "today" if last == date.today() else f"{last:%d %b %Y}",
            )
        line = QPainterPath()
        for index, value in enumerate(values):
            point = QPointF(x_of(index), y_of(value))
            if index == 0:
                line.moveTo(point)
            else:
                line.lineTo(point)
        area_path = QPainterPath(line)
        area_path.lineTo(QPointF(x_of(len(values) - 1), zero_y))
        area_path.lineTo(QPointF(x_of(0), zero_y))
        area_path.closeSubpath()
        colour = value_colour(values[-1])
        gradient = QLinearGradient(0, plot.top(), 0, plot.bottom())
        fill = QColor(colour)
        fill.setAlpha(70)
        gradient.setColorAt(0, fill)
        fill.setAlpha(10)
        gradient.setColorAt(1, fill)
        painter.fillPath(area_path, gradient)
        painter.setPen(QPen(colour, 2.2 if not self._compact else 1.6))
        painter.drawPath(line)
        end = QPointF(x_of(len(values) - 1), y_of(values[-1]))
        painter.setBrush(colour)
        painter.drawEllipse(end, 3.5, 3.5)
