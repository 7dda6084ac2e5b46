"""Today: act on moments and see the action persist (the page alone); in the window, the
notifications it shows, the demo left behind, and the drifting list it opens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from relationship_journal.domain.moments import MomentKind
from relationship_journal.store import clock
from relationship_journal.store.agenda import collect
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.ledger.log_dialog import LogDialog
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.today.moment_row import MomentRow
from relationship_journal.ui.today.page import TodayPage
from relationship_journal.ui.today.reminder_dialog import ReminderDialog
from tests.desktop_bus import PrivateBus
from tests.gui.conftest import (
    ContextFactory,
    ShowWidget,
    WindowFactory,
    close_context,
    contact_page,
    peek,
    seed,
    undo,
    wait_for_agenda,
    wire_capture,
)

OpenToday = Callable[[JournalContext], TodayPage]


def _row(rows: list[MomentRow], kind: MomentKind) -> MomentRow:
    return next(row for row in rows if row.moment.kind is kind)


def test_acting_on_a_birthday_from_today_persists(
    open_context: ContextFactory,
    open_today: OpenToday,
    show_widget: ShowWidget,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    context = open_context(demo=True)
    page = open_today(context)
    wire_capture(page, context)
    birthday = _row(page.rows(), MomentKind.BIRTHDAY)
    key, name = birthday.moment.key, birthday.moment.contact_name

    def wish(dialog: LogDialog) -> int:
        assert dialog.summary.text() == "Birthday wishes"
        assert dialog.chosen_polarity().value == "deposit"
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(LogDialog, "exec", wish)
    birthday.log_button.click()  # wishes logged: the birthday is dealt with
    wait_for_agenda(qtbot, page)
    assert key not in [row.moment.key for row in page.rows()]
    assert birthday.moment.contact_id is not None
    their_page = contact_page(context, show_widget, birthday.moment.contact_id)
    assert their_page.name.text() == name
    assert "Birthday wishes" in their_page.timeline_model.item(0).summary
    close_context(context)

    reopened = open_today(open_context(demo=True))
    assert key not in [row.moment.key for row in reopened.rows()]


def test_snooze_moves_a_moment_to_its_new_day(
    context: JournalContext, open_today: OpenToday, qtbot: QtBot
) -> None:
    from relationship_journal.domain.contact import ContactDraft
    from relationship_journal.domain.dates import PartialDate
    from relationship_journal.store.contacts import create_contact

    today = clock.today()
    soon = today + timedelta(days=1)
    page = open_today(context)
    seed(
        context,
        lambda s: create_contact(
            s, ContactDraft("Anna", birthday=PartialDate(soon.month, soon.day)), clock.now()
        ),
    )
    wait_for_agenda(qtbot, page)
    (row,) = page.rows()
    snooze_button = row.findChild(QPushButton, "snoozeButton")
    (for_a_week,) = [a for a in snooze_button.menu().actions() if a.text() == "For a week"]
    for_a_week.trigger()
    (moved,) = page.rows()
    assert moved.moment.day == today + timedelta(days=7)


def test_notifications_announce_once_and_respect_quiet_hours(
    open_window: WindowFactory, qtbot: QtBot, notification_service: PrivateBus
) -> None:
    window = open_window()
    today = clock.today()
    seed(window, lambda s: _birthday_today(s, today))
    center = window.notifications
    prefs = Preferences()
    prefs.quiet_from, prefs.quiet_until = time(22, 0), time(7, 0)
    night = datetime.combine(clock.today(), time(23, 30))
    assert center.check(night) == []
    morning = datetime.combine(clock.today(), time(9, 0))
    first = center.check(morning)
    assert first and all(m.notice_day <= clock.today() for m in first)
    assert center.check(morning) == []  # told once
    assert [n["body"] for n in notification_service.received()] == [first[0].title]
    window.start_background()
    assert not window.today_page.news.isVisible() or window.today_page.news.text()
    window.today_page.show_news(first)
    assert f"({len(first)})" in window.today_page.news.text()
    assert "since you last looked" in window.today_page.news.text()
    prefs.notifications = False
    assert center.check(morning) == []


def test_a_recurring_reminder_moves_on_when_done(
    context: JournalContext, open_today: OpenToday, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fill(dialog: ReminderDialog) -> int:
        dialog.title.setText("Send the monthly report")
        dialog.repeat.setCurrentIndex(dialog.repeat.findData("FREQ=DAILY"))
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(ReminderDialog, "exec", fill)
    page = open_today(context)
    wire_capture(page, context)
    page.add_reminder.click()
    wait_for_agenda(qtbot, page)
    today = clock.today()
    first = [r for r in page.rows() if r.moment.kind is MomentKind.REMINDER]
    assert first[0].moment.day == today
    first[0].done_button.click()
    after = peek(context, lambda s: collect(s, today, 3))
    days = [m.day for m in after if m.kind is MomentKind.REMINDER]
    assert days[0] == today + timedelta(days=1)


def _birthday_today(session, today):  # type: ignore[no-untyped-def]
    from relationship_journal.domain.contact import ContactDraft
    from relationship_journal.domain.dates import PartialDate
    from relationship_journal.store.contacts import create_contact

    birthday = PartialDate(today.month, today.day, 1980)
    return create_contact(session, ContactDraft("Olu Adeyemi", birthday=birthday), clock.now())


def test_the_demo_never_notifies_and_leaves_nothing_behind(
    open_window: WindowFactory, qtbot: QtBot, notification_service: PrivateBus
) -> None:
    window = open_window(demo=True)
    morning = datetime.combine(clock.today(), time(9, 0))
    assert window.notifications.check(morning) == []  # made-up people stay off the desktop
    assert notification_service.received() == []
    window.today_page.show_news(window.today_page.moments[:2])
    assert window.today_page.news.isVisibleTo(window)
    window.go(1)
    qtbot.keyClicks(window.contacts_page.search, "elodie")
    qtbot.mouseClick(window.findChild(QPushButton, "startOwnJournal"), Qt.MouseButton.LeftButton)
    wait_for_agenda(qtbot, window)
    assert window.contacts_page.search.text() == ""  # the demo's search is not carried over
    assert not window.today_page.news.isVisibleTo(window)
    assert window.today_page.moments == []
    qtbot.waitUntil(lambda: "Your journal · 0 contacts" in window.status_label.text())
    seed(window, lambda s: _birthday_today(s, clock.today()))
    (announced,) = window.notifications.check(morning)
    assert "Olu Adeyemi" in announced.title
    assert "Due now (1)" in window.today_page.news.text()  # a first look: nothing was "since"


def test_the_drifting_count_is_the_list_it_opens(open_window: WindowFactory, qtbot: QtBot) -> None:
    window = open_window(demo=True)
    note = window.today_page.findChild(QWidget, "driftingNote")
    assert note is not None
    count = int(note.findChild(QLabel).text().split()[0])
    qtbot.mouseClick(note.findChild(QPushButton, "reviewDrifting"), Qt.MouseButton.LeftButton)
    assert window.current_page_key() == "contacts"
    assert window.contacts_page.model.rowCount() == count
    assert window.contacts_page.count_label.text().startswith(f"{count} contact")


def test_closing_the_profile_editor_with_typed_text_asks_first(
    app: object, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from relationship_journal.domain.profile import topic
    from relationship_journal.ui.contact.fact_dialogs import FactDialog

    dialog = FactDialog(None, topic("hobbies"), "Sailing")
    qtbot.addWidget(dialog)
    dialog.show()
    asked: list[str] = []

    def keep_editing(box: QMessageBox) -> int:
        asked.append(box.text())
        box.findChild(QPushButton, "keepEditingButton").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", keep_editing)
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)  # unchanged: closes at once
    assert not dialog.isVisible() and asked == []
    dialog.show()
    qtbot.keyClicks(dialog.text, " and climbing")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert asked == ["Close without saving this answer?"]
    assert dialog.isVisible()


def test_a_section_shows_its_count_and_pages_through_the_rest(
    context: JournalContext, open_today: OpenToday, qtbot: QtBot
) -> None:
    from relationship_journal.domain.contact import ContactDraft
    from relationship_journal.domain.dates import PartialDate
    from relationship_journal.store.contacts import create_contact

    soon = clock.today() + timedelta(days=2)

    def many(session):  # type: ignore[no-untyped-def]
        for n in range(9):
            draft = ContactDraft(f"Person {n}", birthday=PartialDate(soon.month, soon.day))
            create_contact(session, draft, clock.now())

    page = open_today(context)
    seed(context, many)
    wait_for_agenda(qtbot, page)
    section = page.findChild(QWidget, "bucket_this_week")
    titles = [w.text() for w in section.findChildren(QLabel)]
    assert any("This week  (9)" in text for text in titles)
    assert len(page.rows()) == 6  # the first few; the count says how many there are
    more = section.findChild(QPushButton, "more_this_week")
    assert more.text() == "Show all 9"
    qtbot.mouseClick(more, Qt.MouseButton.LeftButton)
    wait_for_agenda(qtbot, page)
    assert sorted(row.moment.contact_name for row in page.rows()) == [
        f"Person {n}" for n in range(9)
    ]


def test_done_on_a_promise_means_it_was_kept(
    open_context: ContextFactory, open_today: OpenToday, qtbot: QtBot
) -> None:
    from relationship_journal.store.models import Promise

    context = open_context(demo=True)
    page = open_today(context)
    row = _row(page.rows(), MomentKind.PROMISE_MINE)
    promise_id = int(row.moment.key.removeprefix("promise:"))
    qtbot.mouseClick(row.done_button, Qt.MouseButton.LeftButton)
    wait_for_agenda(qtbot, page)
    kept = peek(context, lambda s: s.get(Promise, promise_id))
    assert kept is not None and kept.status == "kept"
    assert row.moment.key not in [r.moment.key for r in page.rows()]
    undo(context)
    wait_for_agenda(qtbot, page)
    reopened = peek(context, lambda s: s.get(Promise, promise_id))
    assert reopened is not None and reopened.status == "open"
