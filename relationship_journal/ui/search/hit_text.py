"""A search result's two lines: the title and a muted subtitle, matched words in bold, each
cut with "…" where the list is narrower than the line (the whole text then on hover)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy

from relationship_journal.operations.views import MARK_END, MARK_START, plain

ELLIPSIS = "…"


def marked_html(text: str) -> str:
    """Escape the text and turn the match markers into bold."""
    escaped = html.escape(text)
    return escaped.replace(MARK_START, "<b>").replace(MARK_END, "</b>")


def elide_marked(text: str, width: float, font: QFont) -> str:
    """``text`` (with match markers) as it fits in ``width`` pixels: whole, or cut at a
    character and ended with "…". Marked characters are measured in bold."""
    bold = QFont(font)
    bold.setBold(True)
    metrics = (QFontMetricsF(font), QFontMetricsF(bold))
    if _width(text, metrics) <= width:
        return text
    room = width - metrics[0].horizontalAdvance(ELLIPSIS)
    kept: list[str] = []
    used, marked = 0.0, False
    for character in text:
        if character in (MARK_START, MARK_END):
            marked = character == MARK_START
            kept.append(character)
            continue
        used += metrics[marked].horizontalAdvance(character)
        if used > room:
            break
        kept.append(character)
    if marked:
        kept.append(MARK_END)
    return "".join(kept).rstrip() + ELLIPSIS


def _width(text: str, metrics: tuple[QFontMetricsF, QFontMetricsF]) -> float:
    total, marked = 0.0, False
    for part in text.replace(MARK_END, MARK_START).split(MARK_START):
        total += metrics[marked].horizontalAdvance(part)
        marked = not marked
    return total


class HitText(QLabel):
    """A result's title and, below it, its subtitle: muted, and light on the selected row.
    Cut at the list's edge rather than widening it: the list never scrolls sideways."""

    def __init__(self, title: str, detail: str) -> None:
        super().__init__()
        self._title, self._detail = title, detail  # with match markers
        self._selected = False
        self.setObjectName("hitText")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._render()

    def set_selected(self, selected: bool) -> None:
        self._selected = selected
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        role = (
            QPalette.ColorRole.HighlightedText
            if self._selected
            else QPalette.ColorRole.PlaceholderText
        )
        colour = self.palette().color(role).name()
        width = self.contentsRect().width() - 2  # kerning and rounding aside
        title = elide_marked(self._title, width, self.font())
        detail = elide_marked(self._detail, width, self.font())
        subtitle = f"<span style='color: {colour};'>{marked_html(detail)}</span>"
        if self._selected:  # the title too in the highlight's text colour: readable on it
            title_html = f"<span style='color: {colour};'>{marked_html(title)}</span>"
        else:
            title_html = marked_html(title)
        self.setText(f"{title_html}<br>{subtitle}")
        cut = title != self._title or detail != self._detail
        self.setToolTip(f"{plain(self._title)}\n{plain(self._detail)}" if cut else "")
