"""Desktop notifications as use cases: what is due and not yet announced, and remembering an
announcement once a notification service accepted it. Shared by the window and ``notify``.

The record lives in the journal (not in window preferences), so the command line and the
window see the same one; it is not the user's data and is never undone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from relationship_journal.domain.moments import Moment
from relationship_journal.domain.notices import notice_key
from relationship_journal.operations import agenda
from relationship_journal.operations.workspace import Workspace
from relationship_journal.store import notices as store


def fresh(ws: Workspace, at: datetime) -> list[Moment]:
    """Moments due for notice at ``at`` (local time) that were never announced."""
    due = agenda.due_for_notice(ws, at)
    if not due:
        return []
    already = ws.read(store.announced)
    return [m for m in due if notice_key(m) not in already]


def record(ws: Workspace, moments: Iterable[Moment], at: datetime) -> None:
    """Marks ``moments`` announced: call only once a service accepted the notification."""
    keys = [notice_key(m) for m in moments]
    ws.write("Notifications", lambda s: store.remember(s, keys, at.date()))


def remember_keys(ws: Workspace, keys: Iterable[str], at: datetime) -> None:
    """Announcements recorded elsewhere before (older versions kept them per computer)."""
    chosen = list(keys)
    if chosen:
        ws.write("Notifications", lambda s: store.remember(s, chosen, at.date()))


def look(ws: Workspace, at: datetime) -> bool:
    """True at the first check ever (nothing was "since"); notes that one."""

    if ws.read(store.last_check) is not None:
        return False
    ws.write("Notifications", lambda s: store.set_last_check(s, at))
    return True
