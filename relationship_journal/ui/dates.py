"""One way of showing and typing dates, taken from the user's locale (``QLocale``).

Every date the window shows goes through ``day_text``/``moment_text``: the locale's own
order and month names, without leading zeros ("26 Nov 2026", "Nov 26, 2026"). A date the
user must give is a date edit in the locale's numeric order with a calendar pop-up
(``DayField``) and one they may leave empty is a ``DayEdit``: both are typed in the locale's
forms (or ISO, or with a month name) or picked from a calendar, and a birthday may have no
year. Text that is not a day is never read as some other day: the field says what is wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time

from PySide6.QtCore import QDate, QLocale, QTime, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from relationship_journal.domain.dates import DateError, PartialDate
from relationship_journal.domain.text import fold
from relationship_journal.ui.icons import icon
from relationship_journal.ui.theme import WITHDRAWAL


def _medium_format(weekday: bool, year: bool) -> str:
    """The locale's long date pattern made short: abbreviated names, no leading zeros."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    pattern = pattern.replace("MMMM", "MMM")
    pattern = re.sub(r"(?<!d)dd(?!d)", "d", pattern)
    pattern = pattern.replace("dddd", "ddd")
    if not weekday:
        pattern = re.sub(r"ddd[,.]?\s*", "", pattern)
    if not year:
        pattern = re.sub(r"[,.]?\s*y+[.年]?", "", pattern)
    return pattern.strip(" ,")


def day_text(day: date, weekday: bool = False, year: bool = True) -> str:
    """A day as the locale writes it briefly: "26 Nov 2026" ("Thu 26 Nov 2026")."""
    return QLocale().toString(QDate(day.year, day.month, day.day), _medium_format(weekday, year))


def long_day_text(day: date) -> str:
    """A day in full, without the year: "Thursday, 26 November"."""
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    pattern = re.sub(r"(?<!d)dd(?!d)", "d", pattern)
    pattern = re.sub(r"[,.]?\s*y+[.年]?", "", pattern).strip(" ,")
    return QLocale().toString(QDate(day.year, day.month, day.day), pattern)


def time_text(moment: datetime) -> str:
    """A time of day in local time, as the locale writes it ("16:45", "4:45 PM")."""
    local = moment.astimezone() if moment.tzinfo else moment
    return QLocale().toString(QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat)


def moment_text(moment: datetime, weekday: bool = False) -> str:
    """A day and time in local time: "26 Nov 2026, 16:45"."""
    local = moment.astimezone() if moment.tzinfo else moment
    return f"{day_text(local.date(), weekday)}, {time_text(local)}"


def birthday_text(birthday: PartialDate) -> str:
    """A birthday, with its year when known: "17 May 1980", "17 May"."""
    if birthday.year is None:
        return day_text(date(2000, birthday.month, birthday.day), year=False)
    return day_text(date(birthday.year, birthday.month, birthday.day))


