"""Desktop notifications for moments as they come due, through the system tray.

Works without a tray (offscreen, bare window managers): the window's status line and the
Today page carry the same news.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from relationship_journal import APP_NAME
from relationship_journal.domain.moments import Moment
from relationship_journal.operations import agenda
from relationship_journal.ui.context import JournalContext
from relationship_journal.ui.icons import app_icon
from relationship_journal.ui.preferences import Preferences
from relationship_journal.ui.tasks import run_task

CHECK_INTERVAL_MS = 60_000


def _notice_key(moment: Moment) -> str:
    return f"{moment.key}@{moment.notice_day.isoformat()}"


class NotificationCenter(QObject):
    """Checks for due moments every minute and tells the user once about each."""

    announced = Signal(list)  # the moments just announced
    open_requested = Signal()
    quit_requested = Signal()

    def __init__(self, context: JournalContext, parent: QWidget) -> None:
        super().__init__(parent)
        self._context = context
        self.preferences = Preferences()
        self.tray: QSystemTrayIcon | None = None
        # While the window is locked, notifications say how many moments, never whose.
        self.discreet = False
        # True when the last announcement was the first ever: nothing was "since" anything.
        self.first_look = False
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(app_icon(), parent)
            self.tray.setToolTip(APP_NAME)
            menu = QMenu(parent)
            menu.addAction("Open", self.open_requested.emit)
            menu.addAction("Quit", self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _reason: self.open_requested.emit())
            self.tray.show()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check_in_background)

    def start(self) -> None:
        """Announce what fell due while the app was closed, then keep checking."""
        self.check_in_background()
        self.timer.start()

    def _local_now(self) -> datetime:
        return self._context.ws.clock.now().astimezone().replace(tzinfo=None)

    def due_now(self, now: datetime | None = None) -> list[Moment]:
        return agenda.due_for_notice(self._context.ws, now or self._local_now())

    def _wanted(self, moment_now: datetime) -> bool:
        # The demo's people are made up: they never reach the desktop.
        if self._context.is_demo or not self.preferences.notifications:
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
        return self._announce(self.due_now(moment_now), moment_now)

    def check_in_background(self) -> None:
        """The minute-by-minute check: the agenda is gathered off the UI thread."""
        moment_now = self._local_now()
        if not self._wanted(moment_now):
            return
        ws = self._context.ws
        run_task(
            lambda _progress: agenda.due_for_notice(ws, moment_now),
            lambda due: self._announce(due, moment_now),
            lambda _error, _details: None,  # the next minute's check tries again
        )

    def _announce(self, due: list[Moment], moment_now: datetime) -> list[Moment]:
        journal = str(self._context.journal.path)
        already = self.preferences.notified(journal)
        fresh = [m for m in due if _notice_key(m) not in already]
        self.first_look = self.preferences.last_check(journal) is None
        self.preferences.set_last_check(journal, moment_now)
        if not fresh:
            return []
        self.preferences.remember_notified(journal, already | {_notice_key(m) for m in fresh})
        self._show(fresh)
        self.announced.emit(fresh)
        return fresh

    def _show(self, fresh: list[Moment]) -> None:
        if self.tray is None:
            return
        if self.discreet:
            count = len(fresh)
            title = "1 moment that matters" if count == 1 else f"{count:,} moments that matter"
            text = f"Unlock {APP_NAME} to see them."
        elif len(fresh) == 1:
            title, text = fresh[0].kind.label, fresh[0].title
        else:
            title = f"{len(fresh)} moments that matter"
            text = "\n".join(m.title for m in fresh[:5]) + ("\n…" if len(fresh) > 5 else "")
        self.tray.showMessage(title, text, app_icon(), 10_000)

    def stop(self) -> None:
        self.timer.stop()
        if self.tray is not None:
            self.tray.hide()
