"""Opening journals: new, migrated, refused."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store import schema
from relationship_journal.store.errors import (
    DamagedJournalError,
    NotAJournalError,
    TooNewJournalError,
)
from relationship_journal.store.journal import open_journal


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_journal_is_private_wal_and_at_head(paths: JournalPaths) -> None:
    journal = open_journal(paths.journal, paths.backups)
    journal.close()
    assert stat.S_IMODE(paths.journal.stat().st_mode) == 0o600
    connection = sqlite3.connect(paths.journal)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert connection.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    version = connection.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    assert version == schema.head_revision()


def test_foreign_keys_are_on_for_every_connection(journal) -> None:  # type: ignore[no-untyped-def]
    with journal.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_other_programs_database_is_refused_untouched(paths: JournalPaths) -> None:
    paths.journal.parent.mkdir(parents=True)
    other = sqlite3.connect(paths.journal)
    other.execute("CREATE TABLE songs (title TEXT)")
    other.commit()
    other.close()
    before = _digest(paths.journal)
    with pytest.raises(NotAJournalError, match="another program's database"):
        open_journal(paths.journal, paths.backups)
    assert _digest(paths.journal) == before


def test_garbage_file_is_refused_untouched(paths: JournalPaths) -> None:
    paths.journal.parent.mkdir(parents=True)
    paths.journal.write_bytes(b"PK\x03\x04 this is a zip, not a journal" * 100)
    before = _digest(paths.journal)
    with pytest.raises(NotAJournalError, match="not an SQLite database"):
        open_journal(paths.journal, paths.backups)
    assert _digest(paths.journal) == before


def test_truncated_journal_is_reported_as_damaged(paths: JournalPaths) -> None:
    from relationship_journal.resources import resource
    from relationship_journal.store import clock
    from relationship_journal.store.demo import populate_demo

    journal = open_journal(paths.journal, paths.backups)
    populate_demo(journal, resource("demo", "demo_journal.json"), clock.today(), clock.now())
    journal.close()
    data = paths.journal.read_bytes()
    paths.journal.write_bytes(data[: len(data) // 3])
    before = _digest(paths.journal)
    with pytest.raises(DamagedJournalError):
        open_journal(paths.journal, paths.backups)
    assert _digest(paths.journal) == before


def test_journal_from_newer_version_is_refused_byte_for_byte(paths: JournalPaths) -> None:
    journal = open_journal(paths.journal, paths.backups)
    journal.close()
    connection = sqlite3.connect(paths.journal)
    connection.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    connection.commit()
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = _digest(paths.journal)
    with pytest.raises(TooNewJournalError, match="newer version"):
        open_journal(paths.journal, paths.backups)
    assert _digest(paths.journal) == before
    assert not paths.backups.exists() or not list(paths.backups.iterdir())


def test_a_window_that_opens_without_the_page_check_can_run_it_later(paths: JournalPaths) -> None:
    journal = open_journal(paths.journal, paths.backups)
    journal.close()
    size, page = paths.journal.stat().st_size, 4096
    with paths.journal.open("r+b") as handle:
        handle.seek((size // page - 1) * page)
        handle.write(b"\xff" * 64)
    with pytest.raises(DamagedJournalError):
        open_journal(paths.journal, paths.backups)
    journal = open_journal(paths.journal, paths.backups, check=None)
    try:
        with pytest.raises(DamagedJournalError, match="relationship-journal --data-dir"):
            journal.check_pages()
    finally:
        journal.close()
