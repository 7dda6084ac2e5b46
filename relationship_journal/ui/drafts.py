"""Text being typed survives a crash: editors save a draft as the user types, and the app
offers it back on the next start. A draft is dropped once its text is saved or discarded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer

from relationship_journal.operations.drafts import Draft, DraftStore

SAVE_DELAY_MS = 400


class DraftKeeper(QObject):
    """Saves an editor's fields shortly after each change."""

    def __init__(self, store: DraftStore | None, key: str, collect: Any, parent: QObject) -> None:
        super().__init__(parent)
        self.store = store
        self.key = key
        self._collect = collect
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save_now)

    def changed(self, *_args: object) -> None:
        if self.store is not None:
            self._timer.start()

    def save_now(self) -> None:
        self._timer.stop()
        if self.store is not None:
            fields = self._collect()
            if any(str(value).strip() for value in fields.values()):
                self.store.save(self.key, fields)

    def restore(self) -> Draft | None:
        return self.store.load(self.key) if self.store is not None else None

    def discard(self) -> None:
        self._timer.stop()
        if self.store is not None:
            self.store.discard(self.key)
