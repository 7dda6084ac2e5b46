"""The real main window on a journal of its own, for workflow tests."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from pytestqt.qtbot import QtBot

from relationship_journal.paths import JournalPaths
from relationship_journal.ui.application import make_application
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.main_window import MainWindow

WindowFactory = Callable[..., MainWindow]


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
        opened.append(window)
        return window

    yield factory
    for window in opened:
        if window.isVisible():
            window.close()


@pytest.fixture
def window(open_window: WindowFactory) -> MainWindow:
    return open_window()


def wait_for_agenda(qtbot: QtBot, window: MainWindow) -> None:
    """Today gathers its agenda off the UI thread after each change; wait for the newest."""
    qtbot.waitUntil(lambda: not window.today_page.is_loading, timeout=10000)
