"""Moments done or snoozed: remembered by key, and the snoozed ones brought back on the day
they were snoozed to."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime

from sqlmodel import Session

from relationship_journal.domain.moments import Moment
from relationship_journal.store.agenda.kinds import BY_PREFIX, SOURCES
from relationship_journal.store.agenda.source import Reading
from relationship_journal.store.agenda.span import Span, rows
from relationship_journal.store.models import MomentState


def snoozed(reading: Reading, last: date) -> list[Moment]:
    """The snoozed moments that still come up, each moved to the day it was snoozed to (or
    today, once that has passed), up to ``last``. A moment comes up while it would show
    unsnoozed: each is looked for among its kind's moments, by the id its key names."""
    until: dict[str, date] = {
        key: date.fromisoformat(day)
        for key, day in rows(
            reading.session,
            "SELECT key, snoozed_until FROM moment_state"
            " WHERE status = 'snoozed' AND snoozed_until IS NOT NULL",
            {},
        )
    }
    subjects: dict[str, set[int]] = defaultdict(set)
    for key in until:
        source = BY_PREFIX.get(key.split(":", 1)[0])
        subject = source.subject_of(key) if source else None
        if source is not None and subject is not None:
            subjects[source.prefix].add(subject)
    found: list[Moment] = []
    for source in SOURCES:
        if source.prefix not in subjects:
            continue
        span = Span(source.earliest(reading.today), last)
        ids = frozenset(subjects[source.prefix])
        for moment in source.read(reading, span, subjects=ids, settled=True):
            if moment.key in until:
                moment.day = max(until[moment.key], reading.today)
                if moment.day <= last:
                    found.append(moment)
    return found


def mark_done(session: Session, key: str, now: datetime) -> None:
    _set_state(session, key, "done", None, now)


def snooze(session: Session, key: str, until: date, now: datetime) -> None:
    _set_state(session, key, "snoozed", until, now)


def _set_state(session: Session, key: str, status: str, until: date | None, now: datetime) -> None:
    state = session.get(MomentState, key)
    if state is None:
        state = MomentState(key=key, status=status, snoozed_until=until, acted_at=now)
    else:
        state.status, state.snoozed_until, state.acted_at = status, until, now
    session.add(state)
