"""A contact's timeline: entries, promises, stage and profile changes, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from relationship_journal.domain.profile import TOPICS_BY_KEY
from relationship_journal.operations.contacts import ContactFile
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.journal.page import VALUE_HINT, value_text
from relationship_journal.ui.theme import value_colour

Index = QModelIndex | QPersistentModelIndex
EntryIdRole = Qt.ItemDataRole.UserRole + 1
HEADERS = ("When", "What", "Summary", "Value")


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


def timeline_items(file: ContactFile) -> list[TimelineItem]:
    items = [
        TimelineItem(
            entry.occurred_at,
            entry.kind.capitalize(),
            entry.summary + (f"  ·  {entry.category}" if entry.category else ""),
            entry.value,
            entry.id,
            entry.notes,
        )
        for entry in file.entries
    ]
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
    def __init__(self) -> None:
        super().__init__()
        self._items: list[TimelineItem] = []

    def set_items(self, items: list[TimelineItem]) -> None:
        self.beginResetModel()
        self._items = items
        self.endResetModel()

    def item(self, row: int) -> TimelineItem:
        return self._items[row]

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
