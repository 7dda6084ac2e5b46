"""The user's own reminders, once or by a repeat rule.

Reminders are typed one at a time, so a journal holds a few hundred at most whatever its
size; their occurrences are worked out in Python from the active ones."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from relationship_journal.domain import moments
from relationship_journal.domain.moments import Moment, MomentKind, agenda_order
from relationship_journal.store.agenda.dated import OVERDUE_LOOKBACK_DAYS
from relationship_journal.store.agenda.source import Reading, Source, without_settled
from relationship_journal.store.agenda.span import Span, aware, ids_in, rows


class Reminders(Source):
    prefix = "reminder"
    kinds = (MomentKind.REMINDER,)

    def earliest(self, today: date) -> date:
        return today - timedelta(days=OVERDUE_LOOKBACK_DAYS)

    def read(
        self,
        reading: Reading,
        span: Span,
        limit: int | None = None,
        subjects: frozenset[int] | None = None,
        settled: bool = False,
    ) -> list[Moment]:
        """Every occurrence up to the horizon is worked out once per read of the agenda;
        each section takes its days from them."""
        memo = ("reminders", subjects, settled)
        last, found = reading.kept.get(memo, (None, []))
        if last is None or last < span.last:
            last = max(span.last, reading.today + timedelta(days=moments.HORIZON_DAYS))
            found = self._all(reading, Span(self.earliest(reading.today), last), subjects)
            if not settled:
                found = without_settled(reading.session, found)
            found.sort(key=agenda_order)
            reading.kept[memo] = (last, found)
        within = [moment for moment in found if moment.day in span]
        return within if limit is None else within[:limit]

    def _all(self, reading: Reading, span: Span, subjects: frozenset[int] | None) -> list[Moment]:
        found: list[Moment] = []
        for rid, contact_id, name, title, starts_at, rule, all_day in rows(
            reading.session,
            "SELECT r.id, r.contact_id, c.display_name, r.title, r.starts_at, r.rrule,"
            " r.all_day FROM reminder r LEFT JOIN contact c ON c.id = r.contact_id"
            " WHERE r.active AND (r.contact_id IS NULL OR c.deleted_at IS NULL)"
            + ids_in("r.id", subjects),
            {},
        ):
            lookback = moments.RECURRING_GRACE_DAYS if rule else OVERDUE_LOOKBACK_DAYS
            first = max(span.first, reading.today - timedelta(days=lookback))
            if first > span.last:
                continue
            start = aware(datetime.fromisoformat(str(starts_at))).astimezone()
            found += moments.reminder_occurrences(
                rid,
                title,
                start,
                rule,
                first,
                span.last,
                all_day=bool(all_day),
                contact_id=contact_id,
                name=name or "",
            )
        return found
