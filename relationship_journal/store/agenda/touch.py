"""Keeping in touch: a stay-in-touch cadence that lapses, a stage that asks for a word."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from relationship_journal.domain import moments
from relationship_journal.domain.ledger import DEFAULT_CADENCE_DAYS
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.store.agenda.source import NOT_TRASHED, Part, Reading, SqlSource
from relationship_journal.store.agenda.span import Span, local_day, utc_text


class Cadences(SqlSource):
    """Stay-in-touch lapses, by the kept ``lapse_at`` (see migration 0006). Key contacts
    without a cadence of their own get the default one; others without a cadence are left
    out, so the agenda does not fill with every acquaintance. A lapse shows for
    CADENCE_OVERDUE_DAYS; after that the contact is simply drifting."""

    prefix = "cadence"
    kinds = (MomentKind.CADENCE,)
    columns = "c.id, c.display_name, c.last_contact_at, c.cadence_days, c.lapse_at"
    # The partial index of migration 0006, named: the planner would take the index of all
    # lapses and look up every row (100 ms instead of 2 for 19,000 lapses).
    tables = count_tables = "contact c INDEXED BY ix_contact_cadence_lapse"
    where = count_where = "c.deleted_at IS NULL AND (c.cadence_days IS NOT NULL OR c.tier = 'key')"
    order = "c.lapse_at"
    title_key = "c.display_name"  # "Get in touch with {name}"
    subject_column = "c.id"

    def earliest(self, today: date) -> date:
        return today - timedelta(days=moments.CADENCE_OVERDUE_DAYS)

    def parts(self, reading: Reading, span: Span) -> list[Part]:
        return [
            Part(
                "c.lapse_at >= :lo AND c.lapse_at < :hi",
                {"lo": utc_text(span.first), "hi": utc_text(span.last + timedelta(days=1))},
                "'cadence:' || c.id || ':' || date(c.last_contact_at, 'localtime')",
            )
        ]

    def moment(self, reading: Reading, row: Any, part: Part) -> Moment | None:
        cid, name, last, cadence, lapse = row
        found = moments.cadence_lapse(cid, name, local_day(last), cadence or DEFAULT_CADENCE_DAYS)
        found.day = local_day(lapse)  # the day the stored lapse falls on, as it was read
        return found


class StageNudges(SqlSource):
    """Advice a stage gives some days after it began (``moments.STAGE_RULES``), shown
    until NUDGE_GRACE_DAYS after its day; one range read of the stage's start per rule."""

    prefix = "nudge"
    kinds = (MomentKind.STAGE_NUDGE,)
    subject_at = 2
    columns = "cl.contact_id, c.display_name, cl.layer, cl.stage, cl.since"
    tables = "contact_layer cl CROSS JOIN contact c ON c.id = cl.contact_id"
    where = "c.deleted_at IS NULL"
    count_tables = "contact_layer cl"
    count_where = f"cl.contact_id {NOT_TRASHED}"
    order = "cl.since"
    title_key = ":before || c.display_name || :after"  # the rule's title, as it is shown
    subject_column = "cl.contact_id"

    def earliest(self, today: date) -> date:
        return today - timedelta(days=moments.NUDGE_GRACE_DAYS)

    def parts(self, reading: Reading, span: Span) -> list[Part]:
        return [
            Part(
                "cl.stage = :stage AND cl.since >= :lo AND cl.since < :hi",
                {
                    "stage": rule.stage,
                    "rule": rule.key,
                    "before": rule.title.split("{name}")[0],
                    "after": rule.title.split("{name}")[1],
                    "lo": utc_text(span.first - timedelta(days=rule.after_days)),
                    "hi": utc_text(span.last + timedelta(days=1 - rule.after_days)),
                },
                "'nudge:' || :rule || ':' || cl.contact_id || ':' || cl.layer || ':'"
                " || date(cl.since, 'localtime')",
            )
            for rule in moments.STAGE_RULES
            if rule.key not in reading.disabled_nudges
        ]

    def moment(self, reading: Reading, row: Any, part: Part) -> Moment | None:
        cid, name, layer, stage, since = row
        others = {rule.key for rule in moments.STAGE_RULES} - {part.params["rule"]}
        found = moments.stage_nudges(cid, name, layer, stage, local_day(since), others)
        return found[0] if found else None
