"""A day with the calendar: the file is added in Settings, a meeting ends and waits on
Today, one key logs it filled in, Today moves on; tomorrow's meetings and their brief pack;
unknown attendees taken in; a calendar that breaks is named and what was read stays."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from relationship_journal.domain.clock import FixedClock
from relationship_journal.domain.contact import ContactDraft, Labelled
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.journal_list import list_entries
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.settings.dialog import SettingsDialog
from tests.gui.conftest import peek, seed, trigger

DAY = datetime(2026, 11, 26).date()


def local(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return datetime.combine(DAY + timedelta(days=days), time(hour, minute)).astimezone()


def ics_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y%m%dT%H%M%S")  # floating: the user's local time


def write_calendar(path: Path, *events: tuple[str, str, datetime, str]) -> None:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{uid}\r\nDTSTAMP:20261101T000000Z\r\n"
        f"DTSTART:{ics_time(start)}\r\nDTEND:{ics_time(start + timedelta(hours=1))}\r\n"
        f"SUMMARY:{title}\r\nORGANIZER;CN=Me:mailto:me@our-company.example\r\n{attendees}"
        "END:VEVENT\r\n"
        for uid, title, start, attendees in events
    )
    head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n"
    owner = "X-WR-CALNAME:me@our-company.example\r\n"  # as Google names a calendar
    path.write_text(f"{head}{owner}{body}END:VCALENDAR\r\n")


MEI = "ATTENDEE;CN=Mei Chen:mailto:mei.chen@contoso.example\r\n"
RAJ = "ATTENDEE:mailto:raj@contoso.example\r\n"
OLA = "ATTENDEE;CN=Ola Berg:mailto:ola@fabrikam.example\r\n"


def add_calendar_in_settings(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, path: Path
) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))

    def use(dialog: SettingsDialog) -> int:
        dialog.tabs.setCurrentWidget(dialog.calendars_tab)
        dialog.calendars_tab.findChild(object, "addCalendar").click()  # type: ignore[union-attr]
        assert dialog.calendars_tab.files.item(0).text() == str(path)
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", use)
    trigger(window, "settings")


def on_show(window: MainWindow) -> list[tuple[str, str]]:
    panel = window.today_page.meetings
    return [(row.parent().objectName(), row.found.meeting.title) for row in panel.rows()]


def settle(qtbot: QtBot, window: MainWindow) -> None:
    feed, panel = window.background.calendar, window.today_page.meetings
    qtbot.waitUntil(lambda: not feed.is_reading and not panel.is_loading, timeout=10000)


@pytest.fixture
def day(open_window, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    window = open_window()
    clock = FixedClock(local(9, 0))
    window.context.ws.clock = clock
    for name, email, organisation in (
        ("Mei Chen", "mei.chen@contoso.example", "Contoso"),
        ("Ola Berg", "ola@fabrikam.example", "Fabrikam"),
    ):
        draft = ContactDraft(name, emails=[Labelled(email, "work")], organisation=organisation)
        seed(window, lambda s, d=draft: create_contact(s, d, clock.now()))
    calendar = tmp_path / "calendar.ics"
    write_calendar(
        calendar,
        ("coffee", "Coffee with Mei", local(10), MEI + RAJ),
        ("review", "Contract review", local(14), OLA),
        ("tomorrow", "Contoso QBR", local(11, days=1), MEI),
    )
    add_calendar_in_settings(window, monkeypatch, calendar)
    settle(qtbot, window)
    return window, clock, calendar


def test_a_whole_day_a_meeting_ends_and_is_logged_with_one_key(  # type: ignore[no-untyped-def]
    day, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, clock, _calendar = day
    # 9:00: nothing has ended yet; tomorrow's QBR is there with its brief.
    assert on_show(window) == [("meetingsTomorrow", "Contoso QBR")]
    # 11:05: the coffee has ended.
    clock.moment = local(11, 5)
    window.background.calendar.ticker.timeout.emit()
    settle(qtbot, window)
    assert on_show(window)[0] == ("meetingsToLog", "Coffee with Mei")

    seen: list[tuple[str, str, str, str]] = []

    def save(dialog: LogDialog) -> int:
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.isActiveWindow)
        seen.append(
            (
                ", ".join(dialog.picker.chosen_names()),
                dialog.kind.currentText(),
                dialog.when.time.text(),
                dialog.summary.text(),
            )
        )
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", save)
    qtbot.keyClick(
        window,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert seen == [("Mei Chen", "meeting", "10:00", "Coffee with Mei")]
    (entry,) = peek(window, lambda s: list_entries(s, 0, 10))
    assert (entry.contacts, entry.summary) == ("Mei Chen", "Coffee with Mei")
    settle(qtbot, window)
    assert on_show(window) == [("meetingsTomorrow", "Contoso QBR")]  # Today moved on

    # 15:10: the review ended; it is not worth logging, and never comes back.
    clock.moment = local(15, 10)
    window.background.calendar.ticker.timeout.emit()
    settle(qtbot, window)
    row = window.today_page.meetings.rows()[0]
    assert row.found.meeting.title == "Contract review"
    qtbot.mouseClick(row.buttons["dismissMeetingButton"], Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert on_show(window) == [("meetingsTomorrow", "Contoso QBR")]
    window.background.calendar.read()  # read again from the file: still gone
    settle(qtbot, window)
    assert on_show(window) == [("meetingsTomorrow", "Contoso QBR")]
    trigger(window, "undo")
    settle(qtbot, window)
    assert ("meetingsToLog", "Contract review") in on_show(window)


def test_enter_on_a_row_logs_and_unknown_attendees_join_in_one_step(  # type: ignore[no-untyped-def]
    day, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, clock, _calendar = day
    clock.moment = local(11, 5)
    window.background.calendar.ticker.timeout.emit()
    settle(qtbot, window)
    row = window.today_page.meetings.rows()[0]
    add = row.buttons["addAttendeesButton"]
    assert "raj@contoso.example" in add.toolTip()
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert "Raj" not in on_show(window)  # the row stays to be logged, now with Raj known
    row = window.today_page.meetings.rows()[0]
    assert [name for _id, name in row.found.contacts] == ["Mei Chen", "raj"]
    assert "addAttendeesButton" not in row.buttons
    opened: list[str] = []
    monkeypatch.setattr(LogDialog, "exec", lambda d: opened.append(d.summary.text()) or 0)
    row.setFocus()
    qtbot.keyClick(row, Qt.Key.Key_Return)
    assert opened == ["Coffee with Mei"]


def test_brief_pack_and_a_calendar_that_breaks(  # type: ignore[no-untyped-def]
    day, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _clock, calendar = day
    target = tmp_path / "pack.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    pack = window.today_page.meetings.findChild(object, "briefPackButton")
    qtbot.mouseClick(pack, Qt.MouseButton.LeftButton)
    assert target.read_bytes().startswith(b"%PDF")
    # The calendar program is half-way through saving: what was read stays, the problem
    # is named in the status bar.
    calendar.write_text("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:2026XX\r\n")
    qtbot.waitUntil(lambda: bool(window.background.calendar.problems), timeout=10000)
    settle(qtbot, window)
    assert on_show(window) == [("meetingsTomorrow", "Contoso QBR")]
    assert "Reading a calendar failed" in window.statusBar().currentMessage()


def test_settings_refuse_a_file_that_is_not_a_calendar_and_remove_one(  # type: ignore[no-untyped-def]
    day, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _clock, calendar = day
    notes = tmp_path / "notes.ics"
    notes.write_text("shopping list")
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(notes), ""))

    def use(dialog: SettingsDialog) -> int:
        tab = dialog.calendars_tab
        qtbot.mouseClick(tab.findChild(QPushButton, "addCalendar"), Qt.MouseButton.LeftButton)
        assert [tab.files.item(i).text() for i in range(tab.files.count())] == [str(calendar)]
        tab.files.setCurrentRow(0)
        qtbot.mouseClick(tab.remove_button, Qt.MouseButton.LeftButton)
        assert tab.files.count() == 0
        return 0

    monkeypatch.setattr(SettingsDialog, "exec", use)
    trigger(window, "settings")
    assert len(warnings) == 1 and "not an iCalendar" in warnings[0]
    settle(qtbot, window)
    qtbot.waitUntil(lambda: window.background.calendar.files == [], timeout=5000)
    settle(qtbot, window)
    assert on_show(window) == []  # no calendar, no meetings
    assert calendar.exists()


def test_a_calendar_saved_by_replacing_the_file_is_read_again(  # type: ignore[no-untyped-def]
    day, qtbot: QtBot, tmp_path: Path
) -> None:
    window, _clock, calendar = day
    # Calendar programs save to a new file and rename it over the old one.
    fresh = tmp_path / "calendar.ics.new"
    write_calendar(
        fresh,
        ("tomorrow", "Contoso QBR", local(11, days=1), MEI),
        ("added", "Fabrikam renewal", local(15, days=1), OLA),
    )
    fresh.replace(calendar)
    qtbot.waitUntil(lambda: len(on_show(window)) == 2, timeout=10000)
    assert on_show(window) == [
        ("meetingsTomorrow", "Contoso QBR"),
        ("meetingsTomorrow", "Fabrikam renewal"),
    ]
    # And again: the watch follows the new file.
    write_calendar(fresh, ("added", "Fabrikam renewal", local(15, days=1), OLA))
    fresh.replace(calendar)
    qtbot.waitUntil(lambda: len(on_show(window)) == 1, timeout=10000)
