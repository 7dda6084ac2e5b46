"""Encrypting the journal, changing its passphrase or removing it, from the running window.

Each runs with the journal closed: the journal, its backups and its drafts are converted
file by file (each with one atomic rename), then the journal is opened again under the new
key and every view refreshed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from relationship_journal.operations.drafts import DraftStore
from relationship_journal.operations.errors import JournalError
from relationship_journal.operations.journals import open_user_journal
from relationship_journal.operations.privacy import (
    JournalKey,
    change_passphrase,
    is_available,
    is_under,
    new_key,
)
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.journal_source import JournalSource
from relationship_journal.ui.privacy.passphrase_dialogs import PassphraseDialog, ask_until
from relationship_journal.ui.tasks import wait_for_tasks


class PrivacyActions(QObject):
    def __init__(self, window: QWidget, context: JournalContext, source: JournalSource) -> None:
        super().__init__(window)
        self._window = window
        self._context = context
        self._source = source

    @property
    def key(self) -> JournalKey | None:
        return self._context.journal.key

    @property
    def why_unavailable(self) -> str:
        """Empty when the passphrase can be set or changed now; otherwise the reason."""
        if self._context.is_demo:
            return "The demo journal is not encrypted. Start your own journal to use a passphrase."
        if not is_available():
            return "Encryption needs the SQLCipher library, which this copy of the app lacks."
        return ""

    def encrypt(self) -> bool:
        """Ask for a new passphrase and encrypt the journal with it."""
        dialog = PassphraseDialog(self._window, needs_current=False)
        if dialog.exec() != PassphraseDialog.DialogCode.Accepted:
            return False
        return self._convert(None, new_key(dialog.new.text()), "The journal is encrypted.")

    def change(self) -> bool:
        old = self.key
        if old is None:
            return self.encrypt()
        dialog = PassphraseDialog(self._window, needs_current=True)
        assert dialog.current is not None
        while dialog.exec() == PassphraseDialog.DialogCode.Accepted:
            if old.matches(dialog.current.text()):
                new = new_key(dialog.new.text())
                return self._convert(old, new, "The passphrase is changed.")
            dialog.show_problem("The current passphrase is not right.")
            dialog.current.setFocus()
        return False

    def decrypt(self) -> bool:
        """Store the journal unencrypted again, after the current passphrase is given."""
        old = self.key
        if old is None:
            return False
        confirmed = ask_until(
            self._window,
            "To remove the passphrase, enter it once more. The journal, its backups and "
            "drafts will then be stored unencrypted.",
            lambda passphrase: True if old.matches(passphrase) else None,
            "That is not the journal's passphrase.",
        )
        if not confirmed:
            return False
        return self._convert(old, None, "The journal is no longer encrypted.")

    def _convert(self, old: JournalKey | None, new: JournalKey | None, done: str) -> bool:
        paths = self._source.paths
        progress = QProgressDialog(
            "Converting the journal, its backups and drafts… A large journal takes a while.",
            "",
            0,
            0,
            self._window,
        )
        progress.setObjectName("encryptionProgress")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.show()
        QApplication.processEvents()  # paint it before the work holds the window
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        wait_for_tasks()
        self._context.journal.close()
        failure: Exception | None = None
        try:
            change_passphrase(paths, old, new)
        except Exception as error:
            failure = error
        finally:
            QApplication.restoreOverrideCursor()
            progress.close()
        # Each file is converted whole or not at all, so the journal is under one of the two.
        current = new if is_under(paths.journal, new) else old
        self._context.journal = open_user_journal(paths, current, check=None)
        self._context.drafts = DraftStore(paths.drafts, current)
        self._context.changed.emit()
        if isinstance(failure, JournalError):
            QMessageBox.warning(self._window, "Passphrase not changed", str(failure))
            return False
        if failure is not None:
            raise failure
        self._window.statusBar().showMessage(done, 8000)  # type: ignore[attr-defined]
        return True
