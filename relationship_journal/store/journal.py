"""Opening a journal file safely: through the gate, recognised, checked, migrated with a backup.

A journal is one SQLite file in WAL mode with foreign keys on. Every user action runs in
``Journal.transaction()``: one transaction that takes SQLite's write lock first
(``BEGIN IMMEDIATE``) and commits as a whole or not at all, so what it reads is what is
committed and no other process can write in between. Reads run in ``Journal.reading()``,
one consistent snapshot each.

Writes go through one connection of their own; ``changed_elsewhere()`` asks SQLite whether
anyone else (another process, or a connection of this one that is not the writer) has
committed since it last asked, which is what a window polls to refresh.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import StaticPool
from sqlmodel import Session, create_engine

from relationship_journal.store import gate, schema
from relationship_journal.store.backups import backup_before
from relationship_journal.store.cipher import JournalKey, cipher_module, connect, has_sqlite_header
from relationship_journal.store.errors import JournalBusyError, JournalError, JournalUnwritableError
from relationship_journal.store.inspection import (
    FULL,
    QUICK,
    Inspection,
    check_place,
    damaged,
    inspect_file,
)
from relationship_journal.store.private_files import create_private_file
from relationship_journal.store.problems import is_damage, os_meaning, sqlite_meaning

BUSY_TIMEOUT_MS = 5000


def _configure_connection(dbapi_connection: Any, _record: Any) -> None:
    # SQLAlchemy's "begin" event issues BEGIN itself; the driver must not (it would begin
    # late, at the first write, after reads that then belong to no transaction).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA foreign_keys = ON")
    # FULL: every committed action reaches the disk before the app says it is saved.
    cursor.execute("PRAGMA synchronous = FULL")
    # Queries may use exp() (a balance chart's terms); SQLCipher's build leaves out SQLite's
    # maths functions, so there it is Python's.
    found = cursor.execute("SELECT 1 FROM pragma_function_list WHERE name = 'exp'").fetchone()
    if found is None:
        dbapi_connection.create_function("exp", 1, math.exp, deterministic=True)
    cursor.close()


def make_engine(path: Path, key: JournalKey | None = None, writer: bool = False) -> Engine:
    """An engine on the journal. The writer's transactions begin with ``BEGIN IMMEDIATE``
    on one connection; a reader's with a plain ``BEGIN``, from a pool."""
    # A URL object, not a string: a folder named "Clients #1 ?final" stays one path.
    url = URL.create("sqlite", database=str(path))
    options: dict[str, Any] = {"poolclass": StaticPool} if writer else {}
    if key is None:
        engine = create_engine(url, connect_args={"check_same_thread": False}, **options)
    else:
        engine = create_engine(
            url,
            module=cipher_module(),
            creator=lambda: connect(path, key, same_thread=False),
            **options,
        )
    event.listen(engine, "connect", _configure_connection)
    begin = "BEGIN IMMEDIATE" if writer else "BEGIN"
    event.listen(engine, "begin", lambda connection: connection.exec_driver_sql(begin))
    return engine


