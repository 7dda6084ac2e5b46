"""What the GUI tests build on: a journal context (a journal of the test's own, or the
demo) for a page or dialog alone, and the real main window for the tests about the window
itself and the workflows across it."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import Session

from relationship_journal.operations.drafts import DraftStore
from relationship_journal.operations.journals import open_demo_journal, open_user_journal
from relationship_journal.paths import JournalPaths
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.application import make_application
from relationship_journal.ui.capture import Capture
from relationship_journal.ui.contact.page import ContactPage
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.tasks import wait_for_tasks
from relationship_journal.ui.today.page import TodayPage

WindowFactory = Callable[..., MainWindow]
ContextFactory = Callable[..., JournalContext]
ShowWidget = Callable[..., None]

# About the room a page has in the window at its first size (the sidebar takes the rest).
PAGE_SIZE = (600, 680)


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path) -> None:
    """Preferences (QSettings) of each test in a folder of its own: Qt reads the config
    folder once per process, so the XDG variable alone does not isolate them."""
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)


# --- journals ------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], Path]:
    """The demo journal, made once a session (filling it takes about a second) and copied
    into each test's data folder that wants it; made again if the day has turned since."""
    made: list[Path] = []

    def template() -> Path:
        if not made:
            folder = JournalPaths(tmp_path_factory.mktemp("demo-template"))
            open_demo_journal(folder).close()
            made.append(folder.demo.journal)
        return made[0]

    return template


@pytest.fixture
def lay_demo(demo_template: Callable[[], Path], paths: JournalPaths) -> Callable[[], None]:
    """Put the session's demo journal where the test's data folder keeps the demo."""

    def lay() -> None:
        target = paths.demo.journal
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(demo_template(), target)

    return lay


# --- a page or a dialog alone --------------------------------------------------------------------


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    """The application as the app sets it up: its name, icon and theme."""
    return make_application()


@pytest.fixture
def open_context(
    app: QApplication, paths: JournalPaths, lay_demo: Callable[[], None]
) -> Iterator[ContextFactory]:
    """A journal context as the window makes one (drafts, undo stack), without the window:
    on the test's own journal, or on the demo. Call it again after ``close_context`` for a
    restart."""
    opened: list[JournalContext] = []

    def factory(demo: bool = False) -> JournalContext:
        if demo:
            lay_demo()
        journal = open_demo_journal(paths) if demo else open_user_journal(paths, check=None)
        where = paths.demo if demo else paths
        context = JournalContext(journal, where, demo, drafts=DraftStore(where.drafts, journal.key))
        opened.append(context)
        return context

    yield factory
    for context in opened:
        close_context(context)


@pytest.fixture
def context(open_context: ContextFactory) -> JournalContext:
    """A journal context on a new, empty journal of the test's own."""
    return open_context()


def close_context(context: JournalContext) -> None:
    """Close the context's journal as the window does on closing: its reads done first."""
    wait_for_tasks()
    context.journal.close()


@pytest.fixture
def show_widget(qtbot: QtBot) -> ShowWidget:
    """Show a page (at about the size the window gives it) or a dialog, and wait until it
    is on screen; pytest-qt closes it after the test."""

    def show(widget: QWidget, size: tuple[int, int] | None = PAGE_SIZE) -> None:
        qtbot.addWidget(widget)
        if size is not None and not isinstance(widget, QDialog):
            widget.resize(*size)
        with qtbot.waitExposed(widget):
            widget.show()

    return show


def contact_page(context: JournalContext, show: ShowWidget, contact_id: int) -> ContactPage:
    """The contact page alone, on screen, showing ``contact_id``, as opening them shows it."""
    page = ContactPage(context)
    show(page)
    page.show_contact(contact_id)
    return page


@pytest.fixture
def open_today(qtbot: QtBot, show_widget: ShowWidget) -> Callable[[JournalContext], TodayPage]:
    """Today alone, on screen, its agenda read and its rows laid out (as the window starts)."""

    def make(context: JournalContext) -> TodayPage:
        page = TodayPage(context)
        page.reload()
        show_widget(page)
        qtbot.waitUntil(lambda: page.is_loaded and not page.is_loading, timeout=10000)
        qtbot.waitUntil(_rows_laid_out(page), timeout=5000)
        return page

    return make


def wire_capture(page: QWidget, context: JournalContext) -> Capture:
    """Capture wired as the window wires it: a page's request to log opens the log dialog,
    and Today's New reminder the reminder dialog (for nobody in particular)."""
    capture = Capture(page, context)
    context.log_requested.connect(capture.log_interaction)
    if isinstance(page, TodayPage):
        connect_plain(page.add_reminder.clicked, lambda: capture.new_reminder(None))
    return capture


def undo(context: JournalContext) -> None:
    """Edit → Undo: the undo stack's own action, the one the window's Edit menu holds."""
    action = context.undo_stack.createUndoAction(context)
    assert action.isEnabled(), f"{action.text()} is disabled"
    action.trigger()
    action.deleteLater()


# --- the whole window ----------------------------------------------------------------------------


@pytest.fixture
def open_window(
    qtbot: QtBot, paths: JournalPaths, lay_demo: Callable[[], None]
) -> Iterator[WindowFactory]:
    """Opens (and reopens, for restart tests) the main window on the test's data folder."""
    opened: list[MainWindow] = []

    def factory(demo: bool = False) -> MainWindow:
        make_application()
        if demo:
            lay_demo()
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
        qtbot.waitUntil(_rows_laid_out(window.today_page), timeout=5000)
        opened.append(window)
        return window

    yield factory
    for window in opened:
        if window.isVisible():
            window.close()


def _rows_laid_out(page: TodayPage) -> Callable[[], bool]:
    def check() -> bool:
        QApplication.processEvents()
        buttons = page.findChildren(QPushButton, "doneButton")
        return all(button.height() > 0 for button in buttons if button.isVisible())

    return check


@pytest.fixture
def window(open_window: WindowFactory) -> MainWindow:
    return open_window()


def wait_for_agenda(qtbot: QtBot, where: MainWindow | TodayPage) -> None:
    """Today gathers its agenda off the UI thread after each change; wait for the newest."""
    page = where.today_page if isinstance(where, MainWindow) else where
    qtbot.waitUntil(lambda: not page.is_loading, timeout=10000)


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


# --- what the journal holds ----------------------------------------------------------------------

T = TypeVar("T")


def _context_of(where: MainWindow | JournalContext) -> JournalContext:
    return where if isinstance(where, JournalContext) else where.context


def seed(where: MainWindow | JournalContext, action: Callable[[Session], T]) -> T:
    """Put a test's data in place behind the views' back (not an undoable step of the
    user's), then let them refresh as they would after any change."""
    context = _context_of(where)
    with context.journal.transaction() as session:
        result = action(session)
    context.changed.emit()
    return result


def id_of(where: MainWindow | JournalContext, name: str) -> int:
    """The id of the contact ``name`` names, as the command line finds one (part of the
    name, accents and case aside)."""
    from relationship_journal.store.contact_lookup import resolve_contact

    found = peek(where, lambda s: resolve_contact(s, name).id)
    assert found is not None
    return found


def peek(where: MainWindow | JournalContext, query: Callable[[Session], T]) -> T:
    """Look into the journal the window (or context) has open, as a test checks what
    landed there."""
    with _context_of(where).journal.reading() as session:
        return query(session)
