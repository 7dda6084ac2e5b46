"""The app's preferences, kept in QSettings (the journal file keeps data, not preferences)."""

from __future__ import annotations

import hashlib
from datetime import datetime, time

from PySide6.QtCore import QSettings

from relationship_journal.desktop import preferences as keys
from relationship_journal.desktop.preferences import read_bool, read_time
from relationship_journal.domain.notices import is_quiet
from relationship_journal.operations.transfer import DEFAULT_KEEP


def _settings() -> QSettings:
    return QSettings()


def _bool(key: str, default: bool) -> bool:
    return read_bool(_settings(), key, default)


def _time(key: str, default: time) -> time:
    return read_time(_settings(), key, default)


class Preferences:
    """Typed access to each preference, with its default."""

    @property
    def notifications(self) -> bool:
        return _bool(keys.ENABLED, True)

    @notifications.setter
    def notifications(self, value: bool) -> None:
        _settings().setValue(keys.ENABLED, value)

    @property
    def quiet_from(self) -> time:
        return _time(keys.QUIET_FROM, keys.DEFAULT_QUIET_FROM)

    @quiet_from.setter
    def quiet_from(self, value: time) -> None:
        _settings().setValue(keys.QUIET_FROM, value.strftime("%H:%M"))

    @property
    def quiet_until(self) -> time:
        return _time(keys.QUIET_UNTIL, keys.DEFAULT_QUIET_UNTIL)

    @quiet_until.setter
    def quiet_until(self, value: time) -> None:
        _settings().setValue(keys.QUIET_UNTIL, value.strftime("%H:%M"))

    @property
    def stay_in_tray(self) -> bool:
        return _bool("window/stay_in_tray", False)

    @stay_in_tray.setter
    def stay_in_tray(self, value: bool) -> None:
        _settings().setValue("window/stay_in_tray", value)

    @property
    def backups_keep(self) -> int:
        try:
            return max(1, int(str(_settings().value("backups/keep", DEFAULT_KEEP))))
        except ValueError:
            return DEFAULT_KEEP

    @backups_keep.setter
    def backups_keep(self, value: int) -> None:
        _settings().setValue("backups/keep", max(1, value))

    @property
    def daily_backup(self) -> bool:
        return _bool("backups/daily", True)

    @daily_backup.setter
    def daily_backup(self, value: bool) -> None:
        _settings().setValue("backups/daily", value)

    @property
    def calendar_file(self) -> str:
        return str(_settings().value("calendar/subscription_file", ""))

    @calendar_file.setter
    def calendar_file(self, value: str) -> None:
        _settings().setValue("calendar/subscription_file", value)

    @property
    def calendar_days(self) -> int:
        try:
            return int(str(_settings().value("calendar/days", 90)))
        except ValueError:
            return 90

    @calendar_days.setter
    def calendar_days(self, value: int) -> None:
        _settings().setValue("calendar/days", value)

    @property
    def lock_minutes(self) -> int:
        """Minutes without input before the window locks (0: never); encrypted journals only."""
        try:
            return max(0, int(str(_settings().value("privacy/lock_minutes", 15))))
        except ValueError:
            return 15

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        _settings().setValue("privacy/lock_minutes", value)

    @property
    def daily_at(self) -> time:
        """When a quiet start with the computer announces the day's moments."""
        return _time(keys.DAILY_AT, keys.DEFAULT_DAILY_AT)

    @daily_at.setter
    def daily_at(self, value: time) -> None:
        _settings().setValue(keys.DAILY_AT, value.strftime("%H:%M"))

    def is_quiet(self, moment: datetime) -> bool:
        """Inside quiet hours (which may span midnight)."""
        return is_quiet(self.quiet_from, self.quiet_until, moment)

    # Older versions kept what was announced here, per journal; the journal keeps it now.

    def notified(self, journal: str) -> set[str]:
        value = _settings().value(f"notifications/{_scope(journal)}/notified", [])
        if isinstance(value, str):
            return {value}
        return {str(v) for v in (value or [])}

    def forget_notified(self, journal: str) -> None:
        _settings().remove(f"notifications/{_scope(journal)}")


def _scope(journal: str) -> str:
    return hashlib.sha256(journal.encode()).hexdigest()[:16]
