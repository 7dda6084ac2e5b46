"""Search everything as you type, grouped by kind, matched words in bold; Enter opens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from relationship_journal.operations import photos, views
from relationship_journal.operations.views import HitKind, SearchHit, plain
from relationship_journal.ui.avatar import face
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import day_text
from relationship_journal.ui.search.hit_text import HitText

TYPING_DELAY_MS = 40
FACE_SIZE = 28
HitRole = Qt.ItemDataRole.UserRole + 1


def _hit_widget(hit: SearchHit, faces: dict[int, bytes]) -> QWidget:
    """One result: its face (for a contact), the title and, below, the subtitle."""
    detail = hit.detail
    if hit.day is not None:  # written as the rest of the window writes dates
        detail = detail.replace(hit.day.isoformat(), day_text(hit.day))
    text = HitText(hit.title, detail)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(12, 3, 6, 3)
    layout.setSpacing(8)
    if hit.kind is HitKind.CONTACT:
        picture = QLabel()
        picture.setObjectName("hitFace")
        picture.setPixmap(face(plain(hit.title), faces.get(hit.ref_id), FACE_SIZE))
        layout.addWidget(picture)
    layout.addWidget(text, 1)
    return row


def _mark_selected(results: QListWidget, item: QListWidgetItem | None, selected: bool) -> None:
    row = results.itemWidget(item) if item is not None else None
    text = row.findChild(HitText) if row is not None else None
    if text is not None:
        text.set_selected(selected)


HIT_TABS = {HitKind.ENTRY: "timeline", HitKind.PROFILE: "profile"}


class QuickSwitcher(QDialog):
    """Ctrl+K: find a contact, organisation, profile answer or entry and jump to it."""

    organisation_chosen = Signal(int)
    searched = Signal()  # the results on show are those of the text in the field

    def __init__(self, parent: QWidget | None, context: JournalContext) -> None:
        super().__init__(parent)
        self.setObjectName("quickSwitcher")
        self.setWindowTitle("Search")
        self.resize(620, 460)
        self._context = context
        self.hits: list[SearchHit] = []
        self.field = QLineEdit()
        self.field.setObjectName("searchField")
        self.field.setAccessibleName("Search everything")
        self.field.setPlaceholderText("Name, organisation, anything you wrote…")
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget()
        self.results.setObjectName("searchResults")
        self.results.setAccessibleName("Search results")
        self.results.setAlternatingRowColors(False)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.currentItemChanged.connect(
            lambda now, before: (
                _mark_selected(self.results, before, False),
                _mark_selected(self.results, now, True),
            )
        )
        self.status = QLabel()
        self.status.setObjectName("searchStatus")
        self.status.setProperty("role", "muted")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self.run_search)
        self.field.textChanged.connect(self._timer.start)
        self.field.installEventFilter(self)
        # Each row follows the list's width, narrower too, so its text is cut afresh.
        self.results.viewport().installEventFilter(self)
        self.results.itemActivated.connect(self._activate)
        self.results.itemClicked.connect(self._activate)

    def run_search(self) -> None:
        self._timer.stop()
        text = self.field.text()
        self.hits = views.find(self._context.ws, text)
        self.results.clear()
        groups: dict[HitKind, list[SearchHit]] = {}
        for hit in self.hits:
            groups.setdefault(hit.kind, []).append(hit)
        first_hit: QListWidgetItem | None = None
        people = [hit.ref_id for hit in groups.get(HitKind.CONTACT, [])]
        faces = photos.photos(self._context.ws, people)
        for kind in HitKind:
            if kind not in groups:
                continue
            # A kind with as many results as are read may have more: say so.
            full = len(groups[kind]) >= views.SEARCH_PER_KIND
            heading = QListWidgetItem(
                f"{kind.label} — the first {views.SEARCH_PER_KIND}; type more to narrow"
                if full
                else kind.label
            )
            heading.setFlags(Qt.ItemFlag.NoItemFlags)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            self.results.addItem(heading)
            for hit in groups[kind]:
                item = QListWidgetItem()
                item.setData(HitRole, hit)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, hit.title)
                row = _hit_widget(hit, faces)
                # As tall as the row asks, as wide as the list: long subtitles are cut.
                item.setSizeHint(QSize(0, row.sizeHint().height()))
                self.results.addItem(item)
                self.results.setItemWidget(item, row)
                first_hit = first_hit or item
        if first_hit is not None:
            self.results.setCurrentItem(first_hit)
        count = len(self.hits)
        self.status.setText(
            ""
            if not text.strip()
            else f"{count} result{'s' if count != 1 else ''}"
            if count
            else "Nothing found"
        )
        self.searched.emit()

    def _move(self, step: int) -> None:
        row = self.results.currentRow()
        while 0 <= row + step < self.results.count():
            row += step
            if self.results.item(row).flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(row)
                return

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched == self.results.viewport() and event.type() == QEvent.Type.Resize:
            QTimer.singleShot(0, self._fit_rows)  # once the list has laid itself out
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down:
                self._move(1)
                return True
            if event.key() == Qt.Key.Key_Up:
                self._move(-1)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                item = self.results.currentItem()
                if item is not None:
                    self._activate(item)
                return True
        return super().eventFilter(watched, event)

    def _fit_rows(self) -> None:
        width = self.results.viewport().width()
        for number in range(self.results.count()):
            row = self.results.itemWidget(self.results.item(number))
            if row is not None and row.width() != width:
                row.resize(width, row.height())

    def _activate(self, item: QListWidgetItem) -> None:
        hit = item.data(HitRole)
        if not isinstance(hit, SearchHit):
            return
        if hit.kind is HitKind.ORGANISATION:
            self.organisation_chosen.emit(hit.ref_id)
        elif hit.contact_id is not None and hit.kind in HIT_TABS:
            # What was found is shown: an entry on the timeline, an answer in the profile.
            self._context.open_contact_at_requested.emit(hit.contact_id, HIT_TABS[hit.kind])
        elif hit.contact_id is not None:
            self._context.open_contact_requested.emit(hit.contact_id)
        self.accept()
