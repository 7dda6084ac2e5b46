"""A reminder of the user's own: once or repeating, all day or at a time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.dates import DateError
from relationship_journal.operations.agenda import rule_problem
from relationship_journal.ui.contact_picker import CandidateSource, ContactPicker
from relationship_journal.ui.dates import DayField
from relationship_journal.ui.dialogs import GuardedDialog, save_cancel
from relationship_journal.ui.theme import WITHDRAWAL

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ORDINALS = {1: "first", 2: "second", 3: "third", 4: "fourth", -1: "last"}


def repeat_choices(day: date) -> list[tuple[str, str]]:
    """(label, RRULE) pairs for a reminder starting on ``day``."""
    weekday = WEEKDAYS[day.weekday()]
    name = day.strftime("%A")
    nth = (day.day - 1) // 7 + 1
    return [
        ("Does not repeat", ""),
        ("Every day", "FREQ=DAILY"),
        (f"Every week on {name}", f"FREQ=WEEKLY;BYDAY={weekday}"),
        (f"Every second {name}", f"FREQ=WEEKLY;INTERVAL=2;BYDAY={weekday}"),
        (f"Monthly on day {day.day}", f"FREQ=MONTHLY;BYMONTHDAY={day.day}"),
        (
            f"Monthly on the {ORDINALS.get(nth, 'last')} {name}",
            f"FREQ=MONTHLY;BYDAY={nth if nth <= 4 else -1}{weekday}",
        ),
        (
            "Last working day of each quarter",
            "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
        ),
        ("Every year", "FREQ=YEARLY"),
        ("Custom rule (RFC 5545)…", "custom"),
    ]


@dataclass
class ReminderDraft:
    title: str
    contact_id: int | None
    starts_at: datetime
    all_day: bool
    rule: str


class ReminderDialog(GuardedDialog):
    unsaved_what = "this reminder"

    def __init__(
        self, parent: QWidget | None, contacts: CandidateSource, contact_id: int | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.setWindowTitle("New reminder")
        self.setMinimumWidth(480)
        self.title = QLineEdit()
        self.title.setObjectName("reminderTitle")
        self.title.setPlaceholderText("What to remember")
        # About one person, or nobody in particular.
        self.contact = ContactPicker(contacts, [contact_id] if contact_id else [], single=True)
        self.contact.setObjectName("reminderContact")
        self.day = DayField("reminderDate", date.today(), at=time(9, 0))
        self.all_day = QCheckBox("All day")
        self.all_day.setObjectName("reminderAllDay")
        self.all_day.setChecked(True)
        self.at = self.day.time
        self.at.setEnabled(False)
        self.all_day.toggled.connect(lambda on: self.at.setEnabled(not on))
        self.repeat = QComboBox()
        self.repeat.setObjectName("reminderRepeat")
        self.custom = QLineEdit()
        self.custom.setObjectName("reminderRule")
        self.custom.setPlaceholderText("For example FREQ=MONTHLY;BYDAY=-1FR")
        self.custom.setVisible(False)
        self.error = QLabel()
        self.error.setStyleSheet(f"color: {WITHDRAWAL};")
        self.error.setWordWrap(True)
        self.day.changed.connect(self._fill_repeats)
        self.repeat.currentIndexChanged.connect(
            lambda: self.custom.setVisible(self.repeat.currentData() == "custom")
        )
        self._fill_repeats()
        when = QVBoxLayout()
        when.addWidget(self.day)
        when.addWidget(self.all_day)
        form = QFormLayout()
        form.addRow("Remind me", self.title)
        form.addRow("About", self.contact)
        form.addRow("On", when)
        form.addRow("Repeat", self.repeat)
        form.addRow("", self.custom)
        buttons = save_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def _fill_repeats(self, *_args: object) -> None:
        try:
            day = self.day.value()
        except DateError:
            return  # the repeats stay those of the last whole day typed
        current = self.repeat.currentIndex()
        self.repeat.clear()
        for label, rule in repeat_choices(day):
            self.repeat.addItem(label, rule)
        self.repeat.setCurrentIndex(max(current, 0))

    def draft(self) -> ReminderDraft:
        """The reminder as typed; raises ``DateError`` when the day is not one."""
        day = self.day.value()
        at = time(0, 0) if self.all_day.isChecked() else self.day.time_value()
        starts = datetime.combine(day, at).astimezone()
        rule = (
            self.custom.text()
            if self.repeat.currentData() == "custom"
            else self.repeat.currentData()
        )
        return ReminderDraft(
            self.title.text(),
            next(iter(self.contact.selected_ids()), None),
            starts,
            self.all_day.isChecked(),
            str(rule or ""),
        )

    def has_unsaved_input(self) -> bool:
        return bool(self.title.text().strip() or self.custom.text().strip())

    def accept(self) -> None:
        if self.day.refuse():
            return
        draft = self.draft()
        if not draft.title.strip():
            self.error.setText("Say what to remember.")
            self.title.setFocus()
            return
        problem = rule_problem(draft.rule, draft.starts_at)
        if problem:
            self.error.setText(problem)
            self.custom.setFocus()
            return
        super().accept()
