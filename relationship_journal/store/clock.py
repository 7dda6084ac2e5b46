"""The system clock for code that has none handed to it (the store's own housekeeping)."""

from __future__ import annotations

from datetime import date, datetime

from relationship_journal.domain.clock import SystemClock

_SYSTEM = SystemClock()


def now() -> datetime:
    return _SYSTEM.now()


def today() -> date:
    return _SYSTEM.today()
