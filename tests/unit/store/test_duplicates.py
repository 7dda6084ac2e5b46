"""One person once: likely pairs with their reasons, merging that keeps everything and
undoes whole, and pairs the user called two people."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlmodel import Session, select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.operations import duplicates
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.store.contacts import create_contact, set_custom_value
from relationship_journal.store.errors import InvalidInputError, NotFoundError
from relationship_journal.store.facts import record_fact
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.links import add_link
from relationship_journal.store.models import (
    Contact,
    ContactEmail,
    ContactTag,
    CustomField,
    CustomValue,
    Employment,
    EntryContact,
    ProfileFact,
    Promise,
)
from relationship_journal.store.promises import add_promise
from relationship_journal.store.search import HitKind, search

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _add(journal: Journal, name: str, **extra) -> int:  # type: ignore[no-untyped-def]
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft(display_name=name, **extra), NOW)
        assert contact.id is not None
        return contact.id


@pytest.fixture
def ws(journal: Journal, paths: JournalPaths) -> Workspace:
    return Workspace(journal, paths)


def test_pairs_by_email_phone_name_and_similar_name_at_one_organisation(
    journal: Journal, ws: Workspace
) -> None:
    a = _add(journal, "Jürgen Müller", emails=[Labelled("J.Mueller@Northwind.example")])
    b = _add(journal, "J. Mueller", emails=[Labelled("j.mueller@northwind.example")])
    c = _add(journal, "Ana Ortiz", phones=[Labelled("+44 20 7946 0958")])
    d = _add(journal, "Ana O.", phones=[Labelled("020 7946 0958")])
    e = _add(journal, "Jon Smith", organisation="Contoso")
    f = _add(journal, "John Smith", organisation="Contoso")
    _add(journal, "John Smithers", organisation="Fabrikam")
    g = _add(journal, "Lee Wong")
    h = _add(journal, "lee wong")
    found = {(p.first_id, p.second_id): p.reason for p in duplicates.find(ws)}
    assert found == {
        (a, b): "same e-mail J.Mueller@Northwind.example",
        (c, d): "same phone +44 20 7946 0958",
        (e, f): "similar name at Contoso",
        (g, h): "same name",
    }


def test_not_the_same_person_is_remembered_and_refused_for_oneself(
    journal: Journal, ws: Workspace
) -> None:
    a = _add(journal, "Lee Wong")
    b = _add(journal, "Lee Wong")
    duplicates.not_the_same(ws, b, a)
    assert duplicates.find(ws) == []
    with pytest.raises(InvalidInputError):
        duplicates.not_the_same(ws, a, a)


def _everything_of(journal: Journal, contact_id: int, other: int) -> None:
    with journal.transaction() as session:
        log_entry(session, EntryDraft([other], NOW, "Lunch in Hamburg", value=3), NOW)
        log_entry(session, EntryDraft([contact_id, other], NOW, "Joint call", value=1), NOW)
        add_promise(session, other, "Send the deck", "me", NOW.date(), None)
        record_fact(session, other, "home", "Head of logistics", NOW)
        record_fact(session, other, "home", "COO", NOW.replace(day=25))
        third = create_contact(session, ContactDraft(display_name="Eva Third"), NOW)
        assert third.id is not None
        add_link(session, other, third.id, "reports_to")
        field = CustomField(name="Shoe size", field_type="text")
        session.add(field)
        session.flush()
        assert field.id is not None
        set_custom_value(session, other, field.id, "44")


def test_merge_keeps_every_entry_promise_fact_link_tag_and_value_then_undoes(
    journal: Journal, ws: Workspace
) -> None:
    keep = _add(
        journal,
        "Jürgen Müller",
        organisation="Northwind",
        title="VP Operations",
        emails=[Labelled("j@northwind.example")],
        notes="Likes sailing.",
    )
    other = _add(
        journal,
        "Jurgen Mueller",
        organisation="Contoso",
        nickname="Jogi",
        emails=[Labelled("J@northwind.example"), Labelled("jm@home.example")],
        tags=["golf"],
        notes="Met at the summit.",
    )
    _everything_of(journal, keep, other)
    before = duplicates.side_by_side(ws, keep, other)
    assert {p.key for p in before if p.conflicting} == {"display_name", "organisation_id"}
    done = duplicates.merge(ws, keep, other, take_other={"organisation_id"})
    assert done.value == "Jürgen Müller"
    with journal.reading() as session:
        merged = session.get(Contact, keep)
        assert merged is not None and session.get(Contact, other) is None
        assert merged.nickname == "Jogi" and merged.notes == "Likes sailing.\n\nMet at the summit."
        emails = session.exec(select(ContactEmail.address).where(ContactEmail.contact_id == keep))
        assert sorted(emails.all()) == ["j@northwind.example", "jm@home.example"]
        assert (
            len(session.exec(select(EntryContact).where(EntryContact.contact_id == keep)).all())
            == 2
        )
        assert (
            len(session.exec(select(ProfileFact).where(ProfileFact.contact_id == keep)).all()) == 2
        )
        assert session.exec(select(Promise.contact_id)).all() == [keep]
        assert session.exec(select(ContactTag.contact_id)).all() == [keep]
        assert session.exec(
            select(CustomValue.value).where(CustomValue.contact_id == keep)
        ).all() == ["44"]
        jobs = session.exec(select(Employment).where(Employment.contact_id == keep)).all()
        assert [
            (j.organisation_id == merged.organisation_id, j.ended_on is None) for j in jobs
        ].count((True, True)) == 1
        assert merged.balance_sum > 0 and merged.last_contact_at is not None
        assert [h.contact_id for h in search(session, "jm@home") if h.kind is HitKind.CONTACT] == [
            keep
        ]
    assert done.change is not None
    ws.replay(done.change.inverse)
    with journal.reading() as session:
        restored = session.get(Contact, other)
        assert restored is not None and restored.nickname == "Jogi"
        assert session.exec(select(Promise.contact_id)).all() == [other]
        assert session.get(Contact, keep).notes == "Likes sailing."  # type: ignore[union-attr]
        assert [h.contact_id for h in search(session, "jm@home") if h.kind is HitKind.CONTACT] == [
            other
        ]
        assert {h.contact_id for h in search(session, "lunch")} == {other}


def _count(session: Session, model: Any, contact_id: int) -> int:
    return len(session.exec(select(model).where(model.contact_id == contact_id)).all())


def _found(session: Session, text: str) -> list[int | None]:
    return [h.contact_id for h in search(session, text) if h.kind is HitKind.CONTACT]


def test_merge_refuses_itself_and_missing_contacts(journal: Journal, ws: Workspace) -> None:
    a = _add(journal, "Lee Wong")
    with pytest.raises(InvalidInputError):
        duplicates.merge(ws, a, a)
    with pytest.raises(NotFoundError):
        duplicates.merge(ws, a, 999)
    with pytest.raises(InvalidInputError):
        duplicates.merge(ws, a, _add(journal, "Lee W."), take_other={"shoe"})
