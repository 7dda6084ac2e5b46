"""Work the app does on its own while it runs: a check of every page of the journal, the
daily backup, the live calendar file written, the user's calendars read, and noticing
changes other processes made (the command line beside the window)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from relationship_journal.operations import transfer
from relationship_journal.operations.errors import DamagedJournalError
from relationship_journal.ui.calendar_feed import CalendarFeed
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.tasks import run_task

CALENDAR_DELAY_MS = 1500
WATCH_INTERVAL_MS = 2000


class BackgroundJobs(QObject):
    failed = Signal(str, str)  # what failed ("The daily backup"), the message
    damaged = Signal(str)  # the page check found damage; the message names a backup

    def __init__(self, context: JournalContext, parent: QObject) -> None:
        super().__init__(parent)
        self._context = context
        self.preferences = Preferences()
        self._calendar_timer = QTimer(self)
        self._calendar_timer.setSingleShot(True)
        self._calendar_timer.setInterval(CALENDAR_DELAY_MS)
        self._calendar_timer.timeout.connect(self.write_calendar)
        context.changed.connect(self._calendar_timer.start)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_INTERVAL_MS)
        self._watch.timeout.connect(self.notice_other_writers)
        self.calendar = CalendarFeed(context, self)
        self.calendar.problem.connect(lambda text: self.failed.emit("Reading a calendar", text))

    def start(self) -> None:
        self.check_pages()
        self.daily_backup()
        self.write_calendar()
        self.calendar.start()
        self._watch.start()

    def notice_other_writers(self) -> None:
        """Refresh every view when another process wrote to the journal."""
        if self._context.journal.changed_elsewhere():
            self._context.changed.emit()

    def check_pages(self) -> None:
        journal = self._context.journal

        def failed(error: BaseException, details: str) -> None:
            if isinstance(error, DamagedJournalError):
                self.damaged.emit(str(error))
            else:
                self._failed("Checking the journal", error)

        run_task(lambda _progress: journal.check_pages(), lambda _none: None, failed)

    def _failed(self, what: str, error: BaseException) -> None:
        self.failed.emit(what, str(error))

    def daily_backup(self) -> None:
        if self._context.is_demo or not self.preferences.daily_backup:
            return
        ws, keep = self._context.ws, self.preferences.backups_keep
        run_task(
            lambda _progress: transfer.daily_backup(ws, keep),
            lambda _made: None,
            lambda error, _details: self._failed("The daily backup", error),
        )

    def write_calendar(self) -> None:
        target = self.preferences.calendar_file
        if not target or self._context.is_demo:
            return  # the demo's made-up moments never reach the user's calendar
        ws, days = self._context.ws, self.preferences.calendar_days
        run_task(
            lambda _progress: transfer.export_moments(ws, Path(target), days),
            lambda _count: None,
            lambda error, _details: self._failed("Writing the calendar file", error),
        )
