"""One visual language: palette, accent, and the colours of balance and health everywhere."""

from __future__ import annotations

import os

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from relationship_journal.domain.ledger import Health

# One palette for screen and print.
from relationship_journal.drawing import DEPOSIT as PRINTED_DEPOSIT
from relationship_journal.drawing import WITHDRAWAL as PRINTED_WITHDRAWAL
from relationship_journal.ui.button_style import AppStyle

ACCENT = "#2f6f73"
ACCENT_DARK_MODE = "#5fb3b3"

HEALTH_COLOURS: dict[Health, str] = {
    Health.NEW: "#7a8088",
    Health.GROWING: "#2e7d4f",
    Health.STEADY: "#3b6ea5",
    Health.COOLING: "#b7791f",
    Health.DRIFTING: "#c2571a",
    Health.OVERDRAWN: "#c0392b",
}


THEME_VARIABLE = "RELATIONSHIP_JOURNAL_THEME"  # "dark" or "light" overrides the system


def is_dark() -> bool:
    """Dark when the system says so, unless RELATIONSHIP_JOURNAL_THEME chooses."""
    chosen = os.environ.get(THEME_VARIABLE, "").lower()
    if chosen in ("dark", "light"):
        return chosen == "dark"
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


class ThemedColour(str):
    """A colour name for style sheets that is the print colour in the light theme and a
    brighter one in the dark, where the print colours are too dim to read on dark grey."""

    dark: str

    def __new__(cls, light: str, dark: str) -> ThemedColour:
        colour = super().__new__(cls, light)
        colour.dark = dark
        return colour

    def __str__(self) -> str:
        return self.dark if is_dark() else str.__str__(self)

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)


DEPOSIT = ThemedColour(PRINTED_DEPOSIT, "#5cc28a")
WITHDRAWAL = ThemedColour(PRINTED_WITHDRAWAL, "#ff7b6b")


def accent() -> QColor:
    return QColor(ACCENT_DARK_MODE if is_dark() else ACCENT)


def value_colour(value: float) -> QColor:
    if value > 0.05:
        return QColor(str(DEPOSIT))
    if value < -0.05:
        return QColor(str(WITHDRAWAL))
    return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def health_colour(health: Health) -> QColor:
    return QColor(HEALTH_COLOURS[health])


_LIGHT = {
    QPalette.ColorRole.Window: "#f5f4f0",
    QPalette.ColorRole.WindowText: "#1f2328",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#f7f7f5",
    QPalette.ColorRole.Text: "#1f2328",
    QPalette.ColorRole.Button: "#efede8",
    QPalette.ColorRole.ButtonText: "#1f2328",
    QPalette.ColorRole.Highlight: ACCENT,
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.ToolTipBase: "#ffffff",
    QPalette.ColorRole.ToolTipText: "#1f2328",
    QPalette.ColorRole.PlaceholderText: "#6b7280",
    QPalette.ColorRole.Link: ACCENT,
    QPalette.ColorRole.Mid: "#c9c6bf",
}
_DARK = {
    QPalette.ColorRole.Window: "#1e2124",
    QPalette.ColorRole.WindowText: "#e8e6e3",
    QPalette.ColorRole.Base: "#25292d",
    QPalette.ColorRole.AlternateBase: "#2b2f34",
    QPalette.ColorRole.Text: "#e8e6e3",
    QPalette.ColorRole.Button: "#2d3136",
    QPalette.ColorRole.ButtonText: "#e8e6e3",
    QPalette.ColorRole.Highlight: ACCENT_DARK_MODE,
    QPalette.ColorRole.HighlightedText: "#10181a",
    QPalette.ColorRole.ToolTipBase: "#2d3136",
    QPalette.ColorRole.ToolTipText: "#e8e6e3",
    QPalette.ColorRole.PlaceholderText: "#9aa3ad",
    QPalette.ColorRole.Link: ACCENT_DARK_MODE,
    QPalette.ColorRole.Mid: "#4a5057",
}


