"""Search finds what was written, by prefix and without accents, and stays in step."""

from __future__ import annotations

from datetime import UTC, datetime

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    purge_contacts,
    trash_contacts,
    update_contact,
)
from relationship_journal.store.facts import record_fact
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, delete_entry, log_entry
from relationship_journal.store.search import HitKind, match_query, plain, search

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _found(journal: Journal, text: str) -> list[tuple[HitKind, str]]:
    with journal.reading() as session:
        return [(hit.kind, plain(hit.title)) for hit in search(session, text)]


def test_prefix_and_accent_insensitive(journal: Journal) -> None:
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Jürgen Müller", organisation="Nörthwind"), NOW)
    assert _found(journal, "jurg") == [(HitKind.CONTACT, "Jürgen Müller")]
    assert _found(journal, "MÜLL") == [(HitKind.CONTACT, "Jürgen Müller")]
    assert (HitKind.ORGANISATION, "Nörthwind") in _found(journal, "northw")
    assert _found(journal, "jurgen zzz") == []


def test_index_follows_every_change(journal: Journal) -> None:
    with journal.transaction() as session:
        contact = create_contact(
            session, ContactDraft("Anna Lind", emails=[Labelled("anna@kestrel.example")]), NOW
        )
        contact_id = contact.id
        assert contact_id is not None
        record_fact(session, contact_id, "hobbies", "Bouldering in Fontainebleau", NOW)
        entry = log_entry(session, EntryDraft([contact_id], NOW, "Workshop on routing"), NOW)
    assert _found(journal, "kestrel") == [(HitKind.CONTACT, "Anna Lind")]
    assert _found(journal, "fontaine") == [(HitKind.PROFILE, "Anna Lind — Hobbies")]
    assert _found(journal, "routing") == [(HitKind.ENTRY, "Workshop on routing")]
    with journal.transaction() as session:
        draft = draft_of(session, get_contact(session, contact_id))
        draft.display_name = "Anna Lindqvist"
        update_contact(session, contact_id, draft, NOW)
        delete_entry(session, entry.id)  # type: ignore[arg-type]
    assert _found(journal, "lindqv") == [(HitKind.CONTACT, "Anna Lindqvist")]
    assert _found(journal, "routing") == []
    with journal.transaction() as session:
        trash_contacts(session, [contact_id], NOW)
    assert _found(journal, "lindqv") == []
    assert _found(journal, "fontaine") == []
    with journal.transaction() as session:
        purge_contacts(session, [contact_id])
    with journal.reading() as session:
        rows = session.connection().exec_driver_sql("SELECT count(*) FROM search_index").scalar()
    assert rows == 0


def test_odd_input_never_breaks_the_query() -> None:
    assert match_query('"; DROP TABLE contact; --') == '"drop"* "table"* "contact"*'
    assert match_query("   ") == ""
    assert match_query("O'Neill") == '"o"* "neill"*'


def test_words_that_name_a_kind_match_only_what_was_written(journal: Journal) -> None:
    with journal.transaction() as session:
        create_contact(session, ContactDraft("Anna Lind", notes="Met at the entry hall"), NOW)
    assert _found(journal, "contact") == []
    assert _found(journal, "entry") == [(HitKind.CONTACT, "Anna Lind")]
