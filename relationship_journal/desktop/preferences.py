"""The notification preferences, readable without a window: the ``notify`` command honours
the same quiet hours the window does. Kept where the window keeps its preferences
(QSettings under the app's name)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time

from PySide6.QtCore import QSettings

from relationship_journal import APP_ID
from relationship_journal.domain.notices import is_quiet

ENABLED = "notifications/enabled"
QUIET_FROM = "notifications/quiet_from"
QUIET_UNTIL = "notifications/quiet_until"
DAILY_AT = "notifications/daily_at"
DEFAULT_QUIET_FROM, DEFAULT_QUIET_UNTIL, DEFAULT_DAILY_AT = time(20, 0), time(8, 0), time(8, 30)


def read_bool(settings: QSettings, key: str, default: bool) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.lower() in ("true", "1", "yes")
    return bool(value)


def read_time(settings: QSettings, key: str, default: time) -> time:
    value = settings.value(key, default.strftime("%H:%M"))
    try:
        return datetime.strptime(str(value), "%H:%M").time()
    except ValueError:
        return default


@dataclass(frozen=True)
class NoticePreferences:
    enabled: bool
    quiet_from: time
    quiet_until: time

    def allows(self, at: datetime) -> bool:
        return self.enabled and not is_quiet(self.quiet_from, self.quiet_until, at)


def notice_preferences() -> NoticePreferences:
    settings = QSettings(APP_ID, APP_ID)
    return NoticePreferences(
        read_bool(settings, ENABLED, True),
        read_time(settings, QUIET_FROM, DEFAULT_QUIET_FROM),
        read_time(settings, QUIET_UNTIL, DEFAULT_QUIET_UNTIL),
    )
