"""Gathers the moments of a date range from the journal, minus those done or snoozed."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func
from sqlmodel import Session, col, select

from relationship_journal.domain import moments
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.ledger import DEFAULT_CADENCE_DAYS
from relationship_journal.domain.moments import Moment
from relationship_journal.store.models import (
    Contact,
    ContactLayer,
    Entry,
    EntryContact,
    MomentState,
    NoticeRule,
    Promise,
    Reminder,
    Setting,
)

OVERDUE_LOOKBACK_DAYS = 365
STATE_CHUNK = 500


def _local_day(moment: datetime) -> date:
    return moment.astimezone().date() if moment.tzinfo else moment.date()


def collect(session: Session, today: date, days: int = moments.HORIZON_DAYS) -> list[Moment]:
    """Moments from a year back (still open) to ``days`` ahead, earliest first, each with the
    day the user wants to be told of it."""
    end = today + timedelta(days=days)
    found = _gather(session, today, end)
    rules = notice_rules(session)
    return [
        replace(
            moment,
            notice_on=moment.day
            - timedelta(days=moments.notice_days(moment.kind, moment.contact_id, rules)),
        )
        for moment in _without_settled(session, found, today)
        if moment.day <= end
    ]


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
    found: list[Moment] = []
    found += _birthdays(session, today, end)
    found += _promises(session, end)
    found += _cadences(session, today, end)
    found += _follow_ups(session, today, end)
    found += _stage_nudges(session, today, end)
    found += _reminders(session, today, end)
    return found


def _names(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = session.exec(
        select(Contact.id, Contact.display_name).where(
            col(Contact.id).in_(ids), col(Contact.deleted_at).is_(None)
        )
    ).all()
    return {cid: name for cid, name in rows if cid is not None}


def _birthdays(session: Session, today: date, end: date) -> list[Moment]:
    start = today - timedelta(days=moments.BELATED_DAYS)
    months = {(start + timedelta(days=offset)).month for offset in range((end - start).days + 1)}
    rows = session.exec(
        select(
            Contact.id,
            Contact.display_name,
            Contact.birth_month,
            Contact.birth_day,
            Contact.birth_year,
            Contact.met_on,
        ).where(col(Contact.deleted_at).is_(None), col(Contact.birth_month).in_(months))
    ).all()
    found: list[Moment] = []
    for cid, name, month, day, year, _met in rows:
        if cid is None or month is None or day is None:
            continue
        found += moments.birthdays(cid, name, PartialDate(month, day, year), start, end)
    month_texts = [f"{month:02d}" for month in months]
    met_rows = session.exec(
        select(Contact.id, Contact.display_name, Contact.met_on).where(
            col(Contact.deleted_at).is_(None),
            col(Contact.met_on).is_not(None),
            func.strftime("%m", Contact.met_on).in_(month_texts),
        )
    ).all()
    for cid, name, met_on in met_rows:
        if cid is not None and met_on is not None and met_on.month in months:
            found += moments.anniversaries(cid, name, "we met", met_on, today, end)
    return found


def _promises(session: Session, end: date) -> list[Moment]:
    rows = session.exec(
        select(Promise).where(
            Promise.status == "open", col(Promise.due_on).is_not(None), col(Promise.due_on) <= end
        )
    ).all()
    names = _names(session, {row.contact_id for row in rows})
    return [
        moments.promise(
            row.id, row.contact_id, names[row.contact_id], row.owner, row.text, row.due_on
        )  # type: ignore[arg-type]
        for row in rows
        if row.contact_id in names and row.due_on is not None
    ]


def _cadences(session: Session, today: date, end: date) -> list[Moment]:
    """Stay-in-touch lapses from CADENCE_OVERDUE_DAYS ago to ``end``. Key contacts without a
    cadence of their own get the default one; others without a cadence are left out, so
    the agenda does not fill with every acquaintance."""
    cadence = func.coalesce(Contact.cadence_days, DEFAULT_CADENCE_DAYS)
    lapse = func.julianday(Contact.last_contact_at) + cadence
    first = today - timedelta(days=moments.CADENCE_OVERDUE_DAYS)
    rows = session.exec(
        select(Contact.id, Contact.display_name, Contact.last_contact_at, cadence).where(
            col(Contact.deleted_at).is_(None),
            col(Contact.last_contact_at).is_not(None),
            (col(Contact.cadence_days).is_not(None)) | (Contact.tier == "key"),
            lapse >= func.julianday(first.isoformat()),
            lapse < func.julianday((end + timedelta(days=1)).isoformat()),
        )
    ).all()
    found = []
    for cid, name, last, days in rows:
        if cid is None or last is None:
            continue
        moment = moments.cadence_lapse(cid, name, _local_day(last), days)
        if first <= moment.day <= end:
            found.append(moment)
    return found


def drifting_beyond_agenda(session: Session, today: date) -> int:
    """Contacts whose lapse is older than the agenda shows: the drifting ones."""
    cadence = func.coalesce(Contact.cadence_days, DEFAULT_CADENCE_DAYS)
    first = today - timedelta(days=moments.CADENCE_OVERDUE_DAYS)
    return session.exec(
        select(func.count())
        .select_from(Contact)
        .where(
            col(Contact.deleted_at).is_(None),
            col(Contact.last_contact_at).is_not(None),
            (col(Contact.cadence_days).is_not(None)) | (Contact.tier == "key"),
            func.julianday(Contact.last_contact_at) + cadence < func.julianday(first.isoformat()),
        )
    ).one()


def _follow_ups(session: Session, today: date, end: date) -> list[Moment]:
    rows = session.exec(
        select(Entry.id, Entry.summary, Entry.follow_up_on, EntryContact.contact_id)
        .join(EntryContact, col(EntryContact.entry_id) == Entry.id)
        .where(
            col(Entry.follow_up_on).is_not(None),
            col(Entry.follow_up_on) <= end,
            col(Entry.follow_up_on) >= today - timedelta(days=OVERDUE_LOOKBACK_DAYS),
        )
    ).all()
    names = _names(session, {row[3] for row in rows})
    return [
        moments.follow_up(eid, cid, names[cid], summary, due)  # type: ignore[arg-type]
        for eid, summary, due, cid in rows
        if cid in names
    ]


def _stage_nudges(session: Session, today: date, end: date) -> list[Moment]:
    stages = {rule.stage for rule in moments.STAGE_RULES}
    rows = session.exec(
        select(ContactLayer).where(
            col(ContactLayer.stage).in_(stages),
            ContactLayer.since
            >= datetime.combine(today, datetime.min.time(), tzinfo=UTC)
            - timedelta(days=OVERDUE_LOOKBACK_DAYS),
        )
    ).all()
    names = _names(session, {row.contact_id for row in rows})
    disabled = disabled_nudges(session)
    found: list[Moment] = []
    for row in rows:
        if row.contact_id in names:
            found += [
                moment
                for moment in moments.stage_nudges(
                    row.contact_id,
                    names[row.contact_id],
                    row.layer,
                    row.stage,
                    _local_day(row.since),
                    disabled,
                )
                if today - timedelta(days=moments.NUDGE_GRACE_DAYS) <= moment.day <= end
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


def _reminders(session: Session, today: date, end: date) -> list[Moment]:
    rows = session.exec(select(Reminder).where(Reminder.active == True)).all()  # noqa: E712
    names = _names(session, {row.contact_id for row in rows if row.contact_id is not None})
    found: list[Moment] = []
    for row in rows:
        if row.contact_id is not None and row.contact_id not in names:
            continue
        lookback = moments.RECURRING_GRACE_DAYS if row.rrule else OVERDUE_LOOKBACK_DAYS
        found += moments.reminder_occurrences(
            row.id,  # type: ignore[arg-type]
            row.title,
            row.starts_at.astimezone(),
            row.rrule,
            today - timedelta(days=lookback),
            end,
            all_day=row.all_day,
            contact_id=row.contact_id,
            name=names.get(row.contact_id, "") if row.contact_id is not None else "",
        )
    return found


def _without_settled(session: Session, found: list[Moment], today: date) -> list[Moment]:
    keys = [moment.key for moment in found]
    states: dict[str, MomentState] = {}
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
            kept.append(replace(moment, day=max(state.snoozed_until, today)))
    return sorted(kept, key=lambda m: (m.day, m.at or datetime.min.time(), m.kind, m.title))


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


def clear_state(session: Session, key: str) -> None:
    state = session.get(MomentState, key)
    if state is not None:
        session.delete(state)
