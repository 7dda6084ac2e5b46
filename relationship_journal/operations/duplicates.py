"""One person once: finding contacts that may be the same person, merging them, or saying
they are two."""

from __future__ import annotations

from collections.abc import Collection

from sqlmodel import Session

from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.duplicates import LikelyPair, likely_pairs, mark_distinct
from relationship_journal.store.merge import FieldPair, compare, merge_contacts
from relationship_journal.store.models import Contact

__all__ = ["FieldPair", "LikelyPair"]


def find(ws: Workspace, limit: int = 500) -> list[LikelyPair]:
    return ws.read(lambda s: likely_pairs(s, limit))


def side_by_side(ws: Workspace, keep_id: int, other_id: int) -> list[FieldPair]:
    return ws.read(lambda s: compare(s, keep_id, other_id))


def merge(
    ws: Workspace, keep_id: int, other_id: int, take_other: Collection[str] = ()
) -> Done[str]:
    """Fold ``other_id`` into ``keep_id`` in one undoable step; returns the merged name."""
    now = ws.clock.now()

    def run(session: Session) -> str:
        merge_contacts(session, keep_id, other_id, take_other, now)
        return _name(session, keep_id)

    names = ws.read(lambda s: [_name(s, keep_id), _name(s, other_id)])
    return ws.write(f"Merge {names[1]} into {names[0]}", run)


def not_the_same(ws: Workspace, one: int, other: int) -> Done[None]:
    now = ws.clock.now()
    return ws.write("Not the same person", lambda s: mark_distinct(s, one, other, now))


def _name(session: Session, contact_id: int) -> str:
    contact = session.get(Contact, contact_id)
    return contact.display_name if contact else f"#{contact_id}"
