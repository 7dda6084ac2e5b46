"""Journal entries and the per-contact balance they keep up to date in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import and_, delete, or_
from sqlmodel import Session, col, select

from relationship_journal.domain import ledger
from relationship_journal.domain.dates import DateError, check_year
from relationship_journal.domain.records import EntryRecord
from relationship_journal.domain.taxonomy import INTERACTION_KINDS
from relationship_journal.domain.text import clean_block, clean_line
from relationship_journal.store import balances
from relationship_journal.store.balances import recent_sums
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.models import Contact, Entry, EntryContact


@dataclass
class EntryDraft:
    contact_ids: list[int]
    occurred_at: datetime
    summary: str
    kind: str = "note"
    notes: str = ""
    value: int = 0
    category: str = ""
    follow_up_on: date | None = None

    def cleaned(self) -> EntryDraft:
        summary = clean_line(self.summary)
        if not summary:
            raise InvalidInputError("an entry needs a summary")
        if not self.contact_ids:
            raise InvalidInputError("an entry needs at least one contact")
        if self.kind not in INTERACTION_KINDS:
            raise InvalidInputError(
                f"kind must be one of {', '.join(INTERACTION_KINDS)}, not '{self.kind}'"
            )
        try:
            ledger.EntryValue.of(self.value)
        except ValueError as error:
            raise InvalidInputError(str(error)) from None
        try:
            check_year(self.occurred_at.year)
            if self.follow_up_on is not None:
                check_year(self.follow_up_on.year)
        except DateError as error:
            raise InvalidInputError(str(error)) from None
        # Stored as UTC, as every time in the journal is (a naive time is taken as UTC).
        occurred_at = self.occurred_at
        if occurred_at.tzinfo is not None:
            occurred_at = occurred_at.astimezone(UTC)
        return EntryDraft(
            contact_ids=list(dict.fromkeys(self.contact_ids)),
            occurred_at=occurred_at,
            summary=summary,
            kind=self.kind,
            notes=clean_block(self.notes),
            value=self.value,
            category=clean_line(self.category),
            follow_up_on=self.follow_up_on,
        )


def log_entry(session: Session, draft: EntryDraft, now: datetime) -> Entry:
    """Store an interaction and credit or debit each contact's account."""
    clean = draft.cleaned()
    entry = Entry(
        occurred_at=clean.occurred_at,
        kind=clean.kind,
        summary=clean.summary,
        notes=clean.notes,
        value=clean.value,
        category=clean.category,
        follow_up_on=clean.follow_up_on,
        created_at=now,
        updated_at=now,
    )
    session.add(entry)
    session.flush()
    assert entry.id is not None
    for contact_id in clean.contact_ids:
        get_contact(session, contact_id)
        session.add(EntryContact(entry_id=entry.id, contact_id=contact_id))
    session.flush()
    balances.add_term(session, clean.contact_ids, clean.value, clean.occurred_at, now)
    return entry


def update_entry(session: Session, entry_id: int, draft: EntryDraft, now: datetime) -> Entry:
    clean = draft.cleaned()
    entry = get_entry(session, entry_id)
    old_contacts = contacts_of_entry(session, entry_id)
    entry.occurred_at = clean.occurred_at
    entry.kind = clean.kind
    entry.summary = clean.summary
    entry.notes = clean.notes
    entry.value = clean.value
    entry.category = clean.category
    entry.follow_up_on = clean.follow_up_on
    entry.updated_at = now
    session.add(entry)
    session.exec(delete(EntryContact).where(col(EntryContact.entry_id) == entry_id))
    for contact_id in clean.contact_ids:
        get_contact(session, contact_id)
        session.add(EntryContact(entry_id=entry_id, contact_id=contact_id))
    session.flush()
    balances.recompute(session, set(old_contacts) | set(clean.contact_ids))
    return entry


def entry_draft(session: Session, entry_id: int) -> EntryDraft:
    """A stored entry in its editable form."""
    entry = get_entry(session, entry_id)
    return EntryDraft(
        contact_ids=contacts_of_entry(session, entry_id),
        occurred_at=entry.occurred_at,
        summary=entry.summary,
        kind=entry.kind,
        notes=entry.notes,
        value=entry.value,
        category=entry.category,
        follow_up_on=entry.follow_up_on,
    )


def delete_entry(session: Session, entry_id: int) -> EntryDraft:
    """Remove an entry and reverse its effect; returns what it was, so it can be undone."""
    entry = get_entry(session, entry_id)
    was = entry_draft(session, entry_id)
    session.delete(entry)
    session.flush()
    balances.recompute(session, was.contact_ids)
    return was


def get_entry(session: Session, entry_id: int) -> Entry:
    entry = session.get(Entry, entry_id)
    if entry is None:
        raise NotFoundError(f"no journal entry with id {entry_id}")
    return entry


def contacts_of_entry(session: Session, entry_id: int) -> list[int]:
    return list(
        session.exec(select(EntryContact.contact_id).where(EntryContact.entry_id == entry_id)).all()
    )


def entries_of(
    session: Session,
    contact_id: int,
    limit: int | None = None,
    older_than: tuple[datetime, int] | None = None,
) -> list[EntryRecord]:
    """A contact's entries, newest first; with ``older_than`` (an entry's time and id),
    those that come after that entry in this order. Read as plain values, column by
    column: a page of the timeline needs no rows kept in step with the session."""
    query = (
        select(  # type: ignore[call-overload]  # more columns than sqlmodel's overloads name
            Entry.id,
            Entry.occurred_at,
            Entry.kind,
            Entry.summary,
            Entry.notes,
            Entry.value,
            Entry.category,
            Entry.follow_up_on,
        )
        .join(EntryContact, col(EntryContact.entry_id) == Entry.id)
        .where(EntryContact.contact_id == contact_id)
        .order_by(col(Entry.occurred_at).desc(), col(Entry.id).desc())
    )
    if older_than is not None:
        at, entry_id = older_than
        query = query.where(
            or_(
                col(Entry.occurred_at) < at,
                and_(col(Entry.occurred_at) == at, col(Entry.id) < entry_id),
            )
        )
    if limit is not None:
        query = query.limit(limit)
    return [EntryRecord(*row) for row in session.exec(query)]


def value_history(session: Session, contact_id: int) -> list[tuple[datetime, float]]:
    """(when, value) of a contact's entries: what its balance is defined from."""
    rows = session.exec(
        select(Entry.occurred_at, Entry.value)
        .join(EntryContact, col(EntryContact.entry_id) == Entry.id)
        .where(EntryContact.contact_id == contact_id, Entry.value != 0)
    ).all()
    return [(at, float(value)) for at, value in rows]


def standing_of(session: Session, contact: Contact, now: datetime) -> ledger.Standing:
    """The same rule as every list: from the kept running sum and its recent part."""
    assert contact.id is not None
    recent = recent_sums(session, [contact.id], now)[contact.id]
    return ledger.standing_from_sums(
        contact.balance_sum, recent, contact.last_contact_at, contact.cadence_days, now
    )
