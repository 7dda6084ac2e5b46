"""Starting the GUI: the application object, the exception hook, the journal, the window."""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from relationship_journal import APP_ID, APP_NAME, __version__
from relationship_journal.operations.errors import JournalError, UnlockCancelledError
from relationship_journal.paths import JournalPaths
from relationship_journal.ui.icons import app_icon
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.notifications.window_link import run_in_background
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.privacy.passphrase_dialogs import UNLOCK_JOURNAL, ask_passphrase
from relationship_journal.ui.theme import apply_theme
from relationship_journal.ui.upgrade_notice import UpgradeNotice


def _show_bug(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
    """A known problem (disk full, read-only journal…) gets its clear message; anything
    else is a bug: shown with its details, never hidden."""
    if isinstance(error, JournalError) and QApplication.instance() is not None:
        QMessageBox.warning(None, APP_NAME, f"{error}")
        return
    details = "".join(traceback.format_exception(kind, error, tb))
    sys.stderr.write(details)
    if QApplication.instance() is None:
        return
    box = QMessageBox()
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(f"{APP_NAME}: unexpected error")
    box.setText("Something went wrong. Your journal is safe: every saved change is on disk.")
    # The first words only: a long message would stretch the box past the screen; the whole
    # of it is in the details.
    summary = " ".join(f"{kind.__name__}: {error}".split())
    box.setInformativeText(summary if len(summary) <= 300 else summary[:300] + "…")
    box.setDetailedText(details)
    box.exec()


def make_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())
    apply_theme(app)
    return app


SMOKE_MARKER = "relationship-journal: window shown"
PEAK_MEMORY_MARKER = "relationship-journal: peak memory"


def peak_memory_mb() -> float | None:
    """This program's peak resident memory. Linux's VmHWM, unlike ``ru_maxrss``, starts
    afresh at exec, so it does not count what the launching process held."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def _no_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM"):
        return False
    if not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(
    paths: JournalPaths, force_demo: bool = False, smoke: bool = False, background: bool = False
) -> int:
    if smoke:
        # The smoke check of a built app runs on machines without a screen.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    elif _no_display():
        print(
            "relationship-journal: no display found (DISPLAY is not set); the window needs a "
            "desktop session. The command line works without one: see --help.",
            file=sys.stderr,
        )
        return 1
    if background and not paths.has_journal():
        return 0  # nobody to remind of yet (the demo's people are made up)
    app = make_application()
    sys.excepthook = _show_bug
    notice = UpgradeNotice()
    source = JournalSource(
        paths, lambda problem: ask_passphrase(None, UNLOCK_JOURNAL, problem), notice.show
    )
    try:
        try:
            # A newcomer (no journal yet) sees the demo behind the welcome dialog.
            journal = source.open(demo=force_demo or (not paths.has_journal() and not smoke))
        finally:
            notice.close()
    except UnlockCancelledError:
        return 0
    except JournalError as error:
        if not smoke:
            QMessageBox.critical(None, APP_NAME, str(error))
        print(f"relationship-journal: {error}", file=sys.stderr)
        return 1
    window = MainWindow(source, journal)
    if background:
        run_in_background(window, Preferences().daily_at)
        return app.exec()
    window.show()
    if not smoke:
        if source.is_demo and not force_demo:
            QTimer.singleShot(0, window.welcome)
        QTimer.singleShot(800, window.start_background)
    if smoke:
        # The first turn of the event loop: the window is up and answering.
        QTimer.singleShot(0, lambda: print(SMOKE_MARKER, flush=True))
        QTimer.singleShot(0, window.close)
        QTimer.singleShot(0, app.quit)
    code = app.exec()
    peak = peak_memory_mb() if smoke else None
    if peak is not None:
        print(f"{PEAK_MEMORY_MARKER} {peak:.0f} MB", flush=True)
    return code
