"""Gathers the moments of a date range from the journal, minus those done or snoozed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import String, func, type_coerce
from sqlmodel import Session, col, select

from relationship_journal.domain import moments
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.ledger import DEFAULT_CADENCE_DAYS
from relationship_journal.domain.moments import Moment
from relationship_journal.store.gc_pause import gc_paused
from relationship_journal.store.models import (
    Contact,
    ContactAnniversary,
    ContactLayer,
    Employment,
    Entry,
    EntryContact,
    MomentState,
    NoticeRule,
    Organisation,
    Promise,
    Reminder,
    Setting,
    StageChange,
)

OVERDUE_LOOKBACK_DAYS = 365
STATE_CHUNK = 500


def _aware(moment: datetime) -> datetime:
    """Core queries return stored UTC times without their zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _local_day(moment: datetime) -> date:
    return _aware(moment).astimezone().date()


def collect(session: Session, today: date, days: int = moments.HORIZON_DAYS) -> list[Moment]:
    """Moments from a year back (still open) to ``days`` ahead, earliest first, each with the
    day the user wants to be told of it."""
    end = today + timedelta(days=days)
    with gc_paused():
        found = _gather(session, today, end)
        rules = notice_rules(session)
        kept = [m for m in _without_settled(session, found, today) if m.day <= end]
        ahead = {
            kind: timedelta(days=moments.notice_days(kind, None, rules))
            for kind in moments.MomentKind
        }
        own_rules = any(contact_id is not None for _kind, contact_id in rules)
        for moment in kept:
            if own_rules and moment.contact_id is not None:
                lead = timedelta(days=moments.notice_days(moment.kind, moment.contact_id, rules))
            else:
                lead = ahead[moment.kind]
            moment.notice_on = moment.day - lead
    return kept


def notice_rules(session: Session) -> dict[tuple[str, int | None], int]:
    return {
        (rule.kind, rule.contact_id): rule.days_before
        for rule in session.exec(select(NoticeRule)).all()
    }


def set_notice_rule(
    session: Session, kind: str, days_before: int | None, contact_id: int | None = None
) -> None:
    """Set (or with None, clear) how many days ahead to be told of ``kind``."""
    moments.MomentKind(kind)
    query = select(NoticeRule).where(NoticeRule.kind == kind)
    query = query.where(
        col(NoticeRule.contact_id).is_(None)
        if contact_id is None
        else NoticeRule.contact_id == contact_id
    )
    rule = session.exec(query).first()
    if days_before is None:
        if rule is not None:
            session.delete(rule)
        return
    days = max(0, min(days_before, moments.MAX_NOTICE_DAYS))
    if rule is None:
        rule = NoticeRule(kind=kind, contact_id=contact_id, days_before=days)
    rule.days_before = days
    session.add(rule)


def _gather(session: Session, today: date, end: date) -> list[Moment]:
    names = _live_names(session)
    found: list[Moment] = []
    found += _birthdays(session, today, end)
    found += _promises(session, end, names)
    found += _cadences(session, today, end)
    found += _follow_ups(session, today, end, names)
    found += _stage_nudges(session, today, end, names)
    found += _reminders(session, today, end, names)
    return found


def _live_names(session: Session) -> dict[int, str]:
    """Every live contact's name, read once: cheaper than joining contact into each query
    (a primary-key lookup per row), and a missing id means a deleted contact."""
    rows = session.connection().exec_driver_sql(
        "SELECT id, display_name FROM contact WHERE deleted_at IS NULL"
    )
    return dict(rows.all())  # type: ignore[arg-type]


def _rows(session: Session, statement: Any) -> list[Any]:
    """Plain rows through the connection: column queries skip the ORM's loading machinery,
    which costs more than the query itself on large journals."""
    return list(session.connection().execute(statement).all())


def _birthdays(session: Session, today: date, end: date) -> list[Moment]:
    start = today - timedelta(days=moments.BELATED_DAYS)
    months = {(start + timedelta(days=offset)).month for offset in range((end - start).days + 1)}
    rows = _rows(
        session,
        select(
            Contact.id,
            Contact.display_name,
            Contact.birth_month,
            Contact.birth_day,
            Contact.birth_year,
            Contact.met_on,
        ).where(col(Contact.deleted_at).is_(None), col(Contact.birth_month).in_(months)),
    )
    found: list[Moment] = []
    for cid, name, month, day, year, _met in rows:
        if cid is None or month is None or day is None:
            continue
        found += moments.birthdays(cid, name, PartialDate(month, day, year), start, end)
    month_texts = [f"{month:02d}" for month in months]
    met_rows = _rows(
        session,
        select(Contact.id, Contact.display_name, Contact.met_on).where(
            col(Contact.deleted_at).is_(None),
            col(Contact.met_on).is_not(None),
            func.strftime("%m", Contact.met_on).in_(month_texts),
        ),
    )
    for cid, name, met_on in met_rows:
        if cid is not None and met_on is not None and met_on.month in months:
            found += moments.anniversaries(cid, name, "we met", met_on, today, end)
    found += _job_anniversaries(session, month_texts, today, end)
    found += _dated_anniversaries(session, months, today, end)
    found += _purchase_anniversaries(session, month_texts, today, end)
    # One anniversary a day per contact: when we met often is when the job began.
    seen: set[tuple[int | None, date]] = set()
    kept: list[Moment] = []
    for moment in found:
        if moment.kind is moments.MomentKind.ANNIVERSARY:
            if (moment.contact_id, moment.day) in seen:
                continue
            seen.add((moment.contact_id, moment.day))
        kept.append(moment)
    return kept


