"""The contacts list read as ordered ids then rows by id gives the same list as paging
through it in SQL, in every order, without trashed contacts."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store.contact_list import (
    SORT_KEYS,
    ContactFilter,
    list_contacts,
    ordered_ids,
    rows_for,
)
from relationship_journal.store.contacts import create_contact, trash_contacts
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry

NOW = datetime(2026, 11, 24, 12, tzinfo=UTC)


@pytest.fixture
def filled(journal: Journal) -> Journal:
    rng = random.Random(7)
    names = ["Anna", "Åsa", "Zoë", "Bo", "Chen Wei", "Dmitri", "Émile", "Ana"]
    with journal.transaction() as session:
        ids = []
        for number in range(90):
            draft = ContactDraft(
                f"{rng.choice(names)} {number:02d}",
                organisation=rng.choice(["", "Kestrel", "Northwind", "Acme"]),
                tier=rng.choice(["key", "standard", ""]),
            )
            ids.append(create_contact(session, draft, NOW).id)
        for contact_id in rng.sample(ids, 60):
            log_entry(
                session,
                EntryDraft(
                    [contact_id],
                    NOW - timedelta(days=rng.randint(0, 400)),
                    "Lunch",
                    value=rng.choice([-2, -1, 1, 2, 3]),
                ),
                NOW,
            )
        trash_contacts(session, ids[:5], NOW)
    return journal


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_ids_then_rows_is_the_list_in_order(filled: Journal, sort: str, descending: bool) -> None:
    with filled.reading() as session:
        expected = list_contacts(session, ContactFilter(), NOW, sort, descending)
        ids = ordered_ids(session, ContactFilter(), NOW, sort, descending)
        pages = [rows_for(session, ids[at : at + 20], NOW) for at in range(0, len(ids), 20)]
    assert [row for page in pages for row in page] == expected
    assert len(ids) == 85


def test_filters_and_the_trash_apply_to_the_ids(filled: Journal) -> None:
    with filled.reading() as session:
        trashed = ordered_ids(session, ContactFilter(trash=True), NOW)
        kestrel = ordered_ids(session, ContactFilter(text="kestr"), NOW)
        rows = rows_for(session, kestrel, NOW)
    assert len(trashed) == 5
    assert rows and all(row.organisation == "Kestrel" for row in rows)