def _palette(roles: dict[QPalette.ColorRole, str], disabled: str) -> QPalette:
    palette = QPalette()
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    return palette


STYLESHEET = """
QListWidget#navigation {
    outline: 0;
    border: none;
    border-right: 1px solid palette(mid);
    background: palette(window);
    padding: 10px 8px;
    font-size: 10.5pt;
}
QListWidget#navigation::item {
    padding: 8px 10px;
    border-radius: 6px;
    margin: 1px 0;
    color: palette(window-text);
}
QListWidget#navigation::item:hover { background: palette(button); }
QListWidget#navigation::item:selected {
    background: palette(highlight);
    color: palette(highlighted-text);
}
QLabel[role="title"] { font-size: 17pt; font-weight: 600; }
QLabel[role="subtitle"] { color: palette(placeholder-text); font-size: 10.5pt; }
QLabel[role="section"] { font-size: 11.5pt; font-weight: 600; margin-top: 6px; }
QLabel[role="muted"] { color: palette(placeholder-text); }
QLabel[role="error"] { color: #d64535; font-weight: 600; }
QWidget#lockCurtain { background: palette(window); }
QLabel[role="empty"] { color: palette(placeholder-text); font-size: 11pt; padding: 24px; }
QFrame[role="card"] {
    background: palette(base);
    border: 1px solid palette(mid);
    border-radius: 8px;
}
QFrame#demoBanner {
    background: #fdf3d8;
    border-bottom: 1px solid #e7d39a;
}
QFrame#demoBanner QLabel { color: #5a4a12; }
QToolButton[role="chip"] {
    background: palette(button);
    border: 1px solid palette(mid);
    border-radius: 11px;
    padding: 2px 6px 2px 10px;
}
QToolButton[role="chip"]:hover { border-color: palette(highlight); }
QFrame#toast {
    background: palette(tool-tip-base);
    border-top: 2px solid palette(highlight);
}
QFrame#toast QLabel { font-weight: 600; }
QFrame#toast QPushButton { color: palette(link); font-weight: 600; padding: 2px 10px; }
QTableView, QTreeView, QListView { border: 1px solid palette(mid); border-radius: 6px; }
QHeaderView::section { padding: 4px 6px; }
QLineEdit, QComboBox, QSpinBox, QDateEdit, QPlainTextEdit, QTextEdit { padding: 3px 5px; }
"""

# The demo banner in the dark palette: a deep amber instead of cream. Fusion draws a radio
# button's ring a shade darker than the window, which on dark grey cannot be seen: here it is
# light grey, and the chosen one filled with the accent.
RADIO_RING_DARK = "#9aa3ad"
DARK_SHEET = f"""
QFrame#demoBanner {{ background: #3b3220; border-bottom: 1px solid #5c4d2a; }}
QFrame#demoBanner QLabel {{ color: #f0deb0; }}
QRadioButton::indicator {{
    width: 12px; height: 12px; border-radius: 7px;
    border: 1px solid {RADIO_RING_DARK}; background: #25292d;
}}
QRadioButton::indicator:hover {{ border-color: {ACCENT_DARK_MODE}; }}
QRadioButton::indicator:checked {{
    border-color: {ACCENT_DARK_MODE};
    background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5, fx: 0.5, fy: 0.5,
        stop: 0 {ACCENT_DARK_MODE}, stop: 0.5 {ACCENT_DARK_MODE}, stop: 0.6 #25292d);
}}
QRadioButton::indicator:disabled {{ border-color: #4a5057; }}
"""


def apply_theme(app: QApplication) -> None:
    """Fusion with our palette, light or dark as the system asks."""
    app.setStyle(AppStyle("Fusion"))
    app.setPalette(_palette(_DARK, "#6b7280") if is_dark() else _palette(_LIGHT, "#9aa0a6"))
    font = QFont(app.font())
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLESHEET + (DARK_SHEET if is_dark() else ""))
