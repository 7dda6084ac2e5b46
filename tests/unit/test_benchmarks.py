"""The benchmark command runs end to end on a tiny journal, so it cannot rot."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from benchmarks.generate import OPEN_ITEMS, generate
from benchmarks.run import main

pytestmark = pytest.mark.slow


def test_benchmark_command_writes_a_report(tmp_path: Path) -> None:
    assert (
        main(["--sizes", "40", "--repeat", "1", "--import-count", "30", "--out", str(tmp_path)])
        == 0
    )
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    (size,) = report["sizes"]
    assert size["contacts"] == 40
    assert size["entries"] > 1000  # the heavy contact alone has 1,000
    assert size["import_vcards"]["created"] == 30
    for measure in (
        "cold_start",
        "search",
        "open_contact_1000_entries",
        "today",
        "scroll_contacts",
    ):
        assert measure in size
    # Every timed figure has its plain-SQLite floor, measured in the same run.
    assert size["today"]["floor_ms"] > 0 and size["today"]["queries"] > 0
    assert size["today"]["moments"] > 0
    assert size["search"]["floor_p95_ms"] > 0
    assert size["open_contact_1000_entries"]["floor_ms"] > 0
    assert size["cold_start"]["floor_ms"] > 0
    assert size["export_json"]["floor_ms"] > 0
    # The restore loads what the export wrote, in processes of their own.
    assert size["restore_json"]["mb"] == size["export_json"]["mb"]
    assert size["restore_json"]["peak_rss_mb"] > 0 and size["export_json"]["peak_rss_mb"] > 0
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| search as you type, p95 |" in text
    assert "(floor " in text


def test_the_generated_journal_keeps_what_a_person_keeps_open(tmp_path: Path) -> None:
    """Open promises, follow-ups and reminders are a few hundred in all, not some per
    contact; the kept lapses are filled as the app fills them."""
    path = generate(tmp_path / "journal.sqlite", 2000, entries_per_contact=3)
    with sqlite3.connect(path) as db:
        (open_promises,) = db.execute(
            "SELECT count(*) FROM promise WHERE status = 'open'"
        ).fetchone()
        (reminders,) = db.execute("SELECT count(*) FROM reminder").fetchone()
        (missing,) = db.execute(
            "SELECT count(*) FROM contact WHERE last_contact_at IS NOT NULL AND lapse_at IS NULL"
        ).fetchone()
    assert 0 < open_promises <= 2 * OPEN_ITEMS
    assert 0 < reminders <= 2 * OPEN_ITEMS
    assert missing == 0
