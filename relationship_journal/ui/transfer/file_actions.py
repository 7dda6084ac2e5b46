"""Export, back up and restore from the File menu, the slow parts off the UI thread."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from relationship_journal.domain.wording import count_of
from relationship_journal.operations import journals, privacy, transfer
from relationship_journal.operations.errors import JournalError, UnlockCancelledError
from relationship_journal.operations.privacy import JournalKey
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.privacy.passphrase_dialogs import ask_until
from relationship_journal.ui.tasks import run_task, wait_for_tasks

EXPORTS = {
    "vcard": ("vCard 4.0 (*.vcf)", "contacts.vcf"),
    "csv": ("CSV (*.csv)", "contacts.csv"),
    "json": ("Whole journal, JSON (*.json)", "relationship-journal.json"),
    "ics": ("iCalendar (*.ics)", "relationship-journal-moments.ics"),
}
ICS_DAYS = 365


class FileActions:
    def __init__(self, window: QMainWindow, context: JournalContext) -> None:
        self.window = window
        self.context = context

    def _say(self, message: str) -> None:
        self.window.statusBar().showMessage(message, 8000)

    def _fail(self, title: str, error: BaseException, details: str) -> None:
        if isinstance(error, JournalError):
            QMessageBox.warning(self.window, title, str(error))
            return
        raise RuntimeError(f"{title}: {error}\n{details}")

    def export(self, fmt: str) -> None:
        file_filter, default = EXPORTS[fmt]
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Export", str(Path.home() / default), file_filter
        )
        if not name:
            return
        target = Path(name)
        ws = self.context.ws
        if fmt == "ics":
            run_task(
                lambda _progress: transfer.export_moments(ws, target, ICS_DAYS),
                lambda count: self._say(
                    f"Exported {count_of(count, 'moment')} of the next {ICS_DAYS} days to {target}"
                ),
                lambda error, details: self._fail("Export failed", error, details),
            )
            return
        run_task(
            lambda _progress: transfer.export(ws, fmt, target),
            lambda count: self._say(f"Exported {count_of(count, 'contact')} to {target}"),
            lambda error, details: self._fail("Export failed", error, details),
        )

    def backup_now(self) -> None:
        ws = self.context.ws
        run_task(
            lambda _progress: transfer.back_up(ws),
            lambda made: self._say(f"Backed up to {made}"),
            lambda error, details: self._fail("Backup failed", error, details),
        )

    def restore_from_backup(self) -> bool:
        """Replace the journal with a backup the user picks; True when it was restored."""
        name, _ = QFileDialog.getOpenFileName(
            self.window,
            "Restore from backup",
            str(self.context.ws.paths.backups),
            "Journal (*.sqlite)",
        )
        if not name:
            return False
        source = Path(name)
        journal = self.context.journal
        try:
            backup_key = self._backup_key(source, journal.key)
        except UnlockCancelledError:
            return False
        try:
            journals.check_backup(source, backup_key)
        except JournalError as error:
            QMessageBox.warning(self.window, "Cannot restore", str(error))
            return False
        answer = QMessageBox.question(
            self.window,
            "Restore from backup",
            f"Replace your journal with the backup {source.name}?\n\n"
            "Your journal as it is now is kept as a backup too.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        wait_for_tasks()  # nothing may read the journal while it is replaced
        journal.close()
        paths = self.context.ws.paths
        try:
            kept = journals.restore_backup(paths, source, journal.key, backup_key)
        finally:
            self.context.journal = journals.open_journal(paths.journal, paths.backups, journal.key)
        self.context.undo_stack.clear()
        self.context.changed.emit()
        self._say(f"Restored from {source.name}; the journal as it was is in {kept.name}")
        return True

    def _backup_key(self, backup: Path, current: JournalKey | None) -> JournalKey | None:
        """The key that opens ``backup``: none for a plain file, the journal's own when it
        fits, else the one from a passphrase the user gives (``UnlockCancelledError`` when
        they give up)."""
        if not privacy.looks_encrypted(backup):
            return None
        if current is not None and privacy.is_under(backup, current):
            return current

        def fits(passphrase: str) -> JournalKey | None:
            key = privacy.key_for(backup, passphrase)
            return key if privacy.is_under(backup, key) else None

        key = ask_until(
            self.window,
            f"{backup.name} does not open with the journal's passphrase. If it is a backup "
            "made under an earlier passphrase, enter that one.",
            fits,
            "That passphrase does not open this backup.",
        )
        if key is None:
            raise UnlockCancelledError(backup)
        return key
