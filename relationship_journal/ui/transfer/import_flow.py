"""The import from start to finish: file, (column mapping), preview, import with progress.

A whole-journal JSON export (told by its content) restores into an empty journal instead.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from relationship_journal.domain.wording import count_of
from relationship_journal.operations import contacts, transfer
from relationship_journal.operations.errors import ImportFileError, UnsureColumnsError, is_known
from relationship_journal.operations.transfer import (
    ArchiveReport,
    ColumnMapping,
    Decision,
    ImportCancelled,
    ImportPreview,
)
from relationship_journal.operations.workspace import Done
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.tasks import run_task
from relationship_journal.ui.transfer.mapping_dialog import ColumnMappingDialog
from relationship_journal.ui.transfer.preview_dialog import ImportPreviewDialog

FILE_FILTER = (
    "Contacts (*.vcf *.vcard *.csv *.txt *.json);;vCard (*.vcf *.vcard);;CSV (*.csv);;"
    "Whole journal, JSON (*.json);;All files (*)"
)
SHOWN_PROBLEMS = 12


class ImportFlow(QObject):
    """One import; emits ``finished`` with the result (or None if nothing was imported)."""

    finished = Signal(object)

    def __init__(self, parent: QWidget, context: JournalContext) -> None:
        super().__init__(parent)
        self._parent = parent
        self._context = context
        self.cancel_requested = False
        self.progress: QProgressDialog | None = None

    def choose_and_start(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self._parent, "Import contacts", str(Path.home()), FILE_FILTER
        )
        if name:
            self.start(Path(name))

    def start(self, path: Path, mapping: ColumnMapping | None = None) -> None:
        self._path = path
        if mapping is None and transfer.is_archive(path):
            self._restore_archive(path)
            return
        ws = self._context.ws
        run_task(
            lambda _progress: transfer.preview_import(ws, path, mapping),
            self._show_preview,
            lambda error, details: self._preview_failed(path, error, details),
        )

    def _preview_failed(self, path: Path, error: BaseException, details: str) -> None:
        if isinstance(error, UnsureColumnsError):
            mapping = self._ask_mapping(error.header)
            if mapping is not None:
                self.start(path, mapping)
                return
            self.finished.emit(None)
            return
        self.finished.emit(None)
        if isinstance(error, ImportFileError) or is_known(error):
            QMessageBox.warning(self._parent, "Cannot import", f"{path.name}: {error}")
            return
        raise RuntimeError(f"Reading {path.name} failed: {error}\n{details}")

    def _ask_mapping(self, header: list[str]) -> ColumnMapping | None:
        dialog = ColumnMappingDialog(self._parent, header, transfer.guess_columns(header))
        if dialog.exec() != ColumnMappingDialog.DialogCode.Accepted:
            return None
        return dialog.mapping()

    def _show_preview(self, plan: ImportPreview) -> None:
        dialog = ImportPreviewDialog(self._parent, plan)
        if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
            self.finished.emit(None)
            return
        self.run_import(plan, dialog.decisions)

    def _show_progress(self, label: str, steps: int) -> None:
        self.cancel_requested = False
        self.progress = QProgressDialog(label, "Cancel", 0, steps, self._parent)
        self.progress.setObjectName("importProgress")
        self.progress.setWindowTitle("Import")
        self.progress.setMinimumWidth(380)  # its title and label whole
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)

    def run_import(self, plan: ImportPreview, decisions: list[Decision]) -> None:
        self._show_progress(f"Importing {plan.path.name}…", len(plan.records))
        ws = self._context.ws
        run_task(
            lambda progress: transfer.run_import(
                ws, plan, decisions, progress, lambda: self.cancel_requested
            ),
            self._done,
            self._failed,
            self._progressed,
        )

    def _cancel(self) -> None:
        self.cancel_requested = True

    def _progressed(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.reset()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, done: Done[object]) -> None:
        self._close_progress()
        self._context.record(done.change)
        self._context.changed.emit()
        self.finished.emit(done.value)

    def _failed(self, error: BaseException, details: str) -> None:
        self._close_progress()
        self.finished.emit(None)
        if isinstance(error, ImportCancelled):
            QMessageBox.information(
                self._parent, "Import cancelled", "Nothing was imported; the journal is as it was."
            )
            return
        if is_known(error):
            QMessageBox.warning(self._parent, "Import failed", f"{error}\n\nNothing was imported.")
            return
        raise RuntimeError(f"The import failed: {error}\n{details}")

    # --- a whole journal ----------------------------------------------------------------------

    def _restore_archive(self, path: Path) -> None:
        if contacts.live_count(self._context.ws):
            QMessageBox.information(
                self._parent,
                "A whole journal",
                f"{path.name} is a whole journal exported from Relationship Journal. It can "
                "only be loaded into an empty journal: on a new computer, load it before "
                "adding anyone. To add a few people from it, export them as vCard instead.",
            )
            self.finished.emit(None)
            return
        answer = QMessageBox.question(
            self._parent,
            "Load a whole journal",
            f"Load the journal exported in {path.name} into this empty journal? Every row is "
            "checked first; if any is wrong, you choose whether to load the others.",
        )
        if answer != QMessageBox.StandardButton.Yes:
            self.finished.emit(None)
            return
        self._load_archive(path, keep_valid=False)

    def _load_archive(self, path: Path, keep_valid: bool) -> None:
        ws = self._context.ws
        self._show_progress(f"Loading {path.name}…", 0)
        run_task(
            lambda progress: transfer.load_archive(
                ws, path, keep_valid, progress=progress, cancelled=lambda: self.cancel_requested
            ),
            lambda done: self._archive_loaded(path, done),
            self._failed,
            self._progressed,
        )

    def _archive_loaded(self, path: Path, done: Done[ArchiveReport]) -> None:
        self._close_progress()
        report = done.value
        if report.kept:
            self._context.record(done.change)
            self._context.changed.emit()
            self._context.tell(f"Loaded {count_of(report.contacts, 'contact')} from {path.name}")
            self.finished.emit(transfer.ImportResult(created=report.contacts))
            return
        listed = "\n".join(report.problems[:SHOWN_PROBLEMS])
        more = report.problem_count - min(len(report.problems), SHOWN_PROBLEMS)
        answer = QMessageBox.question(
            self._parent,
            "Problems in the export",
            f"{count_of(report.problem_count, 'problem')} in {path.name}; nothing was loaded "
            f"yet.\n\n{listed}"
            + (f"\n… and {more} more" if more > 0 else "")
            + "\n\nLoad the rows that passed the checks?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,  # a hurried Enter loads nothing
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._load_archive(path, keep_valid=True)
        else:
            self.finished.emit(None)
