"""Meetings out of an iCalendar file as Outlook, Google, Thunderbird or Evolution write it.

``icalendar`` parses the file (time zones by IANA name, by Windows name as Outlook writes
them, or by the file's own VTIMEZONE); ``recurring-ical-events`` expands recurring series
with their moved (RECURRENCE-ID) and removed (EXDATE) instances. Cancelled meetings,
rooms and other resources are left out. The file is only read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import icalendar
import recurring_ical_events

from relationship_journal.domain.meetings import Meeting, Person, all_day_bounds, without
from relationship_journal.exchange.calendar_trim import trimmed
from relationship_journal.store.errors import InvalidInputError
from relationship_journal.store.gc_pause import gc_paused

NOT_PEOPLE = {"ROOM", "RESOURCE", "UNKNOWN"}
SQLITE_MAGIC = b"SQLite format 3\x00"


def meetings_between(data: bytes, name: str, first: date, after_last: date) -> list[Meeting]:
    """The occurrences that overlap ``first`` up to (not including) ``after_last``, earliest
    first. A file that is not a calendar raises ``InvalidInputError`` naming it."""
    with gc_paused():  # thousands of small objects, no cycles: collecting costs a third
        return _read(data, name, first, after_last)


def _read(data: bytes, name: str, first: date, after_last: date) -> list[Meeting]:
    calendar = _parse(trimmed(data, first, after_last), name)
    try:
        recurring, people = _series(calendar)
        found = recurring_ical_events.of(calendar).between(first, after_last)
        meetings = [
            m for event in found if (m := _meeting(event, name, recurring, people)) is not None
        ]
        owner = _owner(calendar)
        meetings = [without(m, owner) for m in meetings]
    except ValueError as error:  # recurring_ical_events' InvalidCalendar is one too
        raise InvalidInputError(
            f"the calendar {name} has an event that cannot be read ({error})"
        ) from None
    meetings.sort(key=lambda m: (m.start, m.title))
    return meetings


def _parse(data: bytes, name: str) -> icalendar.Calendar:
    if data.startswith(SQLITE_MAGIC):
        raise InvalidInputError(
            f"{name} is a calendar program's database, not a calendar file: export the "
            "calendar as an .ics file (in Thunderbird: File → Export Calendar) and add that"
        )
    if b"BEGIN:VCALENDAR" not in data[:4096].upper():
        raise InvalidInputError(f"{name} is not an iCalendar (.ics) file")
    try:
        calendars = icalendar.Calendar.from_ical(data, multiple=True)
    except ValueError as error:
        raise InvalidInputError(f"the calendar {name} cannot be read ({error})") from None
    if not calendars:
        raise InvalidInputError(f"{name} holds no calendar")
    calendar = calendars[0]
    for more in calendars[1:]:  # some programs write one VCALENDAR per event
        for component in more.subcomponents:
            calendar.add_component(component)
    return calendar


def _owner(calendar: icalendar.Calendar) -> set[str]:
    """Google names an exported calendar by its owner's address: that person is the user."""
    name = str(calendar.get("X-WR-CALNAME", "")).strip().casefold()
    return {name} if "@" in name and " " not in name else set()


def _series(calendar: icalendar.Calendar) -> tuple[set[str], dict[str, tuple[Any, Any]]]:
    """The UIDs of recurring series, and each series' organiser and attendees (a moved
    instance often leaves them out)."""
    recurring: set[str] = set()
    people: dict[str, tuple[Any, Any]] = {}
    for event in calendar.walk("VEVENT"):
        uid = str(event.get("UID", ""))
        if "RRULE" in event or "RDATE" in event or "RECURRENCE-ID" in event:
            recurring.add(uid)
        if "RECURRENCE-ID" not in event:
            people[uid] = (event.get("ORGANIZER"), event.get("ATTENDEE"))
    return recurring, people


def _meeting(
    event: icalendar.Event, name: str, recurring: set[str], people: dict[str, tuple[Any, Any]]
) -> Meeting | None:
    if str(event.get("STATUS", "")).upper() == "CANCELLED" or "DTSTART" not in event:
        return None
    uid = str(event.get("UID", "")) or _made_up_uid(event)
    start_value = event.decoded("DTSTART")
    end_value = event.decoded("DTEND") if "DTEND" in event else None
    all_day = not isinstance(start_value, datetime)
    if all_day:
        start, end = all_day_bounds(start_value, end_value or start_value + timedelta(days=1))
    else:
        start = _aware(start_value)
        end = _aware(end_value) if isinstance(end_value, datetime) else start
    organiser, attendees = event.get("ORGANIZER"), event.get("ATTENDEE")
    if organiser is None and attendees is None:
        organiser, attendees = people.get(uid, (None, None))
    return Meeting(
        uid=uid,
        recurrence=_recurrence(event) if uid in recurring else "",
        title=str(event.get("SUMMARY", "")).strip() or "(no title)",
        start=start,
        end=max(end, start),
        all_day=all_day,
        organiser=_person(organiser),
        attendees=tuple(p for a in _listed(attendees) if (p := _person(a)) is not None),
        calendar=name,
    )


def _aware(moment: datetime) -> datetime:
    """A floating time is the user's own local time."""
    return moment if moment.tzinfo else moment.astimezone()


def _recurrence(event: icalendar.Event) -> str:
    value = event.decoded("RECURRENCE-ID") if "RECURRENCE-ID" in event else None
    if isinstance(value, datetime):
        return _aware(value).astimezone(UTC).isoformat()
    return value.isoformat() if isinstance(value, date) else ""


def _made_up_uid(event: icalendar.Event) -> str:
    """Some hand-written files leave the UID out: the start and title stand in for it."""
    return f"no-uid:{event.get('DTSTART').to_ical().decode()}:{event.get('SUMMARY', '')}"


def _listed(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _person(value: Any) -> Person | None:
    if value is None:
        return None
    params = getattr(value, "params", {})
    if str(params.get("CUTYPE", "INDIVIDUAL")).upper() in NOT_PEOPLE:
        return None
    address = str(value).strip()
    if address.lower().startswith("mailto:"):
        address = address[len("mailto:") :]
    address = address.strip()
    if "@" not in address:
        address = str(params.get("EMAIL", "")).strip()  # RFC 7986 puts it in a parameter
    if "@" not in address:
        return None
    name = str(params.get("CN", "")).strip().strip('"').strip()
    return Person(address, "" if name.casefold() == address.casefold() else name)
