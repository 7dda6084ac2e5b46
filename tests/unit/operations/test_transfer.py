"""A whole-journal restore is one step: undone, the journal is empty again; redone, it is the
restored journal again; and what undoes it stays a few statements."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from relationship_journal.domain.clock import FixedClock
from relationship_journal.operations import transfer
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store import undo_log
from relationship_journal.store.contacts import get_contact, trash_contacts
from relationship_journal.store.demo import populate_demo
from relationship_journal.store.journal import Journal, open_journal

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def _tables(path: Path) -> dict[str, Any]:
    """The rows of an export. A replay computes the running sums afresh, which may differ
    from the kept ones in the last digit."""
    tables: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["tables"]
    for row in tables["contact"]:
        row["balance_sum"] = round(row["balance_sum"], 6)
    return tables


def _demo_export(tmp_path: Path) -> Path:
    """The demo journal's whole-journal export."""
    source = JournalPaths(tmp_path / "source")
    journal = open_journal(source.journal, source.backups)
    populate_demo(journal, resource("demo", "demo_journal.json"), NOW.date(), NOW)
    export = tmp_path / "export.json"
    transfer.export(Workspace(journal, source), "json", export)
    journal.close()
    return export


def _empty_workspace(tmp_path: Path) -> tuple[Journal, Workspace]:
    paths = JournalPaths(tmp_path / "restored")
    journal = open_journal(paths.journal, paths.backups)
    return journal, Workspace(journal, paths, FixedClock(NOW))


def test_a_restore_is_undone_and_redone_whole(tmp_path: Path) -> None:
    export = _demo_export(tmp_path)
    journal, ws = _empty_workspace(tmp_path)
    try:
        empty = tmp_path / "empty.json"
        transfer.export(ws, "json", empty)
        done = transfer.load_archive(ws, export, keep_valid=False)
        assert done.value.kept and done.value.contacts == 25 and done.change is not None
        assert len(done.change.inverse.statements) < 40  # a range per table, not a row each
        restored = tmp_path / "restored.json"
        transfer.export(ws, "json", restored)
        assert restored.read_text().split('"tables"')[1] == export.read_text().split('"tables"')[1]

        redo = ws.replay(done.change.inverse)
        transfer.export(ws, "json", tmp_path / "undone.json", force=True)
        assert _tables(tmp_path / "undone.json") == _tables(empty)
        ws.replay(redo)
        transfer.export(ws, "json", tmp_path / "redone.json", force=True)
        assert _tables(tmp_path / "redone.json") == _tables(export)
    finally:
        journal.close()


def _undo_triggers(journal: Journal) -> list[tuple[str, str]]:
    with journal.transaction() as session:
        return sorted(
            tuple(row)  # type: ignore[misc]
            for row in session.connection().exec_driver_sql(
                "SELECT name, sql FROM sqlite_temp_master WHERE type = 'trigger'"
            )
        )


def test_after_a_restore_each_change_is_undone_row_by_row_again(tmp_path: Path) -> None:
    """The restore logs its rows in runs when it ends, not one by one; the logging of each
    change is back afterwards, so the next action is undone as any other."""
    export = _demo_export(tmp_path)
    journal, ws = _empty_workspace(tmp_path)
    try:
        with journal.transaction() as session:
            undo_log.begin(session)
        triggers = _undo_triggers(journal)
        assert len(triggers) > 30
        assert transfer.load_archive(ws, export, keep_valid=False).value.kept
        assert _undo_triggers(journal) == triggers

        trashed = ws.write("Trash", lambda s: trash_contacts(s, [3], NOW))
        assert trashed.change is not None
        assert len(trashed.change.inverse.statements) == 1  # the one row, as before
        ws.replay(trashed.change.inverse)
        with journal.reading() as session:
            assert get_contact(session, 3).deleted_at is None
    finally:
        journal.close()
