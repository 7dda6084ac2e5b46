"""The calendar files meetings are read from: added and removed at once, each change one
step that Undo takes back. The files themselves are only ever read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations import calendars
from relationship_journal.operations.errors import JournalError
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.preferences import Preferences

CALENDAR_FILTER = "Calendars (*.ics *.ical *.ifb);;All files (*)"


class CalendarsTab(QWidget):
    def __init__(self, context: JournalContext, preferences: Preferences) -> None:
        super().__init__()
        self._context = context
        self._preferences = preferences
        intro = QLabel(
            "Meetings in these files appear on Today: those that ended, to log in one key, and "
            "tomorrow's, with their briefs. Export an .ics file from Outlook or Google, or add "
            "the file your calendar program keeps (Evolution's calendar.ics, a Thunderbird "
            "calendar saved on this computer). The files are read, never written; the app "
            "reads them again whenever they change. Adding or removing one applies at once "
            "(Edit → Undo takes it back)."
        )
        intro.setWordWrap(True)
        intro.setProperty("role", "muted")
        self.files = QListWidget()
        self.files.setObjectName("calendarFiles")
        self.files.setAccessibleName("Calendar files read")
        add = QPushButton("Add…")
        add.setObjectName("addCalendar")
        add.clicked.connect(lambda _checked=False: self.add())
        self.remove_button = QPushButton("Remove")
        self.remove_button.setObjectName("removeCalendar")
        self.remove_button.clicked.connect(lambda _checked=False: self.remove())
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.remove_button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)
        self._fill()

    def _fill(self) -> None:
        self.files.clear()
        self.files.addItems(calendars.calendar_files(self._context.ws))
        self.remove_button.setEnabled(self.files.count() > 0)

    def add(self, path: Path | None = None) -> bool:
        if path is None:
            name, _ = QFileDialog.getOpenFileName(
                self, "Add a calendar", str(Path.home()), CALENDAR_FILTER
            )
            if not name:
                return False
            path = Path(name)
        if self._preferences.calendar_file and path == Path(self._preferences.calendar_file):
            QMessageBox.warning(
                self,
                "Cannot add the calendar",
                f"{path} is the file this app writes your moments to; it cannot also be read.",
            )
            return False
        try:
            added = self._context.do(calendars.add_calendar, path)
        except JournalError as error:
            QMessageBox.warning(self, "Cannot add the calendar", str(error))
            return False
        self._context.tell(f"Reading meetings from {Path(added).name}")
        self._fill()
        return True

    def remove(self) -> None:
        item = self.files.currentItem() or self.files.item(0)
        if item is None:
            return
        self._context.do(calendars.remove_calendar, item.text())
        self._context.tell(f"No longer reading {Path(item.text()).name}")
        self._fill()
