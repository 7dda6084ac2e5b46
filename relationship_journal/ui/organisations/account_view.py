"""One organisation as an account: who the user knows there now and before, how those
relationships stand together, what is promised either way, what is coming up, and the
latest interactions across its people."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.wording import relative_day, since_day
from relationship_journal.operations.accounts import Account
from relationship_journal.operations.contacts import ContactRow
from relationship_journal.operations.views import PersonThere
from relationship_journal.ui.avatar import face
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.icons import icon
from relationship_journal.ui.theme import health_colour, value_colour
from relationship_journal.ui.widgets import card, clear_layout, esc, label

ContactRole = Qt.ItemDataRole.UserRole
FACE_SIZE = 28


class AccountView(QWidget):
    """The right-hand side of the organisations page."""

    open_contact = Signal(int)
    brief_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = label("", "title", wrap=True)
        self.title.setObjectName("organisationTitle")
        self.subtitle = label("", "subtitle")
        self.figures = label("", wrap=True)
        self.figures.setObjectName("accountFigures")
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        self.brief_button = QPushButton(icon("brief"), "Meeting brief")
        self.brief_button.setObjectName("organisationBriefButton")
        self.brief_button.setToolTip("A brief for a meeting with the people there now")
        self.brief_button.clicked.connect(lambda *_: self.brief_requested.emit())
        self._faces: dict[int, bytes] = {}
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.setContentsMargins(12, 0, 4, 0)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.brief_button)
        body.addLayout(heading)
        body.addWidget(self.subtitle)
        body.addWidget(self.figures)
        self.sections: dict[str, tuple[QWidget, QVBoxLayout]] = {}
        for key, title in SECTIONS:
            frame, frame_layout = card()
            frame.setObjectName(f"account_{key}")
            frame_layout.addWidget(label(title, "section"))
            rows = QVBoxLayout()
            rows.setSpacing(6)
            frame_layout.addLayout(rows)
            self.sections[key] = (frame, rows)
            body.addWidget(frame)
        body.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def rows(self, key: str) -> list[QWidget]:
        """The rows shown in one section ("now", "before", "promises", "upcoming", "recent")."""
        layout = self.sections[key][1]
        found = (layout.itemAt(i).widget() for i in range(layout.count()))
        return [widget for widget in found if widget is not None]

    def show_nothing(self) -> None:
        self.title.setText("No organisations yet")
        self.subtitle.setText("They appear as you give contacts an organisation.")
        self.figures.setText("")
        self.brief_button.setEnabled(False)
        for frame, _ in self.sections.values():
            frame.setVisible(False)

    def show_account(self, account: Account, today: date, faces: dict[int, bytes]) -> None:
        self._faces = faces
        self.title.setText(account.name)
        self.subtitle.setText(account.industry)
        self.figures.setText(_figures(account, today))
        self.brief_button.setEnabled(bool(account.now))
        for frame, rows in self.sections.values():
            clear_layout(rows)
            frame.setVisible(True)
        for person, listed in account.now:
            self._person("now", person, listed, today, current=True)
        for person, listed in account.before:
            self._person("before", person, listed, today, current=False)
        self.sections["before"][0].setVisible(bool(account.before))
        for promise in account.promises:
            who = f"You promised {promise.name}" if promise.mine else f"{promise.name} promised"
            due = f" — due {day_text(promise.due_on)}" if promise.due_on else ""
            self._line("promises", f"<b>{esc(who)}</b>: {esc(promise.text)}{due}")
        for moment in account.upcoming:
            self._line("upcoming", f"<b>{relative_day(moment.day, today)}</b>: {esc(moment.title)}")
        for entry in account.recent:
            day = since_day(entry.occurred_at.astimezone().date(), today)
            colour = value_colour(entry.value).name()
            self._line(
                "recent",
                f"{esc(day)} · {esc(entry.people)}: {esc(entry.summary)} "
                f"<span style='color: {colour};'>({entry.value:+d})</span>",
            )
        for key, empty in EMPTY.items():
            if not self.rows(key):
                self._line(key, f"<span style='color: gray;'>{esc(empty)}</span>")

    def _line(self, key: str, html: str) -> QLabel:
        line = label(html, wrap=True)
        line.setTextFormat(Qt.TextFormat.RichText)
        self.sections[key][1].addWidget(line)
        return line

    def _person(
        self, key: str, person: PersonThere, listed: ContactRow | None, today: date, current: bool
    ) -> None:
        row = QWidget()
        row.setObjectName("accountPerson")
        row.setAccessibleName(person.name)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        picture = QLabel()
        picture.setPixmap(face(person.name, self._faces.get(person.contact_id), FACE_SIZE))
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        text = f"<b>{esc(person.name)}</b> — {esc(_role(person, current))}"
        if listed is not None:
            standing = listed.standing
            last = listed.last_contact.astimezone().date() if listed.last_contact else None
            colour = health_colour(standing.health).name()
            text += (
                f"<br><span style='color: {colour};'>{standing.balance:+.1f}, "
                f"{esc(standing.health.label.lower())}</span> · last contact "
                f"{esc(since_day(last, today))}"
            )
        words = label(text, wrap=True)
        words.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(words, 1)
        opener = QPushButton("Open")
        opener.setObjectName("openPerson")
        opener.setToolTip(f"Open {person.name}")
        contact_id = person.contact_id
        opener.clicked.connect(lambda *_: self.open_contact.emit(contact_id))
        layout.addWidget(opener, 0, Qt.AlignmentFlag.AlignVCenter)
        self.sections[key][1].addWidget(row)


SECTIONS = (
    ("now", "People there now"),
    ("before", "Before"),
    ("promises", "Open promises, both ways"),
    ("upcoming", "Coming up"),
    ("recent", "Recent interactions"),
)
EMPTY = {
    "now": "Nobody you know works there now.",
    "promises": "Nothing promised either way.",
    "upcoming": "Nothing in the next 30 days.",
    "recent": "No interactions logged with anyone there yet.",
}


def _figures(account: Account, today: date) -> str:
    standing = account.standing
    if standing is None:
        return "Nobody you know works there now."
    colour = value_colour(standing.balance).name()
    last = account.last_contact.astimezone().date() if account.last_contact else None
    people = len(account.now)
    return (
        f"Together <b style='color: {colour};'>{standing.balance:+.1f}</b>, "
        f"{standing.trend:+.1f} over 90 days — {esc(standing.health.label.lower())} · "
        f"{people} {'person' if people == 1 else 'people'} you know there now · "
        f"last contact {esc(since_day(last, today))}"
    )


def _role(person: PersonThere, current: bool) -> str:
    role = person.title or "role unknown"
    if current:
        return role
    span = f"{person.started_on:%Y}" if person.started_on else ""
    span += f"–{person.ended_on:%Y}" if person.ended_on else ""
    return f"{role} ({span})" if span else role
