"""The agenda of moments from the command line, and the calendar export."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from typing import Any

from relationship_journal.commands.output import print_json
from relationship_journal.domain.dates import DateError, parse_day
from relationship_journal.domain.meetings import when_text
from relationship_journal.domain.moments import bucket
from relationship_journal.operations import agenda, meetings
from relationship_journal.operations.errors import InvalidInputError
from relationship_journal.operations.meetings import MeetingWith
from relationship_journal.operations.workspace import Workspace


def _start(ws: Workspace, text: str | None) -> date:
    if not text:
        return ws.clock.today()
    try:
        return parse_day(text)
    except DateError as error:
        raise InvalidInputError(str(error)) from None


def _meeting_record(found: MeetingWith) -> dict[str, Any]:
    meeting = found.meeting
    local = meeting.start.astimezone()
    first_id, first_name = found.contacts[0]
    return {
        "date": meeting.day.isoformat(),
        "time": None if meeting.all_day else f"{local:%H:%M}",
        "kind": "meeting",
        "contact": first_name,
        "contact_id": first_id,
        "contacts": [{"id": i, "name": n} for i, n in found.contacts],
        "title": meeting.title,
        "why": when_text(meeting),
        "overdue": False,
        "uid": meeting.uid,
        "start": meeting.start.isoformat(),
        "end": meeting.end.isoformat(),
        "to_log": found.to_log,
    }


def _meetings(ws: Workspace, start: date, days: int) -> list[MeetingWith]:
    found, problems = meetings.between(ws, start, days)
    for problem in problems.values():
        print(f"warning: {problem}", file=sys.stderr)
    return found


def agenda_command(ws: Workspace, args: argparse.Namespace) -> int:
    start = _start(ws, args.start)
    found = agenda.between(ws, start, args.days)
    met = _meetings(ws, start, args.days)
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
        records += [_meeting_record(m) for m in met]
        records.sort(key=lambda r: (r["date"], r["time"] or ""))
        return print_json(records)
    if met:
        _print_meetings(met)
    if not found:
        if met:
            return 0
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


def _print_meetings(met: list[MeetingWith]) -> None:
    print("Meetings")
    for found in met:
        who = ", ".join(name for _id, name in found.contacts)
        flag = "  (to log)" if found.to_log else ""
        print(f"  {when_text(found.meeting)}  {found.meeting.title} — {who}{flag}")
