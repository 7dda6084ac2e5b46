"""Today's sections: how many moments each holds and the first of them, read by index.

A section is a span of days (overdue, today, this week, the next 30 days). Each kind of
moment counts its moments in the span and reads its first few, both by range reads of
just those days; the snoozed moments, few, are added where they were moved to.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session

from relationship_journal.domain import moments
from relationship_journal.domain.moments import Bucket, Moment, agenda_order
from relationship_journal.store.agenda.kinds import SOURCES, reading
from relationship_journal.store.agenda.rules import notice_rules, set_notice_days
from relationship_journal.store.agenda.source import Reading, first_rows
from relationship_journal.store.agenda.span import EARLIEST, Span
from relationship_journal.store.agenda.states import snoozed
from relationship_journal.store.gc_pause import gc_paused

SHOWN_FIRST = 6
SECTION_ORDER = (Bucket.TODAY, Bucket.OVERDUE, Bucket.THIS_WEEK, Bucket.NEXT_30_DAYS)


@dataclass(frozen=True)
class Section:
    """A section of Today: how many moments it holds, and the first of them in order."""

    bucket: Bucket
    count: int
    first: list[Moment] = field(default_factory=list)


def spans(today: date) -> dict[Bucket, Span]:
    week, horizon = today + timedelta(days=7), today + timedelta(days=moments.HORIZON_DAYS)
    return {
        Bucket.TODAY: Span(today, today),
        Bucket.OVERDUE: Span(EARLIEST, today - timedelta(days=1)),
        Bucket.THIS_WEEK: Span(today + timedelta(days=1), week),
        Bucket.NEXT_30_DAYS: Span(week + timedelta(days=1), horizon),
    }


def sections(
    session: Session, today: date, shown: Mapping[Bucket, int] | None = None
) -> list[Section]:
    """Each section in the order Today shows them, with its first ``shown[bucket]`` moments
    (SHOWN_FIRST unless asked for more)."""
    read = reading(session, today)
    by_day = spans(today)
    rules = notice_rules(session)
    with gc_paused():
        moved = snoozed(read, by_day[Bucket.NEXT_30_DAYS].last)
        found = []
        for bucket in SECTION_ORDER:
            limit = (shown or {}).get(bucket, SHOWN_FIRST)
            extra = [moment for moment in moved if moment.day in by_day[bucket]]
            section = _section(read, bucket, by_day[bucket], limit, extra)
            set_notice_days(section.first, rules)
            found.append(section)
    return found


def _section(read: Reading, bucket: Bucket, span: Span, limit: int, extra: list[Moment]) -> Section:
    count = len(extra)
    first = list(extra)
    for source in SOURCES:
        clipped = span.clipped(source.earliest(read.today))
        if clipped is None:
            continue
        count += source.count(read, clipped)
        first += first_rows(source, read, clipped, limit)
    first.sort(key=agenda_order)
    return Section(bucket, count, first[:limit])
