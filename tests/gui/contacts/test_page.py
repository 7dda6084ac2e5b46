"""The contacts view: filters in SQL (the page alone); in the window, bulk tagging, delete
to trash with undo and restore, and the next and previous contact."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.ui.contacts.page import ContactsPage
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import ShowWidget, seed, trigger


def _seed(where: MainWindow | JournalContext) -> dict[str, int]:
    now = clock.now()

    def add(session):  # type: ignore[no-untyped-def]
        ids = {}
        for name, org, tier, cadence in (
            ("Jürgen Müller", "Northwind", "key", 30),
            ("Sofía Hernández", "Helix", "strategic", 30),
            ("Aiko Tanaka", "Kestrel", "standard", None),
        ):
            contact = create_contact(
                session,
                ContactDraft(name, organisation=org, tier=tier, cadence_days=cadence),
                now,
            )
            ids[name] = contact.id
        log_entry(
            session, EntryDraft([ids["Jürgen Müller"]], now - timedelta(days=45), "Call"), now
        )
        log_entry(
            session, EntryDraft([ids["Sofía Hernández"]], now - timedelta(days=3), "Lunch"), now
        )
        return ids

    return seed(where, add)


def _in_the_window(window: MainWindow) -> dict[str, int]:
    ids = _seed(window)
    window.go(1)
    return ids


def _names(page: ContactsPage) -> list[str]:
    model = page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _select(page: ContactsPage, names: list[str]) -> None:
    table = page.table
    table.clearSelection()
    for row, name in enumerate(_names(page)):
        if name in names:
            table.selectionModel().select(
                page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_filters_by_text_tier_and_drifting(
    context: JournalContext, show_widget: ShowWidget, qtbot: QtBot
) -> None:
    _seed(context)
    page = ContactsPage(context)
    show_widget(page)
    assert _names(page) == ["Aiko Tanaka", "Jürgen Müller", "Sofía Hernández"]
    qtbot.keyClicks(page.search, "helix")
    qtbot.waitUntil(lambda: _names(page) == ["Sofía Hernández"])
    page.search.clear()
    page.tier_box.setCurrentText("key")
    assert _names(page) == ["Jürgen Müller"]
    page.tier_box.setCurrentText("Any")
    page.drifting.setChecked(True)
    assert _names(page) == ["Jürgen Müller"]
    page.drifting.setChecked(False)
    page.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    assert _names(page)[0] == "Sofía Hernández"


def test_bulk_tag_then_delete_with_undo_and_restore(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    _in_the_window(window)
    page = window.contacts_page
    page.table.clearSelection()  # nobody chosen: nothing to tag or delete
    assert not page.tag_button.isEnabled() and not page.delete_button.isEnabled()
    _select(page, ["Aiko Tanaka", "Jürgen Müller"])
    assert page.tag_button.isEnabled() and page.delete_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("renewal-2027", True))
    page.tag_button.click()
    page.tag_box.setCurrentText("renewal-2027")
    assert _names(page) == ["Aiko Tanaka", "Jürgen Müller"]
    page.tag_box.setCurrentText("Any")

    _select(page, ["Aiko Tanaka", "Jürgen Müller"])
    page.delete_button.click()
    assert _names(page) == ["Sofía Hernández"]
    qtbot.waitUntil(lambda: "1 contact" in window.status_label.text())
    trigger(window, "undo")
    assert len(_names(page)) == 3
    trigger(window, "redo")
    page.trash.setChecked(True)
    assert _names(page) == ["Aiko Tanaka", "Jürgen Müller"]
    _select(page, ["Aiko Tanaka"])
    page.restore_button.click()
    assert _names(page) == ["Jürgen Müller"]
    page.trash.setChecked(False)
    assert _names(page) == ["Aiko Tanaka", "Sofía Hernández"]


def test_next_and_previous_contact_follow_the_list(window: MainWindow, qtbot: QtBot) -> None:
    ids = _in_the_window(window)
    window.open_contact(ids["Aiko Tanaka"])
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_page.name.text() == "Jürgen Müller"
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_page.name.text() == "Sofía Hernández"
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_page.name.text() == "Jürgen Müller"
