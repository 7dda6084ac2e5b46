"""Moments on a date the journal stores: promises due, follow-ups asked for."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from relationship_journal.domain import moments
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.store.agenda.source import NOT_TRASHED, Part, Reading, SqlSource
from relationship_journal.store.agenda.span import EARLIEST, Span

OVERDUE_LOOKBACK_DAYS = 365


def _between(column: str, span: Span) -> tuple[str, dict[str, Any]]:
    return (
        f"{column} >= :lo AND {column} <= :hi",
        {"lo": span.first.isoformat(), "hi": span.last.isoformat()},
    )


class Promises(SqlSource):
    """Open promises by due date, however long overdue."""

    prefix = "promise"
    few = True
    kinds = (MomentKind.PROMISE_MINE, MomentKind.PROMISE_THEIRS)
    columns = "p.id, p.contact_id, c.display_name, p.owner, p.text, p.due_on"
    tables = "promise p CROSS JOIN contact c ON c.id = p.contact_id"
    where = "p.status = 'open' AND p.due_on IS NOT NULL AND c.deleted_at IS NULL"
    count_tables = "promise p"
    count_where = f"p.status = 'open' AND p.due_on IS NOT NULL AND p.contact_id {NOT_TRASHED}"
    order = "p.due_on"
    subject_column = "p.id"

    def earliest(self, today: date) -> date:
        return EARLIEST

    def parts(self, reading: Reading, span: Span) -> list[Part]:
        condition, params = _between("p.due_on", span)
        return [Part(condition, params, "'promise:' || p.id")]

    def moment(self, reading: Reading, row: Any, part: Part) -> Moment | None:
        pid, cid, name, owner, text, due = row
        return moments.promise(pid, cid, name, owner, text, date.fromisoformat(due))


class FollowUps(SqlSource):
    """The follow-ups asked for when an entry was logged, for each of its contacts."""

    prefix = "follow-up"
    few = True
    kinds = (MomentKind.FOLLOW_UP,)
    columns = "e.id, e.summary, e.follow_up_on, c.id, c.display_name"
    tables = (
        "entry e CROSS JOIN entry_contact ec ON ec.entry_id = e.id"
        " CROSS JOIN contact c ON c.id = ec.contact_id"
    )
    where = "e.follow_up_on IS NOT NULL AND c.deleted_at IS NULL"
    count_tables = "entry e CROSS JOIN entry_contact ec ON ec.entry_id = e.id"
    count_where = f"e.follow_up_on IS NOT NULL AND ec.contact_id {NOT_TRASHED}"
    order = "e.follow_up_on"
    subject_column = "e.id"

    def earliest(self, today: date) -> date:
        return today - timedelta(days=OVERDUE_LOOKBACK_DAYS)

    def parts(self, reading: Reading, span: Span) -> list[Part]:
        condition, params = _between("e.follow_up_on", span)
        return [Part(condition, params, "'follow-up:' || e.id")]

    def moment(self, reading: Reading, row: Any, part: Part) -> Moment | None:
        eid, summary, due, cid, name = row
        return moments.follow_up(eid, cid, name, summary, date.fromisoformat(due))
