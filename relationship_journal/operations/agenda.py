"""The moments that matter: what is due when, acting on them, and how far ahead to be told."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from relationship_journal.domain import moments
from relationship_journal.domain.moments import Moment, MomentKind
from relationship_journal.operations.workspace import Done, Workspace
from relationship_journal.store import agenda as store
from relationship_journal.store.contact_list import Drifting, drifting
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.promises import set_promise_status
from relationship_journal.store.reminders import add_reminder, check_rule

__all__ = ["Drifting", "Moment"]


@dataclass(frozen=True)
class Today:
    """What the Today page shows: the moments from a year back to the horizon, and the
    contacts drifting away."""

    moments: list[Moment]
    drifting: Drifting


def today(ws: Workspace) -> Today:
    day, now = ws.clock.today(), ws.clock.now()
    return ws.read(lambda s: Today(store.collect(s, day), drifting(s, now)))


def between(ws: Workspace, start: date, days: int) -> list[Moment]:
    return ws.read(lambda s: store.collect(s, start, days))


def due_for_notice(ws: Workspace, at: datetime) -> list[Moment]:
    """Moments to tell the user of at ``at`` (a local time): those whose notice day has
    come; a reminder at a time of day is due at that time, not at midnight."""
    day = at.date()
    found = ws.read(lambda s: store.collect(s, day, moments.MAX_NOTICE_DAYS))
    return [
        m
        for m in moments.due_for_notice(found, day)
        if not (m.day == day and m.at is not None and m.at > at.time())
    ]


def mark_done(ws: Workspace, moment: Moment) -> Done[None]:
    """Done with a moment; for a promise (mine or theirs), that it was kept."""
    now, today = ws.clock.now(), ws.clock.today()
    if moment.kind in (MomentKind.PROMISE_MINE, MomentKind.PROMISE_THEIRS):
        promise_id = int(moment.key.removeprefix("promise:"))

        def keep(session: Session) -> None:
            set_promise_status(session, promise_id, "kept", today)

        return ws.write(f"Promise kept: {moment.title}", keep)
    return ws.write(f"Done: {moment.title}", lambda s: store.mark_done(s, moment.key, now))


def snooze(ws: Workspace, moment: Moment, until: date) -> Done[None]:
    now = ws.clock.now()
    return ws.write(f"Snooze: {moment.title}", lambda s: store.snooze(s, moment.key, until, now))


def snooze_choices(ws: Workspace) -> list[tuple[str, date]]:
    day = ws.clock.today()
    return [("Until tomorrow", day + timedelta(days=1)), ("For a week", day + timedelta(days=7))]


# --- reminders -----------------------------------------------------------------------------


def remind(
    ws: Workspace,
    title: str,
    starts_at: datetime,
    all_day: bool,
    rule: str,
    contact_id: int | None,
) -> Done[None]:
    def save(session: Session) -> None:
        add_reminder(session, title, starts_at, all_day, rule, contact_id)

    return ws.write(f"New reminder “{title.strip()}”", save)


def rule_problem(rule: str, starts_at: datetime) -> str:
    """Why a repeat rule will not do, or "" when it will."""
    try:
        check_rule(rule, starts_at)
    except InvalidInputError as error:
        return str(error)
    return ""


# --- how far ahead ------------------------------------------------------------------------

NoticeRules = dict[tuple[str, int | None], int]


def notice_rules(ws: Workspace) -> NoticeRules:
    return ws.read(store.notice_rules)


def set_notice(
    ws: Workspace, chosen: dict[MomentKind, int | None], contact_id: int | None = None
) -> Done[None]:
    """How many days ahead to be told of each kind (None: as the default), for everyone or
    for one contact."""

    def save(session: Session) -> None:
        for kind, days in chosen.items():
            store.set_notice_rule(session, kind.value, days, contact_id)

    return ws.write("Tell me ahead", save)


def disabled_nudges(ws: Workspace) -> set[str]:
    return ws.read(store.disabled_nudges)


def save_reminder_settings(
    ws: Workspace, leads: dict[MomentKind, int], nudges: dict[str, bool]
) -> Done[None]:
    """The journal-wide lead times (equal to the default: no rule) and stage nudges."""

    def save(session: Session) -> None:
        for kind, days in leads.items():
            default = moments.DEFAULT_NOTICE_DAYS[kind]
            store.set_notice_rule(session, kind.value, None if days == default else days)
        for key, enabled in nudges.items():
            store.set_nudge_enabled(session, key, enabled)

    return ws.write("Change reminder settings", save)


def at_time(day: date, at: time | None) -> datetime:
    """A local moment from a day and an optional time of day (all day: midnight)."""
    return datetime.combine(day, at or time(0, 0)).astimezone()
