"""Relationships as points: balance up the side, trend across; colour is health."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from relationship_journal.domain.ledger import Health
from relationship_journal.domain.wording import HEALTH_MEANINGS
from relationship_journal.operations.views import PortfolioPoint
from relationship_journal.ui.portfolio.layout import place_labels, ticks
from relationship_journal.ui.theme import health_colour

RADIUS = 6.0
_CENTRE = Qt.AlignmentFlag.AlignCenter
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
_FIRST = (Health.OVERDRAWN, Health.DRIFTING, Health.COOLING)


def _number(value: float) -> str:
    text = f"{value:+g}" if value else "0"
    return text.replace("-", "−")


class _Scale:
    """From balance and trend to pixels, with round numbers along each axis."""

    def __init__(self, points: list[PortfolioPoint], plot: QRectF) -> None:
        self.plot = plot
        balances = [p.standing.balance for p in points]
        trends = [p.standing.trend for p in points]
        self.y_ticks = ticks(min(min(balances), -1.0), max(max(balances), 1.0), 8)
        self.x_ticks = ticks(min(min(trends), -1.0), max(max(trends), 1.0), 8)
        self._low, self._top = self.y_ticks[0], self.y_ticks[-1]
        self._left, self._right = self.x_ticks[0], self.x_ticks[-1]

    def x(self, trend: float) -> float:
        share = (trend - self._left) / (self._right - self._left)
        return self.plot.left() + share * self.plot.width()

    def y(self, balance: float) -> float:
        share = (balance - self._low) / (self._top - self._low)
        return self.plot.bottom() - share * self.plot.height()

    def at(self, point: PortfolioPoint) -> QPointF:
        return QPointF(self.x(point.standing.trend), self.y(point.standing.balance))


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
        self.labelled = 0  # how many names the last painting could show beside their dots

    def set_points(self, points: list[PortfolioPoint]) -> None:
        self._points = points
        self.update()

    def _plot_area(self) -> QRectF:
        # Room on the left for the balance numbers, at the top for the legend, at the
        # bottom for the trend numbers and the axis title.
        return QRectF(self.rect()).adjusted(58, 34, -16, -48)

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        self._placed = []
        if not self._points:
            painter.setPen(muted)
            painter.drawText(
                QRectF(self.rect()),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                "No relationships of this tier yet. Set a contact's tier to key or strategic.",
            )
            return
        scale = _Scale(self._points, self._plot_area())
        self._paint_axes(painter, scale, palette)
        self._paint_legend(painter, palette)
        self._paint_points(painter, scale, palette)
        painter.end()

    def _paint_axes(self, painter: QPainter, scale: _Scale, palette: QPalette) -> None:
        plot, muted = scale.plot, palette.color(QPalette.ColorRole.PlaceholderText)
        grid = palette.color(QPalette.ColorRole.Mid)
        for value in scale.y_ticks:
            y = scale.y(value)
            painter.setPen(
                QPen(grid, 1, Qt.PenStyle.DashLine if value == 0 else Qt.PenStyle.DotLine)
            )
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(muted)
            painter.drawText(QRectF(plot.left() - 46, y - 9, 40, 18), _RIGHT, _number(value))
        for value in scale.x_ticks:
            x = scale.x(value)
            painter.setPen(
                QPen(grid, 1, Qt.PenStyle.DashLine if value == 0 else Qt.PenStyle.DotLine)
            )
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(muted)
            painter.drawText(QRectF(x - 24, plot.bottom() + 4, 48, 16), _CENTRE, _number(value))
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 24, plot.width(), 18),
            _CENTRE,
            "◀ falling     trend: change of balance over 90 days     rising ▶",
        )
        painter.save()
        painter.translate(12, plot.center().y())
        painter.rotate(-90)
        painter.drawText(QRectF(-120, -10, 240, 20), _CENTRE, "balance")
        painter.restore()

    def _paint_legend(self, painter: QPainter, palette: QPalette) -> None:
        """One swatch per health present, across the top: colour is health."""
        present = [h for h in Health if any(p.standing.health is h for p in self._points)]
        metrics = painter.fontMetrics()
        x = self._plot_area().left()
        for health in present:
            colour = health_colour(health)
            painter.setPen(QPen(colour.darker(120), 1))
            painter.setBrush(colour)
            painter.drawEllipse(QPointF(x + RADIUS, 14), RADIUS - 1, RADIUS - 1)
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QPointF(x + RADIUS * 2 + 4, 14 + metrics.ascent() / 2 - 1), health.label
            )
            x += RADIUS * 2 + 4 + metrics.horizontalAdvance(health.label) + 16

    def _paint_points(self, painter: QPainter, scale: _Scale, palette: QPalette) -> None:
        metrics = painter.fontMetrics()
        centres = [scale.at(p) for p in self._points]
        sizes = [QSizeF(metrics.horizontalAdvance(p.name), metrics.height()) for p in self._points]
        # The ones that need attention get their names first, then the biggest balances.
        order = sorted(
            range(len(self._points)),
            key=lambda i: (
                self._points[i].standing.health not in _FIRST,
                -abs(self._points[i].standing.balance),
            ),
        )
        spots = place_labels(
            centres, sizes, QRectF(self.rect()).adjusted(2, 28, -2, -2), RADIUS, order
        )
        text_colour = palette.color(QPalette.ColorRole.WindowText)
        for point, centre in zip(self._points, centres, strict=True):
            colour = health_colour(point.standing.health)
            fill = QColor(colour)
            fill.setAlpha(210)
            painter.setPen(QPen(colour.darker(120), 1))
            painter.setBrush(fill)
            painter.drawEllipse(centre, RADIUS, RADIUS)
            self._placed.append((centre, point))
        painter.setPen(text_colour)
        for point, spot in zip(self._points, spots, strict=True):
            if spot is not None:
                painter.drawText(spot, _CENTRE, point.name)
        self.labelled = sum(1 for spot in spots if spot is not None)

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
            f"trend {standing.trend:+.1f} over 90 days\n{standing.health.label}: "
            f"{HEALTH_MEANINGS[standing.health.value]}\nClick to open"
        )

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = self.point_at(event.position())
        if point is not None:
            self.contact_clicked.emit(point.contact_id)
