"""Imports create contacts in bulk; what they write is what creating one by one writes."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, create_engine, text
from sqlmodel import Session, SQLModel, col, select

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import schema
from relationship_journal.store.bulk import NewContact, create_contacts, insert_rows
from relationship_journal.store.cipher import JournalKey
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.encryption import change_encryption
from relationship_journal.store.facts import record_fact
from relationship_journal.store.journal import open_journal
from relationship_journal.store.models import Organisation
from tests.strategies import drafts

pytestmark = pytest.mark.slow

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
facts = st.dictionaries(
    st.sampled_from(["family", "interests", "next_job", "how_i_can_help", "home"]),
    st.sampled_from(["", "Two daughters", "Sailing", "COO"]),
    max_size=3,
)


def _empty_journal() -> Engine:
    engine = create_engine("sqlite://")
    with engine.begin() as connection:
        schema.upgrade(connection)
    return engine


def _everything(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as connection:
        return {
            name: list(connection.execute(text(f'SELECT * FROM "{name}" ORDER BY 1')).all())
            for name in sorted(SQLModel.metadata.tables)
        }


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(drafts, facts), min_size=1, max_size=4))
def test_bulk_creation_writes_the_rows_that_one_by_one_writes(
    people: list[tuple[ContactDraft, dict[str, str]]],
) -> None:
    cleaned = [(draft.cleaned(), known) for draft, known in people]
    one_by_one, in_bulk = _empty_journal(), _empty_journal()
    with Session(one_by_one) as session, session.begin():
        for draft, known in cleaned:
            contact = create_contact(session, draft, NOW)
            assert contact.id is not None
            for topic, answer in known.items():
                if answer:
                    record_fact(session, contact.id, topic, answer, NOW)
    with Session(in_bulk) as session, session.begin():
        create_contacts(session, [NewContact(draft, known) for draft, known in cleaned], NOW)
    assert _everything(in_bulk) == _everything(one_by_one)


def test_an_imported_job_has_no_start_day() -> None:
    """A file says where someone works, not since when: the day of the import is no start
    (it made a "1 year since starting at …" for every imported contact a year later)."""
    engine = _empty_journal()
    with Session(engine) as session, session.begin():
        draft = ContactDraft("Anna Lind", organisation="Nordlys", title="CFO").cleaned()
        create_contacts(session, [NewContact(draft, {})], NOW)
        create_contact(session, ContactDraft("Ben Ode", organisation="Nordlys").cleaned(), NOW)
    with engine.connect() as connection:
        jobs = connection.execute(text("SELECT title, started_on FROM employment")).all()
    assert sorted(jobs) == [("", None), ("CFO", None)]


@pytest.mark.parametrize("encrypted", [False, True])
def test_many_rows_go_in_whole_and_in_order_whatever_the_driver(
    paths: JournalPaths, encrypted: bool
) -> None:
    """The plain driver says how many values a statement takes; the encrypted one cannot,
    and gets statements of SQLite's smallest limit. Left-out columns take their defaults."""
    key = None
    if encrypted:
        open_journal(paths.journal, paths.backups).close()
        key = JournalKey.new("correct horse battery staple")
        change_encryption(paths.journal, paths.backups, None, key)
    journal = open_journal(paths.journal, paths.backups, key)
    rows = [{"name": f"Org {n}", "name_key": f"org {n}", "created_at": NOW} for n in range(2345)]
    try:
        with journal.transaction() as session:
            insert_rows(session.connection(), Organisation.__table__, rows)  # type: ignore[attr-defined]
        with journal.reading() as session:
            found = session.exec(select(Organisation).order_by(col(Organisation.id))).all()
    finally:
        journal.close()
    assert [(o.id, o.name, o.industry, o.created_at) for o in found] == [
        (n + 1, f"Org {n}", "", NOW) for n in range(2345)
    ]
