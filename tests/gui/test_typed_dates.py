"""A day typed into any dialog is exactly that day, or the field says why it is not one.

The dialogs open from the button of the page that has one (the contact page, Today); the
log dialog for no one in particular opens from the window's command alone."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QWidget
from pytestqt.qtbot import QtBot
from sqlmodel import select

from relationship_journal.domain.contact import ContactDraft
from relationship_journal.store import clock
from relationship_journal.store.contacts import create_contact
from relationship_journal.store.models import Entry, Promise, Reminder
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.dates import DayField
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.ledger.promise_dialog import PromiseDialog
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.today.page import TodayPage
from relationship_journal.ui.today.reminder_dialog import ReminderDialog
from tests.gui.conftest import ShowWidget, contact_page, peek, seed, trigger, wire_capture

FORMS = ["15/12/2026", "15 Dec 2026", "2026-12-15", "15 December 2026"]
WANTED = date(2026, 12, 15)


@pytest.fixture(autouse=True)
def british(qapp: object) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale("en_GB"))
    yield
    QLocale.setDefault(before)


def _type(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds (Ctrl+A) and type over it, as a person does."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(edit, text)


def _save(qtbot: QtBot, dialog: QDialog) -> None:
    box = dialog.findChild(QDialogButtonBox)
    qtbot.mouseClick(box.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)


def _scripted(
    monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], fill: Callable[[QDialog], None]
) -> list[QDialog]:
    """Replace ``exec`` so the dialog shows, is filled by keys and saved by a click."""
    seen: list[QDialog] = []

    def run(dialog: QDialog) -> int:
        seen.append(dialog)
        dialog.show()
        fill(dialog)
        return int(dialog.result())

    monkeypatch.setattr(cls, "exec", run)
    return seen


def _local(moment: datetime) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone().replace(tzinfo=None)


def _contact(where: MainWindow | JournalContext, name: str) -> int:
    contact = seed(where, lambda s: create_contact(s, ContactDraft(name), clock.now()))
    assert contact.id is not None
    return contact.id


@pytest.fixture
def today(context: JournalContext, open_today: Callable[[JournalContext], TodayPage]) -> TodayPage:
    """Today alone, its New reminder opening the reminder dialog as in the window."""
    page = open_today(context)
    wire_capture(page, context)
    return page


@pytest.mark.parametrize("typed", FORMS)
def test_a_promise_is_due_on_the_day_typed(
    context: JournalContext,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    typed: str,
) -> None:
    ada = _contact(context, "Ada Byrne")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, PromiseDialog)
        qtbot.keyClicks(dialog.text, "Send the pricing sheet")
        _type(qtbot, dialog.due.edit, typed)
        _save(qtbot, dialog)

    _scripted(monkeypatch, PromiseDialog, fill)
    page = contact_page(context, show_widget, ada)
    qtbot.mouseClick(page.findChild(QWidget, "promiseButton"), Qt.MouseButton.LeftButton)
    due = peek(context, lambda s: [p.due_on for p in s.exec(select(Promise))])
    assert due == [WANTED]


@pytest.mark.parametrize("typed", FORMS)
def test_an_interaction_happened_on_the_day_typed_at_its_time(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    _contact(window, "Ada Byrne")

    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, LogDialog)
        qtbot.keyClicks(dialog.picker.search, "Ada")
        qtbot.keyClick(dialog.picker.search, Qt.Key.Key_Return)
        qtbot.keyClicks(dialog.summary, "Lunch at the harbour")
        _type(qtbot, dialog.when.edit, typed)
        _type(qtbot, dialog.when.time, "14:30")
        qtbot.keyClicks(dialog.promise_text, "Call back")
        _type(qtbot, dialog.promise_due.edit, "2027-01-04")
        _save(qtbot, dialog)

    _scripted(monkeypatch, LogDialog, fill)
    trigger(window, "logInteraction")
    occurred = peek(window, lambda s: [_local(e.occurred_at) for e in s.exec(select(Entry))])
    assert occurred == [datetime(2026, 12, 15, 14, 30)]
    due = peek(window, lambda s: [p.due_on for p in s.exec(select(Promise))])
    assert due == [date(2027, 1, 4)]


@pytest.mark.parametrize("typed", FORMS)
def test_a_reminder_starts_on_the_day_typed(
    today: TodayPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReminderDialog)
        qtbot.keyClicks(dialog.title, "Renewal call")
        _type(qtbot, dialog.day.edit, typed)
        _save(qtbot, dialog)

    _scripted(monkeypatch, ReminderDialog, fill)
    today.add_reminder.click()
    starts = peek(today.context, lambda s: [_local(r.starts_at) for r in s.exec(select(Reminder))])
    assert [moment.date() for moment in starts] == [WANTED]


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("31/2/2026", "Day 31 does not exist in February 2026"),
        ("153/12/2026", "Day 153 does not exist in December 2026"),
        ("next week", "is not a date (type it as 31/12/1980)"),
        ("15/12", "needs a year"),
        ("", "Type a day"),
    ],
)
def test_a_day_that_is_not_one_is_said_beside_the_field_and_nothing_is_saved(
    today: TodayPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typed: str, said: str
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReminderDialog)
        qtbot.keyClicks(dialog.title, "Renewal call")
        _type(qtbot, dialog.day.edit, typed)
        if not typed:
            qtbot.keyClick(dialog.day.edit, Qt.Key.Key_Delete)
        _save(qtbot, dialog)
        assert dialog.isVisible()
        assert said in dialog.day.problem.text()
        assert dialog.day.problem.isVisible()
        dialog.reject()

    seen = _scripted(monkeypatch, ReminderDialog, fill)
    monkeypatch.setattr(ReminderDialog, "has_unsaved_input", lambda _self: False)
    today.add_reminder.click()
    assert seen
    assert peek(today.context, lambda s: list(s.exec(select(Reminder)))) == []


@pytest.mark.parametrize(
    ("typed", "wanted"), [("14:30", "14:30"), ("2:30 pm", "14:30"), ("9", "09:00")]
)
def test_a_reminder_at_a_time_keeps_the_time_typed(
    today: TodayPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, typed: str, wanted: str
) -> None:
    def fill(dialog: QDialog) -> None:
        assert isinstance(dialog, ReminderDialog)
        qtbot.keyClicks(dialog.title, "Renewal call")
        _type(qtbot, dialog.day.edit, "15/12/2026")
        dialog.all_day.setFocus()
        qtbot.keyClick(dialog.all_day, Qt.Key.Key_Space)
        assert not dialog.all_day.isChecked()
        _type(qtbot, dialog.day.time, typed)
        _save(qtbot, dialog)

    _scripted(monkeypatch, ReminderDialog, fill)
    today.add_reminder.click()
    starts = peek(today.context, lambda s: [_local(r.starts_at) for r in s.exec(select(Reminder))])
    assert [f"{moment:%Y-%m-%d %H:%M}" for moment in starts] == [f"2026-12-15 {wanted}"]


def test_the_calendar_still_picks_a_day(qtbot: QtBot) -> None:
    field = DayField("due", date(2026, 11, 26))
    qtbot.addWidget(field)
    field.calendar.clicked.emit(QDate(2026, 12, 15))
    assert field.value() == WANTED
    assert field.text() == "15/12/2026"
