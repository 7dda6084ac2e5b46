"""What a file on disk is, read without writing a byte: a journal of ours, at which schema
revision, sound or damaged; and what a SQLite error met on the way means for the user."""

from __future__ import annotations

import os
import shlex
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from relationship_journal.store import schema
from relationship_journal.store.backup_names import backups_of
from relationship_journal.store.cipher import (
    JournalKey,
    connect,
    database_errors,
    has_sqlite_header,
    looks_encrypted,
)
from relationship_journal.store.errors import (
    DamagedJournalError,
    JournalError,
    JournalUnwritableError,
    NotAJournalError,
    PassphraseNeededError,
    TooNewJournalError,
)
from relationship_journal.store.problems import (
    NO_PERMISSION,
    READ_ONLY,
    is_damage,
    os_meaning,
    sentence,
    sqlite_meaning,
)

QUICK = "quick"
FULL = "full"


@dataclass(frozen=True)
class Inspection:
    """What a file on disk turned out to be."""

    empty: bool
    revision: str | None


def restore_advice(journal: Path, backup_dir: Path) -> str:
    """The command that gets the user out of a damaged journal."""
    found = backups_of(backup_dir, journal.stem)
    where = shlex.quote(str(journal.parent))
    if not found:
        return (
            f"There is no backup in {backup_dir}. Move the damaged file away; if you have a "
            f"JSON export, run: relationship-journal --data-dir {where} import EXPORT.json"
        )
    return (
        f"To restore the newest backup, run: relationship-journal --data-dir {where} "
        f"restore {shlex.quote(str(found[0]))} (other backups are in {backup_dir})"
    )


def check_place(path: Path) -> None:
    """Refuse, with the reason, a journal path that cannot hold a journal we may write."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise JournalUnwritableError(path, *os_meaning(error)) from None
    if mode is not None and stat.S_ISDIR(mode):
        raise JournalError(
            f"{path} is a folder, not a journal file. Nothing was changed. Move the folder "
            "away, or choose another data folder with --data-dir."
        )
    if mode is not None and not stat.S_ISREG(mode):
        raise NotAJournalError(path, "it is not a regular file")
    folder = path.parent
    if folder.is_dir() and not os.access(folder, os.W_OK):
        raise JournalUnwritableError(folder, _why_unwritable(folder), _WRITABLE_ADVICE)
    if mode is not None and not os.access(path, os.W_OK):
        raise JournalUnwritableError(path, _why_unwritable(path), _WRITABLE_ADVICE)


_WRITABLE_ADVICE = (
    "The journal is fine; make its folder writable (or remount the disk read-write), or "
    "copy the folder to a writable place and use --data-dir."
)


def _why_unwritable(path: Path) -> str:
    try:
        read_only = bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        read_only = False
    return READ_ONLY if read_only else NO_PERMISSION


def read_problem(path: Path, error: BaseException, backup_dir: Path | None) -> JournalError:
    """The user's view of a SQLite error met while reading ``path``."""
    meaning = sqlite_meaning(error, path)
    if is_damage(error) or meaning is None:
        return damaged(path, str(error), backup_dir)
    return JournalError(sentence("read", path, *meaning))


def damaged(path: Path, detail: str, backup_dir: Path | None) -> DamagedJournalError:
    if backup_dir is None:
        return DamagedJournalError(path, detail)
    return DamagedJournalError(path, detail, restore_advice(path, backup_dir))


def inspect_file(
    path: Path,
    key: JournalKey | None = None,
    check: str | None = None,
    backup_dir: Path | None = None,
) -> Inspection:
    """Read ``path`` read-only and say whether it is a journal we can open.

    ``key`` opens an encrypted file; a plain file needs none. An encrypted file without a
    key raises ``PassphraseNeededError``, with the wrong key ``WrongPassphraseError``.
    ``check`` is ``QUICK`` or ``FULL`` to also check every page (``PRAGMA quick_check`` or
    ``integrity_check``); damage raises ``DamagedJournalError``, whose advice names a
    backup in ``backup_dir``.
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
        raise read_problem(path, error, backup_dir) from None
    try:
        inspection = _identify(path, connection)
        if check is not None and not inspection.empty:
            _check_pages(path, connection, check)
    except errors as error:
        raise read_problem(path, error, backup_dir) from None
    except DamagedJournalError as error:
        raise damaged(path, error.detail, backup_dir) from None
    finally:
        connection.close()
    return inspection


def _identify(path: Path, connection: Any) -> Inspection:
    application_id = connection.execute("PRAGMA application_id").fetchone()[0]
    tables = {
        row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
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
    if row is None:
        raise DamagedJournalError(path, "its schema version is missing")
    revision = str(row[0])
    if revision not in schema.known_revisions():
        raise TooNewJournalError(path, revision)
    return Inspection(empty=False, revision=revision)


def _check_pages(path: Path, connection: Any, check: str) -> None:
    pragma = "quick_check" if check == QUICK else "integrity_check"
    rows = connection.execute(f"PRAGMA {pragma}(3)").fetchall()
    found = [str(row[0]) for row in rows]
    if found != ["ok"]:
        raise DamagedJournalError(path, f"{pragma}: " + "; ".join(found))
