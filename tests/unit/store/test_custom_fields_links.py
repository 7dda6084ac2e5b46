"""Custom fields checked by type; links read from both ends."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from relationship_journal.domain.contact import ContactDraft, FieldError
from relationship_journal.store.contact_file import links_of
from relationship_journal.store.contacts import (
    create_contact,
    draft_of,
    get_contact,
    update_contact,
)
from relationship_journal.store.custom_fields import define_field
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.journal import Journal
from relationship_journal.store.links import add_link

NOW = datetime(2026, 11, 24, tzinfo=UTC)


def test_custom_fields_are_checked_by_type(journal: Journal) -> None:
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft("Anna"), NOW)
        renewal = define_field(session, "Renewal date", "date", [])
        size = define_field(session, "Seats", "number", [])
        region = define_field(session, "Region", "choice", ["EMEA", "APAC"])
    ids = (renewal.id, size.id, region.id)
    with journal.transaction() as session:
        draft = draft_of(session, get_contact(session, contact.id))  # type: ignore[arg-type]
        draft.custom = {ids[0]: "2027-03-31", ids[1]: "1,5", ids[2]: "EMEA"}  # type: ignore[dict-item]
        update_contact(session, contact.id, draft, NOW)  # type: ignore[arg-type]
    with journal.reading() as session:
        stored = draft_of(session, get_contact(session, contact.id)).custom  # type: ignore[arg-type]
    assert stored == {ids[0]: "2027-03-31", ids[1]: "1.5", ids[2]: "EMEA"}
    for field_id, bad, message in (
        (ids[0], "31/03/2027", "not a date"),
        (ids[1], "many", "not a number"),
        (ids[2], "LATAM", "choose one of EMEA, APAC"),
    ):
        with pytest.raises(FieldError, match=message), journal.transaction() as session:
            draft.custom = {field_id: bad}  # type: ignore[dict-key]
            update_contact(session, contact.id, draft, NOW)  # type: ignore[arg-type]


def test_duplicate_or_empty_choice_fields_are_refused(journal: Journal) -> None:
    with journal.transaction() as session:
        define_field(session, "Region", "text", [])
    with pytest.raises(InvalidInputError, match="already"), journal.transaction() as session:
        define_field(session, "region", "text", [])
    with pytest.raises(InvalidInputError, match="at least one"), journal.transaction() as s:
        define_field(s, "Size", "choice", [" "])


def test_links_are_described_from_both_ends(journal: Journal) -> None:
    with journal.transaction() as session:
        tom = create_contact(session, ContactDraft("Tom"), NOW)
        jurgen = create_contact(session, ContactDraft("Jürgen"), NOW)
        add_link(session, tom.id, jurgen.id, "reports_to")  # type: ignore[arg-type]
    with journal.reading() as session:
        assert [(link.relation, link.other_name) for link in links_of(session, tom.id)] == [  # type: ignore[arg-type]
            ("reports to", "Jürgen")
        ]
        assert [(link.relation, link.other_name) for link in links_of(session, jurgen.id)] == [  # type: ignore[arg-type]
            ("manages", "Tom")
        ]
    with pytest.raises(InvalidInputError, match="themselves"), journal.transaction() as s:
        add_link(s, tom.id, tom.id, "works_with")  # type: ignore[arg-type]
