"""Killing the app at random moments never loses an acknowledged action nor half-writes one."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from relationship_journal.domain import ledger
from relationship_journal.paths import JournalPaths

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 12


def _run_and_kill(data_dir: Path, seed: int, rng: random.Random) -> list[str]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash_worker", str(data_dir), str(seed)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        env=dict(os.environ, PYTHONUNBUFFERED="1"),
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "READY"
    time.sleep(rng.uniform(0.05, 0.6))
    child.send_signal(signal.SIGKILL)
    output, _ = child.communicate()
    return [line for line in output.splitlines() if line.strip()]


@pytest.mark.slow
def test_sigkill_at_random_moments_keeps_every_acknowledged_action(paths: JournalPaths) -> None:
    rng = random.Random(2026)
    acknowledged_entries: set[str] = set()
    last_title: dict[int, str] = {}
    for seed in range(ROUNDS):
        for line in _run_and_kill(paths.data_dir, seed, rng):
            kind, rest = line.split(" ", 1)
            if kind == "ENTRY":
                acknowledged_entries.add(rest)
            elif kind == "TITLE":
                contact_id, title = rest.split(" ", 1)
                last_title[int(contact_id)] = title
        db = sqlite3.connect(paths.journal)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in db.execute("SELECT summary FROM entry")}
            assert acknowledged_entries <= stored, "an acknowledged entry was lost"
            # Nothing half-written: every entry has its contact, every sum matches its entries.
            orphans = db.execute(
                "SELECT count(*) FROM entry WHERE id NOT IN (SELECT entry_id FROM entry_contact)"
            ).fetchone()[0]
            assert orphans == 0
            for contact_id, running_sum in db.execute("SELECT id, balance_sum FROM contact"):
                terms = db.execute(
                    "SELECT e.occurred_at, e.value FROM entry e JOIN entry_contact ec "
                    "ON ec.entry_id = e.id WHERE ec.contact_id = ?",
                    (contact_id,),
                ).fetchall()
                expected = sum(
                    ledger.term(value, datetime.fromisoformat(at).replace(tzinfo=UTC))
                    for at, value in terms
                )
                assert running_sum == pytest.approx(expected, rel=1e-9, abs=1e-9)
            for contact_id, title in last_title.items():
                stored_title = db.execute(
                    "SELECT title FROM contact WHERE id = ?", (contact_id,)
                ).fetchone()[0]
                seed_step = lambda text: tuple(int(p) for p in text.split()[-1].split("-"))  # noqa: E731
                assert seed_step(stored_title) >= seed_step(title)
        finally:
            db.close()
    assert len(acknowledged_entries) > ROUNDS  # the test did exercise the journal
