"""The export's rows as SQLite writes them are, byte for byte, the rows Python writes from the
values SQLAlchemy reads (how every row was exported before), in plain and encrypted journals,
whatever the text and however a value was stored."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from itertools import chain

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store import archive_rows
from relationship_journal.store.archive_rows import json_object, json_rows
from relationship_journal.store.cipher import JournalKey
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.demo import populate_demo
from relationship_journal.store.encryption import change_encryption
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.models import SQLModel

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _exported(journal: Journal) -> dict[str, list[str]]:
    with journal.engine.connect() as connection, connection.begin():
        return {
            table.name: list(chain.from_iterable(json_rows(connection, table)))
            for table in SQLModel.metadata.sorted_tables
        }


def _as_before(journal: Journal) -> dict[str, list[str]]:
    """Each row read through SQLAlchemy's types and written by Python's json."""
    with journal.engine.connect() as connection, connection.begin():
        return {
            table.name: [
                json_object(dict(row))
                for row in connection.execute(
                    select(table).order_by(*table.primary_key.columns)
                ).mappings()
            ]
            for table in SQLModel.metadata.sorted_tables
        }


@pytest.fixture(params=["plain", "encrypted"])
def either_journal(request: pytest.FixtureRequest, paths: JournalPaths) -> Iterator[Journal]:
    key = None
    if request.param == "encrypted":
        open_journal(paths.journal, paths.backups).close()
        key = JournalKey.new("correct horse battery staple")
        change_encryption(paths.journal, paths.backups, None, key)
    journal = open_journal(paths.journal, paths.backups, key)
    try:
        yield journal
    finally:
        journal.close()


def test_the_demo_journal_is_exported_as_before(either_journal: Journal) -> None:
    populate_demo(either_journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    exported = _exported(either_journal)
    assert exported == _as_before(either_journal)
    assert len(exported["contact"]) == 25 and len(exported["entry"]) > 100
    first = json.loads(exported["contact"][0])
    assert first["display_name"] == "Jürgen Müller"
    assert first["lapse_at"].endswith("+00:00") and "T" in first["lapse_at"]


# Values as other programs, older versions or SQLite's own functions may have stored them.
ODD_VALUES = [
    ("created_at", "2026-11-24 12:00:00", "2026-11-24T12:00:00+00:00"),
    ("created_at", "2026-11-24 12:00:00.000000", "2026-11-24T12:00:00+00:00"),
    ("created_at", "2026-11-24 12:00:00.120000", "2026-11-24T12:00:00.120000+00:00"),
    ("created_at", "2026-11-24T12:00:00", "2026-11-24T12:00:00+00:00"),
    ("created_at", "2026-11-24 12:00:00+02:00", "2026-11-24T10:00:00+00:00"),
    ("created_at", "2026-11-24 12:00:00.5", "2026-11-24T12:00:00.500000+00:00"),
    ("created_at", "2026-11-24", "2026-11-24T00:00:00+00:00"),
    ("met_on", "2026-W48-2", "2026-11-24"),
    ("cadence_days", 1.5, 1.5),
    ("cadence_days", "often", "often"),
    ("notes", b"\x00\xffbinary", "AP9iaW5hcnk="),
    ("balance_sum", 0.1 + 0.2, 0.1 + 0.2),
    ("balance_sum", 1e300, 1e300),
]


@pytest.mark.parametrize(("column", "stored", "expected"), ODD_VALUES)
def test_a_value_stored_otherwise_is_written_as_python_reads_it(
    journal: Journal, column: str, stored: object, expected: object
) -> None:
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft("Ada Lovelace"), NOW)
        session.connection().exec_driver_sql(
            f"UPDATE contact SET {column} = ? WHERE id = ?", (stored, contact.id)
        )
    exported = _exported(journal)
    assert exported == _as_before(journal)
    assert json.loads(exported["contact"][0])[column] == expected


def test_true_false_and_a_photo(journal: Journal) -> None:
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft("Ada Lovelace"), NOW)
        connection = session.connection()
        connection.exec_driver_sql(
            "UPDATE contact SET photo = ? WHERE id = ?", (b"\x89PNG\r\n", contact.id)
        )
        connection.exec_driver_sql(
            "INSERT INTO stage_model (key, name, stages, cyclic) VALUES "
            "('a', 'A', '[]', 0), ('b', 'B', '[]', 1), ('c', 'C', '[]', 2)"
        )
    exported = _exported(journal)
    assert exported == _as_before(journal)
    assert [json.loads(row)["cyclic"] for row in exported["stage_model"]] == [False, True, True]
    assert json.loads(exported["contact"][0])["photo"] == "iVBORw0K"


texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(notes=st.lists(texts, min_size=1, max_size=4))
def test_any_text_is_escaped_as_python_escapes_it(
    either_journal: Journal, notes: list[str]
) -> None:
    with either_journal.transaction() as session:
        session.connection().exec_driver_sql("DELETE FROM contact")
        for text in notes:
            contact = create_contact(session, ContactDraft("Ada Lovelace"), NOW)
            session.connection().exec_driver_sql(
                "UPDATE contact SET display_name = ?, nickname = ?, notes = ? WHERE id = ?",
                (text, text + '\x00\u2028"\\', text * 3, contact.id),
            )
    assert _exported(either_journal)["contact"] == _as_before(either_journal)["contact"]


def test_the_export_streams_a_batch_at_a_time(journal: Journal) -> None:
    with journal.transaction() as session:
        for number in range(2500):
            create_contact(session, ContactDraft(f"Person {number}"), NOW)
    with journal.engine.connect() as connection, connection.begin():
        contact = SQLModel.metadata.tables["contact"]
        sizes = [len(batch) for batch in json_rows(connection, contact)]
    assert sizes == [1000, 1000, 500]


def test_an_sqlite_without_json_functions_exports_the_same(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    expected = _exported(journal)
    monkeypatch.setattr(
        archive_rows, "_object", lambda members: f"json_object_x({', '.join(members)})"
    )
    assert _exported(journal) == expected


def test_a_binary_value_late_in_a_table_hands_the_rest_to_python(journal: Journal) -> None:
    with journal.transaction() as session:
        for number in range(1500):
            create_contact(session, ContactDraft(f"Person {number}"), NOW)
        session.connection().exec_driver_sql(
            "UPDATE contact SET notes = ? WHERE id = 1200", (b"\x00\xff",)
        )
    exported = _exported(journal)
    assert exported == _as_before(journal)
    assert len(exported["contact"]) == 1500
    assert json.loads(exported["contact"][1199])["notes"] == "AP8="


def test_a_time_in_the_stored_form_that_is_no_real_day_is_written_as_stored(
    journal: Journal,
) -> None:
    """Reading it through the types would fail the whole export; restoring names the row."""
    with journal.transaction() as session:
        contact = create_contact(session, ContactDraft("Ada Lovelace"), NOW)
        session.connection().exec_driver_sql(
            "UPDATE contact SET created_at = '2026-13-45 12:00:00' WHERE id = ?", (contact.id,)
        )
    row = json.loads(_exported(journal)["contact"][0])
    assert row["created_at"] == "2026-13-45T12:00:00+00:00"
