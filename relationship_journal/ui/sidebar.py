"""The sidebar: search everything, and the pages to go to."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from relationship_journal.ui.icons import icon
from relationship_journal.ui.window_keys import window_keys_first

NAVIGATION = (
    ("today", "Today", "today"),
    ("contacts", "Contacts", "contacts"),
    ("organisations", "Organisations", "organisations"),
    ("journal", "Journal", "journal"),
    ("promises", "Promises", "promises"),
    ("portfolio", "Portfolio", "portfolio"),
)
WIDTH = 200


class Sidebar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sidebar")
        self.setFixedWidth(WIDTH)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setPlaceholderText("Search…  Ctrl+K")
        self.search_box.setAccessibleName("Search everything")
        window_keys_first(self.search_box)
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setAccessibleName("Navigation")
        for index, (key, text, icon_name) in enumerate(NAVIGATION):
            item = QListWidgetItem(icon(icon_name), text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{text} (Ctrl+{index + 1})")
            self.navigation.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 10, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_box)
        layout.addWidget(self.navigation, 1)
