"""The brief as a PDF, written with Qt's own PDF writer: A4, sharp chart, paged."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFile, QFileDevice, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter, QTextDocument

from relationship_journal.exchange.brief import Brief, document_html
from relationship_journal.exchange.brief_images import add_images
from relationship_journal.store.output_files import writing

RESOLUTION = 300


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
        QMarginsF(16, 16, 16, 16),
        QPageLayout.Unit.Millimeter,
    )


def fits_one_page(section: str) -> bool:
    """Whether one person's section of a group brief fits one printed page."""
    document = QTextDocument()
    document.setDocumentMargin(0)
    document.setHtml(document_html([section], compact=True))
    page = _page_layout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(page.width(), page.height()))
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
        page = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
        document.setPageSize(QSizeF(page.width(), page.height()))
        scale = RESOLUTION / 72.0
        pages = document.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -number * page.height())
            clip = QSizeF(page.width(), page.height())
            from PySide6.QtCore import QRectF

            document.drawContents(
                painter, QRectF(0, number * page.height(), clip.width(), clip.height())
            )
            painter.restore()
    finally:
        painter.end()
    return pages
