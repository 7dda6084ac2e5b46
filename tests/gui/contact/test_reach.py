"""E-mail and phone on the contact page: handed to the mail program and the dialler, and
copied with one click."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QToolButton
from pytestqt.qtbot import QtBot

from relationship_journal.ui.contact.page import ContactPage
from tests.gui.conftest import ContextFactory, ShowWidget, contact_page, id_of


def _jurgen(open_context: ContextFactory, show_widget: ShowWidget) -> ContactPage:
    context = open_context(demo=True)
    return contact_page(context, show_widget, id_of(context, "jurgen"))


def _button(page: ContactPage, name: str) -> QToolButton:
    return page.overview.reach.findChild(QToolButton, name)


def test_write_call_and_copy(
    open_context: ContextFactory,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _jurgen(open_context, show_widget)
    opened: list[str] = []
    monkeypatch.setattr(
        QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True
    )
    qtbot.mouseClick(_button(page, "reachWrite"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(_button(page, "reachCall"), Qt.MouseButton.LeftButton)
    assert opened == ["mailto:juergen.mueller@northwind.example", "tel:+493055501234"]
    assert QUrl(opened[1]).scheme() == "tel"
    qtbot.mouseClick(_button(page, "reachCopy"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "juergen.mueller@northwind.example"
    assert "juergen.mueller" not in page.about.text()  # said once, above


def test_without_a_dialler_the_number_is_copied(
    open_context: ContextFactory,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = _jurgen(open_context, show_widget)
    QGuiApplication.clipboard().clear()
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    qtbot.mouseClick(_button(page, "reachCall"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "+49 30 5550 1234"
