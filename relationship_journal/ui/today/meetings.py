"""Today's meetings from the calendar: those that ended and wait to be logged (Enter on a
row, or the window's "Log the meeting that ended", opens the log dialog filled in), and
tomorrow's, with their people's briefs in one PDF."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.meetings import Meeting, when_text
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import meetings
from relationship_journal.operations.errors import JournalError
from relationship_journal.operations.meetings import MeetingWith
from relationship_journal.ui.calendar_feed import CalendarFeed
from relationship_journal.ui.context import JournalContext, LogRequest
from relationship_journal.ui.icons import icon
from relationship_journal.ui.tasks import run_task
from relationship_journal.ui.theme import accent
from relationship_journal.ui.widgets import card, clear_layout, esc, label

SHOWN_FIRST = 4


class MeetingRow(QFrame):
    """One meeting: title, when, who. Enter logs it, Delete dismisses it."""

    def __init__(self, panel: MeetingsPanel, found: MeetingWith) -> None:
        super().__init__()
        self.found = found
        meeting = found.meeting
        self.setObjectName("meetingRow")
        self.setAccessibleName(meeting.title)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The row with the keyboard is the one Enter logs: it shows.
        self.setStyleSheet(
            f"QFrame#meetingRow {{ border: 1px solid transparent; border-radius: 4px; }}"
            f"QFrame#meetingRow:focus {{ border-color: {accent().name()}; }}"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(10)
        text = QVBoxLayout()
        text.setSpacing(1)
        title = label(f"<b>{esc(meeting.title)}</b>", wrap=True)
        title.setTextFormat(Qt.TextFormat.RichText)
        title.setObjectName("meetingTitle")
        who = ", ".join(name for _id, name in found.contacts)
        detail = label(f"{esc(when_text(meeting))} — with {esc(who)}", "muted", wrap=True)
        detail.setObjectName("meetingPeople")
        detail.setTextFormat(Qt.TextFormat.RichText)
        text.addWidget(title)
        text.addWidget(detail)
        layout.addLayout(text, 1)
        self.buttons: dict[str, QPushButton] = {}
        self._panel = panel
        self._add_buttons(layout, found)

    def _add_buttons(self, layout: QHBoxLayout, found: MeetingWith) -> None:
        panel = self._panel
        if found.unknown:
            several = len(found.unknown) > 1
            self._button(
                layout,
                "addAttendeesButton",
                f"Add {len(found.unknown)} attendees"
                if several
                else f"Add {found.unknown[0].shown}",
                "add",
                "Add as contacts, with their organisation where you know it: "
                + ", ".join(p.shown for p in found.unknown),
                lambda: panel.add_people(found),
            )
        if found.to_log:
            self._button(
                layout,
                "dismissMeetingButton",
                "Not worth logging",
                "remove",
                "It will not be offered again",
                lambda: panel.dismiss(found.meeting),
            )
            self._button(
                layout, "logMeetingButton", "Log", "log", "Log it (Enter)", lambda: panel.log(found)
            )
        else:
            self._button(
                layout,
                "briefMeetingButton",
                "Brief",
                "brief",
                "Read their brief",
                lambda: panel.brief_requested.emit(list(found.contact_ids)),
            )

    def _button(
        self, layout: QHBoxLayout, name: str, text: str, icon_name: str, tip: str, slot: object
    ) -> None:
        button = QPushButton(icon(icon_name), text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.clicked.connect(lambda _checked=False: slot())  # type: ignore[operator]
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons[name] = button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.found.to_log and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._panel.log(self.found)
        elif self.found.to_log and key == Qt.Key.Key_Delete:
            self._panel.dismiss(self.found.meeting)
        else:
            super().keyPressEvent(event)


class MeetingsPanel(QWidget):
    """Two cards on Today, shown only when there is something in them."""

    brief_requested = Signal(list)  # contact ids

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("meetingsPanel")
        self.context = context
        self.feed: CalendarFeed | None = None
        self.waiting: list[MeetingWith] = []
        self.tomorrow: list[MeetingWith] = []
        self._rows: list[MeetingRow] = []
        self._expanded = False
        self._requested = self._shown = 0
        self._in_flight = False
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(10)
        self.setVisible(False)
        context.changed.connect(self.reload)

    def follow(self, feed: CalendarFeed) -> None:
        self.feed = feed
        feed.updated.connect(self.reload)
        self.reload()

    @property
    def is_loading(self) -> bool:
        return self._shown != self._requested

    def rows(self) -> list[MeetingRow]:
        return list(self._rows)

    def reload(self) -> None:
        """Match the meetings to contacts off the UI thread; asks that come meanwhile fold
        into one more load."""
        self._requested += 1
        if not self._in_flight:
            self._start_load()

    def _start_load(self) -> None:
        self._in_flight = True
        request, ws = self._requested, self.context.ws
        found: list[Meeting] = list(self.feed.meetings) if self.feed else []
        run_task(
            lambda _progress: meetings.for_today(ws, found),
            lambda result: self._loaded(request, *result),
            lambda error, details: self._failed(request, error, details),
        )

    def _loaded(self, request: int, waiting: list[MeetingWith], ahead: list[MeetingWith]) -> None:
        self._in_flight = False
        if request != self._requested:
            self._start_load()
            return
        self._shown = request
        self.waiting, self.tomorrow = waiting, ahead
        self._show()

    def _failed(self, request: int, error: BaseException, details: str) -> None:
        self._in_flight = False
        self._shown = request
        raise RuntimeError(f"The meetings could not be matched: {error}\n{details}")

    def _show(self) -> None:
        clear_layout(self.box)
        self._rows = []
        if self.waiting:
            self.box.addWidget(self._card("meetingsToLog", "Meetings to log", self.waiting))
        if self.tomorrow:
            frame = self._card("meetingsTomorrow", "Tomorrow's meetings", self.tomorrow)
            pack = QPushButton(icon("brief"), "Brief pack…")
            pack.setObjectName("briefPackButton")
            pack.setToolTip("One PDF with a page for each person you meet tomorrow")
            pack.clicked.connect(lambda _checked=False: self.write_brief_pack())
            frame.layout().addWidget(pack, 0, Qt.AlignmentFlag.AlignRight)  # type: ignore[union-attr]
            self.box.addWidget(frame)
        self.setVisible(bool(self.waiting or self.tomorrow))

    def _card(self, name: str, heading: str, found: list[MeetingWith]) -> QFrame:
        frame, layout = card()
        frame.setObjectName(name)
        layout.addWidget(label(f"{heading}  ({len(found)})", "section"))
        limit = len(found) if self._expanded else SHOWN_FIRST
        for item in found[:limit]:
            row = MeetingRow(self, item)
            self._rows.append(row)
            layout.addWidget(row)
        if len(found) > limit:
            more = QPushButton(f"Show all {len(found)}")
            more.setFlat(True)
            more.clicked.connect(lambda _checked=False: self._expand())
            layout.addWidget(more, 0, Qt.AlignmentFlag.AlignLeft)
        return frame

    def _expand(self) -> None:
        self._expanded = True
        self._show()

    # --- acting on a meeting ---------------------------------------------------------------------

    def log(self, found: MeetingWith) -> None:
        meeting = found.meeting
        self.context.request_log(
            LogRequest(
                found.contact_ids,
                summary=meeting.title,
                moment_key=meeting.key,
                kind="meeting",
                occurred_at=meeting.start,
            )
        )

    def log_latest(self) -> None:
        """Log the meeting that ended last."""
        if self.waiting:
            self.log(self.waiting[0])
        else:
            self.context.tell("No meeting waits to be logged", undoable=False)

    def dismiss(self, meeting: Meeting) -> None:
        self.context.do(meetings.dismiss, meeting)
        self.context.tell(f"Not worth logging: {meeting.title}")
        self.waiting = [m for m in self.waiting if m.meeting.key != meeting.key]
        self._show()

    def add_people(self, found: MeetingWith) -> None:
        made = self.context.do(meetings.add_people, list(found.unknown))
        self.context.tell(f"Added {count_of(len(made), 'contact')} from “{found.meeting.title}”")

    def write_brief_pack(self, target: Path | None = None) -> Path | None:
        day = self.context.ws.clock.today() + timedelta(days=1)
        if target is None:
            name, _ = QFileDialog.getSaveFileName(
                self, "Brief pack", str(Path.home() / _pack_name(day)), "PDF (*.pdf)"
            )
            if not name:
                return None
            target = Path(name)
        found = list(self.feed.meetings) if self.feed else []
        try:
            pages = meetings.write_brief_pack(self.context.ws, found, day, target)
        except JournalError as error:
            QMessageBox.warning(self, "Cannot write the brief pack", str(error))
            return None
        except OSError as error:
            QMessageBox.warning(self, "Cannot write the brief pack", f"{target}: {error}")
            return None
        self.context.tell(f"Brief pack written ({count_of(pages, 'page')}): {target}", False)
        return target


def _pack_name(day: date) -> str:
    return f"Briefs {day:%Y-%m-%d}.pdf"
