"""The filter row of the Journal and Promises lists: a person, a kind, a range of days."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from relationship_journal.domain.dates import DateError
from relationship_journal.ui.dates import DayEdit
from relationship_journal.ui.theme import WITHDRAWAL


@dataclass(frozen=True)
class ListFilter:
    person: str = ""
    kind: str = ""  # the kind's data, "" for any
    start: date | None = None
    end: date | None = None

    def is_empty(self) -> bool:
        return self == ListFilter()


class FilterBar(QWidget):
    """Emits ``changed`` a moment after the person is typed, at once for the rest."""

    changed = Signal()

    def __init__(
        self,
        name: str,
        kind_label: str,
        kinds: list[tuple[str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.person = QLineEdit()
        self.person.setObjectName(f"{name}Person")
        self.person.setPlaceholderText("Person…")
        self.person.setAccessibleName("Person")
        self.person.setToolTip("Show only those with someone whose name contains this")
        self.person.setClearButtonEnabled(True)
        self.kind = QComboBox()
        self.kind.setObjectName(f"{name}Kind")
        self.kind.setAccessibleName(kind_label)
        self.kind.setToolTip(kind_label)
        self.kind.addItem("Any", "")
        for text, value in kinds:
            self.kind.addItem(text, value)
        self.start = DayEdit(f"{name}From", placeholder="any day")
        self.end = DayEdit(f"{name}To", placeholder="any day")
        for field in (self.start, self.end):
            field.edit.setMaximumWidth(120)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(250)
        self._typing.timeout.connect(self.changed)
        self.person.textChanged.connect(lambda _text: self._typing.start())
        self.kind.currentIndexChanged.connect(lambda _index: self.changed.emit())
        self.start.changed.connect(self.changed)
        self.end.changed.connect(self.changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.person, 1)
        layout.addWidget(QLabel(kind_label))
        layout.addWidget(self.kind)
        layout.addWidget(QLabel("From"))
        layout.addWidget(self.start)
        layout.addWidget(QLabel("to"))
        layout.addWidget(self.end)

    def clear(self) -> None:
        """Everyone, of any kind, on any day: one ``changed`` when done."""
        for widget in (self.person, self.kind, self.start, self.end):
            widget.blockSignals(True)
        self.person.clear()
        self.kind.setCurrentIndex(0)
        self.start.clear()
        self.end.clear()
        for widget in (self.person, self.kind, self.start, self.end):
            widget.blockSignals(False)
        self._typing.stop()
        self.changed.emit()

    def value(self) -> ListFilter:
        return ListFilter(
            self.person.text().strip(),
            str(self.kind.currentData() or ""),
            _day_or_none(self.start),
            _day_or_none(self.end),
        )


def _day_or_none(field: DayEdit) -> date | None:
    """The day typed, or None while the text is not (yet) a day, marked as such."""
    try:
        day = field.day()
    except DateError as error:
        field.edit.setStyleSheet(f"color: {WITHDRAWAL};")
        field.edit.setToolTip(str(error))
        return None
    field.edit.setStyleSheet("")
    return day
