"""The current time, in one place, so that tests and the demo can fix it."""

from __future__ import annotations

from datetime import UTC, date, datetime


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return datetime.now().date()
