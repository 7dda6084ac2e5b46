"""Type-ahead: keys typed between a shortcut and its dialog appearing go into the dialog.

A person who presses Ctrl+L and types a name at once is faster than the window system:
the first keys can reach the main window before the dialog has the focus, and the name
arrives cut short ("ra" for "Grace"), which picks the wrong person. While the dialog is
open, keys aimed at any other window are held, then given to the dialog's focused field
in the order they were typed.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget


class TypeAhead(QObject):
    """Routes stray keys into ``dialog`` until it finishes; install before building it
    (``TypeAhead.hold()``), then ``follow(dialog)`` once it exists."""

    def __init__(self) -> None:
        super().__init__()
        self._dialog: QDialog | None = None
        self._held: list[QKeyEvent] = []
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    @classmethod
    def hold(cls) -> TypeAhead:
        return cls()

    def follow(self, dialog: QDialog) -> None:
        self._dialog = dialog
        dialog.finished.connect(self.release)
        QTimer.singleShot(0, self._deliver)

    def release(self, *_args: object) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._held.clear()
        self._dialog = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        dialog = self._dialog
        if dialog is not None and watched.window() is dialog:
            return False  # already where it belongs
        if dialog is not None and watched.window() is not dialog.parentWidget():
            return False  # another window of its own (a message box the dialog opened)
        if kind == QEvent.Type.KeyPress:
            self._held.append(
                QKeyEvent(kind, event.key(), event.modifiers(), event.text(), event.isAutoRepeat())
            )
            QTimer.singleShot(0, self._deliver)
        return True

    def _deliver(self) -> None:
        dialog = self._dialog
        if dialog is None or not dialog.isVisible() or not self._held:
            return
        target = dialog.focusWidget() or dialog
        held, self._held = self._held, []
        for event in held:
            QApplication.sendEvent(target, event)
            release = QKeyEvent(
                QEvent.Type.KeyRelease, event.key(), event.modifiers(), event.text()
            )
            QApplication.sendEvent(target, release)
            target = dialog.focusWidget() or dialog  # Enter may have moved on to the summary
