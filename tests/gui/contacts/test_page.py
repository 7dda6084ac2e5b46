"""The contacts view: filters in SQL, bulk tagging, delete to trash with undo and restore."""

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
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import seed, trigger


def _seed(window: MainWindow) -> dict[str, int]:
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

    ids = seed(window, add)
    window.go(1)
    return ids


def _names(window: MainWindow) -> list[str]:
    model = window.contacts_page.model
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def _select(window: MainWindow, names: list[str]) -> None:
    table = window.contacts_page.table
    table.clearSelection()
    for row, name in enumerate(_names(window)):
        if name in names:
            table.selectionModel().select(
                window.contacts_page.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )


def test_filters_by_text_tier_and_drifting(window: MainWindow, qtbot: QtBot) -> None:
    _seed(window)
    page = window.contacts_page
    assert _names(window) == ["Aiko Tanaka", "Jürgen Müller", "Sofía Hernández"]
    qtbot.keyClicks(page.search, "helix")
    qtbot.waitUntil(lambda: _names(window) == ["Sofía Hernández"])
    page.search.clear()
    page.tier_box.setCurrentText("key")
    assert _names(window) == ["Jürgen Müller"]
    page.tier_box.setCurrentText("Any")
    page.drifting.setChecked(True)
    assert _names(window) == ["Jürgen Müller"]
    page.drifting.setChecked(False)
    page.table.sortByColumn(7, Qt.SortOrder.DescendingOrder)
    assert _names(window)[0] == "Sofía Hernández"


def test_bulk_tag_then_delete_with_undo_and_restore(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    _seed(window)
    page = window.contacts_page
    _select(window, ["Aiko Tanaka", "Jürgen Müller"])
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("renewal-2027", True))
    page.tag_button.click()
    page.tag_box.setCurrentText("renewal-2027")
    assert _names(window) == ["Aiko Tanaka", "Jürgen Müller"]
    page.tag_box.setCurrentText("Any")

    _select(window, ["Aiko Tanaka", "Jürgen Müller"])
    page.delete_button.click()
    assert _names(window) == ["Sofía Hernández"]
    assert "1 contact" in window.status_label.text()
    trigger(window, "undo")
    assert len(_names(window)) == 3
    trigger(window, "redo")
    page.trash.setChecked(True)
    assert _names(window) == ["Aiko Tanaka", "Jürgen Müller"]
    _select(window, ["Aiko Tanaka"])
    page.restore_button.click()
    assert _names(window) == ["Jürgen Müller"]
    page.trash.setChecked(False)
    assert _names(window) == ["Aiko Tanaka", "Sofía Hernández"]


def test_next_and_previous_contact_follow_the_list(window: MainWindow, qtbot: QtBot) -> None:
    ids = _seed(window)
    window.open_contact(ids["Aiko Tanaka"])
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_page.name.text() == "Jürgen Müller"
    qtbot.keyClick(window, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_page.name.text() == "Sofía Hernández"
    qtbot.keyClick(window, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert window.contact_page.name.text() == "Jürgen Müller"
