"""What every editing dialog shares: Save and Cancel, Enter and Ctrl+S to save, and a
question before typed text is thrown away."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget


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


def confirm_discard(parent: QWidget, what: str) -> bool:
    """Ask before typed text is lost; True when the user chooses to throw it away."""
    box = QMessageBox(parent)
    box.setObjectName("confirmDiscard")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Discard what you typed?")
    box.setText(f"Close without saving {what}?")
    box.setInformativeText("What you typed will be lost.")
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discardButton")
    keep = box.addButton("Keep editing", QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keepEditingButton")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class GuardedDialog(QDialog):
    """An editor that asks before Cancel, Escape or the close button drop typed text."""

    unsaved_what = "what you typed"

    def has_unsaved_input(self) -> bool:
        return False

    def reject(self) -> None:
        if self.has_unsaved_input() and not confirm_discard(self, self.unsaved_what):
            return
        super().reject()
