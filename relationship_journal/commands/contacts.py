"""Listing contacts and logging interactions from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time
from typing import Any

from sqlmodel import Session

from relationship_journal.domain import ledger
from relationship_journal.domain.dates import DateError, PartialDate, parse_day
from relationship_journal.paths import JournalPaths
from relationship_journal.store import clock
from relationship_journal.store.contact_list import (
    ContactFilter,
    contact_details,
    list_contacts,
    recent_sums,
)
from relationship_journal.store.contacts import resolve_contact
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.journal import Journal
from relationship_journal.store.ledger import EntryDraft, log_entry
from relationship_journal.store.models import Contact

# Longer than any name; SQLite refuses LIKE patterns beyond 50,000 characters anyway.
MAX_CONTACT_ARGUMENT = 1000


def find_contact(session: Session, text: str) -> Contact:
    """The contact the user named on the command line, by id or name."""
    if len(text) > MAX_CONTACT_ARGUMENT:
        raise InvalidInputError(
            f"a contact named by {len(text):,} characters matches nobody; give its id or name"
        )
    return resolve_contact(session, text)


def _birthday_text(month: int | None, day: int | None, year: int | None) -> str | None:
    if month is None or day is None:
        return None
    return PartialDate(month, day, year).iso()


def contacts_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    now = clock.now()
    with journal.reading() as session:
        rows = list_contacts(session, ContactFilter(), now)
        ids = [row.id for row in rows]
        details = contact_details(session, ids)
        recents = recent_sums(session, ids, now)
    records: list[dict[str, Any]] = []
    factor = ledger.scale(now)
    for row in rows:
        running_sum = row.balance / factor
        trend = ledger.trend_from_sums(running_sum, recents.get(row.id, 0.0), now)
        standing = ledger.health(row.balance, trend, row.last_contact, row.cadence_days, now)
        records.append(
            {
                "id": row.id,
                "name": row.name,
                "organisation": row.organisation,
                "title": row.title,
                "emails": details[row.id]["emails"],
                "phones": details[row.id]["phones"],
                "birthday": _birthday_text(row.birth_month, row.birth_day, row.birth_year),
                "tags": details[row.id]["tags"],
                "tier": row.tier,
                "stage": row.stage,
                "balance": round(row.balance, 2),
                "trend": round(trend, 2),
                "health": standing.health.value,
                "last_contact": row.last_contact.astimezone().isoformat(timespec="minutes")
                if row.last_contact
                else None,
            }
        )
    if args.json:
        json.dump(records, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
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


def log_command(journal: Journal, args: argparse.Namespace, _paths: JournalPaths) -> int:
    now = clock.now()
    if args.deposit is not None:
        value = ledger.signed_value("deposit", args.deposit)
    elif args.withdrawal is not None:
        value = ledger.signed_value("withdrawal", args.withdrawal)
    else:
        value = 0
    occurred = now
    if args.date:
        try:
            day = parse_day(args.date)
        except DateError as error:
            raise InvalidInputError(str(error)) from None
        occurred = datetime.combine(day, time(12, 0)).astimezone()
    with journal.transaction() as session:
        contact = find_contact(session, args.contact)
        assert contact.id is not None
        draft = EntryDraft(
            contact_ids=[contact.id],
            occurred_at=occurred,
            summary=" ".join(args.summary),
            kind=args.kind,
            value=value,
            category=args.category or "",
        )
        entry = log_entry(session, draft, now)
        balance = ledger.balance_from_sum(contact.balance_sum, now)
        name = contact.display_name
    sign = "deposit" if value > 0 else "withdrawal" if value < 0 else "note"
    print(f"Logged {sign} #{entry.id} for {name}; balance now {balance:+.2f}")
    return 0
