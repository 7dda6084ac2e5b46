"""The app's preferences, kept in QSettings (the journal file keeps data, not preferences)."""

from __future__ import annotations

import hashlib
from datetime import datetime, time

from PySide6.QtCore import QSettings

from relationship_journal.operations.transfer import DEFAULT_KEEP


def _settings() -> QSettings:
    return QSettings()


def _bool(key: str, default: bool) -> bool:
    value = _settings().value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def _time(key: str, default: time) -> time:
    value = _settings().value(key, default.strftime("%H:%M"))
    try:
        return datetime.strptime(str(value), "%H:%M").time()
    except ValueError:
        return default


class Preferences:
    """Typed access to each preference, with its default."""

    @property
    def notifications(self) -> bool:
        return _bool("notifications/enabled", True)

    @notifications.setter
    def notifications(self, value: bool) -> None:
        _settings().setValue("notifications/enabled", value)

    @property
    def quiet_from(self) -> time:
        return _time("notifications/quiet_from", time(20, 0))

    @quiet_from.setter
    def quiet_from(self, value: time) -> None:
        _settings().setValue("notifications/quiet_from", value.strftime("%H:%M"))

    @property
    def quiet_until(self) -> time:
        return _time("notifications/quiet_until", time(8, 0))

    @quiet_until.setter
    def quiet_until(self, value: time) -> None:
        _settings().setValue("notifications/quiet_until", value.strftime("%H:%M"))

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

    def is_quiet(self, moment: datetime) -> bool:
        """Inside quiet hours (which may span midnight)."""
        start, end, now = self.quiet_from, self.quiet_until, moment.time()
        if start == end:
            return False
        if start < end:
            return start <= now < end
        return now >= start or now < end

    # What was announced is kept per journal: moment keys hold ids, and two journals (or the
    # demo and the user's own) share ids.

    def last_check(self, journal: str) -> datetime | None:
        value = _settings().value(f"notifications/{_scope(journal)}/last_check")
        try:
            return datetime.fromisoformat(str(value)) if value else None
        except ValueError:
            return None

    def set_last_check(self, journal: str, value: datetime) -> None:
        _settings().setValue(f"notifications/{_scope(journal)}/last_check", value.isoformat())

    def notified(self, journal: str) -> set[str]:
        value = _settings().value(f"notifications/{_scope(journal)}/notified", [])
        if isinstance(value, str):
            return {value}
        return {str(v) for v in (value or [])}

    def remember_notified(self, journal: str, keys: set[str]) -> None:
        # Only recent keys matter; keep the list short.
        _settings().setValue(f"notifications/{_scope(journal)}/notified", sorted(keys)[-500:])


def _scope(journal: str) -> str:
    return hashlib.sha256(journal.encode()).hexdigest()[:16]
