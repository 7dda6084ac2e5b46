"""Icons from ``resources/icons``, drawn in the palette's text colour so they suit both themes."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from relationship_journal.resources import resource


@cache
def _svg(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def icon(name: str, colour: str | None = None) -> QIcon:
    tint = colour or QApplication.palette().color(QPalette.ColorRole.WindowText).name()
    return _tinted(name, tint)


@cache
def _tinted(name: str, tint: str) -> QIcon:
    data = QByteArray(_svg(name).replace("#COLOR#", tint).encode())
    renderer = QSvgRenderer(data)
    result = QIcon()
    for size in (16, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size) * 2)
        pixmap.setDevicePixelRatio(2)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        result.addPixmap(pixmap)
    return result


def app_icon() -> QIcon:
    return QIcon(str(resource("icons", "app.svg")))
