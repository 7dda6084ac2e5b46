"""The app never opens a network connection; journal, backups and exports are private."""

from __future__ import annotations

import ipaddress
import re
import socket
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from relationship_journal.app import main
from relationship_journal.paths import JournalPaths
from tests.gui.conftest import WindowFactory

PACKAGE = Path(__file__).resolve().parents[2] / "relationship_journal"
DATA = Path(__file__).resolve().parents[1] / "data" / "import"
CALENDARS = DATA.parent / "calendars"


def _local(address: object) -> bool:
    if isinstance(address, str | bytes):  # AF_UNIX paths
        return True
    host = address[0] if isinstance(address, tuple) else address
    try:
        return ipaddress.ip_address(str(host)).is_loopback
    except ValueError:
        return str(host) in ("localhost", "")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every attempt to reach a non-local address is recorded and refused."""
    attempts: list[str] = []
    real_connect, real_connect_ex, real_sendto = (
        socket.socket.connect,
        socket.socket.connect_ex,
        socket.socket.sendto,
    )

    def guard(name: str, real):  # type: ignore[no-untyped-def]
        def checked(self, *args):  # type: ignore[no-untyped-def]
            address = args[-1]
            if not _local(address):
                attempts.append(f"{name} {address!r}")
                raise OSError("network access refused by the test")
            return real(self, *args)

        return checked

    monkeypatch.setattr(socket.socket, "connect", guard("connect", real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guard("connect_ex", real_connect_ex))
    monkeypatch.setattr(socket.socket, "sendto", guard("sendto", real_sendto))

    def no_lookup(host, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not _local(host):
            attempts.append(f"getaddrinfo {host!r}")
            raise OSError("name lookup refused by the test")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", 0))]

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    return attempts


def test_a_full_workflow_opens_no_network_connection(
    no_network: list[str],
    open_window: WindowFactory,
    qtbot: QtBot,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["import", str(DATA / "iphone-3.0.vcf")]) == 0
    assert main(["log", "sofia", "--deposit", "2", "Lunch"]) == 0
    assert main(["export", "json", str(tmp_path / "all.json")]) == 0
    assert main(["export", "ics", str(tmp_path / "moments.ics")]) == 0
    assert main(["brief", "sofia", "--pdf", str(tmp_path / "brief.pdf")]) == 0
    assert main(["backup"]) == 0
    # Calendars: read with their time zones and recurring series, matched, briefed.
    for name in ("outlook-2016.ics", "google-calendar.ics", "thunderbird-local.ics"):
        assert main(["calendar", "add", str(CALENDARS / name)]) == 0
    assert main(["agenda", "--json", "--from", "2026-11-01"]) == 0
    main(["brief", "--meetings", "2026-11-26", "--pdf", str(tmp_path / "pack.pdf")])
    window = open_window()
    window.go(1)
    window.open_contact(window.contacts_page.model.contact_id(0))
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    window.notifications.check()
    window.background.start()
    feed = window.background.calendar
    qtbot.waitUntil(lambda: feed.files != [] and not feed.is_reading, timeout=10000)
    capsys.readouterr()
    assert no_network == []


def test_no_code_path_fetches_anything() -> None:
    network_modules = re.compile(
        r"^\s*(import|from)\s+(urllib|http\.client|requests|httpx|socket|ftplib|smtplib|"
        r"PySide6\.QtNetwork)\b",
        re.MULTILINE,
    )
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if network_modules.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_journal_backups_and_exports_are_readable_by_the_user_alone(
    paths: JournalPaths, tmp_path: Path
) -> None:
    assert main(["import", str(DATA / "android-2.1.vcf")]) == 0
    assert main(["backup"]) == 0
    assert main(["export", "vcard", str(tmp_path / "out.vcf")]) == 0
    files = [paths.journal, *paths.backups.glob("*.sqlite"), tmp_path / "out.vcf"]
    assert len(files) >= 3
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path