def _foreign_keys_off(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.execute("PRAGMA foreign_keys = OFF")


class Journal:
    """An open journal file; ``key`` is set when it is encrypted. ``close()`` lets go of the
    gate: the object must not be used afterwards."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        key: JournalKey | None = None,
        passage: gate.GatePass | None = None,
        backup_dir: Path | None = None,
    ) -> None:
        self.path = path
        self.engine = engine
        self.key = key
        self.backup_dir = backup_dir
        self.writer = make_engine(path, key, writer=True)
        self._passage = passage
        self._write_lock = threading.Lock()
        self._writing_thread: int | None = None
        self._seen_version = self._data_version()

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action: commits when the block ends, rolls back if it raises.

        A full disk, a read-only file or damage becomes a ``JournalError`` (a clear message,
        nothing changed); anything else propagates as the bug it is.
        """
        if self._writing_thread == threading.get_ident():
            raise RuntimeError("a transaction cannot be nested in another")
        if not self._write_lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
            raise JournalBusyError(self.path, "another action of this program is still saving")
        self._writing_thread = threading.get_ident()
        try:
            with Session(self.writer, expire_on_commit=False) as session:
                try:
                    yield session
                    session.commit()
                except DBAPIError as error:
                    with suppress(DBAPIError):
                        session.rollback()
                    self._raise_known(error)
                    raise
                except BaseException:
                    with suppress(DBAPIError):
                        session.rollback()
                    raise
        finally:
            self._writing_thread = None
            self._write_lock.release()

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A consistent snapshot of the journal for reading."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
            except DBAPIError as error:
                self._raise_known(error)
                raise

    def _raise_known(self, error: DBAPIError) -> None:
        """Raise the user's view of a known database problem; return for a bug."""
        problem = known_problem(self.path, error, self.backup_dir)
        if problem is not error:
            raise problem from error

    def check_pages(self, full: bool = False) -> None:
        """Check every page of the file (``PRAGMA quick_check``, or ``integrity_check`` when
        ``full``); raises ``DamagedJournalError`` naming the backup to restore. For a window
        that opened with ``check=None`` to start faster: run it off the UI thread."""
        inspect_file(self.path, self.key, check=FULL if full else QUICK, backup_dir=self.backup_dir)

    def changed_elsewhere(self) -> bool:
        """Whether anyone but this journal's writer committed since the last call: another
        process (the command line beside the window), or a restore. Cheap enough to poll
        a few times a second; False while this process is itself writing."""
        if not self._write_lock.acquire(blocking=False):
            return False
        try:
            version = self._data_version()
        except (DBAPIError, JournalError):
            return False
        finally:
            self._write_lock.release()
        changed = version != self._seen_version
        self._seen_version = version
        return changed

    def _data_version(self) -> int:
        raw = self.writer.raw_connection()
        try:
            cursor = raw.cursor()
            try:
                row: Any = cursor.execute("PRAGMA data_version").fetchone()
                return int(row[0])
            finally:
                cursor.close()
        finally:
            raw.close()

    def close(self) -> None:
        self.writer.dispose()
        self.engine.dispose()
        if self._passage is not None:
            self._passage.release()
            self._passage = None


def known_problem(path: Path, error: DBAPIError, backup_dir: Path | None = None) -> BaseException:
    if is_damage(error):
        return damaged(path, str(error.orig), backup_dir)
    meaning = sqlite_meaning(error, path)
    if meaning is None:
        return error
    cause, advice = meaning
    return JournalUnwritableError(path, cause, advice)


def open_journal(
    path: Path,
    backup_dir: Path,
    key: JournalKey | None = None,
    check: str | None = QUICK,
    wait: float | None = None,
    on_upgrade: Callable[[], None] | None = None,
) -> Journal:
    """Open (creating if absent) the journal at ``path``, migrating an older one after a backup.

    ``on_upgrade`` is called before an older journal is upgraded (on a large journal that
    takes a minute or two: the caller says so).

    Passes the gate (shared) for as long as the journal is open; creating or upgrading the
    schema is a conversion and holds it exclusively meanwhile. Raises a ``JournalError``
    subclass for files that are not ours, damaged (``check``: ``QUICK`` looks at every page,
    None only at the first ones), too new, or encrypted under another passphrase; in each
    of those cases the file is left exactly as it was. ``key`` is only used when the file
    is encrypted.
    """
    check_place(path)
    passage = gate.enter(path, wait)
    try:
        inspection = _inspect(path, key, check, backup_dir)
        if inspection is None or inspection.revision != schema.head_revision():
            passage.make_exclusive("upgrade the journal" if inspection else "create the journal")
            if inspection is not None and on_upgrade is not None:
                on_upgrade()
            _create_or_upgrade(path, backup_dir, key)
            passage.make_shared(wait)
        if has_sqlite_header(path):
            key = None
        return Journal(path, make_engine(path, key), key, passage, backup_dir)
    except BaseException:
        passage.release()
        raise


def _inspect(
    path: Path, key: JournalKey | None, check: str | None, backup_dir: Path
) -> Inspection | None:
    """None for a journal still to be made (absent, or an empty file)."""
    if not path.exists():
        return None
    inspection = inspect_file(path, key, check, backup_dir)
    return None if inspection.empty else inspection


def _create_or_upgrade(path: Path, backup_dir: Path, key: JournalKey | None) -> None:
    """Bring the journal to the newest schema; run with the gate held exclusively, after
    looking again, since another process may have done it while this one waited."""
    inspection = _inspect(path, key, None, backup_dir)
    if inspection is not None and inspection.revision == schema.head_revision():
        return
    if inspection is None:
        try:
            create_private_file(path)
        except OSError as error:
            raise JournalUnwritableError(path, *os_meaning(error)) from None
    else:
        backup_before(path, backup_dir, f"before-upgrade-from-{inspection.revision}", key)
    engine = make_engine(path, None if has_sqlite_header(path) or inspection is None else key)
    # Batch migrations copy tables: with foreign keys on, dropping the old table would
    # delete (cascade) the rows that refer to it. SQLite's procedure: keys off, then check.
    event.listen(engine, "connect", _foreign_keys_off)
    try:
        with engine.begin() as connection:
            schema.upgrade(connection)
            problems = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise JournalError(
                    f"Upgrading {path} would break {len(problems)} reference(s) between its "
                    "records, so it was not upgraded. Nothing was changed; please report this."
                )
    except DBAPIError as error:
        raise known_problem(path, error, backup_dir) from None
    finally:
        engine.dispose()
