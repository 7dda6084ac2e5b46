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


def paint_balance(
    painter: QPainter,
    area: QRectF,
    series: list[tuple[date, float]],
    colours: ChartColours,
    compact: bool = False,
    today: date | None = None,
) -> None:
    left = 8 if compact else 40
    bottom = 6 if compact else 22
    plot = area.adjusted(left, 8, -10, -bottom)
    if len(series) < 2 or plot.width() <= 0 or plot.height() <= 0:
        painter.setPen(colours.text)
        painter.drawText(area, Qt.AlignmentFlag.AlignCenter, "No deposits or withdrawals yet")
        return
    values = [value for _, value in series]
    top_value = max(max(values), 1.0)
    low_value = min(min(values), 0.0)
    span = top_value - low_value or 1.0

    def y_of(value: float) -> float:
        return plot.bottom() - (value - low_value) / span * plot.height()

    def x_of(index: int) -> float:
        return plot.left() + index / (len(series) - 1) * plot.width()

    zero_y = y_of(0.0)
    painter.setPen(QPen(colours.grid, 1, Qt.PenStyle.DashLine))
    painter.drawLine(QPointF(plot.left(), zero_y), QPointF(plot.right(), zero_y))
    if not compact:
        painter.setPen(colours.text)
        marks = (top_value, 0.0, low_value) if low_value < 0 else (top_value, 0.0)
        for value in marks:
            painter.drawText(
                QRectF(area.left(), y_of(value) - 8, left - 6, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:+.0f}" if value else "0",
            )
        first, last = series[0][0], series[-1][0]
        painter.drawText(
            QRectF(plot.left(), plot.bottom() + 4, 120, 16),
            Qt.AlignmentFlag.AlignLeft,
            f"{first:%b %Y}",
        )
        painter.drawText(
            QRectF(plot.right() - 120, plot.bottom() + 4, 120, 16),
            Qt.AlignmentFlag.AlignRight,
            "today" if last == (today or date.today()) else f"{last:%d %b %Y}",
        )
    line = QPainterPath()
    for index, value in enumerate(values):
        point = QPointF(x_of(index), y_of(value))
        if index == 0:
            line.moveTo(point)
        else:
            line.lineTo(point)
    fill_path = QPainterPath(line)
    fill_path.lineTo(QPointF(x_of(len(values) - 1), zero_y))
    fill_path.lineTo(QPointF(x_of(0), zero_y))
    fill_path.closeSubpath()
    colour = _colour_for(values[-1], colours)
    gradient = QLinearGradient(0, plot.top(), 0, plot.bottom())
    fill = QColor(colour)
    fill.setAlpha(70)
    gradient.setColorAt(0, fill)
    fill.setAlpha(10)
    gradient.setColorAt(1, fill)
    painter.fillPath(fill_path, gradient)
    painter.setPen(QPen(colour, 1.6 if compact else 2.2))
    painter.drawPath(line)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(x_of(len(values) - 1), y_of(values[-1])), 3.5, 3.5)


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
