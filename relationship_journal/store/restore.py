"""Checking a backup before trusting it, and restoring it over the journal.

Restore is the way out of any damage, so it never reads the journal it replaces: the
journal's files are set aside byte for byte (a hard link, or a plain copy across file
systems) without being opened. The backup is copied beside the journal under the
journal's own key first (an encrypted journal never gets a plain copy beside it, even for
a moment), checked, and renamed into place in one step.
"""

from __future__ import annotations

import os
import shutil
from contextlib import suppress
from pathlib import Path

from relationship_journal.store import gate
from relationship_journal.store.backup_names import timestamped_name
from relationship_journal.store.backups import backup_folder, copy_pages
from relationship_journal.store.cipher import (
    JournalKey,
    database_errors,
    export_database,
    finish_copy,
    has_sqlite_header,
    remove_side_files,
)
from relationship_journal.store.errors import (
    DamagedBackupError,
    DamagedJournalError,
    JournalError,
)
from relationship_journal.store.inspection import FULL, inspect_file
from relationship_journal.store.output_files import replacing, sync_folder
from relationship_journal.store.private_files import create_private_file
from relationship_journal.store.problems import os_meaning, sentence, sqlite_meaning

SIDE_FILES = ("-wal", "-shm")


def verify(path: Path, key: JournalKey | None = None) -> str:
    """Raise a ``JournalError`` unless ``path`` is a sound journal we can open (with ``key``
    when it is encrypted); returns its schema revision."""
    if not path.is_file():
        what = "is a folder, not a backup file" if path.is_dir() else "does not exist"
        raise JournalError(f"{path} {what}; nothing was changed.")
    try:
        inspection = inspect_file(path, key, check=FULL)
    except DamagedJournalError as error:
        raise DamagedBackupError(path, error.detail) from None
    if inspection.empty or inspection.revision is None:
        raise JournalError(f"{path} is an empty file, not a backup of a journal")
    return inspection.revision


def restore(
    backup: Path,
    journal: Path,
    backup_dir: Path,
    journal_key: JournalKey | None = None,
    backup_key: JournalKey | None = None,
) -> Path:
    """Replace the journal with ``backup`` after checking it, keeping the journal as it was
    in ``backup_dir``; returns where it was kept. Passes the gate exclusively: refused
    while the journal is open anywhere else.

    The restored journal keeps the journal's encryption (``journal_key``) whatever the
    backup was made under (``backup_key``): restoring never silently drops or changes the
    passphrase. A journal that cannot be recognised at all takes the backup's.
    """
    verify(backup, backup_key)
    if has_sqlite_header(backup):
        backup_key = None
    if not journal.exists() or (journal_key is None and not has_sqlite_header(journal)):
        journal_key = backup_key
    with gate.converting(journal, "restore a backup"):
        staged = journal.with_name(f".{journal.name}.restoring")
        try:
            _stage(backup, backup_key, staged, journal_key)
            kept = set_aside(journal, backup_dir)
            os.replace(staged, journal)
            sync_folder(journal.parent)
        except OSError as error:
            raise JournalError(sentence("restore", journal, *os_meaning(error))) from None
        except database_errors() as error:
            meaning = sqlite_meaning(error, journal) or (str(error), "")
            raise JournalError(sentence("restore", journal, *meaning)) from None
        finally:
            with suppress(OSError):
                staged.unlink()
            remove_side_files(staged)
    return kept or journal


def _stage(
    backup: Path, backup_key: JournalKey | None, staged: Path, key: JournalKey | None
) -> None:
    """The backup's content at ``staged``, under ``key``, checked and on the disk."""
    staged.unlink(missing_ok=True)
    remove_side_files(staged)
    if backup_key == key:
        with replacing(staged) as temporary:
            copy_pages(backup, temporary, "WAL", key)
    else:
        create_private_file(staged)
        export_database(backup, backup_key, staged, key)
    finish_copy(staged, key, "WAL")


def set_aside(journal: Path, backup_dir: Path) -> Path | None:
    """Keep the journal's files in ``backup_dir`` exactly as they are, without opening them.

    The main file is linked first (the journal stays whole meanwhile), then its write-ahead
    log is moved, so that no log is ever left beside a file it does not belong to.
    """
    if not journal.exists():
        return None
    kept = backup_folder(backup_dir) / timestamped_name(journal.stem, "before-restore")
    _link_or_copy(journal, kept)
    for suffix in SIDE_FILES:
        side = journal.with_name(journal.name + suffix)
        if side.exists():
            target = kept.with_name(kept.name + suffix)
            _link_or_copy(side, target)
            side.unlink()
    sync_folder(kept.parent)
    return kept


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        # Another file system, or one without hard links: a byte-for-byte copy, flushed.
        shutil.copyfile(source, target)
        os.chmod(target, 0o600)
        with target.open("rb") as handle:
            os.fsync(handle.fileno())
