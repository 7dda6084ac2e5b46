"""Work the app does on its own while it runs: the daily backup and the live calendar file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from relationship_journal.paths import JournalPaths
from relationship_journal.store.backups import daily_backup_if_due
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.tasks import run_task

CALENDAR_DELAY_MS = 1500


class BackgroundJobs(QObject):
    failed = Signal(str, str)  # what failed ("The daily backup"), the message

    def __init__(self, context: JournalContext, paths: JournalPaths, parent: QObject) -> None:
        super().__init__(parent)
        self._context = context
        self.paths = paths
        self.preferences = Preferences()
        self._calendar_timer = QTimer(self)
        self._calendar_timer.setSingleShot(True)
        self._calendar_timer.setInterval(CALENDAR_DELAY_MS)
        self._calendar_timer.timeout.connect(self.write_calendar)
        context.changed.connect(self._calendar_timer.start)

    def start(self) -> None:
        self.daily_backup()
        self.write_calendar()

    def _failed(self, what: str, error: BaseException) -> None:
        self.failed.emit(what, str(error))

    def daily_backup(self) -> None:
        if self._context.is_demo or not self.preferences.daily_backup:
            return
        journal, backups, keep = (
            self._context.journal,
            self.paths.backups,
            self.preferences.backups_keep,
        )
        run_task(
            lambda _progress: daily_backup_if_due(journal.path, backups, keep, key=journal.key),
            lambda _made: None,
            lambda error, _details: self._failed("The daily backup", error),
        )

    def write_calendar(self) -> None:
        target = self.preferences.calendar_file
        if not target or self._context.is_demo:
            return  # the demo's made-up moments never reach the user's calendar
        from relationship_journal.commands.agenda import export_ics

        journal, days = self._context.journal, self.preferences.calendar_days
        run_task(
            lambda _progress: export_ics(journal, Path(target), days),
            lambda _count: None,
            lambda error, _details: self._failed("Writing the calendar file", error),
        )
