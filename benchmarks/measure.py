"""The measurements, each a function of a journal that returns figures in milliseconds/MB."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import floor
from relationship_journal.paths import JournalPaths
from relationship_journal.store.agenda import collect, sections
from relationship_journal.store.contact_list import ContactFilter, count_contacts, drifting
from relationship_journal.store.contact_lookup import resolve_contact
from relationship_journal.store.journal import Journal, open_journal
from relationship_journal.store.search import search

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """Milliseconds per run, ``repeat`` runs after one warm-up."""
    action()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return times


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def cold_start(data_dir: Path, repeat: int) -> dict[str, float]:
    """Fresh processes: from launch until the window is shown and the event loop turns
    (``--smoke`` prints a line then), and the process's peak memory."""
    env = floor.start_environment()
    command = [sys.executable, "-m", "relationship_journal", "--data-dir", str(data_dir), "--smoke"]
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    marker = "relationship-journal: window shown"
    memory_marker = "relationship-journal: peak memory"
    times, peaks = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        child = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        assert child.stdout is not None
        shown, peak = None, None
        with child.stdout:
            for line in child.stdout:
                if line.strip() == marker and shown is None:
                    shown = (time.perf_counter() - started) * 1000
                elif line.startswith(memory_marker):
                    peak = float(line.split()[-2])
        _pid, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0 or shown is None:
            raise RuntimeError(f"the app did not start on {data_dir}")
        times.append(shown)
        # ru_maxrss would count this (large) process's memory from before the child's exec.
        peaks.append(peak if peak is not None else usage.ru_maxrss / 1024)
    bare = floor.bare_start(data_dir / "journal.sqlite", repeat)["median_ms"]
    median = statistics.median(times)
    return {"median_ms": median, "peak_rss_mb": max(peaks), "floor_ms": bare}


def search_latency(journal: Journal, repeat: int) -> dict[str, float]:
    """Search as you type: every prefix of a few names and words, as a user types them."""
    words = [
        "jürgen",
        "hernandez",
        "northwind",
        "sailing",
        "invoice",
        "佐藤",
        "петров",
        "quarterly",
    ]
    prefixes = [word[:end] for word in words for end in range(1, len(word) + 1)]
    samples: list[float] = []
    floors: list[float] = []
    db = floor.connect(journal.path)
    with journal.reading() as session:
        for _ in range(repeat):
            for prefix in prefixes:
                start = time.perf_counter()
                search(session, prefix)
                samples.append((time.perf_counter() - start) * 1000)
                start = time.perf_counter()
                floor.fts_prefix(db, prefix)
                floors.append((time.perf_counter() - start) * 1000)
    db.close()
    return {
        "p50_ms": percentile(samples, 0.5),
        "p95_ms": percentile(samples, 0.95),
        "floor_p95_ms": percentile(floors, 0.95),
        "queries": len(samples),
    }


def open_big_contact(journal: Journal, repeat: int) -> dict[str, float]:
    """The contact page of a contact with 1,000 entries, drawn offscreen."""
    from relationship_journal.ui.contact.page import ContactPage
    from relationship_journal.ui.context import JournalContext

    with journal.reading() as session:
        contact_id = resolve_contact(session, "Benchmark Heavy").id
    context = JournalContext(journal, JournalPaths(journal.path.parent), is_demo=False)
    page = ContactPage(context)
    page.resize(1280, 800)

    def show() -> None:
        page.show_contact(contact_id)  # type: ignore[arg-type]
        page.grab()

    times = timed(show, repeat)
    page.deleteLater()
    db = floor.connect(journal.path)
    floors = timed(lambda: floor.timeline(db, contact_id), repeat)  # type: ignore[arg-type]
    db.close()
    return {"median_ms": statistics.median(times), "floor_ms": statistics.median(floors)}


def today_agenda(journal: Journal, repeat: int) -> dict[str, float]:
    """What the Today page reads: each section's count and first moments, and the drifting
    contacts; beside it, the same SQL statements run by plain sqlite3."""
    day = NOW.date()

    def today() -> int:
        with journal.reading() as session:
            found = sections(session, day)
            drifting(session, NOW)
        return sum(section.count for section in found)

    times = timed(today, repeat)
    with journal.reading() as session, floor.recorded(session) as statements:
        sections(session, day)
        drifting(session, NOW)
    db = floor.connect(journal.path)
    floors = timed(lambda: floor.replay(db, statements), repeat)
    db.close()
    return {
        "median_ms": statistics.median(times),
        "floor_ms": statistics.median(floors),
        "queries": sum(sql.lstrip().upper().startswith("SELECT") for sql, _ in statements),
        "moments": today(),
    }


def agenda_everything(journal: Journal, repeat: int) -> dict[str, float]:
    """Every moment of the next 30 days as a list (the agenda command, the calendar file)."""

    def agenda() -> int:
        with journal.reading() as session:
            return len(collect(session, NOW.date()))

    return {"median_ms": statistics.median(timed(agenda, repeat)), "moments": agenda()}


