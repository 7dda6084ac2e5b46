"""An organisation as an account: its people's figures taken together."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store.accounts import account, accounts
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    update_contact,
)
from relationship_journal.store.errors import NotFoundError
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.promises import add_promise

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def test_figures_together_people_now_and_before(journal: Journal) -> None:
    with journal.transaction() as session:
        ids = [
            create_contact(session, ContactDraft(name, organisation="Northwind"), NOW).id
            for name in ("Anna Lind", "Ben Ode", "Cleo Park")
        ]
        log_entry(session, EntryDraft([ids[0]], NOW, "Helped with the rollout", value=3), NOW)
        log_entry(session, EntryDraft([ids[1]], NOW, "Missed the deadline", value=-1), NOW)
        add_promise(session, ids[1], "Send the numbers", "them", NOW.date(), None)
        moved = draft_of(session, get_contact(session, ids[2]))
        moved.organisation = "Contoso"
        update_contact(session, ids[2], moved, NOW)
    with journal.reading() as session:
        (northwind,) = [row for row in accounts(session, NOW) if row.name == "Northwind"]
        page = account(session, northwind.id, NOW)
    assert (northwind.people_now, northwind.people_before, northwind.open_promises) == (2, 1, 1)
    assert northwind.balance == pytest.approx(2.0)
    assert page.standing is not None and page.standing.balance == pytest.approx(2.0)
    assert [p.name for p, _ in page.now] == ["Anna Lind", "Ben Ode"]
    assert [p.name for p, _ in page.before] == ["Cleo Park"]
    assert [(p.name, p.mine, p.text) for p in page.promises] == [
        ("Ben Ode", False, "Send the numbers")
    ]
    assert [e.summary for e in page.recent] == ["Missed the deadline", "Helped with the rollout"]


def test_an_organisation_that_is_gone_is_named_as_such(journal: Journal) -> None:
    with journal.reading() as session, pytest.raises(NotFoundError):
        account(session, 999, NOW)
