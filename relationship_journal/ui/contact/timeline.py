"""A contact's timeline: entries, promises, stage and profile changes, newest first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relationship_journal.domain.profile import TOPICS_BY_KEY
from relationship_journal.domain.records import EntryRecord
from relationship_journal.operations.contacts import ContactFile, EntryPage
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.journal.page import VALUE_HINT, value_text
from relationship_journal.ui.theme import value_colour

Index = QModelIndex | QPersistentModelIndex
EntryIdRole = Qt.ItemDataRole.UserRole + 1
HEADERS = ("When", "What", "Summary", "Value")
# Reads the page of entries that follows an entry, newest first.
OlderEntries = Callable[[EntryRecord], EntryPage]


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    what: str
    summary: str
    value: int | None = None
    entry_id: int | None = None
    notes: str = ""


def _aware(day: Any) -> datetime:
    if isinstance(day, datetime):
        return day if day.tzinfo else day.replace(tzinfo=UTC)
    return datetime.combine(day, time(12, 0)).astimezone()


def entry_item(entry: EntryRecord) -> TimelineItem:
    return TimelineItem(
        entry.occurred_at,
        entry.kind.capitalize(),
        entry.summary + (f"  ·  {entry.category}" if entry.category else ""),
        entry.value,
        entry.id,
        entry.notes,
    )


def other_items(file: ContactFile) -> list[TimelineItem]:
    """Promises, stage and profile changes, newest first (ties in this order)."""
    items = []
    for promise in file.promises:
        who = "I promised" if promise.owner == "me" else "They promised"
        due = f" (due {day_text(promise.due_on)})" if promise.due_on else ""
        status = "" if promise.status == "open" else f" — {promise.status}"
        items.append(
            TimelineItem(_aware(promise.made_on), "Promise", f"{who}: {promise.text}{due}{status}")
        )
    for change in file.stage_history:
        note = f" — {change.note}" if change.note else ""
        items.append(
            TimelineItem(change.changed_at, "Stage", f"{change.layer}: {change.stage}{note}")
        )
    for fact in file.fact_history:
        topic = TOPICS_BY_KEY.get(fact.topic)
        label = topic.label if topic else fact.topic
        items.append(
            TimelineItem(fact.recorded_at, "Profile", f"{label}: {fact.text or '(cleared)'}")
        )
    return sorted(items, key=lambda item: item.at, reverse=True)


class TimelineModel(QAbstractTableModel):
    """The timeline, its entries read a page at a time: a view asks for the next page
    (``fetchMore``) as it is scrolled to the end. Promises, stage and profile changes, few,
    are all at hand and shown once the entries read reach back to them."""

    def __init__(self) -> None:
        super().__init__()
        self._items: list[TimelineItem] = []
        self._entries: list[TimelineItem] = []
        self._others: list[TimelineItem] = []
        self._older: OlderEntries | None = None  # None: every entry has been read
        self._last: EntryRecord | None = None  # the oldest entry read

    def set_timeline(
        self, entries: list[EntryRecord], others: list[TimelineItem], older: OlderEntries | None
    ) -> None:
        """Show the newest ``entries`` and ``others``; ``older`` reads the page after an
        entry, None when ``entries`` are all there are."""
        self.beginResetModel()
        self._entries = [entry_item(entry) for entry in entries]
        self._others = others
        self._older = older if entries else None
        self._last = entries[-1] if entries else None
        self._items = self._merged()
        self.endResetModel()

    def entry_count(self) -> int:
        """How many entries have been read so far."""
        return len(self._entries)

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._older is not None

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent) or self._older is None or self._last is None:
            return
        page = self._older(self._last)
        self._entries += [entry_item(entry) for entry in page.entries]
        self._last = page.entries[-1] if page.entries else self._last
        self._older = self._older if page.more else None
        merged = self._merged()
        # The rows read now are all older than those shown: they go at the end.
        if len(merged) > len(self._items):
            self.beginInsertRows(QModelIndex(), len(self._items), len(merged) - 1)
            self._items = merged
            self.endInsertRows()

    def _merged(self) -> list[TimelineItem]:
        """Entries read and the other items among them, newest first, an entry before
        anything else of the same moment; while older entries remain unread, other items
        only down to the oldest entry read."""
        others = self._others
        if self._older is not None and self._entries:
            oldest = self._entries[-1].at
            others = [item for item in others if item.at > oldest]
        return sorted(self._entries + others, key=lambda item: item.at, reverse=True)

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

    def row_of_entry(self, entry_id: int) -> int | None:
        """The row of a journal entry read so far, or None."""
        for row, item in enumerate(self._items):
            if item.entry_id == entry_id:
                return row
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return {3: VALUE_HINT}.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == EntryIdRole:
            return item.entry_id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return day_text(item.at.astimezone().date())
            if column == 1:
                return item.what
            if column == 2:
                notes = " ".join(item.notes.split())
                return f"{item.summary} — {notes}" if notes else item.summary
            if column == 3 and item.value is not None:
                return value_text(item.value)
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return f"{item.summary}\n\n{item.notes}" if item.notes.strip() else item.summary
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and item.value:
            return value_colour(item.value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
