"""The current time, handed to whatever needs it, so that tests and the demo can fix it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, with its time zone."""
        ...

    def today(self) -> date:
        """The user's calendar day (in the local time zone)."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return datetime.now().astimezone().date()


@dataclass
class FixedClock:
    """A clock that says what it is told: for tests and reproducible runs."""

    moment: datetime

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.astimezone().date()
