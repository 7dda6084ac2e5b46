"""At 900×600 every main screen fits: nothing scrolls sideways, no button is cut off."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QPushButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory, wait_for_agenda


def _cut_off_buttons(page) -> list[str]:  # type: ignore[no-untyped-def]
    """Visible buttons that stick out of the page's right edge."""
    right = page.mapToGlobal(page.rect().topRight()).x()
    return [
        button.text()
        for button in page.findChildren(QPushButton)
        if button.isVisible() and button.mapToGlobal(button.rect().topRight()).x() > right + 1
    ]


def test_today_fits_a_small_window(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window(demo=True)
    window.resize(900, 600)
    wait_for_agenda(qtbot, window)
    qtbot.wait(50)
    page = window.today_page
    scroll = page.findChild(QAbstractScrollArea)
    qtbot.waitUntil(lambda: scroll.widget().width() <= scroll.viewport().width())
    assert not scroll.horizontalScrollBar().isVisible()
    assert _cut_off_buttons(page) == []


def test_every_main_screen_fits_a_small_window(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window(demo=True)
    assert window.minimumSize().width() <= 900 and window.minimumSize().height() <= 600
    window.resize(900, 600)
    for key in ("journal", "promises", "portfolio"):
        window.registry[f"go_{key}"].trigger()
        qtbot.wait(20)
        page = window.pages.currentWidget()
        assert _cut_off_buttons(page) == [], key
        for area in page.findChildren(QAbstractScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), (key, area.objectName())
