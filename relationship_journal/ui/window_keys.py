"""In the window's search and filter boxes, the window's commands keep their keys.

On Linux a text box takes Ctrl+E (end of line) and Ctrl+K (delete to the end) for itself,
and Ctrl+Z and Ctrl+Shift+Z (Ctrl+Y) for its own undo even when it has nothing to undo. In a
box that only finds things, those keys mean the window's Edit contact, Search, Undo and
Redo; its own undo is kept while it has typing to take back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit

_WINDOWS_ALWAYS = (
    Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_E,
    Qt.KeyboardModifier.ControlModifier | Qt.Key.Key_K,
)


class _WindowKeysFirst(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() != QEvent.Type.ShortcutOverride
            or not isinstance(event, QKeyEvent)
            or not isinstance(watched, QLineEdit)
        ):
            return False
        if (
            event.keyCombination() in _WINDOWS_ALWAYS
            or (event.matches(QKeySequence.StandardKey.Undo) and not watched.isUndoAvailable())
            or (event.matches(QKeySequence.StandardKey.Redo) and not watched.isRedoAvailable())
        ):
            event.ignore()  # not the box's: the window's command takes it
            return True
        return False


def window_keys_first(*boxes: QLineEdit) -> None:
    """Let the window's commands have their keys in ``boxes`` (search and filter boxes)."""
    for box in boxes:
        box.installEventFilter(_WindowKeysFirst(box))
