"""Journal-wide settings kept in the journal file itself."""

from __future__ import annotations

from relationship_journal.store.journal import Journal
from relationship_journal.store.models import Setting


def get_setting(journal: Journal, key: str, default: str | None = None) -> str | None:
    with journal.reading() as session:
        row = session.get(Setting, key)
        return row.value if row is not None else default


def set_setting(journal: Journal, key: str, value: str) -> None:
    with journal.transaction() as session:
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=value))
        else:
            row.value = value
            session.add(row)
