"""How long someone has been known, and how counts are said."""

from __future__ import annotations

from datetime import date, timedelta

from relationship_journal.domain.wording import count_of, known_for, since_day


def test_a_year_counts_only_once_its_anniversary_has_come() -> None:
    met = date(2022, 11, 26)
    assert known_for(met, date(2026, 11, 25)) == "3 years"
    assert known_for(met, date(2026, 11, 26)) == "4 years"


def test_days_then_whole_months_then_years() -> None:
    met = date(2026, 1, 31)
    assert known_for(met, date(2026, 3, 1)) == "29 days"
    assert known_for(date(2026, 1, 15), date(2026, 4, 14)) == "2 months"
    assert known_for(met, date(2027, 12, 30)) == "22 months"
    assert known_for(met, date(2028, 1, 31)) == "2 years"
    assert known_for(None, date(2026, 1, 1)) == ""
    assert known_for(date(2027, 1, 1), date(2026, 1, 1)) == "0 days"


def test_counts_take_the_right_form() -> None:
    assert count_of(1, "contact") == "1 contact"
    assert count_of(1200, "promise") == "1,200 promises"
    assert count_of(2, "has", "have") == "2 have"


def test_since_day_is_relative_for_a_month_then_the_date() -> None:
    today = date(2026, 11, 26)
    assert since_day(today - timedelta(days=1), today) == "yesterday"
    assert since_day(today - timedelta(days=30), today) == "30 days ago"
    assert since_day(today - timedelta(days=31), today) == "26 Oct 2026"
    assert since_day(today - timedelta(days=40), today, lambda d: d.isoformat()) == "2026-10-17"
    assert since_day(None, today) == "never"
