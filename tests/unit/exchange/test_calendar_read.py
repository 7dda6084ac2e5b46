"""Calendar files as Outlook, Google and Thunderbird write them, read into meetings."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from relationship_journal.exchange.calendar_read import meetings_between
from relationship_journal.store.errors import InvalidInputError

CALENDARS = Path(__file__).resolve().parents[2] / "data" / "calendars"
NOVEMBER = (date(2026, 11, 1), date(2027, 1, 1))


def read(name: str) -> list:  # type: ignore[type-arg]
    return meetings_between((CALENDARS / name).read_bytes(), name, *NOVEMBER)


def utc(meeting) -> datetime:  # type: ignore[no-untyped-def]
    return meeting.start.astimezone(UTC).replace(tzinfo=None)


def test_outlook_windows_zone_names_recurring_series_moved_and_cancelled() -> None:
    found = read("outlook-2016.ics")
    rollout = [m for m in found if m.title.startswith("Rollout")]
    # Every Monday from 2 Nov, 8 times: 9 Nov removed (EXDATE), 16 Nov moved to Tuesday
    # 17 Nov 14:00, 23 Nov cancelled.
    assert [utc(m) for m in rollout] == [
        datetime(2026, 11, 2, 9, 0),  # 10:00 W. Europe Standard Time, winter: UTC+1
        datetime(2026, 11, 17, 13, 0),
        datetime(2026, 11, 30, 9, 0),
        datetime(2026, 12, 7, 9, 0),
        datetime(2026, 12, 14, 9, 0),
        datetime(2026, 12, 21, 9, 0),
    ]
    moved = rollout[1]
    assert moved.title.endswith("(moved to Tuesday)")
    assert moved.uid == rollout[0].uid and moved.key != rollout[0].key
    assert moved.recurrence == "2026-11-16T09:00:00+00:00"  # its original start names it
    people = {p.email: p.name for p in rollout[0].people}
    assert people == {
        "alex@our-company.com": "Alex Account",
        "juergen.mueller@hanse-logistik.de": "Jürgen Müller",
        "Priya.Shah@Hanse-Logistik.de": "Priya Shah",
        "t.berg@hanse-logistik.de": "",  # an attendee without a name
    }  # and the meeting room (CUTYPE=RESOURCE) is nobody
    pacific = next(m for m in found if m.title.startswith("Call with Sam"))
    assert utc(pacific) == datetime(2026, 11, 25, 17, 0)  # no VTIMEZONE: known by its name


def test_outlook_all_day_event_covers_its_local_day() -> None:
    visit = next(m for m in read("outlook-2016.ics") if m.title == "Site visit Hamburg")
    assert visit.all_day and visit.day == date(2026, 11, 26)
    assert (visit.end - visit.start).days == 1


def test_google_iana_zone_exdate_moved_instance_names_that_are_addresses() -> None:
    found = read("google-calendar.ics")
    titles = [(m.start.date().isoformat(), m.title) for m in found]
    assert titles == [
        ("2026-11-04", "Coffee with Mei Chen"),
        ("2026-11-11", "Coffee with Mei Chen"),
        ("2026-11-26", "Lunch with Mei Chen"),  # the 25 Nov coffee, moved
        ("2026-11-27", "QBR prep: Sofia Alvarez"),
        ("2026-12-01", "Trade fair"),
        ("2026-12-02", "Coffee with Mei Chen"),
    ]  # 18 Nov excluded, and the cancelled contract call is not there
    coffee = found[0]
    # Google writes the address as the name when it knows no name: that is no name. The
    # calendar is named by its owner's address: the user is nobody they meet. The
    # boardroom is a resource, not a person.
    assert [(p.email, p.name) for p in coffee.people] == [("mei.chen@contoso.example", "")]
    assert found[4].all_day and (found[4].end - found[4].start).days == 2


def test_thunderbird_zones_folded_lines_and_floating_times() -> None:
    found = read("thunderbird-local.ics")
    board = next(m for m in found if m.title.startswith("Board prep"))
    assert utc(board) == datetime(2026, 11, 25, 21, 0)  # 16:00 New York
    assert [p.email for p in board.people] == [
        "alex@our-company.com",
        "dana@okafor-partners.example",
        "lee@okafor-partners.example",
    ]
    monthly = [m for m in found if m.title == "Monthly 1:1"]
    assert [m.start.date() for m in monthly] == [date(2026, 11, 5), date(2026, 12, 3)]
    breakfast = next(m for m in found if m.title.startswith("Floating"))
    assert breakfast.start.tzinfo is not None  # a floating time is the user's local time


def test_only_the_days_asked_for_are_expanded() -> None:
    data = (CALENDARS / "outlook-2016.ics").read_bytes()
    found = meetings_between(data, "x", date(2026, 11, 30), date(2026, 12, 1))
    assert [m.title for m in found] == ["Rollout status – Hanse Logistik"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is not an iCalendar"),
        (b"BEGIN:VCARD\r\nFN:Someone\r\nEND:VCARD\r\n", "is not an iCalendar"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "calendar program's database"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:2026XX\r\n"
            b"SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "cannot be read",
        ),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART:20261102T100000Z\r\n"
            b"RRULE:FREQ=SOMETIMES\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            "cannot be read",
        ),
    ],
)
def test_a_file_that_is_not_a_calendar_gets_a_clear_message(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as raised:
        meetings_between(data, "/home/me/cal.ics", *NOVEMBER)
    assert "/home/me/cal.ics" in str(raised.value)


def test_google_floating_times_are_in_the_calendars_own_zone() -> None:
    data = (
        b"BEGIN:VCALENDAR\r\nX-WR-TIMEZONE:America/New_York\r\n"
        b"BEGIN:VEVENT\r\nUID:2\r\nDTSTART:20261103T100000\r\nDTEND:20261103T110000\r\n"
        b"SUMMARY:fine\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    (fine,) = meetings_between(data, "x.ics", *NOVEMBER)
    assert utc(fine) == datetime(2026, 11, 3, 15, 0)  # X-WR-TIMEZONE, as Google means it


def test_office_365_published_zones_by_windows_name_and_customised() -> None:
    found = {m.title: utc(m) for m in read("office365-published.ics")}
    assert found == {
        "Tokyo partner sync": datetime(2026, 11, 24, 8, 0),  # JST, UTC+9 all year
        # A zone Exchange names "Customized Time Zone": the file's own VTIMEZONE rules.
        "Berlin steering committee": datetime(2026, 11, 25, 8, 0),
    }
