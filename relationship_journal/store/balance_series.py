"""A contact's balance over time, for its chart, from one aggregate query.

Each entry adds its term to the running sum ``S`` (``domain.ledger``); a chart's point is
``S`` up to its moment, scaled. SQLite sums the terms per day of the chart, in the query
that reads them, so opening a contact costs one row per day it was met on, never one per
entry worked through in Python.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import case, func
from sqlmodel import Session, col, select

from relationship_journal.domain import ledger
from relationship_journal.store.models import Entry, EntryContact

# The chart starts a week before the first entry, and reaches back two years at most.
LEAD_DAYS = 7
REACH_DAYS = 730
# Julian day numbers (SQLite's julianday()) of the Unix epoch and of the ledger's epoch.
_UNIX_EPOCH_JULIAN = 2440587.5
_EPOCH_JULIAN = _UNIX_EPOCH_JULIAN + ledger.EPOCH.timestamp() / 86400.0
# Times are stored as UTC text, 'YYYY-MM-DD HH:MM:SS.ffffff': from its 12th character on,
# the time of day, compared as text with the chart's SAMPLE_TIME.
_SAMPLE_TIME_TEXT = ledger.SAMPLE_TIME.strftime("%H:%M:%S.%f")


def balance_series_of(session: Session, contact_id: int, today: date) -> list[tuple[date, float]]:
    """The balance at each point of a contact's chart, up to ``today``; empty when nothing
    it logged carries a value."""
    at = col(Entry.occurred_at)
    joined = col(EntryContact.entry_id) == Entry.id
    valued = (EntryContact.contact_id == contact_id, Entry.value != 0)
    first = session.exec(select(func.min(at)).join(EntryContact, joined).where(*valued)).one()
    if first is None:
        return []
    start = max(
        first.astimezone().date() - timedelta(days=LEAD_DAYS), today - timedelta(days=REACH_DAYS)
    )
    # ledger.sample_day in SQL; the days before the chart's first are summed into it.
    day = func.max(
        case(
            (func.substr(at, 12) > _SAMPLE_TIME_TEXT, func.date(at, "+1 day")),
            else_=func.date(at),
        ),
        start.isoformat(),
    )
    term = col(Entry.value) * func.exp((func.julianday(at) - _EPOCH_JULIAN) / ledger.TAU_DAYS)
    rows = session.exec(
        select(day, func.sum(term))
        .join(EntryContact, joined)
        .where(*valued)
        .group_by(day)
        .order_by(day)
    )
    day_terms = [(date.fromisoformat(text), total) for text, total in rows]
    return ledger.balance_series(day_terms, start, today)
