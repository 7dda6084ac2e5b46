"""The lists the product ships and the user extends: categories, relationship types."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.taxonomy import (
    DEPOSIT_CATEGORIES,
    RELATIONSHIP_TYPES,
    WITHDRAWAL_CATEGORIES,
    Polarity,
)
from relationship_journal.operations import lists
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon

USER_ROLE = Qt.ItemDataRole.UserRole


class ListsTab(QWidget):
    def __init__(self, context: JournalContext) -> None:
        super().__init__()
        self._context = context
        self.categories = QListWidget()
        self.categories.setObjectName("categoryList")
        self.new_category = QLineEdit()
        self.new_category.setObjectName("newCategory")
        self.new_category.setPlaceholderText("A category of your own")
        self.polarity = QComboBox()
        self.polarity.setObjectName("newCategoryPolarity")
        self.polarity.addItem("deposit")
        self.polarity.addItem("withdrawal")
        add_category = QPushButton("Add")
        add_category.setObjectName("addCategory")
        add_category.clicked.connect(self._add_category)
        remove_category = QPushButton("Remove")
        remove_category.clicked.connect(
            lambda: self._remove(self.categories, lists.remove_category)
        )
        self.types = QListWidget()
        self.types.setObjectName("relationshipTypeList")
        self.new_type = QLineEdit()
        self.new_type.setObjectName("newRelationshipType")
        self.new_type.setPlaceholderText("A relationship of your own (board member…)")
        add_type = QPushButton("Add")
        add_type.clicked.connect(self._add_type)
        remove_type = QPushButton("Remove")
        remove_type.clicked.connect(
            lambda: self._remove(self.types, lists.remove_relationship_type)
        )

        categories = QGroupBox("Deposit and withdrawal categories")
        category_layout = QVBoxLayout(categories)
        category_layout.addWidget(self.categories)
        row = QHBoxLayout()
        row.addWidget(self.new_category, 1)
        row.addWidget(self.polarity)
        row.addWidget(add_category)
        row.addWidget(remove_category)
        category_layout.addLayout(row)
        types = QGroupBox("Relationship to me")
        type_layout = QVBoxLayout(types)
        type_layout.addWidget(self.types)
        row = QHBoxLayout()
        row.addWidget(self.new_type, 1)
        row.addWidget(add_type)
        row.addWidget(remove_type)
        type_layout.addLayout(row)
        layout = QHBoxLayout(self)
        layout.addWidget(categories, 3)
        layout.addWidget(types, 2)
        self.reload()

    def reload(self) -> None:
        self.categories.clear()
        for name in DEPOSIT_CATEGORIES:
            self._item(self.categories, name, None, "add")
        for name in WITHDRAWAL_CATEGORIES:
            self._item(self.categories, name, None, "minus")
        for polarity, sign in ((Polarity.DEPOSIT, "add"), (Polarity.WITHDRAWAL, "minus")):
            for name in lists.own_categories(self._context.ws, polarity):
                self._item(self.categories, f"{name} (yours)", name, sign)
        self.types.clear()
        for name in RELATIONSHIP_TYPES:
            self._item(self.types, name, None)
        for name in lists.own_relationship_types(self._context.ws):
            self._item(self.types, f"{name} (yours)", name)

    def _item(
        self, widget: QListWidget, text: str, own: str | None, sign: str | None = None
    ) -> None:
        item = QListWidgetItem(text)
        if sign is not None:  # a deposit (+) or a withdrawal (−)
            item.setIcon(icon(sign))
            item.setToolTip("A deposit" if sign == "add" else "A withdrawal")
        item.setData(USER_ROLE, own)
        widget.addItem(item)

    def _add_category(self) -> None:
        name, polarity = self.new_category.text(), self.polarity.currentText()
        self._context.do(lists.add_category, name, Polarity(polarity))
        self.new_category.clear()
        self.reload()

    def _add_type(self) -> None:
        name = self.new_type.text()
        self._context.do(lists.add_relationship_type, name)
        self.new_type.clear()
        self.reload()

    def _remove(self, widget: QListWidget, remove: Callable[[Workspace, str], Done[None]]) -> None:
        item = widget.currentItem()
        own = item.data(USER_ROLE) if item is not None else None
        if own:
            self._context.do(remove, own)
            self.reload()
