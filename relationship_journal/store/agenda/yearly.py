"""Birthdays and anniversaries: days that come round each year, read by month and day."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from relationship_journal.domain import moments
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.moments import Moment, MomentKind, agenda_order
from relationship_journal.store.agenda.source import (
    Part,
    Reading,
    Source,
    SqlSource,
    without_settled,
)
from relationship_journal.store.agenda.span import Span, ids_in, local_day, month_days, rows

# Written into the SQL as it stands, so that the partial index of migration 0006 serves it.
PURCHASE_STAGES = "('purchase', 'purchase decision')"


class Birthdays(SqlSource):
    prefix = "birthday"
    kinds = (MomentKind.BIRTHDAY,)
    columns = "c.id, c.display_name, c.birth_month, c.birth_day, c.birth_year"
    tables = count_tables = "contact c"
    where = count_where = "c.deleted_at IS NULL"
    order = "c.birth_month, c.birth_day"
    title_key = "c.display_name || '''s'"  # "{name}'s birthday", "{name}'s 40th birthday"
    subject_column = "c.id"

    def earliest(self, today: date) -> date:
        return today - timedelta(days=moments.BELATED_DAYS)  # for belated wishes

    def parts(self, reading: Reading, span: Span) -> list[Part]:
        return [
            Part(
                "(c.birth_month, c.birth_day) >= (:m1, :d1)"
                " AND (c.birth_month, c.birth_day) <= (:m2, :d2)"
                " AND (c.birth_year IS NULL OR c.birth_year <= :year)",
                {"m1": first[0], "d1": first[1], "m2": last[0], "d2": last[1], "year": year},
                "'birthday:' || c.id || ':' || :year",
            )
            for year, first, last in month_days(span)
        ]

    def moment(self, reading: Reading, row: Any, part: Part) -> Moment | None:
        cid, name, month, day, year = row
        found = moments.birthdays(
            cid,
            name,
            PartialDate(month, day, year),
            date(part.params["year"], 1, 1),
            date(part.params["year"], 12, 31),
        )
        return found[0] if found else None


class Anniversaries(Source):
    """When we met, years in a current job, the first purchase, and the yearly days the
    contact's file names; one a day per contact (when we met often is when the job began)."""

    prefix = "anniversary"
    kinds = (MomentKind.ANNIVERSARY,)

    def read(
        self,
        reading: Reading,
        span: Span,
        limit: int | None = None,
        subjects: frozenset[int] | None = None,
        settled: bool = False,
    ) -> list[Moment]:
        found: list[Moment] = []
        for year, first, last in month_days(span):
            within = Span(max(span.first, date(year, 1, 1)), min(span.last, date(year, 12, 31)))
            found += self._of_year(reading, within, first, last, subjects)
        seen: set[tuple[int | None, date]] = set()
        kept: list[Moment] = []
        for moment in found:
            if (moment.contact_id, moment.day) not in seen:
                seen.add((moment.contact_id, moment.day))
                kept.append(moment)
        if not settled:
            kept = without_settled(reading.session, kept)
        kept.sort(key=agenda_order)
        return kept if limit is None else kept[:limit]

    def _of_year(
        self,
        reading: Reading,
        span: Span,
        first: tuple[int, int],
        last: tuple[int, int],
        subjects: frozenset[int] | None,
    ) -> list[Moment]:
        session, only = reading.session, ids_in("c.id", subjects)
        texts = {"lo": f"{first[0]:02d}-{first[1]:02d}", "hi": f"{last[0]:02d}-{last[1]:02d}"}
        found: list[Moment] = []
        for cid, name, met_on in rows(
            session,
            "SELECT c.id, c.display_name, c.met_on FROM contact c WHERE c.deleted_at IS NULL"
            " AND c.met_on IS NOT NULL AND substr(c.met_on, 6, 5) BETWEEN :lo AND :hi" + only,
            texts,
        ):
            met = date.fromisoformat(met_on)
            found += moments.anniversaries(cid, name, "we met", met, span.first, span.last)
        for cid, name, started, organisation in rows(
            session,
            "SELECT c.id, c.display_name, e.started_on, o.name FROM employment e"
            " CROSS JOIN contact c ON c.id = e.contact_id CROSS JOIN organisation o"
            " ON o.id = e.organisation_id WHERE c.deleted_at IS NULL AND e.ended_on IS NULL"
            " AND e.started_on IS NOT NULL AND substr(e.started_on, 6, 5) BETWEEN :lo AND :hi"
            + only,
            texts,
        ):
            found += moments.anniversaries(
                cid,
                name,
                f"starting at {organisation}",
                date.fromisoformat(started),
                span.first,
                span.last,
            )
        for cid, name, label, year, month, day in rows(
            session,
            "SELECT c.id, c.display_name, a.label, a.year, a.month, a.day"
            " FROM contact_anniversary a CROSS JOIN contact c ON c.id = a.contact_id"
            " WHERE c.deleted_at IS NULL AND (a.month, a.day) >= (:m1, :d1)"
            " AND (a.month, a.day) <= (:m2, :d2)" + only,
            {"m1": first[0], "d1": first[1], "m2": last[0], "d2": last[1]},
        ):
            found += moments.dated_anniversaries(
                cid, name, label, PartialDate(month, day, year), span.first, span.last
            )
        return found + self._purchases(reading, span, only)

    def _purchases(self, reading: Reading, span: Span, only: str) -> list[Moment]:
        """Years since the first purchase: the first time a relationship reached a purchase
        stage. Read by the (UTC) month and day of purchase stage changes with none before,
        a day wider each side for the local day, which ``moments.anniversaries`` checks."""
        lo = max(span.first - timedelta(days=1), date(span.first.year, 1, 1))
        hi = min(span.last + timedelta(days=1), date(span.last.year, 12, 31))
        found: list[Moment] = []
        for cid, name, at in rows(
            reading.session,
            "SELECT c.id, c.display_name, s.changed_at FROM stage_change s"
            " INDEXED BY ix_stage_change_purchase_day"
            f" CROSS JOIN contact c ON c.id = s.contact_id WHERE s.stage IN {PURCHASE_STAGES}"
            " AND substr(s.changed_at, 6, 5) BETWEEN :lo AND :hi AND c.deleted_at IS NULL"
            f" AND NOT EXISTS (SELECT 1 FROM stage_change e WHERE e.stage IN {PURCHASE_STAGES}"
            " AND e.contact_id = s.contact_id AND e.changed_at < s.changed_at)" + only,
            {"lo": f"{lo:%m-%d}", "hi": f"{hi:%m-%d}"},
        ):
            day = local_day(at if isinstance(at, datetime) else str(at))
            found += moments.anniversaries(
                cid, name, "the first purchase", day, span.first, span.last
            )
        return found
