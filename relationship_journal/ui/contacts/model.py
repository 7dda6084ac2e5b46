"""The contacts table: a Qt model over SQL, fetched a page at a time as the view scrolls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relationship_journal.domain import ledger
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store import clock
from relationship_journal.store.contact_list import (
    ContactFilter,
    ContactRow,
    next_promise_due,
    ordered_ids,
    recent_sums,
    rows_for,
)
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.theme import health_colour, value_colour

PAGE_SIZE = 50  # about a screenful: a page loads within a frame
ContactIdRole = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    title: str
    sort_key: str | None
    tooltip: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("Name", "name"),
    Column("Organisation", "organisation"),
    Column("Title", None),
    Column("Stage", "stage"),
    Column("Tier", "tier"),
    Column("Balance", "balance", "Deposits minus withdrawals, older ones counting less"),
    Column("Health", None, "Growing, steady, cooling, drifting or overdrawn"),
    Column("Last contact", "last_contact"),
    Column("Known", "known", "How well you know them: answers to the profile questions"),
    Column("Next moment", None),
)


@dataclass(frozen=True)
class Extras:
    standing: ledger.Standing
    next_moment: str
    texts: tuple[str, ...]  # what each column shows, computed once when the page loads


def next_moment_text(
    row: ContactRow, promise_due: date | None, today: date
) -> tuple[str, date | None]:
    candidates: list[tuple[date, str]] = []
    if row.birth_month and row.birth_day:
        day = PartialDate(row.birth_month, row.birth_day).next_occurrence(today)
        candidates.append((day, "Birthday"))
    if promise_due is not None:
        candidates.append((promise_due, "Promise due"))
    if not candidates:
        return "", None
    day, what = min(candidates)
    delta = (day - today).days
    if delta < 0:
        when = f"{-delta} d overdue"
    elif delta == 0:
        when = "today"
    elif delta == 1:
        when = "tomorrow"
    elif delta < 14:
        when = f"in {delta} days"
    else:
        when = f"{day:%d %b}"
    return f"{what} {when}", day


def relative_day(moment: datetime | None, today: date) -> str:
    if moment is None:
        return "never"
    day = moment.astimezone().date()
    delta = (today - day).days
    if delta <= 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta < 60:
        return f"{delta} days ago"
    return f"{day:%d %b %Y}"


class ContactsTableModel(QAbstractTableModel):
    def __init__(self, context: JournalContext) -> None:
        super().__init__()
        self._context = context
        self._filter = ContactFilter()
        self._sort = "name"
        self._descending = False
        self._count = 0
        self._ids: list[int] = []
        self._positions: dict[int, int] | None = None
        self._pages: dict[int, list[ContactRow]] = {}
        self._extras: dict[int, Extras] = {}
        self._now = clock.now()
        self._today = self._now.astimezone().date()
        self.reload()

    # --- queries -----------------------------------------------------------------------------

    def set_filter(self, flt: ContactFilter) -> None:
        self._filter = flt
        self.reload()

    @property
    def current_filter(self) -> ContactFilter:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._now = clock.now()
        self._today = self._now.astimezone().date()
        self._pages.clear()
        self._extras.clear()
        self._positions = None
        self._ids = self._context.read(
            lambda session: ordered_ids(
                session, self._filter, self._now, self._sort, self._descending
            )
        )
        self._count = len(self._ids)
        self.endResetModel()

    def _page(self, number: int) -> list[ContactRow]:
        rows = self._pages.get(number)
        if rows is None:
            rows = self._load_page(number)
            self._pages[number] = rows
        return rows

    def _load_page(self, number: int) -> list[ContactRow]:
        now = self._now
        today = now.astimezone().date()

        wanted = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]

        def query(session: Any) -> tuple[list[ContactRow], dict[int, float], dict[int, date]]:
            rows = rows_for(session, wanted, now)
            ids = [row.id for row in rows]
            return rows, recent_sums(session, ids, now), next_promise_due(session, ids)

        rows, recents, dues = self._context.read(query)
        factor = ledger.scale(now)
        for row in rows:
            trend = ledger.trend_from_sums(row.balance / factor, recents.get(row.id, 0.0), now)
            standing = ledger.health(row.balance, trend, row.last_contact, row.cadence_days, now)
            text, _day = next_moment_text(row, dues.get(row.id), today)
            partial = Extras(standing, text, ())
            texts = tuple(self._display(row, partial, column) for column in range(len(COLUMNS)))
            self._extras[row.id] = Extras(standing, text, texts)
        return rows

    def row_at(self, row: int) -> ContactRow:
        return self._page(row // PAGE_SIZE)[row % PAGE_SIZE]

    def contact_id(self, row: int) -> int:
        return self.row_at(row).id

    def row_of(self, contact_id: int) -> int | None:
        """The row of a contact in the list as filtered and sorted."""
        if self._positions is None:
            self._positions = {cid: row for row, cid in enumerate(self._ids)}
        return self._positions.get(contact_id)

    # --- Qt model ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return COLUMNS[section].tooltip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row_at(index.row())
        column = index.column()
        extras = self._extras[row.id]
        if role == ContactIdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return extras.texts[column]
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5:
                return value_colour(row.balance)
            if column == 6:
                return health_colour(extras.standing.health)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 6:
                return f"Trend over 90 days: {extras.standing.trend:+.1f}"
            return extras.texts[column] or None  # the whole text where the column elides it
        return None

    def _display(self, row: ContactRow, extras: Extras, column: int) -> str:
        today = self._today
        match column:
            case 0:
                return row.name
            case 1:
                return row.organisation
            case 2:
                return row.title
            case 3:
                return row.stage
            case 4:
                return row.tier
            case 5:
                return f"{row.balance:+.1f}"
            case 6:
                arrow = (
                    "▲"
                    if extras.standing.trend >= 0.5
                    else "▼"
                    if extras.standing.trend <= -0.5
                    else "▶"
                )
                return f"{arrow} {extras.standing.health.label}"
            case 7:
                return relative_day(row.last_contact, today)
            case 8:
                return f"{row.known} %"
            case 9:
                return extras.next_moment
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None
        self._sort = key or "name"
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()
