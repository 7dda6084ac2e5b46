"""Copies of a live journal through SQLite's online backup API (never a plain file copy).

A copy is made only of a journal that passes SQLite's full ``integrity_check``, so a damaged
journal never pushes a good backup out of the rotation; and it is written to a temporary
file renamed into place, so a full disk or a kill never leaves a partial backup behind.
"""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path

from relationship_journal.store import schema
from relationship_journal.store.backup_names import DAILY, backups_of, rotate, timestamped_name
from relationship_journal.store.cipher import JournalKey, connect, database_errors
from relationship_journal.store.encryption import is_under
from relationship_journal.store.errors import JournalError
from relationship_journal.store.inspection import FULL, inspect_file
from relationship_journal.store.output_files import application_id, replacing
from relationship_journal.store.private_files import PRIVATE_FOLDER
from relationship_journal.store.problems import os_meaning, sentence, sqlite_meaning

DEFAULT_KEEP = 14


def copy_database(
    source: Path,
    target: Path,
    journal_mode: str = "DELETE",
    key: JournalKey | None = None,
) -> Path:
    """Write a consistent copy of the database ``source`` over ``target`` (kept private).

    A backup is one self-contained file (journal mode DELETE: no -wal beside it). The copy
    of an encrypted journal is encrypted under the same key and salt, so the same passphrase
    opens it. Raises a ``JournalError`` (nothing left behind) when it cannot be written.
    """
    try:
        with replacing(target) as temporary:
            copy_pages(source, temporary, journal_mode, key)
    except OSError as error:
        raise JournalError(sentence("write the backup", target, *os_meaning(error))) from None
    except database_errors() as error:
        meaning = sqlite_meaning(error, target) or (str(error), "")
        raise JournalError(sentence("write the backup", target, *meaning)) from None
    return target


def copy_pages(source: Path, target: Path, journal_mode: str, key: JournalKey | None) -> None:
    src = connect(source, key, read_only=True)
    try:
        dst = connect(target, key)
        try:
            src.backup(dst)
            dst.execute(f"PRAGMA journal_mode={journal_mode}")
        finally:
            dst.close()
    finally:
        src.close()
    # A WAL copy leaves no -wal of its own once closed; a DELETE one none at all.
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            target.with_name(target.name + suffix).unlink()


def is_journal_copy(path: Path, key: JournalKey | None) -> bool:
    """Whether ``path`` is a copy of a journal: ours, and safe to replace with a newer one."""
    if application_id(path) == schema.APPLICATION_ID:
        return True
    return key is not None and is_under(path, key)


def backup_folder(backup_dir: Path) -> Path:
    """The backups folder, made if absent; a clear error when something else is there."""
    try:
        backup_dir.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    except FileExistsError:
        raise JournalError(
            f"Cannot make a backup in {backup_dir}: a file of that name is in the way, where "
            "the journal keeps its backups folder. Nothing was changed; move the file away."
        ) from None
    except OSError as error:
        cause, advice = os_meaning(error)
        raise JournalError(sentence("make the backups folder", backup_dir, cause, advice)) from None
    return backup_dir


def checked_copy(
    source: Path, target: Path, key: JournalKey | None, backup_dir: Path | None = None
) -> Path:
    """``copy_database`` after a full integrity check of ``source``."""
    inspect_file(source, key, check=FULL, backup_dir=backup_dir)
    return copy_database(source, target, key=key)


def backup_before(
    source: Path, backup_dir: Path, reason: str, key: JournalKey | None = None
) -> Path:
    """A checked copy of ``source`` named for why it was taken, in ``backup_dir``."""
    folder = backup_folder(backup_dir)
    return checked_copy(source, folder / timestamped_name(source.stem, reason), key, backup_dir)


def daily_backup_if_due(
    journal: Path,
    backup_dir: Path,
    keep: int = DEFAULT_KEEP,
    now: datetime | None = None,
    key: JournalKey | None = None,
) -> Path | None:
    """One backup a day, the oldest rotated out; None when today's exists already."""
    moment = now or datetime.now()
    today = moment.strftime("%Y%m%d")
    latest = backups_of(backup_dir, journal.stem, DAILY)
    if latest and f"-{DAILY}-{today}-" in latest[0].name:
        return None
    folder = backup_folder(backup_dir)
    made = checked_copy(
        journal, folder / timestamped_name(journal.stem, DAILY, moment), key, backup_dir
    )
    rotate(backup_dir, journal.stem, keep)
    return made
