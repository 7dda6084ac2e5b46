"""Moments that matter: what is due when, computed from what the journal holds.

Every moment has a stable ``key`` naming one occurrence (a birthday in a given year, a
promise, one lapse of a cadence), so that "done" and "snoozed" can be remembered for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import lru_cache

from dateutil.rrule import rrule, rrulestr

from relationship_journal.domain.dates import PartialDate

HORIZON_DAYS = 30
# How long a birthday that has just passed still shows, for belated wishes.
BELATED_DAYS = 3
# A stay-in-touch lapse shows on Today for this long; after that the contact is simply
# drifting, which the contacts list and the portfolio show.
CADENCE_OVERDUE_DAYS = 30
# How long past occurrences of a recurring reminder stay overdue.
RECURRING_GRACE_DAYS = 7
# A stage nudge is advice for a moment; after this it has passed and no longer shows.
NUDGE_GRACE_DAYS = 14


class MomentKind(StrEnum):
    BIRTHDAY = "birthday"
    ANNIVERSARY = "anniversary"
    PROMISE_MINE = "promise-mine"
    PROMISE_THEIRS = "promise-theirs"
    CADENCE = "cadence"
    FOLLOW_UP = "follow-up"
    STAGE_NUDGE = "stage-nudge"
    REMINDER = "reminder"

    @property
    def label(self) -> str:
        return _KIND_LABELS[self]


_KIND_LABELS = {
    MomentKind.BIRTHDAY: "Birthday",
    MomentKind.ANNIVERSARY: "Anniversary",
    MomentKind.PROMISE_MINE: "My promise",
    MomentKind.PROMISE_THEIRS: "Their promise",
    MomentKind.CADENCE: "Stay in touch",
    MomentKind.FOLLOW_UP: "Follow-up",
    MomentKind.STAGE_NUDGE: "Stage",
    MomentKind.REMINDER: "Reminder",
}


# How many days ahead the user is told of each kind, unless they chose otherwise.
DEFAULT_NOTICE_DAYS: dict[MomentKind, int] = {
    MomentKind.BIRTHDAY: 3,
    MomentKind.ANNIVERSARY: 3,
    MomentKind.PROMISE_MINE: 2,
    MomentKind.PROMISE_THEIRS: 0,
    MomentKind.CADENCE: 0,
    MomentKind.FOLLOW_UP: 0,
    MomentKind.STAGE_NUDGE: 0,
    MomentKind.REMINDER: 0,
}
MAX_NOTICE_DAYS = 60


def notice_days(
    kind: MomentKind, contact_id: int | None, rules: dict[tuple[str, int | None], int]
) -> int:
    """Days ahead: the contact's own rule, else the journal's rule for the kind, else the
    default. ``rules`` maps (kind, contact id or None) to days."""
    # A StrEnum member is its own string: no .value lookups on this hot path.
    if contact_id is not None and (kind, contact_id) in rules:
        return rules[(kind, contact_id)]
    return rules.get((kind, None), DEFAULT_NOTICE_DAYS[kind])


def due_for_notice(moments: list[Moment], today: date) -> list[Moment]:
    """Moments the user should be told about today (or earlier and not yet acted on)."""
    return [moment for moment in moments if moment.notice_day <= today]


class Bucket(StrEnum):
    OVERDUE = "Overdue"
    TODAY = "Today"
    THIS_WEEK = "This week"
    NEXT_30_DAYS = "Next 30 days"
    LATER = "Later"


@dataclass(order=True, slots=True)
class Moment:
    """One occurrence of something that matters. The agenda sets ``notice_on`` and moves
    ``day`` when a moment is snoozed; nothing else changes a moment."""

    day: date
    kind: MomentKind
    key: str
    title: str
    why: str
    contact_id: int | None = None
    contact_name: str = ""
    at: time | None = None
    ref_id: int | None = None  # the promise, entry or reminder behind the moment
    notice_on: date | None = None  # when the user wants to be told; the day itself if None

    @property
    def notice_day(self) -> date:
        return self.notice_on or self.day


def agenda_order(moment: Moment) -> tuple[date, time, str, str]:
    """Earliest first; within a day, timed ones by time, then by kind and title."""
    return (moment.day, moment.at or time.min, moment.kind, moment.title)


def bucket(day: date, today: date) -> Bucket:
    if day < today:
        return Bucket.OVERDUE
    if day == today:
        return Bucket.TODAY
    if day <= today + timedelta(days=7):
        return Bucket.THIS_WEEK
    if day <= today + timedelta(days=HORIZON_DAYS):
        return Bucket.NEXT_30_DAYS
    return Bucket.LATER


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def birthdays(
    contact_id: int, name: str, birthday: PartialDate, start: date, end: date
) -> list[Moment]:
    """Each birthday from ``start`` to ``end``; 29 February is kept on 28 February in common
    years."""
    found = []
    for year in range(start.year, end.year + 1):
        day = birthday.occurrence_in(year)
        age = birthday.age_on(day)
        if start <= day <= end and (age is None or age >= 0):  # none before they were born
            title = f"{name}'s {_ordinal(age)} birthday" if age else f"{name}'s birthday"
            found.append(
                Moment(
                    day=day,
                    kind=MomentKind.BIRTHDAY,
                    key=f"birthday:{contact_id}:{day.year}",
                    title=title,
                    why="Remembering what matters to them personally is a deposit.",
                    contact_id=contact_id,
                    contact_name=name,
                )
            )
    return found


def anniversaries(
    contact_id: int, name: str, what: str, since: date, start: date, end: date
) -> list[Moment]:
    """Yearly returns of ``since`` (when we met, a first purchase, a new job)."""
    found = []
    origin = PartialDate(since.month, since.day)
    for year in range(start.year, end.year + 1):
        day = origin.occurrence_in(year)
        years = year - since.year
        if start <= day <= end and years >= 1:
            found.append(
                Moment(
                    day=day,
                    kind=MomentKind.ANNIVERSARY,
                    key=f"anniversary:{contact_id}:{what}:{year}",
                    title=f"{years} year{'s' if years > 1 else ''} since {what} — {name}",
                    why="Long-term contacts expect to be recognised.",
                    contact_id=contact_id,
                    contact_name=name,
                )
            )
    return found


def dated_anniversaries(
    contact_id: int, name: str, what: str, day: PartialDate, start: date, end: date
) -> list[Moment]:
    """Yearly returns of a day the contact's file names (a wedding, a founding), with or
    without the year it began."""
    found = []
    for year in range(start.year, end.year + 1):
        occurs = day.occurrence_in(year)
        years = year - day.year if day.year is not None else None
        if start <= occurs <= end and (years is None or years >= 1):
            count = f" ({years} year{'s' if years > 1 else ''})" if years else ""
            found.append(
                Moment(
                    day=occurs,
                    kind=MomentKind.ANNIVERSARY,
                    key=f"anniversary:{contact_id}:{what}:{year}",
                    title=f"{name}'s {what}{count}",
                    why="Remembering what matters to them personally is a deposit.",
                    contact_id=contact_id,
                    contact_name=name,
                )
            )
    return found


def promise(
    promise_id: int, contact_id: int, name: str, owner: str, text: str, due: date
) -> Moment:
    mine = owner == "me"
    return Moment(
        day=due,
        kind=MomentKind.PROMISE_MINE if mine else MomentKind.PROMISE_THEIRS,
        key=f"promise:{promise_id}",
        title=f"{text} — {'to' if mine else 'from'} {name}",
        why=(
            "Delivering on a promise is a deposit; a late one is a withdrawal."
            if mine
            else "They promised this; a gentle nudge keeps it on track."
        ),
        contact_id=contact_id,
        contact_name=name,
        ref_id=promise_id,
    )


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: date) -> str:
    """'7 Mar 2026', without strftime's cost on a hot path."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def cadence_lapse(contact_id: int, name: str, last_contact: date, cadence_days: int) -> Moment:
    day = last_contact + timedelta(days=cadence_days)
    return Moment(
        day=day,
        kind=MomentKind.CADENCE,
        key=f"cadence:{contact_id}:{last_contact.isoformat()}",
        title=f"Get in touch with {name}",
        why=f"Last contact {short_date(last_contact)}; you meant to be in touch every "
        f"{cadence_days} days.",
        contact_id=contact_id,
        contact_name=name,
    )


