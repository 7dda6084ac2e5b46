"""Listing contacts and logging interactions from the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, time, timedelta
from typing import Any

from relationship_journal.commands.output import print_json
from relationship_journal.domain.dates import DateError, PartialDate, parse_day
from relationship_journal.domain.interaction import Interaction
from relationship_journal.domain.ledger import EntryValue
from relationship_journal.domain.meetings import Meeting, when_text
from relationship_journal.domain.taxonomy import Polarity
from relationship_journal.operations import calendars, capture, contacts, meetings
from relationship_journal.operations.errors import InvalidInputError
from relationship_journal.operations.workspace import Workspace


def _birthday_text(month: int | None, day: int | None, year: int | None) -> str | None:
    if month is None or day is None:
        return None
    return PartialDate(month, day, year).iso()


def contacts_command(ws: Workspace, args: argparse.Namespace) -> int:
    records: list[dict[str, Any]] = []
    for row, details in contacts.everyone(ws):
        standing = row.standing
        records.append(
            {
                "id": row.id,
                "name": row.name,
                "organisation": row.organisation,
                "title": row.title,
                "emails": details["emails"],
                "phones": details["phones"],
                "birthday": _birthday_text(row.birth_month, row.birth_day, row.birth_year),
                "tags": details["tags"],
                "tier": row.tier,
                "stage": row.stage,
                "balance": round(standing.balance, 2),
                "trend": round(standing.trend, 2),
                "health": standing.health.value,
                "last_contact": row.last_contact.astimezone().isoformat(timespec="minutes")
                if row.last_contact
                else None,
            }
        )
    if args.json:
        return print_json(records)
    if not records:
        print("No contacts yet.")
        return 0
    width = max(len(r["name"]) for r in records)
    for r in records:
        where = " @ ".join(part for part in (r["title"], r["organisation"]) if part)
        print(
            f"{r['id']:>5}  {r['name']:<{width}}  {r['balance']:>+7.2f}  "
            f"{r['health']:<9}  {r['stage'] or '—':<12}  {where}"
        )
    return 0


def _worth(args: argparse.Namespace) -> EntryValue:
    if args.deposit is not None:
        return EntryValue(Polarity.DEPOSIT, args.deposit)
    if args.withdrawal is not None:
        return EntryValue(Polarity.WITHDRAWAL, args.withdrawal)
    return EntryValue(Polarity.NEUTRAL)


def _day(text: str) -> date:
    try:
        return parse_day(text)
    except DateError as error:
        raise InvalidInputError(str(error)) from None


def _meeting(ws: Workspace, uid: str, day: date | None) -> Meeting:
    """The meeting a log answers, from the calendars the journal reads."""
    first, after_last = calendars.window(ws.clock.today())
    if day is not None:
        first, after_last = min(first, day), max(after_last, day + timedelta(days=1))
    read = calendars.read_calendars(calendars.calendar_files(ws), first, after_last)
    for problem in read.problems.values():
        print(f"warning: {problem}", file=sys.stderr)
    return meetings.find(read.meetings, uid, day, ws.clock.now())


def log_command(ws: Workspace, args: argparse.Namespace) -> int:
    day = _day(args.date) if args.date else None
    meeting = _meeting(ws, args.meeting, day) if args.meeting else None
    occurred = ws.clock.now()
    if meeting is not None:
        occurred = meeting.start
    elif day is not None:
        occurred = datetime.combine(day, time(12, 0)).astimezone()
    contact_id = contacts.resolve(ws, args.contact)
    worth = _worth(args)
    interaction = Interaction(
        contact_ids=(contact_id,),
        occurred_at=occurred,
        kind=args.kind or ("meeting" if meeting else "note"),
        summary=" ".join(args.summary),
        worth=worth,
        category=args.category or "",
    )
    key = meeting.key if meeting else ""
    entry_id = capture.log_interaction(ws, interaction, key).value
    name = contacts.name_of(ws, contact_id)
    balance = capture.balance_of(ws, contact_id)
    sign = {Polarity.DEPOSIT: "deposit", Polarity.WITHDRAWAL: "withdrawal"}.get(
        worth.polarity, "note"
    )
    print(f"Logged {sign} #{entry_id} for {name}; balance now {balance:+.2f}")
    if meeting is not None:
        print(f"The meeting “{meeting.title}” ({when_text(meeting)}) is logged")
    return 0
