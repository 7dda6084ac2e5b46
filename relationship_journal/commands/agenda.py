"""The agenda of moments from the command line, and the calendar export."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from relationship_journal.domain.dates import DateError, parse_day
from relationship_journal.domain.moments import Moment, bucket
from relationship_journal.exchange.export_all import ours
from relationship_journal.exchange.ics_export import moments_calendar, window
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.agenda import collect
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.journal import Journal
from relationship_journal.store.output_files import check_target, write_failure, writing


def _start(text: str | None) -> date:
    if not text:
        return clock.today()
    try:
        return parse_day(text)
    except DateError as error:
        raise InvalidInputError(str(error)) from None


def moments_between(journal: Journal, start: date, days: int) -> list[Moment]:
    with journal.reading() as session:
        return collect(session, start, days)


def agenda_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    start = _start(args.start)
    found = moments_between(journal, start, args.days)
    if args.json:
        records = [
            {
                "date": moment.day.isoformat(),
                "time": moment.at.strftime("%H:%M") if moment.at else None,
                "kind": moment.kind.value,
                "contact": moment.contact_name or None,
                "contact_id": moment.contact_id,
                "title": moment.title,
                "why": moment.why,
                "overdue": moment.day < start,
            }
            for moment in found
        ]
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    if not found:
        print(f"Nothing due in the {args.days} days from {start:%d %b %Y}.")
        return 0
    current = None
    for moment in found:
        heading = bucket(moment.day, start).value
        if heading != current:
            print(f"\n{heading}")
            current = heading
        at = f" {moment.at:%H:%M}" if moment.at else ""
        print(f"  {moment.day:%a %d %b}{at}  {moment.kind.label:<13}  {moment.title}")
    return 0


def export_ics(journal: Journal, target: Path, days: int, force: bool = False) -> int:
    """The moments of the next ``days`` days as a calendar file; a file that is not one of
    our calendars is replaced only with ``force``."""
    check_target(target, ours("ics"), force)
    today = clock.today()
    chosen = window(moments_between(journal, today, days), today, days)
    try:
        with writing(target) as out:
            out.write(moments_calendar(chosen))
    except OSError as error:
        raise write_failure(target, error) from None
    return len(chosen)
