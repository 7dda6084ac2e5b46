"""Asking for a passphrase: to unlock the journal, or to set, change or remove it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal import APP_NAME
from relationship_journal.operations.privacy import MIN_PASSPHRASE_LENGTH, passphrase_problem

T = TypeVar("T")
WRAP_WIDTH = 440
LOST_PASSPHRASE_WARNING = (
    "<b>Nobody can recover a lost passphrase.</b> The journal, its backups and its drafts "
    "are encrypted with it; without it they are unreadable, to you as to anyone else. "
    "Keep it in your password manager or write it down somewhere safe."
)


def _secret_field(name: str, placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setPlaceholderText(placeholder)
    field.setMinimumWidth(280)
    return field


def _wrapped_label(text: str) -> QLabel:
    """A paragraph at a set width, tall enough for all its lines (a dialog does not ask a
    wrapped label for its height at its actual width)."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setFixedWidth(WRAP_WIDTH)
    label.setMinimumHeight(label.heightForWidth(WRAP_WIDTH))
    return label


def _problem_label() -> QLabel:
    label = QLabel()
    label.setObjectName("passphraseProblem")
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class UnlockDialog(QDialog):
    """One field: the passphrase of an encrypted journal."""

    def __init__(self, parent: QWidget | None, intro: str, problem: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.setWindowTitle(f"Unlock — {APP_NAME}")
        text = _wrapped_label(intro)
        self.passphrase = _secret_field("unlockPassphrase", "Passphrase")
        self.problem = _problem_label()
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Unlock")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.passphrase)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.passphrase.setFocus()


UNLOCK_JOURNAL = "Your journal is encrypted. Enter its passphrase to open it."


def ask_passphrase(parent: QWidget | None, intro: str, problem: str = "") -> str | None:
    """The passphrase the user typed, or None when they cancelled."""
    dialog = UnlockDialog(parent, intro, problem)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase.text()


def ask_until(
    parent: QWidget | None, intro: str, fits: Callable[[str], T | None], wrong: str
) -> T | None:
    """Ask until ``fits`` accepts a passphrase (returns what it made of it), or the user
    cancels (None). ``wrong`` is shown after each passphrase that does not fit."""
    problem = ""
    while (passphrase := ask_passphrase(parent, intro, problem)) is not None:
        result = fits(passphrase)
        if result is not None:
            return result
        problem = wrong
    return None


class PassphraseDialog(QDialog):
    """Set a new passphrase (``needs_current``: change one), with the warning that a lost
    passphrase cannot be recovered, acknowledged before anything happens."""

    def __init__(self, parent: QWidget | None, needs_current: bool) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.setWindowTitle("Change passphrase" if needs_current else "Encrypt the journal")
        self.current = _secret_field("currentPassphrase") if needs_current else None
        self.new = _secret_field(
            "newPassphrase", f"At least {MIN_PASSPHRASE_LENGTH} characters; a few words is best"
        )
        self.repeat = _secret_field("repeatPassphrase")
        warning = _wrapped_label(LOST_PASSPHRASE_WARNING)
        warning.setObjectName("lostPassphraseWarning")
        self.understood = QCheckBox("I understand that a lost passphrase cannot be recovered")
        self.understood.setObjectName("understoodLoss")
        self.problem = _problem_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("Change passphrase" if needs_current else "Encrypt")
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.understood.toggled.connect(self.ok.setEnabled)
        form = QFormLayout()
        if self.current is not None:
            form.addRow("Current passphrase", self.current)
        form.addRow("New passphrase", self.new)
        form.addRow("Repeat it", self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(warning)
        layout.addWidget(self.understood)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def problem_with_entry(self) -> str:
        text = self.new.text()
        if text != self.repeat.text():
            return "The two passphrases differ. Type the same one twice."
        return passphrase_problem(text)

    def show_problem(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))

    def accept(self) -> None:
        problem = self.problem_with_entry()
        if problem:
            self.show_problem(problem)
            self.new.setFocus()
            return
        super().accept()
