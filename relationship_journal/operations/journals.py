"""Opening the right journal for a run: the user's own, or the demo kept beside it; restoring
one from a backup."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from datetime import date, datetime
from pathlib import Path

from relationship_journal.domain.clock import Clock
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store import clock, gate
from relationship_journal.store.backup_names import backups_of
from relationship_journal.store.cipher import JournalKey, connect, database_errors
from relationship_journal.store.demo import is_empty, populate_demo
from relationship_journal.store.encryption import is_under, salt_of
from relationship_journal.store.errors import WrongPassphraseError
from relationship_journal.store.inspection import QUICK
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.lock import JournalLock
from relationship_journal.store.restore import restore, verify
from relationship_journal.store.settings import get_setting, set_setting

__all__ = ["Journal", "JournalKey", "JournalLock", "open_journal"]

DEMO_MADE_ON = "demo.made_on"


def open_user_journal(
    paths: JournalPaths,
    key: JournalKey | None = None,
    check: str | None = QUICK,
    on_upgrade: Callable[[], None] | None = None,
) -> Journal:
    """The user's journal. The window passes ``check=None`` and checks every page in the
    background once it is up (``Journal.check_pages``): on a large journal the check takes
    seconds, which a start should not wait for. ``on_upgrade`` is told before an older
    journal is brought up to date."""
    return open_journal(paths.journal, paths.backups, key, check=check, on_upgrade=on_upgrade)


def open_demo_journal(
    paths: JournalPaths, today: date | None = None, now: datetime | None = None
) -> Journal:
    """The demo journal, made afresh each day so its birthdays stay in the coming days."""
    day = today or clock.today()
    demo_paths = paths.demo
    journal = open_journal(demo_paths.journal, demo_paths.backups)
    made_on = None if is_empty(journal) else get_setting(journal, DEMO_MADE_ON)
    if made_on != day.isoformat():
        journal.close()
        with gate.converting(demo_paths.journal, "renew the demo journal"):
            for suffix in ("", "-wal", "-shm"):
                demo_paths.journal.with_name(demo_paths.journal.name + suffix).unlink(
                    missing_ok=True
                )
        journal = open_journal(demo_paths.journal, demo_paths.backups)
        populate_demo(journal, resource("demo", "demo_journal.json"), day, now or clock.now())
        set_setting(journal, DEMO_MADE_ON, day.isoformat())
    return journal


def workspace(paths: JournalPaths, journal: Journal, clock: Clock | None = None) -> Workspace:
    return Workspace(journal, paths, clock)


def restore_backup(
    paths: JournalPaths,
    backup: Path,
    journal_key: JournalKey | None,
    backup_key: JournalKey | None,
) -> Path:
    """Replace the (closed) journal with ``backup``, checked first; the journal as it was is
    kept among the backups: returns where."""
    return restore(backup, paths.journal, paths.backups, journal_key, backup_key)


def check_backup(backup: Path, key: JournalKey | None) -> None:
    """Raise a ``JournalError`` unless ``backup`` is a sound journal ``key`` opens."""
    verify(backup, key)


def key_fits(journal: Path, key: JournalKey, backup_dir: Path) -> bool:
    """Whether ``key`` is the journal's, told without reading past its first page (it may
    be damaged); when the first page cannot tell, by a backup under the same salt."""
    with suppress(WrongPassphraseError, *database_errors()):
        connect(journal, key, read_only=True).close()
        return True
    alike = [b for b in backups_of(backup_dir, journal.stem) if salt_of(b) == key.salt.hex()]
    return not alike or any(is_under(b, key) for b in alike)
