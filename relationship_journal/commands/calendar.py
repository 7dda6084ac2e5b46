"""The calendar files the journal reads meetings from: add, list, remove."""

from __future__ import annotations

import argparse
from pathlib import Path

from relationship_journal.operations import calendars
from relationship_journal.operations.workspace import Workspace


def calendar_command(ws: Workspace, args: argparse.Namespace) -> int:
    if args.action == "list":
        files = calendars.calendar_files(ws)
        if not files:
            print("No calendars are read. Add one with 'calendar add FILE'.")
        for name in files:
            print(name)
        return 0
    if args.action == "add":
        name = calendars.add_calendar(ws, Path(args.file)).value
        found = len(calendars.read_calendar(Path(name), ws.clock.today()))
        print(f"Added {name} ({found} meetings in the days around today)")
        return 0
    calendars.remove_calendar(ws, args.file)
    print(f"Removed {args.file}; the file itself is untouched")
    return 0