def entry_format() -> str:
    """The numeric pattern people type dates in here, with four-digit years: "d/M/yyyy"."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return "d/M/yyyy"  # the C locale's "dd MM yyyy" reads as three loose numbers
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    pattern = re.sub(r"(?<!d)dd(?!d)", "d", pattern)
    pattern = re.sub(r"(?<!M)MM(?!M)", "M", pattern)
    return re.sub(r"y+", "yyyy", pattern)


def day_calendar(name: str = "") -> QCalendarWidget:
    """A month to pick a day from, tall and wide enough for all six week rows whatever the
    font: its own size hint forgets the rows' padding and the theme's border."""
    calendar = QCalendarWidget()
    if name:
        calendar.setObjectName(name)
    calendar.setGridVisible(False)
    metrics = calendar.fontMetrics()
    view = calendar.findChild(QTableView)
    frame = 2 * view.frameWidth() if view is not None else 0
    navigation = calendar.findChild(QWidget, "qt_calendar_navigationbar")
    top = navigation.sizeHint().height() if navigation is not None else metrics.height() * 2
    cell_height = metrics.height() + metrics.height() // 2
    cell_width = metrics.horizontalAdvance("Wed") + metrics.height()
    calendar.setMinimumSize(8 * cell_width + frame, top + 7 * cell_height + frame)
    return calendar


def pick_day(parent: QWidget, title: str, earliest: date, name: str) -> date | None:
    """A day chosen from a month in a small dialog, ``earliest`` or later; None if cancelled."""
    dialog = QDialog(parent)
    dialog.setObjectName(f"{name}Dialog")
    dialog.setWindowTitle(title)
    calendar = day_calendar(f"{name}Calendar")
    calendar.setMinimumDate(QDate(earliest.year, earliest.month, earliest.day))
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    calendar.activated.connect(lambda _day: dialog.accept())
    layout = QVBoxLayout(dialog)
    layout.addWidget(calendar)
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    day = calendar.selectedDate()
    return date(day.year(), day.month(), day.day())


_TYPED_TIME = re.compile(r"^(\d{1,2})(?:\s*[:.h]?\s*(\d{2}))?\s*(?:([ap])\.?\s*m?\.?)?$", re.I)


def parse_typed_time(text: str) -> time:
    """A time of day as people type it: "14:30", "1430", "14.30", "2:30 pm", "9"."""
    match = _TYPED_TIME.match(text.strip())
    if match:
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        half = (match.group(3) or "").lower()
        if half and 1 <= hour <= 12:
            hour = hour % 12 + (12 if half == "p" else 0)
        elif half:
            hour = 24  # "13 pm" is no time
        if hour < 24 and minute < 60:
            return time(hour, minute)
    example = time_text(datetime(2000, 1, 1, 16, 45))
    raise DateError(f"'{text}' is not a time of day (type it as {example})")


def _month_number(token: str) -> int | None:
    """A month typed by name or abbreviation in the locale's language (or English)."""
    wanted = fold(token.rstrip("."))
    locale = QLocale()
    english = QLocale(QLocale.Language.English)
    for month in range(1, 13):
        for source in (locale, english):
            for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
                name = fold(source.monthName(month, kind).rstrip("."))
                if name and (wanted == name or (len(wanted) >= 3 and name.startswith(wanted))):
                    return month
    return None


def parse_typed_day(text: str) -> PartialDate | None:
    """A day as people type it here: the locale's order ("31/12/1980", "12/31/1980"),
    month names ("31 Dec 1980"), ISO ("1980-12-31"), or no year ("31/12", "--12-31").
    Empty is None; anything else raises ``DateError`` saying what to type."""
    value = text.strip()
    if not value:
        return None
    try:
        return PartialDate.parse(value)
    except DateError:
        pass
    tokens = [t for t in re.split(r"[\s/.,\-]+", value) if t]
    month_first = entry_format().replace("yyyy", "").strip("/.- ").startswith("M")
    named = [(i, _month_number(t)) for i, t in enumerate(tokens) if not t.isdigit()]
    numbers = [int(t) for t in tokens if t.isdigit()]
    if len(named) == 1 and named[0][1] is not None and 1 <= len(numbers) <= 2:
        day, month = numbers[0], named[0][1]
        year = numbers[1] if len(numbers) == 2 else None
    elif not named and len(numbers) in (2, 3):
        if len(tokens[0]) == 4:  # year first, as in 1980/12/31
            numbers = [*numbers[1:], numbers[0]]
            month_first = True
        first, second = numbers[0], numbers[1]
        day, month = (second, first) if month_first else (first, second)
        year = numbers[2] if len(numbers) == 3 else None
    else:
        raise DateError(f"'{text}' is not a date (type it as {example_day()})")
    if year is not None and year < 100:
        year += 2000 if year <= QDate.currentDate().year() % 100 else 1900
    return PartialDate(month=month, day=day, year=year)


def example_day() -> str:
    return QLocale().toString(QDate(1980, 12, 31), entry_format())


def typed_form(value: PartialDate | None) -> str:
    """How a day reads in a typed field: the locale's numeric form, without the year when
    it is unknown."""
    if value is None:
        return ""
    pattern = entry_format()
    if value.year is None:
        pattern = re.sub(r"[^dM]*y+[^dM]*", "", pattern)
    return QLocale().toString(QDate(value.year or 2000, value.month, value.day), pattern)


