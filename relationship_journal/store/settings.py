"""Journal-wide settings kept in the journal file itself."""

from __future__ import annotations

from sqlmodel import Session

from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Setting


def read(session: Session, key: str) -> str | None:
    row = session.get(Setting, key)
    return row.value if row is not None else None


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
        session.add(row)


def get_setting(journal: Journal, key: str, default: str | None = None) -> str | None:
    with journal.reading() as session:
        found = read(session, key)
        return default if found is None else found


def set_setting(journal: Journal, key: str, value: str) -> None:
    with journal.transaction() as session:
        put(session, key, value)
