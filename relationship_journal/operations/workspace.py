"""The open journal as the use cases see it: its files, the clock, and one transaction per
action, each recorded so that it can be undone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from sqlmodel import Session

from relationship_journal.domain.clock import Clock, SystemClock
from relationship_journal.paths import JournalPaths
from relationship_journal.store import undo_log
from relationship_journal.store.journal import Journal
from relationship_journal.store.undo_log import Inverse

__all__ = ["Inverse"]

T = TypeVar("T")


@dataclass(frozen=True)
class Change:
    """A committed action, by name, with what undoes it (``Workspace.replay``)."""

    label: str
    inverse: Inverse


@dataclass(frozen=True)
class Done(Generic[T]):
    """What an action returns: its result, and the change it made (None: nothing to undo)."""

    value: T
    change: Change | None


class Workspace:
    """``paths``: where this journal's files are (backups, drafts). The window makes one
    per open journal; the command line one per run."""

    def __init__(self, journal: Journal, paths: JournalPaths, clock: Clock | None = None) -> None:
        self.journal = journal
        self.paths = paths
        self.clock: Clock = clock or SystemClock()

    def read(self, query: Callable[[Session], T]) -> T:
        with self.journal.reading() as session:
            return query(session)

    def write(self, label: str, action: Callable[[Session], T]) -> Done[T]:
        """Run ``action`` in one transaction and record what undoes it."""
        with self.journal.transaction() as session:
            undo_log.begin(session)
            value = action(session)
            inverse = undo_log.take(session)
        return Done(value, Change(label, inverse) if inverse else None)

    def replay(self, inverse: Inverse) -> Inverse:
        """Undo (or redo) a change; returns what takes the replay back."""
        with self.journal.transaction() as session:
            return undo_log.replay(session, inverse)
