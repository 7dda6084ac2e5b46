"""``notify`` as cron runs it: announces what is due once, shares the window's record, and
marks nothing when no notification service answers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from relationship_journal import APP_ID
from relationship_journal.app import main
from relationship_journal.desktop import preferences as keys
from tests.desktop_bus import PrivateBus


@pytest.fixture(autouse=True)
def never_quiet(tmp_path: Path) -> QSettings:
    """Preferences of this test alone, with no quiet hours: the test may run at any time."""
    folder = str(tmp_path / "settings")
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, folder)
    settings = QSettings(APP_ID, APP_ID)
    settings.setValue(keys.QUIET_FROM, "00:00")
    settings.setValue(keys.QUIET_UNTIL, "00:00")
    settings.sync()
    return settings


def _birthday_today(tmp_path: Path, name: str) -> None:
    today = date.today()
    card = tmp_path / f"{name}.vcf"
    card.write_text(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{name}\r\nBDAY:1980-{today:%m-%d}\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )
    assert main(["import", str(card)]) == 0


def test_notify_twice_announces_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], notification_service: PrivateBus
) -> None:
    _birthday_today(tmp_path, "Olu Adeyemi")
    capsys.readouterr()
    assert main(["notify"]) == 0
    assert "Announced 1 moment." in capsys.readouterr().out
    assert main(["notify"]) == 0
    assert "Nothing new" in capsys.readouterr().out
    (shown,) = notification_service.received()
    assert shown["summary"] == "Birthday" and "Olu Adeyemi" in str(shown["body"])


def test_notify_without_a_service_fails_and_marks_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], session_bus: PrivateBus
) -> None:
    _birthday_today(tmp_path, "Olu Adeyemi")
    capsys.readouterr()
    assert main(["notify"]) == 1
    assert "no desktop notification service answered" in capsys.readouterr().err
    session_bus.start_service()
    assert main(["notify"]) == 0  # the moment was kept for the next run
    assert len(session_bus.received()) == 1


def test_notify_keeps_quiet_hours_and_the_demo_to_itself(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    notification_service: PrivateBus,
    never_quiet: QSettings,
) -> None:
    _birthday_today(tmp_path, "Olu Adeyemi")
    never_quiet.setValue(keys.ENABLED, False)
    never_quiet.sync()
    assert main(["notify"]) == 0
    assert main(["--demo", "notify"]) == 0
    assert notification_service.received() == []


def test_notify_on_an_encrypted_journal_names_no_one_unless_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], notification_service: PrivateBus
) -> None:
    _birthday_today(tmp_path, "Olu Adeyemi")
    secret = tmp_path / "secret"
    secret.write_text("correct horse battery staple\n", encoding="utf-8")
    assert main(["passphrase", "set", "--new-passphrase-file", str(secret)]) == 0
    assert main(["--passphrase-file", str(secret), "notify"]) == 0
    (shown,) = notification_service.received()
    assert shown["summary"] == "1 moment that matters"
    assert "Olu" not in str(shown["body"]) + str(shown["summary"])
