"""The real main window on a journal of its own, for workflow tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from relationship_journal.paths import JournalPaths
from relationship_journal.ui.application import make_application
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """Preferences (QSettings) of each test in a folder of its own: Qt reads the config
    folder once per process, so the XDG variable alone does not isolate them."""
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


@pytest.fixture
def open_window(qtbot: QtBot, paths: JournalPaths) -> Iterator[WindowFactory]:
    """Opens (and reopens, for restart tests) the main window on the test's data folder."""
    opened: list[MainWindow] = []

    def factory(demo: bool = False) -> MainWindow:
        make_application()
        source = JournalSource(paths)
        window = MainWindow(source, source.open(demo=demo))
        qtbot.addWidget(window)
        window.show()
        # Shortcuts reach only the active window.
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=5000)
        qtbot.waitUntil(lambda: window.today_page.is_loaded, timeout=10000)
        # The rows Today just put up are laid out on the next turns of the event loop:
        # a click before then finds a button of no height.
        qtbot.waitUntil(_laid_out(window), timeout=5000)
        opened.append(window)
        return window

    yield factory
    for window in opened:
        if window.isVisible():
            window.close()


def _laid_out(window: MainWindow) -> Callable[[], bool]:
    def check() -> bool:
        QApplication.processEvents()
        buttons = window.today_page.findChildren(QPushButton, "doneButton")
        return all(button.height() > 0 for button in buttons if button.isVisible())

    return check


@pytest.fixture
def window(open_window: WindowFactory) -> MainWindow:
    return open_window()


def wait_for_agenda(qtbot: QtBot, window: MainWindow) -> None:
    """Today gathers its agenda off the UI thread after each change; wait for the newest."""
    qtbot.waitUntil(lambda: not window.today_page.is_loading, timeout=10000)


T = TypeVar("T")


def seed(window: MainWindow, action: Callable[[Session], T]) -> T:
    """Put a test's data in place behind the window's back (not an undoable step of the
    user's), then let the views refresh as they would after any change."""
    with window.context.journal.transaction() as session:
        result = action(session)
    window.context.changed.emit()
    return result


def trigger(window: MainWindow, name: str) -> None:
    """Choose a menu command as the user does: through its action."""
    action = window.registry[name]
    assert action.isEnabled(), f"{name} is disabled"
    action.trigger()


def import_file(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, path: Path):  # type: ignore[no-untyped-def]
    """File → Import contacts…, the file dialog answered with ``path``; waits for the end and
    returns the result (None when nothing was imported)."""
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    done: list[object] = []
    window.imported.connect(done.append)
    trigger(window, "importContacts")
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    window.imported.disconnect(done.append)
    return done[0]


def open_by_name(window: MainWindow, qtbot: QtBot, text: str) -> None:
    """Find a contact (Ctrl+F), type part of the name, Enter opens the first match."""
    from PySide6.QtCore import Qt

    window.activateWindow()  # keys reach the active window only
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    trigger(window, "find")  # puts other filters aside
    page = window.contacts_page
    page.search.clear()
    qtbot.keyClicks(page.search, text)
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert window.current_page_key() == "contact"


def peek(window: MainWindow, query: Callable[[Session], T]) -> T:
    """Look into the journal the window has open, as a test checks what landed there."""
    with window.context.journal.reading() as session:
        return query(session)
