"""How numbers of things are said: "1 contact", "3 contacts", "no promises"."""

from __future__ import annotations

from collections.abc import Callable
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


def day_month(day: date) -> str:
    """ "7 Mar": a day without a leading zero, as the printed brief and the command line
    write it (the window writes dates in the user's locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def day_month_year(day: date) -> str:
    """ "7 Mar 2026"."""
    return f"{day_month(day)} {day.year}"


def weekday_day(day: date) -> str:
    """ "Sat 7 Mar"."""
    return f"{_WEEKDAYS[day.weekday()]} {day_month(day)}"


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


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
    return day_month(day)


RECENT_DAYS = 30  # up to this many days back a day reads as "12 days ago", then as its date


def since_day(
    moment_day: date | None, today: date, written: Callable[[date], str] = day_month_year
) -> str:
    """How long ago something was ("today", "yesterday", "12 days ago") up to a month back,
    else the date as ``written`` writes it (the window passes the locale's form)."""
    if moment_day is None:
        return "never"
    delta = (today - moment_day).days
    if delta <= 0:
        return "today"
    if delta == 1:
        return "yesterday"
    if delta <= RECENT_DAYS:
        return f"{delta} days ago"
    return written(moment_day)


# What each health means, for a tooltip or a legend (the rules are in ledger.health).
HEALTH_MEANINGS = {
    "new": "Nothing logged yet",
    "overdrawn": "The balance is below zero: more withdrawals than deposits lately",
    "drifting": "No interaction for longer than the stay-in-touch cadence (90 days if none)",
    "growing": "The balance rose by 0.5 or more over the last 90 days",
    "cooling": "The balance fell by 0.5 or more over the last 90 days",
    "steady": "The balance moved less than 0.5 either way over the last 90 days",
}
TIER_MEANING = "Tier: how much this relationship matters to your work (key, strategic, standard)"
STAGE_MEANING = "Stage: where the relationship stands in its model (Stage… changes it)"
TREND_MEANING = "Trend: how much the balance moved over the last 90 days"
BALANCE_MEANING = "Balance: deposits minus withdrawals, each fading with age (half-life 120 days)"
