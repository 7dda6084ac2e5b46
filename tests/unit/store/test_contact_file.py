"""A contact's file holds its newest entries; the rest follow page by page, none twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store.contact_file import entry_page, load_contact_file
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _contact_with_entries(journal: Journal) -> int:
    """Eleven entries; four share one moment, so a page may end among them."""
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft("Ingrid Sørensen"), NOW)
        assert contact.id is not None
        same = NOW - timedelta(days=10)
        moments = [NOW - timedelta(days=d) for d in (1, 2, 30, 40, 50, 60, 70)] + [same] * 4
        for number, at in enumerate(moments):
            draft = EntryDraft([contact.id], at, f"Call {number}", "call", value=1)
            log_entry(session, draft, NOW)
        return contact.id


def test_paging_reads_every_entry_once_newest_first(journal: Journal) -> None:
    contact_id = _contact_with_entries(journal)
    with journal.reading() as session:
        everything = entry_page(session, contact_id, None)
        file = load_contact_file(session, contact_id, NOW, entry_limit=3)
        read, more = list(file.entries), file.more_entries
        while more:
            page = entry_page(session, contact_id, 3, read[-1])
            assert len(page.entries) == 3 or not page.more
            read += page.entries
            more = page.more
    assert not everything.more and len(everything.entries) == 11
    assert [e.id for e in read] == [e.id for e in everything.entries]
    keys = [(e.occurred_at, e.id) for e in read]
    assert keys == sorted(keys, reverse=True)


def test_a_file_read_whole_says_nothing_more_follows(journal: Journal) -> None:
    contact_id = _contact_with_entries(journal)
    with journal.reading() as session:
        whole = load_contact_file(session, contact_id, NOW)
        exact = load_contact_file(session, contact_id, NOW, entry_limit=11)
        short = load_contact_file(session, contact_id, NOW, entry_limit=10)
    assert (len(whole.entries), whole.more_entries) == (11, False)
    assert (len(exact.entries), exact.more_entries) == (11, False)
    assert (len(short.entries), short.more_entries) == (10, True)
