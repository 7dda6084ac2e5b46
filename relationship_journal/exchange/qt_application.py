"""Qt draws text and PDFs only inside an application object; a command line has none."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication


def gui_application() -> QCoreApplication:
    """The running application, or a new one for fonts (offscreen when there is no display).

    Keep the returned object alive while drawing: Qt needs it for as long as it paints.
    """
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A widgets application, not a bare GUI one: the same process may open a window later
    # (the test suite does), and Qt allows one application object per process.
    return QApplication(["relationship-journal"])
