"""What notifications ask of the main window: open it on a clicked notice's contact, say
once that notices cannot reach this desktop, and run without a window when started with
the computer."""

from __future__ import annotations

from datetime import time
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from relationship_journal.ui.main_window import MainWindow


def link(window: MainWindow) -> None:
    center = window.notifications
    center.open_requested.connect(window.bring_to_front)
    center.quit_requested.connect(window.quit)
    center.contact_requested.connect(lambda contact_id: open_from_notice(window, contact_id))
    center.unavailable.connect(lambda message: window.statusBar().showMessage(message, 30000))


def open_from_notice(window: MainWindow, contact_id: int | None) -> None:
    window.bring_to_front()
    if contact_id is None:
        window.go(0)
    else:
        window.open_contact(contact_id)


def run_in_background(window: MainWindow, announce_from: time) -> None:
    """Started with the computer: no window until a notice or the tray is clicked, the day's
    moments announced from ``announce_from``, and closing the window keeps reminders going."""
    window.keep_running = True
    QApplication.setQuitOnLastWindowClosed(False)
    window.notifications.hold_until = announce_from
    window.notifications.start()
    window.background.start()
