"""The import from start to finish: file, (column mapping), preview, import with progress."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from relationship_journal.exchange.csv_formats import ColumnMapping
from relationship_journal.exchange.csv_guess import guess
from relationship_journal.exchange.import_plan import (
    Decision,
    ImportCancelled,
    ImportPreview,
    ImportResult,
    apply,
    preview,
)
from relationship_journal.exchange.records import ImportFileError, UnsureColumnsError
from relationship_journal.store import clock, undo_log
from relationship_journal.store.errors import JournalError
from relationship_journal.store.journal import Journal
from relationship_journal.store.undo_log import Inverse
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.tasks import ProgressCallback, run_task
from relationship_journal.ui.transfer.mapping_dialog import ColumnMappingDialog
from relationship_journal.ui.transfer.preview_dialog import ImportPreviewDialog

FILE_FILTER = (
    "Contacts (*.vcf *.vcard *.csv *.txt);;vCard (*.vcf *.vcard);;CSV (*.csv);;All files (*)"
)


def _preview_work(journal: Journal, path: Path, mapping: ColumnMapping | None):  # type: ignore[no-untyped-def]
    def work(_progress: ProgressCallback) -> ImportPreview:
        with journal.reading() as session:
            return preview(session, path, mapping)

    return work


def _apply_work(journal: Journal, plan: ImportPreview, decisions: list[Decision], flow: ImportFlow):  # type: ignore[no-untyped-def]
    """The import in one transaction, with what undoes it as one step."""

    def work(progress: ProgressCallback) -> tuple[ImportResult, Inverse]:
        now = clock.now()
        with journal.transaction() as session:
            undo_log.begin(session)
            result = apply(session, plan, decisions, now, progress, lambda: flow.cancel_requested)
            return result, undo_log.take(session)

    return work


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
        run_task(
            _preview_work(self._context.journal, path, mapping),
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
        if isinstance(error, ImportFileError):
            QMessageBox.warning(self._parent, "Cannot import", f"{path.name}: {error}")
            self.finished.emit(None)
            return
        self.finished.emit(None)
        if isinstance(error, JournalError):
            QMessageBox.warning(self._parent, "Cannot import", f"{path.name}: {error}")
            return
        raise RuntimeError(f"Reading {path.name} failed: {error}\n{details}")

    def _ask_mapping(self, header: list[str]) -> ColumnMapping | None:
        dialog = ColumnMappingDialog(self._parent, header, guess(header)[0])
        if dialog.exec() != ColumnMappingDialog.DialogCode.Accepted:
            return None
        return dialog.mapping()

    def _show_preview(self, plan: ImportPreview) -> None:
        dialog = ImportPreviewDialog(self._parent, plan)
        if dialog.exec() != ImportPreviewDialog.DialogCode.Accepted:
            self.finished.emit(None)
            return
        self.run_import(plan, dialog.decisions)

    def run_import(self, plan: ImportPreview, decisions: list[Decision]) -> None:
        self.progress = QProgressDialog(
            f"Importing {plan.path.name}…", "Cancel", 0, len(plan.records), self._parent
        )
        self.progress.setObjectName("importProgress")
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.canceled.connect(self._cancel)
        run_task(
            _apply_work(self._context.journal, plan, decisions, self),
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

    def _done(self, outcome: tuple[ImportResult, Inverse]) -> None:
        result, inverse = outcome
        self._close_progress()
        self._context.record(f"Import {self._path.name}", inverse)
        self._context.changed.emit()
        self.finished.emit(result)

    def _failed(self, error: BaseException, details: str) -> None:
        self._close_progress()
        if isinstance(error, ImportCancelled):
            QMessageBox.information(
                self._parent, "Import cancelled", "Nothing was imported; the journal is as it was."
            )
            self.finished.emit(None)
            return
        self.finished.emit(None)
        if isinstance(error, JournalError):
            QMessageBox.warning(self._parent, "Import failed", f"{error}\n\nNothing was imported.")
            return
        raise RuntimeError(f"The import failed: {error}\n{details}")
