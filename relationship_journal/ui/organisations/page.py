"""Organisations and whom the user knows there, now and before."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations import views
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.widgets import card, label


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
        self.list = QListWidget()
        self.list.setObjectName("organisationList")
        self.list.setAccessibleName("Organisations")
        self.title = label("", "title")
        self.title.setObjectName("organisationTitle")
        self.subtitle = label("", "subtitle")
        self.now_list = QListWidget()
        self.now_list.setObjectName("peopleNow")
        self.now_list.setAccessibleName("People there now")
        self.before_list = QListWidget()
        self.before_list.setObjectName("peopleBefore")
        self.before_list.setAccessibleName("People who worked there before")
        for people in (self.now_list, self.before_list):
            people.itemActivated.connect(self._open_person)
            people.itemDoubleClicked.connect(self._open_person)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.list)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(12, 0, 0, 0)
        self.brief_button = QPushButton(icon("brief"), "Meeting brief")
        self.brief_button.setObjectName("organisationBriefButton")
        self.brief_button.setToolTip("A brief for a meeting with the people there now")
        self.brief_button.clicked.connect(self._brief)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.brief_button)
        right_layout.addLayout(heading)
        right_layout.addWidget(self.subtitle)
        for heading, widget in (("Now", self.now_list), ("Before", self.before_list)):
            frame, frame_layout = card()
            frame_layout.addWidget(label(heading, "section"))
            frame_layout.addWidget(widget)
            right_layout.addWidget(frame, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([280, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        row = QHBoxLayout()
        row.addWidget(label("Organisations", "title"))
        layout.addLayout(row)
        layout.addWidget(splitter, 1)
        self.search.textChanged.connect(self.reload)
        self.list.currentItemChanged.connect(self._show_selected)

    def reload(self) -> None:
        current = self.list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current else None
        rows = views.organisations(self._context.ws, self.search.text())
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            item = QListWidgetItem(f"{row.name}  ({row.people_now})")
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(row.industry)
            self.list.addItem(item)
            if row.id == current_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self._show_selected()

    def _show_selected(self, *_args: object) -> None:
        item = self.list.currentItem()
        self.now_list.clear()
        self.before_list.clear()
        if item is None:
            self.title.setText("No organisations yet")
            self.subtitle.setText("They appear as you give contacts an organisation.")
            return
        organisation_id = int(item.data(Qt.ItemDataRole.UserRole))
        people = views.people_at_organisation(self._context.ws, organisation_id)
        self.title.setText(item.text().rsplit("  (", 1)[0])
        self.subtitle.setText(item.toolTip())
        for person in people:
            span = f"{person.started_on:%Y}" if person.started_on else "?"
            span += f"–{person.ended_on:%Y}" if person.ended_on else "–now"
            entry = QListWidgetItem(f"{person.name} — {person.title or 'role unknown'} ({span})")
            entry.setData(Qt.ItemDataRole.UserRole, person.contact_id)
            (self.now_list if person.current else self.before_list).addItem(entry)

    def select(self, organisation_id: int) -> None:
        self.search.clear()
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == organisation_id:
                self.list.setCurrentRow(row)
                return

    def _brief(self) -> None:
        ids = [
            int(self.now_list.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.now_list.count())
        ]
        if ids:
            self.brief_requested.emit(ids, self.title.text())

    def _open_person(self, item: QListWidgetItem) -> None:
        self._context.open_contact_requested.emit(int(item.data(Qt.ItemDataRole.UserRole)))
