"""Faces: a contact's photo in a circle, or their initials on the colour their name gives.

Drawn once per contact, size and photo and kept in ``QPixmapCache``, so a list scrolled
through 100,000 contacts draws each face it shows once, not at every repaint.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from PySide6.QtCore import QSize, Signal
from PySide6.QtGui import (
    QAction,
    QDragEnterEvent,
    QDropEvent,
    QIcon,
    QPixmap,
    QPixmapCache,
)
from PySide6.QtWidgets import QApplication, QMenu, QToolButton, QWidget

from relationship_journal.drawing import face_image

IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp")


def face(name: str, photo: bytes | None, size: int) -> QPixmap:
    """The face of ``name`` at ``size`` logical pixels, sharp on high-density screens."""
    app = QApplication.instance()
    ratio = app.devicePixelRatio() if isinstance(app, QApplication) else 1.0  # type: ignore[attr-defined]
    token = f"{zlib.crc32(photo):x}" if photo else "-"
    key = f"rj-face:{size}:{ratio}:{token}:{name}"
    cached = QPixmapCache.find(key)
    if isinstance(cached, QPixmap) and not cached.isNull():
        return cached
    pixmap = _draw(name, photo, size, ratio)
    QPixmapCache.insert(key, pixmap)
    return pixmap


def _draw(name: str, photo: bytes | None, size: int, ratio: float) -> QPixmap:
    pixmap = QPixmap.fromImage(face_image(name, photo, max(1, round(size * ratio))))
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


def dropped_image(event: QDragEnterEvent | QDropEvent) -> Path | None:
    """The image file being dragged in, if it is one local image file."""
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    if len(urls) != 1 or not urls[0].isLocalFile():
        return None
    path = Path(urls[0].toLocalFile())
    return path if path.suffix.lower() in IMAGE_SUFFIXES else None


class FaceButton(QToolButton):
    """The contact page's face: click for Choose photo… / Remove photo, or drop an image."""

    photo_dropped = Signal(Path)

    def __init__(self, size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactFace")
        self._size = size
        self.setIconSize(QSize(size, size))
        self.setAutoRaise(True)
        self.setAcceptDrops(True)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolTip("Photo: click to choose or remove one, or drop an image file here")
        self.choose_action = QAction("Choose photo…", self)
        self.choose_action.setObjectName("choosePhoto")
        self.remove_action = QAction("Remove photo", self)
        self.remove_action.setObjectName("removePhoto")
        menu = QMenu(self)
        menu.addAction(self.choose_action)
        menu.addAction(self.remove_action)
        self.setMenu(menu)
        self.setStyleSheet("QToolButton::menu-indicator { image: none; }")

    def show_face(self, name: str, photo: bytes | None) -> None:
        self.setIcon(QIcon(face(name, photo, self._size)))
        self.setAccessibleName(f"Photo of {name}" if photo else f"Initials of {name}")
        self.remove_action.setEnabled(photo is not None)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_image(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = dropped_image(event)
        if path is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self.photo_dropped.emit(path)