def follow_up(entry_id: int, contact_id: int, name: str, summary: str, due: date) -> Moment:
    return Moment(
        day=due,
        kind=MomentKind.FOLLOW_UP,
        key=f"follow-up:{entry_id}",
        title=f"Follow up with {name}: {summary}",
        why="You asked to be reminded when you logged this.",
        contact_id=contact_id,
        contact_name=name,
        ref_id=entry_id,
    )


@dataclass(frozen=True)
class StageRule:
    key: str
    stage: str
    after_days: int
    title: str
    why: str
    label: str  # what the rule does, for the settings


STAGE_RULES: tuple[StageRule, ...] = (
    StageRule(
        "honeymoon-check-in",
        "honeymoon",
        21,
        "Check in with {name}: is the decision paying off?",
        "In the honeymoon they look for reasons the decision was right; give them one.",
        "Honeymoon: a check-in three weeks in",
    ),
    StageRule(
        "storming-response",
        "storming",
        2,
        "{name} is storming: respond fast, with empathy",
        "Issues handled badly in storming sour a relationship fast.",
        "Storming: respond within two days",
    ),
    StageRule(
        "forming-explain",
        "forming",
        14,
        "Explain to {name} how things work before it surprises them",
        "New relationships need extra communication.",
        "Forming: explain how things work, two weeks in",
    ),
)


