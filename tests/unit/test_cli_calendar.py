"""Calendars from the command line: add, list, remove; meetings in the agenda; logging a
meeting; the brief pack of a day's meetings."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from relationship_journal.app import main
from tests.unit.test_cli import run


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event(uid: str, title: str, start: datetime, *emails: str) -> str:
    people = "".join(f"ATTENDEE;CN={e.split('@')[0]}:mailto:{e}\r\n" for e in emails)
    return (
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:{stamp(start)}\r\nDTSTART:{stamp(start)}\r\n"
        f"DTEND:{stamp(start + timedelta(hours=1))}\r\nSUMMARY:{title}\r\n{people}END:VEVENT\r\n"
    )


@pytest.fixture
def calendar(tmp_path: Path) -> Path:
    """A meeting that ended two hours ago, and two tomorrow at noon."""
    now = datetime.now(UTC).replace(microsecond=0)
    tomorrow = datetime.combine(
        datetime.now().astimezone().date() + timedelta(days=1), datetime.min.time()
    ).astimezone() + timedelta(hours=12)
    path = tmp_path / "work.ics"
    path.write_bytes(
        (
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n"
            + event("ended-1", "Pricing review", now - timedelta(hours=3), "ana@acme.example")
            + event("t-1", "Acme kickoff", tomorrow, "ana@acme.example", "bo@acme.example")
            + event("t-2", "Lunch with Cleo Dunn", tomorrow + timedelta(hours=2))
            + "END:VCALENDAR\r\n"
        ).encode()
    )
    return path


def people(tmp_path: Path) -> None:
    cards = tmp_path / "people.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Alto\r\nORG:Acme\r\nEMAIL:ana@acme.example\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo Berg\r\nORG:Acme\r\n"
        "EMAIL:bo@acme.example\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cleo Dunn\r\n"
        "END:VCARD\r\n"
    )
    assert main(["import", str(cards)]) == 0


def test_calendar_add_list_remove(
    capsys: pytest.CaptureFixture[str], calendar: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "calendar", "list")
    assert code == 0 and "No calendars" in out
    code, out, _ = run(capsys, "calendar", "add", str(calendar))
    assert code == 0 and str(calendar) in out and "3 meetings" in out
    bad = tmp_path / "bad.ics"
    bad.write_text("not a calendar")
    code, _, err = run(capsys, "calendar", "add", str(bad))
    assert code == 1 and "not an iCalendar" in err and len(err.strip().splitlines()) == 1
    code, out, _ = run(capsys, "calendar", "list")
    assert out.split() == [str(calendar)]
    code, _, err = run(capsys, "calendar", "remove", str(bad))
    assert code == 1 and "not one of the calendars" in err
    code, out, _ = run(capsys, "calendar", "remove", str(calendar))
    assert code == 0 and calendar.exists()
    assert run(capsys, "calendar")[0] == 2  # an action is needed


def test_agenda_json_lists_meetings_and_log_meeting_settles_one(
    capsys: pytest.CaptureFixture[str], calendar: Path, tmp_path: Path
) -> None:
    people(tmp_path)
    assert main(["calendar", "add", str(calendar)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "agenda", "--json")
    met = [r for r in json.loads(out) if r["kind"] == "meeting"]
    assert [(r["uid"], [c["name"] for c in r["contacts"]], r["to_log"]) for r in met] == [
        ("ended-1", ["Ana Alto"], True),
        ("t-1", ["Ana Alto", "Bo Berg"], False),
        ("t-2", ["Cleo Dunn"], False),
    ]
    code, out, _ = run(capsys, "log", "ana", "--deposit", "2", "--meeting", "ended-1", "Agreed")
    assert code == 0 and "Pricing review" in out
    code, out, _ = run(capsys, "agenda", "--json")
    assert not [r for r in json.loads(out) if r.get("uid") == "ended-1" and r["to_log"]]
    code, _, err = run(capsys, "log", "ana", "--note", "--meeting", "nope", "x")
    assert code == 1 and "no meeting with UID nope" in err


def test_brief_pack_of_tomorrows_meetings(
    capsys: pytest.CaptureFixture[str], calendar: Path, tmp_path: Path, qapp: object
) -> None:
    # qapp: the PDF is drawn in this process, whose application must stay a QApplication.
    people(tmp_path)
    assert main(["calendar", "add", str(calendar)]) == 0
    tomorrow = (datetime.now().astimezone().date() + timedelta(days=1)).isoformat()
    target = tmp_path / "pack.pdf"
    code, out, _ = run(capsys, "brief", "--meetings", tomorrow, "--pdf", str(target))
    assert code == 0, out
    # Acme's summary, then Ana and Bo; then Cleo alone.
    assert "(4 pages)" in out and target.read_bytes().startswith(b"%PDF")
    code, _, err = run(capsys, "brief", "--meetings", "2001-01-01", "--pdf", str(target))
    assert code == 1 and "no meetings with people you know" in err
