"""Opening the right journal for a run: the user's own, or the demo kept beside it."""

from __future__ import annotations

from datetime import date, datetime

from relationship_journal.paths import JournalPaths
from relationship_journal.resources import resource
from relationship_journal.store import clock, gate
from relationship_journal.store.cipher import JournalKey
from relationship_journal.store.demo import is_empty, populate_demo
from relationship_journal.store.inspection import QUICK
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.settings import get_setting, set_setting

DEMO_MADE_ON = "demo.made_on"


def open_user_journal(
    paths: JournalPaths, key: JournalKey | None = None, check: str | None = QUICK
) -> Journal:
    """The user's journal. The window passes ``check=None`` and checks every page in the
    background once it is up (``Journal.check_pages``): on a large journal the check takes
    seconds, which a start should not wait for."""
    return open_journal(paths.journal, paths.backups, key, check=check)


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
