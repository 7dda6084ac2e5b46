"""Random contacts survive our own vCard, CSV and JSON exports and re-import, phones and
labels included; every exported card reads in a second, independent parser."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
import vobject
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from relationship_journal.domain.contact import (
    Address,
    ContactDraft,
)
from relationship_journal.exchange.csv_export import export_csv
from relationship_journal.exchange.csv_import import read_csv
from relationship_journal.exchange.json_archive import export_json, import_json
from relationship_journal.exchange.vcard_export import export_vcards
from relationship_journal.exchange.vcard_import import read_vcards
from relationship_journal.store.contacts import create_contact, draft_of, get_contact
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.models import Contact
from tests.strategies import drafts

pytestmark = pytest.mark.slow

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _stored(journal: Journal, people: list[ContactDraft]) -> tuple[list[int], list[ContactDraft]]:
    with journal.transaction() as session:
        for old in session.exec(select(Contact)).all():
            session.delete(old)
        ids = [create_contact(session, draft, NOW).id for draft in people]
    with journal.reading() as session:
        return [i for i in ids if i], [draft_of(session, get_contact(session, i)) for i in ids if i]


def _essentials(draft: ContactDraft, keep_case: bool = True) -> tuple[object, ...]:
    def label(text: str) -> str:
        return text if keep_case else text.lower()

    return (
        draft.display_name,
        (draft.name_prefix, draft.given_name, draft.middle_name, draft.family_name),
        draft.name_suffix,
        (draft.organisation, draft.org_unit, draft.title, draft.role, draft.nickname),
        [(e.value, label(e.label)) for e in draft.emails],
        [(p.value, label(p.label)) for p in draft.phones],
        draft.birthday,
        [(label(a.label), a.parts()) for a in draft.addresses],
        [(m.label, m.day) for m in draft.anniversaries],
        draft.notes,
        draft.tags,
    )


SETTINGS = settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@SETTINGS
@given(st.lists(drafts, min_size=1, max_size=4))
@example([ContactDraft("0", addresses=[Address(locality="BEGIN:VCARD")])])
def test_random_contacts_survive_vcard_export_and_reimport(
    journal: Journal, people: list[ContactDraft]
) -> None:
    ids, expected = _stored(journal, people)
    with journal.reading() as session:
        text = export_vcards(session, ids)
    back = read_vcards(text)
    assert [_essentials(r.draft, keep_case=False) for r in back] == [
        _essentials(d, keep_case=False) for d in expected
    ]
    assert all(not r.problems for r in back)
    theirs = list(vobject.readComponents(text))
    assert [card.fn.value for card in theirs] == [d.display_name for d in expected]
    # One card per contact: a line of its own begins each (a value may hold the words).
    assert text.split("\r\n").count("BEGIN:VCARD") == len(expected)


@SETTINGS
@given(st.lists(drafts, min_size=1, max_size=4))
def test_random_contacts_survive_csv_export_and_reimport(
    journal: Journal, people: list[ContactDraft]
) -> None:
    ids, expected = _stored(journal, people)
    with journal.reading() as session:
        text = export_csv(session, ids)
    back, mapping = read_csv(text.encode("utf-8"))
    assert mapping.format_name == "Relationship Journal"
    assert [_essentials(r.draft) for r in back] == [_essentials(d) for d in expected]


@settings(
    max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(drafts, min_size=1, max_size=3))
def test_random_contacts_survive_json_export_and_restore(
    journal: Journal, tmp_path_factory: object, people: list[ContactDraft]
) -> None:
    _ids, expected = _stored(journal, people)
    with journal.engine.connect() as connection:
        text = export_json(connection)
    folder = Path(tmp_path_factory.mktemp("copy"))  # type: ignore[attr-defined]
    copy = open_journal(folder / "journal.sqlite", folder / "backups")
    try:
        with copy.engine.begin() as connection:
            import_json(connection, text)
        with copy.reading() as session:
            ids = session.exec(select(Contact.id).order_by(col(Contact.id))).all()
            restored = [draft_of(session, get_contact(session, i)) for i in ids if i]
    finally:
        copy.close()
    assert [_essentials(d) for d in restored] == [_essentials(d) for d in expected]
