"""The pictures a brief shows, put where its HTML finds them: each person's balance chart
and face."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from relationship_journal.drawing import balance_image, face_image
from relationship_journal.exchange.brief import CHART_SIZE, FACE_SIZE, Brief

# Drawn larger than shown, so that the face stays sharp on paper.
FACE_PIXELS = FACE_SIZE * 4


def add_images(document: QTextDocument, briefs: list[Brief]) -> None:
    for brief in briefs:
        chart = balance_image(brief.file.balance_series, *CHART_SIZE)
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(brief.chart_name), chart
        )
        face = face_image(brief.file.contact.display_name, brief.photo, FACE_PIXELS)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(brief.face_name), face)
