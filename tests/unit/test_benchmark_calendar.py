"""The calendar benchmark runs end to end on a small calendar, so it cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.calendar import main


def test_calendar_benchmark_writes_a_report(tmp_path: Path) -> None:
    assert (
        main(["--events", "300", "--recurring", "30", "--repeat", "1", "--out", str(tmp_path)]) == 0
    )
    report = json.loads((tmp_path / "calendar.json").read_text(encoding="utf-8"))
    assert report["events"] == 300 and report["meetings_in_window"] > 0
    assert "| read_s_median |" in (tmp_path / "calendar.md").read_text(encoding="utf-8")
