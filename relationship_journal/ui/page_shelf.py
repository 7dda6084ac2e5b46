"""The window's pages, each built the first time it is wanted.

Starting the app builds only the page on show (Today); the others, and the modules behind
them, wait until the user goes there or a command needs them. Until then the stack holds an
empty stand-in at the page's place, so page numbers never change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QStackedWidget, QWidget

PageMaker = Callable[[], QWidget]


class PageShelf:
    def __init__(self, stack: QStackedWidget, makers: Sequence[PageMaker]) -> None:
        self._stack = stack
        self._makers = list(makers)
        self._built: dict[int, QWidget] = {}
        for _maker in self._makers:
            stack.addWidget(QWidget())

    def built(self, index: int) -> bool:
        return index in self._built

    def page(self, index: int) -> QWidget:
        """The page at ``index``, built and put in its place if this is its first time."""
        page = self._built.get(index)
        if page is not None:
            return page
        page = self._makers[index]()
        self._built[index] = page
        stand_in = self._stack.widget(index)
        showing = self._stack.currentWidget()
        # Swapped without a word to listeners: the page on show does not change.
        self._stack.blockSignals(True)
        try:
            self._stack.insertWidget(index, page)
            self._stack.removeWidget(stand_in)
            self._stack.setCurrentWidget(page if showing is stand_in else showing)
        finally:
            self._stack.blockSignals(False)
        stand_in.deleteLater()
        return page
