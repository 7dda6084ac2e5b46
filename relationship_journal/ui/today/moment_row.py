"""One moment on Today: what, who, when and why, with its actions (Done, Snooze, Open, Log)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.ui.avatar import face
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.icons import icon
from relationship_journal.ui.theme import accent, value_colour
from relationship_journal.ui.widgets import esc, label

if TYPE_CHECKING:
    from relationship_journal.ui.today.page import TodayPage

KIND_ICONS = {
    MomentKind.BIRTHDAY: "birthday",
    MomentKind.ANNIVERSARY: "anniversary",
    MomentKind.PROMISE_MINE: "promises",
    MomentKind.PROMISE_THEIRS: "promises",
    MomentKind.CADENCE: "contacts",
    MomentKind.FOLLOW_UP: "log",
    MomentKind.STAGE_NUDGE: "portfolio",
    MomentKind.REMINDER: "reminder",
}


# Under this width a row's actions show their icons alone (named on hover and to screen
# readers), so that what the moment says keeps the room to be read.
COMPACT_BELOW = 760


def _face_label(moment: Moment, photo: bytes | None) -> QLabel:
    picture = QLabel()
    picture.setObjectName("momentFace")
    picture.setPixmap(face(moment.contact_name, photo, 32))
    return picture


class MomentRow(QWidget):
    """One moment: what, who, why, and its actions."""

    def __init__(self, page: TodayPage, moment: Moment, today: date, coach: bool = True) -> None:
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
        text = _text_column(moment, today, coach)
        self.done_button = done = QPushButton(icon("done"), "Done")
        done.setObjectName("doneButton")
        done.setToolTip("Mark done; it will not come back")
        done.clicked.connect(lambda: page.mark_done(moment))
        later = QPushButton(icon("snooze"), "Snooze")
        later.setObjectName("snoozeButton")
        later.setToolTip("Snooze: show it again later")
        menu = QMenu(later)
        menu.addAction("Until tomorrow", lambda: page.snooze(moment, today + timedelta(days=1)))
        menu.addAction("For a week", lambda: page.snooze(moment, today + timedelta(days=7)))
        menu.addAction("Until a date…", lambda: page.snooze_to_date(moment))
        later.setMenu(menu)
        layout.addWidget(kind_icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        if moment.contact_id is not None:
            contact_id = moment.contact_id
            open_button = QPushButton(icon("open"), "Open")
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
        self._actions = [(b, b.text()) for b in self.findChildren(QPushButton)]
        for button, caption in self._actions:
            button.setAccessibleName(caption)
        self._compact = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        compact = event.size().width() < COMPACT_BELOW
        if compact != self._compact:
            self._compact = compact
            for button, caption in self._actions:
                button.setText("" if compact else caption)


def _wrapped(text: str, role: str | None = None) -> QLabel:
    """Rich text that wraps into what the buttons leave: wrapped labels ask for more width
    than they need, so a floor of their own keeps a narrow window from scrolling sideways."""
    widget = label(text, role, wrap=True)
    widget.setTextFormat(Qt.TextFormat.RichText)
    widget.setMinimumWidth(140)
    return widget


def _text_column(moment: Moment, today: date, coach: bool) -> QVBoxLayout:
    """What, when and why; the why is coaching, said for the first moment of its kind on
    the page and kept on hover for the rest."""
    text = QVBoxLayout()
    text.setSpacing(1)
    whole = _title(moment)
    shown = whole if len(whole) <= TITLE_LIMIT else whole[: TITLE_LIMIT - 1].rstrip() + "…"
    title = _wrapped(f"<b>{esc(shown)}</b>")
    title.setObjectName("momentTitle")
    title.setToolTip(whole if shown != whole else "")
    when_colour = value_colour(-1).name() if moment.day < today else accent().name()
    why = f" — {esc(moment.why)}" if coach and moment.why else ""
    detail = _wrapped(
        f"<span style='color: {when_colour}; font-weight: 600;'>{moment.kind.label} · "
        f"{_when(moment, today)}</span>{why}",
        "muted",
    )
    detail.setToolTip(moment.why)
    text.addWidget(title)
    text.addWidget(detail)
    if moment.day > today and moment.notice_day <= today:
        ahead = _wrapped("Shown early so there is time to prepare.", "muted")
        ahead.setToolTip("How early each kind shows: Tell me ahead… on the contact's page")
        ahead.setObjectName("headsUp")
        text.addWidget(ahead)
    return text


# A title wraps onto a few lines at most: a very long name ends in "…", whole on hover.
TITLE_LIMIT = 64


def _title(moment: Moment) -> str:
    """The moment's title, naming the person when the title does not (a reminder)."""
    name = moment.contact_name
    if name and name not in moment.title:
        return f"{moment.title} — {name}"
    return moment.title


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
    return f"{day_text(moment.day, weekday=True, year=False)}{at}"
