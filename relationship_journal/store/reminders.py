"""The user's own reminders: once, or recurring by an RFC 5545 rule."""

from __future__ import annotations

from datetime import datetime

from dateutil.rrule import rrulestr
from sqlmodel import Session

from relationship_journal.domain.text import clean_block, clean_line
from relationship_journal.store.contacts import get_contact
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.models import Reminder


def check_rule(rule: str, starts_at: datetime) -> str:
    text = rule.strip().removeprefix("RRULE:")
    if not text:
        return ""
    try:
        rrulestr(text, dtstart=starts_at.replace(tzinfo=None))
    except (ValueError, TypeError) as error:
        raise InvalidInputError(f"'{rule}' is not a recurrence rule ({error})") from None
    return text


def add_reminder(
    session: Session,
    title: str,
    starts_at: datetime,
    all_day: bool = True,
    rule: str = "",
    contact_id: int | None = None,
    notes: str = "",
) -> Reminder:
    what = clean_line(title)
    if not what:
        raise InvalidInputError("a reminder needs a title")
    if contact_id is not None:
        get_contact(session, contact_id)
    reminder = Reminder(
        contact_id=contact_id,
        title=what,
        notes=clean_block(notes),
        starts_at=starts_at,
        all_day=all_day,
        rrule=check_rule(rule, starts_at),
    )
    session.add(reminder)
    session.flush()
    return reminder
