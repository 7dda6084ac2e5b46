"""Organisations as accounts: the list sorted by its figures, one organisation's people
now and before with their standing, what is promised, what comes up, and its brief."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.ui.brief.dialog import BriefDialog, open_brief
from relationship_journal.ui.organisations.page import OrganisationsPage
from tests.gui.conftest import ContextFactory, ShowWidget, id_of


def _column(page: OrganisationsPage, column: int) -> list[str]:
    table = page.list
    return [table.item(row, column).text() for row in range(table.rowCount())]


def _click_header(page: OrganisationsPage, qtbot: QtBot, column: int) -> None:
    header = page.list.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def _texts(page: OrganisationsPage, key: str) -> list[str]:
    """What each row of a section says (a person's row: its labels together)."""
    texts = []
    for row in page.account.rows(key):
        labels = [row] if isinstance(row, QLabel) else row.findChildren(QLabel)
        texts.append(" ".join(label.text() for label in labels))
    return texts


def test_accounts_sorted_by_balance_and_one_account_in_full(
    open_context: ContextFactory,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = open_context(demo=True)
    page = OrganisationsPage(context)
    # The page asks for a brief and for a person; the window opens the brief so, and the
    # person's page.
    page.brief_requested.connect(lambda ids, title: open_brief(page, context, ids, title))
    opened: list[int] = []
    context.open_contact_requested.connect(opened.append)
    show_widget(page)
    names = _column(page, 0)
    assert names == sorted(names) and "Atlas Retail Group" in names
    _click_header(page, qtbot, 2)  # Balance, lowest first
    balances = [float(text) for text in _column(page, 2)]
    assert balances == sorted(balances)
    _click_header(page, qtbot, 2)
    assert [float(text) for text in _column(page, 2)] == sorted(balances, reverse=True)

    page.search.setText("atlas")
    assert page.title.text() == "Atlas Retail Group"
    assert "Together" in page.account.figures.text() and "3 people" in page.account.figures.text()
    now = _texts(page, "now")
    assert len(now) == 3 and any("Isabella García" in text for text in now)
    assert any("Priya Raman" in text for text in _texts(page, "before"))
    assert any("Send the store-fulfilment proposal" in t for t in _texts(page, "promises"))
    assert _texts(page, "upcoming") and _texts(page, "recent")

    shown: list[BriefDialog] = []
    monkeypatch.setattr(BriefDialog, "exec", lambda dialog: shown.append(dialog) or 0)
    qtbot.mouseClick(page.brief_button, Qt.MouseButton.LeftButton)
    (brief,) = shown
    assert len(brief.briefs) == 3

    isabella = next(
        row for row in page.account.rows("now") if row.accessibleName() == "Isabella García"
    )
    qtbot.mouseClick(isabella.findChild(QPushButton, "openPerson"), Qt.MouseButton.LeftButton)
    assert opened == [id_of(context, "Isabella García")]