def _dated_anniversaries(
    session: Session, months: set[int], today: date, end: date
) -> list[Moment]:
    """Anniversaries the contact's file names (imported from vCard or CSV, or typed)."""
    rows = _rows(
        session,
        select(
            Contact.id,
            Contact.display_name,
            ContactAnniversary.label,
            ContactAnniversary.year,
            ContactAnniversary.month,
            ContactAnniversary.day,
        )
        .join(ContactAnniversary, col(ContactAnniversary.contact_id) == Contact.id)
        .where(col(Contact.deleted_at).is_(None), col(ContactAnniversary.month).in_(months)),
    )
    found: list[Moment] = []
    for cid, name, label, year, month, day in rows:
        found += moments.dated_anniversaries(
            cid, name, label, PartialDate(month, day, year), today, end
        )
    return found


def _job_anniversaries(
    session: Session, month_texts: list[str], today: date, end: date
) -> list[Moment]:
    """Years in a current job: a reason to congratulate."""
    rows = _rows(
        session,
        select(Contact.id, Contact.display_name, Employment.started_on, Organisation.name)
        .join(Employment, col(Employment.contact_id) == Contact.id)
        .join(Organisation, col(Organisation.id) == Employment.organisation_id)
        .where(
            col(Contact.deleted_at).is_(None),
            col(Employment.ended_on).is_(None),
            col(Employment.started_on).is_not(None),
            func.strftime("%m", Employment.started_on).in_(month_texts),
        ),
    )
    found: list[Moment] = []
    for cid, name, started, organisation in rows:
        found += moments.anniversaries(
            cid, name, f"starting at {organisation}", started, today, end
        )
    return found


def _purchase_anniversaries(
    session: Session, month_texts: list[str], today: date, end: date
) -> list[Moment]:
    """Years since the first purchase: the first time a relationship reached a purchase stage."""
    first = func.min(StageChange.changed_at)
    rows = _rows(
        session,
        select(Contact.id, Contact.display_name, first)
        .join(StageChange, col(StageChange.contact_id) == Contact.id)
        .where(
            col(Contact.deleted_at).is_(None),
            col(StageChange.stage).in_(("purchase", "purchase decision")),
        )
        .group_by(col(Contact.id))
        .having(func.strftime("%m", first).in_(month_texts)),
    )
    found: list[Moment] = []
    for cid, name, at in rows:
        day = _local_day(at if isinstance(at, datetime) else datetime.fromisoformat(str(at)))
        found += moments.anniversaries(cid, name, "the first purchase", day, today, end)
    return found


def _promises(session: Session, end: date, names: dict[int, str]) -> list[Moment]:
    rows = _rows(
        session,
        select(
            Promise.id,
            Promise.contact_id,
            Promise.owner,
            Promise.text,
            type_coerce(Promise.due_on, String),
        ).where(
            Promise.status == "open",
            col(Promise.due_on).is_not(None),
            col(Promise.due_on) <= end,
        ),
    )
    return [
        moments.promise(pid, cid, names[cid], owner, what, date.fromisoformat(due))
        for pid, cid, owner, what, due in rows
        if cid in names
    ]


def _cadences(session: Session, today: date, end: date) -> list[Moment]:
    """Stay-in-touch lapses from CADENCE_OVERDUE_DAYS ago to ``end``. Key contacts without a
    cadence of their own get the default one; others without a cadence are left out, so
    the agenda does not fill with every acquaintance."""
    cadence = func.coalesce(Contact.cadence_days, DEFAULT_CADENCE_DAYS)
    lapse = func.julianday(Contact.last_contact_at) + cadence
    first = today - timedelta(days=moments.CADENCE_OVERDUE_DAYS)
    rows = _rows(
        session,
        select(
            Contact.id, Contact.display_name, type_coerce(Contact.last_contact_at, String), cadence
        ).where(
            col(Contact.deleted_at).is_(None),
            col(Contact.last_contact_at).is_not(None),
            (col(Contact.cadence_days).is_not(None)) | (Contact.tier == "key"),
            lapse >= func.julianday(first.isoformat()),
            lapse < func.julianday((end + timedelta(days=1)).isoformat()),
        ),
    )
    found = []
    for cid, name, last, days in rows:
        if cid is None or last is None:
            continue
        # The stored text, parsed here: SQLAlchemy's own conversion costs more per row.
        last_day = _local_day(datetime.fromisoformat(last))
        moment = moments.cadence_lapse(cid, name, last_day, days)
        if first <= moment.day <= end:
            found.append(moment)
    return found


