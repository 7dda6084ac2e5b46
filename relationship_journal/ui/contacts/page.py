"""The contacts view: filter as you type, by tag, stage, tier or drifting; bulk actions."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.domain.stages import BUILTIN_MODELS
from relationship_journal.domain.taxonomy import TIERS
from relationship_journal.domain.wording import count_of
from relationship_journal.operations import contacts
from relationship_journal.operations.contacts import ContactFilter
from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.contacts.columns import FittedColumns
from relationship_journal.ui.contacts.model import ContactIdRole, ContactsTableModel
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import icon
from relationship_journal.ui.lazy_page import LazyPage
from relationship_journal.ui.widgets import empty_state, label
from relationship_journal.ui.window_keys import window_keys_first

ANY = "Any"
FILTER_DELAY_MS = 120


class ContactsPage(LazyPage):
    new_contact_requested = Signal()

    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("contactsPage")
        self._context = context
        self.model = ContactsTableModel(context)
        # A contact opened before the list was first read: selected once it is.
        self._select_when_loaded: int | None = None
        self._build_filters()
        self._build_buttons()
        self._build_table()
        self._lay_out(self._build_empty_state())
        self._connect()

    def _build_filters(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setPlaceholderText("Filter by name or organisation…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Filter contacts")
        window_keys_first(self.search)
        self.tag_box = self._combo("tagFilter", "Filter by tag")
        self.stage_box = self._combo("stageFilter", "Filter by stage")
        self.tier_box = self._combo("tierFilter", "Filter by tier")
        for model in BUILTIN_MODELS:
            for stage in model.stages:
                self.stage_box.addItem(stage)
        for tier in TIERS:
            self.tier_box.addItem(tier)
        self.drifting = QCheckBox("Drifting")
        self.drifting.setObjectName("driftingFilter")
        self.drifting.setToolTip("No interaction for longer than their stay-in-touch cadence")
        self.trash = QCheckBox("Trash")
        self.trash.setObjectName("trashFilter")
        self.trash.setToolTip("Deleted contacts, which can be restored")

    def _build_buttons(self) -> None:
        self.new_button = QPushButton(icon("add"), "New contact")
        self.new_button.setObjectName("newContactButton")
        self.new_button.setToolTip("New contact (Ctrl+N)")
        self.tag_button = QPushButton(icon("tag"), "Tag…")
        self.tag_button.setObjectName("bulkTagButton")
        self.tag_button.setToolTip("Add a tag to the selected contacts")
        self.delete_button = QPushButton(icon("delete"), "Delete")
        self.delete_button.setObjectName("bulkDeleteButton")
        self.delete_button.setToolTip("Move the selected contacts to the trash (Del)")
        self.restore_button = QPushButton(icon("restore"), "Restore")
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setVisible(False)

    def _build_table(self) -> None:
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName("Contacts")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(30)
        self.columns = FittedColumns(self.table)
        self.table.doubleClicked.connect(self._open_index)

    def _build_empty_state(self) -> QWidget:
        """What shows instead of the table when nobody is listed."""
        self.empty = empty_state("")
        self.empty.setObjectName("contactsEmpty")
        self.empty_button = QPushButton(icon("add"), "Add your first contact")
        self.empty_button.setObjectName("emptyNewContact")
        self.empty_button.clicked.connect(self.new_contact_requested)
        empty_box = QWidget()
        empty_layout = QVBoxLayout(empty_box)
        empty_layout.addStretch()
        empty_layout.addWidget(self.empty)
        empty_layout.addWidget(self.empty_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.clear_button = QPushButton("Clear filters")
        self.clear_button.setObjectName("clearFilters")
        connect_plain(self.clear_button.clicked, self.clear_filters)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        empty_layout.addStretch()
        return empty_box

    def _lay_out(self, empty_box: QWidget) -> None:
        filters = QHBoxLayout()
        filters.addWidget(label("Tag"))
        filters.addWidget(self.tag_box, 1)
        filters.addWidget(label("Stage"))
        filters.addWidget(self.stage_box, 1)
        filters.addWidget(label("Tier"))
        filters.addWidget(self.tier_box, 1)
        filters.addWidget(self.drifting)
        filters.addWidget(self.trash)
        actions = QHBoxLayout()
        self.count_label = label("", "muted")
        self.count_label.setObjectName("contactCount")
        actions.addWidget(self.count_label)
        actions.addStretch()
        for button in (self.new_button, self.tag_button, self.delete_button, self.restore_button):
            actions.addWidget(button)

        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(empty_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        # The name filter beside the title, so that the row of filters fits a narrow window
        # and the hint in the field can be read.
        title_row = QHBoxLayout()
        title_row.addWidget(label("Contacts", "title"))
        title_row.addStretch(1)
        title_row.addWidget(self.search, 2)
        layout.addLayout(title_row)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addLayout(self.stack, 1)

    def _connect(self) -> None:
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)
        self._filter_timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._filter_timer.start)
        self.search.installEventFilter(self)
        for box in (self.tag_box, self.stage_box, self.tier_box):
            box.currentIndexChanged.connect(self.apply_filter)
        self.drifting.toggled.connect(self.apply_filter)
        self.trash.toggled.connect(self.apply_filter)
        self.new_button.clicked.connect(self.new_contact_requested)
        self.tag_button.clicked.connect(self.tag_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.table.selectionModel().selectionChanged.connect(self._update_selection_buttons)
        # Keys of the list itself: only while it has the focus, not while typing a filter.
        for key, slot in (
            (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_selected),
            (QKeySequence(Qt.Key.Key_Return), self._open_current),
            (QKeySequence(Qt.Key.Key_Enter), self._open_current),
        ):
            shortcut = QShortcut(key, self.table, slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _combo(self, name: str, accessible: str) -> QComboBox:
        box = QComboBox()
        box.setObjectName(name)
        box.setAccessibleName(accessible)
        box.addItem(ANY)
        box.setMinimumContentsLength(8)
        return box

    # --- filtering ---------------------------------------------------------------------------

    def _choice(self, box: QComboBox) -> str | None:
        text = box.currentText()
        return None if text == ANY else text

    def show_drifting(self) -> None:
        """Every drifting contact and nobody else: the list Today's drifting count opens."""
        self._reset_filters(keep_text=False)
        self.drifting.setChecked(True)
        self.apply_filter()

    def clear_filters(self) -> None:
        self.forget_filters()
        self.focus_search()

    def forget_filters(self) -> None:
        """Every filter back to everyone, the keyboard left where it is."""
        self._reset_filters(keep_text=False)
        self.apply_filter()

    def _reset_filters(self, keep_text: bool) -> None:
        if not keep_text:
            # Not with its signals blocked: its clear button hides only when told.
            self.search.clear()
            self._filter_timer.stop()  # the caller filters at once
        widgets = (self.search, self.tag_box, self.stage_box, self.tier_box, self.drifting)
        for widget in (*widgets, self.trash):
            widget.blockSignals(True)
        for box in (self.tag_box, self.stage_box, self.tier_box):
            box.setCurrentIndex(0)
        self.drifting.setChecked(False)
        self.trash.setChecked(False)
        for widget in (*widgets, self.trash):
            widget.blockSignals(False)

    def apply_filter(self) -> None:
        self._filter_timer.stop()
        flt = ContactFilter(
            text=self.search.text(),
            tag=self._choice(self.tag_box),
            stage=self._choice(self.stage_box),
            tier=self._choice(self.tier_box),
            drifting=self.drifting.isChecked(),
            trash=self.trash.isChecked(),
        )
        self.model.set_filter(flt)
        self._update_state()

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        tags = contacts.all_tags(self._context.ws)
        current = self.tag_box.currentText()
        self.tag_box.blockSignals(True)
        self.tag_box.clear()
        self.tag_box.addItem(ANY)
        self.tag_box.addItems(tags)
        self.tag_box.setCurrentText(current if current in tags else ANY)
        self.tag_box.blockSignals(False)
        self.model.reload()
        if self._select_when_loaded is not None:
            contact_id, self._select_when_loaded = self._select_when_loaded, None
            self.select_contact(contact_id)
        self._update_state()

    def _update_selection_buttons(self, *_args: object) -> None:
        """Tag, Delete and Restore act on the chosen contacts: only with some chosen."""
        chosen = self.table.selectionModel().hasSelection()
        for button in (self.tag_button, self.delete_button, self.restore_button):
            button.setEnabled(chosen)

    def _update_state(self) -> None:
        count = self.model.rowCount()
        flt = self.model.current_filter
        filtered = bool(flt.text or flt.tag or flt.stage or flt.tier or flt.drifting)
        self.count_label.setText(f"{count:,} contact{'s' if count != 1 else ''}")
        in_trash = flt.trash
        self.restore_button.setVisible(in_trash)
        self.tag_button.setVisible(not in_trash)
        self.delete_button.setText("Delete for ever" if in_trash else "Delete")
        self._update_selection_buttons()
        if count:
            self.stack.setCurrentIndex(0)
            return
        if in_trash:
            self.empty.setText("The trash is empty.")
            self.empty_button.setVisible(False)
        elif filtered:
            looked_for = f" “{flt.text}”" if flt.text else ""
            self.empty.setText(f"No contact matches{looked_for} with these filters.")
            self.empty_button.setVisible(False)
        else:
            self.empty.setText(
                "No contacts yet. Add the people who matter to your work, "
                "or import them from your phone or mail program (File → Import)."
            )
            self.empty_button.setVisible(True)
        self.clear_button.setVisible(filtered or in_trash)
        self.stack.setCurrentIndex(1)

    # --- selection and actions ---------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.contact_id(row) for row in rows]

    def focus_search(self) -> None:
        """Find a contact: by name, among everyone (other filters are put aside)."""
        self._reset_filters(keep_text=True)
        self.apply_filter()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # From the filter field: Enter opens the first match, Down goes into the list.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                if self._filter_timer.isActive():
                    self.apply_filter()
                if not self.model.rowCount():
                    return True
                self.table.selectRow(0)
                if event.key() == Qt.Key.Key_Down:
                    self.table.setFocus()
                else:
                    self._open_current()
                return True
        return super().eventFilter(watched, event)

    def _open_index(self, index: QModelIndex) -> None:
        self._context.open_contact_requested.emit(int(index.data(ContactIdRole)))

    def _open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._open_index(index)

    def select_contact(self, contact_id: int) -> None:
        if not self.model.loaded:
            self._select_when_loaded = contact_id
            return
        row = self.model.row_of(contact_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )

    def neighbour_of(self, contact_id: int, step: int) -> int | None:
        """The contact before or after ``contact_id`` in the list as filtered and sorted."""
        self.ensure_loaded()
        row = self.model.row_of(contact_id)
        if row is None:
            return None
        target = row + step
        if 0 <= target < self.model.rowCount():
            return self.model.contact_id(target)
        return None

    def tag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        name, ok = QInputDialog.getText(
            self, "Tag contacts", f"Tag for {count_of(len(ids), 'contact')}:"
        )
        if ok and name.strip():
            self._context.do(contacts.tag, ids, name.strip())

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        if self.model.current_filter.trash:
            self._purge(ids)
            return
        who = self._who(ids)
        self._context.do(contacts.trash, ids)
        self._context.tell(f"Moved {who} to the trash")

    def _who(self, ids: list[int]) -> str:
        """The one selected person's name, or how many people."""
        if len(ids) == 1:
            row = self.model.row_of(ids[0])
            if row is not None:
                return str(self.model.index(row, 0).data())
        return count_of(len(ids), "contact")

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            who = self._who(ids)
            self._context.do(contacts.restore, ids)
            self._context.tell(f"Restored {who}")

    def _purge(self, ids: list[int]) -> None:
        answer = QMessageBox.question(
            self,
            "Delete for ever",
            f"Delete {count_of(len(ids), 'contact')} and all their history for ever? "
            "Until you quit, Edit → Undo can still bring them back.",
        )
        if answer == QMessageBox.StandardButton.Yes:
            who = self._who(ids)
            self._context.do(contacts.purge, ids)
            self._context.tell(f"Deleted {who} for ever")
