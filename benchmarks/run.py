"""The benchmark command: generate journals, measure, write a Markdown and JSON report."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks import measure
from benchmarks.generate import GENERATOR_VERSION, generate
from relationship_journal import __version__
from relationship_journal.store.journal import open_journal

# What must hold at 100,000 contacts and about 2 million entries, on 2 cores.
BUDGET = {
    "cold start (ms)": 1000,
    "search p95 (ms)": 15,
    "open contact with 1,000 entries (ms)": 20,
    "today (ms)": 50,
    "export JSON (MB/s)": 50,
    "restore JSON (MB/s)": 50,
    "import 10,000 vCards (ms)": 3000,
    "peak memory (MB)": 250,
}


def journal_for(out: Path, size: int) -> Path:
    """A generated journal of ``size`` contacts, made once and reused while it is current."""
    folder = out / "journals" / f"{size}-v{GENERATOR_VERSION}"
    path = folder / "journal.sqlite"
    if not path.exists():
        started = time.perf_counter()
        generate(path, size)
        print(f"  generated {size:,} contacts in {time.perf_counter() - started:.1f} s")
    return path


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cpus": os.cpu_count(),
        "app": __version__,
        "when": datetime.now().isoformat(timespec="seconds"),
    }


def run_size(out: Path, size: int, repeat: int, import_count: int) -> dict[str, Any]:
    print(f"journal of {size:,} contacts")
    path = journal_for(out, size)
    results: dict[str, Any] = {"contacts": size}
    with sqlite3.connect(path) as db:
        results["entries"] = db.execute("SELECT count(*) FROM entry").fetchone()[0]
    results["cold_start"] = measure.cold_start(path.parent, max(1, repeat // 2))
    journal = open_journal(path, path.parent / "backups")
    try:
        results["search"] = measure.search_latency(journal, max(1, repeat // 5))
        results["open_contact_1000_entries"] = measure.open_big_contact(journal, repeat)
        results["today"] = measure.today_agenda(journal, repeat)
        results["agenda_everything"] = measure.agenda_everything(journal, max(1, repeat // 2))
        results["scroll_contacts"] = measure.scroll_contacts(journal, max(1, repeat // 5))
        results["export_json"] = measure.export_everything(journal, path.parent)
        if import_count:
            results["import_vcards"] = measure.import_vcards(path.parent, import_count, journal)
    finally:
        journal.close()
    results["restore_json"] = measure.restore_everything(path.parent)
    for key, value in results.items():
        print(f"  {key}: {value}")
    return results


def markdown(report: dict[str, Any]) -> str:
    lines = [
        "# Benchmark report",
        "",
        f"Machine: {report['machine']['platform']}, {report['machine']['cpus']} CPUs, "
        f"Python {report['machine']['python']}, SQLite {report['machine']['sqlite']}; "
        f"app {report['machine']['app']}, {report['machine']['when']}.",
        "",
        "| measure | "
        + " | ".join(f"{r['contacts']:,} contacts" for r in report["sizes"])
        + " | budget |",
        "|---|" + "---|" * len(report["sizes"]) + "---|",
    ]

    def row(name: str, pick: Any, budget: str = "") -> None:
        cells = []
        for result in report["sizes"]:
            try:
                cells.append(pick(result))
            except KeyError:
                cells.append("—")
        lines.append(f"| {name} | " + " | ".join(cells) + f" | {budget} |")

    row("journal entries", lambda r: f"{r['entries']:,}")
    row(
        "cold start to window, median",
        lambda r: _beside(r["cold_start"]["median_ms"], r["cold_start"]["floor_ms"], "ms", 0),
        "≤ 1000 ms",
    )
    row(
        "search as you type, p95",
        lambda r: _beside(r["search"]["p95_ms"], r["search"]["floor_p95_ms"], "ms", 1),
        "≤ 15 ms",
    )
    row(
        "open a contact with 1,000 entries",
        lambda r: _beside(
            r["open_contact_1000_entries"]["median_ms"],
            r["open_contact_1000_entries"]["floor_ms"],
            "ms",
            1,
        ),
        "≤ 20 ms",
    )
    row(
        "Today (counts and first rows), median",
        lambda r: _beside(r["today"]["median_ms"], r["today"]["floor_ms"], "ms", 1),
        "≤ 50 ms",
    )
    row(
        "every moment of 30 days (agenda command)",
        lambda r: "{median_ms:.0f} ms for {moments:,}".format(**r["agenda_everything"]),
    )
    row(
        "scroll contacts, a screen p50 / p95",
        lambda r: "{screen_p50_ms:.1f} / {screen_p95_ms:.1f} ms".format(**r["scroll_contacts"]),
        "a frame: 16 ms",
    )
    row(
        "export everything to JSON",
        lambda r: (
            f"{r['export_json']['total_ms'] / 1000:.1f} s, {r['export_json']['mb']:.0f} MB, "
            f"{r['export_json']['mb'] / (r['export_json']['total_ms'] / 1000):.0f} MB/s "
            f"(floor: every row read in {r['export_json']['floor_ms'] / 1000:.1f} s)"
        ),
        "≥ 50 MB/s",
    )
    row(
        "restore that export into a new journal",
        lambda r: (
            f"{r['restore_json']['total_ms'] / 1000:.1f} s, "
            f"{r['restore_json']['mb'] / (r['restore_json']['total_ms'] / 1000):.0f} MB/s "
            f"(floor: SQLite alone loads every row in "
            f"{r['restore_json']['floor_ms'] / 1000:.1f} s, "
            f"{r['restore_json']['mb'] / (r['restore_json']['floor_ms'] / 1000):.0f} MB/s)"
        ),
        "≥ 50 MB/s",
    )
    row(
        "peak memory of the export / the restore",
        lambda r: (
            f"{r['export_json']['peak_rss_mb']:.0f} / {r['restore_json']['peak_rss_mb']:.0f} MB"
        ),
        "flat",
    )
    row(
        "import vCards",
        lambda r: (
            f"{r['import_vcards']['cards']:,} in {r['import_vcards']['total_ms'] / 1000:.1f} s"
            f" (into this journal: {r['import_vcards']['into_journal_ms'] / 1000:.1f} s)"
        ),
        "10,000 ≤ 3 s",
    )
    row(
        "peak memory (app process)",
        lambda r: f"{r['cold_start']['peak_rss_mb']:.0f} MB",
        "≤ 250 MB",
    )
    lines += [
        "",
        "Each timing stands beside its plain-SQLite floor, measured in the same run on the same"
        " journal: Today replays the very SQL statements Today sends, through the sqlite3 module"
        " alone; search is an FTS5 prefix query with LIMIT 50 and no ranking; a contact is its"
        " row and the first 20 rows of its timeline; start-up is a bare PySide6 + SQLModel"
        " window; export is every row of every table read once; restore is SQLite alone"
        " inserting every row into a new journal, one statement per table, its lookup indexes"
        " built and its search indexes filled once the rows are in. The export and the restore"
        " each run in a process of their own, so that the peak memory is theirs alone."
        " Budgets are for 100,000 contacts on 2 cores.",
    ]
    lines += ["", "Reproduce with `make bench` (or `python -m benchmarks --sizes 1000,10000`)."]
    return "\n".join(lines) + "\n"


def _beside(ours: float, floor: float, unit: str, digits: int) -> str:
    """A figure, its floor and how many times the floor it is."""
    ratio = f", ×{ours / floor:.1f}" if floor > 0 else ""
    return f"{ours:.{digits}f} {unit} (floor {floor:.3g}{ratio})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated contact counts")
    parser.add_argument("--repeat", type=int, default=10, help="runs per measurement")
    parser.add_argument("--import-count", type=int, default=10000, help="vCards to import")
    parser.add_argument("--out", default="benchmarks/out", help="folder for journals and report")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(["benchmarks"])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    report = {
        "machine": machine(),
        "sizes": [run_size(out, size, args.repeat, args.import_count) for size in sizes],
        "budget": BUDGET,
    }
    (out / "report.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    (out / "report.md").write_text(markdown(report), encoding="utf-8")
    print(f"\nreport: {out / 'report.md'}")
    del app
    return 0
