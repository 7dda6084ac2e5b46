"""Opening a journal file safely: recognise it, refuse what is not ours, migrate with a backup.

A journal is one SQLite file in WAL mode with foreign keys on. Every user action runs in
``Journal.transaction()``: one transaction that commits as a whole or not at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session, create_engine

from relationship_journal.store import schema
from relationship_journal.store.backups import backup_before
from relationship_journal.store.cipher import (
    JournalKey,
    cipher_module,
    connect,
    database_errors,
    has_sqlite_header,
    looks_encrypted,
)
from relationship_journal.store.errors import (
    DamagedJournalError,
    JournalLockedError,
    JournalUnwritableError,
    NotAJournalError,
    PassphraseNeededError,
    TooNewJournalError,
)
from relationship_journal.store.private_files import create_private_file

BUSY_TIMEOUT_MS = 5000


@dataclass(frozen=True)
class Inspection:
    """What a file on disk turned out to be, read without writing a byte."""

    empty: bool
    revision: str | None


def inspect_file(path: Path, key: JournalKey | None = None) -> Inspection:
    """Read ``path`` read-only and say whether it is a journal we can open.

    ``key`` opens an encrypted file; a plain file needs none. An encrypted file without a
    key raises ``PassphraseNeededError``, with the wrong key ``WrongPassphraseError``.
    """
    if path.stat().st_size == 0:
        return Inspection(empty=True, revision=None)
    if has_sqlite_header(path):
        key = None
    elif key is None:
        if looks_encrypted(path):
            raise PassphraseNeededError(path)
        raise NotAJournalError(path, "it is not an SQLite database")
    errors = database_errors()
    try:
        connection = connect(path, key, read_only=True)
    except errors as error:
        raise DamagedJournalError(path, str(error)) from None
    try:
        application_id = connection.execute("PRAGMA application_id").fetchone()[0]
        tables = {
            row[0]
            for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if application_id != schema.APPLICATION_ID:
            if tables:
                raise NotAJournalError(path, "it is another program's database")
            return Inspection(empty=True, revision=None)
        if "alembic_version" not in tables:
            raise DamagedJournalError(path, "its schema version is missing")
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        # Touch the pages the app reads first, so truncation shows up here and not later.
        connection.execute("SELECT count(*) FROM contact").fetchone()
    except errors as error:
        raise DamagedJournalError(path, str(error)) from None
    finally:
        connection.close()
    if row is None:
        raise DamagedJournalError(path, "its schema version is missing")
    revision = str(row[0])
    if revision not in schema.known_revisions():
        raise TooNewJournalError(path, revision)
    return Inspection(empty=False, revision=revision)


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: every committed action reaches the disk before the app says it is saved.
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.close()


def make_engine(path: Path, key: JournalKey | None = None) -> Engine:
    # A URL object, not a string: a folder named "Clients #1 ?final" stays one path.
    url = URL.create("sqlite", database=str(path))
    if key is None:
        engine = create_engine(url, connect_args={"check_same_thread": False})
    else:
        engine = create_engine(
            url, module=cipher_module(), creator=lambda: connect(path, key, same_thread=False)
        )
    event.listen(engine, "connect", _configure_connection)
    return engine


class Journal:
    """An open journal file; ``key`` is set when it is encrypted."""

    def __init__(self, path: Path, engine: Engine, key: JournalKey | None = None) -> None:
        self.path = path
        self.engine = engine
        self.key = key

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commits when the block ends, rolls back if it raises.

        A full disk or a read-only file becomes a ``JournalUnwritableError`` (a clear message,
        nothing changed); anything else propagates as the bug it is.
        """
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except OperationalError as error:
                session.rollback()
                raise _known_problem(self.path, error) from error
            except BaseException:
                session.rollback()
                raise

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


_KNOWN_WRITE_PROBLEMS = {
    "database or disk is full": "the disk is full",
    "attempt to write a readonly database": "the journal is read-only",
    "unable to open database file": "the journal's folder cannot be written",
    "disk I/O error": "the disk reported an error",
}


def _known_problem(path: Path, error: OperationalError) -> BaseException:
    text = str(error.orig)
    for marker, meaning in _KNOWN_WRITE_PROBLEMS.items():
        if marker in text:
            return JournalUnwritableError(path, meaning)
    if "database is locked" in text:
        return JournalLockedError(path)
    return error


def open_journal(path: Path, backup_dir: Path, key: JournalKey | None = None) -> Journal:
    """Open (creating if absent) the journal at ``path``, migrating an older one after a backup.

    Raises a ``JournalError`` subclass for files that are not ours, damaged, too new, or
    encrypted under another passphrase; in each of those cases the file is left exactly as
    it was. ``key`` is only used when the file is encrypted.
    """
    created = not path.exists()
    if created:
        try:
            create_private_file(path)
        except OSError as error:
            raise JournalUnwritableError(path, error.strerror or str(error)) from None
        inspection = Inspection(empty=True, revision=None)
    else:
        inspection = inspect_file(path, key)
    if created or has_sqlite_header(path):
        key = None
    needs_upgrade = inspection.empty or inspection.revision != schema.head_revision()
    if needs_upgrade and not inspection.empty:
        backup_before(path, backup_dir, f"before-upgrade-from-{inspection.revision}", key)
    engine = make_engine(path, key)
    if needs_upgrade:
        try:
            with engine.begin() as connection:
                schema.upgrade(connection)
        except OperationalError as error:
            engine.dispose()
            raise _known_problem(path, error) from None
    return Journal(path, engine, key)
