"""Promises both ways: open ones first, overdue in red, kept or broken with one click."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget
from sqlmodel import Session, col, select

from relationship_journal.domain.wording import count_of
from relationship_journal.store import clock
from relationship_journal.store.models import Contact, Promise
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.ledger.promise_actions import resolve_promise
from relationship_journal.ui.paged_model import PagedTableModel, RowRole, TableColumn
from relationship_journal.ui.table import make_table
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import label

DUE_SOON_DAYS = 7
VIEWS = ("Open", "Due soon", "Overdue", "Kept", "Broken")


@dataclass(frozen=True)
class PromiseRow:
    id: int
    contact_id: int
    contact: str
    owner: str
    text: str
    made_on: date
    due_on: date | None
    status: str


def promise_rows(session: Session, view: str, today: date) -> list[PromiseRow]:
    query = (
        select(Promise, Contact.display_name)
        .join(Contact, col(Contact.id) == Promise.contact_id)
        .where(col(Contact.deleted_at).is_(None))
    )
    if view in ("Kept", "Broken"):
        query = query.where(Promise.status == view.lower())
    else:
        query = query.where(Promise.status == "open")
    if view == "Due soon":
        query = query.where(
            col(Promise.due_on) >= today,
            col(Promise.due_on) <= date.fromordinal(today.toordinal() + DUE_SOON_DAYS),
        )
    if view == "Overdue":
        query = query.where(col(Promise.due_on) < today)
    query = query.order_by(col(Promise.due_on).is_(None), col(Promise.due_on), col(Promise.id))
    return [
        PromiseRow(p.id, p.contact_id, name, p.owner, p.text, p.made_on, p.due_on, p.status)  # type: ignore[arg-type]
        for p, name in session.exec(query).all()
    ]


def _due_colour(row: PromiseRow) -> QColor | None:
    if row.status == "open" and row.due_on is not None and row.due_on < clock.today():
        return value_colour(-1)
    return None


COLUMNS: list[TableColumn[PromiseRow]] = [
    TableColumn("Due", lambda r: f"{r.due_on:%a %d %b %Y}" if r.due_on else "—", _due_colour),
    TableColumn("Who", lambda r: "I promised" if r.owner == "me" else "They promised"),
    TableColumn("Contact", lambda r: r.contact),
    TableColumn("Promise", lambda r: r.text),
    TableColumn("Made", lambda r: f"{r.made_on:%d %b %Y}"),
    TableColumn("Status", lambda r: r.status),
]


class PromisesPage(LazyPage):
    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("promisesPage")
        self._context = context
        self._rows: list[PromiseRow] = []
        self.view = QComboBox()
        self.view.setObjectName("promiseView")
        self.view.setAccessibleName("Which promises")
        self.view.addItems(list(VIEWS))
        self.model: PagedTableModel[PromiseRow] = PagedTableModel(
            COLUMNS, lambda: len(self._rows), lambda o, n: self._rows[o : o + n]
        )
        self.table = make_table("promisesTable", "Promises", 3)
        self.table.setModel(self.model)
        for column, width in enumerate((130, 120, 170)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(
            lambda index: context.open_contact_requested.emit(index.data(RowRole).contact_id)
        )
        self.kept = QPushButton(icon("done"), "Kept")
        self.kept.setObjectName("promiseKept")
        self.broken = QPushButton(icon("delete"), "Broken")
        self.broken.setObjectName("promiseBroken")
        connect_plain(self.kept.clicked, lambda: self._resolve("kept"))
        connect_plain(self.broken.clicked, lambda: self._resolve("broken"))
        self.summary = label("", "muted")
        row = QHBoxLayout()
        row.addWidget(label("Show"))
        row.addWidget(self.view)
        row.addWidget(self.summary)
        row.addStretch()
        row.addWidget(self.kept)
        row.addWidget(self.broken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(label("Promises", "title"))
        layout.addLayout(row)
        layout.addWidget(self.table, 1)
        self.view.currentIndexChanged.connect(self.reload)

    def reload(self) -> None:
        today = clock.today()
        view = self.view.currentText()
        self._rows = self._context.read(lambda s: promise_rows(s, view, today))
        self.model.reload()
        overdue = sum(1 for r in self._rows if r.due_on and r.due_on < today and r.status == "open")
        text = count_of(len(self._rows), "promise")
        if overdue and view == "Open":
            text += f", {overdue} overdue"
        self.summary.setText(text)
        resolvable = view in ("Open", "Due soon", "Overdue")
        self.kept.setEnabled(resolvable)
        self.broken.setEnabled(resolvable)

    def _resolve(self, status: str) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            row = index.data(RowRole)
            resolve_promise(self, self._context, row.id, status)
