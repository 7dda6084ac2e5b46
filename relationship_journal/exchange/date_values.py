"""Dates as contact files write them: every form of RFC 6350 and RFC 2426, and the
locale-dependent dates of CSV exports, whose order is worked out from the whole column."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from relationship_journal.domain.dates import DateError, PartialDate, ReducedDate

# Apple writes a year-less date with this placeholder year (and X-APPLE-OMIT-YEAR); some
# phones write year 0000.
NO_YEAR_PLACEHOLDERS = frozenset({0, 1604})
_TIME = r"(?:[T ]\d{2}(?::?\d{2}){0,2}(?:[.,]\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?"
_FULL = re.compile(rf"^(\d{{4}})-?(\d{{2}})-?(\d{{2}}){_TIME}$")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_MONTH_DAY = re.compile(rf"^--(\d{{2}})-?(\d{{2}}){_TIME}$")
_MONTH = re.compile(r"^--(\d{2})$")
_DAY = re.compile(r"^---(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$")
_TEXT_FORMATS = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%y", "%d-%b-%Y")
# How Outlook and others write "no date" (Outlook: 0/0/00, or 0.0.00 in German).
EMPTY_DATES = frozenset(
    {"", "0/0/00", "0/0/0000", "0.0.00", "00.00.00", "00.00.0000", "--", "0000-00-00"}
)

DateValue = PartialDate | ReducedDate


def parse_iso_date(text: str, omit_year: int | None = None) -> DateValue:
    """A date as vCards write it: 1985-04-12, 19850412, 1985-04-12T10:00:00Z, --0412,
    --04-12, 1985-04 and 1985 (year and month, or year only), --04 (a month), ---12 (a
    day). ``omit_year`` is the placeholder year a writer flagged (X-APPLE-OMIT-YEAR)."""
    value = text.strip()
    if match := _FULL.match(value):
        year, month, day = (int(part) for part in match.groups())
        if year in NO_YEAR_PLACEHOLDERS or year == omit_year:
            return PartialDate(month, day)
        return PartialDate(month, day, year)
    if match := _MONTH_DAY.match(value):
        return PartialDate(int(match.group(1)), int(match.group(2)))
    if match := _YEAR_MONTH.match(value):
        return ReducedDate(year=int(match.group(1)), month=int(match.group(2)))
    if match := _YEAR.match(value):
        return ReducedDate(year=int(match.group(1)))
    if match := _MONTH.match(value):
        return ReducedDate(month=int(match.group(1)))
    if match := _DAY.match(value):
        return ReducedDate(day=int(match.group(1)))
    raise DateError(f"'{value}' is not a date")


def day_first(values: Iterable[str]) -> bool | None:
    """Whether a column of numeric dates (4/12/1985, 15.04.1985) puts the day first: True
    if some first number is above 12, False if some second one is, None if every value
    reads both ways. Dots are day first wherever they are written; with no numeric date
    at all the order does not matter (True)."""
    dots = ambiguous = False
    for value in values:
        match = _NUMERIC.match(value.strip())
        if match is None:
            continue
        ambiguous = True
        first, separator, second = int(match.group(1)), match.group(2), int(match.group(3))
        if first > 12:
            return True
        if second > 12:
            return False
        dots = dots or separator == "."
    return True if dots or not ambiguous else None


def parse_csv_date(text: str, day_first_order: bool) -> DateValue:
    """A date from a spreadsheet: ISO forms, numeric dates in the column's order, written
    months ("12 Apr 1985", "April 12, 1985")."""
    value = text.strip()
    if value in EMPTY_DATES:
        raise DateError("empty")
    if match := _NUMERIC.match(value):
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        if len(match.group(4)) == 2:
            year += 2000 if year <= date.today().year % 100 else 1900
        month, day = (second, first) if day_first_order else (first, second)
        return (
            PartialDate(month, day, year)
            if year not in NO_YEAR_PLACEHOLDERS
            else PartialDate(month, day)
        )
    if match := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", value):
        year, month, day = (int(p) for p in match.groups())
        return PartialDate(month, day, None if year in NO_YEAR_PLACEHOLDERS else year)
    for pattern in _TEXT_FORMATS:
        try:
            moment = datetime.strptime(value, pattern)
        except ValueError:
            continue
        return PartialDate(moment.month, moment.day, moment.year)
    return parse_iso_date(value)
