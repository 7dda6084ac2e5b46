"""E-mail and phone on the contact page: handed to the mail program and the dialler, and
copied with one click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory, open_by_name


def _button(window, name: str) -> QToolButton:  # type: ignore[no-untyped-def]
    return window.contact_page.overview.reach.findChild(QToolButton, name)


def test_write_call_and_copy(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(demo=True)
    open_by_name(window, qtbot, "jurgen")
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    qtbot.mouseClick(_button(window, "reachWrite"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(window, "reachCall"), Qt.MouseButton.LeftButton)
    assert opened == ["mailto:juergen.mueller@northwind.example", "tel:+493055501234"]
    assert QUrl(opened[1]).scheme() == "tel"
    qtbot.mouseClick(_button(window, "reachCopy"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "juergen.mueller@northwind.example"
    assert "juergen.mueller" not in window.contact_page.about.text()  # said once, above


def test_without_a_dialler_the_number_is_copied(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(demo=True)
    open_by_name(window, qtbot, "jurgen")
    QGuiApplication.clipboard().clear()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(_button(window, "reachCall"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "+49 30 5550 1234"
