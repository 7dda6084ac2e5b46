"""Random contacts survive our own vCard, CSV and JSON exports and re-import, phones and
labels included; every exported card reads in a second, independent parser."""

from __future__ import annotations

import string
from datetime import UTC, datetime
from pathlib import Path

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from relationship_journal.domain.contact import (
    Address,
    ContactDraft,
    DatedMoment,
    Labelled,
)
from relationship_journal.domain.dates import PartialDate
from relationship_journal.exchange.csv_export import export_csv
from relationship_journal.exchange.csv_import import read_csv
from relationship_journal.exchange.json_archive import export_json, import_json
from relationship_journal.exchange.vcard_export import export_vcards
from relationship_journal.exchange.vcard_import import read_vcards
from relationship_journal.store.contacts import create_contact, draft_of, get_contact
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.models import Contact

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)

words = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "Zs", "P", "S")),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() and s.strip().isprintable() and ";" not in s)
optional = st.one_of(st.just(""), words)
labels = st.sampled_from(
    ["", "work", "home", "mobile", "work fax", "pager", "assistant", "office direct", "other"]
)
phones = st.sampled_from(
    [
        "+44 20 7946 0958",
        "+1 418-656-9254 ext. 102",
        "+1 (418) 656-9254",
        "020 7946 0958",
        "+1-800-MYFAX",
        "p1234p5678w9",
        "*31#",
        "+49 30 5550 1234, ask for Jo",
        "-5550100",
    ]
)
emails = st.tuples(
    st.text(string.ascii_lowercase + string.digits + "._+-", min_size=1, max_size=12),
    st.sampled_from(["example.com", "beispiel.de", "invalid"]),
).map(lambda parts: f"{parts[0].strip('.') or 'x'}@{parts[1]}")
days = st.builds(
    PartialDate,
    month=st.integers(1, 12),
    day=st.integers(1, 28),
    year=st.one_of(st.none(), st.integers(1850, 2010)),
)
addresses = st.builds(
    Address,
    label=st.sampled_from(["", "home", "work", "holiday home"]),
    street=optional,
    locality=words,
    region=optional,
    postcode=optional,
    country=optional,
)
drafts = st.builds(
    ContactDraft,
    display_name=words,
    given_name=optional,
    family_name=optional,
    nickname=optional,
    organisation=optional,
    title=optional,
    emails=st.lists(st.builds(Labelled, emails, labels), max_size=2),
    phones=st.lists(st.builds(Labelled, phones, labels), max_size=3),
    birthday=st.one_of(st.none(), days),
    notes=st.one_of(st.just(""), st.text(max_size=60).filter(str.isprintable), st.just("a\rb\nc")),
    tags=st.lists(words, max_size=2),
    name_prefix=optional,
    middle_name=optional,
    name_suffix=optional,
    org_unit=optional,
    role=optional,
    addresses=st.lists(addresses, max_size=2),
    anniversaries=st.lists(
        st.builds(DatedMoment, st.sampled_from(["anniversary", "wedding", "founding"]), days),
        max_size=2,
    ),
)


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
    assert len(text.encode("utf-8").split(b"BEGIN:VCARD")) == len(expected) + 1


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
