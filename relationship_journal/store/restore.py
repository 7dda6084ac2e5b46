"""Checking a backup before trusting it, and restoring it over the journal."""

from __future__ import annotations

import os
from pathlib import Path

from relationship_journal.store.backups import backup_before, copy_database
from relationship_journal.store.cipher import (
    JournalKey,
    connect,
    database_errors,
    has_sqlite_header,
    reencrypt,
    remove_side_files,
    settle,
)
from relationship_journal.store.errors import DamagedJournalError, JournalError
from relationship_journal.store.journal import inspect_file


def verify(path: Path, key: JournalKey | None = None) -> str:
    """Raise a ``JournalError`` unless ``path`` is a sound journal we can open (with ``key``
    when it is encrypted); returns its schema revision."""
    if not path.is_file():
        raise JournalError(f"{path} does not exist")
    inspection = inspect_file(path, key)
    if inspection.empty or inspection.revision is None:
        raise JournalError(f"{path} is an empty file, not a backup of a journal")
    errors = database_errors()
    connection = connect(path, None if has_sqlite_header(path) else key, read_only=True)
    try:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    except errors as error:
        raise DamagedJournalError(path, str(error)) from None
    finally:
        connection.close()
    if result != "ok":
        raise DamagedJournalError(path, f"integrity check: {result}")
    return inspection.revision


def restore(
    backup: Path,
    journal: Path,
    backup_dir: Path,
    journal_key: JournalKey | None = None,
    backup_key: JournalKey | None = None,
) -> Path:
    """Replace the journal's content with ``backup``, after checking it and keeping the
    current journal as a backup too. The journal must not be open elsewhere.

    The restored journal keeps the journal's encryption (``journal_key``) whatever the
    backup was made under (``backup_key``): restoring never silently drops or changes the
    passphrase.
    """
    verify(backup, backup_key)
    if has_sqlite_header(backup):
        backup_key = None
    kept = None
    if journal.exists():
        kept = backup_before(journal, backup_dir, "before-restore", journal_key)
    if backup_key == journal_key:
        copy_database(backup, journal, journal_mode="WAL", key=journal_key)
        return kept or journal
    staged = journal.with_name(f".{journal.name}.restoring")
    try:
        copy_database(backup, staged, key=backup_key)
        reencrypt(staged, backup_key, journal_key, journal_mode="WAL")
        if journal.exists():
            settle(journal, journal_key)
        os.replace(staged, journal)
        remove_side_files(journal)
    finally:
        staged.unlink(missing_ok=True)
        remove_side_files(staged)
    return kept or journal
