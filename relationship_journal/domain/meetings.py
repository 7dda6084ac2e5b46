"""Meetings read from the user's calendar: who was there, when it ended, and whether it is
still waiting to be logged."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta

from relationship_journal.domain.text import fold

# How long an ended meeting waits on Today to be logged before it is let go.
TO_LOG_DAYS = 7
# The longest run of words in a title tried as a contact's full name ("Anna Maria de la Cruz").
LONGEST_NAME_WORDS = 5
# How many meetings with people it takes before someone in nearly all of them (this share)
# is taken for the user.
OWNER_EVIDENCE = 10
OWNER_SHARE = 0.8
_WORDS = re.compile(r"[\w'’.-]+")


@dataclass(frozen=True)
class Person:
    """An attendee or organiser as the invitation names them (``name`` may be empty)."""

    email: str
    name: str = ""

    @property
    def email_key(self) -> str:
        return self.email.casefold()

    @property
    def domain(self) -> str:
        return self.email_key.rpartition("@")[2]

    @property
    def shown(self) -> str:
        return self.name or self.email


@dataclass(frozen=True)
class Meeting:
    """One occurrence of a calendar event. ``recurrence`` is the occurrence's original start
    (UTC, ISO) for a recurring series, "" for a single event: with the UID it names the
    occurrence even after it was moved."""

    uid: str
    recurrence: str
    title: str
    start: datetime  # aware; an all-day event starts at local midnight
    end: datetime
    all_day: bool = False
    organiser: Person | None = None
    attendees: tuple[Person, ...] = ()
    calendar: str = ""  # the file it came from
    people: tuple[Person, ...] = field(init=False, compare=False)

    def __post_init__(self) -> None:
        seen: dict[str, Person] = {}
        for person in (self.organiser, *self.attendees):
            if person is not None and person.email and person.email_key not in seen:
                seen[person.email_key] = person
        object.__setattr__(self, "people", tuple(seen.values()))

    @property
    def key(self) -> str:
        """What the journal keeps of a meeting logged or dismissed: its UID and a hash of
        which occurrence it was (never its time, title or people)."""
        digest = hashlib.sha256(f"{self.uid}\n{self.recurrence}".encode()).hexdigest()[:16]
        return f"meeting:{self.uid}#{digest}"

    @property
    def day(self) -> date:
        return self.start.astimezone().date() if not self.all_day else self.start.date()

    def has_ended(self, now: datetime) -> bool:
        return self.end <= now

    def waits_to_be_logged(self, now: datetime) -> bool:
        """Ended, and not so long ago that logging it now would be guesswork."""
        return self.has_ended(now) and now - self.end <= timedelta(days=TO_LOG_DAYS)


def own_addresses(meetings: list[Meeting]) -> set[str]:
    """The calendar owner's addresses, as far as they show: whoever is in nearly every
    meeting with people (of at least ``OWNER_EVIDENCE``) is the user, not someone they
    meet. A light week names nobody: better to offer the user as a contact than to hide
    a client met every day."""
    shared = [m for m in meetings if m.people]
    if len(shared) < OWNER_EVIDENCE:
        return set()
    seen = Counter(p.email_key for m in shared for p in m.people)
    return {key for key, count in seen.items() if count >= OWNER_SHARE * len(shared)}


def without(meeting: Meeting, addresses: set[str]) -> Meeting:
    """The meeting without the user among its people."""
    if not addresses or not any(p.email_key in addresses for p in meeting.people):
        return meeting
    organiser = meeting.organiser
    if organiser is not None and organiser.email_key in addresses:
        organiser = None
    kept = tuple(p for p in meeting.attendees if p.email_key not in addresses)
    return replace(meeting, organiser=organiser, attendees=kept)


def all_day_bounds(first: date, after_last: date) -> tuple[datetime, datetime]:
    """An all-day event as local times, from midnight of its first day to the next
    midnight after its last."""
    start = datetime.combine(first, time(0, 0)).astimezone()
    return start, datetime.combine(after_last, time(0, 0)).astimezone()


def name_candidates(title: str) -> set[str]:
    """Every run of 2 to ``LONGEST_NAME_WORDS`` words in a title, folded as contact names
    are: "Lunch with Jürgen Müller" offers "jurgen muller" among others."""
    words = [w.strip(".'’-") for w in _WORDS.findall(title)]
    words = [w for w in words if w]
    found: set[str] = set()
    for size in range(2, LONGEST_NAME_WORDS + 1):
        for first in range(0, len(words) - size + 1):
            found.add(fold(" ".join(words[first : first + size])))
    return found


def when_text(meeting: Meeting) -> str:
    """ "Tue 17 Nov 14:00–15:00", or the day alone for an all-day event."""
    if meeting.all_day:
        return f"{meeting.start:%a %d %b}, all day"
    start, end = meeting.start.astimezone(), meeting.end.astimezone()
    return f"{start:%a %d %b %H:%M}–{end:%H:%M}"
