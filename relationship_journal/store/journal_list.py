"""All journal entries, newest first, paged in SQL for the Journal view."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TypeVar

from sqlalchemy import func
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from relationship_journal.domain.text import fold
from relationship_journal.store.models import Contact, Entry, EntryContact

Selected = TypeVar("Selected")


@dataclass(frozen=True)
class EntryFilter:
    """Which entries the Journal lists: with whom (part of a name), what kind, which days."""

    person: str = ""
    kind: str = ""
    start: date | None = None
    end: date | None = None  # inclusive


def _local_midnight(day: date) -> datetime:
    """The start of a local day, in UTC as the journal stores times."""
    return datetime.combine(day, time(0, 0)).astimezone().astimezone(UTC)


def _filtered(query: SelectOfScalar[Selected], flt: EntryFilter) -> SelectOfScalar[Selected]:
    if flt.kind:
        query = query.where(Entry.kind == flt.kind)
    if flt.start is not None:
        query = query.where(col(Entry.occurred_at) >= _local_midnight(flt.start))
    if flt.end is not None:
        query = query.where(col(Entry.occurred_at) < _local_midnight(flt.end + timedelta(days=1)))
    if flt.person.strip():
        pattern = "%" + fold(flt.person).replace("%", "").replace("_", "") + "%"
        people = (
            select(EntryContact.entry_id)
            .join(Contact, col(Contact.id) == EntryContact.contact_id)
            .where(col(Contact.name_key).like(pattern))
        )
        query = query.where(col(Entry.id).in_(people))
    return query


@dataclass(frozen=True)
class EntryRow:
    id: int
    occurred_at: datetime
    contacts: str
    kind: str
    summary: str
    value: int
    category: str
    notes: str = ""


def count_entries(session: Session, flt: EntryFilter | None = None) -> int:
    query = select(func.count()).select_from(Entry)
    return session.exec(_filtered(query, flt or EntryFilter())).one()


def list_entries(
    session: Session, offset: int, limit: int, flt: EntryFilter | None = None
) -> list[EntryRow]:
    page = (
        _filtered(select(Entry), flt or EntryFilter())
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
    return [_entry_row(entry, names) for entry in entries]


def _entry_row(entry: Entry, names: dict[int, list[str]]) -> EntryRow:
    assert entry.id is not None  # a stored row's primary key
    return EntryRow(
        entry.id,
        entry.occurred_at,
        ", ".join(names.get(entry.id, [])),
        entry.kind,
        entry.summary,
        entry.value,
        entry.category,
        entry.notes,
    )
