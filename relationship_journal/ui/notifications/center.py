"""Announcing moments as they come due, through the first sender that accepts them.

A moment counts as announced only once a sender accepted its notice; when none can, the
window is told once (``unavailable``) and Today remains the place where every moment shows.
"""

from __future__ import annotations

from datetime import datetime, time

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from relationship_journal import APP_NAME
from relationship_journal.domain.moments import Moment
from relationship_journal.domain.notices import compose
from relationship_journal.operations import notices
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import app_icon
from relationship_journal.ui.notifications.chooser import UNAVAILABLE, choose_senders
from relationship_journal.ui.notifications.senders import Sender
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.tasks import run_task

CHECK_INTERVAL_MS = 60_000


def _tray(parent: QWidget, center: NotificationCenter) -> QSystemTrayIcon | None:
    if not QSystemTrayIcon.isSystemTrayAvailable():
        return None
    tray = QSystemTrayIcon(app_icon(), parent)
    tray.setToolTip(APP_NAME)
    menu = QMenu(parent)
    menu.addAction("Open", center.open_requested.emit)
    menu.addAction("Quit", center.quit_requested.emit)
    tray.setContextMenu(menu)
    tray.activated.connect(lambda _reason: center.open_requested.emit())
    tray.show()
    return tray


class NotificationCenter(QObject):
    """Checks for due moments every minute and tells the user once about each."""

    announced = Signal(list)  # the moments just announced
    unavailable = Signal(str)  # no way to notify here: said once
    open_requested = Signal()
    contact_requested = Signal(object)  # a click on a notice: the contact id, or None
    quit_requested = Signal()

    def __init__(self, context: JournalContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self.preferences = Preferences()
        self.tray = _tray(parent, self)
        self._senders: list[Sender] | None = None  # chosen at the first announcement
        self.problem = ""
        # While the window is locked, notifications say how many moments, never whose.
        self.discreet = False
        # Started with the computer: the day's moments wait for the chosen time of day.
        self.hold_until: time | None = None
        # True when the last announcement was the first ever: nothing was "since" anything.
        self.first_look = False
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check_in_background)

    def start(self) -> None:
        """Announce what fell due while the app was closed, then keep checking."""
        self._take_over_old_record()
        self.check_in_background()
        self.timer.start()

    def _take_over_old_record(self) -> None:
        # Older versions kept the record per computer; the journal keeps it now.
        journal = str(self._context.journal.path)
        old = self.preferences.notified(journal)
        if old and not self._context.is_demo:
            notices.remember_keys(self._context.ws, old, self._local_now())
            self.preferences.forget_notified(journal)

    def senders(self) -> list[Sender]:
        """The ways to the desktop, looked for until one is found."""
        if not self._senders:
            self._senders = choose_senders(self.tray, self)
            for sender in self._senders:
                sender.clicked.connect(self.contact_requested.emit)
        return self._senders

    def status(self) -> str:
        """How notifications reach this desktop, or why they cannot."""
        senders = self.senders()
        if not senders:
            return UNAVAILABLE
        return f"Notifications go through {senders[0].name}."

    def _local_now(self) -> datetime:
        return self._context.ws.clock.now().astimezone().replace(tzinfo=None)

    def _wanted(self, moment_now: datetime) -> bool:
        # The demo's people are made up: they never reach the desktop.
        if self._context.is_demo or not self.preferences.notifications:
            return False
        if self.hold_until is not None and moment_now.time() < self.hold_until:
            return False
        return not self.preferences.is_quiet(moment_now)

    def reset(self) -> None:
        """The window now shows another journal: check it afresh."""
        if self.timer.isActive():
            self.check_in_background()

    def check(self, now: datetime | None = None) -> list[Moment]:
        """Check now, on this thread; returns the moments just announced."""
        moment_now = now or self._local_now()
        if not self._wanted(moment_now):
            return []
        return self._announce(notices.fresh(self._context.ws, moment_now), moment_now)

    def check_in_background(self) -> None:
        """The minute-by-minute check: the agenda is gathered off the UI thread."""
        moment_now = self._local_now()
        if not self._wanted(moment_now):
            return
        ws = self._context.ws
        run_task(
            lambda _progress: notices.fresh(ws, moment_now),
            lambda due: self._announce(due, moment_now),
            lambda _error, _details: None,  # the next minute's check tries again
        )

    def _announce(self, fresh: list[Moment], moment_now: datetime) -> list[Moment]:
        ws = self._context.ws
        self.first_look = notices.look(ws, moment_now)
        if not fresh or not self._deliver(fresh):
            return []
        notices.record(ws, fresh, moment_now)
        self.announced.emit(fresh)
        return fresh

    def _deliver(self, fresh: list[Moment]) -> bool:
        notice = compose(fresh, self.discreet)
        if any(sender.send(notice) for sender in self.senders()):
            return True
        self._forget_senders()  # the next check looks for a service afresh
        if not self.problem:
            self.problem = UNAVAILABLE
            self.unavailable.emit(self.problem)
        return False

    def _forget_senders(self) -> None:
        for sender in self._senders or []:
            sender.close()
        self._senders = None

    def stop(self) -> None:
        self.timer.stop()
        self._forget_senders()
        if self.tray is not None:
            self.tray.hide()
