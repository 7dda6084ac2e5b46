"""A short note at the foot of the window after an action: what happened, Undo, Open.

It listens to ``JournalContext.told``; its Undo takes back the action it speaks of and
nothing else, so it goes away as soon as anything else is done or undone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from relationship_journal.ui.actions import connect_plain
from relationship_journal.ui.context import JournalContext

SHOWN_MS = 8000


class Toast(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        self.setProperty("role", "toast")
        self.text = QLabel()
        self.text.setObjectName("toastText")
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("toastUndo")
        self.undo_button.setFlat(True)
        self.open_button = QPushButton("Open")
        self.open_button.setObjectName("toastOpen")
        self.open_button.setFlat(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 6, 12, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.open_button)
        self._undo: Callable[[], object] | None = None
        self._open: Callable[[], object] | None = None
        connect_plain(self.undo_button.clicked, self._do_undo)
        connect_plain(self.open_button.clicked, self._do_open)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._step = -1
        self.hide()

    def attach(self, context: JournalContext, open_contact: Callable[[int], None]) -> None:
        stack = context.undo_stack

        def told(text: str, undoable: bool, contact_id: object) -> None:
            self._step = stack.index()
            self.show_message(
                text,
                undo=stack.undo if undoable else None,
                open_it=(lambda: open_contact(contact_id)) if isinstance(contact_id, int) else None,
            )

        def moved(index: int) -> None:
            if index != self._step:
                self.hide()

        context.told.connect(told)
        stack.indexChanged.connect(moved)

    def show_message(
        self,
        text: str,
        undo: Callable[[], object] | None = None,
        open_it: Callable[[], object] | None = None,
    ) -> None:
        self.text.setText(text)
        self._undo, self._open = undo, open_it
        self.undo_button.setVisible(undo is not None)
        self.open_button.setVisible(open_it is not None)
        self.show()
        self._timer.start(SHOWN_MS)

    def _do_undo(self) -> None:
        self.hide()
        if self._undo is not None:
            self._undo()

    def _do_open(self) -> None:
        self.hide()
        if self._open is not None:
            self._open()
