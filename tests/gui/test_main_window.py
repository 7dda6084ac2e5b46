"""The real main window starts on a temporary journal and navigates."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from relationship_journal.paths import JournalPaths
from relationship_journal.ui.main_window import MainWindow
from tests.gui.conftest import WindowFactory, open_by_name, trigger


def test_window_opens_on_a_new_journal_with_navigation(
    window: MainWindow, paths: JournalPaths, qtbot: QtBot
) -> None:
    assert paths.journal.exists()
    assert window.current_page_key() == "today"
    labels = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert labels == ["Today", "Contacts", "Organisations", "Journal", "Promises", "Portfolio"]
    qtbot.waitUntil(lambda: "0 contacts" in window.status_label.text())
    assert not window.banner.isVisible()


def test_shortcuts_switch_pages(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "contacts"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "promises"
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "contacts"
    assert window.contacts_page.search.hasFocus()


def test_empty_contacts_view_offers_the_next_step(window: MainWindow) -> None:
    window.go(1)
    assert window.contacts_page.stack.currentIndex() == 1
    assert "No contacts yet" in window.contacts_page.empty.text()
    assert window.contacts_page.empty_button.isVisibleTo(window)


def test_demo_journal_is_kept_apart_from_the_users(
    open_window: WindowFactory, paths: JournalPaths, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QPushButton, QToolButton

    window = open_window(demo=True)
    assert window.banner.isVisible()
    assert window.windowTitle() == "Demo journal — Relationship Journal"
    qtbot.waitUntil(lambda: "25 contacts" in window.status_label.text())
    window.go(1)
    qtbot.keyClicks(window.contacts_page.search, "helix")  # a filter left by the switch
    open_by_name(window, qtbot, "jurgen")  # a demo person's page, left by the switch
    assert not paths.journal.exists()
    assert not window.registry["exploreDemo"].isVisible()
    start_own = window.findChild(QPushButton, "startOwnJournal")
    qtbot.mouseClick(start_own, Qt.MouseButton.LeftButton)
    assert paths.journal.exists()
    qtbot.waitUntil(lambda: "0 contacts" in window.status_label.text())
    assert not window.banner.isVisible()
    assert not window.registry["startOwn"].isVisible()
    filter_box = window.contacts_page.search
    assert not filter_box.text()
    clear_button = filter_box.findChild(QToolButton)
    qtbot.waitUntil(lambda: not clear_button.isVisible())  # it fades with the text
    # The tests' data folder is not the platform's: the title names it.
    assert window.windowTitle() == f"Journal in {paths.data_dir.name} — Relationship Journal"
    trigger(window, "back")  # Back never leads into the journal left
    assert window.current_page_key() == "contacts"

    trigger(window, "exploreDemo")  # Help → Explore the demo journal, and back
    assert window.context.is_demo and window.banner.isVisible()
    assert window.windowTitle().startswith("Demo journal")
    qtbot.waitUntil(lambda: "25 contacts" in window.status_label.text())
    assert window.current_page_key() == "today"
    assert window.registry["startOwn"].isVisible()
    assert not window.registry["exploreDemo"].isVisible()
    qtbot.mouseClick(start_own, Qt.MouseButton.LeftButton)
    assert not window.context.is_demo
    qtbot.waitUntil(lambda: "0 contacts" in window.status_label.text())


def test_window_geometry_is_remembered(open_window: WindowFactory) -> None:
    first = open_window()
    first.resize(1000, 655)
    first.close()
    assert QSettings().value("window/geometry") is not None
    second = open_window()
    # The offscreen screen is narrower than the window's minimum width; the height tells.
    assert second.height() == 655


def test_first_run_offers_import_demo_or_empty(
    open_window: WindowFactory, paths: JournalPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.ui.welcome import Choice, WelcomeDialog

    window = open_window(demo=True)
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: d.demo_button.click() or 1)
    assert window.welcome() is Choice.DEMO
    assert window.context.is_demo and not paths.journal.exists()
    monkeypatch.setattr(WelcomeDialog, "exec", lambda d: d.empty_button.click() or 1)
    assert window.welcome() is Choice.EMPTY
    assert not window.context.is_demo and paths.journal.exists()
    assert window.current_page_key() == "contacts"
    assert window.contacts_page.empty_button.isVisibleTo(window)


def test_with_stay_in_tray_closing_hides_and_quit_ends(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.ui.preferences import Preferences

    Preferences().stay_in_tray = True
    from PySide6.QtWidgets import QSystemTrayIcon

    monkeypatch.setattr(window.notifications, "tray", QSystemTrayIcon(window))  # one is there
    window.show()
    window.close()
    assert not window.isVisible()
    assert window.context.journal.path.exists()  # still open: reminders go on
    quits: list[bool] = []
    monkeypatch.setattr("PySide6.QtWidgets.QApplication.quit", lambda: quits.append(True))
    window.show()
    trigger(window, "quit")
    assert not window.isVisible() and quits == [True]


def test_without_a_tray_closing_ends_the_window_even_when_asked_to_stay(
    window: MainWindow,
) -> None:
    from relationship_journal.ui.preferences import Preferences

    Preferences().stay_in_tray = True  # but offscreen there is no tray to come back from
    window.show()
    window.close()
    assert not window.isVisible() and not window.quitting


def test_starting_my_own_journal_leaves_the_demos_filters_behind(
    open_window: WindowFactory, qtbot: QtBot
) -> None:
    window = open_window(demo=True)
    trigger(window, "go_journal")
    qtbot.keyClicks(window.journal_page.filters.person, "jurg")
    qtbot.waitUntil(
        lambda: (
            "match" in window.journal_page.count.text()
            or "entr" in window.journal_page.count.text()
        )
    )
    trigger(window, "go_promises")
    qtbot.keyClicks(window.promises_page.filters.person, "jurg")
    trigger(window, "startOwn")
    trigger(window, "go_journal")
    assert window.journal_page.filters.person.text() == ""
    qtbot.waitUntil(lambda: window.journal_page.count.text().startswith("No entries yet"))
    trigger(window, "go_promises")
    assert window.promises_page.filters.person.text() == ""
