"""The agenda of moments from the command line, and the calendar export."""

from __future__ import annotations

import argparse
from datetime import date

from relationship_journal.commands.output import print_json
from relationship_journal.domain.dates import DateError, parse_day
from relationship_journal.domain.moments import bucket
from relationship_journal.operations import agenda
from relationship_journal.operations.errors import InvalidInputError
from relationship_journal.operations.workspace import Workspace


def _start(ws: Workspace, text: str | None) -> date:
    if not text:
        return ws.clock.today()
    try:
        return parse_day(text)
    except DateError as error:
        raise InvalidInputError(str(error)) from None


def agenda_command(ws: Workspace, args: argparse.Namespace) -> int:
    start = _start(ws, args.start)
    found = agenda.between(ws, start, args.days)
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
        return print_json(records)
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
