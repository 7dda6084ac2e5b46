"""The meeting brief as a PDF from the command line, for people, an organisation, or
everyone met on a day (the brief pack)."""

from __future__ import annotations

import argparse
import sys
from datetime import timedelta
from pathlib import Path

from relationship_journal.domain.dates import DateError, parse_day
from relationship_journal.operations import briefs, calendars, contacts, meetings
from relationship_journal.operations.errors import InvalidInputError, NotFoundError
from relationship_journal.operations.workspace import Workspace


def _pack(ws: Workspace, args: argparse.Namespace) -> int:
    try:
        day = parse_day(args.meetings)
    except DateError as error:
        raise InvalidInputError(str(error)) from None
    read = calendars.read_calendars(calendars.calendar_files(ws), day, day + timedelta(days=1))
    for problem in read.problems.values():
        print(f"warning: {problem}", file=sys.stderr)
    pages = meetings.write_brief_pack(ws, read.meetings, day, Path(args.pdf), args.force)
    print(f"Wrote the brief pack for {day:%a %d %b %Y} ({pages} pages) to {args.pdf}")
    return 0


def brief_command(ws: Workspace, args: argparse.Namespace) -> int:
    if args.meetings:
        if args.contacts or args.organisation:
            raise InvalidInputError("--meetings takes the people from the calendar: name nobody")
        return _pack(ws, args)
    if not args.contacts and not args.organisation:
        raise InvalidInputError(
            "name a contact, an organisation with --organisation, or a day with --meetings"
        )
    title = ""
    ids = [contacts.resolve(ws, name) for name in args.contacts]
    if args.organisation:
        title, there = briefs.people_now_at(ws, args.organisation)
        ids += [i for i in there if i not in ids]
    if not ids:
        raise NotFoundError(f"nobody works at {title} now")
    pages = briefs.write_brief(ws, ids, Path(args.pdf), title, args.force)
    print(f"Wrote the brief ({pages} page{'s' if pages != 1 else ''}) to {args.pdf}")
    return 0
