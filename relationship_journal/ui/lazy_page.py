"""Pages that load their data when first shown and refresh only while visible.

Starting the app then costs only the page the user sees; a change made elsewhere marks
hidden pages stale, and they reload when shown again.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from relationship_journal.ui.context import JournalContext


class LazyPage(QWidget):
    def __init__(self, context: JournalContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True
        context.changed.connect(self._journal_changed)

    def reload(self) -> None:  # pragma: no cover - every page defines it
        raise NotImplementedError

    def ensure_loaded(self) -> None:
        if self._stale:
            self._stale = False
            self.reload()

    def _journal_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            self.ensure_loaded()

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_loaded()
        super().showEvent(event)
