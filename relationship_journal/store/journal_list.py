"""All journal entries, newest first, paged in SQL for the Journal view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from relationship_journal.store.models import Contact, Entry, EntryContact


@dataclass(frozen=True)
class EntryRow:
    id: int
    occurred_at: datetime
    contacts: str
    kind: str
    summary: str
    value: int
    category: str


def count_entries(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Entry)).one()


def list_entries(session: Session, offset: int, limit: int) -> list[EntryRow]:
    page = (
        select(Entry)
        .order_by(col(Entry.occurred_at).desc(), col(Entry.id).desc())
        .offset(offset)
        .limit(limit)
    )
    entries = list(session.exec(page).all())
    ids = [entry.id for entry in entries]
    names: dict[int, list[str]] = {}
    for entry_id, name in session.exec(
        select(EntryContact.entry_id, Contact.display_name)
        .join(Contact, col(Contact.id) == EntryContact.contact_id)
        .where(col(EntryContact.entry_id).in_(ids))
        .order_by(col(Contact.name_key))
    ).all():
        names.setdefault(entry_id, []).append(name)
    return [
        EntryRow(
            entry.id,  # type: ignore[arg-type]
            entry.occurred_at,
            ", ".join(names.get(entry.id, [])),  # type: ignore[arg-type]
            entry.kind,
            entry.summary,
            entry.value,
            entry.category,
        )
        for entry in entries
    ]
