"""Notifications through the desktop's notification service (``org.freedesktop.Notifications``
on the D-Bus session bus: GNOME, KDE, Xfce, dunst, mako…), with clicks read back.

Spoken with jeepney, a pure-Python D-Bus client that writes each argument in the type the
service declares: PySide6's QtDBus can only send a Python int as a signed or 64-bit integer,
and a strict service refuses ``Notify`` unless its ``replaces_id`` is an unsigned 32-bit one.
A notification counts as shown only when ``Notify`` returned its id.
"""

from __future__ import annotations

import os
from pathlib import Path

from relationship_journal import APP_ID, APP_NAME
from relationship_journal.domain.notices import Notice

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
NOTIFY_SIGNATURE = "susssasa{sv}i"
TIMEOUT_S = 5.0


def session_bus_address(environ: dict[str, str] | None = None) -> str | None:
    """The session bus, as ``DBUS_SESSION_BUS_ADDRESS`` or systemd's per-user socket name it."""
    env = os.environ if environ is None else environ
    address = env.get("DBUS_SESSION_BUS_ADDRESS", "")
    if address:
        return None if address.startswith("disabled:") else address
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime and (Path(runtime) / "bus").exists():
        return f"unix:path={Path(runtime) / 'bus'}"
    return None


class DBusNotifier:
    """One connection to the session bus, open while the notifier lives."""

    def __init__(self, address: str) -> None:
        from jeepney.io.blocking import open_dbus_connection

        self._connection = open_dbus_connection(address, auth_timeout=TIMEOUT_S)
        try:
            self._greet()
        except BaseException:
            self._connection.close()
            raise

    def _greet(self) -> None:
        from jeepney import DBusAddress, MatchRule
        from jeepney.bus_messages import message_bus

        self._service = DBusAddress(PATH, bus_name=SERVICE, interface=SERVICE)
        rule = MatchRule(type="signal", interface=SERVICE, path=PATH, member="ActionInvoked")
        self._connection.send_and_get_reply(message_bus.AddMatch(rule), timeout=TIMEOUT_S)
        self._clicks = self._connection.filter(rule, bufsize=100)
        self.alive = True
        self.actions = "actions" in self._call("GetCapabilities", "", ())[0]

    @classmethod
    def open(cls, address: str | None = None) -> DBusNotifier | None:
        """The notifier, or None when there is no session bus or no service answers."""
        chosen = address or session_bus_address()
        if not chosen:
            return None
        try:
            return cls(chosen)
        except Exception:  # no bus, refused, no service, a service that fails: not here
            return None

    def _call(self, method: str, signature: str, body: tuple[object, ...]) -> tuple:  # type: ignore[type-arg]
        from jeepney import new_method_call
        from jeepney.wrappers import unwrap_msg

        message = new_method_call(self._service, method, signature or None, body)
        reply = self._connection.send_and_get_reply(message, timeout=TIMEOUT_S)
        return tuple(unwrap_msg(reply))

    def send(self, notice: Notice) -> int | None:
        """Hands ``notice`` to the service; its id once accepted, None when refused."""
        actions = ["default", "Open"] if self.actions else []
        hints = {"desktop-entry": ("s", APP_ID)}
        body = (APP_NAME, 0, APP_ID, notice.title, notice.body, actions, hints, -1)
        try:
            (notification_id,) = self._call("Notify", NOTIFY_SIGNATURE, body)
        except Exception:
            return None
        return int(notification_id) if notification_id else None

    def fileno(self) -> int:
        return int(self._connection.sock.fileno())

    def clicks(self) -> list[tuple[int, str]]:
        """The (notification id, action) pairs clicked since last asked; never waits."""
        while True:
            try:
                self._connection.recv_messages(timeout=0)
            except TimeoutError:
                break
            except Exception:  # the bus went away: nothing more will come
                self.alive = False
                break
        found = [(int(m.body[0]), str(m.body[1])) for m in self._clicks.queue]
        self._clicks.queue.clear()
        return found

    def close(self) -> None:
        self._clicks.close()
        self._connection.close()
