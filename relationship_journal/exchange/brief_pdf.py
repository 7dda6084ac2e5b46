"""The brief as a PDF, written with Qt's own PDF writer: A4, sharp chart, paged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QFile,
    QFileDevice,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from relationship_journal.exchange.brief import Brief, document_html
from relationship_journal.exchange.brief_images import add_images
from relationship_journal.store.output_files import writing

RESOLUTION = 300
FOOTER_POINTS = 18.0  # below the text on every page: "Confidential" and the page number
FOOTER_NOTE = "Confidential — for your preparation only"


def brief_document(sections: list[str], briefs: list[Brief]) -> QTextDocument:
    document = QTextDocument()
    document.setDocumentMargin(0)
    add_images(document, briefs)
    document.setHtml(document_html(sections, compact=len(briefs) > 1))
    return document


def _page_layout() -> QPageLayout:
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4),
        QPageLayout.Orientation.Portrait,
        QMarginsF(15, 13, 15, 13),
        QPageLayout.Unit.Millimeter,
    )


def _body_size() -> QSizeF:
    """The part of a page the brief's text fills: the printable area less the footer."""
    page = _page_layout().paintRect(QPageLayout.Unit.Point)
    return QSizeF(page.width(), page.height() - FOOTER_POINTS)


def fits_one_page(section: str, compact: bool = True) -> bool:
    """Whether one person's section fits one printed page."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(document_html([section], compact=compact))
    document.setPageSize(_body_size())
    return document.pageCount() <= 1


def write_pdf(sections: list[str], briefs: list[Brief], target: Path, title: str) -> int:
    """Write the PDF; returns its page count. It is written to a temporary file renamed
    into place when complete: a crash or a kill never leaves half a PDF under its name."""
    with writing(target) as out:
        device = QFile()
        if not device.open(
            out.fileno(),
            QIODevice.OpenModeFlag.WriteOnly,
            QFileDevice.FileHandleFlag.DontCloseHandle,
        ):
            raise OSError(f"cannot write the PDF ({device.errorString()})")
        try:
            pages = _paint(sections, briefs, QPdfWriter(device), title)
        finally:
            device.close()
        if device.error() != QFileDevice.FileError.NoError:
            raise OSError(f"cannot write the PDF ({device.errorString()})")
    return pages


def _paint(sections: list[str], briefs: list[Brief], writer: QPdfWriter, title: str) -> int:
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Relationship Journal")
    writer.setPageLayout(_page_layout())
    document = brief_document(sections, briefs)
    painter = QPainter(writer)
    try:
        # Lay the document out at the page's size in points, then scale to the device.
        body = _body_size()
        document.setPageSize(body)
        pages = document.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(RESOLUTION / 72.0, RESOLUTION / 72.0)
            painter.translate(0, -number * body.height())
            document.drawContents(
                painter, QRectF(0, number * body.height(), body.width(), body.height())
            )
            painter.restore()
            _footer(painter, body, number + 1, pages)
    finally:
        painter.end()
    return pages


def _footer(painter: QPainter, body: QSizeF, number: int, pages: int) -> None:
    """ "Confidential" on the left, "Page 2 of 3" on the right, under a hairline."""
    painter.save()
    painter.scale(RESOLUTION / 72.0, RESOLUTION / 72.0)
    top = body.height() + FOOTER_POINTS - 12
    painter.setPen(QPen(QColor("#c9c6bf"), 0.5))
    painter.drawLine(QPointF(0, top - 3), QPointF(body.width(), top - 3))
    font = QFont("DejaVu Sans")
    font.setPixelSize(8)  # in the painter's units, which are points here
    painter.setFont(font)
    painter.setPen(QColor("#5f6670"))
    line = QRectF(0, top, body.width(), 12)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, FOOTER_NOTE)
    painter.drawText(
        line,
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
        f"Page {number} of {pages}",
    )
    painter.restore()
