"""Organisations as accounts: the list, sortable by how the relationships there stand, and
the selected organisation's page."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.text import fold
from relationship_journal.domain.wording import since_day
from relationship_journal.operations import accounts, photos
from relationship_journal.operations.accounts import AccountRow
from relationship_journal.operations.errors import NotFoundError
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.organisations.account_view import AccountView
from relationship_journal.ui.theme import value_colour
from relationship_journal.ui.widgets import label

IdRole = Qt.ItemDataRole.UserRole
# The list's columns; each sorts by its figure (numbers as numbers, by a click on its head).
COLUMNS = ("Organisation", "People", "Balance", "Last contact", "Promises")
COLUMN_WIDTHS = (160, 56, 62, 96, 72)


def _figure(value: float | str, shown: str) -> QTableWidgetItem:
    """A cell that shows ``shown`` and sorts by ``value``."""
    item = _SortedItem(shown)
    item.setData(Qt.ItemDataRole.UserRole + 1, value)
    return item


class _SortedItem(QTableWidgetItem):
    def __lt__(self, other: QTableWidgetItem) -> bool:
        mine, theirs = self.data(IdRole + 1), other.data(IdRole + 1)
        if mine is None or theirs is None:
            return super().__lt__(other)
        return bool(mine < theirs)


class OrganisationsPage(LazyPage):
    brief_requested = Signal(list, str)

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("organisationsPage")
        self._context = context
        self.search = QLineEdit()
        self.search.setObjectName("organisationSearch")
        self.search.setPlaceholderText("Filter organisations…")
        self.search.setClearButtonEnabled(True)
        self.list = QTableWidget(0, len(COLUMNS))
        self.list.setObjectName("organisationList")
        self.list.setAccessibleName("Organisations")
        self.list.setHorizontalHeaderLabels(list(COLUMNS))
        self.list.verticalHeader().setVisible(False)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.list.horizontalHeader()
        metrics = header.fontMetrics()
        for column, width in enumerate(COLUMN_WIDTHS):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            # Never narrower than its title beside the sort arrow.
            title = metrics.horizontalAdvance(COLUMNS[column]) + 30
            self.list.setColumnWidth(column, max(width, title))
        # Names stay readable; on a narrow window the figures scroll into view instead.
        header.setStretchLastSection(True)
        self.list.setSortingEnabled(True)
        self.list.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.account = AccountView()
        self.account.open_contact.connect(context.open_contact_requested)
        self.account.brief_requested.connect(self._brief)
        self.title = self.account.title
        self.brief_button = self.account.brief_button
        self.shown: accounts.Account | None = None

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.account)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        # The list wide enough for all its columns at the usual window size.
        splitter.setSizes([540, 500])
        self.account.setMinimumWidth(330)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(label("Organisations", "title"))
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self._filter)
        self.list.itemSelectionChanged.connect(self._show_selected)

    def reload(self) -> None:
        current = self.selected_id()
        rows = accounts.organisations(self._context.ws)
        today = self._context.ws.clock.today()
        self.list.blockSignals(True)
        self.list.setSortingEnabled(False)
        self.list.setRowCount(len(rows))
        for number, row in enumerate(rows):
            self._fill_row(number, row, today)
        self.list.setSortingEnabled(True)
        self.list.blockSignals(False)
        self._filter()
        self._select(current)

    def _fill_row(self, number: int, row: AccountRow, today: date) -> None:
        name = _figure(fold(row.name), row.name)
        name.setData(IdRole, row.id)
        name.setToolTip(" — ".join(part for part in (row.name, row.industry) if part))
        last = row.last_contact.astimezone().date() if row.last_contact else None
        balance = _figure(row.balance, f"{row.balance:+.1f}" if row.people_now else "")
        balance.setForeground(value_colour(row.balance))
        cells = (
            name,
            _figure(row.people_now, str(row.people_now)),
            balance,
            _figure(
                last.isoformat() if last else "", since_day(last, today, day_text) if last else ""
            ),
            _figure(row.open_promises, str(row.open_promises) if row.open_promises else ""),
        )
        for column, cell in enumerate(cells):
            self.list.setItem(number, column, cell)

    def _filter(self, *_args: object) -> None:
        key = fold(self.search.text())
        for row in range(self.list.rowCount()):
            item = self.list.item(row, 0)
            self.list.setRowHidden(row, bool(key) and key not in fold(item.text()))
        if self.selected_id() is None or self.list.isRowHidden(self.list.currentRow()):
            self._select(None)

    def selected_id(self) -> int | None:
        row = self.list.currentRow()
        item = self.list.item(row, 0) if row >= 0 else None
        return int(item.data(IdRole)) if item is not None else None

    def _select(self, organisation_id: int | None) -> None:
        visible = [r for r in range(self.list.rowCount()) if not self.list.isRowHidden(r)]
        chosen = next(
            (r for r in visible if self.list.item(r, 0).data(IdRole) == organisation_id),
            visible[0] if visible else None,
        )
        if chosen is None:
            self.list.clearSelection()
            self.shown = None
            self.account.show_nothing()
            return
        self.list.setCurrentCell(chosen, 0)
        self._show_selected()

    def _show_selected(self) -> None:
        organisation_id = self.selected_id()
        if organisation_id is None:
            return
        ws = self._context.ws
        try:
            self.shown = accounts.organisation(ws, organisation_id)
        except NotFoundError:
            self.reload()
            return
        people = [p.contact_id for p, _ in (*self.shown.now, *self.shown.before)]
        self.account.show_account(self.shown, ws.clock.today(), photos.photos(ws, people))

    def select(self, organisation_id: int) -> None:
        self.search.clear()
        self._select(organisation_id)

    def _brief(self) -> None:
        if self.shown is not None and self.shown.now:
            ids = [person.contact_id for person, _ in self.shown.now]
            self.brief_requested.emit(ids, self.shown.name)
