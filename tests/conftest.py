"""Every test runs offscreen on a data folder of its own; none touches a real journal."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from relationship_journal.paths import ENV_VAR, JournalPaths
from relationship_journal.store.journal import Journal, open_journal
from tests.desktop_bus import PrivateBus, private_bus


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(ENV_VAR, str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    # No test reaches the desktop's notification service; those that test notifications
    # start a private bus of their own (tests/desktop_bus.py).
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    return folder


@pytest.fixture
def paths(data_dir: Path) -> JournalPaths:
    return JournalPaths(data_dir)


@pytest.fixture
def journal(paths: JournalPaths) -> Iterator[Journal]:
    opened = open_journal(paths.journal, paths.backups)
    yield opened
    opened.close()


@pytest.fixture
def session_bus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PrivateBus]:
    """A private session bus with nothing on it yet (``start_service`` adds the stand-in)."""
    yield from private_bus(tmp_path / "bus", monkeypatch)


@pytest.fixture
def notification_service(session_bus: PrivateBus) -> PrivateBus:
    """A private session bus whose notification service records what it is shown."""
    session_bus.start_service()
    return session_bus
