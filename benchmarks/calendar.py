"""Reading a big calendar: 5 years, 20,000 events of which 2,000 recurring series, with
attendees, time zones by IANA and Windows name, moved and cancelled instances.

    python -m benchmarks.calendar [--events N] [--recurring N] [--repeat N] [--out DIR]

Reports medians: the read of the days Today needs, in a worker thread, the longest pause
of the window's event loop meanwhile, and matching the meetings read to 1,000 contacts.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

ZONES = ("Europe/Berlin", "W. Europe Standard Time", "America/New_York", "Eastern Standard Time")
STAMP = "%Y%m%dT%H%M%S"


def _event(rng: random.Random, index: int, start: datetime, recurring: bool) -> list[str]:
    zone = ZONES[index % len(ZONES)]
    who = [f"person{rng.randrange(2000)}@client{rng.randrange(300)}.example" for _ in range(3)]
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{index}@bench",
        "DTSTAMP:20260101T000000Z",
        f'DTSTART;TZID="{zone}":{start:{STAMP}}',
        f'DTEND;TZID="{zone}":{start + timedelta(minutes=45):{STAMP}}',
        f"SUMMARY:Meeting {index} with Person {index % 2000}",
        "ORGANIZER;CN=Me:mailto:me@our-company.example",
        *(f"ATTENDEE;CN=Person {p.split('@')[0]}:mailto:{p}" for p in who),
    ]
    if recurring:
        lines += [
            "RRULE:FREQ=WEEKLY;COUNT=100",
            f'EXDATE;TZID="{zone}":{start + timedelta(weeks=2):{STAMP}}',
        ]
    lines.append("END:VEVENT")
    if recurring:  # a moved instance
        moved = start + timedelta(weeks=3)
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{index}@bench",
            "DTSTAMP:20260101T000000Z",
            f'RECURRENCE-ID;TZID="{zone}":{moved:{STAMP}}',
            f'DTSTART;TZID="{zone}":{moved + timedelta(days=1):{STAMP}}',
            f'DTEND;TZID="{zone}":{moved + timedelta(days=1, minutes=45):{STAMP}}',
            f"SUMMARY:Meeting {index} (moved)",
            "END:VEVENT",
        ]
    return lines


def write_calendar(path: Path, events: int, recurring: int, today: date, seed: int = 7) -> None:
    rng = random.Random(seed)
    first = datetime.combine(today - timedelta(days=4 * 365), datetime.min.time())
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//bench//EN"]
    for index in range(events):
        start = first + timedelta(days=rng.randrange(5 * 365), hours=8 + rng.randrange(9))
        lines += _event(rng, index, start, index < recurring)
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")


def _read_with_ui(path: Path, today: date) -> tuple[float, float, int]:
    """The read in a worker thread while an event loop runs: seconds, longest loop pause
    in ms, meetings found."""
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication

    from relationship_journal.operations import calendars
    from relationship_journal.ui.tasks import run_task

    app = QApplication.instance() or QApplication([])  # the window's kind of application
    result: dict[str, object] = {}
    pauses: list[int] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        now = clock.elapsed()
        pauses.append(now - last[0])
        last[0] = now

    heart = QTimer()
    heart.setInterval(5)
    heart.timeout.connect(beat)
    heart.start()
    began = time.perf_counter()
    run_task(
        lambda _p: calendars.read_calendars([str(path)], *calendars.window(today)),
        lambda read: result.setdefault("read", read),
        lambda error, details: result.setdefault("error", details),
    )
    while not result:
        app.processEvents()
        time.sleep(0.001)
    seconds = time.perf_counter() - began
    heart.stop()
    if "error" in result:
        raise RuntimeError(str(result["error"]))
    return seconds, float(max(pauses, default=0)), len(result["read"].meetings)  # type: ignore[attr-defined]


def _match(meetings: list, journal_dir: Path) -> float:  # type: ignore[type-arg]
    from relationship_journal.domain.clock import FixedClock
    from relationship_journal.domain.contact import ContactDraft, Labelled
    from relationship_journal.operations import meetings as ops
    from relationship_journal.operations.workspace import Workspace
    from relationship_journal.paths import JournalPaths
    from relationship_journal.store.contacts import create_contact
    from relationship_journal.store.journal import open_journal

    paths = JournalPaths(journal_dir)
    journal = open_journal(paths.journal, paths.backups)
    now = datetime.now(UTC)
    with journal.transaction() as session:
        for i in range(1000):
            email = f"person{i}@client{i % 300}.example"
            create_contact(session, ContactDraft(f"Person {i}", emails=[Labelled(email)]), now)
    ws = Workspace(journal, paths, FixedClock(now))
    began = time.perf_counter()
    ops.for_today(ws, meetings)
    seconds = time.perf_counter() - began
    journal.close()
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.calendar")
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--recurring", type=int, default=2_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=Path("benchmarks") / "out")
    args = parser.parse_args(argv)
    from relationship_journal.operations import calendars

    today = date.today()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.ics"
        write_calendar(path, args.events, args.recurring, today)
        runs = [_read_with_ui(path, today) for _ in range(args.repeat)]
        found = calendars.read_calendars([str(path)], *calendars.window(today)).meetings
        match = statistics.median(_match(found, Path(folder) / f"j{i}") for i in range(1))
        size_mb = path.stat().st_size / 2**20
    report = {
        "events": args.events,
        "recurring": args.recurring,
        "file_mb": round(size_mb, 1),
        "read_s_median": round(statistics.median(r[0] for r in runs), 2),
        "longest_ui_pause_ms_median": statistics.median(r[1] for r in runs),
        "meetings_in_window": runs[0][2],
        "match_ms": round(match * 1000, 1),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "calendar.json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    lines = [f"| {key} | {value} |" for key, value in report.items()]
    text = "| calendar read | value |\n|---|---|\n" + "\n".join(lines) + "\n"
    (args.out / "calendar.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
