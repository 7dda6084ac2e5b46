"""Moments as iCalendar (RFC 5545) for calendar applications.

UIDs are derived from each moment's stable key, so importing or subscribing again updates
events instead of duplicating them. Birthdays and other day-long moments are all-day
events (DATE values); moments at a time of day are written in UTC, converted from local
wall-clock time with the daylight-saving rules in force on that day.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from icalendar import Calendar, Event

from relationship_journal import __version__
from relationship_journal.domain.moments import Moment

PRODID = f"-//Relationship Journal//{__version__}//EN"
UID_DOMAIN = "relationship-journal.local"


def uid_for(moment: Moment) -> str:
    digest = hashlib.sha1(moment.key.encode("utf-8")).hexdigest()[:20]
    return f"{digest}@{UID_DOMAIN}"


def _event(moment: Moment, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid_for(moment))
    event.add("dtstamp", stamp)
    event.add("summary", moment.title)
    description = moment.why
    if moment.contact_name and moment.contact_name not in moment.title:
        description = f"{moment.contact_name}: {description}"
    event.add("description", description)
    event.add("categories", [moment.kind.label])
    if moment.at is None:
        event.add("dtstart", moment.day)
        event.add("dtend", moment.day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")
    else:
        local = datetime.combine(moment.day, moment.at).astimezone()
        event.add("dtstart", local.astimezone(UTC))
        event.add("dtend", (local + timedelta(minutes=30)).astimezone(UTC))
    return event


def moments_calendar(moments: Iterable[Moment], stamp: datetime | None = None) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "Relationship Journal")
    moment_stamp = (stamp or datetime.now(UTC)).replace(microsecond=0)
    for moment in moments:
        calendar.add_component(_event(moment, moment_stamp))
    ical: bytes = calendar.to_ical()
    return ical


def window(moments: Iterable[Moment], start: date, days: int) -> list[Moment]:
    """The moments of the ``days`` days from ``start`` on, ``start`` being the first of
    them (overdue ones are left out): 365 days from 1 January end on 31 December."""
    end = start + timedelta(days=days)
    return [m for m in moments if start <= m.day < end]
