"""Promises both ways: made, kept, broken, and the lists of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from relationship_journal.domain.promises import DUE_SOON_DAYS, is_overdue
from relationship_journal.domain.records import PromiseRecord
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store.promises import add_promise, promise_list, set_promise_status
from relationship_journal.store.records import promise_record

VIEWS = ("Open", "Due soon", "Overdue", "Kept", "Broken")


@dataclass(frozen=True)
class PromiseRow:
    promise: PromiseRecord
    contact: str  # the contact's name
    overdue: bool


def make(ws: Workspace, contact_id: int, text: str, owner: str, due_on: date | None) -> Done[None]:
    today = ws.clock.today()

    def save(session: Session) -> None:
        add_promise(session, contact_id, text, owner, today, due_on)

    return ws.write("Add promise", save)


def resolve(ws: Workspace, promise_id: int, status: str) -> Done[PromiseRecord]:
    """Mark a promise kept or broken."""
    today = ws.clock.today()
    return ws.write(
        "Promise kept" if status == "kept" else "Promise broken",
        lambda s: promise_record(set_promise_status(s, promise_id, status, today)),
    )


def rows(ws: Workspace, view: str) -> list[PromiseRow]:
    """The promises a view of the Promises page lists, soonest due first."""
    today = ws.clock.today()
    status = view.lower() if view in ("Kept", "Broken") else "open"
    due_from = today if view == "Due soon" else None
    due_until = (
        today + timedelta(days=DUE_SOON_DAYS)
        if view == "Due soon"
        else today - timedelta(days=1)
        if view == "Overdue"
        else None
    )
    found = ws.read(lambda s: promise_list(s, status, due_from, due_until))
    return [
        PromiseRow(promise_record(p), name, is_overdue(p.due_on, today, p.status))
        for p, name in found
    ]
