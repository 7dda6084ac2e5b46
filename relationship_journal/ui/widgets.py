"""Small widgets used across pages: headings, cards, empty states, badges."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from relationship_journal.ui.wheel_guard import guard_wheels


def label(text: str, role: str | None = None, wrap: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def card(parent: QWidget | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 12, 14, 12)
    layout.setSpacing(6)
    return frame, layout


def badge(text: str, colour: QColor) -> QLabel:
    """A rounded, filled label: health, stage, tier."""
    widget = QLabel()
    widget.setProperty("role", "badge")
    set_badge(widget, text, colour)
    return widget


def set_badge(widget: QLabel, text: str, colour: QColor) -> None:
    """A badge's text and colour; its style is set again only when the colour changes, as
    that costs the widget a fresh polish."""
    widget.setText(text)
    sheet = (
        f"background: {colour.name()}; color: #ffffff; border-radius: 9px;"
        " padding: 2px 9px; font-weight: 600;"
    )
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


def empty_state(text: str) -> QLabel:
    widget = QLabel(text)
    widget.setProperty("role", "empty")
    widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
    widget.setWordWrap(True)
    return widget


def clear_layout(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # gone from the screen now, not at the next turn of the loop
            widget.deleteLater()
        elif item.layout() is not None:
            inner = item.layout()
            assert isinstance(inner, QVBoxLayout) or inner is not None
            while inner.count():
                child = inner.takeAt(0).widget()
                if child is not None:
                    child.hide()
                    child.deleteLater()


def text_card(title: str, name: str) -> tuple[QFrame, QLabel]:
    """A card with a heading and one rich-text label the page fills in."""
    frame, layout = card()
    layout.addWidget(label(title, "section"))
    text = label("", wrap=True)
    text.setObjectName(name)
    text.setTextFormat(Qt.TextFormat.RichText)
    layout.addWidget(text)
    return frame, text


def scrolled(inner: QWidget, name: str = "") -> QScrollArea:
    """``inner`` in a frameless area that scrolls up and down when the window is small,
    never sideways (its content wraps). The wheel scrolls it, not the drop-downs and
    number fields it passes over (``wheel_guard``)."""
    guard_wheels(inner)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(inner)
    if name:
        area.setObjectName(name)
    return area


def esc(text: str) -> str:
    """User text made safe inside rich text."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to ``width``×``height``, or to nine tenths of the screen when that is smaller,
    so no window opens taller than a laptop's screen."""
    screen = widget.screen() or QApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() * 9 // 10)
        height = min(height, room.height() * 9 // 10)
    widget.resize(width, height)
