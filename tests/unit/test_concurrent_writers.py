"""Several processes writing at once: every entry kept, every sum exact, the window told."""

from __future__ import annotations

import math
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from relationship_journal.domain import ledger
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal import open_journal
from relationship_journal.store.lock import JournalLock
from tests.unit.test_cli import run

ROOT = Path(__file__).resolve().parents[2]
PER_PROCESS = 100


def _moment(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _stored_and_expected(path: Path) -> tuple[float, float, int]:
    db = sqlite3.connect(path)
    try:
        stored = db.execute("SELECT balance_sum FROM contact WHERE id = 1").fetchone()[0]
        rows = db.execute(
            "SELECT e.value, e.occurred_at, e.created_at FROM entry e "
            "JOIN entry_contact ec ON ec.entry_id = e.id WHERE ec.contact_id = 1"
        ).fetchall()
    finally:
        db.close()
    expected = math.fsum(ledger.term(v, _moment(at), _moment(made)) for v, at, made in rows)
    return stored, expected, len(rows)


@pytest.mark.slow
def test_two_processes_logging_at_once_beside_the_window_keep_the_exact_sum(
    capsys: pytest.CaptureFixture[str], paths: JournalPaths
) -> None:
    window = open_journal(paths.journal, paths.backups)
    lock = JournalLock(paths.journal)
    lock.acquire()  # the window is open: the command line must still be let in
    try:
        with window.transaction() as session:
            create_contact(session, ContactDraft("Ada Lovelace"), clock.now())
        assert not window.changed_elsewhere()
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        worker = [sys.executable, "-m", "tests.log_worker", f"{paths.data_dir}"]
        workers = [
            subprocess.Popen(
                [*worker, weight, f"{PER_PROCESS}"],
                cwd=ROOT,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
            )
            for weight in ("1", "2")
        ]
        outputs = [worker.communicate(timeout=600) for worker in workers]
        for out, err in outputs:
            assert f"LOGGED {PER_PROCESS}" in out, err[-2000:]
            assert "Traceback" not in err
        assert window.changed_elsewhere()
        assert not window.changed_elsewhere()
    finally:
        lock.release()
        window.close()
    stored, expected, count = _stored_and_expected(paths.journal)
    assert count == 2 * PER_PROCESS
    assert stored == pytest.approx(expected, rel=1e-12)
    # What the user sees: 100 deposits of 1 and 100 of 2, all of today.
    code, out, _ = run(capsys, "contacts")
    assert code == 0 and "+300.00" in out


def test_the_window_hears_of_writes_made_elsewhere_but_not_of_its_own(
    paths: JournalPaths,
) -> None:
    window = open_journal(paths.journal, paths.backups)
    other = open_journal(paths.journal, paths.backups)
    try:
        assert not window.changed_elsewhere()
        with window.transaction() as session:
            create_contact(session, ContactDraft("Own write"), clock.now())
        assert not window.changed_elsewhere()
        with other.transaction() as session:
            create_contact(session, ContactDraft("Someone else"), clock.now())
        assert window.changed_elsewhere()
        assert not window.changed_elsewhere()
        assert other.changed_elsewhere()  # it hears of the window's write in turn
    finally:
        other.close()
        window.close()
