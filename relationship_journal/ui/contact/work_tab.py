"""Where a contact has worked, and the people they are linked to."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations.contacts import ContactFile
from relationship_journal.ui.icons import icon
from relationship_journal.ui.widgets import card, esc, label, scrolled, text_card


class WorkTab(QWidget):
    open_requested = Signal(int)  # another contact's id
    add_link_requested = Signal()
    remove_link_requested = Signal(int)  # a link's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        inner = QWidget()
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(0, 12, 6, 6)
        layout.setSpacing(14)
        jobs_card, self.jobs_text = text_card("Work history", "jobsText")
        links_card, links_layout = card()
        links_layout.addWidget(label("People they are linked to", "section"))
        self.links_list = QListWidget()
        self.links_list.setObjectName("linksList")
        self.links_list.setAccessibleName("Links to other contacts")
        self.links_list.setMinimumHeight(120)
        self.links_list.itemActivated.connect(self._open_link)
        self.links_list.itemDoubleClicked.connect(self._open_link)
        add_link = QPushButton(icon("add"), "Add link…")
        add_link.setObjectName("addLinkButton")
        add_link.clicked.connect(lambda: self.add_link_requested.emit())
        remove_link = QPushButton(icon("delete"), "Remove link")
        remove_link.setObjectName("removeLinkButton")
        remove_link.clicked.connect(self._remove_link)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(add_link)
        buttons.addWidget(remove_link)
        links_layout.addWidget(self.links_list)
        links_layout.addLayout(buttons)
        layout.addWidget(jobs_card)
        layout.addWidget(links_card)
        layout.addStretch()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scrolled(inner))

    def show_file(self, file: ContactFile) -> None:
        if file.jobs:
            lines = []
            for job in file.jobs:
                end = f"{job.ended_on:%b %Y}" if job.ended_on else "now"
                if job.started_on:
                    span = f"{job.started_on:%b %Y} – {end}"
                else:  # where they work, not since when
                    span = f"until {end}" if job.ended_on else "current"
                lines.append(
                    f"<b>{esc(job.organisation)}</b> — {esc(job.title) or 'role unknown'} "
                    f"<span style='color: gray;'>{span}</span>"
                )
            self.jobs_text.setText("<br>".join(lines))
        else:
            self.jobs_text.setText("<span style='color: gray;'>No jobs recorded.</span>")
        self.links_list.clear()
        for link in file.links:
            item = QListWidgetItem(f"{link.relation.capitalize()} {link.other_name}")
            item.setData(Qt.ItemDataRole.UserRole, (link.id, link.other_id))
            self.links_list.addItem(item)
        if not file.links:
            self.links_list.addItem("No links yet: who do they report to, work with, know?")

    def _open_link(self, item: QListWidgetItem) -> None:
        data = item.data(Qt.ItemDataRole.UserRole)
        if data:
            self.open_requested.emit(int(data[1]))

    def _remove_link(self) -> None:
        item = self.links_list.currentItem()
        data = item.data(Qt.ItemDataRole.UserRole) if item else None
        if data:
            self.remove_link_requested.emit(int(data[0]))
