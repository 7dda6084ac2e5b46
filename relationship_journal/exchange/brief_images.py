"""The pictures a brief shows, put where its HTML finds them: each person's balance chart
and face."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QTextDocument

from relationship_journal.drawing import balance_image, face_image
from relationship_journal.exchange.brief import CHART_SCALES, FACE_SIZE, Brief, chart_size

# Drawn larger than shown, so that the face stays sharp on paper.
FACE_PIXELS = FACE_SIZE * 4


def add_images(document: QTextDocument, briefs: list[Brief]) -> None:
    for brief in briefs:
        for scale in CHART_SCALES:  # each drawn at the size shown: its type stays legible
            chart = balance_image(brief.file.balance_series, *chart_size(scale))
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(brief.chart_name(scale)), chart
            )
        face = face_image(brief.file.contact.display_name, brief.photo, FACE_PIXELS)
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(brief.face_name), face)
