"""Today: what matters now and this week, each moment with why it matters and what to do."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.moments import Bucket, Moment, MomentKind, agenda_order, bucket
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import agenda, photos
from relationship_journal.operations.agenda import (
    Drifting,
    Section,
    Today,
)
from relationship_journal.ui.calendar_feed import CalendarFeed
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.dates import day_text, long_day_text, pick_day
from relationship_journal.ui.icons import icon
from relationship_journal.ui.tasks import run_task
from relationship_journal.ui.today.meetings import MeetingsPanel
from relationship_journal.ui.today.moment_row import MomentRow
from relationship_journal.ui.widgets import card, clear_layout, empty_state, esc, label, scrolled

# Each section shows a few moments and a button for the rest, so that today's are never
# pushed out of sight by a long overdue list; the button reads the next page of them.
PAGE = 200


class TodayPage(QWidget):
    review_drifting = Signal()

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayPage")
        self.context = context
        self.sections: list[Section] = []
        self._rows: list[MomentRow] = []
        self._limits: dict[Bucket, int] = {}  # more than the first rows, once asked for
        self.faces: dict[int, bytes] = {}  # of the contacts on the rows being shown
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
        self.sections_layout = QVBoxLayout(inner)
        self.sections_layout.setContentsMargins(0, 0, 8, 0)
        self.sections_layout.setSpacing(14)
        scroll = scrolled(inner)
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
        self.meetings = MeetingsPanel(context)
        layout.addWidget(scroll, 1)
        context.changed.connect(self.reload)
        self.is_loaded = False
        self._drifting = Drifting(0, ())
        self._requested = 0  # loads asked for; only one that started after the last ask shows
        self._shown = 0
        self._in_flight = False

    @property
    def moments(self) -> list[Moment]:
        """The moments on show, section after section."""
        return [moment for section in self.sections for moment in section.first]

    @property
    def is_loading(self) -> bool:
        return self._shown != self._requested

    def reload(self) -> None:
        """Read the sections off the UI thread (a few indexed reads, but another writer may
        hold the journal). Asks that come while a load runs are folded into one more load
        after it."""
        self._requested += 1
        if not self._in_flight:
            self._start_load()

    def _start_load(self) -> None:
        self._in_flight = True
        request = self._requested
        ws, limits = self.context.ws, dict(self._limits)

        run_task(
            lambda _progress: agenda.today(ws, limits),
            lambda found: self._loaded(request, found),
            lambda error, details: self._load_failed(request, error, details),
        )

    def _loaded(self, request: int, found: Today) -> None:
        self._in_flight = False
        if request != self._requested:
            self._start_load()  # something changed meanwhile: this result is already old
            return
        self._shown = request
        self._show(found.sections, found.drifting)

    def _load_failed(self, request: int, error: BaseException, details: str) -> None:
        self._in_flight = False
        if request != self._requested:
            self._start_load()  # e.g. the journal was swapped under this load
            return
        self._shown = request
        raise RuntimeError(f"The agenda could not be gathered: {error}\n{details}")

    def _show(self, sections: list[Section], drifting: Drifting) -> None:
        today = self.context.ws.clock.today()
        self.sections = sections
        self._drifting = drifting
        self.is_loaded = True
        self.heading.setText(f"Today — {long_day_text(today)}")
        counts = {section.bucket: section.count for section in sections}
        said = [f"{counts[b]} {b.value.lower()}" for b in Bucket if counts.get(b)]
        self.subtitle.setText(", ".join(said))
        clear_layout(self.sections_layout)
        self._rows = []
        coached: set[str] = set()
        if drifting.count:
            self.sections_layout.addWidget(self._drifting_note(drifting))
        if not any(counts.values()):
            self.sections_layout.addWidget(
                empty_state(
                    "Nothing else is due."
                    if drifting.count
                    else "Nothing due. Add birthdays, promises and a stay-in-touch cadence to "
                    "your contacts, and their moments will appear here."
                )
            )
            self.sections_layout.addStretch()
            return
        for section in sections:
            if section.count:
                self.sections_layout.addWidget(self._section_card(section, today, coached))
        self.sections_layout.addStretch()

    def _section_card(self, section: Section, today: date, coached: set[str]) -> QWidget:
        frame, frame_layout = card()
        frame.setObjectName(f"bucket_{section.bucket.name.lower()}")
        frame_layout.addWidget(label(f"{section.bucket.value}  ({section.count})", "section"))
        people = [m.contact_id for m in section.first if m.contact_id is not None]
        self.faces.update(photos.photos(self.context.ws, people))
        for moment in section.first:
            # The coaching sentence shows once, on the first row it applies to.
            row = MomentRow(self, moment, today, moment.why not in coached)
            coached.add(moment.why)
            self._rows.append(row)
            frame_layout.addWidget(row)
        rest = section.count - len(section.first)
        if rest > 0:
            more = QPushButton(
                f"Show all {section.count}" if rest <= PAGE else f"Show {PAGE} more of {rest}"
            )
            more.setObjectName(f"more_{section.bucket.name.lower()}")
            more.setFlat(True)
            more.clicked.connect(lambda _=False, s=section: self._show_more(s))
            frame_layout.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
        return frame

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
        text.setMinimumWidth(140)
        row.addWidget(text, 1)
        review = QPushButton("Review them")
        review.setObjectName("reviewDrifting")
        review.clicked.connect(self.review_drifting)
        row.addWidget(review)
        layout.addLayout(row)
        return frame

    def _show_more(self, section: Section) -> None:
        """The next page of a section, read like the first."""
        self._limits[section.bucket] = len(section.first) + PAGE
        self.reload()

    def follow_calendar(
        self, feed: CalendarFeed, show_brief: Callable[[list[int]], object]
    ) -> None:
        """Meetings from the calendar, under the news: a read of their own, beside the
        moments'; their people's briefs open with ``show_brief``."""
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.news) + 1, self.meetings)
        self.meetings.brief_requested.connect(show_brief)
        self.meetings.follow(feed)

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
        self._show(self._moved(moment, None), self._drifting)

    def snooze(self, moment: Moment, until: date) -> None:
        self.context.do(agenda.snooze, moment, until)
        self.context.tell(
            f"Snoozed until {day_text(until, weekday=True, year=False)}: {moment.title}"
        )
        self._show(self._moved(moment, max(until, self.context.ws.clock.today())), self._drifting)

    def _moved(self, moment: Moment, day: date | None) -> list[Section]:
        """The sections on show with ``moment`` taken out and, with a ``day``, put back on
        that day (if it is within the sections' reach)."""
        today = self.context.ws.clock.today()
        target = bucket(day, today) if day is not None else None
        found = []
        for section in self.sections:
            first = [m for m in section.first if m.key != moment.key]
            count = section.count - (len(section.first) - len(first))
            if section.bucket is target and day is not None:
                first = sorted([*first, replace(moment, day=day)], key=agenda_order)
                count += 1
            found.append(Section(section.bucket, count, first))
        return found

    def snooze_to_date(self, moment: Moment) -> None:
        earliest = self.context.ws.clock.today() + timedelta(days=1)
        day = pick_day(self, "Snooze until", earliest, "snooze")
        if day is not None:
            self.snooze(moment, day)

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
