"""Every interaction, newest first, across all contacts."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationship_journal.operations import views
from relationship_journal.operations.views import EntryRow
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.paged_model import PagedTableModel, RowRole, TableColumn
from relationship_journal.ui.table import make_table
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import label


def _value(row: EntryRow) -> str:
    return f"{row.value:+d}" if row.value else "·"


COLUMNS: list[TableColumn[EntryRow]] = [
    TableColumn("When", lambda r: f"{r.occurred_at.astimezone():%d %b %Y %H:%M}"),
    TableColumn("With", lambda r: r.contacts),
    TableColumn("Kind", lambda r: r.kind),
    TableColumn("Summary", lambda r: r.summary),
    TableColumn("Value", _value, lambda r: value_colour(r.value), align_right=True),
    TableColumn("Category", lambda r: r.category),
]


class JournalPage(LazyPage):
    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("journalPage")
        self._context = context
        self.model: PagedTableModel[EntryRow] = PagedTableModel(
            COLUMNS,
            lambda: views.entry_count(context.ws),
            lambda offset, limit: views.entries(context.ws, offset, limit),
        )
        self.table = make_table("journalTable", "Journal entries", 3)
        self.table.setModel(self.model)
        for column, width in enumerate((150, 200, 80)):
            self.table.setColumnWidth(column, width)
        self.table.setColumnWidth(4, 60)
        self.table.setColumnWidth(5, 230)
        self.table.doubleClicked.connect(self._open)
        self.count = label("", "muted")
        log = QPushButton(icon("log"), "Log interaction")
        log.setObjectName("journalLogButton")
        log.setToolTip("Log interaction (Ctrl+L)")
        log.clicked.connect(lambda: context.request_log())
        row = QHBoxLayout()
        row.addWidget(self.count)
        row.addStretch()
        row.addWidget(log)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(label("Journal", "title"))
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        self.model.reload()
        total = self.model.rowCount()
        self.count.setText(
            f"{total:,} entries" if total else "No entries yet: log your first interaction."
        )

    def _open(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, EntryRow):
            ids = views.people_of_entry(self._context.ws, row.id)
            if ids:
                self._context.open_contact_requested.emit(ids[0])
