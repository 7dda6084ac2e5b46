"""Undo for actions people expect to take back (delete, edit)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand


class CallbackCommand(QUndoCommand):
    """An undoable action made of two callables; the first ``redo`` performs it."""

    def __init__(self, text: str, redo: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._redo = redo
        self._undo = undo

    def redo(self) -> None:
        self._redo()

    def undo(self) -> None:
        self._undo()
