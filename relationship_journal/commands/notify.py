"""``notify``: announce on the desktop what is due now, once, then exit (for cron or a
systemd timer). Shares the window's record, so nothing is announced twice."""

from __future__ import annotations

import argparse
import sys

from relationship_journal.desktop.dbus_notify import DBusNotifier
from relationship_journal.desktop.preferences import notice_preferences
from relationship_journal.domain.notices import compose
from relationship_journal.operations import notices
from relationship_journal.operations.workspace import Workspace

NO_SERVICE = (
    "relationship-journal: no desktop notification service answered (is a desktop session "
    "running?); nothing was marked announced, the next run tries again"
)

ELSEWHERE = (
    "relationship-journal: notify speaks to a Linux desktop's notification service; here, "
    "Settings → Reminders → Start with my computer, quietly announces through the tray"
)


def notify_command(ws: Workspace, args: argparse.Namespace) -> int:
    at = ws.clock.now().astimezone().replace(tzinfo=None)
    if args.demo:
        print("The demo's people are made up: nothing is announced for them.")
        return 0
    if not notice_preferences().allows(at):
        print("Notifications are off or it is quiet hours: nothing announced.")
        return 0
    fresh = notices.fresh(ws, at)
    if not fresh:
        print("Nothing new to announce.")
        return 0
    if not sys.platform.startswith("linux"):
        print(ELSEWHERE, file=sys.stderr)
        return 1
    notifier = DBusNotifier.open()
    if notifier is None:
        print(NO_SERVICE, file=sys.stderr)
        return 1
    try:
        # An encrypted journal's names stay off the screen unless asked for.
        discreet = ws.journal.encrypted and not args.names
        accepted = notifier.send(compose(fresh, discreet)) is not None
    finally:
        notifier.close()
    if not accepted:
        print(NO_SERVICE, file=sys.stderr)
        return 1
    notices.record(ws, fresh, at)
    count = len(fresh)
    print(f"Announced {count} moment{'s' if count != 1 else ''}.")
    return 0
