"""A photo as the journal keeps it: checked to be an image, cut square around its middle and
scaled to ``SIDE`` pixels, stored as JPEG of a few kilobytes — so that lists of many faces
stay fast and the journal small."""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter

from relationship_journal.exchange.photos import MAX_PHOTO_BYTES, media_type
from relationship_journal.exchange.qt_application import gui_application
from relationship_journal.store.errors import InvalidInputError

SIDE = 256
QUALITY = 85
# Larger images are refused before they are decoded (a small file can claim huge sides).
MAX_PIXELS = 80_000_000


def _check(data: bytes) -> None:
    if not data:
        raise InvalidInputError("the file is empty, not a photo")
    if len(data) > MAX_PHOTO_BYTES:
        raise InvalidInputError(
            f"the photo is {len(data) // (1024 * 1024)} MB; at most "
            f"{MAX_PHOTO_BYTES // (1024 * 1024)} MB is taken"
        )
    if media_type(data) is None:
        raise InvalidInputError("the file is not a photo (JPEG, PNG, GIF, BMP, TIFF or WebP)")


def _read(data: bytes) -> QImage:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # a phone's photo taken sideways stands upright
    size: QSize = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise InvalidInputError(f"the photo is {size.width()} × {size.height()} pixels: too large")
    image = reader.read()
    if image.isNull():
        raise InvalidInputError(f"the photo cannot be read: {reader.errorString()}")
    return image


def small_photo(data: bytes) -> bytes:
    """The photo as stored: square, ``SIDE`` pixels at most, JPEG; ``InvalidInputError``
    names what is wrong with a file that is no usable photo."""
    _check(data)
    _app = gui_application()  # image plugins load through the application
    image = _read(data)
    side = min(image.width(), image.height())
    square = image.copy(
        (image.width() - side) // 2, (image.height() - side) // 2, side, side
    ).scaled(
        min(side, SIDE),
        min(side, SIDE),
        aspectMode=Qt.AspectRatioMode.IgnoreAspectRatio,
        mode=Qt.TransformationMode.SmoothTransformation,
    )
    flat = QImage(square.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))  # JPEG has no transparency
    painter = QPainter(flat)
    painter.drawImage(0, 0, square)
    painter.end()
    out = QByteArray()
    buffer = QBuffer(out)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    flat.save(buffer, "JPEG", QUALITY)
    buffer.close()
    return bytes(out.data())
