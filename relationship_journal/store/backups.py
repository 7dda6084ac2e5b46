"""Copies of a live journal through SQLite's online backup API (never a plain file copy)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from relationship_journal.store.cipher import JournalKey, connect
from relationship_journal.store.private_files import create_private_file


def copy_database(
    source: Path, target: Path, journal_mode: str = "DELETE", key: JournalKey | None = None
) -> Path:
    """Write a consistent copy of the database ``source`` over ``target`` (kept private).

    A backup is one self-contained file (journal mode DELETE: no -wal beside it); a
    restored journal goes back to WAL. The copy of an encrypted journal is encrypted under
    the same key and salt, so the same passphrase opens it.
    """
    create_private_file(target)
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
    return target


def timestamped_name(stem: str, reason: str, now: datetime | None = None) -> str:
    moment = (now or datetime.now()).strftime("%Y%m%d-%H%M%S-%f")
    return f"{stem}-{reason}-{moment}.sqlite"


def backup_before(
    source: Path, backup_dir: Path, reason: str, key: JournalKey | None = None
) -> Path:
    """A copy of ``source`` named for why it was taken, in ``backup_dir``."""
    return copy_database(source, backup_dir / timestamped_name(source.stem, reason), key=key)


DAILY = "daily"
DEFAULT_KEEP = 14


def backups_of(backup_dir: Path, stem: str, reason: str | None = None) -> list[Path]:
    """Backups in ``backup_dir``, newest first."""
    if not backup_dir.is_dir():
        return []
    prefix = f"{stem}-{reason}-" if reason else f"{stem}-"
    found = [p for p in backup_dir.glob(f"{prefix}*.sqlite") if p.is_file()]
    return sorted(found, key=lambda p: p.name.rsplit("-", 3)[-3:], reverse=True)


def rotate(backup_dir: Path, stem: str, keep: int) -> list[Path]:
    """Delete the oldest daily backups beyond ``keep``; returns what was deleted."""
    doomed = backups_of(backup_dir, stem, DAILY)[max(keep, 1) :]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


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
    made = copy_database(
        journal, backup_dir / timestamped_name(journal.stem, DAILY, moment), key=key
    )
    rotate(backup_dir, journal.stem, keep)
    return made
