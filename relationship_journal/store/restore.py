"""Checking a backup before trusting it, and restoring it over the journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from relationship_journal.store.backups import backup_before, copy_database
from relationship_journal.store.errors import DamagedJournalError, JournalError
from relationship_journal.store.journal import inspect_file


def verify(path: Path) -> str:
    """Raise a ``JournalError`` unless ``path`` is a sound journal we can open; returns its
    schema revision."""
    if not path.is_file():
        raise JournalError(f"{path} does not exist")
    inspection = inspect_file(path)
    if inspection.empty or inspection.revision is None:
        raise JournalError(f"{path} is an empty file, not a backup of a journal")
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise DamagedJournalError(path, str(error)) from None
    finally:
        connection.close()
    if result != "ok":
        raise DamagedJournalError(path, f"integrity check: {result}")
    return inspection.revision


def restore(backup: Path, journal: Path, backup_dir: Path) -> Path:
    """Replace the journal's content with ``backup``, after checking it and keeping the
    current journal as a backup too. The journal must not be open elsewhere."""
    verify(backup)
    kept = backup_before(journal, backup_dir, "before-restore") if journal.exists() else None
    copy_database(backup, journal, journal_mode="WAL")
    return kept or journal
