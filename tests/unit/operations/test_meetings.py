"""Meetings matched to the journal's people: what waits to be logged, what was logged or
dismissed, unknown attendees taken in, the calendar files chosen."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from relationship_journal.domain.clock import FixedClock
from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.domain.interaction import Interaction
from relationship_journal.domain.ledger import EntryValue
from relationship_journal.domain.meetings import Meeting, Person
from relationship_journal.operations import calendars, capture, contacts, meetings
from relationship_journal.operations.errors import InvalidInputError, NotFoundError
from relationship_journal.operations.workspace import Workspace
from relationship_journal.paths import JournalPaths
from relationship_journal.store.journal import Journal

CALENDARS = Path(__file__).resolve().parents[2] / "data" / "calendars"
NOON = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)


@pytest.fixture
def ws(journal: Journal, paths: JournalPaths) -> Workspace:
    return Workspace(journal, paths, FixedClock(NOON))


def person(ws: Workspace, name: str, email: str = "", organisation: str = "") -> int:
    draft = ContactDraft(
        display_name=name,
        emails=[Labelled(email, "work")] if email else [],
        organisation=organisation,
    )
    return contacts.create(ws, draft).value


def meeting(uid: str, title: str, hours_ago: float, *people: Person) -> Meeting:
    end = NOON - timedelta(hours=hours_ago)
    return Meeting(uid, "", title, end - timedelta(hours=1), end, attendees=people)


def test_attendee_email_first_then_exact_full_name_in_the_title(ws: Workspace) -> None:
    jurgen = person(ws, "Jürgen Müller", "juergen.mueller@hanse-logistik.de")
    sofia = person(ws, "Sofia Alvarez")
    person(ws, "Sam Lee")
    person(ws, "Sam Lee")  # two of that name: the name alone names nobody
    found = meetings.with_known_people(
        ws,
        [
            meeting("a", "Rollout", 2, Person("Juergen.Mueller@Hanse-Logistik.de", "J. M.")),
            meeting("b", "QBR prep: Sofia Alvarez", 2),
            meeting("c", "Lunch with sofia alvarez and Sam Lee", 2),
            meeting("d", "Sofia", 2),  # a first name is not a full name
            meeting("e", "Coffee", 2, Person("someone@else.example")),
            # An address that matches wins over a name in the title.
            meeting("f", "Sofia Alvarez intro", 2, Person("juergen.mueller@hanse-logistik.de")),
        ],
    )
    assert [(f.meeting.uid, f.contact_ids) for f in found] == [
        ("a", (jurgen,)),
        ("b", (sofia,)),
        ("c", (sofia,)),
        ("f", (jurgen,)),
    ]
    assert found[0].unknown == ()


def test_ended_meetings_wait_until_logged_dismissed_or_a_week_old(ws: Workspace) -> None:
    mei = person(ws, "Mei Chen", "mei.chen@contoso.example")
    mei_there = Person("mei.chen@contoso.example")
    listed = [
        meeting("later", "Still to come", -2, mei_there),
        meeting("ended", "Coffee with Mei", 1, mei_there),
        meeting("old", "Long ago", 24 * 8, mei_there),
        meeting("dismiss", "Status", 3, mei_there),
    ]
    assert [m.meeting.uid for m in meetings.to_log(ws, listed)] == ["ended", "dismiss"]
    done = meetings.dismiss(ws, listed[3])
    assert [m.meeting.uid for m in meetings.to_log(ws, listed)] == ["ended"]
    ws.replay(done.change.inverse)  # type: ignore[union-attr]
    assert len(meetings.to_log(ws, listed)) == 2  # undo offers it again
    meetings.dismiss(ws, listed[3])
    interaction = Interaction(
        contact_ids=(mei,),
        occurred_at=listed[1].start,
        kind="meeting",
        summary="Coffee with Mei",
        worth=EntryValue.of(2),
    )
    capture.log_interaction(ws, interaction, listed[1].key)
    assert meetings.to_log(ws, listed) == []
    assert meetings.with_known_people(ws, listed)[0].meeting.uid == "later"


def test_a_meeting_logged_by_hand_with_the_same_people_that_day_is_not_offered(
    ws: Workspace,
) -> None:
    ana = person(ws, "Ana Ruiz", "ana@example.com")
    ben = person(ws, "Ben Ode", "ben@example.com")
    both = meeting("m", "Review", 2, Person("ana@example.com"), Person("ben@example.com"))

    def log(ids: tuple[int, ...], hours: int) -> None:
        at = NOON - timedelta(hours=hours)
        capture.log_interaction(ws, Interaction(ids, at, "call", "Call", EntryValue.of(0)))

    log((ana,), 1)  # Ana alone: Ben is not logged yet
    assert len(meetings.to_log(ws, [both])) == 1
    log((ana, ben), 1)
    assert meetings.to_log(ws, [both]) == []


def test_only_the_uid_and_a_hash_are_kept_of_a_dismissed_meeting(
    ws: Workspace, journal: Journal
) -> None:
    person(ws, "Mei Chen", "mei.chen@contoso.example")
    secret = meeting("uid-42", "Secret merger talk", 1, Person("mei.chen@contoso.example"))
    meetings.dismiss(ws, secret)
    ws.journal.close()
    dump = "\n".join(sqlite3.connect(journal.path).iterdump())
    assert "meeting:uid-42#" in dump
    assert "merger" not in dump.replace("Not worth logging: Secret merger talk", "")


def test_unknown_attendees_become_contacts_with_their_organisation(ws: Workspace) -> None:
    person(ws, "Jürgen Müller", "juergen.mueller@hanse-logistik.de", "Hanse Logistik")
    found = meetings.with_known_people(
        ws,
        [
            meeting(
                "a",
                "Rollout",
                1,
                Person("juergen.mueller@hanse-logistik.de"),
                Person("Priya.Shah@Hanse-Logistik.de", "Priya Shah"),
                Person("t.berg@hanse-logistik.de"),
                Person("x@gmail.example", "Xavier"),
            )
        ],
    )[0]
    assert [p.email for p in found.unknown] == [
        "Priya.Shah@Hanse-Logistik.de",
        "t.berg@hanse-logistik.de",
        "x@gmail.example",
    ]
    made = meetings.add_people(ws, list(found.unknown)).value
    drafts = [contacts.draft_for_editing(ws, i) for i in made]
    assert [(d.display_name, d.emails[0].value, d.organisation) for d in drafts] == [
        ("Priya Shah", "Priya.Shah@Hanse-Logistik.de", "Hanse Logistik"),
        ("t.berg", "t.berg@hanse-logistik.de", "Hanse Logistik"),
        ("Xavier", "x@gmail.example", ""),
    ]
    assert meetings.add_people(ws, list(found.unknown)).value == []  # nobody twice


def test_calendar_files_added_once_and_a_bad_file_changes_nothing(
    ws: Workspace, tmp_path: Path
) -> None:
    good = CALENDARS / "google-calendar.ics"
    assert calendars.add_calendar(ws, good).value == str(good)
    with pytest.raises(InvalidInputError, match="already read"):
        calendars.add_calendar(ws, good)
    bad = tmp_path / "notes.ics"
    bad.write_text("just some notes")
    with pytest.raises(InvalidInputError, match="not an iCalendar"):
        calendars.add_calendar(ws, bad)
    with pytest.raises(InvalidInputError, match="cannot read"):
        calendars.add_calendar(ws, tmp_path / "missing.ics")
    assert calendars.calendar_files(ws) == [str(good)]
    read = calendars.read_around(ws)
    assert {m.title for m in read.meetings} >= {"Lunch with Mei Chen", "QBR prep: Sofia Alvarez"}
    with pytest.raises(NotFoundError):
        calendars.remove_calendar(ws, str(bad))
    calendars.remove_calendar(ws, str(good))
    assert calendars.calendar_files(ws) == []


def test_a_calendar_that_breaks_is_named_and_the_others_still_count(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ics"
    broken.write_bytes(b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX\r\nEND:VEVENT\r\n")
    good = str(CALENDARS / "thunderbird-local.ics")
    read = calendars.read_calendars([str(broken), good, good], *calendars.window(NOON.date()))
    assert list(read.problems) == [str(broken)]
    assert [m.title for m in read.meetings].count("Board prep with Dana Okafor") == 1


def test_the_calendar_file_is_only_read(ws: Workspace, tmp_path: Path) -> None:
    copy = tmp_path / "cal.ics"
    copy.write_bytes((CALENDARS / "outlook-2016.ics").read_bytes())
    before = (copy.read_bytes(), copy.stat().st_mtime_ns)
    calendars.add_calendar(ws, copy)
    found = calendars.read_around(ws).meetings
    person(ws, "Sam Rivera", "sam.rivera@northwind.example")
    waiting = meetings.to_log(ws, found)
    meetings.dismiss(ws, waiting[0].meeting)
    assert (copy.read_bytes(), copy.stat().st_mtime_ns) == before
