"""Bad input of every kind gets a clear message and changes nothing."""

from __future__ import annotations

import os
import stat
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store.contacts import create_contact, get_contact
from relationship_journal.store.errors import InvalidInputError, JournalUnwritableError
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import Contact, Entry
from relationship_journal.store.search import search

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_absurd_values_are_kept_or_refused_clearly(journal: Journal) -> None:
    megabyte = "Long notes. " * 90_000
    with journal.transaction() as session:
        contact = create_contact(
            session, ContactDraft("  نورا\u202e الحسن\x00\x1b  ", notes=megabyte), NOW
        )
        contact_id = contact.id
        assert contact_id is not None
        log_entry(
            session, EntryDraft([contact_id], NOW, "Note\x07 with\tcontrols", notes=megabyte), NOW
        )
    with journal.reading() as session:
        stored = get_contact(session, contact_id)
        assert stored.display_name == "نورا الحسن"  # control characters gone, text kept
        assert len(stored.notes) > 1_000_000
        assert search(session, "long notes")
    with pytest.raises(InvalidInputError, match="year 9999"), journal.transaction() as session:
        log_entry(session, EntryDraft([contact_id], datetime(9999, 12, 31, tzinfo=UTC), "Far"), NOW)
    with journal.reading() as session:
        assert len(session.exec(select(Entry)).all()) == 1


def test_a_full_disk_is_a_clear_error_and_changes_nothing(journal: Journal) -> None:
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Anna"), NOW)
    with journal.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()
    # Simulate a full disk: SQLite may not grow the file beyond its current size.
    from sqlalchemy import event

    def cap(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    journal.writer.dispose()
    event.listen(journal.writer, "connect", cap)
    with (
        pytest.raises(JournalUnwritableError, match="the disk is full"),
        journal.transaction() as s,
    ):
        for n in range(2000):
            create_contact(s, ContactDraft(f"Person {n}", notes="x" * 2000), NOW)
    event.remove(journal.writer, "connect", cap)
    journal.writer.dispose()
    with journal.reading() as session:
        assert [c.display_name for c in session.exec(select(Contact)).all()] == ["Anna"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to read-only files")
def test_a_read_only_journal_is_a_clear_error(paths: JournalPaths) -> None:
    journal = open_journal(paths.journal, paths.backups)
    journal.close()
    paths.journal.chmod(stat.S_IRUSR)
    paths.data_dir.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        journal = open_journal(paths.journal, paths.backups)
        with pytest.raises(JournalUnwritableError), journal.transaction() as session:
            create_contact(session, ContactDraft("Anna"), NOW)
        journal.close()
    finally:
        paths.data_dir.chmod(stat.S_IRWXU)
        paths.journal.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_a_journal_folder_that_cannot_be_created_is_a_clear_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    with pytest.raises(JournalUnwritableError):
        open_journal(blocker / "journal.sqlite", blocker / "backups")
