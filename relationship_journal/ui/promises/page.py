"""Promises both ways: open ones first, overdue in red, kept or broken with one click."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationship_journal.domain.wording import count_of
from relationship_journal.operations import promises
from relationship_journal.operations.promises import VIEWS, PromiseRow
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.ledger.promise_actions import resolve_promise
from relationship_journal.ui.paged_model import PagedTableModel, RowRole, TableColumn
from relationship_journal.ui.table import make_table
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import label


def _due_colour(row: PromiseRow) -> QColor | None:
    return value_colour(-1) if row.overdue else None


COLUMNS: list[TableColumn[PromiseRow]] = [
    TableColumn(
        "Due", lambda r: f"{r.promise.due_on:%a %d %b %Y}" if r.promise.due_on else "—", _due_colour
    ),
    TableColumn("Who", lambda r: "I promised" if r.promise.owner == "me" else "They promised"),
    TableColumn("Contact", lambda r: r.contact),
    TableColumn("Promise", lambda r: r.promise.text),
    TableColumn("Made", lambda r: f"{r.promise.made_on:%d %b %Y}"),
    TableColumn("Status", lambda r: r.promise.status),
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
            lambda index: context.open_contact_requested.emit(
                index.data(RowRole).promise.contact_id
            )
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
        view = self.view.currentText()
        self._rows = promises.rows(self._context.ws, view)
        self.model.reload()
        overdue = sum(1 for r in self._rows if r.overdue)
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
            resolve_promise(self, self._context, row.promise.id, status)
