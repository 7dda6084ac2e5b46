"""Journals from every earlier revision open, after a backup, with their data intact.

Each released schema revision keeps a fixture journal in tests/data/journals (made with the
demo data at that revision); when a revision is added, add its fixture.
"""

from __future__ import annotations

import shutil
import sqlite3
import warnings
from pathlib import Path

import pytest

from relationship_journal.paths import JournalPaths
from relationship_journal.store import schema
from relationship_journal.store.journal import open_journal

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "journals"
OLD_REVISIONS = sorted(path.stem.split("-")[1] for path in FIXTURES.glob("journal-*.sqlite"))


def test_every_revision_but_the_newest_has_a_fixture() -> None:
    revisions = sorted(schema.known_revisions())
    assert [r for r in revisions if r != schema.head_revision()] == OLD_REVISIONS


@pytest.mark.parametrize("revision", OLD_REVISIONS)
def test_older_journal_is_backed_up_then_migrated(revision: str, paths: JournalPaths) -> None:
    paths.data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / f"journal-{revision}.sqlite", paths.journal)
    original = paths.journal.read_bytes()
    journal = open_journal(paths.journal, paths.backups)
    journal.close()
    backups = list(paths.backups.glob(f"journal-before-upgrade-from-{revision}-*.sqlite"))
    assert len(backups) == 1
    kept = sqlite3.connect(backups[0])
    assert kept.execute("SELECT version_num FROM alembic_version").fetchone()[0] == revision
    assert kept.execute("SELECT count(*) FROM contact").fetchone()[0] == 25
    kept.close()
    upgraded = sqlite3.connect(paths.journal)
    assert (
        upgraded.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        == schema.head_revision()
    )
    assert upgraded.execute("SELECT count(*) FROM contact").fetchone()[0] == 25
    assert upgraded.execute("SELECT count(*) FROM entry").fetchone()[0] > 100
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    upgraded.close()
    assert original[:16] == b"SQLite format 3\x00"


def test_the_listed_revisions_are_the_migration_scripts() -> None:
    assert list(schema.REVISIONS) == schema.script_revisions()


def test_the_models_match_the_migrated_schema() -> None:
    """What the code declares (SQLModel) is what the migrations build, table for table,
    column for column, index for index: Alembic's autogenerate finds nothing to add."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import create_engine
    from sqlalchemy.exc import SAWarning
    from sqlmodel import SQLModel

    import relationship_journal.store.models  # noqa: F401  (declares the tables)

    engine = create_engine("sqlite://")
    with engine.begin() as connection, warnings.catch_warnings():
        # Indexes on expressions (a month-day of a date, say) are made by hand in migrations
        # and cannot be reflected; SQLAlchemy says so, and leaves them out of the comparison.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
        schema.upgrade(connection)
        context = MigrationContext.configure(connection, opts={"compare_type": False})
        differences = compare_metadata(context, SQLModel.metadata)
    # Full-text search and the undo log's tables are made by hand in migrations, not models.
    handmade = ("search", "undo")
    assert [d for d in differences if not any(h in str(d) for h in handmade)] == []


def test_the_caller_is_told_before_an_upgrade_and_only_then(paths: JournalPaths) -> None:
    """An upgrade of a large journal takes a minute or two: the window and the command
    line say so first. Opening a journal that is up to date, or a new one, says nothing."""
    paths.data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / f"journal-{OLD_REVISIONS[-1]}.sqlite", paths.journal)
    told: list[str] = []
    for _ in range(2):
        open_journal(paths.journal, paths.backups, on_upgrade=lambda: told.append("up")).close()
    fresh = paths.data_dir / "fresh.sqlite"
    open_journal(fresh, paths.backups, on_upgrade=lambda: told.append("fresh")).close()
    assert told == ["up"]


def test_the_command_line_says_it_is_upgrading(
    paths: JournalPaths, capsys: pytest.CaptureFixture[str]
) -> None:
    from relationship_journal.app import main

    paths.data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / f"journal-{OLD_REVISIONS[-1]}.sqlite", paths.journal)
    assert main(["--data-dir", str(paths.data_dir), "search", "Jürgen"]) == 0
    captured = capsys.readouterr()
    assert "bringing the journal up to date" in captured.err
    assert "Jürgen" in captured.out
    assert main(["--data-dir", str(paths.data_dir), "search", "Jürgen"]) == 0
    assert "up to date" not in capsys.readouterr().err


def test_phone_digits_written_the_old_way_are_worked_out_again(paths: JournalPaths) -> None:
    """Revision 0009: a number's digits as matching works them out now, so that the index
    on them finds "+44 20 7946 0958" from "020 7946 0958"."""
    from relationship_journal.domain.contact import phone_key

    paths.data_dir.mkdir(parents=True)
    shutil.copy(FIXTURES / "journal-0008.sqlite", paths.journal)
    old = sqlite3.connect(paths.journal)
    with old:
        old.execute(
            "UPDATE contact_phone SET number = '+44 20 7946 0958', digits = '442079460958'"
            " WHERE id = (SELECT min(id) FROM contact_phone)"
        )
    old.close()
    open_journal(paths.journal, paths.backups).close()
    upgraded = sqlite3.connect(paths.journal)
    rows = upgraded.execute("SELECT number, digits FROM contact_phone").fetchall()
    upgraded.close()
    assert ("+44 20 7946 0958", "2079460958") in rows
    assert all(digits == phone_key(number) for number, digits in rows)
