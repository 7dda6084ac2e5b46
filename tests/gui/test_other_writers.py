"""The window and the command line share the journal: what the command line logs shows up
in the open window without a restart."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal import open_journal
from relationship_journal.ui.main_window import MainWindow


def test_a_contact_added_by_another_process_appears(
    window: MainWindow, qtbot: QtBot, paths: JournalPaths
) -> None:
    window.go(1)
    assert window.contacts_page.model.rowCount() == 0
    window.background.start()  # as once the window is up
    other = open_journal(paths.journal, paths.backups)  # the command line, beside the window
    try:
        with other.transaction() as session:
            create_contact(session, ContactDraft("Added from a launcher"), clock.now())
    finally:
        other.close()
    qtbot.waitUntil(lambda: window.contacts_page.model.rowCount() == 1, timeout=10000)
    qtbot.waitUntil(lambda: "1 contact" in window.status_label.text())
