"""The meetings of the user's calendar files, read off the UI thread at start, whenever a
file changes on disk, when the list of files changes and when the day turns; every minute
it tells Today to look again, so that a meeting that just ended appears there."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from relationship_journal.domain.meetings import Meeting
from relationship_journal.operations import calendars
from relationship_journal.operations.calendars import CalendarRead
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.tasks import run_task

TICK_MS = 60_000
SETTLE_MS = 500  # a program saving a file often writes it in several steps


class CalendarFeed(QObject):
    updated = Signal()  # new meetings read, or time moved on
    problem = Signal(str)  # a calendar that could not be read, and why

    def __init__(self, context: JournalContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.files: list[str] = []
        self.meetings: list[Meeting] = []
        self.problems: dict[str, str] = {}
        self._read_for: date | None = None
        self._reading = False
        self._again = False
        self.watcher = QFileSystemWatcher(self)
        self.watcher.fileChanged.connect(lambda _path: self._settle.start())
        self.watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._read_if_changed)
        self._seen: dict[str, tuple[int, int] | None] = {}
        self.ticker = QTimer(self)
        self.ticker.setInterval(TICK_MS)
        self.ticker.timeout.connect(self.tick)
        context.changed.connect(lambda: self._files_maybe_changed())

    @property
    def is_reading(self) -> bool:
        return self._reading

    def start(self) -> None:
        self._files_maybe_changed(force=True)
        self.ticker.start()

    def tick(self) -> None:
        """Time moved on: a new day needs other days read; otherwise Today looks again."""
        if self._read_for != self._context.ws.clock.today() and self.files:
            self.read()
        else:
            self.updated.emit()

    def _files_maybe_changed(self, force: bool = False) -> None:
        files = calendars.calendar_files(self._context.ws)
        if files == self.files and not force:
            return
        self.files = files
        self._watch()
        self.read()

    def _watch(self) -> None:
        """The files and their folders: a program that saves by replacing the file leaves a
        watch on the old one behind, but its folder still tells."""
        for watched in (self.watcher.files(), self.watcher.directories()):
            if watched:
                self.watcher.removePaths(watched)
        folders = {str(Path(f).parent) for f in self.files}
        wanted = [*self.files, *sorted(folders)]
        if wanted:
            self.watcher.addPaths(wanted)

    def _signatures(self) -> dict[str, tuple[int, int] | None]:
        found: dict[str, tuple[int, int] | None] = {}
        for name in self.files:
            try:
                info = os.stat(name)
                found[name] = (info.st_mtime_ns, info.st_size)
            except OSError:
                found[name] = None
        return found

    def _read_if_changed(self) -> None:
        """A folder also changes for its other files: read only when one of ours did."""
        if self._signatures() != self._seen:
            self.read()

    def read(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        self._seen = self._signatures()
        files, around = list(self.files), self._context.ws.clock.today()
        run_task(
            lambda _progress: calendars.read_calendars(files, *calendars.window(around)),
            lambda read: self._done(read, around),
            lambda error, details: self._failed(error, details),
        )

    def _done(self, read: CalendarRead, around: date) -> None:
        self._reading = False
        kept = [m for m in self.meetings if m.calendar in read.problems]
        # A file that cannot be read now (half written, gone) keeps what it last gave.
        self.meetings = sorted([*read.meetings, *kept], key=lambda m: (m.start, m.title))
        new_problems = {f: p for f, p in read.problems.items() if self.problems.get(f) != p}
        self.problems = read.problems
        self._read_for = around
        self._watch()
        for message in new_problems.values():
            self.problem.emit(message)
        self.updated.emit()
        if self._again:
            self.read()

    def _failed(self, error: BaseException, details: str) -> None:
        self._reading = False
        raise RuntimeError(f"The calendars could not be read: {error}\n{details}")
