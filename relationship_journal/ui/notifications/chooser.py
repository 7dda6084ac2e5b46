"""Which senders this desktop offers, best first: on Linux its notification service, then a
tray where there is one; on Windows and macOS the tray."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QSystemTrayIcon

from relationship_journal.desktop.dbus_notify import DBusNotifier
from relationship_journal.ui.notifications.senders import DBusSender, Sender, TraySender

UNAVAILABLE = (
    "Desktop notifications are not available here: no notification service answered and "
    "there is no system tray. Today still shows every moment."
)


def choose_senders(tray: QSystemTrayIcon | None, parent: QObject) -> list[Sender]:
    senders: list[Sender] = []
    if sys.platform.startswith("linux"):
        notifier = DBusNotifier.open()
        if notifier is not None:
            senders.append(DBusSender(notifier, parent))
    if tray is not None:
        senders.append(TraySender(tray, parent))
    return senders
