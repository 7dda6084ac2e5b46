"""Moments computed with a fixed clock: birthdays, recurrence, lead times."""

from __future__ import annotations

import os
import time as clock_time
from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest

from relationship_journal.domain import moments
from relationship_journal.domain.dates import PartialDate
from relationship_journal.domain.moments import Bucket, MomentKind


def test_year_less_birthday_has_no_age_and_falls_each_year() -> None:
    found = moments.birthdays(1, "Aiko", PartialDate(1, 4), date(2026, 12, 1), date(2028, 1, 31))
    assert [m.day for m in found] == [date(2027, 1, 4), date(2028, 1, 4)]
    assert found[0].title == "Aiko's birthday"
    assert found[0].key == "birthday:1:2027"


def test_leap_day_birthday_is_kept_on_28_february_in_common_years() -> None:
    lars = PartialDate(2, 29, 1988)
    found = moments.birthdays(2, "Lars", lars, date(2027, 1, 1), date(2028, 12, 31))
    assert [m.day for m in found] == [date(2027, 2, 28), date(2028, 2, 29)]
    assert found[0].title == "Lars's 39th birthday"
    assert found[1].title == "Lars's 40th birthday"


def test_anniversaries_start_after_the_first_year() -> None:
    met = date(2025, 11, 30)
    assert (
        moments.anniversaries(1, "Kwame", "we met", met, date(2025, 11, 1), date(2025, 12, 31))
        == []
    )
    (first,) = moments.anniversaries(
        1, "Kwame", "we met", met, date(2026, 11, 1), date(2026, 12, 31)
    )
    assert first.day == date(2026, 11, 30) and first.title.startswith("1 year since we met")


def _days(rule: str, start: datetime, first: date, last: date) -> list[date]:
    return [m.day for m in moments.reminder_occurrences(1, "R", start, rule, first, last)]


def test_recurrence_every_second_tuesday_and_third_monday() -> None:
    start = datetime(2026, 1, 6, 9, 0)  # a Tuesday
    assert _days("FREQ=WEEKLY;INTERVAL=2;BYDAY=TU", start, date(2026, 1, 1), date(2026, 2, 28)) == [
        date(2026, 1, 6),
        date(2026, 1, 20),
        date(2026, 2, 3),
        date(2026, 2, 17),
    ]
    assert _days("FREQ=MONTHLY;BYDAY=3MO", start, date(2026, 1, 1), date(2026, 3, 31)) == [
        date(2026, 1, 19),
        date(2026, 2, 16),
        date(2026, 3, 16),
    ]


def test_recurrence_across_month_ends() -> None:
    start = datetime(2026, 1, 31, 9, 0)
    # The 31st exists in some months only; RFC 5545 skips the others.
    assert _days("FREQ=MONTHLY;BYMONTHDAY=31", start, date(2026, 1, 1), date(2026, 5, 31)) == [
        date(2026, 1, 31),
        date(2026, 3, 31),
        date(2026, 5, 31),
    ]
    # "The last day of the month" is BYMONTHDAY=-1.
    assert _days("FREQ=MONTHLY;BYMONTHDAY=-1", start, date(2026, 2, 1), date(2026, 4, 30)) == [
        date(2026, 2, 28),
        date(2026, 3, 31),
        date(2026, 4, 30),
    ]


def test_last_working_day_of_each_quarter() -> None:
    rule = "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"
    assert _days(rule, datetime(2026, 1, 1, 9, 0), date(2026, 1, 1), date(2026, 12, 31)) == [
        date(2026, 3, 31),
        date(2026, 6, 30),
        date(2026, 9, 30),
        date(2026, 12, 31),
    ]
    assert _days(rule, datetime(2027, 1, 1, 9, 0), date(2027, 1, 1), date(2027, 3, 31)) == [
        date(2027, 3, 31)
    ]


@pytest.fixture
def berlin() -> Iterator[None]:
    previous = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/Berlin"
    clock_time.tzset()
    yield
    if previous is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = previous
    clock_time.tzset()


def test_weekly_meeting_keeps_its_wall_clock_time_across_daylight_saving(berlin: None) -> None:
    from relationship_journal.exchange.ics_export import moments_calendar

    start = datetime(2026, 3, 20, 9, 0).astimezone()
    found = moments.reminder_occurrences(
        7, "Sync", start, "FREQ=WEEKLY", date(2026, 3, 20), date(2026, 4, 3), all_day=False
    )
    assert [(m.day, m.at) for m in found] == [
        (date(2026, 3, 20), time(9, 0)),
        (date(2026, 3, 27), time(9, 0)),
        (date(2026, 4, 3), time(9, 0)),
    ]
    text = moments_calendar(found, datetime(2026, 3, 1, tzinfo=UTC)).decode()
    # 09:00 in Berlin is 08:00 UTC in winter and 07:00 UTC after the change on 29 March.
    assert "DTSTART:20260320T080000Z" in text
    assert "DTSTART:20260327T080000Z" in text
    assert "DTSTART:20260403T070000Z" in text


def test_buckets() -> None:
    today = date(2026, 11, 24)
    assert moments.bucket(date(2026, 11, 23), today) is Bucket.OVERDUE
    assert moments.bucket(today, today) is Bucket.TODAY
    assert moments.bucket(date(2026, 12, 1), today) is Bucket.THIS_WEEK
    assert moments.bucket(date(2026, 12, 20), today) is Bucket.NEXT_30_DAYS


def test_notice_days_per_kind_and_per_contact() -> None:
    rules = {("birthday", None): 7, ("birthday", 5): 14}
    assert moments.notice_days(MomentKind.BIRTHDAY, 5, rules) == 14
    assert moments.notice_days(MomentKind.BIRTHDAY, 6, rules) == 7
    assert moments.notice_days(MomentKind.PROMISE_MINE, 6, rules) == 2


def test_stage_nudges_can_be_switched_off() -> None:
    since = date(2026, 11, 1)
    (nudge,) = moments.stage_nudges(3, "Sofía", "customer", "storming", since)
    assert nudge.day == date(2026, 11, 3)
    assert (
        moments.stage_nudges(3, "Sofía", "customer", "storming", since, {"storming-response"}) == []
    )
