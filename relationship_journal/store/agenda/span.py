"""Ranges of local days the agenda reads, and how they look in the journal's columns."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from sqlmodel import Session

EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True)
class Span:
    """The local days ``first`` to ``last``, both included."""

    first: date
    last: date

    def clipped(self, earliest: date) -> Span | None:
        first = max(self.first, earliest)
        return Span(first, self.last) if first <= self.last else None

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


def aware(moment: datetime) -> datetime:
    """Core queries return stored UTC times without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def local_day(moment: datetime | str) -> date:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return aware(moment).astimezone().date()


def utc_text(day: date) -> str:
    """The stored (UTC) form of the local midnight that begins ``day``."""
    start = datetime.combine(day, time.min).astimezone().astimezone(UTC)
    return start.strftime("%Y-%m-%d %H:%M:%S")


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def month_days(span: Span) -> Iterator[tuple[int, tuple[int, int], tuple[int, int]]]:
    """Per calendar year of ``span``: the year and the first and last (month, day) it holds.
    A yearly day of 29 February falls on the 28th in common years, so a common year's
    range that ends on 28 February takes the 29th in too."""
    for year in range(span.first.year, span.last.year + 1):
        first = max(span.first, date(year, 1, 1))
        last = min(span.last, date(year, 12, 31))
        end = (last.month, last.day)
        if end == (2, 28) and not is_leap(year):
            end = (2, 29)
        yield year, (first.month, first.day), end


def rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    """Plain rows from the session's own connection, in its transaction, through the
    driver's cursor: SQLAlchemy's work per statement costs more than these reads."""
    cursor = session.connection().connection.cursor()
    try:
        return list(cursor.execute(sql, params).fetchall())
    finally:
        cursor.close()


def ids_in(column: str, ids: frozenset[int] | None) -> str:
    """A condition limiting ``column`` to ``ids`` (integers, so written inline), or none."""
    if ids is None:
        return ""
    return f" AND {column} IN ({','.join(str(int(i)) for i in sorted(ids)) or 'NULL'})"
