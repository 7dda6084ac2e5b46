"""The benchmark command runs end to end on a tiny journal, so it cannot rot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

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
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "| search as you type, p50 / p95 |" in text