def _follow_ups(session: Session, today: date, end: date, names: dict[int, str]) -> list[Moment]:
    rows = _rows(
        session,
        select(Entry.id, Entry.summary, Entry.follow_up_on, EntryContact.contact_id)
        .join(EntryContact, col(EntryContact.entry_id) == Entry.id)
        .where(
            col(Entry.follow_up_on).is_not(None),
            col(Entry.follow_up_on) <= end,
            col(Entry.follow_up_on) >= today - timedelta(days=OVERDUE_LOOKBACK_DAYS),
        ),
    )
    return [
        moments.follow_up(eid, cid, names[cid], summary, due)  # type: ignore[arg-type]
        for eid, summary, due, cid in rows
        if cid in names
    ]


def _stage_nudges(session: Session, today: date, end: date, names: dict[int, str]) -> list[Moment]:
    rules = moments.STAGE_RULES
    earliest = today - timedelta(
        days=moments.NUDGE_GRACE_DAYS + max(rule.after_days for rule in rules) + 1
    )
    rows = _rows(
        session,
        select(
            ContactLayer.contact_id,
            ContactLayer.layer,
            ContactLayer.stage,
            ContactLayer.since,
        ).where(
            col(ContactLayer.stage).in_({rule.stage for rule in rules}),
            ContactLayer.since >= datetime.combine(earliest, datetime.min.time(), tzinfo=UTC),
        ),
    )
    disabled = disabled_nudges(session)
    first = today - timedelta(days=moments.NUDGE_GRACE_DAYS)
    found: list[Moment] = []
    for contact_id, layer, stage, since in rows:
        if contact_id not in names:
            continue
        found += [
            moment
            for moment in moments.stage_nudges(
                contact_id, names[contact_id], layer, stage, _local_day(since), disabled
            )
            if first <= moment.day <= end
        ]
    return found


DISABLED_NUDGES = "nudges.disabled"


def disabled_nudges(session: Session) -> set[str]:
    row = session.get(Setting, DISABLED_NUDGES)
    return {key for key in (row.value.split(",") if row else []) if key}


def set_nudge_enabled(session: Session, rule_key: str, enabled: bool) -> None:
    """Switch a stage nudge rule (see ``moments.STAGE_RULES``) on or off."""
    if rule_key not in {rule.key for rule in moments.STAGE_RULES}:
        raise ValueError(f"no stage rule {rule_key!r}")
    off = disabled_nudges(session)
    off = off - {rule_key} if enabled else off | {rule_key}
    row = session.get(Setting, DISABLED_NUDGES) or Setting(key=DISABLED_NUDGES, value="")
    row.value = ",".join(sorted(off))
    session.add(row)


def _reminders(session: Session, today: date, end: date, names: dict[int, str]) -> list[Moment]:
    rows = _rows(
        session,
        select(
            Reminder.id,
            Reminder.contact_id,
            Reminder.title,
            Reminder.starts_at,
            Reminder.rrule,
            Reminder.all_day,
        ).where(Reminder.active == True),  # noqa: E712
    )
    found: list[Moment] = []
    for rid, contact_id, title, starts_at, rule, all_day in rows:
        if contact_id is not None and contact_id not in names:
            continue  # the reminder of a deleted contact
        name = names.get(contact_id, "") if contact_id is not None else ""
        lookback = moments.RECURRING_GRACE_DAYS if rule else OVERDUE_LOOKBACK_DAYS
        start = _aware(starts_at).astimezone()
        found += moments.reminder_occurrences(
            rid,
            title,
            start,
            rule,
            today - timedelta(days=lookback),
            end,
            all_day=bool(all_day),
            contact_id=contact_id,
            name=name or "",
        )
    return found


def _without_settled(session: Session, found: list[Moment], today: date) -> list[Moment]:
    keys = [moment.key for moment in found]
    states: dict[str, MomentState] = {}
    stored = session.exec(select(func.count()).select_from(MomentState)).one()
    if stored <= len(keys):
        states = {state.key: state for state in session.exec(select(MomentState))}
    else:
        for start in range(0, len(keys), STATE_CHUNK):  # below SQLite's limit on parameters
            chunk = keys[start : start + STATE_CHUNK]
            for state in session.exec(select(MomentState).where(col(MomentState.key).in_(chunk))):
                states[state.key] = state
    kept = []
    for moment in found:
        state = states.get(moment.key)
        if state is None:
            kept.append(moment)
        elif state.status == "snoozed" and state.snoozed_until is not None:
            # A snoozed moment moves to the day it was snoozed to.
            moment.day = max(state.snoozed_until, today)
            kept.append(moment)
    return sorted(kept, key=moments.agenda_order)


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
