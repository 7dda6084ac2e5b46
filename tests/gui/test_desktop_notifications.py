"""Desktop notifications as the desktop's notification service receives them: a stand-in
service on a private session bus records exactly what the app showed. What the window does
with them (open on a click, say none can be shown, run without a window) is tried on the
window; the rest on the notification center alone."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta

import pytest
from PySide6.QtCore import QSettings, QTime, QTimer
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QTimeEdit, QWidget
from pytestqt.qtbot import QtBot

from relationship_journal.domain.clock import SystemClock
from relationship_journal.domain.contact import ContactDraft
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.moments import DEFAULT_NOTICE_DAYS, MomentKind
from relationship_journal.paths import JournalPaths
from relationship_journal.store.journal import open_journal
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.main_window import MainWindow
from relationship_journal.ui.notifications import NotificationCenter
from relationship_journal.ui.notifications.window_link import run_in_background
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.settings.dialog import SettingsDialog
from tests.desktop_bus import PrivateBus
from tests.gui.conftest import ShowWidget, WindowFactory, seed

clock = SystemClock()


def _birthday_today(where: MainWindow | JournalContext, name: str) -> int:
    from relationship_journal.store.contacts import create_contact

    today = clock.today()
    birthday = PartialDate(today.month, today.day, 1980)
    return seed(
        where, lambda s: create_contact(s, ContactDraft(name, birthday=birthday), clock.now())
    )


@pytest.fixture
def center(context: JournalContext, qtbot: QtBot) -> Iterator[NotificationCenter]:
    """The notification center on the test's journal, without the window it tells."""
    holder = QWidget()
    qtbot.addWidget(holder)
    made = NotificationCenter(context, holder)
    yield made
    made.stop()


def _at(hour: int, minute: int = 0, day: date | None = None) -> datetime:
    return datetime.combine(day or clock.today(), time(hour, minute))


def test_each_moment_is_announced_once_by_name_and_its_click_opens_the_contact(
    open_window: WindowFactory, qtbot: QtBot, notification_service: PrivateBus
) -> None:
    window = open_window()
    olu = _birthday_today(window, "Olu Adeyemi")
    (announced,) = window.notifications.check(_at(9))
    assert window.notifications.check(_at(9, 1)) == []
    assert window.notifications.check(_at(15)) == []
    (shown,) = notification_service.received()
    assert shown["app"] == "Relationship Journal"
    assert shown["summary"] == "Birthday" and shown["body"] == announced.title
    assert "Olu Adeyemi" in str(shown["body"]) and "default" in shown["actions"]
    window.go(1)
    notification_service.click(int(shown["id"]))  # type: ignore[call-overload]
    qtbot.waitUntil(lambda: window.contact_page.contact_id == olu.id, timeout=5000)
    assert window.current_page_key() == "contact"


def test_quiet_hours_announce_nothing_and_keep_the_moment_for_the_morning(
    context: JournalContext, center: NotificationCenter, notification_service: PrivateBus
) -> None:
    _birthday_today(context, "Olu Adeyemi")
    prefs = Preferences()
    prefs.quiet_from, prefs.quiet_until = time(22, 0), time(7, 0)
    assert center.check(_at(23, 30)) == []
    assert center.check(_at(6, 59)) == []
    assert notification_service.received() == []
    assert len(center.check(_at(7))) == 1
    assert len(notification_service.received()) == 1


def test_without_a_service_nothing_is_marked_announced_and_the_window_says_so_once(
    open_window: WindowFactory, qtbot: QtBot, session_bus: PrivateBus
) -> None:
    window = open_window()
    _birthday_today(window, "Olu Adeyemi")
    messages: list[str] = []
    window.notifications.unavailable.connect(messages.append)
    assert window.notifications.check(_at(9)) == []
    assert window.notifications.check(_at(10)) == []
    assert len(messages) == 1 and "not available" in messages[0]
    assert "not available" in window.statusBar().currentMessage()
    dialog = SettingsDialog(window, window.context, None, window.notifications.status())
    status = dialog.findChild(QLabel, "notificationStatus")
    assert status is not None and "no notification service answered" in status.text()
    dialog.reject()
    # A service that appears later still gets the moment: it was never marked announced.
    session_bus.start_service()
    (announced,) = window.notifications.check(_at(11))
    assert [n["body"] for n in session_bus.received()] == [announced.title]


