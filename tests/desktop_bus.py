"""A private D-Bus session bus for the tests, with a stand-in notification service on it.

Runs ``dbus-daemon`` with a configuration of its own (no service activation, so nothing of
the machine's own desktop can start on it) and points DBUS_SESSION_BUS_ADDRESS there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

SERVICE_SCRIPT = Path(__file__).with_name("notify_service.py")
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={folder}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


class PrivateBus:
    def __init__(self, address: str, folder: Path) -> None:
        self.address = address
        self.log = folder / "notifications.jsonl"
        self._service: subprocess.Popen[bytes] | None = None

    def start_service(self) -> None:
        """The stand-in notification service; returns once it owns its name."""
        self._service = subprocess.Popen(
            [sys.executable, str(SERVICE_SCRIPT), self.address, str(self.log)]
        )
        deadline = time.monotonic() + 10
        while not self._owned():
            if time.monotonic() > deadline or self._service.poll() is not None:
                raise RuntimeError("the stand-in notification service did not start")
            time.sleep(0.05)

    def _owned(self) -> bool:
        reply = self._call_bus("NameHasOwner", "s", ("org.freedesktop.Notifications",))
        return bool(reply[0])

    def _call_bus(self, method: str, signature: str, body: tuple) -> tuple:  # type: ignore[type-arg]
        from jeepney import new_method_call
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        with open_dbus_connection(self.address) as connection:
            message = new_method_call(message_bus, method, signature, body)
            return tuple(connection.send_and_get_reply(message, timeout=5).body)

    def stop_service(self) -> None:
        if self._service is not None:
            self._service.terminate()
            self._service.wait(5)
            self._service = None

    def received(self) -> list[dict[str, object]]:
        """Every notification the service accepted, oldest first."""
        if not self.log.exists():
            return []
        return [json.loads(line) for line in self.log.read_text("utf-8").splitlines()]

    def click(self, notification_id: int, action: str = "default") -> None:
        """The user clicks a notification: the service emits ActionInvoked."""
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        target = DBusAddress(
            "/org/freedesktop/Notifications",
            bus_name="org.freedesktop.Notifications",
            interface="org.example.NotificationsTest",
        )
        with open_dbus_connection(self.address) as connection:
            message = new_method_call(target, "Click", "us", (notification_id, action))
            connection.send_and_get_reply(message, timeout=5)


def private_bus(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    daemon = shutil.which("dbus-daemon")
    if daemon is None:
        pytest.skip("dbus-daemon is not installed (Debian: apt-get install dbus-daemon)")
    folder.mkdir(parents=True, exist_ok=True)
    # A socket's path must stay short (108 bytes): the bus listens in a folder of /tmp.
    sockets = Path(tempfile.mkdtemp(prefix="rj-bus-"))
    config = folder / "bus.conf"
    config.write_text(CONFIG.format(folder=sockets), encoding="utf-8")
    process = subprocess.Popen(
        [daemon, f"--config-file={config}", "--print-address=1", "--nofork", "--nopidfile"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdout is not None
    address = process.stdout.readline().strip()
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
    bus = PrivateBus(address, folder)
    try:
        yield bus
    finally:
        bus.stop_service()
        process.terminate()
        process.wait(5)
        process.stdout.close()
        shutil.rmtree(sockets, ignore_errors=True)
