"""Exports read back: vCard through our importer and through vobject; JSON losslessly."""

from __future__ import annotations

import csv
import io
import string
from datetime import UTC, datetime
from pathlib import Path

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import col, select

from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.dates import PartialDate
from relationship_journal.exchange.csv_export import export_csv
from relationship_journal.exchange.json_archive import export_json, import_json
from relationship_journal.exchange.records import ImportFileError
from relationship_journal.exchange.vcard_export import export_vcards
from relationship_journal.exchange.vcard_import import read_vcards
from relationship_journal.resources import resource
from relationship_journal.store.contacts import create_contact, draft_of, get_contact
from relationship_journal.store.demo import populate_demo
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.models import Contact

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _ids(journal: Journal) -> list[int]:
    with journal.reading() as session:
        return [i for i in session.exec(select(Contact.id).order_by(col(Contact.id))).all() if i]


def test_demo_journal_vcards_read_back_through_both_parsers(journal: Journal) -> None:
    populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    ids = _ids(journal)
    with journal.reading() as session:
        text = export_vcards(session, ids)
        originals = [draft_of(session, get_contact(session, i)) for i in ids]
    ours = read_vcards(text)
    assert [r.draft.display_name for r in ours] == [d.display_name for d in originals]
    assert [r.draft.birthday for r in ours] == [d.birthday for d in originals]
    assert [[e.value for e in r.draft.emails] for r in ours] == [
        [e.value for e in d.emails] for d in originals
    ]
    theirs = list(vobject.readComponents(text))
    assert [card.fn.value for card in theirs] == [d.display_name for d in originals]
    assert [card.email.value for card in theirs] == [d.emails[0].value for d in originals]
    assert all(card.version.value == "4.0" for card in theirs)


def test_csv_export_has_a_row_per_contact(journal: Journal) -> None:
    populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    with journal.reading() as session:
        text = export_csv(session, _ids(journal))
    assert text.startswith("\ufeffName,Name Prefix,Given Name,Middle Name,Family Name")
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert len(rows) == 25
    jurgen = next(row for row in rows if row["Name"] == "Jürgen Müller")
    assert (jurgen["Given Name"], jurgen["Organisation"]) == ("Jürgen", "Northwind Logistics")


def test_json_export_restores_a_new_journal_losslessly(journal: Journal, tmp_path: Path) -> None:
    populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    with journal.engine.connect() as connection:
        first = export_json(connection)
    copy = open_journal(tmp_path / "copy" / "journal.sqlite", tmp_path / "copy" / "backups")
    with copy.engine.begin() as connection:
        assert import_json(connection, first) == 25
    with copy.engine.connect() as connection:
        second = export_json(connection)
    strip = lambda text: text.split('"tables"', 1)[1]  # noqa: E731 - exported_at differs
    assert strip(first) == strip(second)
    with copy.engine.begin() as connection:
        try:
            import_json(connection, first)
        except ImportFileError as error:
            assert "empty" in str(error)
        else:
            raise AssertionError("a second restore into a full journal must be refused")
    copy.close()


names = st.text(
    alphabet=st.characters(
        codec="utf-8", categories=("L", "N", "Zs", "P"), exclude_characters="\\"
    ),
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip() and s.strip().isprintable())
emails = st.tuples(
    st.text(string.ascii_lowercase + string.digits + "._", min_size=1, max_size=12),
    st.sampled_from(["example.com", "beispiel.de", "exemple.fr"]),
).map(lambda parts: f"{parts[0].strip('.') or 'x'}@{parts[1]}")
birthdays = st.one_of(
    st.none(),
    st.builds(
        PartialDate,
        month=st.integers(1, 12),
        day=st.integers(1, 28),
        year=st.one_of(st.none(), st.integers(1920, 2010)),
    ),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(names, st.lists(emails, max_size=2, unique=True), birthdays, names),
        min_size=1,
        max_size=5,
    )
)
def test_random_contacts_survive_vcard_export_and_reimport(journal: Journal, people) -> None:  # type: ignore[no-untyped-def]
    with journal.transaction() as session:
        session.exec(select(Contact)).all()
        ids = []
        for name, addresses, birthday, org in people:
            draft = ContactDraft(
                name,
                organisation=org,
                emails=[Labelled(a, "work") for a in addresses],
                birthday=birthday,
            ).cleaned()
            ids.append(create_contact(session, draft, NOW).id)
        text = export_vcards(session, ids)
        expected = [draft_of(session, get_contact(session, i)) for i in ids]
        session.rollback()
    back = read_vcards(text)
    assert [r.draft.display_name for r in back] == [d.display_name for d in expected]
    assert [r.draft.organisation for r in back] == [d.organisation for d in expected]
    assert [[e.value for e in r.draft.emails] for r in back] == [
        [e.value for e in d.emails] for d in expected
    ]
    assert [r.draft.birthday for r in back] == [d.birthday for d in expected]
