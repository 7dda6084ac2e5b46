"""Organisations as accounts: the list sorted by its figures, one organisation's people
now and before with their standing, what is promised, what comes up, and its brief."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.ui.brief.dialog import BriefDialog
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import WindowFactory, trigger


def _column(window: MainWindow, column: int) -> list[str]:
    table = window.organisations_page.list
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _click_header(window: MainWindow, qtbot: QtBot, column: int) -> None:
    header = window.organisations_page.list.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _texts(window: MainWindow, key: str) -> list[str]:
    """What each row of a section says (a person's row: its labels together)."""
    texts = []
    for row in window.organisations_page.account.rows(key):
        labels = [row] if isinstance(row, QLabel) else row.findChildren(QLabel)
        texts.append(" ".join(label.text() for label in labels))
    return texts


def test_accounts_sorted_by_balance_and_one_account_in_full(
    open_window: WindowFactory, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window(demo=True)
    trigger(window, "go_organisations")
    names = _column(window, 0)
    assert names == sorted(names) and "Atlas Retail Group" in names
    _click_header(window, qtbot, 2)  # Balance, lowest first
    balances = [float(text) for text in _column(window, 2)]
    assert balances == sorted(balances)
    _click_header(window, qtbot, 2)
    assert [float(text) for text in _column(window, 2)] == sorted(balances, reverse=True)

    window.organisations_page.search.setText("atlas")
    page = window.organisations_page
    assert page.title.text() == "Atlas Retail Group"
    assert "Together" in page.account.figures.text() and "3 people" in page.account.figures.text()
    now = _texts(window, "now")
    assert len(now) == 3 and any("Isabella García" in text for text in now)
    assert any("Priya Raman" in text for text in _texts(window, "before"))
    assert any("Send the store-fulfilment proposal" in t for t in _texts(window, "promises"))
    assert _texts(window, "upcoming") and _texts(window, "recent")

    shown: list[BriefDialog] = []
    monkeypatch.setattr(BriefDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    qtbot.mouseClick(page.brief_button, Qt.MouseButton.LeftButton)
    (brief,) = shown
    assert len(brief.briefs) == 3

    isabella = next(
        row for row in page.account.rows("now") if row.accessibleName() == "Isabella García"
    )
    qtbot.mouseClick(isabella.findChild(QPushButton, "openPerson"), Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "contact"
    assert window.contact_page.name.text() == "Isabella García"
