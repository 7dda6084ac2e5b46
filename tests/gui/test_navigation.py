"""Moving around: Back goes where the user came from, Find finishes with Enter, a filter
left on never hides a search, and a contact an undo took away leaves the page cleanly."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import open_by_name, seed, trigger


def _people(window: MainWindow) -> dict[str, int]:
    now = clock.now()

    def add(session):  # type: ignore[no-untyped-def]
        ids = {}
        for name in ("Kwame Mensah", "Lars Øberg"):
            ids[name] = create_contact(session, ContactDraft(name, cadence_days=30), now).id
        log_entry(session, EntryDraft([ids["Lars Øberg"]], now - timedelta(days=70), "Call"), now)
        return ids

    return seed(window, add)


def test_back_returns_to_the_page_or_contact_before(window: MainWindow, qtbot: QtBot) -> None:
    ids = _people(window)
    trigger(window, "go_promises")
    open_by_name(window, qtbot, "kwame")
    window.open_contact(ids["Lars Øberg"])  # as a link on Kwame's page would
    trigger(window, "back")
    assert window.contact_page.contact_id == ids["Kwame Mensah"]
    trigger(window, "back")  # the contacts list Find went through
    assert window.current_page_key() == "contacts"
    trigger(window, "back")
    assert window.current_page_key() == "promises"


def test_find_opens_with_enter_even_after_a_filter_was_left_on(
    window: MainWindow, qtbot: QtBot
) -> None:
    ids = _people(window)
    window.go(0)
    note = window.today_page.findChild(QPushButton, "reviewDrifting")
    qtbot.waitUntil(lambda: window.today_page.findChild(QPushButton, "reviewDrifting") is not None)
    note = window.today_page.findChild(QPushButton, "reviewDrifting")
    qtbot.mouseClick(note, Qt.MouseButton.LeftButton)  # the drifting filter is on now
    assert window.contacts_page.model.rowCount() == 1
    trigger(window, "find")
    qtbot.keyClicks(window.contacts_page.search, "kwame")
    qtbot.keyClick(window.contacts_page.search, Qt.Key.Key_Return)
    assert window.current_page_key() == "contact"
    assert window.contact_page.contact_id == ids["Kwame Mensah"]


def test_an_empty_filtered_list_offers_to_clear_the_filters(
    window: MainWindow, qtbot: QtBot
) -> None:
    _people(window)
    window.go(1)
    page = window.contacts_page
    page.drifting.setChecked(True)
    qtbot.keyClicks(page.search, "kwame")
    qtbot.waitUntil(lambda: page.model.current_filter.text == "kwame")
    assert page.model.rowCount() == 0
    assert page.clear_button.isVisibleTo(window)
    assert "“kwame”" in page.empty.text()
    qtbot.mouseClick(page.clear_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 2 and not page.drifting.isChecked()


def test_a_contact_an_undo_removes_leaves_its_page(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.ui.contact.dialog import ContactDialog

    def fill(dialog: ContactDialog) -> int:
        dialog.name.setText("Priya Natarajan")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ContactDialog, "exec", fill)
    trigger(window, "newContact")
    assert window.contact_page.name.text() == "Priya Natarajan"
    trigger(window, "undo")
    assert window.current_page_key() == "contacts"
    assert window.toast.text.text() == "Priya Natarajan is no longer in the journal."
    assert not window.registry["editContact"].isEnabled()
    trigger(window, "redo")
    open_by_name(window, qtbot, "priya")
    assert window.registry["editContact"].isEnabled()


def test_a_click_on_contacts_in_the_sidebar_leaves_a_contact_for_the_list(
    window: MainWindow, qtbot: QtBot
) -> None:
    _people(window)
    window.show()
    open_by_name(window, qtbot, "kwame")
    assert window.current_page_key() == "contact"
    navigation = window.navigation
    row = navigation.visualItemRect(navigation.item(1))
    qtbot.mouseClick(navigation.viewport(), Qt.MouseButton.LeftButton, pos=row.center())
    assert window.current_page_key() == "contacts"
