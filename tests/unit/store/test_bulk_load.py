"""A restore fills the search indexes once, after the rows are in, exactly as the triggers
would have row by row; the triggers and lookup indexes are back afterwards, and a restore
rolled back leaves them as they were."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from relationship_journal.domain.clock import FixedClock
from relationship_journal.operations import transfer
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store.bulk import insert_rows
from relationship_journal.store.bulk_load import bulk_load, empty_tables
from relationship_journal.store.contacts import trash_contacts
from relationship_journal.store.demo import populate_demo
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.models import SQLModel
from relationship_journal.store.search import INDEXES, search

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _indexed(journal: Journal) -> dict[str, list[tuple[object, ...]]]:
    with journal.engine.connect() as connection:
        names = set(INDEXES.values()) | {
            name
            for (name,) in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name LIKE 'search_index%' AND sql LIKE '%VIRTUAL TABLE%'"
            )
        }
        return {
            name: sorted(
                tuple(row) for row in connection.exec_driver_sql(f"SELECT rowid, * FROM {name}")
            )
            for name in sorted(names)
        }


def _triggers(journal: Journal) -> list[tuple[str, str]]:
    """The journal's triggers and indexes."""
    with journal.engine.connect() as connection:
        return sorted(
            tuple(row)  # type: ignore[misc]
            for row in connection.exec_driver_sql(
                "SELECT name, sql FROM sqlite_master WHERE type IN ('trigger', 'index')"
            )
        )


@pytest.fixture
def exported(tmp_path: Path) -> tuple[Path, Journal]:
    """The demo journal, one contact in the trash, and its export."""
    folder = tmp_path / "source"
    journal = open_journal(folder / "journal.sqlite", folder / "backups")
    populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    with journal.transaction() as session:
        trash_contacts(session, [3], NOW)
    target = tmp_path / "export.json"
    transfer.export(Workspace(journal, JournalPaths(folder), FixedClock(NOW)), "json", target)
    return target, journal


def test_a_restore_indexes_every_row_as_the_triggers_do(
    exported: tuple[Path, Journal], journal: Journal, paths: JournalPaths
) -> None:
    target, source = exported
    triggers = _triggers(journal)
    report = transfer.load_archive(
        Workspace(journal, paths, FixedClock(NOW)), target, keep_valid=False
    ).value
    assert report.kept and not report.problem_count
    restored = _indexed(journal)
    assert restored == _indexed(source)
    assert len(restored["search_index_entries"]) > 100
    assert _triggers(journal) == triggers
    assert len([name for name, _ in triggers if name.startswith("ix_")]) > 40
    with journal.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with journal.reading() as session:
        titles = [
            hit.title.replace("\x02", "").replace("\x03", "") for hit in search(session, "jurg")
        ]
    assert "Jürgen Müller" in titles
    source.close()


def test_a_restore_rolled_back_leaves_the_triggers_as_they_were(
    exported: tuple[Path, Journal], journal: Journal, paths: JournalPaths, tmp_path: Path
) -> None:
    target, source = exported
    source.close()
    document = json.loads(target.read_text(encoding="utf-8"))
    document["tables"]["entry"][0]["kind"] = 5  # one bad row: nothing is kept
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    triggers = _triggers(journal)
    report = transfer.load_archive(
        Workspace(journal, paths, FixedClock(NOW)), broken, keep_valid=False
    ).value
    assert not report.kept and report.problem_count == 2
    assert _triggers(journal) == triggers
    assert all(not rows for rows in _indexed(journal).values())


def test_a_table_not_empty_keeps_indexing_row_by_row(journal: Journal) -> None:
    """Only tables empty at the start are indexed at the end: the rows already there are
    indexed, and indexing them again would add them twice."""
    organisation = SQLModel.metadata.tables["organisation"]
    with journal.transaction() as session:
        connection = session.connection()
        insert_rows(
            connection, organisation, [{"name": "Alpha", "name_key": "alpha", "created_at": NOW}]
        )
        with bulk_load(connection, empty_tables(connection, ["organisation"])):
            insert_rows(
                connection,
                organisation,
                [{"name": "Bravo", "name_key": "bravo", "created_at": NOW}],
            )
    indexed = _indexed(journal)
    assert [row[4] for row in indexed["search_index_organisations"]] == ["Alpha", "Bravo"]
