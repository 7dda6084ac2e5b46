"""Trimming a calendar's raw text to the events that can touch the days read: nothing that
could matter is dropped."""

from __future__ import annotations

from datetime import date

from relationship_journal.exchange.calendar_trim import trimmed

FIRST, AFTER_LAST = date(2026, 11, 18), date(2026, 11, 29)


def event(*lines: str) -> bytes:
    return (
        "BEGIN:VEVENT\r\n" + "".join(f"{line}\r\n" for line in lines) + "END:VEVENT\r\n"
    ).encode()


def kept(*events: bytes) -> list[bool]:
    data = b"BEGIN:VCALENDAR\r\n" + b"".join(events) + b"END:VCALENDAR\r\n"
    out = trimmed(data, FIRST, AFTER_LAST)
    assert out.startswith(b"BEGIN:VCALENDAR") and out.endswith(b"END:VCALENDAR\r\n")
    return [e in out for e in events]


def test_single_events_near_the_days_stay_and_the_rest_go() -> None:
    assert kept(
        event("UID:in", "DTSTART:20261120T100000Z", "DTEND:20261120T110000Z"),
        event("UID:old", "DTSTART:20240101T100000Z", "DTEND:20240101T110000Z"),
        event("UID:later", "DTSTART:20270101T100000Z", "DTEND:20270101T110000Z"),
        event("UID:edge", "DTSTART;TZID=Pacific/Kiritimati:20261129T010000"),
        # A conference that began long before and ends inside.
        event("UID:long", "DTSTART;VALUE=DATE:20261101", "DTEND;VALUE=DATE:20261120"),
        event("UID:duration", "DTSTART:20261001T100000Z", "DURATION:P60D"),
        event("UID:no-start", "SUMMARY:odd"),
        # Folded lines are read unfolded.
        event("UID:folded", "DTSTART;TZID=W. Europe Standard Time:2026112", " 1T100000"),
    ) == [True, False, False, True, True, True, True, True]


def test_series_stay_unless_they_ended_before_and_moved_instances_follow() -> None:
    assert kept(
        event("UID:s", "DTSTART:20200106T100000Z", "RRULE:FREQ=WEEKLY"),
        event("UID:ended", "DTSTART:20200106T100000Z", "RRULE:FREQ=WEEKLY;UNTIL=20210101T000000Z"),
        # Moved into the days read from far away, and out of them to far away: both count.
        event("UID:s", "RECURRENCE-ID:20250106T100000Z", "DTSTART:20261120T100000Z"),
        event("UID:s", "RECURRENCE-ID:20261123T100000Z", "DTSTART:20270301T100000Z"),
        event("UID:s", "RECURRENCE-ID:20250113T100000Z", "DTSTART:20250114T100000Z"),
    ) == [True, False, True, True, False]
