"""Relationships as points: balance up the side, trend across; colour is health."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from relationship_journal.operations.views import PortfolioPoint
from relationship_journal.ui.theme import health_colour

RADIUS = 6.0


class PortfolioChart(QWidget):
    contact_clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("portfolioChart")
        self.setAccessibleName("Portfolio of relationships by balance and trend")
        self.setMinimumHeight(320)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self._points: list[PortfolioPoint] = []
        self._placed: list[tuple[QPointF, PortfolioPoint]] = []

    def set_points(self, points: list[PortfolioPoint]) -> None:
        self._points = points
        self.update()

    def _plot_area(self) -> QRectF:
        return QRectF(self.rect()).adjusted(52, 16, -16, -40)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        plot = self._plot_area()
        self._placed = []
        if not self._points:
            painter.setPen(muted)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter,
                "No relationships of this tier yet. Set a contact's tier to key or strategic.",
            )
            return
        balances = [p.standing.balance for p in self._points]
        trends = [p.standing.trend for p in self._points]
        top, low = max(max(balances), 1.0), min(min(balances), -1.0)
        right, left = max(max(trends), 1.0), min(min(trends), -1.0)
        span_y, span_x = (top - low) * 1.1, (right - left) * 1.1

        def place(trend: float, balance: float) -> QPointF:
            x = plot.left() + (trend - left + (right - left) * 0.05) / span_x * plot.width()
            y = plot.bottom() - (balance - low + (top - low) * 0.05) / span_y * plot.height()
            return QPointF(x, y)

        origin = place(0.0, 0.0)
        painter.setPen(QPen(palette.color(QPalette.ColorRole.Mid), 1, Qt.PenStyle.DashLine))
        painter.drawLine(QPointF(plot.left(), origin.y()), QPointF(plot.right(), origin.y()))
        painter.drawLine(QPointF(origin.x(), plot.top()), QPointF(origin.x(), plot.bottom()))
        painter.setPen(muted)
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 8, plot.width(), 18),
            Qt.AlignmentFlag.AlignCenter,
            "◀ cooling        trend over 90 days        growing ▶",
        )
        painter.save()
        painter.translate(14, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-120, -10, 240, 20), Qt.AlignmentFlag.AlignCenter, "balance")
        painter.restore()
        for value in (top, 0.0, low):
            y = place(0.0, value).y()
            painter.drawText(
                QRectF(20, y - 9, 28, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:+.0f}" if value else "0",
            )
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        for point in sorted(self._points, key=lambda p: p.standing.balance):
            centre = place(point.standing.trend, point.standing.balance)
            colour = health_colour(point.standing.health)
            fill = QColor(colour)
            fill.setAlpha(200)
            painter.setPen(QPen(colour.darker(120), 1))
            painter.setBrush(fill)
            painter.drawEllipse(centre, RADIUS, RADIUS)
            painter.setPen(text_colour)
            width = painter.fontMetrics().horizontalAdvance(point.name)
            if centre.x() + RADIUS + 4 + width > self.width() - 4:
                painter.drawText(centre + QPointF(-RADIUS - 4 - width, 4), point.name)
            else:
                painter.drawText(centre + QPointF(RADIUS + 4, 4), point.name)
            self._placed.append((centre, point))
        painter.end()

    def point_at(self, position: QPointF) -> PortfolioPoint | None:
        for centre, point in reversed(self._placed):
            if (centre - position).manhattanLength() <= RADIUS * 2:
                return point
        return None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point is None:
            self.setToolTip("")
            self.unsetCursor()
            return
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        standing = point.standing
        self.setToolTip(
            f"{point.name} — {point.organisation}\nBalance {standing.balance:+.1f}, "
            f"trend {standing.trend:+.1f}, {standing.health.label.lower()}"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point is not None:
            self.contact_clicked.emit(point.contact_id)
