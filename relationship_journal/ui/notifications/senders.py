"""The two ways a notice reaches the desktop: its notification service over D-Bus, and the
system tray's balloon. Each says whether the notice was accepted and reports clicks as the
contact to open (None: the Today page)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, Signal
from PySide6.QtWidgets import QSystemTrayIcon

from relationship_journal.desktop.dbus_notify import DBusNotifier
from relationship_journal.domain.notices import Notice
from relationship_journal.ui.icons import app_icon

SHOWN_MS = 10_000


class Sender(QObject):
    clicked = Signal(object)  # the contact id to open, or None

    name = ""

    def send(self, notice: Notice) -> bool:
        raise NotImplementedError

    def close(self) -> None:
        """Lets go of what the sender holds (a bus connection)."""


class DBusSender(Sender):
    """The desktop's notification service; a click on a notice comes back as ActionInvoked."""

    name = "the desktop's notification service"

    def __init__(self, notifier: DBusNotifier, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.notifier = notifier
        self._shown: dict[int, int | None] = {}  # notification id -> contact id
        self._watch = QSocketNotifier(notifier.fileno(), QSocketNotifier.Type.Read, self)
        self._watch.activated.connect(self._read_clicks)

    def send(self, notice: Notice) -> bool:
        notification_id = self.notifier.send(notice)
        if notification_id is None:
            return False
        self._shown[notification_id] = notice.contact_id
        return True

    def _read_clicks(self) -> None:
        for notification_id, action in self.notifier.clicks():
            if action == "default" and notification_id in self._shown:
                self.clicked.emit(self._shown[notification_id])
        if not self.notifier.alive:
            self._watch.setEnabled(False)

    def close(self) -> None:
        self._watch.setEnabled(False)
        self.notifier.close()


class TraySender(Sender):
    """The tray icon's balloon (Windows, macOS, desktops with a tray); one at a time, so a
    click opens the contact of the last one shown."""

    name = "the system tray"

    def __init__(self, tray: QSystemTrayIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tray = tray
        self._last: int | None = None
        tray.messageClicked.connect(self._clicked)

    def _clicked(self) -> None:
        self.clicked.emit(self._last)

    def close(self) -> None:
        self.tray.messageClicked.disconnect(self._clicked)

    def send(self, notice: Notice) -> bool:
        if not (self.tray.isVisible() and self.tray.supportsMessages()):
            return False
        self._last = notice.contact_id
        self.tray.showMessage(notice.title, notice.body, app_icon(), SHOWN_MS)
        return True
