"""The contacts table: a Qt model over SQL, fetched a page at a time as the view scrolls."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relationship_journal.domain.wording import relative_day, since_day
from relationship_journal.operations import contacts, photos
from relationship_journal.operations.contacts import ContactFilter, ListedContact
from relationship_journal.ui.avatar import face
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.theme import health_colour, value_colour

PAGE_SIZE = 50  # about a screenful: a page loads within a frame
FACE_SIZE = 22
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
        self._pages: dict[int, list[ListedContact]] = {}
        self._texts: dict[int, tuple[str, ...]] = {}  # what each column shows, worked out once
        self._photos: dict[int, bytes] = {}  # of the pages read, those who have one
        # Nothing is read until the list is first wanted (``reload``): starting the app
        # reads no list, and sorting or filtering before then only sets what it will read.
        self._loaded = False

    # --- queries -----------------------------------------------------------------------------

    def set_filter(self, flt: ContactFilter) -> None:
        if flt == self._filter and self._loaded:
            return
        self._filter = flt
        if self._loaded:
            self.reload()

    @property
    def loaded(self) -> bool:
        return self._loaded

    @property
    def current_filter(self) -> ContactFilter:
        return self._filter

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self._texts.clear()
        self._photos.clear()
        self._positions = None
        self._ids = contacts.ids_in_order(
            self._context.ws, self._filter, self._sort, self._descending
        )
        self._count = len(self._ids)
        self._loaded = True
        self.endResetModel()

    def _page(self, number: int) -> list[ListedContact]:
        rows = self._pages.get(number)
        if rows is None:
            wanted = self._ids[number * PAGE_SIZE : (number + 1) * PAGE_SIZE]
            rows = contacts.listed(self._context.ws, wanted)
            self._photos.update(photos.photos(self._context.ws, wanted))
            for listed in rows:
                self._texts[listed.row.id] = tuple(
                    _display(listed, column) for column in range(len(COLUMNS))
                )
            self._pages[number] = rows
        return rows

    def listed_at(self, row: int) -> ListedContact:
        return self._page(row // PAGE_SIZE)[row % PAGE_SIZE]

    def contact_id(self, row: int) -> int:
        return self.listed_at(row).row.id

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
        row = self.listed_at(index.row()).row
        column = index.column()
        texts = self._texts[row.id]
        if role == ContactIdRole:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[column]
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return face(row.name, self._photos.get(row.id), FACE_SIZE)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 5:
                return value_colour(row.balance)
            if column == 6:
                return health_colour(row.standing.health)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (5, 8):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == 6:
                return f"Trend over 90 days: {row.standing.trend:+.1f}"
            if column == 7:
                last = _last_day(self.listed_at(index.row()))
                return day_text(last, weekday=True) if last else None
            return texts[column] or None  # the whole text where the column elides it
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = COLUMNS[column].sort_key if 0 <= column < len(COLUMNS) else None
        wanted = (key or "name", order == Qt.SortOrder.DescendingOrder)
        if wanted == (self._sort, self._descending):
            return
        self._sort, self._descending = wanted
        if self._loaded:
            self.reload()


def _last_day(listed: ListedContact) -> date | None:
    last = listed.row.last_contact
    return last.astimezone().date() if last else None


def _display(listed: ListedContact, column: int) -> str:
    row, standing = listed.row, listed.row.standing
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
            return standing.health.label
        case 7:
            return since_day(_last_day(listed), listed.today, day_text)
        case 8:
            return f"{row.known} %"
        case 9:
            upcoming = listed.upcoming
            return f"{upcoming.what} {relative_day(upcoming.day, listed.today)}" if upcoming else ""
    return ""
