"""Entries keep each contact's running balance and last contact in step."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from relationship_journal.domain import ledger
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store.contacts import create_contact, get_contact
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import (
    EntryDraft,
    delete_entry,
    log_entry,
    update_entry,
    value_history,
)

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _contacts(journal: Journal, *names: str) -> list[int]:
    with journal.transaction() as session:
        ids = [create_contact(session, ContactDraft(name), NOW).id for name in names]
    return [i for i in ids if i is not None]


def _balance(journal: Journal, contact_id: int) -> float:
    with journal.reading() as session:
        contact = get_contact(session, contact_id)
        direct = ledger.balance(value_history(session, contact_id), NOW)
        kept = ledger.balance_from_sum(contact.balance_sum, NOW)
    assert kept == pytest.approx(direct, abs=1e-9)
    return kept


def test_logging_editing_and_deleting_keep_the_balance_right(journal: Journal) -> None:
    anna, ben = _contacts(journal, "Anna", "Ben")
    with journal.transaction() as session:
        shared = log_entry(
            session, EntryDraft([anna, ben], NOW - timedelta(days=10), "Workshop", value=3), NOW
        )
        log_entry(
            session, EntryDraft([anna], NOW - timedelta(days=2), "Late report", value=-2), NOW
        )
    assert _balance(journal, anna) < _balance(journal, ben)
    with journal.transaction() as session:
        update_entry(
            session,
            shared.id,  # type: ignore[arg-type]
            EntryDraft([anna], NOW - timedelta(days=1), "Workshop", value=5),
            NOW,
        )
    assert _balance(journal, ben) == pytest.approx(0.0)
    with journal.reading() as session:
        assert get_contact(session, ben).last_contact_at is None
        assert get_contact(session, anna).last_contact_at == NOW - timedelta(days=1)
    with journal.transaction() as session:
        delete_entry(session, shared.id)  # type: ignore[arg-type]
    assert _balance(journal, anna) == pytest.approx(
        ledger.balance([(NOW - timedelta(days=2), -2.0)], NOW)
    )


def test_a_failed_entry_changes_nothing(journal: Journal) -> None:
    (anna,) = _contacts(journal, "Anna")
    with pytest.raises(InvalidInputError, match="year 9999"), journal.transaction() as session:
        log_entry(session, EntryDraft([anna], NOW, "Fine", value=2), NOW)
        log_entry(session, EntryDraft([anna], datetime(9999, 1, 1, tzinfo=UTC), "Bad"), NOW)
    assert _balance(journal, anna) == 0.0
    with journal.reading() as session:
        assert get_contact(session, anna).last_contact_at is None
