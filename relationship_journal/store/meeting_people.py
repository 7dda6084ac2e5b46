"""Who a calendar's meetings are with, as far as the journal knows them: contacts by e-mail
address and by full name, the organisation an e-mail domain belongs to, what was already
logged that day, and the calendar files the user chose."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from datetime import UTC, datetime

from sqlmodel import Session, col, select

from relationship_journal.store.models import (
    Contact,
    ContactEmail,
    Entry,
    EntryContact,
    MomentState,
    Organisation,
    Setting,
)

CALENDAR_FILES = "calendar_files"
CHUNK = 500  # below SQLite's limit on parameters

Known = tuple[int, str]  # a contact's id and name


def _chunks(items: Collection[str]) -> Iterable[list[str]]:
    listed = sorted(items)
    for start in range(0, len(listed), CHUNK):
        yield listed[start : start + CHUNK]


def contacts_by_email(session: Session, keys: Collection[str]) -> dict[str, Known]:
    """Live contacts by folded e-mail address (the first made, where two share one)."""
    found: dict[str, Known] = {}
    for chunk in _chunks(keys):
        rows = session.exec(
            select(ContactEmail.address_key, ContactEmail.contact_id, Contact.display_name)
            .join(Contact, col(Contact.id) == ContactEmail.contact_id)
            .where(col(ContactEmail.address_key).in_(chunk), col(Contact.deleted_at).is_(None))
            .order_by(col(Contact.id))
        )
        for key, contact_id, name in rows:
            found.setdefault(key, (contact_id, name))
    return found


def contacts_by_name(session: Session, name_keys: Collection[str]) -> dict[str, Known]:
    """Live contacts by folded full name; a name two contacts share names nobody."""
    found: dict[str, list[Known]] = {}
    for chunk in _chunks(name_keys):
        rows = session.exec(
            select(Contact.name_key, Contact.id, Contact.display_name).where(
                col(Contact.name_key).in_(chunk), col(Contact.deleted_at).is_(None)
            )
        )
        for key, contact_id, name in rows:
            assert contact_id is not None  # a stored row's primary key
            found.setdefault(key, []).append((contact_id, name))
    return {key: known[0] for key, known in found.items() if len(known) == 1}


def settled_keys(session: Session, keys: Collection[str]) -> set[str]:
    """The meetings (by key) already logged or dismissed."""
    settled: set[str] = set()
    for chunk in _chunks(keys):
        settled.update(session.exec(select(MomentState.key).where(col(MomentState.key).in_(chunk))))
    return settled


def people_logged_between(
    session: Session, start: datetime, end: datetime, contact_ids: Collection[int]
) -> list[tuple[datetime, set[int]]]:
    """When each entry from ``start`` to ``end`` with any of ``contact_ids`` happened, and
    all its contacts."""
    if not contact_ids:
        return []
    rows = session.exec(
        select(EntryContact.entry_id, Entry.occurred_at, EntryContact.contact_id)
        .join(EntryContact, col(EntryContact.entry_id) == Entry.id)
        .where(
            col(Entry.occurred_at) >= start.astimezone(UTC),
            col(Entry.occurred_at) < end.astimezone(UTC),
        )
    )
    by_entry: dict[int, tuple[datetime, set[int]]] = {}
    for entry_id, at, contact_id in rows:
        moment = at if at.tzinfo else at.replace(tzinfo=UTC)
        by_entry.setdefault(entry_id, (moment, set()))[1].add(contact_id)
    wanted = set(contact_ids)
    return [(at, people) for at, people in by_entry.values() if people & wanted]


def organisation_for_domain(session: Session, domain: str) -> str:
    """The organisation whose current people write from ``domain`` ("" when none does, or
    when it is a domain several organisations share)."""
    if not domain:
        return ""
    rows = session.exec(
        select(Organisation.name)
        .join(Contact, col(Contact.organisation_id) == Organisation.id)
        .join(ContactEmail, col(ContactEmail.contact_id) == Contact.id)
        .where(
            col(ContactEmail.address_key).endswith("@" + domain, autoescape=True),
            col(Contact.deleted_at).is_(None),
        )
        .distinct()
        .limit(2)
    ).all()
    return rows[0] if len(rows) == 1 else ""


def calendar_files(session: Session) -> list[str]:
    row = session.get(Setting, CALENDAR_FILES)
    if row is None:
        return []
    try:
        listed = json.loads(row.value)
    except ValueError:
        return []
    return [str(item) for item in listed] if isinstance(listed, list) else []


def set_calendar_files(session: Session, files: list[str]) -> None:
    row = session.get(Setting, CALENDAR_FILES)
    value = json.dumps(files, ensure_ascii=False)
    if row is None:
        session.add(Setting(key=CALENDAR_FILES, value=value))
    else:
        row.value = value
        session.add(row)
