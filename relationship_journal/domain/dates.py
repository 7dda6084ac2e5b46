"""Dates people actually know: a birthday may have no year, 29 February exists only sometimes."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

EARLIEST_YEAR = 1900
LATEST_YEAR = 2100
# Birthdays and anniversaries may be older than anything the journal records: a founder's
# birthday in 1890 is still a birthday. Only the calendar's own limit applies to them.
EARLIEST_MOMENT_YEAR = 1
# A leap year, so that a year-less 29 February is a valid day.
_ANY_LEAP_YEAR = 2000

_FULL = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})$")
_NO_YEAR = re.compile(r"^--(\d{2})-?(\d{2})$")


_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


class DateError(ValueError):
    """A date the user gave that is not a real day; the message says why."""


@dataclass(frozen=True, order=True)
class PartialDate:
    """A day of the year, with the year when it is known (birthdays, anniversaries)."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        check_year = self.year if self.year is not None else _ANY_LEAP_YEAR
        if self.year is not None and not EARLIEST_MOMENT_YEAR <= self.year <= LATEST_YEAR:
            raise DateError(f"year {self.year} is outside {EARLIEST_MOMENT_YEAR}–{LATEST_YEAR}")
        last = _DAYS_IN_MONTH[self.month] + (
            1 if self.month == 2 and calendar.isleap(check_year) else 0
        )
        if not 1 <= self.day <= last:
            raise DateError(
                f"day {self.day} does not exist in {calendar.month_name[self.month]}"
                + (f" {self.year}" if self.year is not None else "")
            )

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY-MM-DD``, ``YYYYMMDD`` or the year-less ``--MM-DD`` / ``--MMDD``."""
        value = text.strip()
        if match := _FULL.match(value):
            year, month, day = (int(part) for part in match.groups())
            return cls(month=month, day=day, year=year)
        if match := _NO_YEAR.match(value):
            month, day = (int(part) for part in match.groups())
            return cls(month=month, day=day)
        raise DateError(f"'{text}' is not a date (use YYYY-MM-DD, or --MM-DD without a year)")

    def iso(self) -> str:
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def as_date(self) -> date | None:
        return None if self.year is None else date(self.year, self.month, self.day)

    def occurrence_in(self, year: int) -> date:
        """The day this date is observed in ``year``: 29 February falls on 28 February
        in common years, the custom most people keep."""
        if self.month == 2 and self.day == 29 and not calendar.isleap(year):
            return date(year, 2, 28)
        return date(year, self.month, self.day)

    def next_occurrence(self, today: date) -> date:
        this_year = self.occurrence_in(today.year)
        return this_year if this_year >= today else self.occurrence_in(today.year + 1)

    def age_on(self, day: date) -> int | None:
        if self.year is None:
            return None
        # Measured against the day it is observed that year, so a 29 February birthday
        # turns a year older on 28 February in common years.
        before_birthday = day < self.occurrence_in(day.year)
        return day.year - self.year - (1 if before_birthday else 0)

    def label(self) -> str:
        text = f"{self.day} {calendar.month_name[self.month]}"
        return text if self.year is None else f"{text} {self.year}"


def parse_day(text: str) -> date:
    """A full calendar date within the range the journal accepts."""
    try:
        value = date.fromisoformat(text.strip())
    except ValueError:
        raise DateError(f"'{text}' is not a date (use YYYY-MM-DD)") from None
    check_year(value.year)
    return value


def check_year(year: int) -> None:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateError(f"year {year} is outside {EARLIEST_YEAR}–{LATEST_YEAR}")


@dataclass(frozen=True)
class ReducedDate:
    """A date known only in part, as vCards allow it (RFC 6350 §4.3.1): a year (``1985``),
    a year and month (``1985-04``), a month (``--04``), a day of the month (``---15``).
    Kept in words, since no day of the year can be drawn from it."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.year is None and self.month is None and self.day is None:
            raise DateError("a date needs a year, a month or a day")
        if self.month is not None and not 1 <= self.month <= 12:
            raise DateError(f"month {self.month} does not exist")
        if self.day is not None and not 1 <= self.day <= 31:
            raise DateError(f"day {self.day} does not exist")

    def label(self) -> str:
        month = calendar.month_name[self.month] if self.month is not None else ""
        if self.day is not None and not month:
            return f"day {self.day} of the month"
        parts = [str(self.day) if self.day is not None else "", month, str(self.year or "")]
        return " ".join(part for part in parts if part)
