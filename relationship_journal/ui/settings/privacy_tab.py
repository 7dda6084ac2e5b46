"""Settings → Privacy: the journal's passphrase and the window lock."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.privacy.actions import PrivacyActions
from relationship_journal.ui.privacy.window_lock import IDLE_CHOICES

WHAT_IT_PROTECTS = (
    "With a passphrase the journal, its backups and unsaved drafts are encrypted on disk "
    "(SQLCipher, AES-256): a stolen laptop or a copied file shows nothing. Exports, printed "
    "briefs and the live calendar file are written in plain text, as you asked for them. "
    "While the app runs and is unlocked, what is on screen is readable by anyone at your "
    "desk; the lock covers that."
)


def _idle_text(minutes: int) -> str:
    if minutes == 0:
        return "Never"
    return f"After {minutes} minute{'s' if minutes != 1 else ''} without use"


class PrivacyTab(QWidget):
    def __init__(self, privacy: PrivacyActions, preferences: Preferences) -> None:
        super().__init__()
        self._privacy = privacy
        self.state = QLabel()
        self.state.setObjectName("encryptionState")
        self.state.setWordWrap(True)
        self.encrypt_button = QPushButton("Encrypt with a passphrase…")
        self.encrypt_button.setObjectName("encryptJournal")
        self.encrypt_button.clicked.connect(lambda: (privacy.encrypt(), self.refresh()))
        self.change_button = QPushButton("Change passphrase…")
        self.change_button.setObjectName("changePassphrase")
        self.change_button.clicked.connect(lambda: (privacy.change(), self.refresh()))
        self.remove_button = QPushButton("Remove passphrase…")
        self.remove_button.setObjectName("removePassphrase")
        self.remove_button.clicked.connect(lambda: (privacy.decrypt(), self.refresh()))
        buttons = QHBoxLayout()
        for button in (self.encrypt_button, self.change_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch()
        self.lock_after = QComboBox()
        self.lock_after.setObjectName("lockAfter")
        self.lock_after.setAccessibleName("Lock the window")
        for minutes in IDLE_CHOICES:
            self.lock_after.addItem(_idle_text(minutes), minutes)
        chosen = self.lock_after.findData(preferences.lock_minutes)
        self.lock_after.setCurrentIndex(max(chosen, 0))
        self.lock_note = QLabel()
        self.lock_note.setProperty("role", "muted")
        self.lock_note.setWordWrap(True)
        note = QLabel(WHAT_IT_PROTECTS)
        note.setWordWrap(True)
        note.setProperty("role", "muted")
        form = QFormLayout(self)
        form.addRow(self.state)
        form.addRow(buttons)
        form.addRow(note)
        form.addRow("Lock the window", self.lock_after)
        form.addRow(self.lock_note)
        self.refresh()

    @property
    def lock_minutes(self) -> int:
        return int(self.lock_after.currentData())

    def refresh(self) -> None:
        encrypted = self._privacy.key is not None
        reason = self._privacy.why_unavailable
        if reason:
            self.state.setText(reason)
        elif encrypted:
            self.state.setText("Your journal is encrypted with a passphrase.")
        else:
            self.state.setText(
                "Your journal is not encrypted: anyone who can read your files can read it."
            )
        self.encrypt_button.setVisible(not encrypted)
        self.encrypt_button.setEnabled(not reason)
        self.change_button.setVisible(encrypted)
        self.remove_button.setVisible(encrypted)
        self.lock_after.setEnabled(encrypted)
        self.lock_note.setText(
            "Ctrl+Shift+L locks at once; the passphrase unlocks."
            if encrypted
            else "The lock asks for the journal's passphrase, so it needs one."
        )
