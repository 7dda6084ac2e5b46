"""Promises both ways: open ones first, overdue in red, kept or broken with one click."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationship_journal.domain.text import fold
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import promises
from relationship_journal.operations.promises import VIEWS, PromiseRow
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.ledger.promise_actions import resolve_promise
from relationship_journal.ui.list_filter import FilterBar, ListFilter
from relationship_journal.ui.paged_model import PagedTableModel, RowRole, TableColumn
from relationship_journal.ui.table import make_table
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import label


def _due_colour(row: PromiseRow) -> QColor | None:
    return value_colour(-1) if row.overdue else None


def _due(row: PromiseRow) -> str:
    return day_text(row.promise.due_on, weekday=True) if row.promise.due_on else "no due date"


OWNERS = [("I promised", "me"), ("They promised", "them")]
_OWNER_TEXT = {value: text for text, value in OWNERS}

COLUMNS: list[TableColumn[PromiseRow]] = [
    TableColumn("Due", _due, _due_colour, hint="The day it is due; red once it is overdue"),
    TableColumn("Who", lambda r: _OWNER_TEXT[r.promise.owner]),
    TableColumn("Contact", lambda r: r.contact),
    TableColumn("Promise", lambda r: r.promise.text),
    TableColumn("Made", lambda r: day_text(r.promise.made_on), hint="The day it was promised"),
    TableColumn("Status", lambda r: r.promise.status, hint="Open, kept or broken"),
]


def matches(row: PromiseRow, chosen: ListFilter) -> bool:
    """Whether a promise passes the filter row: its person, who promised, its due day."""
    day = row.promise.due_on or row.promise.made_on
    return (
        fold(chosen.person) in fold(row.contact)
        and chosen.kind in ("", row.promise.owner)
        and (chosen.start is None or day >= chosen.start)
        and (chosen.end is None or day <= chosen.end)
    )


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
        widths = {0: 140, 1: 110, 2: 160, 4: 100, 5: 70}
        floors = {0: "Wed, 30 Sep 2026", 1: "They promised", 5: "broken"}
        self.table = make_table(
            "promisesTable", "Promises", self.model, 3, widths, floors, optional=(4,)
        )
        self.filters = FilterBar("promiseFilter", "Who", OWNERS)
        self.filters.changed.connect(self.reload)
        # Double-click or Enter (the platform's way to open an item) opens the person.
        self.table.activated.connect(
            lambda index: context.open_contact_requested.emit(
                index.data(RowRole).promise.contact_id
            )
        )
        self.kept = QPushButton(icon("done"), "Kept")
        self.kept.setObjectName("promiseKept")
        self.kept.setToolTip("Mark the selected promise kept")
        self.broken = QPushButton(icon("remove"), "Broken")
        self.broken.setToolTip("Mark the selected promise broken")
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
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)
        self.view.currentIndexChanged.connect(self.reload)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _update_buttons(self, *_args: object) -> None:
        """Kept and Broken act on the chosen promise, while it is open."""
        resolvable = self.view.currentText() in ("Open", "Due soon", "Overdue")
        chosen = self.table.selectionModel().hasSelection()
        self.kept.setEnabled(resolvable and chosen)
        self.broken.setEnabled(resolvable and chosen)

    def reload(self) -> None:
        view = self.view.currentText()
        chosen = self.filters.value()
        self._rows = [r for r in promises.rows(self._context.ws, view) if matches(r, chosen)]
        self.model.reload()
        overdue = sum(1 for r in self._rows if r.overdue)
        text = count_of(len(self._rows), "promise")
        if overdue and view == "Open":
            text += f", {overdue} overdue"
        self.summary.setText(text)
        self._update_buttons()

    def _resolve(self, status: str) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            row = index.data(RowRole)
            resolve_promise(self, self._context, row.promise.id, status)
