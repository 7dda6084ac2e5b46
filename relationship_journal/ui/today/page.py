"""Today: what matters now and this week, each moment with why it matters and what to do."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.moments import (
    Bucket,
    Moment,
    MomentKind,
    agenda_order,
    bucket,
)
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import agenda, photos
from relationship_journal.operations.agenda import Drifting
from relationship_journal.ui.avatar import face
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.icons import icon
from relationship_journal.ui.tasks import run_task
from relationship_journal.ui.theme import accent, value_colour
from relationship_journal.ui.widgets import card, clear_layout, empty_state, esc, label

# Each section shows a few moments and a button for the rest, so that today's are never
# pushed out of sight by a long overdue list.
SHOWN_FIRST = 6
SHOWN_PER_BUCKET = 200
SECTION_ORDER = (Bucket.TODAY, Bucket.OVERDUE, Bucket.THIS_WEEK, Bucket.NEXT_30_DAYS)
KIND_ICONS = {
    MomentKind.BIRTHDAY: "birthday",
    MomentKind.ANNIVERSARY: "birthday",
    MomentKind.PROMISE_MINE: "promises",
    MomentKind.PROMISE_THEIRS: "promises",
    MomentKind.CADENCE: "contacts",
    MomentKind.FOLLOW_UP: "log",
    MomentKind.STAGE_NUDGE: "portfolio",
    MomentKind.REMINDER: "today",
}


def _face_label(moment: Moment, photo: bytes | None) -> QLabel:
    picture = QLabel()
    picture.setObjectName("momentFace")
    picture.setPixmap(face(moment.contact_name, photo, 32))
    return picture


class MomentRow(QWidget):
    """One moment: what, who, why, and its actions."""

    def __init__(self, page: TodayPage, moment: Moment, today: date) -> None:
        super().__init__()
        self.moment = moment
        self.setObjectName("momentRow")
        self.setAccessibleName(moment.title)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(10)
        kind_icon = QToolButton()
        kind_icon.setIcon(icon(KIND_ICONS[moment.kind], accent().name()))
        kind_icon.setAutoRaise(True)
        kind_icon.setEnabled(False)
        kind_icon.setToolTip(moment.kind.label)
        if moment.contact_id is not None:
            self.face = _face_label(moment, page.faces.get(moment.contact_id))
            layout.addWidget(self.face, 0, Qt.AlignmentFlag.AlignTop)
        text = QVBoxLayout()
        text.setSpacing(1)
        when = _when(moment, today)
        title = label(f"<b>{esc(moment.title)}</b>", wrap=True)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setObjectName("momentTitle")
        when_colour = value_colour(-1).name() if moment.day < today else accent().name()
        detail = label(
            f"<span style='color: {when_colour}; font-weight: 600;'>{moment.kind.label} · "
            f"{when}</span> — {esc(moment.why)}",
            "muted",
            wrap=True,
        )
        detail.setTextFormat(Qt.TextFormat.RichText)
        text.addWidget(title)
        text.addWidget(detail)
        if moment.day > today and moment.notice_day <= today:
            ahead = label("You asked to be told ahead of this.", "muted")
            ahead.setObjectName("headsUp")
            text.addWidget(ahead)
        self.done_button = done = QPushButton(icon("done"), "Done")
        done.setObjectName("doneButton")
        done.setToolTip("Mark done; it will not come back")
        done.clicked.connect(lambda: page.mark_done(moment))
        later = QPushButton(icon("snooze"), "Snooze")
        later.setObjectName("snoozeButton")
        menu = QMenu(later)
        menu.addAction("Until tomorrow", lambda: page.snooze(moment, today + timedelta(days=1)))
        menu.addAction("For a week", lambda: page.snooze(moment, today + timedelta(days=7)))
        menu.addAction("Until a date…", lambda: page.snooze_to_date(moment))
        later.setMenu(menu)
        layout.addWidget(kind_icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        if moment.contact_id is not None:
            contact_id = moment.contact_id
            open_button = QPushButton("Open")
            open_button.setObjectName("openContactButton")
            open_button.setToolTip(f"Open {moment.contact_name}")
            open_button.clicked.connect(
                lambda: page.context.open_contact_requested.emit(contact_id)
            )
            self.log_button = log_button = QPushButton(icon("log"), "Log")
            log_button.setObjectName("logMomentButton")
            log_button.setToolTip(f"Log an interaction with {moment.contact_name}")
            log_button.clicked.connect(lambda: page.log_for(moment))
            layout.addWidget(open_button, 0, Qt.AlignmentFlag.AlignVCenter)
            layout.addWidget(log_button, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(later, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(done, 0, Qt.AlignmentFlag.AlignVCenter)


def _when(moment: Moment, today: date) -> str:
    delta = (moment.day - today).days
    at = f" at {moment.at:%H:%M}" if moment.at else ""
    if delta == 0:
        return "today" + at
    if delta == 1:
        return "tomorrow" + at
    if delta == -1:
        return "yesterday"
    if delta < 0:
        return f"{-delta} days ago"
    return f"{moment.day:%a %d %b}{at}"


class TodayPage(QWidget):
    review_drifting = Signal()

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.context = context
        self.moments: list[Moment] = []
        self._rows: list[MomentRow] = []
        self.faces: dict[int, bytes] = {}  # of the contacts on the rows being shown
        self._expanded: set[Bucket] = set()
        self.heading = label("Today", "title")
        self.subtitle = label("", "subtitle")
        self.subtitle.setObjectName("todaySummary")
        self.news = label("", wrap=True)
        self.news.setObjectName("todayNews")
        self.news.setVisible(False)
        self.add_reminder = QPushButton(icon("add"), "New reminder")
        self.add_reminder.setObjectName("newReminderButton")
        self.add_reminder.setToolTip("A reminder of your own, once or repeating (Ctrl+R)")
        inner = QWidget()
        self.sections = QVBoxLayout(inner)
        self.sections.setContentsMargins(0, 0, 8, 0)
        self.sections.setSpacing(14)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addStretch()
        top.addWidget(self.add_reminder)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.news)
        layout.addWidget(scroll, 1)
        context.changed.connect(self.reload)
        self.is_loaded = False
        self._drifting = Drifting(0, ())
        self._requested = 0  # loads asked for; only one that started after the last ask shows
        self._shown = 0
        self._in_flight = False

    @property
    def is_loading(self) -> bool:
        return self._shown != self._requested

    def reload(self) -> None:
        """Gather the agenda off the UI thread (it reads thousands of rows on a large
        journal). Asks that come while a load runs are folded into one more load after it."""
        self._requested += 1
        if not self._in_flight:
            self._start_load()

    def _start_load(self) -> None:
        self._in_flight = True
        request = self._requested
        ws = self.context.ws

        run_task(
            lambda _progress: agenda.today(ws),
            lambda found: self._loaded(request, found.moments, found.drifting),
            lambda error, details: self._load_failed(request, error, details),
        )

    def _loaded(self, request: int, moments: list[Moment], drifting: Drifting) -> None:
        self._in_flight = False
        if request != self._requested:
            self._start_load()  # something changed meanwhile: this result is already old
            return
        self._shown = request
        self._show(moments, drifting)

    def _load_failed(self, request: int, error: BaseException, details: str) -> None:
        self._in_flight = False
        if request != self._requested:
            self._start_load()  # e.g. the journal was swapped under this load
            return
        self._shown = request
        raise RuntimeError(f"The agenda could not be gathered: {error}\n{details}")

    def _show(self, moments: list[Moment], drifting: Drifting) -> None:
        today = self.context.ws.clock.today()
        self.moments = moments
        self._drifting = drifting
        self.is_loaded = True
        self.heading.setText(f"Today — {today:%A %d %B}")
        grouped: dict[Bucket, list[Moment]] = {}
        for moment in self.moments:
            grouped.setdefault(bucket(moment.day, today), []).append(moment)
        counts = [f"{len(grouped[b])} {b.value.lower()}" for b in Bucket if grouped.get(b)]
        self.subtitle.setText(", ".join(counts) if counts else "")
        clear_layout(self.sections)
        self._rows = []
        if drifting.count:
            self.sections.addWidget(self._drifting_note(drifting))
        if not self.moments:
            self.sections.addWidget(
                empty_state(
                    "Nothing else is due."
                    if drifting.count
                    else "Nothing due. Add birthdays, promises and a stay-in-touch cadence to "
                    "your contacts, and their moments will appear here."
                )
            )
            self.sections.addStretch()
            return
        for section in SECTION_ORDER:
            items = grouped.get(section, [])
            if not items:
                continue
            frame, frame_layout = card()
            frame.setObjectName(f"bucket_{section.name.lower()}")
            frame_layout.addWidget(label(f"{section.value}  ({len(items)})", "section"))
            limit = SHOWN_PER_BUCKET if section in self._expanded else SHOWN_FIRST
            people = [m.contact_id for m in items[:limit] if m.contact_id is not None]
            self.faces = photos.photos(self.context.ws, people)
            for moment in items[:limit]:
                row = MomentRow(self, moment, today)
                self._rows.append(row)
                frame_layout.addWidget(row)
            if len(items) > limit:
                more = QPushButton(f"Show all {len(items)}")
                more.setObjectName(f"more_{section.name.lower()}")
                more.setFlat(True)
                more.clicked.connect(lambda _=False, b=section: self._expand(b))
                frame_layout.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
            self.sections.addWidget(frame)
        self.sections.addStretch()

    def _drifting_note(self, drifting: Drifting) -> QWidget:
        frame, layout = card()
        frame.setObjectName("driftingNote")
        row = QHBoxLayout()
        count, names = drifting.count, list(drifting.first_names)
        if count > len(names):
            names.append(f"{count_of(count - len(names), 'other')}")
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        text = label(
            f"{count_of(count, 'contact')} {'is' if count == 1 else 'are'} drifting away "
            f"({esc(who)}): no interaction for longer than their stay-in-touch cadence.",
            wrap=True,
        )
        text.setObjectName("driftingText")
        row.addWidget(text, 1)
        review = QPushButton("Review them")
        review.setObjectName("reviewDrifting")
        review.clicked.connect(self.review_drifting)
        row.addWidget(review)
        layout.addLayout(row)
        return frame

    def _expand(self, section: Bucket) -> None:
        self._expanded.add(section)
        self._show(self.moments, self._drifting)

    def show_news(self, moments: list[Moment], first_look: bool = False) -> None:
        """What came due since the user last looked (or, the first time, what is due now),
        at the top of the page."""
        names = ", ".join(m.title for m in moments[:3]) + (" …" if len(moments) > 3 else "")
        heading = "Due now" if first_look else "Came due since you last looked"
        self.news.setText(f"<b>{heading} ({len(moments)}):</b> {esc(names)}")
        self.news.setTextFormat(Qt.TextFormat.RichText)
        self.news.setVisible(True)

    def clear_news(self) -> None:
        self.news.clear()
        self.news.setVisible(False)

    def rows(self) -> list[MomentRow]:
        """The moment rows on show, in order."""
        return list(self._rows)

    def mark_done(self, moment: Moment) -> None:
        self.context.do(agenda.mark_done, moment)
        self.context.tell(f"Done: {moment.title}")
        # Shown at once; the reload the change started confirms it from the journal.
        self._show([m for m in self.moments if m.key != moment.key], self._drifting)

    def snooze(self, moment: Moment, until: date) -> None:
        self.context.do(agenda.snooze, moment, until)
        self.context.tell(f"Snoozed until {until:%a %d %b}: {moment.title}")
        moved = []
        for shown in self.moments:
            if shown.key == moment.key:
                shown = replace(shown, day=max(until, self.context.ws.clock.today()))
            moved.append(shown)
        moved.sort(key=agenda_order)
        self._show(moved, self._drifting)

    def snooze_to_date(self, moment: Moment) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle("Snooze until")
        calendar = QCalendarWidget()
        calendar.setMinimumDate(self.context.ws.clock.today() + timedelta(days=1))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(calendar)
        layout.addWidget(buttons)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.snooze(moment, calendar.selectedDate().toPython())  # type: ignore[arg-type]

    def log_for(self, moment: Moment) -> None:
        if moment.contact_id is None:
            return
        summary = {
            MomentKind.BIRTHDAY: "Birthday wishes",
            MomentKind.ANNIVERSARY: "Marked our anniversary",
            MomentKind.CADENCE: "Caught up",
        }.get(moment.kind, "")
        category = (
            "Remembered something personal"
            if moment.kind in (MomentKind.BIRTHDAY, MomentKind.ANNIVERSARY)
            else ""
        )
        self.context.request_log(
            LogRequest(
                (moment.contact_id,), "deposit" if category else "", summary, category, moment.key
            )
        )
