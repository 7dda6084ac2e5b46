"""Every interaction, newest first, across all contacts; narrowed by person, kind and days."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from relationship_journal.domain.taxonomy import INTERACTION_KINDS
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import views
from relationship_journal.operations.views import EntryFilter, EntryRow
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import moment_text
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.list_filter import FilterBar
from relationship_journal.ui.paged_model import PagedTableModel, RowRole, TableColumn
from relationship_journal.ui.table import make_table
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import label

VALUE_HINT = (
    "What the interaction did to the relationship: a deposit (+1 to +5), "
    "a withdrawal (−1 to −5), or a plain note (no effect on the balance)"
)


def value_text(value: int) -> str:
    return f"{value:+d}" if value else "note"


def _summary(row: EntryRow) -> str:
    notes = " ".join(row.notes.split())
    return f"{row.summary} — {notes}" if notes else row.summary


def _whole(row: EntryRow) -> str:
    return f"{row.summary}\n\n{row.notes}" if row.notes.strip() else row.summary


COLUMNS: list[TableColumn[EntryRow]] = [
    TableColumn("When", lambda r: moment_text(r.occurred_at)),
    TableColumn("With", lambda r: r.contacts),
    TableColumn("Kind", lambda r: r.kind),
    TableColumn("Summary", _summary, hint="What happened, then your notes", tip=_whole),
    TableColumn(
        "Value", lambda r: value_text(r.value), lambda r: value_colour(r.value), True, VALUE_HINT
    ),
    TableColumn("Category", lambda r: r.category, hint="Why it was a deposit or a withdrawal"),
]


class JournalPage(LazyPage):
    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("journalPage")
        self._context = context
        self.filters = FilterBar(
            "journalFilter", "Kind", [(kind, kind) for kind in INTERACTION_KINDS]
        )
        self.filters.changed.connect(self.reload)
        # The filter the rows were counted with; the fields may already say something else.
        self._shown_filter = EntryFilter()
        self.model: PagedTableModel[EntryRow] = PagedTableModel(
            COLUMNS,
            lambda: views.entry_count(context.ws, self._shown_filter),
            lambda offset, limit: views.entries(context.ws, offset, limit, self._shown_filter),
        )
        widths = {0: 150, 1: 160, 2: 80, 4: 56, 5: 190}
        floors = {0: "28 Sep 2026, 11:00", 2: "message", 4: "note"}
        self.table = make_table(
            "journalTable", "Journal entries", self.model, 3, widths, floors, optional=(5,)
        )
        # Double-click or Enter (the platform's way to open an item) opens the person.
        self.table.activated.connect(self._open)
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
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        chosen = self.filters.value()
        self._shown_filter = EntryFilter(chosen.person, chosen.kind, chosen.start, chosen.end)
        self.model.reload()
        total = self.model.rowCount()
        if total:
            self.count.setText(count_of(total, "entry", "entries"))
        elif self.filters.value().is_empty():
            self.count.setText("No entries yet: log your first interaction.")
        else:
            self.count.setText("No entries match these filters.")

    def _open(self, index: QModelIndex) -> None:
        row = index.data(RowRole)
        if isinstance(row, EntryRow):
            ids = views.people_of_entry(self._context.ws, row.id)
            if ids:
                self._context.open_contact_requested.emit(ids[0])
