"""The balance chart drawn with QPainter on any device: the window, an image, a PDF page."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter, QPainterPath, QPen

DEPOSIT = "#2e7d4f"
WITHDRAWAL = "#c0392b"


@dataclass(frozen=True)
class ChartColours:
    text: QColor
    grid: QColor
    positive: QColor
    negative: QColor
    neutral: QColor


PRINT_COLOURS = ChartColours(
    text=QColor("#5f6670"),
    grid=QColor("#c9c6bf"),
    positive=QColor(DEPOSIT),
    negative=QColor(WITHDRAWAL),
    neutral=QColor("#5f6670"),
)


def _colour_for(value: float, colours: ChartColours) -> QColor:
    if value > 0.05:
        return colours.positive
    if value < -0.05:
        return colours.negative
    return colours.neutral


@dataclass(frozen=True)
class _Scale:
    """Where a point of the series lands in the plot."""

    plot: QRectF
    count: int
    low: float
    top: float

    def y(self, value: float) -> float:
        span = self.top - self.low or 1.0
        return self.plot.bottom() - (value - self.low) / span * self.plot.height()

    def x(self, index: int) -> float:
        return self.plot.left() + index / (self.count - 1) * self.plot.width()


def paint_balance(
    painter: QPainter,
    area: QRectF,
    series: list[tuple[date, float]],
    colours: ChartColours,
    compact: bool = False,
    today: date | None = None,
) -> None:
    """The balance over time; the last point is labelled "today" unless ``today`` says it is
    another day (series are worked out up to the moment they are drawn)."""
    left = 8 if compact else 40
    plot = area.adjusted(left, 8, -10, -(6 if compact else 22))
    if len(series) < 2 or plot.width() <= 0 or plot.height() <= 0:
        painter.setPen(colours.text)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No deposits or withdrawals yet")
        return
    values = [value for _, value in series]
    scale = _Scale(plot, len(values), min(min(values), 0.0), max(max(values), 1.0))
    painter.setPen(QPen(colours.grid, 1, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(plot.left(), scale.y(0.0)), QPointF(plot.right(), scale.y(0.0)))
    if not compact:
        painter.setPen(colours.text)
        _paint_axis_labels(painter, QRectF(area.left(), 0, left - 6, 0), scale)
        last = series[-1][0]
        _paint_dates(painter, plot, series[0][0], "today" if today in (None, last) else last)
    _paint_line(painter, scale, values, _colour_for(values[-1], colours), compact)


def _paint_axis_labels(painter: QPainter, column: QRectF, scale: _Scale) -> None:
    marks = (scale.top, 0.0, scale.low) if scale.low < 0 else (scale.top, 0.0)
    for value in marks:
        painter.drawText(
            QRectF(column.left(), scale.y(value) - 8, column.width(), 16),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            _mark(value),
        )


def _mark(value: float) -> str:
    """The peak and the trough as they are: "+1.6", not a rounded "+2" above a lower line."""
    if not value:
        return "0"
    return f"{value:+.0f}" if abs(value) >= 10 or value == round(value) else f"{value:+.1f}"


def _paint_dates(painter: QPainter, plot: QRectF, first: date, last: date | str) -> None:
    painter.drawText(
        QRectF(plot.left(), plot.bottom() + 4, 120, 16),
        Qt.AlignmentFlag.AlignLeft,
        f"{first:%b %Y}",
    )
    painter.drawText(
        QRectF(plot.right() - 120, plot.bottom() + 4, 120, 16),
        Qt.AlignmentFlag.AlignRight,
        last if isinstance(last, str) else f"{last.day} {last:%b %Y}",
    )


def _paint_line(
    painter: QPainter, scale: _Scale, values: list[float], colour: QColor, compact: bool
) -> None:
    line = QPainterPath()
    for index, value in enumerate(values):
        point = QPointF(scale.x(index), scale.y(value))
        if index == 0:
            line.moveTo(point)
        else:
            line.lineTo(point)
    zero_y = scale.y(0.0)
    fill_path = QPainterPath(line)
    fill_path.lineTo(QPointF(scale.x(len(values) - 1), zero_y))
    fill_path.lineTo(QPointF(scale.x(0), zero_y))
    fill_path.closeSubpath()
    gradient = QLinearGradient(0, scale.plot.top(), 0, scale.plot.bottom())
    fill = QColor(colour)
    fill.setAlpha(70)
    gradient.setColorAt(0, fill)
    fill.setAlpha(10)
    gradient.setColorAt(1, fill)
    painter.fillPath(fill_path, gradient)
    painter.setPen(QPen(colour, 1.6 if compact else 2.2))
    painter.drawPath(line)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(scale.x(len(values) - 1), scale.y(values[-1])), 3.5, 3.5)


def balance_image(
    series: list[tuple[date, float]], width: int, height: int, scale: int = 4
) -> QImage:
    """The chart as an image ``scale`` times the size it is shown at, so print stays sharp."""
    image = QImage(width * scale, height * scale, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    image.setDevicePixelRatio(scale)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = painter.font()
    font.setPointSizeF(7.5)
    painter.setFont(font)
    paint_balance(painter, QRectF(0, 0, width, height), series, PRINT_COLOURS)
    painter.end()
    return image


def face_image(name: str, photo: bytes | None, side: int) -> QImage:
    """A face in a circle ``side`` pixels wide: the photo, or the initials on the colour
    the name gives (``domain.faces``)."""
    from relationship_journal.domain.faces import colour_for, initials

    image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    circle = QPainterPath()
    circle.addEllipse(QRectF(0, 0, side, side))
    picture = QImage()
    if photo and picture.loadFromData(photo):
        painter.setClipPath(circle)
        painter.drawImage(image.rect(), picture)
    else:
        painter.fillPath(circle, QColor(colour_for(name)))
        font = painter.font()
        font.setBold(True)
        font.setPixelSize(max(6, round(side * 0.4)))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, initials(name))
    painter.end()
    return image
