"""Contacts, profile history and the rules of deleting."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from relationship_journal.domain.contact import ContactDraft, FieldError, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.store.contact_lookup import resolve_contact
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    trash_contacts,
    update_contact,
)
from relationship_journal.store.errors import NotFoundError
from relationship_journal.store.facts import current_facts, fact_history, record_fact
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import (
    Contact,
    ContactEmail,
    Employment,
    EntryContact,
    ProfileFact,
    Promise,
)
from relationship_journal.store.promises import add_promise

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _create(journal: Journal, name: str = "Jürgen Müller", **extra) -> int:  # type: ignore[no-untyped-def]
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft(display_name=name, **extra), NOW)
        assert contact.id is not None
        return contact.id


def test_contact_round_trip_with_year_less_birthday(journal: Journal) -> None:
    contact_id = _create(
        journal,
        organisation="Northwind",
        title="VP Operations",
        emails=[Labelled("j.mueller@northwind.example", "work")],
        birthday=PartialDate(2, 29),
        tags=["Key", "key", "renewal"],
    )
    with journal.reading() as session:
        draft = draft_of(session, session.get(Contact, contact_id))  # type: ignore[arg-type]
    assert draft.organisation == "Northwind"
    assert draft.birthday == PartialDate(2, 29)
    assert draft.tags == ["Key", "renewal"]
    assert [e.value for e in draft.emails] == ["j.mueller@northwind.example"]


def test_invalid_email_names_the_field(journal: Journal) -> None:
    with pytest.raises(FieldError) as raised, journal.transaction() as session:
        create_contact(
            session, ContactDraft(display_name="X", emails=[Labelled("not-an-email")]), NOW
        )
    assert raised.value.field == "email"
    with journal.reading() as session:
        assert session.exec(select(Contact)).first() is None


def test_profile_history_keeps_what_i_knew_when(journal: Journal) -> None:
    contact_id = _create(journal)
    with journal.transaction() as session:
        record_fact(session, contact_id, "keeps_up_at_night", "Peak season", NOW)
    later = NOW + timedelta(days=30)
    with journal.transaction() as session:
        record_fact(session, contact_id, "keeps_up_at_night", "Depot automation delays", later)
        unchanged = record_fact(
            session, contact_id, "keeps_up_at_night", "Depot automation delays", later
        )
    assert unchanged is None
    with journal.reading() as session:
        current = current_facts(session, contact_id)
        history = fact_history(session, contact_id, "keeps_up_at_night")
        contact = session.get(Contact, contact_id)
    assert current["keeps_up_at_night"].text == "Depot automation delays"
    assert [fact.text for fact in history] == ["Depot automation delays", "Peak season"]
    assert contact is not None and contact.known_score > 0


def test_changing_company_keeps_the_old_job_in_history(journal: Journal) -> None:
    contact_id = _create(journal, organisation="Northwind", title="VP Operations")
    with journal.transaction() as session:
        draft = draft_of(session, session.get(Contact, contact_id))  # type: ignore[arg-type]
        draft.organisation, draft.title = "Atlas Retail", "COO"
        update_contact(session, contact_id, draft, NOW + timedelta(days=10))
    with journal.reading() as session:
        jobs = session.exec(select(Employment).order_by(Employment.id)).all()
    assert [(job.title, job.ended_on is None) for job in jobs] == [
        ("VP Operations", False),
        ("COO", True),
    ]


def test_deleting_a_contact_cascades_to_what_belongs_to_it(journal: Journal) -> None:
    contact_id = _create(journal, emails=[Labelled("a@b.example")])
    with journal.transaction() as session:
        record_fact(session, contact_id, "family", "Two sons", NOW)
        log_entry(session, EntryDraft([contact_id], NOW, "Lunch", "meeting", value=2), NOW)
        add_promise(session, contact_id, "Send the model", "me", NOW.date(), None)
    with journal.transaction() as session:
        session.delete(session.get(Contact, contact_id))
    with journal.reading() as session:
        for table in (ContactEmail, ProfileFact, EntryContact, Promise):
            assert session.exec(select(table)).first() is None


def test_trash_hides_contact_from_name_lookup(journal: Journal) -> None:
    contact_id = _create(journal)
    with journal.transaction() as session:
        trash_contacts(session, [contact_id], NOW)
    with journal.reading() as session, pytest.raises(NotFoundError):
        resolve_contact(session, "Jürgen")


def test_name_lookup_ignores_accents_and_lists_ambiguous_candidates(journal: Journal) -> None:
    first = _create(journal, "Jürgen Müller")
    _create(journal, "Jürgen Schmidt")
    with journal.reading() as session:
        assert resolve_contact(session, "jurgen muller").id == first
        assert resolve_contact(session, str(first)).id == first
        with pytest.raises(NotFoundError, match="Jürgen Schmidt"):
            resolve_contact(session, "jurgen")