def scroll_contacts(journal: Journal, repeat: int) -> dict[str, float]:
    """Scrolling the contacts list end to end, a screenful (40 rows) at a time."""
    from relationship_journal.ui.contacts.model import ContactsTableModel
    from relationship_journal.ui.context import JournalContext

    context = JournalContext(journal, JournalPaths(journal.path.parent), is_demo=False)
    model = ContactsTableModel(context)
    model.reload()
    rows = model.rowCount()
    columns = model.columnCount()
    screens = list(range(0, rows, max(40, rows // 50)))
    samples: list[float] = []
    for _ in range(repeat):
        model.reload()
        for top in screens:
            start = time.perf_counter()
            for row in range(top, min(top + 40, rows)):
                for column in range(columns):
                    model.data(model.index(row, column))
            samples.append((time.perf_counter() - start) * 1000)
    with journal.reading() as session:
        total = count_contacts(session, ContactFilter(), NOW)
    return {
        "screen_p50_ms": percentile(samples, 0.5),
        "screen_p95_ms": percentile(samples, 0.95),
        "rows": total,
    }


class _RolledBack(Exception):
    """Ends a timed import into a benchmark journal without keeping it."""


def import_vcards(work_dir: Path, count: int, journal: Journal) -> dict[str, float]:
    """``count`` vCards into a new journal, and into ``journal`` itself (where each card is
    matched against everyone there; rolled back, so its commit is not in the figure)."""
    from benchmarks.generate import vcards
    from relationship_journal.exchange.import_plan import apply, preview

    source = work_dir / f"import-{count}.vcf"
    source.write_text(vcards(count), encoding="utf-8")
    target = work_dir / "import-target" / "journal.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(str(target) + suffix).unlink(missing_ok=True)
    empty = open_journal(target, target.parent / "backups")
    start = time.perf_counter()
    with empty.reading() as session:
        plan = preview(session, source)
    with empty.transaction() as session:
        result = apply(session, plan, plan.default_decisions(), NOW)
    elapsed = (time.perf_counter() - start) * 1000
    empty.close()
    start = time.perf_counter()
    with journal.reading() as session:
        plan = preview(session, source)
    try:
        with journal.transaction() as session:
            apply(session, plan, plan.default_decisions(), NOW)
            into_journal = (time.perf_counter() - start) * 1000
            raise _RolledBack
    except _RolledBack:
        pass
    return {
        "total_ms": elapsed,
        "cards": count,
        "created": result.created,
        "into_journal_ms": into_journal,
    }


# Export or restore in a process of its own, so that its peak memory is its own: the
# journal's folder, the file, then what to do. Prints the milliseconds it took, and the
# peak memory in kB.
EXCHANGE_CHILD = """
import sys, time
from pathlib import Path
from relationship_journal.paths import JournalPaths
from relationship_journal.operations.workspace import Workspace
from relationship_journal.operations import transfer
from relationship_journal.store.journal import open_journal
paths, file, action = JournalPaths(Path(sys.argv[1])), Path(sys.argv[2]), sys.argv[3]
journal = open_journal(paths.journal, paths.backups)
ws = Workspace(journal, paths)
start = time.perf_counter()
if action == "export":
    transfer.export(ws, "json", file, force=True)
else:
    report = transfer.load_archive(ws, file, keep_valid=False).value
    assert report.kept and not report.problem_count, report.problems[:3]
print((time.perf_counter() - start) * 1000)
journal.close()
# VmHWM, unlike ru_maxrss, starts afresh at exec: the peak of this process alone.
status = Path("/proc/self/status").read_text().splitlines()
print(next(line.split()[1] for line in status if line.startswith("VmHWM:")))
"""


def _exchange(data_dir: Path, file: Path, action: str) -> dict[str, float]:
    """The time ``action`` took and the peak memory of the process that did it."""
    child = subprocess.Popen(
        [sys.executable, "-c", EXCHANGE_CHILD, str(data_dir), str(file), action],
        stdout=subprocess.PIPE,
        text=True,
    )
    out, _ = child.communicate()
    if child.returncode != 0:
        raise RuntimeError(f"the {action} did not finish on {data_dir}")
    elapsed_ms, peak_kb = out.split()[-2:]
    return {"total_ms": float(elapsed_ms), "peak_rss_mb": int(peak_kb) / 1024}


def export_everything(journal: Journal, work_dir: Path) -> dict[str, float]:
    """The whole journal as JSON, beside every row read once."""
    target = work_dir / "export.json"
    result = _exchange(journal.path.parent, target, "export")
    read = floor.read_everything(journal.path)
    return {**result, "mb": target.stat().st_size / 1e6, "floor_ms": read["total_ms"]}


def restore_everything(work_dir: Path) -> dict[str, float]:
    """The export written by ``export_everything`` restored into a new, empty journal;
    beside it, SQLite alone inserting the same rows into another new journal."""
    source = work_dir / "export.json"
    target = work_dir / "restore-target"
    for suffix in ("", "-wal", "-shm"):
        (target / f"journal.sqlite{suffix}").unlink(missing_ok=True)
    result = _exchange(target, source, "restore")
    bare = work_dir / "restore-floor" / "journal.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{bare}{suffix}").unlink(missing_ok=True)
    open_journal(bare, bare.parent / "backups").close()
    floor_ms = floor.insert_everything(work_dir / "journal.sqlite", bare)["total_ms"]
    for suffix in ("", "-wal", "-shm"):
        Path(f"{bare}{suffix}").unlink(missing_ok=True)
    return {**result, "mb": source.stat().st_size / 1e6, "floor_ms": floor_ms}


def this_process_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
