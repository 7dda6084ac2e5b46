"""Every moment of a stretch of days, for the agenda command, the brief and notifications."""

from __future__ import annotations

from datetime import date, timedelta

from sqlmodel import Session

from relationship_journal.domain import moments
from relationship_journal.domain.moments import Moment, agenda_order
from relationship_journal.store.agenda.kinds import SOURCES, reading
from relationship_journal.store.agenda.rules import longest_lead, notice_rules, set_notice_days
from relationship_journal.store.agenda.span import Span
from relationship_journal.store.agenda.states import snoozed
from relationship_journal.store.gc_pause import gc_paused


def collect(session: Session, today: date, days: int = moments.HORIZON_DAYS) -> list[Moment]:
    """Moments from as far back as each kind stays overdue (still open) to ``days`` ahead,
    earliest first, each with the day the user wants to be told of it."""
    end = today + timedelta(days=days)
    read = reading(session, today)
    found: list[Moment] = []
    with gc_paused():
        for source in SOURCES:
            found += source.read(read, Span(source.earliest(today), end))
        found += snoozed(read, end)
        found.sort(key=agenda_order)
        set_notice_days(found, notice_rules(session))
    return found


def due(session: Session, today: date) -> list[Moment]:
    """The moments whose notice day has come: each kind read only as far ahead as anyone
    is told of it."""
    read, rules = reading(session, today), notice_rules(session)
    found: list[Moment] = []
    with gc_paused():
        for source in SOURCES:
            last = today + timedelta(days=longest_lead(rules, source.kinds))
            found += source.read(read, Span(source.earliest(today), last))
        found += snoozed(read, today + timedelta(days=moments.MAX_NOTICE_DAYS))
        set_notice_days(found, rules)
        found = moments.due_for_notice(found, today)
        found.sort(key=agenda_order)
    return found
