"""Any transaction can be taken back and done again, rows and maintained figures alike."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import Session, select

from relationship_journal.domain import ledger
from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.store import undo_log
from relationship_journal.store.bulk import NewContact, create_contacts
from relationship_journal.store.contacts import (
    create_contact,
    get_contact,
    purge_contacts,
    trash_contacts,
)
from relationship_journal.store.facts import record_fact
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, delete_entry, log_entry
from relationship_journal.store.models import Contact, Entry, ProfileFact
from relationship_journal.store.search import search
from relationship_journal.store.stages import set_stage
from relationship_journal.store.undo_log import Inverse

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _undoable(journal: Journal, action) -> Inverse:  # type: ignore[no-untyped-def]
    with journal.transaction() as session:
        undo_log.begin(session)
        action(session)
        return undo_log.take(session)


def _replay(journal: Journal, inverse: Inverse) -> Inverse:
    with journal.transaction() as session:
        return undo_log.replay(session, inverse)


def _figures(journal: Journal, contact_id: int) -> tuple[float, object, int, str]:
    with journal.reading() as session:
        c = get_contact(session, contact_id)
        return (round(c.balance_sum, 9), c.last_contact_at, c.known_score, c.stage)


def _anna(journal: Journal) -> int:
    with journal.transaction() as session:
        contact = create_contact(
            session, ContactDraft("Anna Berg", emails=[Labelled("anna@example.com")]), NOW
        )
    assert contact.id is not None
    return contact.id


def test_logging_an_entry_is_undone_and_redone(journal: Journal) -> None:
    anna = _anna(journal)
    before = _figures(journal, anna)
    inverse = _undoable(
        journal,
        lambda s: log_entry(s, EntryDraft([anna], NOW - timedelta(days=1), "Lunch", value=3), NOW),
    )
    after = _figures(journal, anna)
    assert after[0] > 0
    redo = _replay(journal, inverse)
    assert _figures(journal, anna) == before
    with journal.reading() as session:
        assert session.exec(select(Entry)).all() == []
        assert search(session, "lunch") == []
    again = _replay(journal, redo)
    assert _figures(journal, anna) == after
    with journal.reading() as session:
        assert [e.summary for e in session.exec(select(Entry)).all()] == ["Lunch"]
        assert [hit.title.strip("\x02\x03") for hit in search(session, "lunch")] == ["Lunch"]
    _replay(journal, again)
    assert _figures(journal, anna) == before


def test_an_undo_keeps_what_another_writer_added_meanwhile(journal: Journal) -> None:
    anna = _anna(journal)
    inverse = _undoable(
        journal, lambda s: log_entry(s, EntryDraft([anna], NOW, "Mine", value=3), NOW)
    )
    with journal.transaction() as session:  # another process logs for the same contact
        log_entry(session, EntryDraft([anna], NOW, "Theirs", value=2), NOW)
    _replay(journal, inverse)
    with journal.reading() as session:
        contact = get_contact(session, anna)
        assert ledger.balance_from_sum(contact.balance_sum, NOW) == pytest.approx(2.0)


def test_deleting_for_ever_comes_back_whole(journal: Journal) -> None:
    anna = _anna(journal)
    with journal.transaction() as session:
        log_entry(session, EntryDraft([anna], NOW, "Workshop", value=4), NOW)
        record_fact(session, anna, "next_job", "Run the plant", NOW)
        set_stage(session, anna, "customer", "forming", NOW)
        trash_contacts(session, [anna], NOW)
    before = _figures(journal, anna)
    inverse = _undoable(journal, lambda s: purge_contacts(s, [anna]))
    with journal.reading() as session:
        assert session.exec(select(Contact)).all() == []
    _replay(journal, inverse)
    assert _figures(journal, anna) == before
    with journal.reading() as session:
        assert [f.text for f in session.exec(select(ProfileFact)).all()] == ["Run the plant"]
        assert get_contact(session, anna).display_name == "Anna Berg"


def test_deleting_an_entry_shared_by_two_contacts_is_undone(journal: Journal) -> None:
    anna = _anna(journal)
    with journal.transaction() as session:
        ben = create_contact(session, ContactDraft("Ben"), NOW).id
        entry = log_entry(session, EntryDraft([anna, ben], NOW, "Workshop", value=2), NOW)  # type: ignore[list-item]
    assert ben is not None and entry.id is not None
    entry_id = entry.id
    figures = (_figures(journal, anna), _figures(journal, ben))
    inverse = _undoable(journal, lambda s: delete_entry(s, entry_id))
    assert _figures(journal, ben)[0] == 0
    _replay(journal, inverse)
    assert (_figures(journal, anna), _figures(journal, ben)) == figures


def test_a_transaction_without_changes_has_nothing_to_undo(journal: Journal) -> None:
    anna = _anna(journal)
    inverse = _undoable(journal, lambda s: get_contact(s, anna))
    assert not inverse


def test_an_import_is_undone_by_a_few_statements(journal: Journal) -> None:
    anna = _anna(journal)
    people = [
        NewContact(ContactDraft(f"Person {n}", emails=[Labelled(f"p{n}@example.com")]).cleaned())
        for n in range(1200)
    ]
    before = _rows(journal)
    inverse = _undoable(journal, lambda s: create_contacts(s, people, NOW))
    after = _rows(journal)
    assert len(after["contact"]) == 1201
    # Contacts, their emails and their search entries, whatever the number of people.
    assert len(inverse.statements) < 10
    assert anna not in inverse.contact_ids and len(inverse.contact_ids) == 1200
    redo = _replay(journal, inverse)
    assert _rows(journal) == before
    _replay(journal, redo)
    assert _rows(journal) == after


# Changes to the tags within one transaction: insert (a new name), rename, delete; each
# applied to the tag at a place in the current list, wrapping around.
tag_changes = st.lists(
    st.tuples(st.sampled_from(["insert", "rename", "delete"]), st.integers(0, 50)), max_size=25
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(earlier=tag_changes, changes=tag_changes)
def test_any_mix_of_inserts_changes_and_deletes_is_undone_and_redone(
    journal: Journal, earlier: list[tuple[str, int]], changes: list[tuple[str, int]]
) -> None:
    with journal.transaction() as session:
        session.connection().exec_driver_sql("DELETE FROM tag")
        _change_tags(session, earlier, "old")
    before = _rows(journal)
    inverse = _undoable(journal, lambda s: _change_tags(s, changes, "new"))
    after = _rows(journal)
    redo = _replay(journal, inverse)
    assert _rows(journal) == before
    _replay(journal, redo)
    assert _rows(journal) == after


def _change_tags(session: Session, changes: list[tuple[str, int]], prefix: str) -> None:
    connection = session.connection()
    for number, (change, place) in enumerate(changes):
        ids = [row[0] for row in connection.exec_driver_sql("SELECT id FROM tag ORDER BY id")]
        name = f"{prefix} {number}"
        if change == "insert" or not ids:
            connection.exec_driver_sql(
                "INSERT INTO tag (name, name_key) VALUES (?, ?)", (name, name)
            )
        elif change == "rename":
            connection.exec_driver_sql(
                "UPDATE tag SET name = ?, name_key = ? WHERE id = ?",
                (name, name, ids[place % len(ids)]),
            )
        else:
            connection.exec_driver_sql("DELETE FROM tag WHERE id = ?", (ids[place % len(ids)],))


def _rows(journal: Journal) -> dict[str, list[tuple[object, ...]]]:
    """The rows of the tables concerned, the people's search index among them (its rows
    are keyed by what they index)."""
    queries = {
        table: f'SELECT rowid, * FROM "{table}" ORDER BY 1'
        for table in ("tag", "contact", "contact_email", "search_index_people")
    }
    with journal.reading() as session:
        connection = session.connection()
        return {
            table: [tuple(row) for row in connection.exec_driver_sql(sql)]
            for table, sql in queries.items()
        }