def test_several_moments_make_one_notice_naming_each(
    context: JournalContext, center: NotificationCenter, notification_service: PrivateBus
) -> None:
    _birthday_today(context, "Olu Adeyemi")
    _birthday_today(context, "Ines Moreau")
    assert len(center.check(_at(9))) == 2
    (shown,) = notification_service.received()
    assert shown["summary"] == "2 moments that matter"
    assert "Olu Adeyemi" in str(shown["body"]) and "Ines Moreau" in str(shown["body"])


def test_started_with_the_computer_it_waits_for_the_chosen_time_and_opens_on_a_click(
    open_window: WindowFactory,
    qtbot: QtBot,
    notification_service: PrivateBus,
    quits_on_last_window: None,
) -> None:
    window = open_window()
    olu = _birthday_today(window, "Olu Adeyemi")
    window.hide()
    run_in_background(window, time(8, 30))
    assert window.notifications.check(_at(8, 29)) == []
    assert len(window.notifications.check(_at(8, 30))) == 1
    window.close()  # closing keeps the reminders running
    assert not window.isVisible() and window.keep_running
    (shown,) = notification_service.received()
    notification_service.click(int(shown["id"]))  # type: ignore[call-overload]
    qtbot.waitUntil(window.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: window.contact_page.contact_id == olu.id, timeout=5000)
    window.quit()


def test_start_with_my_computer_writes_and_removes_the_autostart_entry(
    context: JournalContext, show_widget: ShowWidget, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    entry = tmp_path / "config" / "autostart" / "relationship-journal.desktop"

    def settings(check: bool) -> None:
        dialog = SettingsDialog(None, context, None, "")
        show_widget(dialog)
        box = dialog.findChild(QCheckBox, "startQuietly")
        assert box is not None and box.isEnabled()
        if box.isChecked() != check:
            box.click()
        daily = dialog.findChild(QTimeEdit, "dailyAt")
        assert daily is not None
        daily.setTime(QTime(7, 45))
        dialog.accept()

    settings(True)
    text = entry.read_text("utf-8")
    assert "--background" in text and str(context.ws.paths.data_dir) in text
    assert "Type=Application" in text and Preferences().daily_at == time(7, 45)
    settings(False)
    assert not entry.exists()


def test_the_window_and_the_command_line_share_one_record(
    context: JournalContext,
    center: NotificationCenter,
    notification_service: PrivateBus,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from relationship_journal.app import main

    _birthday_today(context, "Olu Adeyemi")
    prefs = Preferences()
    prefs.quiet_from = prefs.quiet_until = time(0, 0)  # the test may run at any hour
    assert len(center.check(_at(9))) == 1
    capsys.readouterr()
    assert main(["notify"]) == 0
    assert "Nothing new" in capsys.readouterr().out
    assert len(notification_service.received()) == 1


def test_what_an_older_version_announced_is_not_announced_again(
    context: JournalContext, center: NotificationCenter, notification_service: PrivateBus
) -> None:
    olu = _birthday_today(context, "Olu Adeyemi")
    today = clock.today()
    journal = str(context.journal.path)
    told = today - timedelta(days=DEFAULT_NOTICE_DAYS[MomentKind.BIRTHDAY])
    key = f"birthday:{olu.id}:{today.year}@{told.isoformat()}"
    scope = hashlib.sha256(journal.encode()).hexdigest()[:16]
    QSettings().setValue(f"notifications/{scope}/notified", [key])
    center.start()
    center.stop()
    assert center.check(_at(9)) == []
    assert notification_service.received() == []
    assert Preferences().notified(journal) == set()


@pytest.fixture
def quits_on_last_window() -> Iterator[None]:
    """A quiet start keeps the app running without windows; later tests expect otherwise."""
    yield
    QApplication.setQuitOnLastWindowClosed(True)


def test_a_quiet_start_opens_no_window_and_quits_from_the_window(
    paths: JournalPaths, quits_on_last_window: None
) -> None:
    from relationship_journal.ui.application import make_application, run_gui

    assert run_gui(paths, background=True) == 0  # no journal yet: nobody to remind of
    assert not paths.has_journal()
    open_journal(paths.journal, paths.backups).close()
    make_application()
    seen: list[bool] = []

    def look_then_quit() -> None:
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.append(window.isVisible())
        seen.append(window.notifications.timer.isActive())
        window.quit()

    QTimer.singleShot(300, look_then_quit)
    assert run_gui(paths, background=True) == 0
    assert seen == [False, True]
