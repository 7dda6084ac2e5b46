"""How numbers of things are said: "1 contact", "3 contacts", "no promises"."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta


def count_of(number: int, singular: str, plural: str | None = None) -> str:
    """``number`` with the noun in the right form, thousands grouped."""
    noun = singular if number == 1 else (plural or f"{singular}s")
    return f"{number:,} {noun}"


def known_for(met_on: date | None, today: date) -> str:
    """How long the user has known someone: days at first, months for two years, then
    years ("3 weeks" would be false precision; "1 year" hides half a year)."""
    if met_on is None:
        return ""
    days = max((today - met_on).days, 0)
    if days < 60:
        return count_of(days, "day")
    # Whole calendar months and years: a year counts only once its anniversary has come.
    elapsed = relativedelta(today, met_on)
    months = elapsed.years * 12 + elapsed.months
    if months < 24:
        return count_of(months, "month")
    return count_of(elapsed.years, "year")


def relative_day(day: date, today: date) -> str:
    """A day near today in words ("today", "in 3 days", "5 days overdue"), else the date."""
    delta = (day - today).days
    if delta < 0:
        return f"{count_of(-delta, 'day')} overdue"
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if delta < 14:
        return f"in {delta} days"
    return f"{day.day} {day:%b}"


def since_day(moment_day: date | None, today: date) -> str:
    """How long ago something was ("today", "yesterday", "12 days ago"), else the date."""
    if moment_day is None:
        return "never"
    delta = (today - moment_day).days
    if delta <= 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta < 60:
        return f"{delta} days ago"
    return f"{moment_day.day} {moment_day:%b %Y}"