def stage_nudges(
    contact_id: int,
    name: str,
    layer: str,
    stage: str,
    since: date,
    disabled: Iterable[str] = (),
) -> list[Moment]:
    off = set(disabled)
    return [
        Moment(
            day=since + timedelta(days=rule.after_days),
            kind=MomentKind.STAGE_NUDGE,
            key=f"nudge:{rule.key}:{contact_id}:{layer}:{since.isoformat()}",
            title=rule.title.format(name=name),
            why=rule.why,
            contact_id=contact_id,
            contact_name=name,
        )
        for rule in STAGE_RULES
        if rule.stage == stage and rule.key not in off
    ]


@lru_cache(maxsize=4096)
def _recurrence(rule: str, start: datetime) -> rrule:
    """Parsing a rule costs more than expanding it; the agenda asks for the same ones often."""
    parsed = rrulestr(rule, dtstart=start)
    assert isinstance(parsed, rrule)
    return parsed


@lru_cache(maxsize=4096)
def _occurrences(
    rule: str, start: datetime, window_start: datetime, window_end: datetime
) -> tuple[datetime, ...]:
    """The agenda is gathered again after every change, over the same window all day long;
    the expansion of an unchanged rule is the same each time."""
    return tuple(_recurrence(rule, start).between(window_start, window_end, inc=True))


def reminder_occurrences(
    reminder_id: int,
    title: str,
    starts_at: datetime,
    rule: str,
    start: date,
    end: date,
    all_day: bool = True,
    contact_id: int | None = None,
    name: str = "",
) -> list[Moment]:
    """Occurrences of a one-off or RFC 5545 recurring reminder between ``start`` and ``end``.

    The rule is expanded in the reminder's own wall-clock time, so a 09:00 meeting stays at
    09:00 across a daylight-saving change.
    """
    local_start = starts_at.replace(tzinfo=None)
    window_start = datetime.combine(start, time.min)
    window_end = datetime.combine(end, time.max)
    if rule:
        days: Sequence[datetime] = _occurrences(rule, local_start, window_start, window_end)
    else:
        days = [local_start] if window_start <= local_start <= window_end else []
    return [
        Moment(
            day=moment.date(),
            kind=MomentKind.REMINDER,
            key=f"reminder:{reminder_id}:{moment.date().isoformat()}",
            title=title,
            why="Your own reminder.",
            contact_id=contact_id,
            contact_name=name,
            at=None if all_day else moment.time(),
            ref_id=reminder_id,
        )
        for moment in days
    ]


@dataclass(frozen=True)
class Upcoming:
    """What is next for one contact, as a list shows it."""

    day: date
    what: str  # "Birthday", "Promise due", "Anniversary", "Stay in touch"


def next_for_contact(
    today: date,
    birthday: PartialDate | None = None,
    yearly: Sequence[tuple[PartialDate, str]] = (),
    promise_due: date | None = None,
    cadence_due: date | None = None,
) -> Upcoming | None:
    """A contact's next moment by the rules of the agenda: a birthday or another yearly
    day (the next time it comes round), an open promise's due date, the day the
    stay-in-touch cadence lapses (these two may have passed: then they are overdue)."""
    found: list[Upcoming] = []
    if birthday is not None:
        found.append(Upcoming(birthday.next_occurrence(today), MomentKind.BIRTHDAY.label))
    for day, what in yearly:
        found.append(Upcoming(day.next_occurrence(today), what or MomentKind.ANNIVERSARY.label))
    if promise_due is not None:
        found.append(Upcoming(promise_due, "Promise due"))
    if cadence_due is not None:
        found.append(Upcoming(cadence_due, MomentKind.CADENCE.label))
    return min(found, key=lambda u: u.day) if found else None
