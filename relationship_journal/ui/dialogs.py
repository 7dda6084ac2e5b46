"""What every editing dialog shares: Save and Cancel, Enter and Ctrl+S to save."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox


def save_cancel(dialog: QDialog, ok_text: str = "") -> QDialogButtonBox:
    """Save/Cancel buttons wired to the dialog's accept and reject; Ctrl+S saves too."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    if ok_text:
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    QShortcut(QKeySequence(QKeySequence.StandardKey.Save), dialog, dialog.accept)
    return buttons
