"""What every kind of moment offers the agenda: its moments in a span of days, how many
there are, and the first few, each by an indexed range read of just those days."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from operator import attrgetter
from typing import Any, ClassVar

from sqlmodel import Session, col, select

from relationship_journal.domain.moments import HORIZON_DAYS, Moment, MomentKind, agenda_order
from relationship_journal.store.agenda.span import Span, ids_in, rows
from relationship_journal.store.models import MomentState

STATE_CHUNK = 500  # below SQLite's limit on parameters
_day = attrgetter("day")


@dataclass
class Reading:
    """One read of the agenda: the day it is read for, and what it needs to know once."""

    session: Session
    today: date
    disabled_nudges: frozenset[str] = field(default_factory=frozenset)
    # What a source worked out once for this read, for its next span (see Reminders).
    kept: dict[Any, Any] = field(default_factory=dict)


class Source:
    """A kind of moment. ``read`` returns the moments of ``span`` earliest first (at least
    the first ``limit`` of them when a limit is given: all those on the day of the last
    one too), leaving out those done or snoozed unless ``settled``; ``subjects`` limits it
    to the ids the keys name (see ``subject_of``)."""

    prefix: ClassVar[str]  # the first part of its moments' keys
    kinds: ClassVar[tuple[MomentKind, ...]]
    subject_at: ClassVar[int] = 1  # which part of a key is the id behind it

    def earliest(self, today: date) -> date:
        """The first day whose moments still show (the overdue ones before today)."""
        return today

    def read(
        self,
        reading: Reading,
        span: Span,
        limit: int | None = None,
        subjects: frozenset[int] | None = None,
        settled: bool = False,
    ) -> list[Moment]:
        raise NotImplementedError

    def count(self, reading: Reading, span: Span) -> int:
        return len(self.read(reading, span))

    def first_on_day(self, reading: Reading, day: date, limit: int) -> list[Moment]:
        """The first ``limit`` moments of one day, in agenda order."""
        return self.read(reading, Span(day, day))[:limit]

    def subject_of(self, key: str) -> int | None:
        parts = key.split(":")
        try:
            return int(parts[self.subject_at])
        except (IndexError, ValueError):
            return None


@dataclass(frozen=True)
class Part:
    """One range read of a SQL source: its condition, parameters, and the SQL of the keys
    of its moments."""

    condition: str
    params: dict[str, Any]
    key: str


# Trash is rare: the set of trashed contacts is small, read once per statement by index.
NOT_TRASHED = "NOT IN (SELECT id FROM contact WHERE deleted_at IS NOT NULL)"


class SqlSource(Source):
    """A source whose moments, counts and first rows are all answered by SQL. Counts read
    only indexes (``count_tables`` and ``count_where``: no contact row is looked up) and
    take away the few moments done or snoozed, found by the ids their keys name."""

    columns: ClassVar[str]
    tables: ClassVar[str]
    where: ClassVar[str]
    count_tables: ClassVar[str]
    count_where: ClassVar[str]
    order: ClassVar[str]
    subject_column: ClassVar[str]
    # SQL whose order is that of the moments' titles within a day (their start, at least),
    # so that the first moments of a crowded day are read without reading all of them.
    title_key: ClassVar[str | None] = None
    few: ClassVar[bool] = False  # see ``_all``

    def parts(self, reading: Reading, span: Span) -> list[Part]:
        raise NotImplementedError

    def moment(self, reading: Reading, row: Any, part: Part) -> Moment | None:
        raise NotImplementedError

    def _sql(self, what: str, part: Part, subjects: frozenset[int] | None, settled: bool) -> str:
        sql = f"SELECT {what} FROM {self.tables} WHERE {self.where} AND {part.condition}"
        if not settled:
            sql += f" AND NOT EXISTS (SELECT 1 FROM moment_state ms WHERE ms.key = {part.key})"
        return sql + ids_in(self.subject_column, subjects)

    def read(
        self,
        reading: Reading,
        span: Span,
        limit: int | None = None,
        subjects: frozenset[int] | None = None,
        settled: bool = False,
    ) -> list[Moment]:
        if self.few and subjects is None and not settled:
            found = self._all(reading, span)  # in agenda order: by day first
            within = found[
                bisect_left(found, span.first, key=_day) : bisect_right(found, span.last, key=_day)
            ]
            return within if limit is None else within[:limit]
        return self._query(reading, span, limit, subjects, settled)

    def _query(
        self,
        reading: Reading,
        span: Span,
        limit: int | None,
        subjects: frozenset[int] | None,
        settled: bool,
    ) -> list[Moment]:
        found: list[Moment] = []
        for part in self.parts(reading, span):
            sql = self._sql(self.columns, part, subjects, settled) + f" ORDER BY {self.order}"
            if limit is not None:
                sql += f" LIMIT {int(limit)}"
            for row in rows(reading.session, sql, part.params):
                moment = self.moment(reading, row, part)
                if moment is not None:
                    found.append(moment)
        return sorted(found, key=agenda_order)

    def _all(self, reading: Reading, span: Span) -> list[Moment]:
        """A source of few moments (what the user keeps open: a few hundred at most) is
        read once per read of the agenda, up to the horizon, and each span taken from it."""
        memo = ("all", self.prefix)
        found: list[Moment]
        last, found = reading.kept.get(memo, (None, []))
        if last is None or last < span.last:
            last = max(span.last, reading.today + timedelta(days=HORIZON_DAYS))
            found = self._query(
                reading, Span(self.earliest(reading.today), last), None, None, False
            )
            reading.kept[memo] = (last, found)
        return found

    def count(self, reading: Reading, span: Span) -> int:
        if self.few:
            return len(self.read(reading, span))
        total = 0
        for part in self.parts(reading, span):
            sql = (
                f"SELECT count(*) FROM {self.count_tables} WHERE {self.count_where}"
                f" AND {part.condition}"
            )
            total += rows(reading.session, sql, part.params)[0][0]
        stated = self.stated(reading)
        if stated:
            subjects = frozenset(s for s in map(self.subject_of, stated) if s is not None)
            settled = self.read(reading, span, subjects=subjects, settled=True)
            total -= sum(moment.key in stated for moment in settled)
        return total

    def first_on_day(self, reading: Reading, day: date, limit: int) -> list[Moment]:
        if self.title_key is None:
            return super().first_on_day(reading, day, limit)
        found: list[Moment] = []
        for part in self.parts(reading, Span(day, day)):
            last = rows(
                reading.session,
                self._sql(self.title_key, part, None, False)
                + f" ORDER BY 1 LIMIT 1 OFFSET {int(limit) - 1}",
                part.params,
            )
            sql, params = self._sql(self.columns, part, None, False), dict(part.params)
            if last:  # the day holds more: those up to the limit's title, and any equal
                sql += f" AND {self.title_key} <= :title_key"
                params["title_key"] = last[0][0]
            for row in rows(reading.session, sql, params):
                moment = self.moment(reading, row, part)
                if moment is not None:
                    found.append(moment)
        return sorted(found, key=agenda_order)[:limit]

    def stated(self, reading: Reading) -> frozenset[str]:
        """The keys of this kind's moments done or snoozed (a range of the primary key)."""
        memo = ("stated", self.prefix)
        if memo not in reading.kept:
            reading.kept[memo] = frozenset(
                key
                for (key,) in rows(
                    reading.session,
                    "SELECT key FROM moment_state WHERE key >= :lo AND key < :hi",
                    {"lo": self.prefix + ":", "hi": self.prefix + ";"},
                )
            )
        stated: frozenset[str] = reading.kept[memo]
        return stated


def first_rows(source: Source, reading: Reading, span: Span, limit: int) -> list[Moment]:
    """The first ``limit`` moments of ``span`` in agenda order, exactly: the limited read
    finds the day of the last of them; those before it are fewer than ``limit``, and of
    that day only the first few by title are read."""
    found = source.read(reading, span, limit=limit)
    if len(found) < limit:
        return found
    day = found[limit - 1].day
    before = (
        source.read(reading, Span(span.first, day - timedelta(days=1))) if day > span.first else []
    )
    return (before + source.first_on_day(reading, day, limit - len(before)))[:limit]


def without_settled(session: Session, found: list[Moment]) -> list[Moment]:
    """For sources worked out in Python: leave out the moments done or snoozed."""
    keys = sorted({moment.key for moment in found})
    stated: set[str] = set()
    for start in range(0, len(keys), STATE_CHUNK):
        chunk = keys[start : start + STATE_CHUNK]
        stated.update(
            session.exec(select(MomentState.key).where(col(MomentState.key).in_(chunk))).all()
        )
    return [moment for moment in found if moment.key not in stated]
