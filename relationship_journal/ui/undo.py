"""Undo and redo of journal changes: each user action is one step on the undo stack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from relationship_journal.operations.workspace import Change, Inverse

Replay = Callable[[Inverse], Inverse]


class JournalChange(QUndoCommand):
    """A committed action. Undo replays the rows it changed as they were; the replay itself
    records what redoes it, so the step can go back and forth any number of times."""

    def __init__(self, change: Change, replay: Replay) -> None:
        super().__init__(change.label)
        self._inverse = change.inverse
        self._replay = replay
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # pushing the step must not do the action a second time
            return
        self._swap()

    def undo(self) -> None:
        self._swap()

    def _swap(self) -> None:
        try:
            self._inverse = self._replay(self._inverse)
        except Exception:
            # The rows changed under the step (another process, a restore): it can no longer
            # be taken back; the stack drops it and the error is reported as usual.
            self.setObsolete(True)
            raise