class DayEdit(QWidget):
    """A day the user may leave empty: typed in the locale's form or picked from a calendar.
    With ``yearless`` a day and month alone is a whole answer (a birthday)."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        yearless: bool = False,
        placeholder: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._yearless = yearless
        self.edit = QLineEdit()
        self.edit.setObjectName(f"{name}Edit")
        self.edit.setAccessibleName(name.replace("_", " "))
        example = example_day()
        self.edit.setPlaceholderText(
            placeholder
            or (
                f"{example}, or {typed_form(PartialDate(12, 31))} without the year"
                if yearless
                else example
            )
        )
        self.edit.setToolTip(f"Type it as {example}, or pick it from the calendar")
        self.edit.setClearButtonEnabled(True)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())
        self.calendar = day_calendar(f"{name}Calendar")
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._show_current)
        self.pick = QToolButton()
        self.pick.setObjectName(f"{name}Pick")
        self.pick.setIcon(icon("calendar"))
        self.pick.setToolTip("Pick the day from a calendar")
        self.pick.setMenu(menu)
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setStyleSheet("QToolButton::menu-indicator { image: none; }")
        row = QHBoxLayout()
        row.setSpacing(2)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick)
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(2)
        self.rows.addLayout(row)

    def _show_current(self) -> None:
        try:
            value = parse_typed_day(self.edit.text())
        except DateError:
            value = None
        chosen = (
            QDate(value.year or QDate.currentDate().year(), value.month, value.day)
            if value
            else QDate.currentDate()
        )
        self.calendar.setSelectedDate(chosen)

    def _picked(self, day: QDate) -> None:
        self.set_day(date(day.year(), day.month(), day.day()))
        self.pick.menu().hide()

    def partial(self) -> PartialDate | None:
        """The day typed, raising ``DateError`` for text that is not one."""
        value = parse_typed_day(self.edit.text())
        if value is not None and value.year is None and not self._yearless:
            raise DateError(f"'{self.edit.text()}' needs a year ({example_day()})")
        return value

    def day(self) -> date | None:
        value = self.partial()
        return None if value is None else value.as_date()

    def set_day(self, day: date | None) -> None:
        self.set_partial(None if day is None else PartialDate(day.month, day.day, day.year))

    def set_partial(self, value: PartialDate | None) -> None:
        self.edit.setText(typed_form(value))

    def clear(self) -> None:
        self.edit.clear()

    def text(self) -> str:
        return self.edit.text()


class DayField(DayEdit):
    """A day the user must give, starting on ``day``. Text that is not a day shows why
    under the field as soon as the user leaves it, and ``checked_day`` refuses it."""

    def __init__(
        self, name: str, day: date, at: time | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(name, parent=parent)
        self.edit.setClearButtonEnabled(False)
        self.set_day(day)
        # With ``at``, a time of day typed beside the day ("14:30"), read as leniently.
        self.time = QLineEdit()
        self.time.setObjectName(f"{name}Time")
        self.time.setAccessibleName("Time of day")
        self.time.setVisible(at is not None)
        self.time.setMaxLength(8)
        width = self.time.fontMetrics().horizontalAdvance("00:00 PM") + 24
        self.time.setMinimumWidth(width)
        self.time.setMaximumWidth(width + 16)
        self.set_time(at or time(9, 0))
        self.rows.itemAt(0).layout().insertWidget(1, self.time)
        self.problem = QLabel()
        self.problem.setObjectName(f"{name}Problem")
        self.problem.setStyleSheet(f"color: {WITHDRAWAL};")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        self.rows.addWidget(self.problem)
        for edit in (self.edit, self.time):
            edit.textEdited.connect(lambda _text: self.problem.setVisible(False))
            edit.editingFinished.connect(self.checked_day)
        self.time.textChanged.connect(lambda _text: self.changed.emit())

    def compact(self) -> None:
        """As wide as a typed day needs, leaving a shared row's room to its neighbours."""
        metrics = self.edit.fontMetrics()
        self.edit.setMaximumWidth(metrics.horizontalAdvance(example_day()) + 3 * metrics.height())

    def set_time(self, at: time) -> None:
        self.time.setText(time_text(datetime.combine(date(2000, 1, 1), at)))

    def time_value(self) -> time:
        """The time typed, raising ``DateError`` (with what to type) for anything else."""
        return parse_typed_time(self.time.text())

    def moment(self) -> datetime:
        """The day and time typed, in local time."""
        return datetime.combine(self.value(), self.time_value()).astimezone()

    def value(self) -> date:
        """The day typed, raising ``DateError`` (with what to type) for anything else."""
        day = self.day()
        if day is None:
            raise DateError(f"Type a day, as {example_day()}")
        return day

    def checked_day(self) -> date | None:
        """The day typed, or None with the reason shown under the field."""
        try:
            day = self.value()
            if not self.time.isHidden() and self.time.isEnabled():
                self.time_value()
        except DateError as error:
            message = str(error)
            self.problem.setText(message[:1].upper() + message[1:])
            self.problem.setVisible(True)
            return None
        self.problem.setVisible(False)
        return day

    def refuse(self) -> bool:
        """Whether the typed text is not a day; if so the reason shows and the field
        takes the focus."""
        if self.isEnabled() and self.checked_day() is None:
            self.edit.setFocus()
            return True
        return False
