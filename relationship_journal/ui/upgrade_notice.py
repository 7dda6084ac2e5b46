"""What the screen says while an older journal is brought up to date at start.

The upgrade runs before the window exists and, on a large journal, takes a minute or two
(a backup is copied first, then the search indexes are rebuilt): without a word the app
would look as if it had not started.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from relationship_journal import APP_NAME

UPGRADING = (
    "Bringing your journal up to date for this version of {app}…\n\n"
    "A copy of it is kept first, in the backups folder. On a large journal this takes a "
    "minute or two; the window opens when it is done."
)


class UpgradeNotice:
    """Shown by ``show`` (the upgrade's callback), gone with ``close``."""

    def __init__(self) -> None:
        self._window: QWidget | None = None

    def show(self) -> None:
        window = QWidget(None, Qt.WindowType.Dialog)
        window.setObjectName("upgradeNotice")
        window.setWindowTitle(APP_NAME)
        text = QLabel(UPGRADING.format(app=APP_NAME))
        text.setWordWrap(True)
        text.setMinimumWidth(420)
        layout = QVBoxLayout(window)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(text)
        window.show()
        # The upgrade holds the event loop: paint the words before it starts.
        for _ in range(3):
            QApplication.processEvents()
        self._window = window

    def close(self) -> None:
        if self._window is not None:
            self._window.close()
            self._window.deleteLater()
            self._window = None
